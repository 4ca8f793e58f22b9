"""PySide6's `__feature__` hook classes every module imported after PySide6 by whether its source names PySide6. It
read each module through `inspect.getsource` (~0.2 s of the GUI thread for the console's ~700 modules before its
window populated); console/qt_feature_hook.py answers from the file's bytes, with the same answers."""

from __future__ import annotations

import json
import subprocess
import sys

#: Imports the console as `onair` does, counting the modules whose source PySide6's hook read with inspect.
COUNT_CHILD = """
import inspect, json, sys
read = []
original = inspect.getsource


def counted(obj):
    if inspect.ismodule(obj) and str(getattr(obj, "__file__", "")).endswith(".py"):
        read.append(obj.__name__)
    return original(obj)


inspect.getsource = counted
import console.qt_feature_hook  # as `onair` imports the console (console/cli.py cmd_gui)

read.clear()  # PySide6's own modules, read as it loads, before anything can change its hook
import console.app

feature = sys.modules["shibokensupport.feature"]
print(json.dumps({"read": len(read), "classed": dict(feature.pyside_feature_dict)}))
"""


def test_importing_the_console_reads_no_module_source_for_pysides_feature_hook() -> None:
    result = subprocess.run([sys.executable, "-c", COUNT_CHILD], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-800:]
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["read"] == 0
    # And the hook classes them as before: a module using PySide6 switches with features, the Qt-free core is ignored.
    assert found["classed"]["console.mainwindow"] == 0 and found["classed"]["widgets.level_meter"] == 0
    assert found["classed"]["obs.link"] == -1 and found["classed"]["console.core.session"] == -1


def test_the_files_answer_is_pysides_own_for_every_module_the_console_imports() -> None:
    """Held against PySide6's own check (whatever its version does), module by module."""
    import console.app  # noqa: F401
    from console import qt_feature_hook

    # False when PySide6 no longer asks the way 6.11 does: start-up is then ~0.2 s slower (never wrong); said here.
    assert qt_feature_hook.install(), "PySide6's __feature__ hook changed: console/qt_feature_hook.py does not apply"
    feature = sys.modules[qt_feature_hook.FEATURE_MODULE]
    check = feature._mod_uses_pyside
    original = check.original
    modules = list(sys.modules.values())
    differ = [m.__name__ for m in modules if check(m) != original(m)]
    assert differ == []
    assert sum(1 for m in modules if check(m)) > 20  # the console's own Qt modules, PySide6's, pytest-qt's
