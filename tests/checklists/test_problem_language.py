"""A broken checklist file is explained in the reader's language: whole sentences, phrases inside them too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from checklists.checks import CHECKS
from checklists.loader import ITEM_KEYS, ROLES, SECTION_KEYS, TEMPLATE_KEYS, load_all, load_text, resolve
from checklists.model import KINDS
from tests.language import english_words

HEAD = "id: ours\ntitle: O\nsections:\n  - title: S\n    items:\n"
LEVEL = "      - id: mic\n        title: Mic\n        check: audio.level_above\n        with:\n"
#: What a file spells (check names, parameters, keys, language codes, roles, kinds) and a sentence lists is the
#: file's vocabulary, not English left untranslated.
FILE_WORDS = {
    *(part for name in CHECKS for part in name.split(".")),
    *(param.name for spec in CHECKS.values() for param in spec.params),
    *TEMPLATE_KEYS,
    *SECTION_KEYS,
    *ITEM_KEYS,
    *ROLES,
    *KINDS,
    "zh_CN",
    "zh_TW",
}


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    from console.i18n import install_translator, remove_translators

    translators = install_translator(qapp, "zh_CN")
    assert translators, "the compiled catalogue is there"
    yield
    remove_translators(qapp, translators)


def test_an_out_of_bounds_parameter_reads_as_one_chinese_sentence(chinese: None) -> None:
    text = HEAD + LEVEL + "          input: Mic\n          threshold_db: -40\n          seconds: 86400\n"
    template, problems = load_text(text, "live.yaml")
    assert template is None and len(problems) == 1
    problem = problems[0]
    english = "parameter “seconds” of audio.level_above must be at least 0.1 and at most 60, not 86400.0"
    assert problem.message == english and str(problem) == f"live.yaml:12: {english}", "logs and tests keep English"
    assert problem.explain(QCoreApplication.translate) == (
        "live.yaml:12: audio.level_above 的参数“seconds”必须不小于 0.1 且不大于 60，而不是 86400.0"
    )
    assert problem.template and problem.fields["param"] == "seconds"


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "      - id: a\n        manual: true\n",  # the phrase “item a” inside “... has no title”
        HEAD + LEVEL + "          input: Mic\n          loudness: 3\n",  # “the parameters of audio.level_above”
        HEAD + LEVEL + "          input: [Mic]\n",  # “parameter “input”” must be a single value
        HEAD + "      - id: a\n        title: {en: A, zh_CN: [x]}\n        manual: true\n",  # “... (zh_CN)”
        HEAD + "      - id: a\n        title: A\n        check: obs.nope\n",
        HEAD + "      - id: a\n        title: A\n        check: audio.level_above\n",  # needs the parameters
        HEAD + "      - id: A!\n        title: A\n        manual: true\n",
        "id: ours\ntitle: O\nrole: boss\nsections: []\n",
        "id: ours\ntitle: O\nsections: nope\n",
        "id: ours\ntitle: O\nsections:\n  - title: S\n    items: []\n",
        "- just\n- a list\n",
        "id: ours\ntitle: !!python/object:os.system x\n",
        "id: [unclosed\n",
        "",
    ],
)
def test_every_kind_of_problem_reads_in_chinese(chinese: None, text: str) -> None:
    _, problems = load_text(text, "ours.yaml")
    assert problems
    for problem in problems:
        shown = problem.explain(QCoreApplication.translate)
        assert shown != str(problem) and any("\u4e00" <= ch <= "\u9fff" for ch in shown), shown
        if "YAML" not in problem.template:  # PyYAML's own reason is quoted as it is: only our words are checked
            sentence = shown.split(": ", 1)[1]  # after the file's name and line
            assert not english_words(sentence, FILE_WORDS), shown


def test_an_unknown_checklist_id_and_a_missing_folder_read_in_chinese(chinese: None, tmp_path: Path) -> None:
    _, problems = resolve("nope", [tmp_path / "absent"])
    shown = [p.explain(QCoreApplication.translate) for p in problems]
    assert shown[-1].startswith("nope: 没有这个 id 的检查单（已有：") and "streamer-go-live" in shown[-1]
    assert shown[0] == f"{tmp_path / 'absent'}: 检查单文件夹不存在"


def test_a_duplicate_id_in_the_team_folder_reads_in_chinese(chinese: None, tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(HEAD + "      - id: a\n        title: A\n        manual: true\n", encoding="utf-8")
    _, problems = load_all([tmp_path])
    assert [p.explain(QCoreApplication.translate) for p in problems] == [
        f"{tmp_path / 'b.yaml'}: 检查单 id“ours”已被 {tmp_path / 'a.yaml'} 使用；已跳过此文件"
    ]
