"""ConnectionStatus: the always-visible state of the OBS connection, versions, retry, and a network light."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from obs.messages import LinkState, LinkStatus
from obs.stats import Rates
from obs.vocabulary import DROP_CRITICAL_PCT, DROP_WARNING_PCT
from widgets.ports import StatusText

DOT = "●"
STATE_COLOURS = {
    LinkState.CONNECTED: "#2fae4f",
    LinkState.CONNECTING: "#f0a020",
    LinkState.RECONNECTING: "#f0a020",
    LinkState.UNRESPONSIVE: "#e0312f",
    LinkState.AUTH_FAILED: "#e0312f",
    LinkState.INCOMPATIBLE: "#e0312f",
    LinkState.DISCONNECTED: "#888888",
}


def network_quality(
    congestion: float | None, reconnecting: bool, dropped_pct: float | None = None
) -> tuple[str, str] | None:
    """OBS's own light (congestion averaged over a few seconds; red while reconnecting), never better than the frames
    the network dropped over the last 10 s say: OBS's congestion swings 0.1–1.0 from one poll to the next while it
    drops its send buffer, so on its own the light read "good" beside a critical 66 %-dropped finding (walk13)."""
    # Literal translate() calls: lupdate only sees those (a wrapper once hid these words from the catalogue).
    if reconnecting:
        return "#e0312f", QCoreApplication.translate("ConnectionStatus", "reconnecting")
    if dropped_pct is not None and dropped_pct > DROP_CRITICAL_PCT:
        return "#e0312f", QCoreApplication.translate("ConnectionStatus", "bad")
    if dropped_pct is not None and dropped_pct > DROP_WARNING_PCT and (congestion is None or congestion <= 2 / 3):
        return "#f0a020", QCoreApplication.translate("ConnectionStatus", "mediocre")
    if congestion is None:
        return None
    if congestion <= 0:
        return "#2fae4f", QCoreApplication.translate("ConnectionStatus", "excellent")
    if congestion <= 1 / 3:
        return "#2fae4f", QCoreApplication.translate("ConnectionStatus", "good")
    if congestion <= 2 / 3:
        return "#f0a020", QCoreApplication.translate("ConnectionStatus", "mediocre")
    return "#e0312f", QCoreApplication.translate("ConnectionStatus", "bad")


class ElidedLabel(QLabel):
    """One line of the status bar that, narrower than its text, ends it with "…" (QFontMetrics.elidedText) instead
    of cutting it mid-character ("CPU 满载: 电脑 C" at 1366 px read as whole); the whole text is its tooltip.
    `text()` stays the whole text; `shown()` is what is painted."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def shown(self) -> str:
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        # Painted with the painter alone: asking the widget's style for it (drawItemText) would build QStyle's Python
        # class and its enums at the status bar's first paint, which the console's start keeps for later.
        painter = QPainter(self)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown())


class ConnectionStatus(QWidget):
    sig_retry_requested = Signal()
    #: "Enter password…" beside a refused password: the one thing to do then, where the refusal is said (it was only
    #: in the Connection menu, and the bar offered "Retry now" with the same refused password; fresh18's walk).
    sig_password_requested = Signal()

    def __init__(self, describe: StatusText, parent: QWidget | None = None, brief: StatusText | None = None) -> None:
        """`describe`: the connection state in words (console.event_text.describe_status); `brief`: the same without
        the reason, said while the bar says the reason beside it (set_brief); the whole line is the tooltip."""
        super().__init__(parent)
        self._describe = describe
        self._describe_brief = brief
        self._brief = False
        self.dot = QLabel(DOT)
        # Cut with "…" too: a long reason (nothing listens on host:port, is OBS running, …) no longer takes the whole
        # bar and leaves the health text beside it a few characters; the whole of it is the tooltip.
        self.text = ElidedLabel()
        self.text.setWordWrap(False)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.network = QLabel()
        self.retry = QPushButton(self.tr("Retry now"))
        self.retry.setVisible(False)
        self.password = QPushButton(self.tr("Enter password…"))
        self.password.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.network)
        layout.addWidget(self.password)
        layout.addWidget(self.retry)
        self.status: LinkStatus | None = None
        self._congestion: list[float] = []
        self._countdown = QTimer(self)
        self._countdown.setInterval(500)
        self._countdown.timeout.connect(self._on_countdown_tick)
        self.retry.clicked.connect(self.sig_retry_requested)
        self.password.clicked.connect(self.sig_password_requested)

    @Slot(object)
    def set_status(self, status: LinkStatus) -> None:
        self.status = status
        self.dot.setStyleSheet(f"color: {STATE_COLOURS[status.state]}; font-size: 16px;")
        self.retry.setVisible(status.state in (LinkState.RECONNECTING, LinkState.AUTH_FAILED, LinkState.INCOMPATIBLE))
        self.password.setVisible(status.state is LinkState.AUTH_FAILED)
        # Said again twice a second while it counts: the wait before the next attempt, or how long OBS has been silent.
        if status.state in (LinkState.RECONNECTING, LinkState.UNRESPONSIVE):
            self._countdown.start()
        else:
            self._countdown.stop()
        if status.state is not LinkState.CONNECTED:
            self._clear_network()
        self._on_countdown_tick()

    def set_brief(self, brief: bool) -> None:
        """Brief while another line of the bar says why OBS is lost: on a laptop the two did not fit side by side,
        and both were cut."""
        if brief != self._brief:
            self._brief = brief
            self._on_countdown_tick()

    @Slot()
    def _on_countdown_tick(self) -> None:
        if self.status is not None:
            now = time.monotonic()
            whole = self._describe(self.status, now)
            brief = self._describe_brief if self._brief else None
            self.text.setText(brief(self.status, now) if brief is not None else whole)
            self.text.setToolTip(whole)

    @Slot(object)
    def set_rates(self, rates: Rates) -> None:
        if not rates.streaming:
            self._congestion = []
            self._clear_network()
            return
        if rates.congestion is not None:
            self._congestion = [*self._congestion, rates.congestion][-4:]
        average = sum(self._congestion) / len(self._congestion) if self._congestion else None
        light = network_quality(average, rates.reconnecting, rates.network_drop_pct)
        if light is None:
            self._clear_network()
            return
        colour, word = light
        self.network.setText(f"<span style='color:{colour}'>{DOT}</span> " + self.tr("Network: %1").replace("%1", word))

    def _clear_network(self) -> None:
        # QLabel.clear() re-lays out and repaints even an empty label, and the status bar with it (the main
        # window's layout too): once a second, from the rates, while nothing streams. setText skips the same text.
        if self.network.text():
            self.network.clear()
