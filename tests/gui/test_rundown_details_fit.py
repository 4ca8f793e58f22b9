"""The Rundown dock's segment editor shows its grey hints whole: the scene list's "stay on the program scene" (the
scene of a segment that switches none, and of the empty editor), the length and start hints, the colour, the
product's hints. Measured as the fit tests measure (tests/gui/test_fits_screens.py): the console's window on an
offscreen screen of the laptop's and the desktop's size, in a child process, in the Rundown workspace; each text's
advance in its font against the room its field gives it."""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.gui.screen_probe import run_probe

ROOT = Path(__file__).resolve().parents[2]


def measure(width: int, height: int, language: str) -> dict[str, Any]:
    return run_probe("tests.gui.test_rundown_details_fit", [language], width, height)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_the_segment_editors_hints_fit_their_fields(width: int, height: int, language: str) -> None:
    result = measure(width, height, language)
    assert result["editor_visible"], "the Rundown workspace shows the segment editor"
    fields = {(when, name): (text, needed, room) for when, name, text, needed, room in result["fields"]}
    scene_text, _needed, _room = fields[("no scene", "scene")]
    assert scene_text == result["stay"], "a segment that switches no scene shows the scene list's hint"
    cut = [
        f"{when}: {name} “{text}” needs {needed} px, has {room} px"
        for (when, name), (text, needed, room) in fields.items()
        if needed > room
    ]
    assert cut == []


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_layout_saved_on_a_big_screen_leaves_the_table_usable_on_a_laptop(tmp_path: Path, language: str) -> None:
    """A layout saved at 1920×1080 with the plan on half the window came back on a 1366×768 laptop with the table
    390 px wide beside the segment's details: the scene cut, the product out of sight behind a scroll bar. The
    table's columns are the dock's minimum now, whatever was saved."""
    saved = run_probe("tests.gui.test_rundown_details_fit", [language, "save", str(tmp_path)], 1920, 1080)
    assert saved["table"]["scroll"] == 0
    restored = run_probe("tests.gui.test_rundown_details_fit", [language, "restore", str(tmp_path)], 1366, 768)
    table = restored["table"]
    assert restored["frame"][0] <= 1366, "the window stays on the laptop's screen"
    assert table["scroll"] == 0, f"no column behind a scroll bar: {table}"
    assert table["product"] >= table["m8"], f"a start of the product is seen: {table}"


# ---------------------------------------------------------------------- the probe (in the child process)
def _table(window: Any) -> dict[str, Any]:
    """The Rundown table as shown: how far it scrolls across, its product column and eight M's of its font."""
    from widgets.rundown_table import PRODUCT

    table = window.rundown_dock.table
    return {
        "width": table.width(),
        "scroll": table.horizontalScrollBar().maximum(),
        "product": table.horizontalHeader().sectionSize(PRODUCT),
        "m8": table.fontMetrics().horizontalAdvance("M" * 8),
    }


def _layout_probe(language: str, mode: str, folder: str) -> dict[str, Any]:
    """mode "save": the Rundown workspace on this screen with the plan on half the window, the layout saved;
    "restore": the window as the next start restores that layout on this screen."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from console.bridge import ObsBridge
    from console.i18n import install_translator
    from console.mainwindow import MainWindow
    from console.settings import Settings
    from tests.gui.screen_probe import wait_settled
    from tests.gui.test_rundown_dock import ListRundownPort, long_plan

    app = QApplication(sys.argv[:1])
    translators = install_translator(app, language)  # noqa: F841 - kept alive while the window lives
    settings = Settings(Path(folder))
    bridge = ObsBridge()
    window = MainWindow(bridge, settings, demo=True, language=language, rundown=ListRundownPort(bridge, long_plan(14)))

    def layout() -> Any:
        docks = [(d.isVisible(), d.geometry().getRect()) for d in window.docks.values()]
        table = window.rundown_dock.table if window.rundown_dock is not None else None
        return window.frameGeometry().getRect(), docks, table.width() if table is not None else 0

    try:
        window.show()
        if mode == "save":
            window.apply_workspace("Rundown")
            wait_settled(layout)
            window.showMaximized()
            wait_settled(layout)
            half = window.width() // 2
            window.resizeDocks(
                [window.docks["rundown"], window.docks["program"]], [half, half], Qt.Orientation.Horizontal
            )
            wait_settled(layout)
            window.save_layout()
        wait_settled(layout)
        QCoreApplication.processEvents()
        return {"frame": [window.frameGeometry().width(), window.frameGeometry().height()], "table": _table(window)}
    finally:
        window.close()
        bridge.shutdown()


def _probe(language: str) -> dict[str, Any]:
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.bridge import ObsBridge
    from console.i18n import install_translator
    from console.mainwindow import MainWindow
    from console.settings import Settings
    from tests.gui.test_rundown_dock import ListRundownPort, long_plan

    app = QApplication(sys.argv[:1])
    translators = install_translator(app, language)  # noqa: F841 - kept alive while the window lives
    settings = Settings(Path(os.environ["ONAIR_CONFIG_DIR"]))

    def settled() -> None:
        """Turns of the event loop until the editor's fields keep their sizes for three turns."""
        alike, last = 0, None
        for _ in range(500):
            loop = QEventLoop()
            QTimer.singleShot(10, loop.quit)
            loop.exec()
            shown = window.rundown_dock
            assert shown is not None, "the Rundown workspace builds the dock"
            editor = shown.editor
            now = [w.geometry().getRect() for w in (editor.scene, editor.colour, editor.length, editor.title)]
            alike = alike + 1 if now == last else 0
            last = now
            if alike >= 3:
                return
        raise AssertionError("the layout never settled")

    bridge = ObsBridge()
    plan = long_plan(14)
    no_scene = replace(plan[3], scene="")  # a segment that leaves the program scene as it is
    plan = (*plan[:3], no_scene, *plan[4:])
    rundown = ListRundownPort(bridge, plan)
    window = MainWindow(bridge, settings, demo=True, language=language, rundown=rundown)
    try:
        window.show()
        window.apply_workspace("Rundown")
        settled()
        dock = window.rundown_dock
        assert dock is not None
        editor = dock.editor
        fields: list[list[Any]] = []
        fields += _measure_editor(editor, "nothing selected")
        dock.select_key(no_scene.key)
        settled()
        fields += _measure_editor(editor, "no scene")
        QCoreApplication.processEvents()
        return {
            "editor_visible": editor.isVisible() and editor.width() > 0,
            "stay": editor.scene.itemText(0),
            "fields": fields,
        }
    finally:
        window.close()
        bridge.shutdown()


def _measure_editor(editor: Any, when: str) -> list[list[Any]]:
    """Each field's shown text (its hint when empty) with the pixels it needs and the pixels its field gives it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QComboBox, QLineEdit, QStyle, QStyleOptionComboBox, QStyleOptionFrame

    out: list[list[Any]] = []
    names = ("title", "length", "fixed_start", "scene", "colour", "product", "price", "sku")
    for name in names:
        widget = getattr(editor, name)
        metrics = widget.fontMetrics()
        if isinstance(widget, QLineEdit):
            text = widget.text() or widget.placeholderText()
            if not text:
                continue
            option = QStyleOptionFrame()
            widget.initStyleOption(option)
            contents = widget.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, widget)
            margins = widget.textMargins()
            # QLineEdit keeps 2 px either side of its text inside the contents (QLineEditPrivate::horizontalMargin).
            room = contents.width() - margins.left() - margins.right() - 2 * 2
        else:
            assert isinstance(widget, QComboBox)
            text = widget.currentText()
            box = QStyleOptionComboBox()
            widget.initStyleOption(box)
            field = widget.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, box, QStyle.SubControl.SC_ComboBoxEditField, widget
            )
            icon = widget.itemIcon(widget.currentIndex())
            room = field.width() - (widget.iconSize().width() + 4 if not icon.isNull() else 0)
        # What Qt paints: the text elided to the room (a hint's last letters go first), and its exact advance.
        needed = math.ceil(QFontMetricsF(widget.font()).horizontalAdvance(text))
        if metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) != text:
            needed = max(needed, room + 1)
        out.append([when, name, text, needed, room])
    return out


if __name__ == "__main__":
    if len(sys.argv) > 2:
        print(json.dumps(_layout_probe(*sys.argv[1:4])))
    else:
        print(json.dumps(_probe(sys.argv[1] if len(sys.argv) > 1 else "en")))
