"""Widgets stay views: they never import the application's Qt modules (console.bridge, the controllers, the
PDF writer…) nor name an obs-websocket request — they send typed commands (obs/commands.py) through the ports
they are given (widgets/ports.py), and the application's real objects fit those ports."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from console.mainwindow import MainWindow
from obs.commands import COMMANDS
from obs.simulator.handlers import HANDLERS
from obs.simulator.server import SimulatorThread

WIDGETS = sorted((Path(__file__).resolve().parents[2] / "widgets").glob("*.py"))
#: Every obs-websocket request type the console knows of (the simulator answers them all).
REQUEST_TYPES = set(HANDLERS) | set(COMMANDS)


def _imports(tree: ast.AST) -> list[str]:
    found: list[str] = []
    for node in ast.walk(tree):  # also the imports deferred into functions
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append(node.module)
    return found


def test_widgets_import_no_application_module_only_the_qt_free_core() -> None:
    assert WIDGETS
    wrong = {
        (path.name, name)
        for path in WIDGETS
        for name in _imports(ast.parse(path.read_text(encoding="utf-8")))
        if (name == "console" or name.startswith("console.")) and not name.startswith("console.core")
    }
    assert not wrong, f"widgets importing the application (take it through widgets/ports.py): {sorted(wrong)}"


def test_widgets_send_typed_commands_and_never_name_a_request() -> None:
    named: set[tuple[str, str]] = set()
    for path in WIDGETS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = node.func if isinstance(node, ast.Call) else None
            if isinstance(called, ast.Attribute) and called.attr in ("request", "request_blocking"):
                named.add((path.name, f".{called.attr}(…)"))
            if isinstance(node, ast.Constant) and node.value in REQUEST_TYPES:
                named.add((path.name, str(node.value)))
    assert not named, f"widgets naming obs-websocket requests (send an obs.commands type): {sorted(named)}"


def test_the_applications_objects_fit_the_ports_the_widgets_take(
    qtbot: QtBot, make_window: Callable[..., MainWindow], sim: SimulatorThread
) -> None:
    from widgets.ports import ChecklistPort, ObsPort, TelemetryPort

    window = make_window(sim.port)
    assert isinstance(window.bridge, ObsPort)
    assert isinstance(window.telemetry, TelemetryPort)
    assert isinstance(window.telemetry.bridge, ObsPort)
    assert isinstance(window.checklists, ChecklistPort)
