"""View ▸ Alerts…: destinations added, edited and removed through the dialog go to alerts.json, their webhook
address and signing secret to the keyring (never shown back, never in a log line), and "Send test" goes
through the sender thread and says the platform's answer in words, in the user's language."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from console.app import Console
from console.core.alerts.config import Credentials
from console.core.rooms import Secrets
from console.settings import Settings
from tests.alert_servers import SIGNING, TOKEN, ChatPlatforms
from tests.gui.conftest import start
from tests.keyring_memory import MemoryKeyring
from widgets.alerts_dialog import AlertsDialog


def open_dialog(console: Console) -> AlertsDialog:
    console.window.action_alerts.trigger()
    dialog = console.alerts_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def save(qtbot: QtBot, dialog: AlertsDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def fill(qtbot: QtBot, dialog: AlertsDialog, name: str, platform: str, url: str, secret: str = "") -> None:
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.name.setText(name)  # (QTest types Latin letters only: Chinese names are set as an input method would)
    dialog.platform.setCurrentIndex(dialog.platform.findData(platform))
    QTest.keyClicks(dialog.url, url)
    if secret:
        QTest.keyClicks(dialog.secret, secret)


def stored(keyring: MemoryKeyring, name: str) -> Credentials | None:
    return Credentials.from_keyring(keyring.store.get(("onair-console", f"alerts:{name}"), ""))


def test_the_dialog_saves_to_alerts_json_and_the_keyring_and_never_shows_a_secret_again(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, tmp_path: Path,
    server: ChatPlatforms, memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    caplog.set_level(logging.DEBUG)
    console = start(qapp, consoles, settings, demo=True, lang="en")
    dialog = open_dialog(console)
    assert dialog.table.rowCount() == 0
    fill(qtbot, dialog, "技术群", "dingtalk", server.url("dingtalk"), SIGNING)
    dialog.rooms.setPlainText("一号直播间\n二号, “B” 直播间")
    dialog.severity.setCurrentIndex(dialog.severity.findData("warning"))
    dialog.only_on_air.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    save(qtbot, dialog)
    assert dialog.problem.text() == ""

    written = json.loads((tmp_path / "alerts.json").read_text(encoding="utf-8"))
    assert written == {
        "version": 1,
        "language": "zh_CN",
        "destinations": [
            {
                "name": "技术群",
                "platform": "dingtalk",
                "rooms": ["一号直播间", "二号, “B” 直播间"],
                "min_severity": "warning",
                "only_on_air": True,
            }
        ],
    }
    assert stored(memory_keyring, "技术群") == Credentials(server.url("dingtalk"), SIGNING)
    assert TOKEN not in (tmp_path / "alerts.json").read_text(encoding="utf-8")
    # In use at once, and the secrets never shown back: the fields are empty, the table says where they are.
    assert console.alerts.config.get("技术群") is not None
    assert dialog.url.text() == "" and dialog.secret.text() == ""
    item = dialog.table.item(0, 5)
    assert item is not None and item.text() == "kept in the keyring"
    assert TOKEN not in caplog.text and SIGNING not in caplog.text

    # Opened again: the same destination, still without its secrets in any field.
    dialog.close()
    dialog = open_dialog(console)
    assert dialog.table.rowCount() == 1 and dialog.name.text() == "技术群"
    assert dialog.url.text() == "" and "keyring" in dialog.url.placeholderText()


def test_rename_and_remove_move_and_forget_the_keyring_entry(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, tmp_path: Path,
    server: ChatPlatforms, memory_keyring: MemoryKeyring,
) -> None:  # fmt: skip
    console = start(qapp, consoles, settings, demo=True, lang="en")
    dialog = open_dialog(console)
    fill(qtbot, dialog, "ops", "slack", server.url("slack"))
    fill(qtbot, dialog, "wall", "webhook", server.url("webhook"))
    save(qtbot, dialog)
    assert [d.name for d in console.alerts.config.destinations] == ["ops", "wall"]

    dialog.table.selectRow(0)
    dialog.name.setText("ops-slack")
    save(qtbot, dialog)
    assert stored(memory_keyring, "ops") is None
    assert stored(memory_keyring, "ops-slack") == Credentials(server.url("slack"))

    dialog.table.selectRow(1)
    QTest.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    assert [d.name for d in console.alerts.config.destinations] == ["ops-slack"]
    assert stored(memory_keyring, "wall") is None


def test_a_wrong_destination_is_said_and_nothing_is_saved(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, tmp_path: Path
) -> None:
    console = start(qapp, consoles, settings, demo=True, lang="zh_CN")
    dialog = open_dialog(console)
    fill(qtbot, dialog, "a", "wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k")
    fill(qtbot, dialog, "a", "slack", "ftp://hooks.slack.com/x")
    save(qtbot, dialog)
    assert "名称" in dialog.problem.text() and "第 2 个" in dialog.problem.text(), dialog.problem.text()
    assert not (tmp_path / "alerts.json").exists()
    dialog.name.setText("b")
    save(qtbot, dialog)
    assert "https://" in dialog.problem.text() and "b" in dialog.problem.text()
    assert not (tmp_path / "alerts.json").exists()


@pytest.mark.parametrize(
    ("language", "secret", "words"),
    [
        ("en", SIGNING, "delivered"),
        ("zh_CN", SIGNING, "已送达"),
        ("en", "SECwrong", "DingTalk refused the signature"),
    ],
)
def test_send_test_says_the_platforms_answer_in_words(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, server: ChatPlatforms,
    language: str, secret: str, words: str,
) -> None:  # fmt: skip
    console = start(qapp, consoles, settings, demo=True, lang=language)
    dialog = open_dialog(console)
    fill(qtbot, dialog, "技术群", "dingtalk", server.url("dingtalk"), secret)  # typed, not saved yet
    QTest.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert not dialog.test_button.isEnabled(), "one test at a time, answered later"
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=10000)
    assert words in dialog.answer.text(), dialog.answer.text()
    [received] = server.of("dingtalk")
    assert received.body["markdown"]["title"].startswith("[demo]")


def test_send_test_while_the_webhook_hangs_leaves_the_dialog_working(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, server: ChatPlatforms
) -> None:
    server.mode["webhook"] = "hold"
    console = start(qapp, consoles, settings, demo=True, lang="en")
    dialog = open_dialog(console)
    fill(qtbot, dialog, "wall", "webhook", server.url("webhook"))
    QTest.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(server.held.is_set, timeout=10000)
    # The barrier: the request is held by the server, and the dialog still takes the user's typing.
    QTest.keyClicks(dialog.name, "-2")
    assert dialog.name.text() == "wall-2" and not dialog.test_button.isEnabled()
    server.release.set()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=10000)
    assert "delivered" in dialog.answer.text()


def test_no_address_typed_or_kept_says_so_without_sending(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, server: ChatPlatforms
) -> None:
    console = start(qapp, consoles, settings, demo=True, lang="en")
    dialog = open_dialog(console)
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "webhook address" in dialog.answer.text() and dialog.test_button.isEnabled()
    assert Secrets().get("Group 1", Secrets.ALERTS) == ""


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_dialog_fits_a_laptop_screen_in_each_language(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, server: ChatPlatforms,
    language: str,
) -> None:  # fmt: skip
    console = start(qapp, consoles, settings, demo=True, lang=language)
    dialog = open_dialog(console)
    for platform in ("dingtalk", "webhook"):
        fill(qtbot, dialog, f"{platform}-group", platform, server.url(platform))
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert screen.width() == 1366, "the test screen is the room laptop's"
    frame = dialog.frameGeometry()
    assert screen.contains(frame), (frame, screen)
    assert dialog.minimumSizeHint().height() <= screen.height() - 60
    # Every column's words are readable: the table's header is not wider than the dialog.
    assert dialog.table.horizontalHeader().length() <= dialog.table.viewport().width() + 1


def test_after_save_the_same_destination_is_shown_and_can_be_tested_from_the_keyring(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, server: ChatPlatforms
) -> None:
    console = start(qapp, consoles, settings, demo=True, lang="en")
    dialog = open_dialog(console)
    fill(qtbot, dialog, "ops", "slack", server.url("slack"))
    fill(qtbot, dialog, "wall", "webhook", server.url("webhook"))
    save(qtbot, dialog)
    assert dialog.name.text() == "wall" and dialog.url.text() == ""
    QTest.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)  # the address now comes from the keyring
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=10000)
    assert "delivered" in dialog.answer.text(), dialog.answer.text()
    assert [r.body["state"] for r in server.of("webhook")] == ["test"] and not server.of("slack")


def test_the_table_says_what_the_form_says_as_it_is_typed(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, memory_keyring: MemoryKeyring
) -> None:
    """The row of the destination being edited followed the form only once another row was picked: after Add and
    typing, it still read "Group 1 · WeCom · not set" — as if the edit were lost."""
    console = start(qapp, consoles, settings, demo=True, lang="en")
    dialog = open_dialog(console)
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.name.selectAll()
    QTest.keyClicks(dialog.name, "ops")
    dialog.platform.setCurrentIndex(dialog.platform.findData("webhook"))
    dialog.rooms.setPlainText("一号直播间")
    dialog.severity.setCurrentIndex(dialog.severity.findData("warning"))
    dialog.only_on_air.setChecked(True)
    QTest.keyClicks(dialog.url, "http://127.0.0.1:9/hook")
    items = [dialog.table.item(0, column) for column in range(dialog.table.columnCount())]
    row = [item.text() if item is not None else None for item in items]
    assert row == ["ops", "JSON webhook", "一号直播间", "warning", "yes", "typed, not saved yet"]
    assert [index.row() for index in dialog.table.selectionModel().selectedRows()] == [0]
    assert dialog.name.text() == "ops" and dialog.url.text() == "http://127.0.0.1:9/hook"  # the form kept as typed


def test_without_a_keyring_every_address_typed_is_kept_for_the_session(
    qapp: QApplication, qtbot: QtBot, consoles: list[Console], settings: Settings, server: ChatPlatforms
) -> None:
    """A studio PC without a system keyring: Save says the addresses are kept for this session only — but the
    first keyring step that failed stopped the rest (only the first address typed was kept: the other
    destination's alerts went nowhere), and the dialog kept treating what it had saved as never saved (a
    destination removed afterwards kept its address)."""
    import keyring
    import keyring.backends.fail

    console = start(qapp, consoles, settings, demo=True, lang="en")
    dialog = open_dialog(console)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]  # keyring is unannotated
    try:
        fill(qtbot, dialog, "old", "webhook", server.url("webhook"))
        save(qtbot, dialog)
        assert "this session only" in dialog.problem.text()
        QTest.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        fill(qtbot, dialog, "ops", "webhook", server.url("webhook"))
        fill(qtbot, dialog, "dev", "slack", server.url("slack"))
        save(qtbot, dialog)
        assert "this session only" in dialog.problem.text()
        kept = console.alerts.secrets
        assert Credentials.from_keyring(kept.get("ops", Secrets.ALERTS)) == Credentials(server.url("webhook"), "")
        assert Credentials.from_keyring(kept.get("dev", Secrets.ALERTS)) == Credentials(server.url("slack"), "")
        assert kept.get("old", Secrets.ALERTS) == ""
    finally:
        keyring.set_keyring(previous)
