"""Every user-visible string is translated to Simplified Chinese, and the compiled catalogue is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "onair_zh_CN.ts"
QM = REPO / "resources" / "translations" / "onair_zh_CN.qm"
SOURCES = [
    *sorted((REPO / "console").glob("*.py")),
    *sorted((REPO / "console" / "core").glob("*.py")),
    *sorted((REPO / "console" / "core" / "review").glob("*.py")),
    *sorted((REPO / "console" / "core" / "rundown").glob("*.py")),
    *sorted((REPO / "console" / "core" / "telemetry").glob("audience*.py")),
    *sorted((REPO / "console" / "core" / "chat").glob("*.py")),
    *sorted((REPO / "console" / "core" / "alerts").glob("*.py")),
    *sorted((REPO / "console" / "core" / "studio").glob("shared*.py")),
    REPO / "console" / "core" / "telemetry" / "writer.py",
    *sorted((REPO / "widgets").glob("*.py")),
    REPO / "obs" / "errors.py",
    REPO / "obs" / "oswords.py",
    REPO / "obs" / "text.py",
    *sorted((REPO / "checklists").glob("*.py")),
    REPO / "obs" / "logfile.py",
    REPO / "obs" / "log_findings.py",
    *sorted((REPO / "obs" / "logcheck").glob("*.py")),
    REPO / "obs" / "health.py",
    REPO / "obs" / "health_audio.py",
    REPO / "obs" / "health_audience.py",
    REPO / "obs" / "health_record.py",
    REPO / "obs" / "commands.py",
    REPO / "obs" / "simulator" / "scenarios.py",
    REPO / "obs" / "health_rules.py",
    REPO / "obs" / "vocabulary.py",
    REPO / "obs" / "go_live.py",
    *sorted((REPO / "console" / "core" / "review").glob("*.py")),
    REPO / "console" / "core" / "rundown" / "live.py",
]


def tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    if not path.exists():
        pytest.skip(f"{name} is not installed")
    return str(path)


def messages(path: Path) -> dict[tuple[str, str], ET.Element | None]:
    found: dict[tuple[str, str], ET.Element | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def test_every_string_has_a_chinese_translation() -> None:
    unfinished = [
        source
        for (_, source), translation in messages(TS).items()
        if translation is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert not unfinished, f"untranslated: {unfinished}"


def test_translations_keep_every_placeholder() -> None:
    """A translation that loses "{host}" or "%1" would print a hole, or fail to format, in front of the user."""
    import re

    PLACEHOLDER = r"\{\w+(?::[^}]*)?\}|%\d"
    lost = [
        (source, translation.text)
        for (_, source), translation in messages(TS).items()
        if translation is not None
        and sorted(re.findall(PLACEHOLDER, source)) != sorted(re.findall(PLACEHOLDER, translation.text or ""))
    ]
    assert not lost, lost


def test_a_percentage_is_written_one_way_in_each_language() -> None:
    """tech16b: the log analysis said "26.2%" in its Chinese findings and "26.2 %" in its tables. The console writes a
    figure and its percent sign with a space in English and in Chinese alike ("警告 1 %", "丢弃了 {pct:.1f} % 的帧"),
    in the catalogue and in the bundled checklists."""
    import re

    glued = re.compile(r"(?:\d|\}|%\d)%(?!\d)")  # (not "%1%2": two placeholders, Chinese sentences joined)
    wrong = [
        translation.text
        for (_, source), translation in messages(TS).items()
        if translation is not None and glued.search(translation.text or "") and not glued.search(source)
    ]
    wrong += [
        f"{path.name}: {line.strip()}"
        for path in sorted((REPO / "checklists" / "templates").glob("*.yaml"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if glued.search(line)
    ]
    assert not wrong, wrong


def test_the_catalogue_lists_every_string_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(messages(fresh)) - set(messages(TS))
    assert not missing, f"run resources/translations/update.sh and translate: {sorted(missing)}"


def _literal_sources(path: Path) -> list[tuple[int, str]]:
    """Every literal string the file hands to tr(), translate() or QT_TRANSLATE_NOOP(), with its line."""
    import ast

    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        index = 0 if name == "tr" else 1 if name in ("translate", "QT_TRANSLATE_NOOP") else -1
        if 0 <= index < len(node.args):
            arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((node.lineno, arg.value))
    return found


def test_every_literal_handed_to_the_translator_is_in_the_catalogue() -> None:
    """lupdate does not look inside an f-string: a tr() call written there was shown in English to Chinese users
    ("No lottery in this show yet." in the Lottery tab, found by use), and the test above, which compares the
    catalogue with what lupdate finds, could not see it. This reads the calls from the code itself."""
    catalogue = {source for _, source in messages(TS)}
    missing = [
        f"{path.relative_to(REPO)}:{line}: {source!r}"
        for path in SOURCES
        for line, source in _literal_sources(path)
        if source not in catalogue
    ]
    assert not missing, "tr() where lupdate cannot see it (e.g. inside an f-string):\n" + "\n".join(missing)
    listed = set(SOURCES)
    unlisted = [
        str(path.relative_to(REPO))
        for top in ("console", "widgets", "obs", "checklists")
        for path in sorted((REPO / top).rglob("*.py"))
        if path not in listed and _literal_sources(path)
    ]
    assert not unlisted, f"add to SOURCES here and to resources/translations/update.sh: {unlisted}"


def test_the_compiled_catalogue_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "onair_zh_CN.qm"
    shutil.copy(TS, tmp_path / "onair_zh_CN.ts")
    subprocess.run(
        [tool("pyside6-lrelease"), str(tmp_path / "onair_zh_CN.ts"), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run resources/translations/update.sh"


def test_no_translation_keeps_an_english_word_of_its_source() -> None:
    """A half-translated sentence ("开始的 streaming 会话") reads as broken: a Chinese translation may keep
    only names, units and literals (tests/language.py says which and why), never a word it should have said."""
    from tests.language import left_untranslated

    half = [
        (context, source, translation.text, words)
        for (context, source), translation in messages(TS).items()
        if translation is not None
        for words in (left_untranslated(source, translation.text or ""),)
        if words
    ]
    assert not half, half


def test_the_half_translation_check_catches_a_sentence_left_half_in_english() -> None:
    from tests.language import left_untranslated

    assert left_untranslated("{start}: a {kind} session started", "{start}：开始的 streaming 会话") == []
    assert left_untranslated("the streaming session started", "开始的 streaming 会话") == ["streaming"]
    assert left_untranslated("OBS is not answering", "OBS 没有响应") == [], "a name stays a name"
    assert left_untranslated("Unknown output “{o}” (stream)", "未知的输出“{o}”（应为“stream”）") == []


#: The folders whose `#:` comments are all for the translator: pyside6-lupdate takes every `#:` line as a note to the
#: translator and hands the notes gathered since the last string to the next one, so a constant's `#:` description
#: became the note of a string far below it ("Still open when last recorded, at …" carried three notes on the
#: rundown's stamps and OBS's channels). A description is a plain `#` comment there.
OWN_NOTES_ONLY = ("console/core/review/",)


def _own_note(lines: list[str], line: int) -> str:
    """The `#:` lines right above the statement holding the string at `line` (1-based), as lupdate joins them."""
    start = line - 1
    while start > 0 and lines[start - 1].strip() and not lines[start - 1].lstrip().startswith("#:"):
        start -= 1  # up over the statement's lines (and plain comments in it) to its first
    note: list[str] = []
    while start > 0 and lines[start - 1].lstrip().startswith("#:"):
        start -= 1
        note.insert(0, lines[start].lstrip()[2:].strip())
    return " ".join(" ".join(note).split())


def test_a_translators_note_is_the_one_written_above_its_string() -> None:
    """Linguist shows the translator a string's note: it must speak of that string, not of constants above it."""
    wrong = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            note = " ".join((message.findtext("extracomment") or "").split())
            for location in message.iter("location"):
                path = (TS.parent / (location.get("filename") or "")).resolve().relative_to(REPO).as_posix()
                if note and path.startswith(OWN_NOTES_ONLY):
                    lines = (REPO / path).read_text(encoding="utf-8").splitlines()
                    own = _own_note(lines, int(location.get("line") or 0))
                    if note != own:
                        wrong.append((path, location.get("line"), message.findtext("source"), note[:120]))
    assert not wrong, wrong
