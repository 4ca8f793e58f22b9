"""One vocabulary: the translation marker is defined once (obs/text.py), every severity and category the
engines emit is a member of the shared enums, and a stored finding reads back into the same words."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("obs", "checklists", "console", "widgets")


def _modules() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (REPO / package).rglob("*.py"))


def test_the_translation_marker_is_defined_only_in_obs_text() -> None:
    """A second definition would drift (one added a docstring, one a different signature); lupdate finds the
    calls by name whatever module they import it from, so one definition loses nothing."""
    defining = [
        str(path.relative_to(REPO))
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Assign)
        and (
            getattr(node, "name", None) == "QT_TRANSLATE_NOOP"
            or any(isinstance(t, ast.Name) and t.id == "QT_TRANSLATE_NOOP" for t in getattr(node, "targets", ()))
        )
    ]
    assert defining == ["obs/text.py"]
