"""GraphDock: holds a graph dock's place and builds its TelemetryGraph — loading pyqtgraph — the first time
the dock is shown, so a workspace without graphs starts as fast as before they existed."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from widgets.audience_status import describe
from widgets.graph_spec import GraphSpec
from widgets.ports import TelemetryPort

if TYPE_CHECKING:
    from widgets.telemetry_graph import TelemetryGraph


_collector: Any = None
#: A pane below this shows a line and no scale (the CPU graph was ~50 px tall on a laptop); with the graph's
#: toolbar and time axis this is a graph dock's least usable height. A workspace that cannot give it tabs docks.
PANE_MIN_HEIGHT = 90
CHROME_HEIGHT = 50
SOURCE_BAR_HEIGHT = 30


def collect_garbage_on_the_gui_thread() -> None:
    """Python's cyclic collector runs on whichever thread happens to allocate; collecting graph items on the
    storage writer's thread deadlocked against the GUI thread in a long run. pyqtgraph's collector turns
    automatic collection off and collects on a GUI-thread timer. Installed with the first graph, so a
    console without graphs neither loads pyqtgraph nor changes how it collects."""
    global _collector
    if _collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _collector = GarbageCollector(interval=1.0)


def restore_garbage_collection() -> None:
    """At exit, once the worker threads are gone."""
    if _collector is not None:
        _collector.timer.stop()
    gc.enable()


class SourceBar(QWidget):
    """The audience source's name, status, figure and last problem, and a button to set it up."""

    def __init__(self, controller: TelemetryPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Source…"))
        self.button.setToolTip(self.tr("Where this room's audience figures come from"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 4, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        controller.sig_sampled.connect(self.refresh)
        controller.sig_audience_changed.connect(self.refresh)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        if not self.isVisible() and self.label.text():
            return
        text, colour = describe(self.controller.audience)
        if text != self.label.text():
            self.label.setText(text)
            self.label.setStyleSheet(f"color: {colour};")


class GraphDock(QWidget):
    sig_source_requested = Signal()

    def __init__(self, controller: TelemetryPort, spec: GraphSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.spec = spec
        self.graph: TelemetryGraph | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.source_bar: SourceBar | None = None
        self.setMinimumHeight(
            CHROME_HEIGHT + PANE_MIN_HEIGHT * len(spec.panes) + (SOURCE_BAR_HEIGHT if spec.source_bar else 0)
        )
        if spec.source_bar:
            self.source_bar = SourceBar(controller, self)
            self.source_bar.button.clicked.connect(self.sig_source_requested)
            self._layout.addWidget(self.source_bar)

    def ensure(self) -> TelemetryGraph:
        if self.graph is None:
            from widgets.telemetry_graph import TelemetryGraph

            collect_garbage_on_the_gui_thread()
            self.graph = TelemetryGraph(self.controller, self.spec, self)
            self._layout.addWidget(self.graph)
        return self.graph

    def set_active(self, active: bool) -> None:
        if active:
            self.ensure().set_active(True)
        elif self.graph is not None:
            self.graph.set_active(False)

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure()
        super().showEvent(event)
