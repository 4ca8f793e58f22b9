"""Which screen the talent screen opens on: a small chooser of the connected screens (name, model, size, where),
the choice remembered in the settings by name and geometry, and the way back to the primary screen (with a note
saying so) when the remembered one is no longer connected. Also the one place that opens the talent screen, so
there is only ever one."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.ports import ObsPort, SettingsPort, TelemetryPort
from widgets.rundown_port import RundownPort
from widgets.talent_screen import TalentScreen


def geometry_text(screen: QScreen) -> str:
    """The screen's place on the desktop as X11 writes it: "1920x1080+1920+0"."""
    g = screen.geometry()
    return f"{g.width()}x{g.height()}+{g.x()}+{g.y()}"


def describe(screen: QScreen) -> str:
    """ "HDMI-1 — DELL U2415 — 1920 × 1080 at (1920, 0) (primary)" (a name and model when the system gives them)."""
    g = screen.geometry()
    parts = [screen.name() or QCoreApplication.translate("TalentScreen", "unnamed screen")]
    model = " ".join(p for p in (screen.manufacturer(), screen.model()) if p).strip()
    if model and model != parts[0]:
        parts.append(model)
    size = QCoreApplication.translate("TalentScreen", "%1 × %2 at (%3, %4)")
    for marker, value in (("%1", g.width()), ("%2", g.height()), ("%3", g.x()), ("%4", g.y())):
        size = size.replace(marker, str(value))
    parts.append(size)
    text = " — ".join(parts)
    return (
        text + " " + QCoreApplication.translate("TalentScreen", "(primary)")
        if screen is QGuiApplication.primaryScreen()
        else text
    )


def remembered(settings: SettingsPort) -> tuple[QScreen | None, str]:
    """The screen chosen last time and a note for the user: the same name and geometry, else the same name (its
    resolution changed), else the same geometry (the system renamed it); else the primary screen, and the note
    says the remembered one is gone. (None, "") when nothing was chosen yet."""
    name, geometry = settings.get("talent/screen_name"), settings.get("talent/screen_geometry")
    if not name and not geometry:
        return None, ""
    screens = QGuiApplication.screens()

    def same_name(screen: QScreen) -> bool:
        return bool(name) and screen.name() == name

    def same_geometry(screen: QScreen) -> bool:
        return bool(geometry) and geometry_text(screen) == geometry

    for found in (
        next((s for s in screens if same_name(s) and same_geometry(s)), None),
        next((s for s in screens if same_name(s)), None),
        next((s for s in screens if same_geometry(s)), None),
    ):
        if found is not None:
            return found, ""
    note = QCoreApplication.translate(
        "TalentScreen", "The screen chosen last time (%1, %2) is not connected; the primary screen is used."
    )
    return QGuiApplication.primaryScreen(), note.replace("%1", name or "?").replace("%2", geometry or "?")


def remember(settings: SettingsPort, screen: QScreen) -> None:
    settings.set("talent/screen_name", screen.name())
    settings.set("talent/screen_geometry", geometry_text(screen))


class ScreenChooser(QDialog):
    """Pick the screen for the talent screen; the remembered one (or the primary) is preselected."""

    def __init__(self, settings: SettingsPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TalentScreen", "Talent screen"))
        self.settings = settings
        self.screens = QGuiApplication.screens()
        self.list = QListWidget()
        chosen, note_text = remembered(settings)
        chosen = chosen or QGuiApplication.primaryScreen()
        for screen in self.screens:
            item = QListWidgetItem(describe(screen), self.list)
            if screen is chosen:
                self.list.setCurrentItem(item)
        # As wide as the longest description: a screen's name is long ("DELL U2723QE (DisplayPort-1) — …") and
        # was cut off behind a scroll bar, the part that tells two monitors apart.
        widest = self.list.sizeHintForColumn(0) + 2 * self.list.frameWidth() + self.list.spacing() * 2 + 8
        screen = self.screen()
        limit = screen.availableGeometry().width() - 80 if screen is not None else widest
        self.list.setMinimumWidth(min(widest, limit))
        self.note = QLabel(note_text)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b36b00;")
        self.note.setVisible(bool(note_text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(QCoreApplication.translate("TalentScreen", "Show full screen"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("TalentScreen", "Show the talent screen on:")))
        layout.addWidget(self.list)
        layout.addWidget(self.note)
        escape = QKeySequence(Qt.Key.Key_Escape).toString(QKeySequence.SequenceFormat.NativeText)
        hint = QLabel(
            QCoreApplication.translate(
                "TalentScreen", "%1 or a double-click on it leaves full screen; %1 again closes it."
            ).replace("%1", escape)
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def screen_chosen(self) -> QScreen | None:
        row = self.list.currentRow()
        return self.screens[row] if 0 <= row < len(self.screens) else None


#: The open talent screen. A window without a parent lives only as long as Python holds it, and the main window
#: that opened it is rebuilt on a language switch: the module holds it (closed, it deletes itself).
_open: list[TalentScreen] = []


def current_talent_screen() -> TalentScreen | None:
    """The talent screen open now, if any."""
    _open[:] = [w for w in _open if shiboken6.isValid(w) and w.isVisible()]
    return _open[0] if _open else None


def open_talent_screen(
    screen: QScreen, rundown: RundownPort, obs: ObsPort, telemetry: TelemetryPort, settings: SettingsPort
) -> TalentScreen:
    """The talent screen full screen on `screen`, remembered for next time. One instance: an open one moves."""
    remember(settings, screen)
    window = current_talent_screen()
    if window is None:
        window = TalentScreen(rundown, obs, telemetry, settings)
        _open.append(window)
    window.show_on(screen)
    return window
