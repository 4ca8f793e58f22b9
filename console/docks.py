"""The dock registry: id (= objectName, stable), title (translated at build), factory, default area; workspaces."""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from console.bridge import ObsBridge
from console.checklist_controller import ChecklistController
from console.graphs import GRAPHS
from console.review_controller import ReviewController
from console.telemetry_controller import TelemetryController
from obs.text import QT_TRANSLATE_NOOP
from widgets.audio_mixer import AudioMixer
from widgets.chat_port import ChatPort
from widgets.checklist_panel import ChecklistPanel
from widgets.comments_dock import CommentsDock
from widgets.engage_port import EngagePort
from widgets.event_log import EventLog
from widgets.graph_dock import GraphDock
from widgets.graph_spec import GraphSpec
from widgets.health_panel import HealthPanel
from widgets.output_panel import OutputPanel
from widgets.ports import SettingsPort
from widgets.program_view import ProgramView
from widgets.rundown_port import RundownPort
from widgets.scenes_panel import ScenesPanel

#: Bump when the set of docks or the default arrangement changes: saved layouts of an older set are then
#: ignored, not half-applied.
LAYOUT_VERSION = 8
Area = Qt.DockWidgetArea


def _chat(context: DockContext) -> ChatPort:
    if context.chat is None:
        raise ValueError("the Comments dock is built only where the console reads comments")
    return context.chat


def _graph_factory(spec: GraphSpec) -> Callable[[DockContext], QWidget]:
    return lambda context: GraphDock(context.telemetry, spec)


def _has_rundown(context: DockContext) -> bool:
    return context.rundown is not None and context.settings is not None


def _rundown_dock(context: DockContext) -> QWidget:
    from widgets.rundown_dock import RundownDock  # loaded only for a window that has a rundown

    assert context.rundown is not None and context.settings is not None
    return RundownDock(context.rundown, context.bridge, context.settings)


def _shows_browser(context: DockContext) -> QWidget:
    from widgets.shows_browser import ShowsBrowser  # loaded when the dock is first shown

    return ShowsBrowser(context.review)


def _engage_dock(context: DockContext) -> QWidget:
    from widgets.engage_dock import EngageDock  # loaded only for a window that reads comments

    assert context.engage is not None
    return EngageDock(context.engage, telemetry=context.telemetry)


@dataclass(frozen=True)
class DockContext:
    """What dock factories may use to build their widget."""

    bridge: ObsBridge
    checklists: ChecklistController
    telemetry: TelemetryController
    language: str
    review: ReviewController
    settings: SettingsPort | None = None
    #: The room's rundown (console/rundown_controller.py): the Rundown dock takes it; None: no Rundown dock.
    rundown: RundownPort | None = None
    #: The room's comments (console/chat_controller.py, a widgets/chat_port.py ChatPort): the Comments dock takes it.
    chat: ChatPort | None = None
    #: The room's Q&A queue and lottery (console/engage_controller.py): the Questions dock takes it.
    engage: EngagePort | None = None


@dataclass(frozen=True)
class DockSpec:
    id: str
    title: str
    factory: Callable[[DockContext], QWidget]
    area: Area
    # Whether the window has what the dock needs (None: always built).
    available: Callable[[DockContext], bool] | None = None
    # Its widget is built when the dock is first shown (or asked for): start-up does not pay for a dock that the
    # default workspace hides and that nothing outside it needs before.
    lazy: bool = False

    def built(self, context: DockContext) -> bool:
        return self.available is None or self.available(context)

    def translated_title(self) -> str:
        return QCoreApplication.translate("Docks", self.title)


DOCKS: tuple[DockSpec, ...] = (
    DockSpec("scenes", QT_TRANSLATE_NOOP("Docks", "Scenes"), lambda c: ScenesPanel(c.bridge), Area.LeftDockWidgetArea),
    DockSpec(
        "program", QT_TRANSLATE_NOOP("Docks", "Program"), lambda c: ProgramView(c.bridge), Area.RightDockWidgetArea
    ),
    DockSpec("output", QT_TRANSLATE_NOOP("Docks", "Output"), lambda c: OutputPanel(c.bridge), Area.RightDockWidgetArea),
    DockSpec("audio", QT_TRANSLATE_NOOP("Docks", "Audio"), lambda c: AudioMixer(c.bridge), Area.BottomDockWidgetArea),
    DockSpec("event_log", QT_TRANSLATE_NOOP("Docks", "Event log"), lambda c: EventLog(), Area.BottomDockWidgetArea),
    DockSpec(
        "checklist",
        QT_TRANSLATE_NOOP("Docks", "Checklist"),
        lambda c: ChecklistPanel(c.checklists, c.language),
        Area.RightDockWidgetArea,
    ),
    DockSpec(
        "health",
        QT_TRANSLATE_NOOP("Docks", "Health"),
        lambda c: HealthPanel(c.telemetry),
        Area.RightDockWidgetArea,
        lazy=True,
    ),
    *(DockSpec(g.id, g.title, _graph_factory(g), Area.BottomDockWidgetArea) for g in GRAPHS),
    # Kept shows (issue 18); hidden but in the Review workspace: built (and its module loaded) when first shown.
    DockSpec("shows", QT_TRANSLATE_NOOP("Docks", "Shows"), _shows_browser, Area.LeftDockWidgetArea, lazy=True),
    # The room's plan, edited and run live (issue 19); built when the window is given the rundown's port, its widget
    # when first shown.
    DockSpec(
        "rundown",
        QT_TRANSLATE_NOOP("Docks", "Rundown"),
        _rundown_dock,
        Area.LeftDockWidgetArea,
        _has_rundown,
        lazy=True,
    ),
    # The room's comments (issue 20), when the console reads them.
    DockSpec(
        "comments",
        QT_TRANSLATE_NOOP("Docks", "Comments"),
        lambda c: CommentsDock(_chat(c), telemetry=c.telemetry),
        Area.RightDockWidgetArea,
        lambda c: c.chat is not None,
    ),
    # The room's Q&A queue and lottery (issue 20), when the console reads comments. Built at start although a tab
    # behind the checklist: its minimum width holds that column's (a dock built when first shown narrowed it).
    DockSpec(
        "questions",
        QT_TRANSLATE_NOOP("Docks", "Questions"),
        _engage_dock,
        Area.RightDockWidgetArea,
        lambda c: c.engage is not None,
    ),
)
GRAPH_DOCKS = tuple(g.id for g in GRAPHS)


Horizontal, Vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


@dataclass(frozen=True)
class Workspace:
    """A preset: which docks show and where; `splits` place one dock beside/below another; `tabbed` groups
    share a tab stack (first on top); `sizes` are weights: each group shares the space its docks have
    between them in these proportions, so the preset fits a 1366×768 laptop and a 2560×1440 screen alike."""

    name: str
    title: str
    placement: dict[str, Area]
    splits: tuple[tuple[str, str, Qt.Orientation], ...] = ()
    tabbed: tuple[tuple[str, ...], ...] = ()
    sizes: tuple[tuple[tuple[str, ...], tuple[int, ...], Qt.Orientation], ...] = ()
    # The dock this workspace is for: without it (a window with no rundown) the workspace is not offered.
    needs: str = ""

    def using(self, built: Container[str]) -> Workspace:
        """The preset over the docks this window has (the Comments dock only where the console reads comments)."""
        return replace(
            self,
            placement={dock: area for dock, area in self.placement.items() if dock in built},
            splits=tuple(s for s in self.splits if s[0] in built and s[1] in built),
            tabbed=tuple(kept for group in self.tabbed if len(kept := tuple(d for d in group if d in built)) > 1),
            sizes=tuple(s for s in self.sizes if all(d in built for d in s[0])),
        )


WORKSPACES: dict[str, Workspace] = {
    w.name: w
    for w in (
        # The host assistant prepares the room: scenes and sound, the picture and outputs, and the checklist in
        # a column of its own at full height (under the picture it showed a row and a half on a laptop). During
        # the show the same column's Comments tab holds the room's comments at that full height.
        Workspace(
            "Assistant",
            QT_TRANSLATE_NOOP("Docks", "Assistant"),
            {
                "scenes": Area.LeftDockWidgetArea,
                "audio": Area.LeftDockWidgetArea,
                "program": Area.RightDockWidgetArea,
                "output": Area.RightDockWidgetArea,
                "event_log": Area.RightDockWidgetArea,
                "checklist": Area.RightDockWidgetArea,
                "comments": Area.RightDockWidgetArea,
                "questions": Area.RightDockWidgetArea,
            },
            splits=(
                ("program", "checklist", Horizontal),
                ("program", "output", Vertical),
                ("scenes", "audio", Vertical),
            ),
            tabbed=(("checklist", "comments", "questions", "event_log"),),
            sizes=(
                (("scenes", "program", "checklist"), (31, 28, 41), Horizontal),
                (("scenes", "audio"), (58, 42), Vertical),
                (("program", "output"), (60, 40), Vertical),
            ),
        ),
        # The streamer switches scenes on air: big tiles, the program picture, the go-live button and its tally.
        Workspace(
            "Streamer",
            QT_TRANSLATE_NOOP("Docks", "Streamer"),
            {
                "scenes": Area.LeftDockWidgetArea,
                "program": Area.RightDockWidgetArea,
                "output": Area.RightDockWidgetArea,
            },
            splits=(("program", "output", Vertical),),
            sizes=((("scenes", "program"), (50, 50), Horizontal), (("program", "output"), (66, 34), Vertical)),
        ),
        # The technician watches the stream's health: bitrate, lost frames and FPS at full width; the verdict,
        # CPU and outputs beside them; the checklist, log and sound in a column of their own. Three columns, so
        # every graph keeps a usable height on a laptop. The verdict's column is the widest and tallest: its findings
        # and what to do are wrapped whole, and on a 1366×768 laptop in Chinese a network finding and its four
        # remedies are read without scrolling only at this width (walk24p).
        Workspace(
            "Technician",
            QT_TRANSLATE_NOOP("Docks", "Technician"),
            {
                "graph_bitrate": Area.LeftDockWidgetArea,
                "graph_dropped": Area.LeftDockWidgetArea,
                "graph_fps": Area.LeftDockWidgetArea,
                "health": Area.RightDockWidgetArea,
                "graph_cpu": Area.RightDockWidgetArea,
                "output": Area.RightDockWidgetArea,
                "audio": Area.RightDockWidgetArea,
                "event_log": Area.RightDockWidgetArea,
                "checklist": Area.RightDockWidgetArea,
                "program": Area.RightDockWidgetArea,
                "scenes": Area.RightDockWidgetArea,
            },
            splits=(
                ("graph_bitrate", "graph_dropped", Vertical),
                ("graph_dropped", "graph_fps", Vertical),
                ("health", "checklist", Horizontal),
                ("health", "graph_cpu", Vertical),
                ("graph_cpu", "output", Vertical),
            ),
            tabbed=(("health", "program", "scenes"), ("checklist", "event_log", "audio")),
            sizes=(
                (("graph_bitrate", "health", "checklist"), (30, 39, 31), Horizontal),
                (("graph_bitrate", "graph_dropped", "graph_fps"), (30, 30, 40), Vertical),
                (("health", "graph_cpu", "output"), (58, 17, 25), Vertical),
            ),
        ),
        # The data assistant and the supervisor follow the audience against what happened on stream.
        Workspace(
            "Analyst",
            QT_TRANSLATE_NOOP("Docks", "Analyst"),
            {
                "graph_audience": Area.LeftDockWidgetArea,
                "graph_bitrate": Area.LeftDockWidgetArea,
                "program": Area.RightDockWidgetArea,
                "event_log": Area.RightDockWidgetArea,
            },
            splits=(("graph_audience", "graph_bitrate", Vertical), ("program", "event_log", Vertical)),
            sizes=(
                (("graph_audience", "program"), (66, 34), Horizontal),
                (("graph_audience", "graph_bitrate"), (60, 40), Vertical),
            ),
        ),
        # The analyst and the supervisor review kept shows (复盘): the Shows browser over the whole window, the
        # event log under it for what the console says meanwhile.
        Workspace(
            "Review",
            QT_TRANSLATE_NOOP("Docks", "Review"),
            {"shows": Area.LeftDockWidgetArea, "event_log": Area.LeftDockWidgetArea},
            splits=(("shows", "event_log", Vertical),),
            sizes=((("shows", "event_log"), (82, 18), Vertical),),
        ),
        # Whoever calls the show (the host assistant, the director) runs it from its rundown: the plan and its
        # live strip over most of the window; the program picture, to see what Go took, and the tally beside it;
        # the event log (switches refused, boundaries) under them.
        Workspace(
            "Rundown",
            QT_TRANSLATE_NOOP("Docks", "Rundown"),
            {
                "rundown": Area.LeftDockWidgetArea,
                "program": Area.RightDockWidgetArea,
                "output": Area.RightDockWidgetArea,
                "event_log": Area.RightDockWidgetArea,
            },
            splits=(("program", "output", Vertical), ("output", "event_log", Vertical)),
            sizes=(
                (("rundown", "program"), (64, 36), Horizontal),
                (("program", "output", "event_log"), (40, 25, 35), Vertical),
            ),
            needs="rundown",
        ),
    )
}
