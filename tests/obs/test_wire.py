"""obs.wire on its own: what a frame may contain, and what each kind of bad value becomes."""

from __future__ import annotations

import json

import pytest

from obs.wire import (
    MAX_DEPTH,
    FrameError,
    Invalid,
    clean_event,
    clean_response,
    finite_float,
    parse_careful,
    parse_frame,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": NaN, "b": Infinity, "c": -Infinity}', {"a": None, "b": None, "c": None}),
        ('{"a": 1e400, "b": -1e400, "c": 1.5}', {"a": None, "b": None, "c": 1.5}),
        (
            '{"a": ' + "9" * 401 + ', "b": 9223372036854775807, "c": -9223372036854775809}',
            {"a": None, "b": 2**63 - 1, "c": None},
        ),
        ('{"a\\ud800": ["x\\udfff", "\\ud83d\\ude00"]}', {"a\ufffd": ["x\ufffd", "\U0001f600"]}),
    ],
)
def test_numbers_python_would_accept_are_unknown_and_lone_surrogates_are_replaced(text: str, expected: object) -> None:
    assert parse_frame(text) == expected
    assert parse_frame(text.encode()) == expected  # frames arrive as bytes: the scan must send these the careful way
    json.dumps(parse_frame(text), allow_nan=False).encode("utf-8")  # what the rest of the console can hold


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 900, 100_000])
def test_nesting_is_bounded_with_a_specific_error(depth: int) -> None:
    with pytest.raises(FrameError, match="nested deeper"):
        parse_frame("[" * depth + "]" * depth)
    assert parse_frame("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None


def test_not_json_and_not_utf8() -> None:
    with pytest.raises(FrameError, match="malformed JSON"):
        parse_frame("{not json")
    with pytest.raises(FrameError, match="not valid UTF-8"):
        parse_frame(b"\xff\xfe{}")


def test_a_bad_field_is_removed_and_named_the_rest_is_kept() -> None:
    data, problems = clean_response("GetStats", {"cpuUsage": None, "activeFps": 30.0, "memoryUsage": "lots"})
    assert data == {"activeFps": 30.0}
    assert any(p.startswith("cpuUsage") for p in problems) and any("'lots' is not a number" in p for p in problems)


def test_video_settings_are_all_or_nothing() -> None:
    good = {"baseWidth": 1920, "baseHeight": 1080, "outputWidth": 1280, "outputHeight": 720}
    data, problems = clean_response("GetVideoSettings", {**good, "fpsNumerator": 30, "fpsDenominator": 0})
    assert data == {} and "fpsDenominator" in problems[0]
    data, problems = clean_response("GetVideoSettings", {**good, "fpsNumerator": 30000.0, "fpsDenominator": 1001})
    assert data["fpsNumerator"] == 30000 and isinstance(data["fpsNumerator"], int) and not problems


def test_a_required_field_makes_the_whole_event_invalid() -> None:
    with pytest.raises(Invalid, match=r"scenes\[0\]|scenes: 5"):
        clean_event("SceneListChanged", {"scenes": 5})
    data, problems = clean_event("SceneListChanged", {"scenes": [{"sceneName": 5}, "x", {"sceneName": "A"}]})
    assert data == {"scenes": [{"sceneName": "A"}]} and len(problems) == 2


def test_unknown_types_pass_through_and_booleans_are_not_numbers() -> None:
    assert clean_event("CustomEvent", {"anything": [1, {"x": None}]}) == ({"anything": [1, {"x": None}]}, [])
    assert finite_float(True) is None and finite_float(2, 0, 1) is None and finite_float(0.5, 0, 1) == 0.5


FRAMES = [
    # What OBS sends all day: the fast path.
    '{"op": 7, "d": {"requestId": "12", "requestStatus": {"result": true, "code": 100}, '
    '"responseData": {"cpuUsage": 2.5342, "renderTotalFrames": 1000, "activeFps": 30.000000300000007}}}',
    '{"op": 5, "d": {"eventType": "InputVolumeMeters", "eventData": {"inputs": [{"inputName": "麦克风", '
    '"inputLevelsMul": [[0.1, 0.2, 0.3]]}]}}}',
    '{"a": -9223372036854775807, "b": 1e-300, "c": 1.7976931348623157e308, "d": "\\u4e2d \\ud83d\\ude00"}',
    # What the scan must catch (some only look like trouble: they take the careful path all the same).
    '{"a": 9223372036854775808, "b": -9223372036854775809, "c": 12345678901234567890123}',
    '{"a": 1E400, "b": -1e+400, "c": 2e0400, "d": 0.1234567890123456789012}',
    '{"a": NaN, "b": -Infinity, "c": "NaN is a name", "d": "Infinity"}',
    '{"a": "\\ud800", "b": "\\uDFFF", "\\udbff": 1}',
    "[" * MAX_DEPTH + "]" * MAX_DEPTH,
    "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
    '{"a": [' + ", ".join('{"b": [1]}' for _ in range(40)) + "]}",
    '{"a": 1',
    '"\\ud800"',
]


@pytest.mark.parametrize("text", FRAMES)
def test_the_fast_path_reads_every_frame_as_the_careful_path_does(text: str) -> None:
    """Frames that arrive as bytes are scanned and, when nothing in them needs bounding or replacing, read by the
    C parser alone: the result (values and their types) or the error must be the careful path's, always."""
    try:
        expected: object = parse_careful(text)
    except FrameError as exc:
        with pytest.raises(FrameError) as info:
            parse_frame(text.encode())
        assert str(info.value) == str(exc)
        return
    got = parse_frame(text.encode())
    assert got == expected and json.dumps(got) == json.dumps(expected)  # 1 and 1.0 print apart
    json.dumps(got, allow_nan=False).encode("utf-8")
