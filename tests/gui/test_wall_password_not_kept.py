"""A wall tile of a room whose OBS password this computer has not kept says so, not that OBS refused it."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.core.rooms import Room, Secrets
from console.core.storage import Storage
from console.core.studio.direct import DirectStudio
from console.core.studio.status import RoomStatus
from console.i18n import install_translator, remove_translators
from obs.simulator.server import SimulatorThread
from tests.conftest import wait_until
from widgets import studio_text as st

NOT_KEPT, WRONG = "二号直播间", "三号直播间"


def test_a_password_not_kept_is_said_as_such_and_a_wrong_one_as_refused(
    qtbot: QtBot, sim: SimulatorThread, tmp_path: Path
) -> None:
    """walk22: on a computer with no keyring, the console restarted, and the wall's tile of room B said "OBS refused
    the password" — no password had been sent at all (the one typed last run was not kept). The supervisor needs to
    know to open the room and type it, not to suspect OBS's settings."""
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    store = Storage(url)
    store.migrate()
    store.close()
    rooms = [Room(NOT_KEPT, "127.0.0.1", sim.port), Room(WRONG, "127.0.0.1", sim.port)]
    secrets = Secrets()
    secrets.set(WRONG, "not-the-password")
    heard: dict[str, RoomStatus] = {}
    lock = threading.Lock()

    def changed(statuses: list[RoomStatus]) -> None:
        with lock:
            heard.update((status.room, status) for status in statuses)

    studio = DirectStudio(rooms, secrets, lambda: Storage(url), backoff_initial=0.1)
    try:
        studio.subscribe(changed, lambda problem, detail: None)
        wait_until(
            lambda: all(room in heard and heard[room].link == "auth_failed" for room in (NOT_KEPT, WRONG)),
            20,
            message="both rooms refused by OBS",
        )
    finally:
        studio.close()
    not_kept, wrong = heard[NOT_KEPT], heard[WRONG]
    assert not_kept.link_cause == "no_password" and wrong.link_cause != "no_password"
    said, _ = st.finding_line(not_kept)
    assert "has not kept" in said and "refused" not in said, said
    assert st.finding_line(wrong)[0] == "OBS refused the password"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translator(app, "zh_CN")
    try:
        chinese, _ = st.finding_line(not_kept)
        assert "密码" in chinese and "password" not in chinese, chinese
    finally:
        remove_translators(app, translators)
