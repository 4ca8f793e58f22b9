"""Sensed checklist checks against a real OBS Studio: what the simulator's answers cannot prove."""

from __future__ import annotations

import math
from typing import Any

import pytest

from checklists.checks import CHECKS, Status, run_check
from checklists.context import SessionContext
from checklists.engine import ChecklistRun, ItemStatus
from checklists.model import Item, Section, Template
from obs.session import ObsSession
from tests.conftest import sensed_template
from tests.e2e.conftest import RealObs
from tests.e2e.harness import FPS, OUTPUT


def test_a_sensed_checklist_passes_on_a_healthy_real_obs(real_obs: RealObs) -> None:
    items: list[tuple[str, dict[str, object]]] = [
        ("obs.connected", {}),
        ("obs.version_at_least", {"version": "29.0"}),
        ("obs.scene_exists", {"scene": "直播中"}),
        ("obs.program_scene", {"scene": "Main"}),
        ("obs.input_not_muted", {"input": "Clip"}),
        ("audio.level_above", {"input": "Clip", "threshold_db": -40.0, "seconds": 2.0}),
        ("video.not_black", {"source": "Main"}),
        ("video.not_frozen", {"source": "Main", "seconds": 2.0}),
        ("obs.output_video", {"width": OUTPUT[0], "height": OUTPUT[1], "fps": float(FPS)}),
        ("obs.video_bitrate", {"min_kbps": 300, "max_kbps": 1000}),
        ("obs.stream_configured", {}),
        ("network.ingest_reachable", {"max_ms": 200.0}),
        ("system.disk_free", {"min_gb": 1.0}),
        ("obs.output_state", {"output": "stream", "active": False}),
    ]
    template = sensed_template(items, "real")
    with ObsSession("127.0.0.1", real_obs.obs.port, real_obs.obs.password, poll_interval=None) as session:
        assert session.wait_connected(15)
        session.wait_for(lambda t: t.meter_updates > 5, 5)
        run = ChecklistRun(template, "e2e", "real")
        run.check(SessionContext(session))
    problems = {
        item.check: run.states[item.id].outcome.detail  # type: ignore[union-attr]
        for item in template.items
        if run.states[item.id].status is not ItemStatus.PASSED
    }
    assert problems == {}


def test_a_missing_scene_and_a_muted_input_fail_on_real_obs(real_obs: RealObs) -> None:
    with ObsSession("127.0.0.1", real_obs.obs.port, real_obs.obs.password, poll_interval=None) as session:
        assert session.wait_connected(15)
        session.request("SetInputMute", {"inputName": "Clip", "inputMuted": True})
        try:
            assert session.wait_for(lambda t: t.state.input("Clip") is not None and t.state.input("Clip").muted, 5)
            template = Template(
                "real",
                {"en": "Real OBS"},
                "any",
                (
                    Section(
                        {"en": "S"},
                        (
                            Item("scene", {"en": "scene"}, "obs.scene_exists", {"scene": "抽奖"}),
                            Item("mic", {"en": "mic"}, "audio.level_above", {"input": "Clip", "seconds": 1.0}),
                        ),
                    ),
                ),
            )
            run = ChecklistRun(template, "e2e", "real")
            run.check(SessionContext(session))
        finally:
            session.request("SetInputMute", {"inputName": "Clip", "inputMuted": False})
    assert run.states["scene"].status is ItemStatus.FAILED
    assert run.states["mic"].outcome is not None and run.states["mic"].outcome.detail == "“Clip” is muted."


class _Recording:
    """The session's context, keeping the meter readings a check was given."""

    def __init__(self, inner: SessionContext) -> None:
        self.inner = inner
        self.readings: list[tuple[float, list[list[float]]]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]:
        self.readings = self.inner.meter_history(input_name, since)
        return self.readings


def test_the_peak_and_a_scene_that_renders_nothing_on_real_obs(real_obs: RealObs) -> None:
    with ObsSession("127.0.0.1", real_obs.obs.port, real_obs.obs.password, poll_interval=None) as session:
        assert session.wait_connected(15)
        session.wait_for(lambda t: t.meter_updates > 5, 5)
        ctx = _Recording(SessionContext(session))
        level = run_check(CHECKS["audio.level_above"], ctx, {"input": "Clip", "threshold_db": -60.0, "seconds": 2.0})
        # An empty scene: OBS answers GetSourceScreenshot with a fully transparent picture.
        empty = run_check(CHECKS["video.not_black"], ctx, {"source": "商品特写", "seconds": 0.5})
    channels = [channel for _, levels in ctx.readings for channel in levels]
    peak = max(20 * math.log10(channel[1]) for channel in channels if channel[1] > 0)
    magnitude = max(20 * math.log10(channel[0]) for channel in channels if channel[0] > 0)
    print(f"\nreal OBS: peak {peak:.2f} dBFS, magnitude {magnitude:.2f} dBFS, reported {level.fields.get('peak')}")
    assert peak > magnitude + 1.0, "OBS's peak sits above its magnitude"
    assert level.fields["peak"] == pytest.approx(peak, abs=0.01), level.detail
    assert empty.status is Status.FAILED and "“商品特写” renders nothing" in empty.detail, empty.detail
