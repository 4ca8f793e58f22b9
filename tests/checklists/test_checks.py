"""Every sensed check against the simulator's scripted conditions, through a real socket."""

from __future__ import annotations

import math
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from checklists.checks import AUTO_INGESTS, CHECKS, Outcome, Status, run_check
from checklists.context import SessionContext
from checklists.engine import ChecklistRun
from obs.session import ObsSession
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import ObsSimulator, SimulatorThread
from tests.conftest import PASSWORD, sensed_template, wait_until


class ObsSessionContext(SessionContext):
    """The checks' context over the tests' own session, which the tests also wait on."""

    session: ObsSession


@pytest.fixture
def ctx(sim: SimulatorThread) -> Iterator[ObsSessionContext]:
    with ObsSession("127.0.0.1", sim.port, PASSWORD, poll_interval=None) as session:
        assert session.wait_connected(10)
        session.wait_for(lambda t: t.meter_updates > 2, 5)
        yield ObsSessionContext(session)


def sense(ctx: ObsSessionContext, name: str, **params: object) -> Outcome:
    return run_check(CHECKS[name], ctx, params)


def test_baseline_room_passes_every_check(sim: SimulatorThread, ctx: ObsSessionContext) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    sim.call(lambda s: s.room.stream_settings.update(server=f"rtmp://127.0.0.1:{port}/live"))
    items: list[tuple[str, dict[str, object]]] = [
        ("obs.connected", {}),
        ("obs.version_at_least", {"version": "29.0"}),
        ("obs.scene_exists", {"scene": "商品特写"}),
        ("obs.program_scene", {"scene": "等待开始"}),
        ("obs.input_exists", {"input": "麦克风"}),
        ("obs.input_not_muted", {"input": "麦克风"}),
        ("audio.level_above", {"input": "麦克风", "seconds": 1.0}),
        ("video.not_black", {"source": "摄像机"}),
        ("video.not_frozen", {"source": "摄像机", "seconds": 1.0}),
        ("obs.stream_configured", {}),
        ("obs.output_video", {"width": 1280, "height": 720, "fps": 30}),
        ("obs.video_bitrate", {"min_kbps": 1000, "max_kbps": 6000}),
        ("system.disk_free", {"min_gb": 10}),
        ("system.cpu_headroom", {"max_pct": 100, "seconds": 0.2}),
        ("network.ingest_reachable", {}),
        ("obs.output_state", {"output": "stream", "active": False}),
    ]
    template = sensed_template(items)
    run = ChecklistRun(template, "tester", "room")
    run.check(ctx)
    failures = {
        i.check: run.states[i.id].outcome.detail  # type: ignore[union-attr]  # run.check gave every item one
        for i in template.items
        if run.states[i.id].outcome.status is not Status.PASSED  # type: ignore[union-attr]  # as above
    }
    listener.close()
    assert failures == {}
    assert run.duration_s is not None and run.duration_s < 2.5, "listening windows run side by side"
    assert set(CHECKS) - {name for name, _ in items} == {"obs.input_active"}
    assert sense(ctx, "obs.input_active", input="商品视频").status is Status.FAILED  # not in the program scene
    HANDLERS_PROGRAM = HANDLERS["SetCurrentProgramScene"]
    sim.call(lambda s: HANDLERS_PROGRAM(s, {"sceneName": "直播中"}))
    # The switch reaches the session as OBS's event: wait for it instead of sleeping a fixed 0.2 s.
    wait_until(lambda: sense(ctx, "obs.input_active", input="摄像机").status is Status.PASSED, 5)


def test_silent_mic_is_measured(sim: SimulatorThread, ctx: ObsSessionContext) -> None:
    sim.call(lambda s: s.inject("silent-mic"))
    outcome = sense(ctx, "audio.level_above", input="麦克风", threshold_db=-50.0, seconds=1.0)
    assert outcome.status is Status.FAILED
    assert "dBFS for 1 s, below −50" in outcome.detail
    assert float(outcome.detail.split(" dBFS")[0].replace("\u2212", "-")) < -65, outcome.detail


def test_muted_mic(sim: SimulatorThread, ctx: ObsSessionContext) -> None:
    sim.call(lambda s: HANDLERS["SetInputMute"](s, {"inputName": "麦克风", "inputMuted": True}))
    assert ctx.session.wait_for(lambda t: t.state.input("麦克风").muted, 5)
    assert sense(ctx, "obs.input_not_muted", input="麦克风").detail == "“麦克风” is muted."
    assert sense(ctx, "audio.level_above", input="麦克风").status is Status.FAILED


@pytest.mark.parametrize(
    ("fault", "check", "words"),
    [
        ("black-camera", "video.not_black", "is black"),
        ("frozen-camera", "video.not_frozen", "frozen"),
    ],
)
def test_camera_faults(sim: SimulatorThread, ctx: ObsSessionContext, fault: str, check: str, words: str) -> None:
    sim.call(lambda s: s.inject(fault))
    outcome = sense(ctx, check, source="摄像机", seconds=1.0)
    assert outcome.status is Status.FAILED and words in outcome.detail


def test_low_disk(sim: SimulatorThread, ctx: ObsSessionContext) -> None:
    sim.call(lambda s: s.inject("low-disk"))
    outcome = sense(ctx, "system.disk_free", min_gb=5.0)
    assert outcome.status is Status.FAILED and outcome.detail.startswith("Only 0.8 GB free")


def test_missing_scene_and_wrong_program_scene(ctx: ObsSessionContext) -> None:
    assert sense(ctx, "obs.scene_exists", scene="抽奖").detail == "There is no scene called “抽奖” in OBS."
    outcome = sense(ctx, "obs.program_scene", scene="直播中")
    assert outcome.status is Status.FAILED and outcome.detail == "“等待开始” is on program, not “直播中”."


def test_stream_key_is_never_shown(sim: SimulatorThread, ctx: ObsSessionContext) -> None:
    passed = sense(ctx, "obs.stream_configured")
    assert passed.status is Status.PASSED and "sim-room-key" not in passed.detail
    sim.call(lambda s: s.room.stream_settings.update(key=""))
    assert "stream key is empty" in sense(ctx, "obs.stream_configured").detail


def test_unreachable_ingest_and_wrong_output(sim: SimulatorThread, ctx: ObsSessionContext) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outcome = sense(ctx, "network.ingest_reachable", host="127.0.0.1", port=port)
    assert outcome.status is Status.FAILED and "refuses the connection" in outcome.detail
    outcome = sense(ctx, "obs.output_video", width=1920, height=1080)
    assert outcome.status is Status.FAILED and "expected 1920x1080" in outcome.detail
    assert sense(ctx, "obs.video_bitrate", min_kbps=3000).status is Status.FAILED
    assert sense(ctx, "obs.version_at_least", version="31.0").status is Status.FAILED


def test_obs_errors_become_error_results_not_exceptions(sim: SimulatorThread, ctx: ObsSessionContext) -> None:
    outcome = sense(ctx, "obs.input_not_muted", input="摄像机")
    assert outcome.status is Status.ERROR and "has no audio" in outcome.detail
    sim.call(lambda s: s.freeze())
    try:
        outcome = run_check(CHECKS["system.disk_free"], _SlowContext(ctx), {})
        assert outcome.status is Status.ERROR and "Could not ask OBS" in outcome.detail
    finally:
        sim.call(lambda s: s.thaw())


class _SlowContext:
    def __init__(self, inner: ObsSessionContext) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def request(self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0) -> dict[str, Any]:
        return self.inner.request(request_type, data, timeout=0.3)


class _RecordingContext(_SlowContext):
    """The real context, keeping the meter readings the check was given so the test can read the same ones."""

    def __init__(self, inner: ObsSessionContext) -> None:
        super().__init__(inner)
        self.readings: list[tuple[float, list[list[float]]]] = []

    def meter_history(self, input_name: str, since: float) -> list[tuple[float, list[list[float]]]]:
        self.readings = self.inner.meter_history(input_name, since)
        return self.readings

    def request(self, request_type: str, data: dict[str, Any] | None = None, timeout: float = 5.0) -> dict[str, Any]:
        return self.inner.request(request_type, data, timeout)


def test_the_level_check_reports_the_peak_not_the_magnitude(ctx: ObsSessionContext) -> None:
    recording = _RecordingContext(ctx)
    outcome = run_check(CHECKS["audio.level_above"], recording, {"input": "麦克风", "seconds": 1.0})
    channels = [channel for _, levels in recording.readings for channel in levels]
    assert channels and all(len(channel) == 3 for channel in channels), "[magnitude, peak, input peak]"
    peak = max(20 * math.log10(channel[1]) for channel in channels if channel[1] > 0)
    magnitude = max(20 * math.log10(channel[0]) for channel in channels if channel[0] > 0)
    assert peak > magnitude + 1.0  # the simulator's peaks sit above the magnitude, as a real OBS's do
    assert outcome.status is Status.PASSED
    assert outcome.fields["peak"] == pytest.approx(peak, abs=0.01)
    assert f"Peak {peak:.0f} dBFS".replace("-", "\u2212") in outcome.detail  # the sentence's minus sign


def test_a_source_that_renders_nothing_is_not_called_black(ctx: ObsSessionContext) -> None:
    ctx.request("CreateScene", {"sceneName": "空场景"})
    assert ctx.session.wait_for(lambda t: "空场景" in t.state.scenes, 5)
    for check in ("video.not_black", "video.not_frozen"):
        outcome = sense(ctx, check, source="空场景", seconds=0.2)
        assert outcome.status is Status.FAILED
        assert "“空场景” renders nothing" in outcome.detail and "black" not in outcome.detail, outcome.detail


def _stream_service(sim: SimulatorThread, service: str, server: str) -> None:
    def apply(s: ObsSimulator) -> None:
        s.room.stream_service["streamServiceType"] = "rtmp_common"
        s.room.stream_settings.clear()
        s.room.stream_settings.update(service=service, server=server, key="live_123_secret")

    sim.call(apply)


def test_twitchs_auto_server_is_tested_at_its_global_ingest_never_an_error(
    sim: SimulatorThread, ctx: ObsSessionContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stream_service(sim, "Twitch", "auto")
    # Whether this machine can look up live.twitch.tv or not, the answer is a result, not "cannot run".
    outcome = sense(ctx, "network.ingest_reachable", max_ms=10_000.0)
    assert outcome.status is Status.PASSED and "live.twitch.tv" in outcome.detail, outcome.detail
    # The way to the ingest measured, on a local stand-in for it: open, then closed.
    monkeypatch.setitem(AUTO_INGESTS, "twitch", "127.0.0.1")
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        outcome = sense(ctx, "network.ingest_reachable", port=port)
        assert outcome.status is Status.PASSED and outcome.detail.startswith(f"127.0.0.1:{port} answers in")
    outcome = sense(ctx, "network.ingest_reachable", port=port)
    assert outcome.status is Status.PASSED, "OBS may still reach another of Twitch's servers"
    assert outcome.detail.startswith("Twitch picks its server itself") and "does not answer" in outcome.detail
    _stream_service(sim, "Nimo TV", "auto")
    outcome = sense(ctx, "network.ingest_reachable")
    assert outcome.status is Status.PASSED and "no address to test" in outcome.detail
    _stream_service(sim, "YouTube - RTMPS", f"rtmp://127.0.0.1:{port}/live2")
    assert sense(ctx, "network.ingest_reachable").status is Status.FAILED, "a real address that is down fails"
