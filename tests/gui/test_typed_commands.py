"""ObsBridge.send: a typed command the console sends is credited to it, and one OBS refuses is reported in
the user's language with the names it was given."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.bridge import Endpoint, ObsBridge
from obs.commands import SetInputMute, SetProgramScene
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD


def test_a_sent_command_is_the_consoles_and_a_refused_one_is_told_in_chinese(
    qtbot: QtBot, qapp: QApplication, sim: SimulatorThread
) -> None:
    from console.i18n import install_translator, remove_translators

    bridge = ObsBridge()
    events: list[tuple[str, object, str]] = []
    failures: list[str] = []
    bridge.sig_event_received.connect(lambda event, who: events.append((event.event_type, event.data, who)))
    # What was attempted comes as a function saying it in the language of the moment (the event log says it again
    # after a switch): said here as it arrives.
    bridge.sig_request_failed.connect(
        lambda description, error: failures.append(description if isinstance(description, str) else description())
    )
    translators = install_translator(qapp, "zh_CN")
    try:
        bridge.connect_to(Endpoint("127.0.0.1", sim.port, PASSWORD))
        qtbot.waitUntil(lambda: bridge.state.connected, timeout=5000)
        bridge.send(SetInputMute("麦克风", True))
        qtbot.waitUntil(lambda: any(kind == "InputMuteStateChanged" for kind, _, _ in events), timeout=5000)
        assert ("InputMuteStateChanged", {"inputName": "麦克风", "inputMuted": True}, "console") in events
        bridge.send(SetProgramScene("没有这个场景"))
        qtbot.waitUntil(lambda: bool(failures), timeout=5000)
        assert failures == ["切换到场景“没有这个场景”"]
    finally:
        remove_translators(qapp, translators)
        bridge.shutdown()
