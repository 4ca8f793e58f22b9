"""obs-websocket v5 protocol constants (from the official spec in shared/obs-websocket)."""

from __future__ import annotations

import base64
import hashlib
from enum import IntEnum, IntFlag

RPC_VERSION = 1
#: The oldest obs-websocket the console accepts: what OBS Studio 29.0 (Debian bookworm) ships.
MIN_OBS_WEBSOCKET_VERSION = (5, 1, 0)
DEFAULT_PORT = 4455
#: obs-websocket 4.x listened here; obs-websocket-py switches to the legacy protocol on it.
LEGACY_V4_PORT = 4444


class OpCode(IntEnum):
    HELLO = 0
    IDENTIFY = 1
    IDENTIFIED = 2
    REIDENTIFY = 3
    EVENT = 5
    REQUEST = 6
    REQUEST_RESPONSE = 7
    REQUEST_BATCH = 8
    REQUEST_BATCH_RESPONSE = 9


class CloseCode(IntEnum):
    NORMAL = 1000
    GOING_AWAY = 1001  # OBS shutting down (after ExitStarted)
    UNKNOWN_REASON = 4000
    MESSAGE_DECODE_ERROR = 4002
    MISSING_DATA_FIELD = 4003
    INVALID_DATA_FIELD_TYPE = 4004
    INVALID_DATA_FIELD_VALUE = 4005
    UNKNOWN_OP_CODE = 4006
    NOT_IDENTIFIED = 4007
    ALREADY_IDENTIFIED = 4008
    AUTHENTICATION_FAILED = 4009
    UNSUPPORTED_RPC_VERSION = 4010
    SESSION_INVALIDATED = 4011
    UNSUPPORTED_FEATURE = 4012


class RequestStatus(IntEnum):
    UNKNOWN = 0
    NO_ERROR = 10
    SUCCESS = 100
    MISSING_REQUEST_TYPE = 203
    UNKNOWN_REQUEST_TYPE = 204
    GENERIC_ERROR = 205
    UNSUPPORTED_REQUEST_BATCH_EXECUTION_TYPE = 206
    NOT_READY = 207  # 5.3+
    MISSING_REQUEST_FIELD = 300
    MISSING_REQUEST_DATA = 301
    INVALID_REQUEST_FIELD = 400
    INVALID_REQUEST_FIELD_TYPE = 401
    REQUEST_FIELD_OUT_OF_RANGE = 402
    REQUEST_FIELD_EMPTY = 403
    TOO_MANY_REQUEST_FIELDS = 404
    OUTPUT_RUNNING = 500
    OUTPUT_NOT_RUNNING = 501
    OUTPUT_PAUSED = 502
    OUTPUT_NOT_PAUSED = 503
    OUTPUT_DISABLED = 504
    STUDIO_MODE_ACTIVE = 505
    STUDIO_MODE_NOT_ACTIVE = 506
    RESOURCE_NOT_FOUND = 600
    RESOURCE_ALREADY_EXISTS = 601
    INVALID_RESOURCE_TYPE = 602
    NOT_ENOUGH_RESOURCES = 603
    INVALID_RESOURCE_STATE = 604
    INVALID_INPUT_KIND = 605
    RESOURCE_NOT_CONFIGURABLE = 606
    INVALID_FILTER_KIND = 607
    RESOURCE_CREATION_FAILED = 700
    RESOURCE_ACTION_FAILED = 701
    REQUEST_PROCESSING_FAILED = 702
    CANNOT_ACT = 703

    @classmethod
    def label(cls, code: int) -> str:
        """The spec's CamelCase name for a code ("ResourceNotFound"), or the number."""
        try:
            name = cls(code).name
        except ValueError:
            return str(code)
        return "".join(part.capitalize() for part in name.split("_"))


class EventSubscription(IntFlag):
    NONE = 0
    GENERAL = 1 << 0
    CONFIG = 1 << 1
    SCENES = 1 << 2
    INPUTS = 1 << 3
    TRANSITIONS = 1 << 4
    FILTERS = 1 << 5
    OUTPUTS = 1 << 6
    SCENE_ITEMS = 1 << 7
    MEDIA_INPUTS = 1 << 8
    VENDORS = 1 << 9
    UI = 1 << 10
    ALL = 0x7FF
    INPUT_VOLUME_METERS = 1 << 16
    INPUT_ACTIVE_STATE_CHANGED = 1 << 17
    INPUT_SHOW_STATE_CHANGED = 1 << 18
    SCENE_ITEM_TRANSFORM_CHANGED = 1 << 19


#: What the console subscribes to: every low-volume category (Ui included, which obs-websocket-py's
#: hard-coded 1023 leaves out) plus the two high-volume events the console shows.
CONSOLE_SUBSCRIPTIONS = (
    EventSubscription.ALL | EventSubscription.INPUT_VOLUME_METERS | EventSubscription.INPUT_ACTIVE_STATE_CHANGED
)

#: Event name -> the subscription bit that enables it (spec `eventSubscription`).
EVENT_CATEGORY: dict[str, EventSubscription] = {
    "ExitStarted": EventSubscription.GENERAL,
    "CustomEvent": EventSubscription.GENERAL,
    "VendorEvent": EventSubscription.VENDORS,
    "StudioModeStateChanged": EventSubscription.UI,
    "ScreenshotSaved": EventSubscription.UI,
    "InputVolumeMeters": EventSubscription.INPUT_VOLUME_METERS,
    "InputActiveStateChanged": EventSubscription.INPUT_ACTIVE_STATE_CHANGED,
    "InputShowStateChanged": EventSubscription.INPUT_SHOW_STATE_CHANGED,
    "SceneItemTransformChanged": EventSubscription.SCENE_ITEM_TRANSFORM_CHANGED,
}
_PREFIX_CATEGORY = (
    ("CurrentSceneCollection", EventSubscription.CONFIG),
    ("SceneCollection", EventSubscription.CONFIG),
    ("CurrentProfile", EventSubscription.CONFIG),
    ("ProfileList", EventSubscription.CONFIG),
    ("SourceFilter", EventSubscription.FILTERS),
    ("MediaInput", EventSubscription.MEDIA_INPUTS),
    ("Input", EventSubscription.INPUTS),
    ("SceneItem", EventSubscription.SCENE_ITEMS),
    ("CurrentSceneTransition", EventSubscription.TRANSITIONS),
    ("SceneTransition", EventSubscription.TRANSITIONS),
    ("CurrentProgramScene", EventSubscription.SCENES),
    ("CurrentPreviewScene", EventSubscription.SCENES),
    ("Scene", EventSubscription.SCENES),
    ("Stream", EventSubscription.OUTPUTS),
    ("Record", EventSubscription.OUTPUTS),
    ("ReplayBuffer", EventSubscription.OUTPUTS),
    ("Virtualcam", EventSubscription.OUTPUTS),
)


def changes_obs(request_type: str) -> bool:
    """Whether a request changes something in OBS (a scene, a mute, the stream…) rather than only reads: every
    obs-websocket v5 request that only reads is named Get… (GetSourceScreenshot included)."""
    return not request_type.startswith("Get")


def event_category(event_type: str) -> EventSubscription:
    """The subscription bit that gates an event type."""
    if event_type in EVENT_CATEGORY:
        return EVENT_CATEGORY[event_type]
    for prefix, category in _PREFIX_CATEGORY:
        if event_type.startswith(prefix):
            return category
    return EventSubscription.GENERAL


class OutputState:
    """Values of the spec's ObsOutputState enum."""

    UNKNOWN = "OBS_WEBSOCKET_OUTPUT_UNKNOWN"
    STARTING = "OBS_WEBSOCKET_OUTPUT_STARTING"
    STARTED = "OBS_WEBSOCKET_OUTPUT_STARTED"
    STOPPING = "OBS_WEBSOCKET_OUTPUT_STOPPING"
    STOPPED = "OBS_WEBSOCKET_OUTPUT_STOPPED"
    RECONNECTING = "OBS_WEBSOCKET_OUTPUT_RECONNECTING"
    RECONNECTED = "OBS_WEBSOCKET_OUTPUT_RECONNECTED"
    PAUSED = "OBS_WEBSOCKET_OUTPUT_PAUSED"
    RESUMED = "OBS_WEBSOCKET_OUTPUT_RESUMED"


def auth_response(password: str, salt: str, challenge: str) -> str:
    """The Identify `authentication` string: base64(sha256(base64(sha256(password+salt)) + challenge))."""
    secret = base64.b64encode(hashlib.sha256((password + salt).encode("utf-8")).digest())
    return base64.b64encode(hashlib.sha256(secret + challenge.encode("utf-8")).digest()).decode("ascii")


def parse_version(text: str) -> tuple[int, ...]:
    """'5.1.0' -> (5, 1, 0); tolerant of suffixes such as '30.0.0-rc1'. Unparseable parts are 0."""
    parts: list[int] = []
    for piece in text.split(".")[:3]:
        digits = ""
        for ch in piece:
            if not ch.isdigit():
                break
            digits += ch
        parts.append(int(digits) if digits else 0)
    while len(parts) < 3:
        parts.append(0)
    return tuple(parts)
