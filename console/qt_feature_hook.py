"""PySide6's `__feature__` import hook, answered from the module's file instead of `inspect.getsource`.

Once PySide6 is imported, every import statement passes the imported module to `shibokensupport.feature`: a
module it has not seen is classed "uses PySide6" (0) or "ignore" (-1) by whether its source contains the word
`PySide6`, read with `inspect.getsource` (linecache, tokenize's encoding detection, a path check): ~0.4 ms a module
on this machine, ~0.2 s of the GUI thread for the ~700 modules the console imports before its window populates.
The same question asked of the file's bytes (a Python source file's encoding is ASCII-compatible, PEP 263, so the
word is the same bytes in it) costs ~0.03 ms. Every other case (a module without a `.py` file, a file that cannot be
read) still goes to PySide6's own check, and so does everything when PySide6's internals are not the ones this was
written against (6.11: `_mod_uses_pyside` in `shibokensupport.feature`): then start-up is as slow as before, never
wrong. A test holds the two checks to the same answer for every module the console imports.

Imported first of the console's modules by console/app.py, right after PySide6 itself."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (the hook exists once PySide6 is imported)

FEATURE_MODULE = "shibokensupport.feature"
WORD = b"PySide6"


def from_file(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """`original`'s answer for a module, from its `.py` file's bytes when it has one."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return WORD in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.original = original  # type: ignore[attr-defined]
    return uses_pyside


def install() -> bool:
    """Answer PySide6's question from the files from now on; False (and nothing changed) when this PySide6 does
    not ask it the way 6.11 does."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or not callable(getattr(feature, "feature_imported", None)):
        return False
    if getattr(original, "original", None) is None:
        feature._mod_uses_pyside = from_file(original)  # type: ignore[attr-defined]
    return True


install()
