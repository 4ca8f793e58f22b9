"""The lottery (抽奖) without a database: who enters, who is left out, and a draw anyone can recompute and check."""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.lottery import (
    FORMAT,
    Entry,
    Lottery,
    LotteryError,
    LotteryRecord,
    Outcome,
    commitment_of,
    draw_winners,
    fold,
    matches,
    pick,
    verify,
)
from console.core.chat.lottery_export import write_lottery
from tests.language import chinese

OPENED = 1_764_000_000.0  # epoch seconds of the opening
MONO = 5000.0  # the same moment on the monotonic clock


def comment(user: str, text: str, t: float = MONO + 1, platform: str = "bilibili", **flags: Any) -> ChatEvent:
    return ChatEvent(platform, "src", ChatKind.COMMENT, f"id-{user}", user, text, t=t, **flags)


def opened(keyword: str = "#抽奖", winners: int = 3, excluded: tuple[str, ...] = ()) -> Lottery:
    lottery, _ = Lottery.open(keyword, winners, excluded, now=OPENED, mono=MONO, room="demo")
    return lottery


def test_full_width_and_half_width_keywords_and_case_match() -> None:
    assert matches("#抽奖", "＃抽奖 我要我要")
    assert matches("＃抽奖", "冲冲冲 #抽奖")
    assert matches("#LUCKY", "#lucky draw please")
    assert matches("#抽奖", "# 抽 奖")  # spaces do not split a keyword
    assert matches("ＡＢＣ１", "abc1")
    assert not matches("#抽奖", "抽奖")  # the # is part of the keyword
    assert not matches("#抽奖", "#抽獎")  # traditional characters are another word
    assert not matches("", "anything")
    assert fold("Ｈｅｌｌｏ　Ｗｏｒｌｄ") == "helloworld"


def test_one_entry_per_viewer_their_first_comment_counts() -> None:
    lottery = opened()
    assert lottery.offer(comment("小明", "#抽奖 第一次", t=MONO + 1)) is Outcome.ENTERED
    assert lottery.offer(comment("小明", "＃抽奖 再来一次", t=MONO + 2)) is Outcome.AGAIN
    assert lottery.offer(comment("小明", "#抽奖", t=MONO + 3, platform="twitch")) is Outcome.ENTERED  # another platform
    entries = lottery.record.entries
    assert [(e.platform, e.comment) for e in entries] == [("bilibili", "#抽奖 第一次"), ("twitch", "#抽奖")]
    assert entries[0].at == OPENED + 1
    assert lottery.counts[Outcome.AGAIN] == 1


def test_host_moderators_staff_and_the_staff_list_are_excluded() -> None:
    lottery = opened(excluded=("客服小王", "id-运营"))
    assert lottery.offer(comment("主播", "#抽奖", host=True)) is Outcome.EXCLUDED
    assert lottery.offer(comment("房管", "#抽奖", moderator=True)) is Outcome.EXCLUDED
    assert lottery.offer(comment("官方", "#抽奖", staff=True)) is Outcome.EXCLUDED
    assert lottery.offer(comment("客服小王", "#抽奖")) is Outcome.EXCLUDED  # by name
    assert lottery.offer(comment("运营", "#抽奖")) is Outcome.EXCLUDED  # by id
    assert lottery.offer(comment("观众", "#抽奖")) is Outcome.ENTERED
    assert [e.user_name for e in lottery.record.entries] == ["观众"]


def test_only_comments_with_the_keyword_inside_the_window_enter() -> None:
    lottery = opened()
    gift = ChatEvent("bilibili", "src", ChatKind.GIFT, "g", "送礼的", "#抽奖", t=MONO + 1)
    assert lottery.offer(gift) is Outcome.NOT_AN_ENTRY
    assert lottery.offer(comment("a", "我也要", t=MONO + 1)) is Outcome.NOT_AN_ENTRY
    assert lottery.offer(comment("early", "#抽奖", t=MONO - 0.5)) is Outcome.OUTSIDE
    assert lottery.offer(comment("ontime", "#抽奖", t=MONO + 9)) is Outcome.ENTERED
    closed = lottery.close(mono=MONO + 10)
    assert closed.closed_at == OPENED + 10
    # A comment that arrived before the close but is read after it (a slow reader) still enters ...
    assert lottery.offer(comment("late-read", "#抽奖", t=MONO + 9.9)) is Outcome.ENTERED
    # ... one that arrived after the close does not.
    assert lottery.offer(comment("late", "#抽奖", t=MONO + 10)) is Outcome.OUTSIDE
    assert lottery.offer(comment("later", "#抽奖", t=MONO + 60)) is Outcome.OUTSIDE
    assert {e.user_name for e in lottery.record.entries} == {"ontime", "late-read"}


def test_bad_settings_are_refused_in_words() -> None:
    with pytest.raises(LotteryError, match="needs a keyword"):
        Lottery.open("  ", 1)
    with pytest.raises(LotteryError, match="between 1 and 1000"):
        Lottery.open("#抽奖", 0)
    with pytest.raises(LotteryError, match="longer than 100"):
        Lottery.open("字" * 101, 1)


def independent_draw(seed: bytes, entries: list[tuple[str, str]], count: int) -> list[tuple[str, str]]:
    """The algorithm as the module's docstring and the README state it, written again from the text."""
    pool = sorted(entries)
    out: list[tuple[str, str]] = []
    counter = 0
    while len(out) < min(count, len(pool)):
        r = int.from_bytes(hmac.new(seed, counter.to_bytes(8, "big"), hashlib.sha256).digest(), "big")
        counter += 1
        m = len(pool)
        if r >= 2**256 - (2**256 % m):
            continue
        out.append(pool.pop(r % m))
    return out


def test_the_draw_is_the_documented_algorithm() -> None:
    seed = bytes(range(32))
    keys = [("bilibili", f"u{n:03d}") for n in range(50)] + [("twitch", "b"), ("twitch", "a")]
    entries = [Entry(p, u, u.upper(), OPENED, "#抽奖") for p, u in reversed(keys)]  # stored in any order
    winners = draw_winners(seed, entries, 5)
    assert [(w.platform, w.user_id) for w in winners] == independent_draw(seed, keys, 5)
    assert [w.rank for w in winners] == [1, 2, 3, 4, 5]
    assert len({w.user_id for w in winners}) == 5
    # A known answer, so that a change of algorithm cannot pass unnoticed.
    assert [w.user_id for w in winners] == [u for _, u in independent_draw(seed, keys, 5)]
    assert draw_winners(seed, entries, 5) == winners
    assert draw_winners(bytes(32), entries, 5) != winners


def test_fewer_entries_than_winners_all_win_once() -> None:
    entries = [Entry("bilibili", u, u, OPENED, "#抽奖") for u in ("a", "b")]
    winners = draw_winners(b"s" * 32, entries, 10)
    assert sorted(w.user_id for w in winners) == ["a", "b"] and [w.rank for w in winners] == [1, 2]
    assert draw_winners(b"s" * 32, [], 3) == ()


def drawn_record() -> dict[str, Any]:
    lottery = opened(winners=2)
    for n in range(7):
        lottery.offer(comment(f"观众{n}", "＃抽奖", t=MONO + n))
    published = lottery.commitment
    # Closed on the test's own clock: draw() alone closes at the machine's monotonic now, which is before MONO on a
    # machine up for less than 83 minutes (a fresh CI machine), and every entry was then outside the window.
    lottery.close(mono=MONO + 10)
    record = lottery.draw()
    assert record.commitment == published and record.seed is not None
    assert commitment_of(bytes.fromhex(record.seed)) == published
    exported: dict[str, Any] = json.loads(json.dumps(record.to_json(), ensure_ascii=False))
    return exported


def test_an_export_verifies_and_every_tampering_is_caught() -> None:
    good = drawn_record()
    assert good["format"] == FORMAT
    result = verify(good)
    assert result.ok, result.problems
    assert [(w.rank, w.user_id) for w in result.winners] == [(w["rank"], w["user_id"]) for w in good["winners"]]

    other_seed = dict(good, seed="00" * 32)
    assert "does not match the commitment" in str(verify(other_seed).problems[0])

    # Removing a winner's entry always changes the result.
    winner_id = good["winners"][0]["user_id"]
    without_winner = dict(good, entries=[e for e in good["entries"] if e["user_id"] != winner_id])
    assert any("winners are not the ones" in str(p) for p in verify(without_winner).problems)

    swapped = dict(good, winners=list(reversed(good["winners"])))
    swapped["winners"] = [dict(w, rank=n) for n, w in enumerate(swapped["winners"], 1)]
    assert not verify(swapped).ok

    twice = dict(good, entries=[*good["entries"], good["entries"][0]])
    assert any("more than one entry" in str(p) for p in verify(twice).problems)

    late = dict(good, entries=[*good["entries"], dict(good["entries"][0], user_id="x", at="2099-01-01T00:00:00Z")])
    assert any("outside the entry window" in str(p) for p in verify(late).problems)


def test_unreadable_records_are_said_not_raised() -> None:
    assert "not a lottery record" in str(verify({"format": "else"}).problems[0])
    assert "cannot be read" in str(verify({"format": FORMAT}).problems[0])
    undrawn = dict(drawn_record(), seed=None)
    assert "not revealed" in str(verify(undrawn).problems[0])
    assert "not hexadecimal" in str(verify(dict(drawn_record(), seed="zz")).problems[0])


def test_the_record_hides_nothing_it_needs_and_keeps_entries_canonical() -> None:
    record = LotteryRecord("#抽奖", 1, commitment_of(b"x" * 32), OPENED)
    record = replace(
        record,
        entries=(Entry("b", "2", "n", OPENED, "c"), Entry("a", "9", "n", OPENED, "c"), Entry("b", "1", "n", 0, "")),
    )
    exported = record.to_json()
    assert [(e["platform"], e["user_id"]) for e in exported["entries"]] == [("a", "9"), ("b", "1"), ("b", "2")]
    assert exported["seed"] is None and exported["commitment"] == commitment_of(b"x" * 32)


def test_values_in_the_biased_top_sliver_are_rejected() -> None:
    space = 2**256
    assert pick(space - 1, 3) is None and pick(space - 2, 3) == (space - 2) % 3  # 2**256 mod 3 == 1
    assert pick(space - 1, 2) == 1  # a power of two divides 2**256: nothing to reject
    assert 2**256 % 10 == 6
    assert pick(space - 7, 10) == (space - 7) % 10  # the last value kept
    assert [pick(space - n, 10) for n in range(1, 7)] == [None] * 6  # the six that would favour 0…5
    assert pick(0, 1) == 0


def test_the_export_says_the_docks_words_and_each_platform_by_name(tmp_path: Path) -> None:
    """walk23: the dock said 口令 / 开始参与 / 截止参与 and "演示"; the export 关键词 / 开始报名 / 截止报名 and the raw
    "simulator", "file". One wording, in both languages; the JSON record keeps the platform's id."""
    lottery = opened(winners=1)
    lottery.offer(comment("小明", "#抽奖", t=MONO + 1, platform="simulator"))
    lottery.offer(comment("Ann", "#抽奖", t=MONO + 2, platform="file"))
    lottery.close(mono=MONO + 10)
    record = lottery.draw()

    def english(_context: str, text: str) -> str:
        return text

    for language, translate, platforms in (("zh", chinese(), {"演示", "文件"}), ("en", english, {"Demo", "File"})):
        # The dock's own words for the keyword and the two moments (widgets/engage_lottery.py, context LotteryPanel:
        # its buttons "Open entries" / "Close entries" say them in Chinese as the export's labels do).
        dock = (
            [translate("LotteryPanel", words) for words in ("Keyword", "Open entries", "Close entries")]
            if language == "zh"
            else ["Keyword", "Entries opened", "Entries closed"]
        )
        assert language == "en" or dock == ["口令", "开始参与", "截止参与"]
        target = tmp_path / f"draw-{language}.xlsx"
        write_lottery(record, target, translate)
        book = openpyxl.load_workbook(target)
        labels = {row[0].value: row[1].value for row in book.worksheets[0].iter_rows()}
        assert labels[dock[0]] == "#抽奖" and labels[dock[1]] is not None and labels[dock[2]] is not None, labels
        assert {row[1].value for row in book.worksheets[1].iter_rows(min_row=2)} == platforms
        sheet = tmp_path / f"draw-{language}.csv"
        write_lottery(record, sheet, translate)
        rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
        assert {row[0] for row in rows if row} >= set(dock)
        assert {row[1] for row in rows[rows.index([]) + 2 :]} == platforms
    assert {e["platform"] for e in record.to_json()["entries"]} == {"simulator", "file"}
