"""What OBS sends, read defensively: frames parsed with bounds, and every field the console reads checked once.

Measured by a torture run (issue 14): Python's json accepts NaN, Infinity, 10**400 and 100,000-deep nesting
(RecursionError), a JSON `\\ud800` escape becomes a lone surrogate that Qt cannot hold, and the state code
crashed on `baseWidth: "1920px"`, `inputs: 5` or a string `sceneIndex`. So this one layer does it all:

- `parse_frame`: NaN, ±Infinity, floats that overflow and integers beyond ±2**63 become None (unknown);
  nesting is bounded; lone surrogates become U+FFFD. A frame that is not JSON raises FrameError. A byte scan
  first tells the frames that cannot hold any of these (nearly all of them), which the C parser then reads
  alone; the rest take the careful path (hooks and a walk, three times the cost).
- `clean_event` / `clean_response`: per event and answer type, the fields the console reads, with their
  type and a sane range. A value that fails is removed (read as unknown, so `.get()` defaults apply) and
  named in the returned problems; a field without which the event or answer means nothing ("required")
  makes the whole of it Invalid, which the client treats as a protocol error (the link reconnects and
  reads the whole state again). Types without a spec pass through unchanged.
"""

from __future__ import annotations

import json
import json.scanner
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

LOG = logging.getLogger(__name__)

#: obs-websocket's deepest message (a source's settings inside an answer) is under 10 levels.
MAX_DEPTH = 64
#: OBS itself puts no limit on names; the console's views and the database do not need more.
MAX_NAME = 1024
MAX_INT = 2**63
_SURROGATE = re.compile("[\ud800-\udfff]")


class FrameError(ValueError):
    """A frame that cannot be read at all: not JSON, or nested too deep."""


class Invalid(ValueError):
    """A value, or a whole event or answer, that fails its spec; the message says what was wrong."""


# ---------------------------------------------------------------------- frames
class _NonFinite:
    """Stands in for NaN/Infinity/overflowing numbers during parsing; replaced by None before anyone sees it."""

    __slots__ = ()


_NON_FINITE = _NonFinite()


def _parse_float(text: str) -> float | _NonFinite:
    value = float(text)
    return value if math.isfinite(value) else _NON_FINITE


def _parse_int(text: str) -> int | _NonFinite:
    # Long digit strings are refused before int(): past 4300 digits int() raises, and far below that the
    # value is already nothing OBS could mean.
    if len(text) > 20:
        return _NON_FINITE
    value = int(text)
    return value if -MAX_INT <= value < MAX_INT else _NON_FINITE


def _parse_constant(_text: str) -> _NonFinite:
    return _NON_FINITE


def safe_text(value: str) -> str:
    """The string with lone surrogates (from `\\udxxx` escapes) replaced by U+FFFD, which Qt and UTF-8 can hold."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def _tidy(value: Any, depth: int) -> Any:
    """Sentinels to None and strings made safe, in place where possible; FrameError past MAX_DEPTH."""
    if isinstance(value, str):
        return safe_text(value)
    if value is _NON_FINITE:
        return None
    if isinstance(value, dict):
        return _tidy_object(value, depth)
    if isinstance(value, list):
        return _tidy_array(value, depth)
    return value


def _deeper(depth: int) -> None:
    if depth >= MAX_DEPTH:
        raise FrameError(f"nested deeper than {MAX_DEPTH} levels")


def _tidy_object(value: dict[str, Any], depth: int) -> dict[str, Any]:
    _deeper(depth)
    bad_keys = False
    for key, item in value.items():
        if isinstance(item, str | dict | list | _NonFinite):
            value[key] = _tidy(item, depth + 1)
        if not key.isascii():
            bad_keys = bad_keys or safe_text(key) is not key
    if bad_keys:
        return {safe_text(k): v for k, v in value.items()}
    return value


def _tidy_array(value: list[Any], depth: int) -> list[Any]:
    _deeper(depth)
    for index, item in enumerate(value):
        if isinstance(item, str | dict | list | _NonFinite):
            value[index] = _tidy(item, depth + 1)
    return value


#: For _plain's scan only: every digit reads 0, and exponents and \\uD escapes read in lower case.
_SCAN = bytes.maketrans(b"0123456789ED+", b"0000000000ed-")
_LONG_DIGITS = b"0" * 19  # 2**63 has 19 digits: any integer out of range has a run this long


#: Frames longer than this go to the careful path without _plain's scan. They are the pictures OBS sends
#: (GetSourceScreenshot: one long base64 string, several a second): base64 holds "e" and "E" followed by three
#: digits every few kilobytes, so the scan (~60 µs for 80 KB, in a loop) finds an "exponent" in nearly every one
#: and the careful path runs anyway, at ~4 µs more than the C parser alone on such a frame.
PLAIN_SCAN_MAX = 16 * 1024

#: json's C scanner itself, as json.loads would use it: one call instead of loads -> decode -> raw_decode and their
#: two whitespace regex matches (~15 µs of the receive thread a frame in place, cProfile). It clears its memo
#: after each call, as for json.loads.
_SCAN_ONCE = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]  # typeshed names the class


def _plain(raw: bytes) -> bool:
    """Can this frame hold nothing that parse_frame must change? No NaN or Infinity, no run of 19 digits
    (an integer beyond ±2**63, a float that overflows without an exponent), no 3-digit exponent (1e400), no
    \\udxxx escape (a lone surrogate can only come from one: the frame is strict UTF-8), and at most
    MAX_DEPTH brackets in all (so no deeper nesting). Strings may trip it (a name "NaN"): they then take the
    careful path, which is exact, only slower. A GetStats answer is scanned in ~3 µs, where the careful
    path's hooks and walk cost ~10 µs more, on the receive thread the caller waits for."""
    scan = raw.translate(_SCAN)
    return not (
        _LONG_DIGITS in scan
        or b"e000" in scan
        or b"e-000" in scan
        or b"\\ud" in scan
        or b"NaN" in scan
        or b"Infinity" in scan
        or scan.count(b"[") + scan.count(b"{") > MAX_DEPTH
    )


def parse_frame(raw: bytes | bytearray | str) -> Any:
    """JSON text to Python, bounded: see the module docstring. Raises FrameError with the reason."""
    data = raw if isinstance(raw, bytes) else None
    if data is None and isinstance(raw, bytearray):
        data = bytes(raw)
    try:
        text = raw if isinstance(raw, str) else (data or b"").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FrameError("message is not valid UTF-8") from exc
    if data is not None and len(data) <= PLAIN_SCAN_MAX and _plain(data):
        # Nothing in it to bound or replace: the C parser's result is already what the careful path gives.
        try:
            value, end = _SCAN_ONCE(text, 0)
        except (StopIteration, ValueError):
            end = -1  # json.loads gives the error its words (or takes leading whitespace)
        if end == len(text):
            return value
        try:
            return json.loads(text)
        except ValueError as exc:
            raise FrameError(f"malformed JSON ({exc})") from exc
    return parse_careful(text)


def parse_careful(text: str) -> Any:
    """parse_frame's careful path for any text: hooks for every number and constant, then a walk over it all."""
    try:
        value = json.loads(text, parse_float=_parse_float, parse_int=_parse_int, parse_constant=_parse_constant)
    except RecursionError as exc:
        raise FrameError(f"malformed JSON (nested deeper than {MAX_DEPTH} levels)") from exc
    except ValueError as exc:
        raise FrameError(f"malformed JSON ({exc})") from exc
    try:
        return _tidy(value, 0)
    except FrameError as exc:
        raise FrameError(f"malformed JSON ({exc})") from exc


# ---------------------------------------------------------------------- typed readers
def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def text(value: Any, max_len: int = MAX_NAME) -> str:
    if not isinstance(value, str):
        raise Invalid(f"{_describe(value)} is not a string")
    if len(value) > max_len:
        raise Invalid(f"a string of {len(value)} characters (at most {max_len})")
    return value


def integer(value: Any, lo: int, hi: int) -> int:
    """An integer (or a float with no fraction: JSON does not tell them apart) in [lo, hi]."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):  # a tuple: faster than int | float in 3.11
        raise Invalid(f"{_describe(value)} is not a number")
    if isinstance(value, float) and not value.is_integer():
        raise Invalid(f"{value!r} is not a whole number")
    if not lo <= value <= hi:
        raise Invalid(f"{_describe(value)} is out of range [{lo}, {hi}]")
    return int(value)


def number(value: Any, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):  # a tuple: faster than int | float in 3.11
        raise Invalid(f"{_describe(value)} is not a number")
    result = float(value)
    if not math.isfinite(result) or not lo <= result <= hi:
        raise Invalid(f"{_describe(value)} is out of range [{lo:g}, {hi:g}]")
    return result


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"{_describe(value)} is not true or false")
    return value


def finite_float(value: Any, lo: float = -math.inf, hi: float = math.inf) -> float | None:
    """The value as a float in [lo, hi], or None (unknown): for readers outside a spec."""
    try:
        return number(value, lo, hi)
    except Invalid:
        return None


def bounded_int(value: Any, lo: int, hi: int) -> int | None:
    """The value as an int in [lo, hi], or None (unknown)."""
    try:
        return integer(value, lo, hi)
    except Invalid:
        return None


# ---------------------------------------------------------------------- specs
Check = Callable[[Any], Any]
_MISSING = object()


@dataclass(frozen=True)
class Field:
    check: Check
    #: Without it (missing or invalid) the event or answer means nothing: the whole is Invalid.
    required: bool = False
    #: JSON null is a normal value here (e.g. no preview scene outside studio mode).
    nullable: bool = False


@dataclass(frozen=True)
class Spec:
    fields: Mapping[str, Field]
    #: One bad field makes every field unknown (a video format with a bad width is no format at all).
    all_or_nothing: bool = False

    def clean(self, data: Mapping[str, Any], problems: list[str], path: str = "") -> dict[str, Any]:
        # On the path of every answer a caller waits for (a GetStats answer: 11 fields): where a field is named
        # only when it failed, and a dict lookup rather than a test and an index.
        out = dict(data)
        failed = False
        for key, spec in self.fields.items():
            value = data.get(key, _MISSING)
            if value is _MISSING:
                if spec.required:
                    raise Invalid(f"{path}{key} is missing")
                failed = failed or self.all_or_nothing
                continue
            if value is None and spec.nullable:
                continue
            try:
                out[key] = _checked(spec.check, value, problems, path, key)
            except Invalid as exc:
                if spec.required:
                    raise Invalid(f"{path}{key}: {exc}") from None
                problems.append(f"{path}{key}: {exc}")
                del out[key]
                failed = True
        if failed and self.all_or_nothing:
            if any(k in data for k in self.fields):
                problems.append(f"so {path.rstrip('.') or 'the answer'} is unknown as a whole")
            return {k: v for k, v in out.items() if k not in self.fields}
        return out


def _checked(check: Any, value: Any, problems: list[str], path: str, key: str) -> Any:
    """One field's value as its check reads it (a list of objects is cleaned entry by entry)."""
    if value is None:
        raise Invalid("null (or NaN, Infinity or a number out of range)")
    if type(check) is Objects:
        return check.clean(value, problems, f"{path}{key}")
    return check(value)


@dataclass(frozen=True)
class Objects:
    """A list of objects, each cleaned by `spec`; entries that are not objects, or fail, are dropped."""

    spec: Spec
    max_items: int = 10_000

    def __call__(self, value: Any) -> Any:  # pragma: no cover - Spec.clean calls clean() with the problem list
        return self.clean(value, [], "")

    def clean(self, value: Any, problems: list[str], path: str) -> list[dict[str, Any]]:
        if not isinstance(value, list):
            raise Invalid(f"{_describe(value)} is not a list")
        if len(value) > self.max_items:
            raise Invalid(f"a list of {len(value)} items (at most {self.max_items})")
        out: list[dict[str, Any]] = []
        for index, entry in enumerate(value):
            where = f"{path}[{index}]"
            if not isinstance(entry, dict):
                problems.append(f"{where}: {_describe(entry)} is not an object")
                continue
            try:
                out.append(self.spec.clean(entry, problems, where + "."))
            except Invalid as exc:
                problems.append(str(exc))
        return out


def _strings(max_items: int = 10_000) -> Check:
    def check(value: Any) -> list[str]:
        if not isinstance(value, list) or len(value) > max_items:
            raise Invalid(f"{_describe(value)} is not a list of at most {max_items} strings")
        kept = [item for item in value if isinstance(item, str) and len(item) <= MAX_NAME]
        if len(kept) != len(value):
            raise Invalid(f"{len(value) - len(kept)} of {len(value)} entries are not strings")
        return kept

    return check


def _levels(value: Any) -> list[list[float]]:
    """InputVolumeMeters' inputLevelsMul: per channel [magnitude, peak, input peak] as multipliers."""
    if not isinstance(value, list) or len(value) > 64:
        raise Invalid(f"{_describe(value)} is not a list of at most 64 channels")
    channels: list[list[float]] = []
    for channel in value:
        if not isinstance(channel, list) or len(channel) > 8:
            raise Invalid(f"channel {_describe(channel)} is not a list of levels")
        channels.append([number(level, 0.0, 100.0) for level in channel])
    return channels


def _f(check: Check, *, required: bool = False, nullable: bool = False) -> Field:
    return Field(check, required, nullable)


def _name(value: Any) -> str:
    return text(value)


def _short(value: Any) -> str:
    return text(value, 128)


_INDEX = _f(lambda v: integer(v, 0, 1_000_000))
_COUNT = _f(lambda v: integer(v, 0, 2**53))
_MS = _f(lambda v: integer(v, 0, 10 * 365 * 86_400_000))  # output durations: ten years at most
_DURATION = _f(lambda v: integer(v, 0, 600_000), nullable=True)  # transitions: OBS's own limit is 20 s
_FLAG = _f(flag)
_NAME = _f(_name)
_NAME_REQUIRED = _f(_name, required=True)
_FLAG_REQUIRED = _f(flag, required=True)
_VOLUME_MUL = _f(lambda v: number(v, 0.0, 100.0))  # OBS allows up to +26 dB (x20)
_VOLUME_DB = _f(lambda v: number(v, -1000.0, 40.0))

_OUTPUT_EVENT = Spec(
    {"outputActive": _FLAG_REQUIRED, "outputState": _f(_short, required=True), "outputPath": _f(_name, nullable=True)}
)
_OUTPUT_STATUS = Spec(
    {
        "outputActive": _FLAG,
        "outputReconnecting": _FLAG,
        "outputPaused": _FLAG,
        "outputBytes": _COUNT,
        "outputDuration": _MS,
        "outputCongestion": _f(lambda v: number(v, 0.0, 1.0)),
        "outputSkippedFrames": _COUNT,
        "outputTotalFrames": _COUNT,
        "outputTimecode": _f(_short),
    }
)
_SCENES = Objects(Spec({"sceneName": _NAME_REQUIRED, "sceneIndex": _INDEX}))
_VOLUME = Spec({"inputName": _NAME_REQUIRED, "inputVolumeMul": _VOLUME_MUL, "inputVolumeDb": _VOLUME_DB})

EVENTS: dict[str, Spec] = {
    "CurrentProgramSceneChanged": Spec({"sceneName": _NAME_REQUIRED}),
    "CurrentPreviewSceneChanged": Spec({"sceneName": _NAME_REQUIRED}),
    "SceneListChanged": Spec({"scenes": _f(_SCENES, required=True)}),
    "SceneCreated": Spec({"sceneName": _NAME_REQUIRED, "isGroup": _FLAG}),
    "SceneRemoved": Spec({"sceneName": _NAME_REQUIRED, "isGroup": _FLAG}),
    "SceneNameChanged": Spec({"oldSceneName": _NAME_REQUIRED, "sceneName": _NAME_REQUIRED}),
    "StudioModeStateChanged": Spec({"studioModeEnabled": _FLAG_REQUIRED}),
    "InputCreated": Spec({"inputName": _NAME_REQUIRED, "inputKind": _NAME}),
    "InputRemoved": Spec({"inputName": _NAME_REQUIRED}),
    "InputNameChanged": Spec({"oldInputName": _NAME_REQUIRED, "inputName": _NAME_REQUIRED}),
    "InputMuteStateChanged": Spec({"inputName": _NAME_REQUIRED, "inputMuted": _FLAG_REQUIRED}),
    "InputVolumeChanged": _VOLUME,
    "InputActiveStateChanged": Spec({"inputName": _NAME_REQUIRED, "videoActive": _FLAG_REQUIRED}),
    "InputShowStateChanged": Spec({"inputName": _NAME_REQUIRED, "videoShowing": _FLAG_REQUIRED}),
    "StreamStateChanged": _OUTPUT_EVENT,
    "RecordStateChanged": _OUTPUT_EVENT,
    "VirtualcamStateChanged": _OUTPUT_EVENT,
    "CurrentSceneTransitionChanged": Spec({"transitionName": _NAME_REQUIRED}),
    "CurrentSceneTransitionDurationChanged": Spec({"transitionDuration": _DURATION}),
    "InputVolumeMeters": Spec(
        {"inputs": _f(Objects(Spec({"inputName": _NAME_REQUIRED, "inputLevelsMul": _f(_levels)})))}
    ),
}

RESPONSES: dict[str, Spec] = {
    "GetVersion": Spec(
        {
            "obsVersion": _f(_short),
            "obsWebSocketVersion": _f(_short),
            "rpcVersion": _f(lambda v: integer(v, 0, 1000)),
            "availableRequests": _f(_strings()),
        }
    ),
    "GetSceneList": Spec(
        {
            "scenes": _f(_SCENES, required=True),
            "currentProgramSceneName": _f(_name, nullable=True),
            "currentPreviewSceneName": _f(_name, nullable=True),
        }
    ),
    "GetStudioModeEnabled": Spec({"studioModeEnabled": _FLAG}),
    "GetInputList": Spec(
        {"inputs": _f(Objects(Spec({"inputName": _NAME_REQUIRED, "inputKind": _NAME})), required=True)}
    ),
    "GetSceneTransitionList": Spec(
        {
            "transitions": _f(Objects(Spec({"transitionName": _NAME_REQUIRED}))),
            "currentSceneTransitionName": _f(_name, nullable=True),
        }
    ),
    "GetCurrentSceneTransition": Spec({"transitionName": _f(_name, nullable=True), "transitionDuration": _DURATION}),
    "GetStreamStatus": _OUTPUT_STATUS,
    "GetRecordStatus": _OUTPUT_STATUS,
    "GetVirtualCamStatus": Spec({"outputActive": _FLAG}),
    "GetVideoSettings": Spec(
        {
            "baseWidth": _f(lambda v: integer(v, 1, 16_384)),
            "baseHeight": _f(lambda v: integer(v, 1, 16_384)),
            "outputWidth": _f(lambda v: integer(v, 1, 16_384)),
            "outputHeight": _f(lambda v: integer(v, 1, 16_384)),
            "fpsNumerator": _f(lambda v: integer(v, 1, 1_000_000)),
            "fpsDenominator": _f(lambda v: integer(v, 1, 1_000_000)),
        },
        all_or_nothing=True,
    ),
    "GetInputMute": Spec({"inputMuted": _FLAG}),
    "GetInputVolume": Spec({"inputVolumeMul": _VOLUME_MUL, "inputVolumeDb": _VOLUME_DB}),
    "GetSourceActive": Spec({"videoActive": _FLAG, "videoShowing": _FLAG}),
    "GetStats": Spec(
        {
            # cpuUsage is percent of one core: 100 x the number of cores at most.
            "cpuUsage": _f(lambda v: number(v, 0.0, 100.0 * 1024)),
            "memoryUsage": _f(lambda v: number(v, 0.0, 1e9)),  # MB
            "availableDiskSpace": _f(lambda v: number(v, 0.0, 1e12)),  # MB: an exabyte
            "activeFps": _f(lambda v: number(v, 0.0, 1000.0)),
            "averageFrameRenderTime": _f(lambda v: number(v, 0.0, 60_000.0)),
            "renderSkippedFrames": _COUNT,
            "renderTotalFrames": _COUNT,
            "outputSkippedFrames": _COUNT,
            "outputTotalFrames": _COUNT,
            "webSocketSessionIncomingMessages": _COUNT,
            "webSocketSessionOutgoingMessages": _COUNT,
        }
    ),
}


def _meters_if_plain(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """InputVolumeMeters' data as the spec would leave it, when every field already passes the spec with floats
    for levels (what OBS sends 20 times a second, on the receive thread); None for anything else, which the spec
    then cleans and names. One pass with no calls per level: a third of the spec's cost."""
    inputs = data.get("inputs", _MISSING)
    if inputs is _MISSING:
        return dict(data)
    if type(inputs) is not list or len(inputs) > 10_000:
        return None
    for entry in inputs:
        if type(entry) is not dict:
            return None
        name = entry.get("inputName")
        if type(name) is not str or len(name) > MAX_NAME:
            return None
        levels = entry.get("inputLevelsMul", _MISSING)
        if levels is not _MISSING and not _plain_levels(levels):
            return None
    return dict(data)


def _plain_levels(levels: Any) -> bool:
    """Does `levels` pass _levels as it is (floats in range)?"""
    if type(levels) is not list or len(levels) > 64:
        return False
    for channel in levels:
        if type(channel) is not list or len(channel) > 8:
            return False
        for level in channel:
            if type(level) is not float or not 0.0 <= level <= 100.0:
                return False
    return True


def clean_event(event_type: str, data: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The event's data with invalid fields removed, and what was wrong; Invalid if a required field fails."""
    problems: list[str] = []
    if event_type == "InputVolumeMeters":
        plain = _meters_if_plain(data)
        if plain is not None:
            return plain, problems
    spec = EVENTS.get(event_type)
    if spec is None:
        return dict(data), problems
    return spec.clean(data, problems), problems


def clean_response(request_type: str, data: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The answer's responseData with invalid fields removed, and what was wrong; Invalid as for events."""
    problems: list[str] = []
    spec = RESPONSES.get(request_type)
    if spec is None:
        return dict(data), problems
    return spec.clean(data, problems), problems


# ---------------------------------------------------------------------- telling
class ProblemLog:
    """Logs what was wrong with what OBS sent, at most once per `every` seconds per kind of message, with a
    count of the ones not logged: a server that sends a bad meter 20 times a second must not flood the log."""

    def __init__(self, every: float = 10.0) -> None:
        self.every = every
        self.total = 0
        self._lock = threading.Lock()
        self._last: dict[str, tuple[float, int]] = {}

    def reset(self) -> None:
        with self._lock:
            self._last.clear()

    def report(self, what: str, problems: list[str]) -> None:
        if not problems:
            return
        now = time.monotonic()
        with self._lock:
            self.total += 1
            last, suppressed = self._last.get(what, (-math.inf, 0))
            if now - last < self.every:
                self._last[what] = (last, suppressed + 1)
                return
            self._last[what] = (now, 0)
        more = f" (and {suppressed} more like it since)" if suppressed else ""
        LOG.warning("OBS sent %s with invalid values, read as unknown: %s%s", what, "; ".join(problems[:8]), more)


PROBLEMS = ProblemLog()
