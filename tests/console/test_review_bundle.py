"""A show's review bundle read from real SQLite and PostgreSQL: the loaded show, its metadata, the stored summary,
the platform import (amounts shared among segments, GPM), the checklist run kept at go-live, the scene timeline,
segments and incident impact — all from one call, all agreeing with what was stored."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from console.core.review.bundle import AMOUNTS, bundle_show
from console.core.review.impact import Status
from console.core.review.load import ShowNotFound
from console.core.review.segments import GMV, UNKNOWN_SCENE
from console.core.review.shows import Checklist, clean_meta
from console.core.storage import Storage
from tests.console.test_review_shows import T0, a_show, went_live

ROOM = "一号直播间"


def viewers(second: int) -> float | None:
    """1000 viewers, 700 from 400 s to 460 s (during the network incident), unknown in the first 10 s."""
    if second < 10:
        return None
    return 700.0 if 400 <= second < 460 else 1000.0


def stored_show(storage: Storage) -> int:
    show = a_show(storage, ROOM, T0, 900, viewers=viewers, likes=lambda s: float(3 * s), gaps=range(600, 660))
    t0 = T0.timestamp()
    storage.add_telemetry(
        show,
        [],
        [
            {"t": t0 + 5, "kind": "stream_start", "detail": ""},
            {"t": t0 + 60, "kind": "scene", "detail": "开场"},
            {"t": t0 + 300, "kind": "scene", "detail": "商品讲解"},
        ],
        [
            {
                "key": "network-1",
                "finding_id": "network",
                "category": "network",
                "severity": "critical",
                "peak": "critical",
                "first_seen": t0 + 400,
                "last_seen": t0 + 455,
                "closed_at": t0 + 460,
                "active": False,
                "message": "m",
                "template": "Network drops {pct} %",
                "fields": '{"pct": 7.0}',
                "remedies": "[]",
            }
        ],
    )
    storage.set_show_meta(show, clean_meta("双十一预热", ["小美", "阿杰"], "小李", ["美妆"], "备注"), by="王工")
    went_live(storage, ROOM, show, override=True)
    storage.end_show(show, T0 + timedelta(seconds=900))
    minutes = [t0 + 60 * m for m in range(15)]
    storage.replace_platform_import(
        show,
        {
            "platform": "douyin",
            "file_name": "douyin.csv",
            "encoding": "GB18030",
            "imported_by": "王工",
            "fields": ["viewers", "entered", "gmv", "orders"],
        },
        [
            {"t": t, "viewers": 990.0, "entered": 100.0, "gmv": 600.0, "orders": 2.0 if m != 3 else None}
            for m, t in enumerate(minutes)
        ],
    )
    return show


def test_one_call_reads_everything_a_review_shows(storage: Storage) -> None:
    show = stored_show(storage)
    bundle = bundle_show(storage, show)
    t0 = T0.timestamp()

    assert bundle.show_id == show and bundle.room == ROOM
    assert len(bundle.data.t) == 840 and bundle.data.gaps() == ((t0 + 599, t0 + 660),), "the gap stays a gap"
    assert (
        bundle.meta.title == "双十一预热" and bundle.meta.hosts == ("小美", "阿杰") and bundle.meta.edited_by == "王工"
    )
    assert bundle.summary is not None and bundle.summary.viewers_peak == 1000 and bundle.summary_error is None
    assert bundle.summary.completeness == pytest.approx(840 / 899, rel=0.01)

    assert bundle.checklist.outcome is Checklist.OVERRIDDEN
    assert bundle.checklist.override_by == "王工" and bundle.checklist.override_reason == "平台活动准点开始"
    assert bundle.checklist.run is not None and bundle.checklist.run.items, "the run with its items"

    assert [s.scene for s in bundle.timeline][:3] == [None, "开场", "商品讲解"]
    assert bundle.air and bundle.air[0].start == t0 + 5
    labels = [row.segment.label for row in bundle.segments]
    assert labels[:3] == [UNKNOWN_SCENE, "开场", "商品讲解"]

    (impact,) = bundle.impact.impacts
    assert impact.status is Status.ASSESSED and impact.trough_pct == pytest.approx(-30.0)
    assert bundle.verdict.explain().startswith("Technical problems plausibly cost about")
    assert bundle.figures.viewers_peak == 1000 and bundle.figures.viewer_minutes_lost == bundle.impact.viewer_minutes


def test_platform_amounts_reach_the_segments_and_a_head_count_does_not(storage: Storage) -> None:
    bundle = bundle_show(storage, stored_show(storage))
    assert bundle.imported and bundle.platform is not None and bundle.platform.platform == "douyin"
    assert set(bundle.platform_series) == {"viewers", "entered", "gmv", "orders"}
    assert set(bundle.extras) == {"entered", "gmv", "orders"} <= set(AMOUNTS)
    times, orders = bundle.platform_series["orders"]
    assert len(times) == 15 and np.isnan(orders[3]) and np.isfinite(np.delete(orders, 3)).all(), "unknown, never 0"
    # 开场 runs 60-300 s: four whole minutes of 600 GMV over 4 x 100 entries.
    opening = next(row for row in bundle.segments if row.segment.label == "开场")
    assert opening.extras[GMV] == pytest.approx(2400.0)
    assert opening.gpm == pytest.approx(6000.0) and opening.gpm_basis == "entries"
    assert opening.extras["orders"] is None, "it touches the unknown minute 3: unknown, never a partial sum"
    rundown = bundle.segments_for([(T0.timestamp() + 300, T0.timestamp() + 420, "秒杀")])
    assert rundown[0].extras[GMV] == pytest.approx(1200.0)


def test_a_show_without_extras_or_checklist_says_none(storage: Storage) -> None:
    show = a_show(storage, ROOM, T0, 120)
    bundle = bundle_show(storage, show)
    assert bundle.checklist.outcome is Checklist.NONE and bundle.checklist.run is None
    assert not bundle.imported and dict(bundle.platform_series) == {} and dict(bundle.extras) == {}
    assert bundle.meta.title == "" and bundle.summary is not None and bundle.summary.viewers_peak is None
    assert bundle.figures.viewers_peak is None, "an unknown audience is unknown, never 0"


def test_an_unknown_show_is_refused_in_words(storage: Storage) -> None:
    with pytest.raises(ShowNotFound) as raised:
        bundle_show(storage, 4242)
    assert "There is no show 4242" in str(raised.value)
