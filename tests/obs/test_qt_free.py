"""The core packages never pull in Qt: they must run headless, in a CLI, on a server."""

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
    "checklists",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_qt(module: str) -> None:
    code = (
        f"import sys, {module}; bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'pyqtgraph', 'widgets', 'console')]; print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{module} imported {result.stdout.strip()} {result.stderr[-500:]}"
