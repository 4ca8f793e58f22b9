"""The Health dock's audio findings against the simulator: mute the host's microphone from the Audio dock while
live → a critical finding naming it, with an Unmute button that clears it; a dead microphone on program warns."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.clock import ManualClock
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD
from tests.gui.conftest import wait_connected

MIC = "麦克风"


def go_live_on(qtbot: QtBot, window: MainWindow, scene: str) -> None:
    window.bridge.request("SetCurrentProgramScene", {"sceneName": scene})
    window.bridge.request("StartStream")
    qtbot.waitUntil(
        lambda: window.bridge.state.stream.active and window.bridge.state.program_scene == scene, timeout=10000
    )


def test_a_mic_muted_from_the_audio_dock_on_air_is_critical_and_the_unmute_button_clears_it(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    window: MainWindow = make_window(sim.port)
    window.apply_workspace("Technician")
    wait_connected(qtbot, window)
    panel = window.health
    go_live_on(qtbot, window, "直播中")
    assert not panel.unmute_button.isVisible()

    strip = window.audio.strips[MIC]
    QTest.mouseClick(strip.mute, Qt.MouseButton.LeftButton)  # the operator's slip
    qtbot.waitUntil(lambda: window.bridge.state.input(MIC).muted is True, timeout=5000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: any("Microphone" in t or "microphone" in t for t in panel.active_texts()), timeout=8000)
    finding = next(f for f in window.telemetry.health.active() if f.id == "mic_muted")
    assert finding.severity == "critical" and finding.fields["input"] == MIC
    assert finding.last_seen - finding.first_seen < 1.5, "opens about 3 s after the mute, not later"
    text = next(t for t in panel.active_texts() if MIC in t)
    assert text.startswith("[critical]") and "is muted while the stream is live" in text
    assert panel.lights["audio"].text().count("#e0312f") == 1, "the Audio light is red"
    assert panel.unmute_button.isVisible() and MIC in panel.unmute_button.text()
    # Selected, as the operator would (unselected, the button stands for the worst finding, and a loaded test
    # machine may have a saturated CPU of its own to report).
    muted_item = panel.active.topLevelItem(panel.active_texts().index(text))
    assert muted_item is not None
    panel.active.setCurrentItem(muted_item)
    assert not panel.checklist_button.isEnabled(), "no troubleshooting checklist to open for this finding"

    QTest.mouseClick(panel.unmute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.bridge.state.input(MIC).muted is False, timeout=5000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not any(f.id == "mic_muted" for f in window.telemetry.health.active()), timeout=5000)
    assert not panel.unmute_button.isVisible()
    assert not strip.mute.isChecked(), "the Audio dock shows it unmuted too"
    assert any(who == "OBS" or MIC in what for who, what in window.event_log.lines())


def one_second(qtbot: QtBot, clock: ManualClock, window: MainWindow) -> None:
    """One second of the show on the shared clock: the simulator's twenty meter readings, one poll, and the
    window's session records it as one second."""
    ring = window.telemetry.telemetry.ring
    # A poll still unanswered when the clock moves is the link's one poll in flight: it would send none for the new
    # moment, and the second would never be recorded (as Monitor.pause, wait for the answer first). At -n 6 and
    # load 8 this wait timed out.
    session = window.bridge.session
    assert session is not None
    qtbot.waitUntil(lambda: not session.link.poll_in_flight, timeout=10000)
    t = clock.advance(1.0)
    qtbot.waitUntil(lambda: len(ring) > 0 and ring.last_time() >= t, timeout=10000)


def test_a_dead_microphone_on_program_warns_but_not_while_a_scene_without_it_is_on(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    """In compressed time: the simulator and the window's room session share a manual clock (obs/clock.py)."""
    clock = ManualClock()
    sim = SimulatorThread(password=PASSWORD, seed=7, clock=clock).start()
    try:
        dead_microphone(qtbot, clock, make_window(sim.port, clock=clock), sim)
    finally:
        sim.stop()


def dead_microphone(qtbot: QtBot, clock: ManualClock, window: MainWindow, sim: SimulatorThread) -> None:
    wait_connected(qtbot, window)
    # Live on the waiting scene, which has no microphone (OBS takes a moment of its clock to start the stream).
    window.bridge.request("SetCurrentProgramScene", {"sceneName": "等待开始"})
    window.bridge.request("StartStream")
    for _ in range(10):
        one_second(qtbot, clock, window)
        if window.bridge.state.stream.active and window.bridge.state.program_scene == "等待开始":
            break
    assert window.bridge.state.stream.active and window.bridge.state.program_scene == "等待开始"
    sim.call(lambda s: s.inject("silent-mic"))
    for _ in range(13):  # 13 engine seconds of a dead mic
        one_second(qtbot, clock, window)
    facts = window.telemetry.health.audio
    mic = next(i for i in facts.inputs if i.name == MIC)  # type: ignore[union-attr]
    assert mic.role == "mic" and mic.on_program is False and mic.levels and mic.levels.peak_db < -50
    assert not any(f.id == "mic_silent" for f in window.telemetry.health.timeline())
    window.bridge.request("SetCurrentProgramScene", {"sceneName": "直播中"})  # its transition takes OBS's time
    for _ in range(20):
        one_second(qtbot, clock, window)
        if any(f.id == "mic_silent" for f in window.telemetry.health.active()):
            break
    assert window.bridge.state.program_scene == "直播中"
    finding = next(f for f in window.telemetry.health.active() if f.id == "mic_silent")
    assert finding.severity == "warning" and finding.fields["input"] == MIC and finding.fields["level_db"] < -50
    assert any("is on but silent" in text for text in window.health.active_texts())


def test_the_meters_empty_while_obs_does_not_answer_and_fill_when_it_does(
    qtbot: QtBot, sim: SimulatorThread, make_window: Callable[..., MainWindow]
) -> None:
    """walk10 / the lead's frozen-OBS run: with OBS frozen the Audio dock kept its last levels standing, as if the room
    still sounded so. While OBS does not answer the bars are empty; its next meter frame fills them again."""
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    meters = [strip.meter for strip in window.audio.strips.values()]
    qtbot.waitUntil(lambda: any(meter.levels_db for meter in meters), timeout=10000)
    sim.call(lambda s: s.freeze())
    try:
        qtbot.waitUntil(lambda: window.bridge.tracker.status.state.value == "unresponsive", timeout=10000)
        assert all(meter.levels_db == [] for meter in meters), [meter.levels_db for meter in meters]
    finally:
        sim.call(lambda s: s.thaw())
    qtbot.waitUntil(lambda: any(meter.levels_db for meter in meters), timeout=10000)
