"""Closing the console while a checklist check listens (a level check's listening window): closing waited for
the window — up to SHUTDOWN_WAIT_S, after which the change queued behind the check was given up as lost. The
check is cancelled instead: it ends as not finished, and what was queued behind it is saved."""

from __future__ import annotations

from pathlib import Path

from console.core.storage import Storage, default_url
from console.mainwindow import MainWindow
from console.settings import Settings
from obs.simulator.server import SimulatorThread
from tests.gui.conftest import wait_connected

#: A microphone check that listens far longer than closing may wait.
LONG_LISTEN = """\
id: long-listen
title: {en: Long listen, zh_CN: 长时间收听}
role: streamer
sections:
  - title: {en: Sound, zh_CN: 声音}
    items:
      - id: mic-live
        title: {en: Microphone picks up your voice, zh_CN: 麦克风能收到你的声音}
        check: audio.level_above
        with: {input: 麦克风, threshold_db: -50, seconds: 60}
      - id: script
        title: {en: Script at hand, zh_CN: 话术在手边}
        manual: true
"""


def test_closing_cancels_a_listening_check_and_saves_the_run(  # type: ignore[no-untyped-def]
    qtbot, sim: SimulatorThread, make_window, settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "checklists"
    folder.mkdir()
    (folder / "long-listen.yaml").write_text(LONG_LISTEN, encoding="utf-8")
    settings.set("checklists/folder", str(folder))
    window: MainWindow = make_window(sim.port)
    wait_connected(qtbot, window)
    controller = window.checklists
    assert "long-listen" in controller.templates, controller.problems
    controller.start("long-listen", "小李", controller.room)
    qtbot.waitUntil(lambda: controller.checking, timeout=5000)
    qtbot.waitUntil(lambda: controller.run_id is not None, timeout=5000)
    assert controller.confirm("script"), "signed off while the microphone listens: its save waits behind the check"

    controller.shutdown()  # SHUTDOWN_WAIT_S (10 s) is far shorter than the 60-s window

    stored = Storage(default_url())
    try:
        run = stored.run(controller.run_id or 0)
        assert run is not None
        items = {item.item_id: item for item in run.items}
        assert items["script"].status == "passed" and items["script"].confirmed_by == "小李", "the change was saved"
        assert items["mic-live"].status != "passed", "a check cut short did not pass"
    finally:
        stored.close()
