"""A lottery's refusal read as a line of its own (the Lottery dock) is a sentence in either language: a capital and a
full stop in English, "。" in Chinese, a name that begins it written as it is; its `message` stays the clause the
command line says after "onair: "."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from console.core.chat.lottery import LotteryError, forfeit_error
from console.core.chat.lottery_export import read_record
from console.i18n import Catalogue, catalogue
from obs.text import QT_TRANSLATE_NOOP


@pytest.fixture(scope="module")
def chinese() -> Callable[[str, str], str]:
    """Qt's translate over the compiled catalogue the console ships (onair_zh_CN.qm)."""
    found: Catalogue | None = catalogue("zh_CN")
    assert found is not None
    words = found

    def translate(context: str, text: str) -> str:
        return words.translate(context, text) or text

    return translate


def english(_context: str, text: str) -> str:
    return text


def test_a_refusal_begun_in_lowercase_reads_as_a_sentence_in_both_languages(
    chinese: Callable[[str, str], str],
) -> None:
    error = LotteryError(QT_TRANSLATE_NOOP("Lottery", "there is no winner {rank} in this lottery"), rank=3)
    assert error.sentence(english) == "There is no winner 3 in this lottery."
    assert error.sentence(chinese) == "本次抽奖没有第 3 名中奖者。"
    # The clause itself is untouched: "onair: there is no winner 3 in this lottery" on the command line.
    assert error.message.in_language(english) == "there is no winner 3 in this lottery"


def test_a_refusal_that_begins_with_a_name_keeps_the_name_as_written(chinese: Callable[[str, str], str]) -> None:
    error = LotteryError(
        QT_TRANSLATE_NOOP("Lottery", "{user} was already marked forfeited at {at} by {who}"),
        user="alice",
        at="20:15:02",
        who="客服B",
    )
    assert error.sentence(english) == "alice was already marked forfeited at 20:15:02 by 客服B."
    assert error.sentence(chinese) == "alice 已于 20:15:02 由 客服B 标为放弃资格。"


def test_a_forfeit_without_a_reason_is_refused_in_a_sentence(chinese: Callable[[str, str], str]) -> None:
    error = forfeit_error("reason")
    assert error.sentence(english) == "A forfeit needs a reason."
    assert error.sentence(chinese) == "取消资格须说明原因。"


def test_a_sentence_already_ended_gets_no_second_full_stop(chinese: Callable[[str, str], str]) -> None:
    error = LotteryError(
        QT_TRANSLATE_NOOP("Lottery", "The only entry has been drawn: nobody is left to replace {gone}."), gone="小明"
    )
    assert error.sentence(english) == "The only entry has been drawn: nobody is left to replace 小明."
    assert error.sentence(chinese) == "唯一的参与者已被抽出：没有人可以替代 小明。"


def test_a_nested_reason_is_said_in_the_readers_language_inside_the_sentence(
    chinese: Callable[[str, str], str], tmp_path: Path
) -> None:
    missing = tmp_path / "gone" / "lottery.json"
    with pytest.raises(LotteryError) as raised:
        read_record(missing)
    said = raised.value.sentence(chinese)
    assert said.startswith(f"无法读取 {missing}：") and said.endswith("。")
    assert "No such file" not in said and "Errno" not in said
    assert raised.value.sentence(english).startswith(f"{missing} cannot be read: ")
    assert raised.value.sentence(english).endswith(".")
