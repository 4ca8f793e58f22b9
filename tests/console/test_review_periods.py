"""Periodic reports: hand-written show figures summed up by day, ISO week and month, per room and per host (local
week and day boundaries, a show across midnight, unknown figures kept unknown, on-time starts unknown without a
planned start), and the figures read from shows stored on real SQLite and PostgreSQL."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.core.review.periods import (
    NO_HOST,
    Per,
    ShowFigures,
    Unit,
    load_figures,
    name_in,
    period_label,
    period_report,
)
from console.core.review.shows import Checklist, clean_meta
from console.core.storage import Storage

SHANGHAI = ZoneInfo("Asia/Shanghai")


def figures(
    show_id: int,
    start: datetime,
    room: str = "一号直播间",
    hosts: tuple[str, ...] = ("小美",),
    hours: float = 2.0,
    viewers: float | None = 1000.0,
    audience_s: int | None = None,
    on_air_h: float | None = 2.0,
    incidents_on_air: int = 0,
    checklist: Checklist = Checklist.READY,
    **more: object,
) -> ShowFigures:
    seconds = hours * 3600
    return ShowFigures(
        show_id=show_id,
        room=room,
        hosts=hosts,
        start=start,
        duration_s=seconds,
        viewers_avg=viewers,
        viewers_peak=None if viewers is None else viewers * 1.5,
        audience_s=(int(seconds) if viewers is not None else 0) if audience_s is None else audience_s,
        likes_per_min=None if viewers is None else viewers / 10,
        interactions_per_min=None if viewers is None else viewers / 100,
        incidents=incidents_on_air,
        incidents_critical=0,
        on_air_s=None if on_air_h is None else on_air_h * 3600,
        incidents_on_air=incidents_on_air,
        incidents_on_air_critical=0,
        drop_pct={"render": 0.5, "encode": None, "network": 2.0},
        drop_known_s={"render": int(seconds), "encode": 0, "network": int(seconds)},
        checklist=checklist,
        **more,  # type: ignore[arg-type]
    )


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def test_iso_weeks_start_on_monday_in_local_time() -> None:
    shows = [
        figures(1, local(2026, 11, 29, 23, 50)),  # Sunday night: week 48
        figures(2, local(2026, 11, 30, 0, 10)),  # Monday just after midnight: week 49
        # Sunday 16:30 UTC is Monday 00:30 in Shanghai: the reader's week 49, not UTC's week 48.
        figures(3, datetime(2026, 11, 29, 16, 30, tzinfo=UTC)),
    ]
    report = period_report(shows, Unit.WEEK, tz=SHANGHAI)
    assert [(r.label, r.start, r.end, r.show_ids) for r in report.rows] == [
        ("2026-W48", date(2026, 11, 23), date(2026, 11, 30), (1,)),
        ("2026-W49", date(2026, 11, 30), date(2026, 12, 7), (2, 3)),
    ]
    assert period_label(date(2026, 12, 28), Unit.WEEK) == "2026-W53", "the ISO year of a week over New Year"
    assert period_label(date(2027, 1, 1), Unit.WEEK) == "2026-W53"


def test_the_default_zone_is_this_computers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        report = period_report([figures(1, datetime(2026, 11, 29, 16, 30, tzinfo=UTC))], Unit.DAY)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert [r.label for r in report.rows] == ["2026-11-30"]


def test_a_show_across_midnight_counts_whole_on_the_day_it_began() -> None:
    late = figures(1, local(2026, 11, 24, 23, 30), hours=1.5, incidents_on_air=3, on_air_h=1.5)
    report = period_report(
        [late], Unit.DAY, since=date(2026, 11, 24), until=date(2026, 11, 26), tz=SHANGHAI, per=Per.ROOM
    )
    first, second = report.rows
    assert (first.label, first.shows, first.hours, first.on_air_h) == ("2026-11-24", 1, 1.5, 1.5)
    assert first.incidents_per_hour == pytest.approx(2.0)
    assert (second.label, second.shows, second.hours, second.incidents) == ("2026-11-25", 0, 0.0, 0)
    assert second.viewers_avg is None and second.incidents_per_hour is None and second.on_air_h is None, (
        "a day without a show has no figures, not zeros"
    )


def test_months_and_the_trend_of_average_viewers() -> None:
    shows = [
        figures(1, local(2026, 10, 31, 20)),
        figures(2, local(2026, 11, 1, 20), viewers=1200.0),
        figures(3, local(2026, 12, 31, 23, 59), viewers=900.0),
    ]
    rows = period_report(shows, Unit.MONTH, tz=SHANGHAI).rows
    assert [(r.label, r.shows, r.viewers_avg) for r in rows] == [
        ("2026-10", 1, 1000.0),
        ("2026-11", 1, 1200.0),
        ("2026-12", 1, 900.0),
    ]
    assert [r.viewers_avg_change_pct for r in rows] == [None, pytest.approx(20.0), pytest.approx(-25.0)]


def test_averages_weigh_known_seconds_and_unknown_figures_stay_unknown() -> None:
    day = local(2026, 11, 24, 10)
    shows = [
        figures(1, day, viewers=1000.0, hours=1.0),
        figures(2, day + timedelta(hours=2), viewers=100.0, hours=1.0, audience_s=360),
        figures(3, day + timedelta(hours=4), viewers=None, on_air_h=None, checklist=Checklist.OVERRIDDEN),
    ]
    (row,) = period_report(shows, Unit.DAY, tz=SHANGHAI).rows
    assert row.viewers_avg == pytest.approx((1000 * 3600 + 100 * 360) / 3960), "over the seconds with an audience"
    assert row.viewers_peak == 1500.0
    # Likes per minute weigh each show by its duration; the show without an audience is left out, not a 0.
    assert row.likes_per_min == pytest.approx(55.0)
    assert row.on_air_h == 4.0, "the show whose time on air is unknown adds no hours"
    assert row.drop_pct == {"render": 0.5, "encode": None, "network": 2.0}
    assert (row.overrides, row.checklist_ready, row.checklist_none) == (1, 2, 0)
    assert row.on_time is None and row.on_time_known == 0, "no planned start: on-time starts are unknown"
    only_unknown = period_report([shows[2]], Unit.DAY, tz=SHANGHAI).rows[0]
    assert only_unknown.viewers_avg is None and only_unknown.likes_per_min is None
    assert only_unknown.incidents_per_hour is None and only_unknown.on_air_h is None


def test_on_time_starts_against_a_planned_start() -> None:
    planned = local(2026, 11, 24, 20)
    on_time = figures(1, planned, planned_start=planned, first_on_air=planned + timedelta(seconds=90))
    late = figures(2, planned, planned_start=planned, first_on_air=planned + timedelta(minutes=5))
    never = figures(3, planned, planned_start=planned, first_on_air=None, on_air_h=0.0)
    unplanned = figures(4, planned, first_on_air=planned)
    (row,) = period_report([on_time, late, never, unplanned], Unit.DAY, tz=SHANGHAI).rows
    assert (row.on_time, row.on_time_known) == (1, 3)
    assert replace(never, on_air_s=None).on_time is None, "not known whether it went on air: not known"


def test_per_host_a_show_of_two_hosts_counts_for_each() -> None:
    day = local(2026, 11, 24, 10)
    shows = [
        figures(1, day, hosts=("小美", "阿强")),
        figures(2, day, hosts=("阿强",), viewers=500.0),
        figures(3, day, hosts=()),
    ]
    report = period_report(shows, Unit.DAY, per=Per.HOST, tz=SHANGHAI)
    assert [(r.name, r.show_ids) for r in report.rows] == [("", (3,)), ("小美", (1,)), ("阿强", (1, 2))]
    assert name_in(report.rows[0]) == NO_HOST
    assert name_in(report.rows[0], lambda context, text: "（未填主播）") == "（未填主播）"
    only = period_report(shows, Unit.DAY, per=Per.HOST, tz=SHANGHAI, host="阿强")
    assert [r.name for r in only.rows] == ["阿强"]
    assert only.to_json()["periods"][0]["show_ids"] == [1, 2]  # type: ignore[index]


# ---------------------------------------------------------------------- read from storage
@pytest.fixture
def studio(storage: Storage) -> Iterator[tuple[Storage, datetime, list[int]]]:
    """Two shows of one room and one of another, stored through the real write path."""
    start = datetime(2026, 11, 24, 12, tzinfo=UTC)
    ids = []
    for n, (room, host, offset) in enumerate(
        [("一号直播间", "小美", 0), ("一号直播间", "阿强", 26), ("二号直播间", "小美", 30)]
    ):
        began = start + timedelta(hours=offset)
        show, _ = storage.open_show(room, began, 0)
        t0 = began.timestamp()
        rows = [
            {
                "t": t0 + s,
                "viewers": 800.0 if n != 2 and s >= 60 else None,
                "streaming": 1.0 if 100 <= s < 1900 else 0.0,
                "drop_render_pct": 1.0 if s < 1000 else 0.0,
                "drop_network_pct": 4.0 if 100 <= s < 1900 else None,
            }
            for s in range(2000)
        ]
        markers = [{"t": t0 + 100, "kind": "stream_start", "detail": ""}, {"t": t0 + 1900, "kind": "stream_stop"}]
        findings = [
            {
                "key": f"{key}-{at}",
                "finding_id": key,
                "category": "network",
                "severity": "critical",
                "peak": "critical",
                "first_seen": t0 + at,
                "last_seen": t0 + at + 20,
                "closed_at": t0 + at + 30,
                "active": False,
                "message": "m",
                "template": "m",
                "fields": "{}",
                "remedies": "[]",
            }
            for key, at in (("network", 500), ("network", 1950))  # one on air, one after the stream stopped
        ]
        storage.add_telemetry(show.id, rows, [dict(m, detail="") for m in markers], findings)
        storage.end_show(show.id, began + timedelta(seconds=2000))
        storage.set_show_meta(show.id, clean_meta(f"第{n}场", [host]), by="王主管")
        ids.append(show.id)
    yield storage, start, ids


def test_figures_are_read_from_the_stored_shows(studio: tuple[Storage, datetime, list[int]]) -> None:
    storage, start, ids = studio
    shows = load_figures(storage, start - timedelta(days=1), start + timedelta(days=3))
    assert [s.show_id for s in shows] == ids
    first = shows[0]
    assert first.on_air_s == pytest.approx(1800) and first.incidents == 2
    assert (first.incidents_on_air, first.incidents_on_air_critical) == (1, 1), "the one after the stream stopped"
    assert first.audience_s == 1940 and first.viewers_avg == 800.0
    # Frames lost / frames rendered on air (100–1900 s): 1 % of the 900 s before 1000 s, chained 10-s windows.
    assert first.drop_pct["render"] == pytest.approx(0.5, rel=0.02) and first.drop_known_s["render"] == 1800
    assert first.drop_pct["network"] == pytest.approx(4.0) and first.drop_pct["encode"] is None
    assert first.first_on_air == start + timedelta(seconds=100) and first.on_time is None
    assert shows[2].viewers_avg is None and shows[2].audience_s == 0
    one_room = load_figures(storage, start - timedelta(days=1), start + timedelta(days=3), room="一号直播间")
    assert [s.show_id for s in one_room] == ids[:2]
    by_host = load_figures(storage, start - timedelta(days=1), start + timedelta(days=3), host="小美")
    assert [s.show_id for s in by_host] == [ids[0], ids[2]]
    report = period_report(shows, Unit.DAY, tz=SHANGHAI)
    assert [(r.name, r.label, r.shows) for r in report.rows] == [
        ("一号直播间", "2026-11-24", 1),  # 20:00 in Shanghai
        ("一号直播间", "2026-11-25", 1),  # 22:00 the next day
        ("一号直播间", "2026-11-26", 0),
        ("二号直播间", "2026-11-24", 0),
        ("二号直播间", "2026-11-25", 0),
        ("二号直播间", "2026-11-26", 1),  # 02:00 local: the next day, although the same day in UTC as the one before
    ]
    assert report.rows[0].incidents_per_hour == pytest.approx(2.0), "one incident on air in half an hour"


@pytest.mark.parametrize(
    ("left_out", "english", "chinese_text"),
    [
        (
            1,
            "Not counted: 1 show of the demo room (a rehearsal on the simulator).",
            "未计入：演示直播间的 1 场（模拟器上的彩排）。",
        ),
        (
            3,
            "Not counted: 3 shows of the demo room (rehearsals on the simulator).",
            "未计入：演示直播间的 3 场（模拟器上的彩排）。",
        ),
    ],
)
def test_the_files_note_counts_the_demo_rooms_shows_as_the_language_does(
    left_out: int, english: str, chinese_text: str
) -> None:
    """The workbook's and the PDF's note said "Not counted: 1 show(s) of the demo room"."""
    from console.core.review.export import demo_left_out_note
    from tests.language import chinese

    report = period_report([figures(1, local(2026, 11, 30, 20))], Unit.DAY, tz=SHANGHAI, demo_left_out=left_out)
    assert demo_left_out_note(report) == english
    assert demo_left_out_note(report, chinese()) == chinese_text
