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


# ---------------------------------------------------------------------- the probe (in the child process)
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
    print(json.dumps(_probe(sys.argv[1] if len(sys.argv) > 1 else "en")))
