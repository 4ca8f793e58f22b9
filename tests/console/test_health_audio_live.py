"""The audio rules live through `onair monitor`'s Monitor, over the real protocol: each scripted audio scenario of
the simulator (as `onair demo-obs --scenario NAME` plays it) brings its finding in the monitor's JSON; the
healthy room live on the host's scene brings none."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from obs.clock import ManualClock
from obs.simulator.handlers import HANDLERS
from obs.simulator.scenarios import SCENARIOS, Scenario, run_scenario
from obs.simulator.server import ObsSimulator, SimulatorThread
from tests.conftest import PASSWORD
from tests.console.test_health_live import connected_monitors, one_second

#: scenario -> (the finding it must bring, its severity)
CASES = {
    "muted-mic": ("mic_muted", "critical"),
    "silent-mic": ("mic_silent", "warning"),
    "clipping-mic": ("clipping", "warning"),
    "silent-product-video": ("product_silent", "warning"),
}


def live_on_host_scene(sim: ObsSimulator) -> None:
    """What the operator does around `silent-mic` (a scenario that only breaks the microphone): go live."""
    HANDLERS["SetCurrentProgramScene"](sim, {"sceneName": "直播中"})
    HANDLERS["StartStream"](sim, {})


@pytest.fixture
def rooms(clock: ManualClock) -> Iterator[dict[str, SimulatorThread]]:
    made = {name: SimulatorThread(password=PASSWORD, seed=5, clock=clock).start() for name in [*CASES, "healthy"]}
    try:
        yield made
    finally:
        for sim in made.values():
            sim.stop()


def test_each_audio_scenario_brings_its_finding_in_the_monitor_and_a_healthy_live_room_none(
    rooms: dict[str, SimulatorThread], clock: ManualClock
) -> None:
    """In compressed time (tests/console/test_health_live.py): each advance of the shared clock is one second
    of the scenarios, with its twenty meter readings, one poll and one sample per room."""
    seen: dict[str, dict[str, Any]] = {name: {} for name in rooms}
    with ExitStack() as stack:
        monitors = connected_monitors(stack, rooms, clock)
        for name, sim in rooms.items():
            if name in ("silent-mic", "healthy"):
                sim.call(live_on_host_scene)
            if name in SCENARIOS:
                scenario = SCENARIOS[name]

                def play(s: ObsSimulator, scenario: Scenario = scenario) -> asyncio.Future[None]:
                    return asyncio.ensure_future(run_scenario(s, scenario))

                sim.call(play)
        started = clock.now()
        for _ in range(40):
            one_second(clock, monitors)
            for name, monitor in monitors.items():
                _, line = monitor.sample()
                for finding in line["findings"]:
                    seen[name].setdefault(finding["id"], finding)
            if all(CASES[name][0] in seen[name] for name in CASES) and clock.now() - started > 20.0:
                break
    for name, (finding_id, severity) in CASES.items():
        assert finding_id in seen[name], f"{name}: expected {finding_id}, saw {sorted(seen[name])}"
        finding = seen[name][finding_id]
        assert finding["category"] == "audio" and finding["severity"] == severity, finding
        assert finding["message"] and finding["remedies"], finding
    assert seen["muted-mic"]["mic_muted"]["evidence"]["input"] == "麦克风"
    assert seen["silent-product-video"]["product_silent"]["evidence"]["input"] == "商品视频"
    assert seen["clipping-mic"]["clipping"]["evidence"]["peak_db"] >= -0.5
    # A busy shared test machine may truly saturate the CPU; anything else on a healthy room is a false alarm.
    assert set(seen["healthy"]) <= {"cpu_saturated"}, seen["healthy"]


def test_a_product_video_whose_file_is_missing_is_said_to_be_unplayable_not_silent(clock: ManualClock) -> None:
    """tech16b: OBS 29 reports a media source whose file is missing as playing (GetMediaInputStatus PLAYING, length
    0, position 0; no audio channels — measured on a real OBS 29.0.2), so the finding said the video "is playing but
    no sound comes from it". It cannot be played: the finding says so, and which file."""
    sim = SimulatorThread(password=PASSWORD, seed=5, clock=clock).start()
    try:
        sim.call(lambda s: s.inject("missing-product-video"))  # the file was gone before the console connected
        seen: dict[str, Any] = {}
        with ExitStack() as stack:
            monitors = connected_monitors(stack, {"missing": sim}, clock)
            sim.call(lambda s: HANDLERS["SetCurrentProgramScene"](s, {"sceneName": "商品特写"}))
            sim.call(lambda s: HANDLERS["StartStream"](s, {}))
            for _ in range(30):
                one_second(clock, monitors)
                _, line = monitors["missing"].sample()
                seen.update({f["id"]: f for f in line["findings"]})
                if "product_silent" in seen:
                    break
    finally:
        sim.stop()
    finding = seen["product_silent"]
    assert finding["evidence"]["file"] == "/home/streamer/Videos/新品展示.mp4"
    assert "cannot be played: OBS could not open its file (/home/streamer/Videos/新品展示.mp4)" in finding["message"]
    assert "playing but" not in finding["message"]
    assert any("Show Missing Files" in remedy for remedy in finding["remedies"]), finding["remedies"]


def test_a_product_video_pointed_at_a_missing_file_mid_show_is_said_then_and_cleared_when_it_plays_again(
    clock: ManualClock,
) -> None:
    """tech17: the file was read only when the console connected, so a product video pointed at a missing file
    mid-show (its properties changed; OBS 29 says "started", "ended", then ENDED — measured) was not said until the
    next connect: the console now reads the input again when OBS says it started, ended or changed. The simulator's
    `product-video-file-lost` scenario does what OBS does: at 8 s the source is pointed at a missing file, at 40 s
    restarted (OBS then says it plays, with length 0), at 60 s pointed back at its file."""
    from obs.simulator.scenarios import LOST_FILE
    from obs.vocabulary import title

    sim = SimulatorThread(password=PASSWORD, seed=5, clock=clock).start()
    seen: dict[float, dict[str, Any]] = {}
    try:
        with ExitStack() as stack:
            monitors = connected_monitors(stack, {"lost": sim}, clock)
            started = clock.now()
            scenario = SCENARIOS["product-video-file-lost"]
            sim.call(lambda s: asyncio.ensure_future(run_scenario(s, scenario)))
            for _ in range(75):
                one_second(clock, monitors)
                _, line = monitors["lost"].sample()
                found = next((f for f in line["findings"] if f["id"] == "product_silent"), None)
                if found is not None:
                    seen[clock.now() - started] = found
    finally:
        sim.stop()
    assert seen, "the missing file was never said"
    first = min(seen)
    assert 8 < first <= 8 + 12, f"said at {first:.0f} s, not when the file went missing at 8 s"
    finding = seen[first]
    assert finding["evidence"]["file"] == LOST_FILE and finding["evidence"]["unplayable"] is True, finding
    assert f"cannot be played: OBS could not open its file ({LOST_FILE})" in finding["message"], finding["message"]
    assert title(finding["id"], finding["evidence"]) == "Product video cannot be played"
    # Restarted, OBS says it plays (with no length): still the same missing file.
    restarted = [f for at, f in seen.items() if 42 <= at < 60]
    assert restarted and all("cannot be played" in f["message"] for f in restarted), restarted
    # Pointed back at its file, it plays and is heard: the finding closes.
    assert not [at for at in seen if at > 66], f"still open at {max(seen):.0f} s after the file was back"
