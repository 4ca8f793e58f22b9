"""One vocabulary: the translation marker is defined once (obs/text.py), every severity and category the
engines emit is a member of the shared enums, and a stored finding reads back into the same words."""

from __future__ import annotations

import ast
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest

from console.graphs import GRAPHS
from obs.health import Finding, HealthEngine
from obs.logfile import analyze
from obs.text import Message
from obs.vocabulary import CATEGORY_NAMES, TITLES, TROUBLESHOOTING, Category, Kind, Severity, rank
from tests.obs.test_health import BASE, Show
from widgets.graph_spec import Threshold

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("obs", "checklists", "console", "widgets")


def _modules() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (REPO / package).rglob("*.py"))


def test_the_translation_marker_is_defined_only_in_obs_text() -> None:
    """A second definition would drift (one added a docstring, one a different signature); lupdate finds the
    calls by name whatever module they import it from, so one definition loses nothing."""
    defining = [
        str(path.relative_to(REPO))
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Assign)
        and (
            getattr(node, "name", None) == "QT_TRANSLATE_NOOP"
            or any(isinstance(t, ast.Name) and t.id == "QT_TRANSLATE_NOOP" for t in getattr(node, "targets", ()))
        )
    ]
    assert defining == ["obs/text.py"]


def _faulty_show() -> list[Finding]:
    """A show that goes wrong everywhere at once, recovers, then loses OBS on air: every stream rule speaks."""
    show = Show().run(20)
    show.run(
        75,
        drop_render_pct=8.0,
        drop_encode_pct=3.0,
        drop_network_pct=9.0,
        congestion=0.9,
        fps=20.0,
        render_ms=40.0,
        disk_free_mb=900.0,
        cpu_system_pct=99.0,
        recording=1.0,
        record_kbps=0.0,
        reconnecting=1.0,
    )
    show.run(150).run(10, link_ok=False)
    return [change.finding for _, change in show.changes]


def test_every_severity_category_and_kind_the_engine_emits_is_in_the_vocabulary() -> None:
    findings = _faulty_show()
    assert {f.id for f in findings} >= {
        Kind.RENDER_LAG, Kind.ENCODE_LAG, Kind.NETWORK, Kind.RECONNECT, Kind.FPS_LOW, Kind.RENDER_TIME,
        Kind.RECORDING_STALLED, Kind.DISK_LOW, Kind.CPU_SATURATED, Kind.OBS_UNREACHABLE,
    }  # fmt: skip
    for finding in findings:
        assert isinstance(finding.id, Kind), finding.id
        assert isinstance(finding.category, Category), finding.category
        assert isinstance(finding.severity, Severity) and isinstance(finding.peak, Severity), finding
        assert finding.id in TITLES
    # Every rule the engine runs (the audio ones too) is named, titled and placed in a category.
    for rule in HealthEngine().rules:
        assert isinstance(rule.id, Kind) and isinstance(rule.category, Category) and rule.id in TITLES
    assert set(CATEGORY_NAMES) == set(Category) == set(HealthEngine().levels())
    assert set(TROUBLESHOOTING) <= set(Kind)


def test_the_stored_words_are_the_strings_they_always_were() -> None:
    """The database and the monitor's JSON hold plain strings; the members must be those very strings."""
    finding = _faulty_show()[0]
    row = finding.to_row()
    assert json.loads(json.dumps(row)) == row and type(json.loads(json.dumps(row))["severity"]) is str
    assert [s.value for s in Severity] == ["info", "warning", "critical"]
    assert [c.value for c in Category] == ["render", "encode", "network", "disk", "connection", "system", "audio"]
    assert rank(None) < rank("info") < rank(Severity.WARNING) < rank("critical")


def test_the_log_findings_speak_the_same_vocabulary(tmp_path: Path) -> None:
    log = tmp_path / "2026-11-30 10-00-00.txt"
    log.write_text(
        "10:00:00.000: OBS 30.0.0 (linux)\n"
        "10:00:01.000: Warning: OBS is already running!\n"
        "10:00:02.000: ==== Streaming Start ===============================================\n"
        "10:00:03.000: Output 'simple_stream': Reconnecting in 2.00 seconds..\n"
        "10:00:09.000: Output 'simple_stream': stopping\n"
        "10:00:09.000: Output 'simple_stream': Total frames output: 900 (1000 attempted)\n"
        "10:00:09.000: Output 'simple_stream': Number of dropped frames due to insufficient bandwidth/connection "
        "stalls: 100 (10.0%)\n"
        "10:00:09.000: ==== Streaming Stop ================================================\n",
        encoding="utf-8",
    )
    findings = analyze(log).findings
    assert {f.id for f in findings} >= {"network_drops", "reconnects", "two_instances", "log_incomplete"}
    for finding in findings:
        assert isinstance(finding.category, Category) and isinstance(finding.severity, Severity), finding


def _chinese() -> Callable[[str, str], str]:
    """The shipped catalogue as Qt's translate(context, text) would read it — without Qt."""
    catalogue = {
        (context.findtext("name") or "", message.findtext("source") or ""): message.findtext("translation") or ""
        for context in ET.parse(REPO / "resources" / "translations" / "onair_zh_CN.ts").getroot().iter("context")
        for message in context.iter("message")
    }
    return lambda context, text: catalogue.get((context, text)) or text


def test_a_stored_finding_reads_back_into_the_same_words_in_english_and_chinese() -> None:
    zh = _chinese()
    for finding in _faulty_show():
        row = json.loads(json.dumps(finding.to_row()))  # what the database hands back: plain JSON-able values
        back = Finding.from_row(row, wall_offset=0.0)
        assert back.explain() == finding.explain() == row["message"]
        chinese = back.explain(zh("Health", back.template))
        assert (
            chinese
            == finding.text.in_language(zh)
            == Message.from_json(finding.text.to_json(), "Health").in_language(zh)
        )
        assert chinese != row["message"] and "{" not in chinese, chinese
        assert back.severity == finding.severity and back.category == finding.category
        assert [zh("Health", r) for r in back.remedies] == [zh("Health", r) for r in finding.remedies]


def test_a_message_says_an_unknown_figure_as_a_dash_and_translates_its_nested_words() -> None:
    inner = Message("the parameters of {check}", {"check": "scene_exists"}, "Checklists")
    outer = Message("{what} are wrong: {pct:.1f} %", {"what": inner, "pct": None}, "Checklists")
    assert outer.explain() == "the parameters of scene_exists are wrong: — %"
    words = {"the parameters of {check}": "{check} 的参数", "{what} are wrong: {pct:.1f} %": "{what}有误：{pct:.1f} %"}
    assert outer.in_language(lambda context, text: words[text]) == "scene_exists 的参数有误：— %"


def _line(graph_id: str, unit: str, label: str) -> Threshold:
    graph = next(g for g in GRAPHS if g.id == graph_id)
    pane = next(p for p in graph.panes if p.unit == unit)
    return next(t for t in pane.thresholds if t.label == label)


@pytest.mark.parametrize(
    ("channel", "line", "reference", "finding", "severity"),
    [
        ("drop_render_pct", ("graph_dropped", "%", "Warning 1 %"), None, Kind.RENDER_LAG, Severity.WARNING),
        ("drop_render_pct", ("graph_dropped", "%", "Danger 5 %"), None, Kind.RENDER_LAG, Severity.CRITICAL),
        ("fps", ("graph_fps", "fps", "Warning"), "fps_target", Kind.FPS_LOW, Severity.WARNING),
        ("fps", ("graph_fps", "fps", "Danger"), "fps_target", Kind.FPS_LOW, Severity.CRITICAL),
        ("render_ms", ("graph_fps", "ms", "Warning"), "frame_budget_ms", Kind.RENDER_TIME, Severity.WARNING),
        ("render_ms", ("graph_fps", "ms", "Frame interval"), "frame_budget_ms", Kind.RENDER_TIME, Severity.CRITICAL),
    ],
)
def test_a_graph_line_is_where_the_health_engine_changes_its_verdict(
    channel: str, line: tuple[str, str, str], reference: str | None, finding: Kind, severity: Severity
) -> None:
    """What the operator sees cross a graph's warning or danger line is what the Health dock calls a warning or
    critical: both read the same threshold."""
    threshold = _line(*line)
    at = cast(float, threshold.value if reference is None else threshold.factor * cast(float, BASE[reference]))
    assert threshold.reference == reference
    worse = -0.3 if channel == "fps" else 0.3  # FPS is bad below its line, the others above
    beyond = {f.id: f.severity for f in Show().run(30, link_ok=True, **{channel: at + worse}).engine.active()}
    assert beyond.get(finding) == severity
    short = {f.id: f.severity for f in Show().run(30, link_ok=True, **{channel: at - worse}).engine.active()}
    assert short.get(finding) != severity


def test_the_split_modules_keep_their_public_names() -> None:
    """Code that imported a rule or a log finding from obs.health / obs.logfile still finds it there."""
    import obs.health
    import obs.health_rules
    import obs.log_findings
    import obs.logfile

    for name in ("RenderLag", "FpsLow", "ObsUnreachable", "KBIT_PER_MIB"):
        assert getattr(obs.health, name) is getattr(obs.health_rules, name)
    assert obs.health.TITLES is TITLES and obs.health.CATEGORY_NAMES is CATEGORY_NAMES
    for name in ("Finding", "KINDS", "SLOW_PRESETS"):
        assert getattr(obs.logfile, name) is getattr(obs.log_findings, name)
    with pytest.raises(AttributeError):
        _ = obs.health.NoSuchRule
