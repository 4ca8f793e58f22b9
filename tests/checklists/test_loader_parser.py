"""Which YAML parser reads a checklist: libyaml for a file it reads within the bounds, PyYAML's pure-Python one for
every other file, so a broken or hostile file is told in the same words and line as before."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
import yaml.scanner

from checklists.loader import BUNDLED, load_all, load_text
from tests.checklists.test_templates import doc


@pytest.fixture
def pure_scans(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many tokens PyYAML's pure-Python scanner has been asked for (it was ~23 ms of every start)."""
    calls: list[int] = []
    original = yaml.scanner.Scanner.fetch_more_tokens

    def counted(self: yaml.scanner.Scanner) -> None:
        calls.append(1)
        original(self)

    monkeypatch.setattr(yaml.scanner.Scanner, "fetch_more_tokens", counted)
    return calls


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
def test_the_bundled_checklists_are_read_without_the_pure_python_scanner(pure_scans: list[int]) -> None:
    templates, problems = load_all()
    assert problems == []
    assert len(templates) == len(list(BUNDLED.glob("*.yaml")))
    assert pure_scans == []


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        # libyaml reads a tab inside a plain value, and a "?" key in a flow mapping; PyYAML refuses both.
        (doc("      - id: re\tstarted\n        title: T\n        manual: true\n"), 6, "found character '\\t'"),
        (doc("      - {id: a, title: Ready?, manual: true}\n"), 6, "expected ',' or '}', but got '?'"),
        # libyaml refuses these too: PyYAML words them, as before.
        (doc("      - id: [a\n        title: T\n"), 6, "but got ':' (while parsing a flow sequence)"),
        ("id: a\nid: [\n", 3, "but found '<stream end>' (while parsing a flow node)"),
    ],
)
def test_a_file_pyyaml_cannot_read_is_refused_in_pyyamls_words_and_line(
    text: str, line: int, words: str, pure_scans: list[int]
) -> None:
    template, problems = load_text(text, "team.yaml")
    assert template is None
    assert [(p.file, p.line) for p in problems] == [("team.yaml", line)]
    assert words in problems[0].message and problems[0].message.startswith("not valid YAML: ")
    assert pure_scans  # PyYAML's scanner said it


def test_a_bound_reached_under_libyaml_is_the_same_refusal(tmp_path: Path) -> None:
    deep = "id: a\ntitle: T\nsections:\n" + "  " + "[" * 40 + "]" * 40 + "\n"
    (tmp_path / "deep.yaml").write_text(deep, encoding="utf-8")
    _, problems = load_all([tmp_path])
    assert [(Path(p.file).name, p.line, p.message) for p in problems] == [
        ("deep.yaml", 4, "nested more than 32 levels deep")
    ]
