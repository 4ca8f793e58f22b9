"""The audience's side of a show in its review exports (fix23g): the XLSX's summary says how many comments were
stored, the busiest minute, the questions and the lotteries, and a Lotteries sheet lists each lottery (opened,
drawn, keyword, entries, winners); what no chat source read is "not known", never 0. Read back cell by cell in
English and Chinese, on real SQLite and PostgreSQL, from shows stored through the storage API the console uses."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.lottery import Entry, Lottery
from console.core.chat.room import comment_row
from console.core.review.audience import audience_of
from console.core.review.bundle import bundle_show
from console.core.review.export import SHEETS, write_show_xlsx
from console.core.storage import Storage
from tests.console.test_review_export import stored_show, summary_of, table
from tests.language import chinese, english

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
ROOM = "二号直播间"


def said(at_s: float, user: str, text: str, kind: ChatKind = ChatKind.COMMENT, **fields: Any) -> ChatEvent:
    return ChatEvent(
        "douyin", "file", kind, f"uid-{user}", user, text, wall=T0.timestamp() + at_s, message_id=f"m{at_s}-{user}",
        **fields,
    )  # fmt: skip


def show_with_chat(storage: Storage, *, comments: bool = True, silent: bool = False) -> int:
    """Ten minutes of a room whose chat source connected after a minute (the first minute's figures unknown), up
    to 12 comments a minute from 5 chatters (`silent`: connected, nobody wrote); 9 comments, 1 paid message and 2
    gifts stored (`comments` False: none stored, as after the retention deleted them); three questions (one
    answered 50 s after, one dismissed, one open); a lottery drawn (6 entries, 2 winners) and one cancelled (2
    entries)."""
    show, _ = storage.open_show(ROOM, T0, 0)
    t0 = T0.timestamp()
    rows = [
        {
            "t": t0 + s,
            "viewers": 500.0,
            "comments_per_min": None if s < 60 else 0.0 if silent else float(min(12, (s - 60) // 30)),
            "chatters_per_min": None if s < 60 else 0.0 if silent else float(min(5, (s - 60) // 60)),
        }
        for s in range(600)
    ]
    storage.add_telemetry(show.id, rows, [])
    if silent:
        storage.end_show(show.id, T0 + timedelta(seconds=600))
        return show.id
    events = [said(100 + 10 * n, f"观众{n}", f"好看{n}") for n in range(9)]
    events += [said(250, "大哥", "冲冲冲", ChatKind.SUPERCHAT, value=30.0)]
    events += [said(260 + n, "小美", "", ChatKind.GIFT, gift_name="小心心", count=1) for n in range(2)]
    if comments:
        storage.add_comments(show.id, [comment_row(event, 0.0) for event in events])
    questions = [
        storage.add_question(show.id, said(120 + 60 * n, f"问{n}", text), now=t0 + 120 + 60 * n)
        for n, text in enumerate(["多少钱？", "哈哈", "几号发货？"])
    ]
    storage.answer_question(questions[0].id, "客服小周", "89 元", now=t0 + 170)
    storage.dismiss_question(questions[1].id, "客服小周", now=t0 + 200)
    drawn, seed = Lottery.open("#抽奖", 2, now=t0 + 300, show_id=show.id, room=ROOM, by="小李")
    first = storage.open_lottery(show.id, drawn.record, seed)
    storage.add_lottery_entries(first, [Entry("douyin", f"u{n}", f"粉丝{n}", t0 + 301 + n, "#抽奖") for n in range(6)])
    storage.close_lottery(first, t0 + 360)
    storage.draw_lottery(first, t0 + 361, by="小李")
    cancelled, seed = Lottery.open("#福袋", 1, now=t0 + 400, show_id=show.id, room=ROOM, by="小李")
    second = storage.open_lottery(show.id, cancelled.record, seed)
    storage.add_lottery_entries(second, [Entry("douyin", f"v{n}", f"观众{n}", t0 + 401 + n, "#福袋") for n in range(2)])
    storage.cancel_lottery(second, t0 + 420, by="小李")
    storage.end_show(show.id, T0 + timedelta(seconds=600))
    return show.id


def test_the_storage_counts_a_shows_messages_by_kind(storage: Storage) -> None:
    show = show_with_chat(storage)
    assert storage.show_comment_counts(show) == {"comment": 9, "superchat": 1, "gift": 2}
    assert storage.show_comment_counts(stored_show(storage)) == {}, "another show's messages are not counted"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_xlsx_tells_the_comments_questions_and_lotteries(storage: Storage, tmp_path: Path, language: str) -> None:
    say = english if language == "en" else chinese()
    bundle = bundle_show(storage, show_with_chat(storage))
    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle, path, say, language)
    book = openpyxl.load_workbook(path)
    summary = summary_of(book.worksheets[0])

    def figure(label: str) -> Any:
        return summary[say("ReviewExport", label)]

    assert figure("Comments (paid messages included)") == 10, "comments and the paid message; gifts are not comments"
    assert figure("Peak comments per minute") == 12 and figure("Peak chatters per minute") == 5
    assert figure("Questions (one asked by many viewers counts once)") == 3 and figure("Questions answered") == 1
    assert figure("Questions dismissed") == 1 and figure("Questions never answered (open or claimed)") == 1
    wait = figure("Median time to an answer")
    assert round(wait.total_seconds() if hasattr(wait, "total_seconds") else wait * 86400) == 50
    assert figure("Lotteries run") == 2 and figure("Lotteries drawn") == 1
    assert figure("Lottery entries (all lotteries)") == 8 and figure("Lottery winners (all lotteries)") == 2
    assert say("ReviewExport", "Chat") not in summary, "the chat was read: no word that it was not"

    sheet = say("ReviewExport", SHEETS["lotteries"])
    assert sheet in book.sheetnames
    rows = table(book[sheet])
    header = rows[0]
    assert header[:5] == [
        say("ReviewExport", w) for w in ("Entries opened", "Drawn", "Keyword", "What became of it", "Entries")
    ]
    drawn, cancelled = (dict(zip(header, row, strict=True)) for row in rows[1:])
    local = datetime.fromtimestamp(T0.timestamp())
    assert drawn[say("ReviewExport", "Drawn")] == local + timedelta(seconds=361)
    assert drawn[say("ReviewExport", "Keyword")] == "#抽奖" and drawn[say("ReviewExport", "Entries")] == 6
    assert drawn[say("ReviewExport", "Winners")] == 2
    names = drawn[say("ReviewExport", "Who won (in the order drawn)")]
    separator = "、" if language == "zh_CN" else ", "
    assert len(names.split(separator)) == 2 and all(name.startswith("粉丝") for name in names.split(separator))
    assert cancelled[say("ReviewExport", "Drawn")] is None, "never drawn: no draw time"
    assert cancelled[say("ReviewExport", "Entries")] == 2 and cancelled[say("ReviewExport", "Winners")] == 0
    assert cancelled[say("ReviewExport", "What became of it")].startswith(
        say("Lottery", "Cancelled at %1 by %2: never drawn, no winners").split("%1")[0]
    )
    if language == "zh_CN":
        assert sheet == "抽奖" and "评论条数（含付费留言）" in summary and summary["抽奖次数"] == 2


def test_a_show_no_chat_source_read_says_not_known_never_0(storage: Storage, tmp_path: Path) -> None:
    bundle = bundle_show(storage, stored_show(storage))
    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle, path)
    book = openpyxl.load_workbook(path)
    summary = summary_of(book.worksheets[0])
    questions = "Questions (one asked by many viewers counts once)"
    for label in ("Comments (paid messages included)", "Peak comments per minute", questions, "Viewers who asked them"):
        assert summary[label] == "not known", label
    assert summary["Chat"].startswith("no chat source read the room during this show")
    assert summary["Lotteries run"] == 0, "the console's own record: none was run"
    assert "Lotteries" not in book.sheetnames


def test_a_silent_room_with_its_chat_read_is_0_and_deleted_comments_are_not_known(storage: Storage) -> None:
    silent = audience_of(bundle_show(storage, show_with_chat(storage, silent=True)))
    assert silent.chat_read and silent.comments == 0 and silent.peak_comments_per_min == 0.0 and silent.questions == 0
    gone = audience_of(bundle_show(storage, show_with_chat(storage, comments=False)))
    assert gone.chat_read and gone.comments is None, "counted live, no longer stored: not known, never 0"
    assert gone.peak_comments_per_min == 12.0 and gone.questions == 3


def test_a_forfeited_winner_is_not_counted_or_named_as_a_winner_and_the_replacement_is(
    storage: Storage, tmp_path: Path
) -> None:
    """A winner who did not answer and was replaced (fix23k) is not one of the show's winners in the review's
    figures or its Lotteries sheet: the analyst's 复盘 said 3 winners of a 2-winner lottery, naming the forfeited."""
    show = show_with_chat(storage)
    bundle = bundle_show(storage, show)
    first = bundle.lotteries[0]
    gone = first.winners[0]
    lottery_id = first.id
    assert lottery_id is not None
    storage.forfeit_winner(lottery_id, gone.rank, "no_answer", "called 3 times", now=T0.timestamp() + 400, by="小李")
    storage.draw_replacement(lottery_id, gone.rank, now=T0.timestamp() + 410, by="小李")
    bundle = bundle_show(storage, show)
    assert len(bundle.lotteries[0].winners) == 3, "every drawn viewer stays in the record"
    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle, path, english, "en")
    book = openpyxl.load_workbook(path)
    assert summary_of(book.worksheets[0])["Lottery winners (all lotteries)"] == 2
    rows = table(book["Lotteries"])
    drawn = dict(zip(rows[0], rows[1], strict=True))
    assert drawn["Winners"] == 2
    names = drawn["Who won (in the order drawn)"].split(", ")
    assert len(names) == 2 and (gone.user_name or gone.user_id) not in names


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_onair_report_says_the_audiences_side_as_the_xlsx_does(onair: Any, storage: Storage, language: str) -> None:
    """`onair report --show` in the terminal has the audience's part the XLSX and PDF summaries have (fix24d): the
    analyst read the text report and found no comments, questions or lotteries. The winners are the standing ones
    (a forfeited winner replaced counts once)."""
    say = english if language == "en" else chinese()
    show = show_with_chat(storage)
    done = onair("report", "--show", str(show), "--lang", language, "--database", storage.url)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert say("ReportCli", "Audience:") in text.splitlines()
    comments = (
        say("ReportCli", "Comments (paid messages included): %1; in the busiest minute, comments: %2, chatters: %3")
        .replace("%1", "10")
        .replace("%2", "12")
        .replace("%3", "5")
    )
    questions = (
        say(
            "ReportCli",
            "Questions: %1 (viewers who asked: %2); answered: %3, dismissed: %4, never answered: %5; "
            "median wait for an answer: %6",
        )
        .replace("%1", "3")
        .replace("%2", "3")
        .replace("%3", "1")
        .replace("%4", "1")
        .replace("%5", "1")
        .replace("%6", "0:00:50")
    )
    lotteries = (
        say("ReportCli", "Lotteries: %1 run (%2 drawn), %3, %4")
        .replace("%1", "2")
        .replace("%2", "1")
        .replace("%3", say("ReportCli", "%1 entries").replace("%1", "8"))
        .replace("%4", say("ReportCli", "%1 winners").replace("%1", "2"))
    )
    for line in (comments, questions, lotteries):
        assert "  " + line in text.splitlines(), f"{line!r} not in\n{text}"
    if language == "zh_CN":
        assert "观众：" in text and "抽奖" in text, text
    as_json = json.loads(onair("report", "--show", str(show), "--json", "--database", storage.url).stdout)
    assert as_json["audience"]["comments"] == 10 and as_json["audience"]["lottery_winners"] == 2
    assert as_json["audience"]["median_wait_s"] == 50


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_onair_report_says_not_known_where_no_chat_source_read_the_room(
    onair: Any, storage: Storage, language: str
) -> None:
    say = english if language == "en" else chinese()
    show = stored_show(storage)
    done = onair("report", "--show", str(show), "--lang", language, "--database", storage.url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    unknown = say("ReportCli", "not known")
    no_chat = say(
        "ReportCli", "No chat source read the room during this show: its comments and questions are not known."
    )
    assert "  " + no_chat in lines
    comments = say(
        "ReportCli", "Comments (paid messages included): %1; in the busiest minute, comments: %2, chatters: %3"
    )
    questions = say(
        "ReportCli",
        "Questions: %1 (viewers who asked: %2); answered: %3, dismissed: %4, never answered: %5; "
        "median wait for an answer: %6",
    )
    for words, count in ((comments, 3), (questions, 6)):
        for n in range(1, count + 1):
            words = words.replace(f"%{n}", unknown)
        assert "  " + words in lines, f"{words!r} not in\n{done.stdout}"
    lotteries = (
        say("ReportCli", "Lotteries: %1 run (%2 drawn), %3, %4")
        .replace("%3", say("ReportCli", "%1 entries"))
        .replace("%4", say("ReportCli", "%1 winners"))
    )
    assert "  " + lotteries.replace("%1", "0").replace("%2", "0") in lines, (
        "the console's own record: no lottery was run"
    )
    as_json = json.loads(onair("report", "--show", str(show), "--json", "--database", storage.url).stdout)
    assert as_json["audience"]["chat_read"] is False and as_json["audience"]["comments"] is None


def show_with_one_question_of_six(storage: Storage) -> int:
    """A show whose Questions dock showed two questions: 多少钱 asked by 6 viewers (one group, answered 90 s after
    its first asker) and 几号发货 asked by one viewer, never answered; the chat read (a comments-per-minute figure)."""
    show, _ = storage.open_show(ROOM, T0, 0)
    t0 = T0.timestamp()
    storage.add_telemetry(show.id, [{"t": t0 + s, "comments_per_min": 6.0} for s in range(0, 600, 10)], [])
    wordings = ["多少钱？", "这个多少钱", "多少钱呀", "主播多少钱？", "多少钱", "请问多少钱"]
    storage.add_questions(show.id, [said(100 + n, f"问{n}", text) for n, text in enumerate(wordings)], now=t0 + 106)
    storage.add_questions(show.id, [said(200, "糖糖", "几号发货？")], now=t0 + 200)
    rows = storage.questions(show.id)
    assert len(rows) == 7 and len({row.group_id for row in rows[:6]}) == 1, "the six are one group, kept per viewer"
    storage.answer_question(rows[0].id, "客服小周", "89 元", now=t0 + 190)
    storage.end_show(show.id, T0 + timedelta(seconds=600))
    return show.id


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_question_asked_by_six_viewers_is_one_question_in_the_report_and_the_xlsx(
    onair: Any, storage: Storage, tmp_path: Path, language: str
) -> None:
    """walk24: the Questions dock showed ONE question asked by 6 viewers, while the report, the PDF and the XLSX said
    "Questions asked: 6 … never answered: 6" (they counted one row per viewer). The analyst reads what the dock
    showed: 2 questions, asked by 7 viewers; the group's answer answers it once; its wait from its first asker."""
    say = english if language == "en" else chinese()
    show = show_with_one_question_of_six(storage)
    audience = audience_of(bundle_show(storage, show))
    assert (audience.questions, audience.askers) == (2, 7)
    assert (audience.answered, audience.dismissed, audience.waiting) == (1, 0, 1)
    assert audience.median_wait_s == 90

    done = onair("report", "--show", str(show), "--lang", language, "--database", storage.url)
    assert done.returncode == 0, done.stderr
    questions = say(
        "ReportCli",
        "Questions: %1 (viewers who asked: %2); answered: %3, dismissed: %4, never answered: %5; "
        "median wait for an answer: %6",
    )
    for n, value in enumerate(("2", "7", "1", "0", "1", "0:01:30"), start=1):
        questions = questions.replace(f"%{n}", value)
    assert "  " + questions in done.stdout.splitlines(), done.stdout
    if language == "zh_CN":
        assert "提问：2 个（提问观众：7 人）" in done.stdout, done.stdout
    as_json = json.loads(onair("report", "--show", str(show), "--json", "--database", storage.url).stdout)
    assert as_json["audience"]["questions"] == 2 and as_json["audience"]["askers"] == 7
    assert as_json["audience"]["never_answered"] == 1

    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle_show(storage, show), path, say, language)
    book = openpyxl.load_workbook(path)
    summary = summary_of(book.worksheets[0])
    assert summary[say("ReviewExport", "Questions (one asked by many viewers counts once)")] == 2
    assert summary[say("ReviewExport", "Viewers who asked them")] == 7
    assert summary[say("ReviewExport", "Questions answered")] == 1
    assert summary[say("ReviewExport", "Questions never answered (open or claimed)")] == 1
    rows = table(book[say("ReviewExport", SHEETS["questions"])])
    assert len(rows) == 1 + 7, "the Questions sheet still has one line per viewer's question"
