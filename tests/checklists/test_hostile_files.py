"""Hostile checklist files in a team folder: refused with file and line, bounded in cost, the others still load."""

from __future__ import annotations

import math
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from checklists.checks import CHECKS, MAX_LISTEN_S
from checklists.loader import MAX_FILE_BYTES, MAX_ITEMS, load_all
from obs.simulator.server import SimulatorThread
from tests.checklists.test_templates import BUNDLED_IDS, GOOD_ITEM, doc

pytestmark = pytest.mark.timeout(60)


def level_check(seconds: str) -> str:
    return doc(
        "      - id: mic\n        title: Mic\n        check: audio.level_above\n"
        f"        with: {{input: 麦克风, seconds: {seconds}}}\n"
    )


def many_items(count: int) -> str:
    return doc("".join(f"      - {{id: i{n}, title: Item {n}, manual: true}}\n" for n in range(count)))


HOSTILE = {
    "unknown-tag": ("id: !foo bar\ntitle: T\nsections: []\n", 1, "tag “!foo” is not allowed"),
    "python-name": (
        "id: !!python/name:os.system\ntitle: T\nsections: []\n",
        1,
        "the tag “!!python/name:os.system” is not allowed",
    ),
    "python-apply": (
        doc("      - id: a\n        title: !!python/object/apply:os.system [touch pwned]\n        manual: true\n"),
        7,
        "is not allowed",
    ),
    "deep-lists": ("id: t\ntitle: T\nsections: " + "[" * 5000 + "]" * 5000 + "\n", 3, "nested more than"),
    "deep-maps": ("id: t\ntitle: T\nsections:\n" + "  " + "{a: " * 5000 + "1" + "}" * 5000 + "\n", 4, "nested"),
    "a-day-of-listening": (
        level_check("86400.0"),
        9,
        "“seconds” of audio.level_above must be at least 0.1 and at most 60",
    ),
    "infinite-listening": (level_check(".inf"), 9, "must be a finite number"),
    "nan-listening": (level_check(".nan"), 9, "must be a finite number"),
    "empty-listening": (level_check("~"), 9, "may not be empty"),
    "impossible-date": ("id: t\ntitle: 2024-99-99\nsections: []\n", 2, "not a valid value"),
    "too-many-items": (many_items(MAX_ITEMS + 1), 6, f"more than {MAX_ITEMS} items"),
    "too-many-values": ("id: t\ntitle: T\nsections: [" + "x, " * 20_000 + "]\n", 3, "YAML values"),
    "hundred-thousand-items": (many_items(100_000), 0, f"larger than {MAX_FILE_BYTES // 1024} KB"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_is_refused_with_its_line_and_the_others_load(name: str, tmp_path: Path) -> None:
    text, line, words = HOSTILE[name]
    (tmp_path / "ours.yaml").write_text(doc(GOOD_ITEM, "id: ours\ntitle: Ours\n"), encoding="utf-8")
    (tmp_path / "hostile.yaml").write_text(text, encoding="utf-8")
    templates, problems = load_all([tmp_path])
    assert set(templates) == BUNDLED_IDS | {"ours"}, "the bundled lists and the team's good one still load"
    assert len(problems) == 1, problems
    assert (Path(problems[0].file).name, problems[0].line) == ("hostile.yaml", line), problems[0]
    assert words in problems[0].message, problems[0].message


@pytest.mark.parametrize(
    ("check", "params", "words"),
    [
        ("video.not_frozen", "{source: 摄像机, seconds: 1.0e+400}", "finite"),
        ("system.cpu_headroom", "{seconds: 3600}", "at most 60"),
        ("network.ingest_reachable", "{host: h, port: 70000}", "at most 65535"),
        ("obs.output_state", "{output: moon, active: true}", "one of stream, record, virtualcam"),
        ("obs.scene_exists", "{scene: " + "S" * 300 + "}", "at most 256 characters"),
        ("obs.video_bitrate", "{min_kbps: -1}", "at least 0"),
    ],
)
def test_every_parameter_is_bounded(check: str, params: str, words: str, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        doc(f"      - id: a\n        title: A\n        check: {check}\n        with: {params}\n"), encoding="utf-8"
    )
    _, problems = load_all([tmp_path])
    assert [(Path(p.file).name, p.line) for p in problems] == [("p.yaml", 9)]
    assert words in problems[0].message, problems[0].message


def test_every_declared_default_is_within_its_own_bounds() -> None:
    for spec in CHECKS.values():
        for param in spec.params:
            assert param.problem(param.default) is None or param.required, (spec.name, param.name)
            if param.name == "seconds":
                assert param.maximum is not None and param.maximum <= MAX_LISTEN_S and math.isfinite(param.maximum)


def test_onair_check_refuses_an_infinite_window_with_exit_2_and_the_line(
    sim: SimulatorThread, tmp_path: Path, onair_check: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    path = tmp_path / "live.yaml"
    path.write_text(level_check(".inf"), encoding="utf-8")
    result = onair_check(sim.port, "--checklist", str(path), "--lang", "en", tmp_path=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{path}:9:" in result.stderr and "finite" in result.stderr
    assert "Traceback" not in result.stderr
