"""The room's rundown stored and read back on real SQLite and real PostgreSQL (the `storage` fixture)."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from decimal import Decimal

import pytest

from console.core.rundown.model import COLOURS, MAX_SEGMENTS, MAX_TITLE, Product, Rundown, Segment
from console.core.rundown.rules import RundownError
from console.core.storage import Storage


def plan(room: str = "demo") -> Rundown:
    return Rundown(room, _SEGMENTS)


_SEGMENTS = (
    Segment("开场：欢迎来到直播间", 300, scene="直播中", talking_points="问好\n介绍今天的福利", colour=COLOURS[1]),
    Segment(
        "商品一：保温杯讲解",
        600,
        scene="商品特写",
        product=Product("316不锈钢保温杯 500ml", Decimal("89.90"), "SKU-8848"),
        talking_points="卖点：24小时保温；到手价 89.9 元",
        cues="上链接 1 号；弹优惠券",
        colour=COLOURS[4],
    ),
    Segment("福袋抽奖", None, fixed_start=time(20, 30), cues="倒计时 3 分钟"),
    Segment("Q&A", 420, fixed_start=time(20, 45, 30), product=Product("Mug", None, "")),
    Segment("收尾", 1, product=Product("赠品", Decimal("0"), "")),
    Segment("Long price", 60, product=Product("大件", Decimal("9999999999.99"), "X" * 100)),
)


def same_plan(left: Rundown, right: Rundown) -> None:
    assert left.room == right.room
    assert left.segments == right.segments


def test_a_room_without_a_rundown_reads_empty(storage: Storage) -> None:
    assert storage.rundown("demo") == Rundown("demo")


def test_every_field_round_trips(storage: Storage) -> None:
    saved = storage.save_rundown(plan(), "张三")
    assert saved.updated_by == "张三" and saved.updated_at is not None and saved.updated_at.tzinfo is not None
    read = storage.rundown("demo")
    same_plan(read, plan())
    assert read.updated_by == "张三"
    assert abs((read.updated_at - saved.updated_at).total_seconds()) < 1  # type: ignore[operator]
    price = read.segments[1].product.price  # type: ignore[union-attr]
    assert price == Decimal("89.90") and isinstance(price, Decimal)
    assert read.segments[2].planned_s is None and read.segments[2].fixed_start == time(20, 30)
    assert read.segments[3].fixed_start == time(20, 45, 30)
    assert read.segments[3].product == Product("Mug", None, "")
    assert read.segments[0].product is None


def test_saving_again_replaces_the_whole_plan_keeping_keys(storage: Storage) -> None:
    first = plan()
    storage.save_rundown(first, "a")
    reordered = replace(first, segments=(first.segments[2], first.segments[0]))
    storage.save_rundown(reordered, "b")
    read = storage.rundown("demo")
    assert [s.key for s in read.segments] == [first.segments[2].key, first.segments[0].key]
    assert read.updated_by == "b"
    storage.save_rundown(Rundown("demo"), "c")
    assert storage.rundown("demo").segments == ()


def test_five_hundred_segments(storage: Storage) -> None:
    big = Rundown("demo", tuple(Segment(f"环节 {n}", 60 + n, scene=f"场景{n % 7}") for n in range(MAX_SEGMENTS)))
    storage.save_rundown(big, "x")
    same_plan(storage.rundown("demo"), big)


def test_two_rooms_are_independent(storage: Storage) -> None:
    storage.save_rundown(plan("demo"), "a")
    other = Rundown("二号直播间", (Segment("只有一个环节", 60),))
    storage.save_rundown(other, "b")
    storage.save_rundown(replace(plan("demo"), segments=plan("demo").segments[:1]), "a")
    same_plan(storage.rundown("二号直播间"), other)
    assert len(storage.rundown("demo").segments) == 1


@pytest.mark.parametrize(
    ("segment", "words"),
    [
        (Segment("", 60), "has no title"),
        (Segment("x" * (MAX_TITLE + 1), 60), "longer than 200"),
        (Segment("no length"), "neither a planned length nor a fixed start"),
        (Segment("zero", 0), "more than 0"),
        (Segment("negative", -5), "more than 0"),
        (Segment("too long", 24 * 3600 + 1), "at most 24 hours"),
        (Segment("price", 60, product=Product("p", Decimal("1.234"))), "more than two decimals"),
        (Segment("price", 60, product=Product("p", Decimal("-1"))), "not a price"),
        (Segment("colour", 60, colour="#123456"), "not one of the rundown's colours"),
        (Segment("talk", 60, talking_points="字" * 5001), "longer than 5000"),
    ],
)
def test_a_refused_plan_changes_nothing(storage: Storage, segment: Segment, words: str) -> None:
    storage.save_rundown(plan(), "a")
    bad = replace(plan(), segments=(*plan().segments[:2], segment))
    with pytest.raises(RundownError) as refused:
        storage.save_rundown(bad, "b")
    assert words in str(refused.value)
    assert "Segment 3" in str(refused.value)
    read = storage.rundown("demo")
    same_plan(read, plan())
    assert read.updated_by == "a"


def test_duplicate_keys_and_too_many_segments_are_refused(storage: Storage) -> None:
    one = Segment("a", 60)
    with pytest.raises(RundownError, match="same key as segment 1"):
        storage.save_rundown(Rundown("demo", (one, replace(one, title="b"))), "x")
    with pytest.raises(RundownError, match="at most 500"):
        storage.save_rundown(Rundown("demo", tuple(Segment("s", 1) for _ in range(MAX_SEGMENTS + 1))), "x")
    assert storage.rundown("demo") == Rundown("demo")
