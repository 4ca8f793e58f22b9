"""Typed errors of the OBS link, and connection failures explained in words a streamer can act on."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from obs.protocol import RequestStatus
from obs.text import QT_TRANSLATE_NOOP, Message, Translate

TR_CONTEXT = "ObsLink"


class Explained(Exception):
    """An error whose message is a translatable template with named fields: the GUI shows it in the user's
    language (translating the template in its own context), logs and the CLI in English."""

    def __init__(self, template: str, **fields: object) -> None:
        self.text = Message(template, fields)
        super().__init__(self.text.explain())

    @property
    def template(self) -> str:
        return self.text.template

    @property
    def fields(self) -> Mapping[str, object]:
        return self.text.fields

    def explain(self, translated_template: str | None = None) -> str:
        return self.text.explain(translated_template)

    def in_language(self, translate: Translate, context: str) -> str:
        """The sentence in the reader's language, its template looked up in `context`, and a field that is words
        too (a system error's cause, obs.oswords) in its own."""
        return Message(self.template, self.fields, context).in_language(translate)


class ObsError(Exception):
    """Base of every error the OBS link raises."""


class RequestError(ObsError):
    """OBS answered a request with a failure status: carries obs-websocket's code and comment."""

    def __init__(self, request_type: str, code: int, comment: str | None) -> None:
        self.request_type = request_type
        self.code = code
        self.comment = comment or ""
        text = f"{code} {RequestStatus.label(code)}"
        if self.comment:
            text += f": {self.comment}"
        super().__init__(f"{request_type} failed: {text}")

    @property
    def status_text(self) -> str:
        """'600 ResourceNotFound: No source was found by the name of `Cam`'."""
        text = f"{self.code} {RequestStatus.label(self.code)}"
        return f"{text}: {self.comment}" if self.comment else text


class RequestTimeout(ObsError):
    """OBS did not answer a request in time (a frozen or overloaded OBS)."""

    def __init__(self, request_type: str, timeout: float) -> None:
        self.request_type = request_type
        self.timeout = timeout
        super().__init__(f"{request_type}: no answer from OBS within {timeout:g} s")


class NotConnected(ObsError):
    """The request could not be sent, or its answer could not arrive, because the link is down."""


class NotAnswering(NotConnected):
    """Not sent: OBS has stopped answering (the link holds the connection open while it waits for OBS). A change
    written into a frozen OBS's socket is carried out whenever OBS recovers, even after the link has given up and
    reconnected: a scene switch clicked during a freeze went on air 13 s later, after the team had been told it
    failed."""

    def __init__(self, request_type: str) -> None:
        self.request_type = request_type
        super().__init__(f"{request_type}: not sent, OBS is not answering")


class ProtocolError(ObsError):
    """OBS answered, but with something that cannot be true (an input list that is a number, …): the state read
    from it cannot be trusted, so the link drops the connection and reads everything again."""


class UnsupportedRequest(ObsError):
    """The connected obs-websocket does not offer this request (checked against GetVersion)."""

    def __init__(self, request_type: str, version: str) -> None:
        self.request_type = request_type
        super().__init__(f"{request_type} is not available in obs-websocket {version}")


class FailureKind(enum.Enum):
    """Why a connection could not be made or was lost."""

    NAME_NOT_RESOLVED = "name_not_resolved"
    HOST_UNREACHABLE = "host_unreachable"
    PORT_CLOSED = "port_closed"
    TIMEOUT = "timeout"
    NOT_OBS_WEBSOCKET = "not_obs_websocket"
    LEGACY_V4 = "legacy_v4"
    AUTH_FAILED = "auth_failed"
    AUTH_REQUIRED = "auth_required"
    INCOMPATIBLE = "incompatible"
    OBS_CLOSED = "obs_closed"
    CONNECTION_LOST = "connection_lost"
    UNRESPONSIVE = "unresponsive"
    PROTOCOL_ERROR = "protocol_error"
    # The console's own link code failed; the link restarted itself (this is a bug to report).
    LINK_FAILED = "link_failed"


#: Failures that retrying cannot fix: the link stops and waits for the user.
PERMANENT_FAILURES = frozenset(
    {FailureKind.AUTH_FAILED, FailureKind.AUTH_REQUIRED, FailureKind.INCOMPATIBLE, FailureKind.LEGACY_V4}
)

#: Plain-language explanation per failure kind; `{host}`, `{port}`, `{detail}` are filled in.
_EXPLANATIONS: dict[FailureKind, str] = {
    FailureKind.NAME_NOT_RESOLVED: QT_TRANSLATE_NOOP(
        "ObsLink", "The computer name “{host}” could not be found. Check the spelling, or use its IP address."
    ),
    FailureKind.HOST_UNREACHABLE: QT_TRANSLATE_NOOP(
        "ObsLink",
        "The computer {host} cannot be reached on the network. Check that it is on, on the same network, "
        "and that the address is right.",
    ),
    FailureKind.PORT_CLOSED: QT_TRANSLATE_NOOP(
        "ObsLink",
        "Nothing is listening on {host}:{port}. Is OBS running? In OBS, open Tools → WebSocket Server "
        "Settings and check “Enable WebSocket server” and the port. A firewall may also block the port.",
    ),
    FailureKind.TIMEOUT: QT_TRANSLATE_NOOP(
        "ObsLink",
        "{host}:{port} accepted the connection but OBS did not answer in time. OBS may be frozen or "
        "overloaded, or a firewall is dropping traffic.",
    ),
    FailureKind.NOT_OBS_WEBSOCKET: QT_TRANSLATE_NOOP(
        "ObsLink",
        "Something answered on {host}:{port}, but it is not obs-websocket ({detail}). Check the port in "
        "OBS under Tools → WebSocket Server Settings (usually 4455).",
    ),
    FailureKind.LEGACY_V4: QT_TRANSLATE_NOOP(
        "ObsLink",
        "{host}:{port} runs the old obs-websocket 4.x protocol. Use OBS Studio 28 or newer (obs-websocket "
        "5 built in) and its port, usually 4455.",
    ),
    FailureKind.AUTH_FAILED: QT_TRANSLATE_NOOP(
        "ObsLink",
        "OBS rejected the password. Copy it again from OBS (Tools → WebSocket Server Settings → Show "
        "Connect Info) into the room settings.",
    ),
    FailureKind.AUTH_REQUIRED: QT_TRANSLATE_NOOP(
        "ObsLink",
        "OBS asks for a password and none is set for this room. Copy it from OBS (Tools → WebSocket "
        "Server Settings → Show Connect Info).",
    ),
    FailureKind.INCOMPATIBLE: QT_TRANSLATE_NOOP(
        "ObsLink", "This OBS is too old for the console ({detail}). Update OBS Studio to 29 or newer."
    ),
    FailureKind.OBS_CLOSED: QT_TRANSLATE_NOOP(
        "ObsLink", "OBS was closed. The console reconnects as soon as OBS runs again."
    ),
    FailureKind.CONNECTION_LOST: QT_TRANSLATE_NOOP(
        "ObsLink", "The connection to OBS was lost ({detail}). Reconnecting."
    ),
    FailureKind.UNRESPONSIVE: QT_TRANSLATE_NOOP(
        "ObsLink", "OBS stopped answering ({detail}). It may be frozen or overloaded."
    ),
    FailureKind.PROTOCOL_ERROR: QT_TRANSLATE_NOOP(
        "ObsLink", "OBS sent something the console could not understand ({detail})."
    ),
    FailureKind.LINK_FAILED: QT_TRANSLATE_NOOP(
        "ObsLink", "The console's connection to OBS failed on an internal error ({detail}) and was restarted."
    ),
}


@dataclass(frozen=True)
class ConnectionFailure:
    """A classified connection problem: what happened, in words, plus the technical detail."""

    kind: FailureKind
    host: str = ""
    port: int = 0
    detail: str = ""
    close_code: int | None = None
    close_reason: str = ""
    #: The system's error behind `detail` in words (obs.oswords), shown in its place; `detail` keeps the system's
    #: own text for the log.
    cause: Message | None = None

    @property
    def permanent(self) -> bool:
        return self.kind in PERMANENT_FAILURES

    @property
    def template(self) -> str:
        """The untranslated message template (for the GUI's translation lookup)."""
        return _EXPLANATIONS[self.kind]

    @property
    def text(self) -> Message:
        """The explanation as data: its template (context "ObsLink") and the fields it names."""
        detail = self.detail if self.cause is None else self.cause
        return Message(self.template, {"host": self.host, "port": self.port, "detail": detail}, TR_CONTEXT)

    def explain(self, template: str | None = None) -> str:
        """The message with its fields filled in; pass a translated template to localise it."""
        return self.text.explain(template)

    def __str__(self) -> str:
        return self.explain()


class ConnectError(ObsError):
    """Raised by the client's connect(); carries the classified failure."""

    def __init__(self, failure: ConnectionFailure) -> None:
        self.failure = failure
        super().__init__(failure.explain())
