"""A finding held at its severity by the hysteresis after its figure recovered quotes the worst figure of the
episode, said as such — not the healthy figure of this second beside "critical" ("FPS below target … 30.0 fps,
target 30", "render time 4.3/33.3 ms")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pytest
from PySide6.QtWidgets import QApplication

from obs.health import Finding, HealthEngine
from obs.vocabulary import Severity

Figures = Mapping[str, float | None]


def _run(engine: HealthEngine, seconds: int, figures: Figures, start: int) -> int:
    for t in range(start, start + seconds):
        engine.feed(float(t), figures)
    return start + seconds


def _held(kind: str, bad: Figures, good: Figures, bad_s: int, good_s: int) -> Finding:
    engine = HealthEngine(wall=lambda: 1_790_000_000.0)
    t = _run(engine, bad_s, bad, 0)
    opened = {f.id: f for f in engine.active()}
    assert kind in opened and opened[kind].severity == Severity.CRITICAL, engine.active()
    _run(engine, good_s, good, t)
    held = {f.id: f for f in engine.active()}
    assert kind in held and held[kind].severity == Severity.CRITICAL, "the hysteresis still holds it"
    return held[kind]


CASES = {
    "fps_low": (
        {"fps": 18.0, "fps_target": 30.0},
        {"fps": 30.0, "fps_target": 30.0},
        10, 6, ("18.0",), ("OBS renders 30.0 fps",),
    ),
    "render_time": (
        {"render_ms": 40.0, "frame_budget_ms": 33.3},
        {"render_ms": 4.3, "frame_budget_ms": 33.3},
        15, 9, ("40.0",), ("takes 4.3 ms",),
    ),
    "cpu_saturated": (
        {"cpu_system_pct": 99.0, "obs_cpu_pct": 30.0},
        {"cpu_system_pct": 20.0, "obs_cpu_pct": 10.0},
        15, 12, ("99 %",), ("CPU is at 20 %",),
    ),
    "network": (
        {"drop_network_pct": 8.0, "congestion": 0.9, "bitrate_kbps": 900.0},
        {"drop_network_pct": 0.0, "congestion": 0.0, "bitrate_kbps": 2500.0},
        6, 4, ("8.0 %",), ("Network: 0.0 % of frames dropped",),
    ),
    "disk_low": (
        {"disk_free_mb": 512.0},
        {"disk_free_mb": 40960.0},
        4, 3, ("0.5 GB",), ("Only 40.0 GB",),
    ),
    "recording_stalled": (
        {"recording": 1.0, "record_kbps": 0.0, "disk_free_mb": 40960.0},
        {"recording": 1.0, "record_kbps": 6000.0, "disk_free_mb": 40960.0},
        8, 2, ("8 s",), (),
    ),
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_held_finding_quotes_the_worst_figure_of_its_episode(kind: str) -> None:
    bad, good, bad_s, good_s, worst, healthy = CASES[kind]
    finding = _held(kind, bad, good, bad_s, good_s)
    message = finding.message
    assert "this episode" in message, message
    for figure in worst:
        assert figure in message, message
    for words in healthy:
        assert words not in message, message


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    from console.i18n import install_translator, remove_translators

    translators = install_translator(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_held_findings_words_are_chinese_too(kind: str, chinese: None) -> None:
    from PySide6.QtCore import QCoreApplication

    bad, good, bad_s, good_s, worst, _healthy = CASES[kind]
    finding = _held(kind, bad, good, bad_s, good_s)
    translated = QCoreApplication.translate("Health", finding.template)
    assert translated != finding.template, finding.template
    text = finding.explain(translated)
    assert "本次" in text, text
    for figure in worst:
        assert figure.split()[0] in text, text
