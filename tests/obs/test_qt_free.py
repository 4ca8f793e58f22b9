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


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_qt(module: str) -> None:
    # obs/ and checklists/ depend on nothing of the application; console's services only on no Qt.
    forbidden = ("PySide6", "pyqtgraph", "widgets") + (() if module.startswith("console.") else ("console",))
    code = (
        f"import sys, {module}; bad = [m for m in sys.modules if m.split('.')[0] in {forbidden!r}]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{module} imported {result.stdout.strip()} {result.stderr[-500:]}"


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
