"""The core never pulls in Qt: it must run headless, in a CLI, on a server (and obs/, checklists/ never
import the application)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "obs.client",
    "obs.link",
    "obs.state",
    "obs.stats",
    "obs.tracker",
    "obs.simulator.server",
    "obs.errors",
    "obs.protocol",
    "obs.session",
    "checklists.loader",
    "checklists.engine",
    "checklists.context",
    "console.core.storage",
    "console.core.rooms",
    "console.core.telemetry.live",
    "console.core.telemetry.machine",
    "console.core.telemetry.writer",
    "console.core.telemetry.monitor",
    "console.core.session",
    "console.core.telemetry.audience",
]


def _forbidden(module: str) -> tuple[str, ...]:
    # obs/ and checklists/ depend on nothing of the application; console's services only on no Qt.
    return ("PySide6", "pyqtgraph", "widgets") + (() if module.startswith("console.") else ("console",))


#: One fresh interpreter imports the modules one at a time and notes, after each, which forbidden packages are
#: loaded by then. obs/ and checklists/ come first (they may not load console.*, which the later modules are): a
#: module that pulls in Qt is then the first after whose import Qt is there. One interpreter's start instead of
#: twenty (about 0.1 s of CPU each, console.core.storage 0.4 s).
_CHILD = """
import importlib, json, sys
found = {}
for module, forbidden in json.loads(sys.argv[1]):
    importlib.import_module(module)
    found[module] = sorted(m for m in sys.modules if m.split(".")[0] in forbidden)
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def imported() -> dict[str, list[str]]:
    import json

    order = sorted(CORE_MODULES, key=lambda module: module.startswith("console."))  # stable: the list's order
    plan = json.dumps([(module, _forbidden(module)) for module in order])
    result = subprocess.run([sys.executable, "-c", _CHILD, plan], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    found: dict[str, list[str]] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_qt(module: str, imported: dict[str, list[str]]) -> None:
    assert imported[module] == [], (
        f"{imported[module]} loaded by the time {module} was imported (one interpreter, CORE_MODULES in order, "
        "obs and checklists first: the first module that fails pulled them in)"
    )


def test_every_qt_module_of_the_console_is_forbidden_to_the_core_and_the_widgets() -> None:
    """The import contracts name the console's Qt modules one by one: a new one left out of them could be imported
    by the Qt-free core or by a widget without `lint-imports` noticing."""
    import tomllib
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    project = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = project["tool"]["importlinter"]["contracts"]
    modules = {f"console.{path.stem}" for path in (repo / "console").glob("*.py") if not path.stem.startswith("__")}
    for sources in (["obs", "checklists", "console.core"], ["widgets"]):
        contract = next(c for c in contracts if c["source_modules"] == sources)
        missing = sorted(modules - set(contract["forbidden_modules"]))
        assert not missing, f"{contract['name']}: add {missing} to its forbidden_modules in pyproject.toml"
