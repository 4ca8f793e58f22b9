"""Checklist files: the bundled ones load in both languages; a broken one says file, line and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklists.loader import BUNDLED, load_all, load_text, resolve

BUNDLED_IDS = {
    "host-assistant-pre-show", "technician-pre-show", "streamer-go-live", "post-show-wrap-up",
    "troubleshoot-network", "troubleshoot-render", "troubleshoot-encode", "troubleshoot-disk", "troubleshoot-obs-link",
}  # fmt: skip


def test_bundled_templates_load_with_english_and_chinese_everywhere() -> None:
    templates, problems = load_all()
    assert problems == [] and set(templates) == BUNDLED_IDS
    for template in templates.values():
        texts = [template.title] + [s.title for s in template.sections] + [i.title for i in template.items]
        assert all({"en", "zh_CN"} <= set(text) for text in texts), template.id
        assert any(i.kind == "manual" for i in template.items) and any(i.kind == "sensed" for i in template.items)


def test_each_bundled_checklist_says_what_it_is_for() -> None:
    kinds = {template.id: template.kind for template in load_all()[0].values()}
    assert {k for t, k in kinds.items() if t.startswith("troubleshoot-")} == {"troubleshooting"}
    assert kinds["streamer-go-live"] == "pre-show" and kinds["post-show-wrap-up"] == "post-show"
    template, problems = load_text(doc(GOOD_ITEM, "id: t\ntitle: T\nkind: mid-show\n"), "k.yaml")
    assert template is None and "unknown kind “mid-show”" in problems[0].message and problems[0].line == 3


GOOD_ITEM = "      - id: a\n        title: A\n        check: obs.connected\n"


def doc(items: str, head: str = "id: t\ntitle: T\n") -> str:
    return head + "sections:\n  - title: S\n    items:\n" + items


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (doc(GOOD_ITEM + "      - id: b\n        title: [unclosed\n"), 10, "not valid YAML"),
        (doc("      - id: a\n        title: A\n        check: obs.teleport\n"), 8, "unknown check “obs.teleport”"),
        (doc("      - id: a\n        title: A\n        check: obs.program_scene\n"), 6, "needs the parameter scene"),
        (doc(GOOD_ITEM + GOOD_ITEM), 9, "used twice"),
        (
            doc("      - id: a\n        title: A\n        check: obs.connected\n        manual: true\n"),
            6,
            "both manual and sensed",
        ),
        (doc("      - id: a\n        title: A\n"), 6, "either “check: …” or “manual: true”"),
        (
            doc("      - id: a\n        title: A\n        colour: red\n        manual: true\n"),
            8,
            "unknown key “colour”",
        ),
        (
            doc(
                "      - id: a\n        title: A\n        check: audio.level_above\n"
                "        with: {input: 麦克风, seconds: soon}\n"
            ),
            9,
            "must be float",
        ),
        (
            doc(
                "      - id: a\n        title: A\n        check: obs.scene_exists\n        with: {scene: X, zoom: 2}\n"
            ),
            9,
            "unknown key “zoom”",
        ),
        ("id: t\ntitle: T\nsections: []\n", 3, "non-empty list"),
        ("id: T!\ntitle: T\nsections: []\n", 1, "may use only"),
        ("title: T\nsections: []\n", 1, "has no “id”"),
        ("", 0, "empty"),
    ],
)
def test_broken_files_are_explained_with_their_line(text: str, line: int, words: str) -> None:
    template, problems = load_text(text, "team/my.yaml")
    assert template is None and len(problems) == 1
    assert problems[0].file == "team/my.yaml" and problems[0].line == line, problems[0]
    assert words in problems[0].message, problems[0].message


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(
        doc(GOOD_ITEM, "id: ours\ntitle: {en: Ours, zh_CN: 我们的}\n"), encoding="utf-8"
    )
    (tmp_path / "bad.yaml").write_text(
        "id: broken\ntitle: x\nsections:\n  - title: S\n    items: nope\n", encoding="utf-8"
    )
    (tmp_path / "override.yml").write_text(
        doc(GOOD_ITEM, "id: streamer-go-live\ntitle: Our go-live\n"), encoding="utf-8"
    )
    templates, problems = load_all([tmp_path])
    assert "ours" in templates and "broken" not in templates
    assert templates["streamer-go-live"].title == {"en": "Our go-live"}, "a team's file overrides the bundled one"
    assert [(Path(p.file).name, p.line) for p in problems] == [("bad.yaml", 5)]


def test_resolve_by_id_or_path(tmp_path: Path) -> None:
    assert resolve("technician-pre-show")[0] is not None
    assert resolve(str(BUNDLED / "streamer-go-live.yaml"))[0] is not None
    missing, problems = resolve("no-such-list")
    assert missing is None and "known: host-assistant-pre-show" in problems[-1].message
    bom = tmp_path / "excel.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + doc(GOOD_ITEM).encode())
    assert resolve(str(bom))[0] is not None, "a UTF-8 BOM (Windows editors) is accepted"
