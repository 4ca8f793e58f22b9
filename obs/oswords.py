"""Why the operating system refused, in words: an OSError, a socket or TLS error or a timeout as a short phrase.

The system's own text ("[Errno 111] Connection refused", "[Errno 28] No space left on device", "timed out") is
English whatever language the console speaks, and names the errno rather than what to do: a Chinese console read
"无法连接：[Errno 111] Connection refused". `reason(exc)` is that cause as a Message (context "OsWords") that the
reader's language says where it is shown (`Message.in_language`), keeping the path or the host the reader needs.
Only an errno not known here falls back to the system's words. No Qt.
"""

from __future__ import annotations

import errno
import json
import socket

from obs.text import QT_TRANSLATE_NOOP, Message

CONTEXT = "OsWords"

#: errno → (phrase without a name, phrase naming the file or the computer). The phrase follows a colon in the
#: sentence that holds it ("… could not be written: the disk is full"), so it starts in lower case.
_PHRASES: dict[int, tuple[str, str]] = {
    errno.ECONNREFUSED: (
        QT_TRANSLATE_NOOP(
            "OsWords", "connection refused: nothing is listening there; is the program running, and the port right?"
        ),
        QT_TRANSLATE_NOOP(
            "OsWords", "connection refused: nothing is listening at {name}; is the program running, and the port right?"
        ),
    ),
    errno.ETIMEDOUT: (
        QT_TRANSLATE_NOOP("OsWords", "no answer in time; is the other computer on, or a firewall in the way?"),
        QT_TRANSLATE_NOOP("OsWords", "{name} did not answer in time; is it on, or a firewall in the way?"),
    ),
    errno.EHOSTUNREACH: (
        QT_TRANSLATE_NOOP(
            "OsWords", "that computer cannot be reached on the network; check that it is on and on the same network"
        ),
        QT_TRANSLATE_NOOP(
            "OsWords",
            "the computer {name} cannot be reached on the network; check that it is on and on the same network",
        ),
    ),
    errno.ENETUNREACH: (
        QT_TRANSLATE_NOOP("OsWords", "the network cannot be reached: is this computer connected?"),
        QT_TRANSLATE_NOOP("OsWords", "the network of {name} cannot be reached: is this computer connected?"),
    ),
    errno.ECONNRESET: (
        QT_TRANSLATE_NOOP("OsWords", "the other side reset the connection"),
        QT_TRANSLATE_NOOP("OsWords", "{name} reset the connection"),
    ),
    errno.EPIPE: (
        QT_TRANSLATE_NOOP("OsWords", "the other side closed the connection"),
        QT_TRANSLATE_NOOP("OsWords", "{name} closed the connection"),
    ),
    errno.ENOSPC: (
        QT_TRANSLATE_NOOP("OsWords", "the disk is full; free some space or choose another disk"),
        QT_TRANSLATE_NOOP("OsWords", "the disk holding {name} is full; free some space or choose another disk"),
    ),
    errno.EACCES: (
        QT_TRANSLATE_NOOP("OsWords", "no permission; check the owner and permissions, or choose another place"),
        QT_TRANSLATE_NOOP(
            "OsWords", "no permission to use {name}; check its owner and permissions, or choose another place"
        ),
    ),
    errno.ENOENT: (
        QT_TRANSLATE_NOOP("OsWords", "the file or folder does not exist"),
        QT_TRANSLATE_NOOP("OsWords", "{name} does not exist"),
    ),
    errno.EROFS: (
        QT_TRANSLATE_NOOP("OsWords", "the disk is read-only; choose another place"),
        QT_TRANSLATE_NOOP("OsWords", "{name} is on a read-only disk; choose another place"),
    ),
    errno.EADDRINUSE: (
        QT_TRANSLATE_NOOP(
            "OsWords", "the address is already in use: another program holds the port; close it or choose another port"
        ),
        QT_TRANSLATE_NOOP(
            "OsWords", "{name} is already in use: another program holds the port; close it or choose another port"
        ),
    ),
    errno.EISDIR: (
        QT_TRANSLATE_NOOP("OsWords", "a folder is in the way, not a file"),
        QT_TRANSLATE_NOOP("OsWords", "{name} is a folder, not a file"),
    ),
    errno.ENOTDIR: (
        QT_TRANSLATE_NOOP("OsWords", "a file is in the way where a folder should be"),
        QT_TRANSLATE_NOOP("OsWords", "a part of {name} is a file where a folder should be"),
    ),
    # A folder made where a file of its name stands (mkdir with exist_ok raises it, not ENOTDIR).
    errno.EEXIST: (
        QT_TRANSLATE_NOOP("OsWords", "a file or folder of that name is already in the way"),
        QT_TRANSLATE_NOOP("OsWords", "{name} already exists and is in the way (a file where a folder should be?)"),
    ),
    errno.EIO: (
        QT_TRANSLATE_NOOP("OsWords", "the disk reported a read or write error"),
        QT_TRANSLATE_NOOP("OsWords", "the disk holding {name} reported a read or write error"),
    ),
}
# The same causes under other numbers: said the same way.
_SAME = {
    errno.EPERM: errno.EACCES,
    errno.EDQUOT: errno.ENOSPC,
    errno.EHOSTDOWN: errno.EHOSTUNREACH,
    errno.ENETDOWN: errno.ENETUNREACH,
    errno.ECONNABORTED: errno.ECONNRESET,
}

_NAME_NOT_FOUND = (
    QT_TRANSLATE_NOOP("OsWords", "the computer name could not be found"),
    QT_TRANSLATE_NOOP("OsWords", "the computer name “{name}” could not be found: check its spelling"),
)
_NAME_SERVER_SILENT = (
    QT_TRANSLATE_NOOP("OsWords", "no name server answers: is this computer connected?"),
    QT_TRANSLATE_NOOP("OsWords", "the name “{name}” could not be looked up: is this computer connected?"),
)
_CERTIFICATE = (
    QT_TRANSLATE_NOOP(
        "OsWords",
        "the secure connection (TLS) failed: the certificate could not be verified"
        "; check the address and this computer's date and time",
    ),
    QT_TRANSLATE_NOOP(
        "OsWords",
        "the secure connection (TLS) to {name} failed: its certificate could not be verified"
        "; check the address and this computer's date and time",
    ),
)
_TLS = (
    QT_TRANSLATE_NOOP("OsWords", "the secure connection (TLS) failed"),
    QT_TRANSLATE_NOOP("OsWords", "the secure connection (TLS) to {name} failed"),
)
# Not known here: the system's own words, as they are (a template with nothing to translate).
_AS_SAID = "{error}"


def cause(exc: BaseException) -> OSError | None:
    """The OSError (socket, TLS, timeout) behind `exc`: itself, a URLError's reason, or what it was raised from
    (a library's own error over the socket's); None if none is."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError):  # TimeoutError, socket.gaierror, ssl.SSLError and ConnectionError too
            inner = getattr(current, "reason", None)  # urllib's URLError is an OSError wrapping the real one
            if isinstance(inner, OSError) and id(inner) not in seen:
                current = inner
                continue
            return current
        current = current.__cause__ or current.__context__
    return None


def reason(exc: BaseException, name: str = "", *, named: bool = True) -> Message:
    """Why `exc` failed, as a short phrase in lower case (context "OsWords"; say it with `in_language`).

    `name`: the computer (host or host:port) the failure concerns, which socket errors do not carry; a file error
    names its own path (`filename`). `named=False` when the sentence around the phrase names the file already.
    An error that is not the system's (no OSError behind it), or an errno not known here: its own text."""
    found = cause(exc)
    if found is None:
        return Message(_AS_SAID, {"error": str(exc) or type(exc).__name__}, CONTEXT)
    filename = getattr(found, "filename", None)
    who = str(filename) if filename is not None and named else (name if named else "")
    pair = _phrases(found)
    if pair is None:
        said = found.strerror or str(found) or type(found).__name__
        return Message(_AS_SAID, {"error": f"{said}: {who}" if who else said}, CONTEXT)
    return Message(pair[1], {"name": who}, CONTEXT) if who else Message(pair[0], {}, CONTEXT)


_JSON_MISTAKE = QT_TRANSLATE_NOOP("OsWords", "not valid JSON: the mistake is at line {line}, column {column}")
_NOT_UTF8 = QT_TRANSLATE_NOOP("OsWords", "not UTF-8 text: byte {position} cannot be read")


def data_reason(exc: ValueError) -> Message:
    """Why a file's text could not be read as JSON, as a short phrase in lower case where it is shown: where the
    mistake is. The parser's own words ("Expecting value: line 1 column 12 (char 11)") are English whatever language
    the console speaks (fix26j: a Chinese console read "无法读取已保存的直播间（Expecting value: …）")."""
    if isinstance(exc, json.JSONDecodeError):
        return Message(_JSON_MISTAKE, {"line": exc.lineno, "column": exc.colno}, CONTEXT)
    if isinstance(exc, UnicodeDecodeError):
        return Message(_NOT_UTF8, {"position": exc.start + 1}, CONTEXT)
    return Message(_AS_SAID, {"error": str(exc) or type(exc).__name__}, CONTEXT)


def reason_or(exc: BaseException, text: str, name: str = "") -> Message | str:
    """The cause in words when the system's error behind `exc` is one known here, else `text` (the caller's own
    account of it: a library's message, with any secret in an address taken out)."""
    found = cause(exc)
    return text if found is None or _phrases(found) is None else reason(exc, name)


def _phrases(exc: OSError) -> tuple[str, str] | None:
    import ssl  # here: every `onair` command imports this module, and few ever meet an error

    if isinstance(exc, socket.gaierror):
        return _NAME_SERVER_SILENT if exc.errno == socket.EAI_AGAIN else _NAME_NOT_FOUND
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _CERTIFICATE
    if isinstance(exc, ssl.SSLError):
        return _TLS
    number = exc.errno
    if number is None and isinstance(exc, TimeoutError):  # socket.timeout, asyncio's, a future's: no errno
        number = errno.ETIMEDOUT
    if number is None:
        return None
    return _PHRASES.get(_SAME.get(number, number))
