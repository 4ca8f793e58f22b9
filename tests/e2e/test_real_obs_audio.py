"""The audio rules against a real OBS streaming to a real receiver. The headless OBS gets a real audio input: a
looping ffmpeg-made tone in a media source, set as the room's microphone. Live with it sounding: no audio
finding. Muted from the Audio dock: after 3 s a critical finding naming it, with an Unmute button; a scene
without it on program clears the finding (OBS reports the audio-only input inactive); the button unmutes it in
OBS."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.health import Finding
from obs.health_audio import AudioInput
from tests.e2e.conftest import RealObs
from tests.e2e.test_real_obs_health import start_streaming, stop_streaming

MIC = "主持人麦 tone"


def audio_of(window: MainWindow, name: str) -> AudioInput | None:
    facts = window.telemetry.health.audio
    return next((i for i in facts.inputs if i.name == name), None) if facts else None


def open_finding(window: MainWindow, finding_id: str) -> Finding | None:
    return next((f for f in window.telemetry.health.active() if f.id == finding_id), None)


def test_a_muted_microphone_on_a_real_obs_is_found_named_and_unmuted_from_the_health_dock(
    qtbot: QtBot, real_obs: RealObs, window: MainWindow, tmp_path: Path
) -> None:
    tone = tmp_path / "tone.wav"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "5", tone],
        check=True,
        timeout=60,
    )
    window.apply_workspace("Technician")
    window.telemetry.set_mics((MIC,))  # a media source is no audio-capture input: the room names it
    window.bridge.request(
        "CreateInput",
        {
            "sceneName": "Main",
            "inputName": MIC,
            "inputKind": "ffmpeg_source",
            "inputSettings": {"local_file": str(tone), "looping": True, "is_local_file": True},
        },
    )
    try:
        # The room as the console finds it on connecting (an input created live is not known to have audio).
        qtbot.waitUntil(lambda: window.bridge.state.input(MIC) is not None, timeout=10000)
        assert window.bridge.endpoint is not None
        window.bridge.connect_to(window.bridge.endpoint)
        qtbot.waitUntil(lambda: MIC in window.audio.strips, timeout=15000)
        start_streaming(qtbot, window)
        # The tone really reaches OBS's meters, on program, unmuted: a microphone that sounds.
        qtbot.waitUntil(
            lambda: (
                (mic := audio_of(window, MIC)) is not None
                and mic.role == "mic"
                and mic.on_program is True
                and mic.muted is False
                and mic.levels is not None
                and mic.levels.peak_db > -20
            ),
            timeout=30000,  # the tone through a real OBS's software renderer, on a loaded 2-core machine
        )
        assert not any(f.category == "audio" for f in window.telemetry.health.timeline())

        QTest.mouseClick(window.audio.strips[MIC].mute, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.bridge.state.input(MIC).muted is True, timeout=5000)  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: open_finding(window, "mic_muted") is not None, timeout=8000)
        finding = open_finding(window, "mic_muted")
        assert finding is not None and finding.severity == "critical" and finding.fields["names"] == [MIC]
        assert MIC in finding.message and window.health.unmute_button.isVisible()
        mic = audio_of(window, MIC)
        assert mic is not None and mic.levels is not None
        assert mic.levels.peak_db == -100.0, "OBS meters a muted input as silence"

        # Off program (a scene without it) the mute is harmless: OBS reports the audio input inactive.
        window.bridge.request("SetCurrentProgramScene", {"sceneName": "商品特写"})
        qtbot.waitUntil(lambda: open_finding(window, "mic_muted") is None, timeout=8000)
        mic = audio_of(window, MIC)
        assert mic is not None and mic.on_program is False
        window.bridge.request("SetCurrentProgramScene", {"sceneName": "Main"})
        qtbot.waitUntil(lambda: open_finding(window, "mic_muted") is not None, timeout=8000)

        QTest.mouseClick(window.health.unmute_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: open_finding(window, "mic_muted") is None, timeout=5000)
        assert window.bridge.request_blocking("GetInputMute", {"inputName": MIC})["inputMuted"] is False
        assert not window.health.unmute_button.isVisible()
    finally:
        window.bridge.request("RemoveInput", {"inputName": MIC})
        if window.bridge.state.stream.active:
            stop_streaming(qtbot, window)
        qtbot.waitUntil(lambda: window.bridge.state.input(MIC) is None, timeout=10000)
