"""The 20 Hz meter events take a shorter check on the receive thread: it must read every frame exactly as the
InputVolumeMeters spec does — the same values kept, the same problems named, the same frames refused."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

from obs.wire import EVENTS, Invalid, clean_event, parse_frame

HOSTILE: list[Any] = [0.0, 1.0, 100.0, 100.5, -0.1, None, True, 1, "x", [], {}, 1e308, "a" * 2000, [[0.5]] * 70]


def meters(inputs: int = 3, channels: int = 2) -> dict[str, Any]:
    rng = random.Random(inputs * 10 + channels)
    return {
        "inputs": [
            {"inputName": f"麦克风 {i}", "inputLevelsMul": [[rng.random(), rng.random(), rng.random()]] * channels}
            for i in range(inputs)
        ]
    }


def read_by_spec(data: dict[str, Any]) -> tuple[str, list[str]]:
    problems: list[str] = []
    try:
        return json.dumps(EVENTS["InputVolumeMeters"].clean(data, problems), sort_keys=True), problems
    except Invalid as exc:
        return f"invalid: {exc}", []


def read_by_client(data: dict[str, Any]) -> tuple[str, list[str]]:
    try:
        cleaned, problems = clean_event("InputVolumeMeters", data)
    except Invalid as exc:
        return f"invalid: {exc}", []
    return json.dumps(cleaned, sort_keys=True), problems


def mutate(rng: random.Random, data: dict[str, Any]) -> None:
    entry = data["inputs"][rng.randrange(len(data["inputs"]))]
    if not isinstance(entry, dict):
        return
    value = rng.choice([*HOSTILE, [[rng.choice(HOSTILE)]], [rng.choice(HOSTILE)]])
    where = rng.randrange(6)
    if where == 0:
        entry["inputLevelsMul"] = [[0.3, 0.3, 0.3], [0.1, value, 0.2]]
    elif where == 1:
        entry["inputName"] = value
    elif where == 2:
        entry["inputLevelsMul"] = value
    elif where == 3:
        data["inputs"][0] = value
    elif where == 4:
        data["inputs"] = value
    else:
        entry.pop("inputLevelsMul", None)


def test_every_mutated_meter_event_reads_as_the_spec_reads_it() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        data = meters()
        for _ in range(rng.randrange(1, 3)):
            if isinstance(data.get("inputs"), list) and data["inputs"] and isinstance(data["inputs"][0], dict):
                mutate(rng, data)
        assert read_by_client(copy.deepcopy(data)) == read_by_spec(copy.deepcopy(data)), data


def test_non_finite_levels_from_the_wire_are_named_not_passed() -> None:
    frame = b'{"inputs": [{"inputName": "Mic", "inputLevelsMul": [[NaN, 0.5, 0.5], [0.1, 1e400, 0.2]]}]}'
    cleaned, problems = clean_event("InputVolumeMeters", parse_frame(frame))
    assert cleaned == {"inputs": [{"inputName": "Mic"}]}
    assert problems and "inputLevelsMul" in problems[0]


def test_a_plain_meter_event_keeps_its_levels() -> None:
    data = meters(8, 2)
    cleaned, problems = clean_event("InputVolumeMeters", copy.deepcopy(data))
    assert cleaned == data
    assert problems == []
