"""Show review's store on real SQLite and PostgreSQL: metadata kept and validated, the go-live prefill, each show's
summary (gaps, unknown audience, incidents, checklist outcome) kept correct for shows that end cleanly, are cut
off or still run, the Shows browser's filters, sorts and pages, migration 0008 on old shows, and `onair shows`."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from checklists.engine import ChecklistRun
from checklists.loader import load_all
from console.core.review.shows import (
    LIVE_REFRESH_S,
    MAX_HOSTS,
    Checklist,
    MetaError,
    ShowMeta,
    ShowQuery,
    clean_meta,
    duration_text,
)
from console.core.storage import Storage

T0 = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


def a_show(
    storage: Storage,
    room: str,
    start: datetime,
    seconds: int,
    viewers: Callable[[int], float | None] = lambda s: None,
    likes: Callable[[int], float | None] = lambda s: None,
    gaps: range | None = None,
    findings: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> int:
    """A show of `room` from `start` with one row a second for `seconds` (none in `gaps`), through the real write
    path (open_show, add_telemetry); `findings`: (key, peak severity) episodes."""
    show, resumed = storage.open_show(room, start, 0)
    assert not resumed
    t0 = start.timestamp()
    rows = [
        {"t": t0 + s, "viewers": viewers(s), "likes": likes(s), "bitrate_kbps": 4000.0}
        for s in range(seconds)
        if gaps is None or s not in gaps
    ]
    episodes = [
        {
            "key": key,
            "finding_id": key,
            "category": "network",
            "severity": peak,
            "peak": peak,
            "first_seen": t0 + 10,
            "last_seen": t0 + 20,
            "closed_at": t0 + 25,
            "active": False,
            "message": "m",
            "template": "m",
            "fields": "{}",
            "remedies": "[]",
        }
        for key, peak in findings
    ]
    storage.add_telemetry(show.id, rows, [], episodes)
    return show.id


def constant(value: float | None) -> Callable[[int], float | None]:
    return lambda second: value


def went_live(storage: Storage, room: str, show_id: int, override: bool, operator: str = "小李") -> None:
    run = ChecklistRun(load_all()[0]["streamer-go-live"], operator, room, show_id=show_id)
    if override:
        run.override_go_live("王工", "平台活动准点开始")
    run.freeze_at_go_live()
    storage.save_run(run, "zh_CN")


# ---------------------------------------------------------------------- metadata
def test_metadata_is_kept_trimmed_with_who_edited_it_and_hosts_in_order(storage: Storage) -> None:
    show = a_show(storage, "一号直播间", T0, 5)
    assert storage.show_meta(show) == ShowMeta(), "a show nobody described has empty metadata"
    kept = storage.set_show_meta(
        show,
        clean_meta(
            "  双十一  美妆专场 ",
            ["  小美 ", "阿强", "小美", " "],
            " 小李\u3000",
            ["美妆", "  新品 "],
            "  备注\n第二行 ",
        ),
        by=" 王主管 ",
        now=T0,
    )
    assert (kept.title, kept.hosts, kept.assistant, kept.tags) == (
        "双十一 美妆专场",
        ("小美", "阿强"),
        "小李",
        ("美妆", "新品"),
    )
    assert kept.notes == "备注\n第二行", "notes keep their lines, only the ends are trimmed"
    assert (kept.edited_by, kept.edited_at) == ("王主管", T0)
    assert storage.show_meta(show) == kept
    assert storage.show_meta(show + 999) is None


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda: clean_meta(title="长" * 201), "title is longer than 200"),
        (lambda: clean_meta(hosts=[f"主播{n}" for n in range(MAX_HOSTS + 1)]), "At most 10 hosts, not 11"),
        (lambda: clean_meta(hosts=["名" * 101]), "host's name is longer than 100"),
        (lambda: clean_meta(tags=["标" * 51]), "tag is longer than 50"),
        (lambda: clean_meta(notes="x" * 10_001), "notes are longer than 10000"),
    ],
)
def test_bad_metadata_is_refused_with_what_is_wrong(edit: Callable[[], Any], words: str) -> None:
    with pytest.raises(MetaError) as refused:
        edit()
    assert words in str(refused.value)


def test_a_refused_edit_keeps_what_was_stored(storage: Storage) -> None:
    show = a_show(storage, "一号直播间", T0, 5)
    before = storage.set_show_meta(show, clean_meta("早场", ["小美"]), by="王主管")
    with pytest.raises(MetaError, match="who is editing"):
        storage.set_show_meta(show, clean_meta("晚场", ["阿强"]), by="  ")
    with pytest.raises(MetaError, match="longer than"):
        storage.set_show_meta(show, ShowMeta(title="长" * 300), by="王主管")  # not cleaned first: checked again
    with pytest.raises(MetaError, match="no show"):
        storage.set_show_meta(show + 999, clean_meta("晚场"), by="王主管")
    assert storage.show_meta(show) == before


def test_two_people_saving_one_show_at_once_both_succeed_and_one_edit_is_kept_whole(storage: Storage) -> None:
    import threading

    show = a_show(storage, "一号直播间", T0, 3)
    editors = {"王主管": ("早场", ("小美",), ("美妆",)), "李运营": ("晚场", ("阿强", "小红"), ("服装", "新品"))}
    failures: list[BaseException] = []
    start = threading.Barrier(len(editors))

    def edit(by: str) -> None:
        title, hosts, tags = editors[by]
        other = Storage(storage.url)
        try:
            for _ in range(15):
                start.wait(10)
                other.set_show_meta(show, clean_meta(title, hosts, "", tags), by=by)
        except BaseException as exc:  # reported by the test thread below
            failures.append(exc)
            start.abort()
        finally:
            other.close()

    threads = [threading.Thread(target=edit, args=(by,)) for by in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not failures, failures
    kept = storage.show_meta(show)
    assert kept is not None and (kept.title, kept.hosts, kept.tags) == editors[kept.edited_by], "never half of each"


def test_prefill_takes_the_rooms_last_show_and_the_assistant_from_this_shows_checklist(storage: Storage) -> None:
    first = a_show(storage, "一号直播间", T0, 5)
    storage.set_show_meta(first, clean_meta("美妆专场", ["小美", "阿强"], "老张", ["美妆"], "上次的备注"), by="王主管")
    other_room = a_show(storage, "二号直播间", T0 + timedelta(hours=1), 5)
    storage.set_show_meta(other_room, clean_meta("服装专场", ["小红"]), by="王主管")
    untitled = a_show(storage, "一号直播间", T0 + timedelta(hours=2), 5)  # a test connection nobody described
    now = a_show(storage, "一号直播间", T0 + timedelta(hours=3), 5)
    prefill = storage.show_meta_prefill("一号直播间", now)
    assert (prefill.title, prefill.hosts, prefill.tags, prefill.assistant) == (
        "美妆专场",
        ("小美", "阿强"),
        ("美妆",),
        "老张",
    )
    assert prefill.notes == "" and prefill.edited_at is None, "notes are about that show; nothing is kept yet"
    went_live(storage, "一号直播间", now, override=False, operator="小李")
    assert storage.show_meta_prefill("一号直播间", now).assistant == "小李"
    assert storage.show_meta_prefill("三号直播间") == ShowMeta(), "a room with no show before gets nothing"
    assert untitled < now


# ---------------------------------------------------------------------- summaries
def test_a_shows_summary_says_its_gaps_audience_incidents_and_checklist(storage: Storage) -> None:
    # 600 s, 120 of them unsaved (a restart); viewers unknown for the first minute; likes counted up, then the
    # platform restarts its count (a fall is not negative likes).
    def likes(s: int) -> float:
        return float(s * 2) if s < 300 else float((s - 300) * 2)

    show = a_show(
        storage,
        "一号直播间",
        T0,
        600,
        viewers=lambda s: None if s < 60 else 1000.0 + s,
        likes=likes,
        gaps=range(200, 320),
        findings=[("net-1", "critical"), ("net-2", "warning"), ("cpu-1", "warning"), ("info-1", "info")],
    )
    went_live(storage, "一号直播间", show, override=True)
    storage.end_show(show, T0 + timedelta(seconds=600))
    summary = storage.show_summary(show)
    assert summary is not None and not summary.live
    assert summary.duration_s == 600 and summary.sampled_s == 480 and summary.completeness == pytest.approx(0.8)
    assert summary.viewers_peak == 1599
    known = [1000.0 + s for s in range(60, 600) if s not in range(200, 320)]
    assert summary.viewers_avg == pytest.approx(sum(known) / len(known))
    # rises: 0..199 -> 398, then 320 reads 40 (a fall from 398: ignored), 320..599 -> 558 more
    assert summary.likes_per_min == pytest.approx((398 + 558) * 60 / 599)
    assert summary.interactions_per_min is None, "an audience source without interactions: unknown, not 0"
    assert (summary.incidents_critical, summary.incidents_warning, summary.incidents_info) == (1, 2, 1)
    assert summary.checklist is Checklist.OVERRIDDEN
    assert summary.end == T0 + timedelta(seconds=600)


def test_a_shows_length_counts_from_its_first_stored_second_as_its_review_does(storage: Storage) -> None:
    """review17: seconds stored with times before the show's row (taken while the database opened, or spilled and
    written in later) are the show's: the browser said 0:02:43 and 100 % of a show its review and report gave
    0:02:49 — both now from the first stored second (load.ShowData.start)."""
    show, _ = storage.open_show("一号直播间", T0, 0)
    t0 = T0.timestamp()
    rows = [{"t": t0 + s, "viewers": 100.0} for s in range(-6, 60) if s not in range(10, 20)]
    storage.add_telemetry(show.id, rows, [])
    storage.end_show(show.id, T0 + timedelta(seconds=59))
    summary = storage.show_summary(show.id)
    assert summary is not None and summary.duration_s == 65 and summary.sampled_s == 56
    assert summary.completeness == pytest.approx(56 / 65)
    from console.core.review.load import load_show

    assert load_show(storage, show.id).duration_s == summary.duration_s


def test_a_show_has_one_length_in_the_browser_and_in_its_review_and_exports(storage: Storage) -> None:
    """fix21b: the Shows browser and `onair shows` said 0:13:49 (to the row's ended_at, a fraction of a second after
    the last stored second) of a show whose report, PDF and XLSX said 0:13:48 (to its last stored second). The
    show lasted until it was ended: its last second lasts too."""
    from console.core.review.load import load_show

    show = a_show(storage, "一号直播间", T0, 829, viewers=constant(100.0))
    storage.end_show(show, T0 + timedelta(seconds=828.6))
    summary = storage.show_summary(show)
    listed = storage.browse_shows(ShowQuery()).shows[0]
    review = load_show(storage, show)
    assert summary is not None and not summary.live
    assert duration_text(summary.duration_s) == duration_text(listed.duration_s) == "0:13:49"
    assert review.duration_s == pytest.approx(summary.duration_s) and duration_text(review.duration_s) == "0:13:49"
    assert summary.end is not None and review.end == pytest.approx(summary.end.timestamp())


def test_a_show_without_an_audience_says_unknown_never_zero(storage: Storage) -> None:
    show = a_show(storage, "一号直播间", T0, 120)
    went_live(storage, "一号直播间", show, override=False)
    storage.end_show(show, T0 + timedelta(seconds=120))
    summary = storage.show_summary(show)
    assert summary is not None
    assert (summary.viewers_peak, summary.viewers_avg, summary.likes_per_min) == (None, None, None)
    assert summary.checklist is Checklist.READY and summary.incidents == 0
    listed = storage.browse_shows(ShowQuery()).shows[0].to_json()
    assert listed["viewers_peak"] is None and listed["viewers_avg"] is None


def test_a_show_cut_off_is_summed_up_when_the_rooms_next_show_opens(storage: Storage) -> None:
    """A console killed mid-show never calls end_show: the room's next show makes its summary final."""
    cut = a_show(storage, "一号直播间", T0, 300, viewers=lambda s: 500.0)
    # Read once while the show could still resume (the browser at 12:05:30): a running show's figures.
    early = storage.show_summary(cut, now=T0 + timedelta(seconds=330))
    assert early is not None and early.live and early.viewers_peak == 500
    storage.open_show("一号直播间", T0 + timedelta(hours=2), 15 * 60)
    summary = storage.show_summary(cut, now=T0 + timedelta(hours=2))
    assert summary is not None and not summary.live, "it can no longer resume: its summary is final"
    assert summary.duration_s == 299 and summary.end == T0 + timedelta(seconds=299)
    assert summary.checklist is Checklist.NONE


def test_only_a_rooms_newest_show_can_be_running(storage: Storage) -> None:
    """A summary left as running (a browser refreshing it while the room's next show opened) is over as soon as
    it is looked at again: only the room's newest show can still be resumed."""
    from sqlalchemy import update

    from console.core.storage import SHOW_SUMMARIES

    first = a_show(storage, "一号直播间", T0, 30)
    a_show(storage, "一号直播间", T0 + timedelta(seconds=60), 30)
    with storage.engine.begin() as connection:
        connection.execute(
            update(SHOW_SUMMARIES).where(SHOW_SUMMARIES.c.show_id == first).values(final=False, computed_at=T0)
        )
    summary = storage.show_summary(first, now=T0 + timedelta(seconds=120))
    assert summary is not None and not summary.live


def test_a_running_shows_figures_are_refreshed_at_most_every_few_seconds(storage: Storage) -> None:
    show, _ = storage.open_show("一号直播间", T0, 0)
    t0 = T0.timestamp()
    storage.add_telemetry(show.id, [{"t": t0 + s, "viewers": 100.0} for s in range(60)], [])
    first = storage.browse_shows(ShowQuery(), now=T0 + timedelta(seconds=61)).shows[0]
    assert first.live and first.viewers_peak == 100 and first.duration_s == 59
    storage.add_telemetry(show.id, [{"t": t0 + s, "viewers": 900.0} for s in range(60, 90)], [])
    soon = storage.browse_shows(ShowQuery(), now=T0 + timedelta(seconds=61 + LIVE_REFRESH_S / 2)).shows[0]
    assert soon.viewers_peak == 100, "within LIVE_REFRESH_S the stored figures are served as they are"
    later = storage.browse_shows(ShowQuery(), now=T0 + timedelta(seconds=62 + LIVE_REFRESH_S)).shows[0]
    assert later.live and later.viewers_peak == 900 and later.duration_s == 89


def test_a_show_opened_moments_ago_is_not_stuck_at_zero_for_half_a_minute(storage: Storage) -> None:
    """Looked at in its first second, a new show reads 0:00:00; looked at again ten seconds later it must say ten
    seconds, not wait for the running show's LIVE_REFRESH_S to come round."""
    show, _ = storage.open_show("一号直播间", T0, 0)
    t0 = T0.timestamp()
    storage.add_telemetry(show.id, [{"t": t0, "viewers": 10.0}], [])
    first = storage.browse_shows(ShowQuery(), now=T0 + timedelta(seconds=1)).shows[0]
    assert first.live and first.duration_s == 0
    storage.add_telemetry(show.id, [{"t": t0 + s, "viewers": 50.0} for s in range(1, 11)], [])
    again = storage.browse_shows(ShowQuery(), now=T0 + timedelta(seconds=11)).shows[0]
    assert again.live and again.duration_s == 10 and again.viewers_peak == 50


def test_a_resumed_show_runs_again_and_rows_written_in_late_count(storage: Storage) -> None:
    from console.core.telemetry.writer import RESUME_S

    show = a_show(storage, "一号直播间", T0, 60, viewers=constant(100.0))
    idle = T0 + timedelta(seconds=59 + RESUME_S + 10)
    kept = storage.show_summary(show, now=idle)
    assert kept is not None and not kept.live, "not resumed within the window: final"
    # A console whose window is longer resumes it after all: its figures are live again and follow its rows.
    again, resumed = storage.open_show("一号直播间", idle, 2 * RESUME_S)
    assert resumed and again.id == show
    t = idle.timestamp()
    storage.add_telemetry(show, [{"t": t + s, "viewers": 300.0} for s in range(30)], [])
    now = idle + timedelta(seconds=31)
    resumed_summary = storage.browse_shows(ShowQuery(), now=now).shows[0]
    assert resumed_summary.live and resumed_summary.viewers_peak == 300 and resumed_summary.sampled_s == 90
    # Rows an earlier console spilled to a file, written in once the show is over, are counted in its summary.
    storage.end_show(show, now)
    storage.add_unsaved(show, [{"t": T0.timestamp() + 60 + s, "viewers": 900.0} for s in range(5)], [], [])
    late = storage.show_summary(show)
    assert late is not None and not late.live and late.viewers_peak == 900 and late.sampled_s == 95


def test_one_host_given_alone_is_one_name_not_its_characters() -> None:
    assert clean_meta(hosts="小美", tags="美妆").hosts == ("小美",)
    assert clean_meta(tags="美妆").tags == ("美妆",)


def test_a_show_driven_through_the_simulator_with_a_fault_is_summed_up_from_what_was_stored(storage: Storage) -> None:
    """The real path: a room session records a show from the simulated OBS (streaming, its audience, an
    uplink congestion), the pre-show checklist goes live with it, the room is left; the summary agrees with
    the rows the writer stored."""
    from console.core.session import Endpoint, RoomSession, SessionDriver
    from obs.simulator.server import SimulatorThread
    from tests.conftest import PASSWORD, wait_until

    room = "一号直播间"
    sim = SimulatorThread(password=PASSWORD, seed=18).start()
    driver = SessionDriver(
        RoomSession(room, Endpoint("127.0.0.1", sim.port, PASSWORD), open_storage=lambda: Storage(storage.url))
    ).start()
    try:
        assert driver.wait_connected(10.0)
        wait_until(lambda: driver.session.show_id is not None, 15, message="the room opens its show")
        show = driver.session.show_id
        assert show is not None
        went_live(storage, room, show, override=False, operator="小李")
        sim.call(lambda s: s.room.start_output(s.room.stream, s.now()))
        sim.call(lambda s: s.inject("congestion"))
        wait_until(lambda: storage.show_findings(show), 45, interval=0.5, message="the congestion's finding stored")
        wait_until(
            lambda: any(row["viewers"] for row in storage.show_samples(show)), 20, interval=0.5, message="an audience"
        )
    finally:
        driver.stop(end_show=True)
        sim.stop()
    rows, findings = storage.show_samples(show), storage.show_findings(show)
    summary = storage.show_summary(show)
    assert summary is not None and not summary.live and summary.room == room
    assert summary.sampled_s == len(rows)
    assert summary.viewers_peak == max(row["viewers"] for row in rows if row["viewers"] is not None)
    by_peak = {severity: sum(1 for f in findings if f["peak"] == severity) for severity in ("warning", "critical")}
    assert (summary.incidents_warning, summary.incidents_critical) == (by_peak["warning"], by_peak["critical"])
    assert summary.incidents >= 1 and summary.checklist is Checklist.READY
    assert summary.completeness is not None and summary.completeness > 0.8
    assert storage.show_meta_prefill(room, show).assistant == "小李"


# ---------------------------------------------------------------------- the browser
@pytest.fixture
def studio(storage: Storage) -> Storage:
    """Six shows in two rooms, two days, with hosts, tags, unknown audiences and ties."""
    specs = [
        ("一号直播间", 0, 3600, 800.0, "早场 美妆", ["小美"], ["美妆"]),
        ("一号直播间", 3, 7200, 1200.0, "晚场 美妆", ["小美", "阿强"], ["美妆", "新品"]),
        ("二号直播间", 5, 1800, None, "服装清仓", ["阿强"], ["服装"]),
        ("二号直播间", 25, 3600, 1200.0, "服装上新", ["小红"], ["服装", "新品"]),
        ("demo", 27, 600, 50.0, "", [], []),
        ("一号直播间", 30, 5400, 300.0, "Night Beauty", ["小美"], ["美妆"]),
    ]
    for room, hours, seconds, viewers, title, hosts, tags in specs:
        show = a_show(storage, room, T0 + timedelta(hours=hours), 2, viewers=constant(viewers))
        storage.end_show(show, T0 + timedelta(hours=hours, seconds=seconds))
        storage.set_show_meta(show, clean_meta(title, hosts, "", tags), by="王主管")
    return storage


def titles(storage: Storage, **query: Any) -> list[str]:
    return [show.title for show in storage.browse_shows(ShowQuery(**query)).shows]


def test_the_browser_filters_by_room_host_tag_date_and_title(studio: Storage) -> None:
    assert titles(studio, room="一号直播间") == ["Night Beauty", "晚场 美妆", "早场 美妆"], "newest first"
    assert titles(studio, host="阿强") == ["服装清仓", "晚场 美妆"]
    assert titles(studio, host=" 阿强 ", tag="新品") == ["晚场 美妆"]
    day_two = T0 + timedelta(hours=24)
    assert titles(studio, since=day_two) == ["Night Beauty", "", "服装上新"]
    assert titles(studio, until=day_two, room="二号直播间") == ["服装清仓"]
    assert titles(studio, text="美妆") == ["晚场 美妆", "早场 美妆"]
    assert titles(studio, text="night") == ["Night Beauty"], "title text in any case"
    assert titles(studio, text="100%") == [], "a % typed is a character, not a wildcard"
    page = studio.browse_shows(ShowQuery(room="demo"))
    assert page.total == 1 and page.shows[0].room == "demo" and page.shows[0].hosts == ()


def test_the_browser_sorts_both_ways_ties_by_id_and_unknown_last(studio: Storage) -> None:
    down = studio.browse_shows(ShowQuery(sort="viewers_peak", descending=True)).shows
    assert [s.viewers_peak for s in down] == [1200, 1200, 800, 300, 50, None]
    assert down[0].id > down[1].id, "ties in the sort's direction by id"
    up = studio.browse_shows(ShowQuery(sort="viewers_peak", descending=False)).shows
    assert [s.viewers_peak for s in up] == [50, 300, 800, 1200, 1200, None], "unknown stays last"
    assert [s.id for s in up[:5]] == [s.id for s in reversed(down[:5])], "the reverse order is the exact reverse"
    by_duration = studio.browse_shows(ShowQuery(sort="duration", descending=False)).shows
    assert [duration_text(s.duration_s) for s in by_duration] == [
        "0:10:00",
        "0:30:00",
        "1:00:00",
        "1:00:00",
        "1:30:00",
        "2:00:00",
    ]
    assert titles(studio, sort="title", descending=False)[-1] == "", "an untitled show sorts last"
    assert titles(studio, sort="hosts", descending=False) == [
        "服装上新",
        "早场 美妆",
        "Night Beauty",
        "晚场 美妆",
        "服装清仓",
        "",
    ]
    for key in ("end", "room", "likes_per_min", "interactions_per_min", "incidents", "checklist", "completeness"):
        assert len(studio.browse_shows(ShowQuery(sort=key)).shows) == 6


def test_the_browser_pages_with_the_total_count(studio: Storage) -> None:
    pages = [studio.browse_shows(ShowQuery(sort="start", descending=False, offset=n, limit=4)) for n in (0, 4)]
    assert [page.total for page in pages] == [6, 6]
    assert [len(page.shows) for page in pages] == [4, 2]
    ids = [show.id for page in pages for show in page.shows]
    assert ids == sorted(ids) and len(set(ids)) == 6
    assert studio.browse_shows(ShowQuery(host="阿强", limit=1)).total == 2


def test_a_show_begun_between_the_count_and_the_rows_is_counted_as_listed(studio: Storage) -> None:
    """A page's total and its rows are two statements; a show begun between them (another console recording) is
    listed, and the total counts it too: the browser's line never says fewer shows than it lists (fix25a: "Shows:
    31" over 32 rows). Forced: the show is begun by another connection just before the rows are read."""
    other = Storage(studio.url)
    begun: list[int] = []
    counted = False

    def between(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal counted
        if "count(*)" in statement.lower():
            counted = True
        elif counted and not begun:
            begun.append(other.open_show("三号直播间", T0 + timedelta(days=3), 0)[0].id)

    event.listen(studio.engine, "before_cursor_execute", between)
    try:
        page = studio.browse_shows(ShowQuery())
        assert begun and page.shows[0].id == begun[0], "the show begun meanwhile is listed"
        assert page.total == len(page.shows) == 7
        event.remove(studio.engine, "before_cursor_execute", between)
        paged = studio.browse_shows(ShowQuery(offset=2, limit=2))
        assert paged.total == 7 and len(paged.shows) == 2, "a full page keeps the count"
        assert studio.browse_shows(ShowQuery(offset=10)).total == 7, "past the end: the count as it is"
    finally:
        if event.contains(studio.engine, "before_cursor_execute", between):
            event.remove(studio.engine, "before_cursor_execute", between)
        other.close()


def test_the_filters_offer_every_room_host_and_tag_with_their_counts(studio: Storage) -> None:
    facets = studio.show_facets()
    assert facets.rooms == (("一号直播间", 3), ("二号直播间", 2), ("demo", 1))
    assert facets.hosts == (("小美", 3), ("阿强", 2), ("小红", 1))
    assert dict(facets.tags) == {"美妆": 3, "服装": 2, "新品": 2}
    one_room = studio.show_facets("二号直播间")
    assert one_room.hosts == (("小红", 1), ("阿强", 1)) and dict(one_room.tags) == {"服装": 2, "新品": 1}


def test_a_bad_question_is_refused_before_the_database() -> None:
    with pytest.raises(MetaError, match="cannot be sorted by “viewers”"):
        ShowQuery(sort="viewers")
    with pytest.raises(MetaError, match="1 to 1000"):
        ShowQuery(limit=0)
    with pytest.raises(MetaError, match="not after its start"):
        ShowQuery(since=T0, until=T0)


def test_a_database_the_browser_may_only_read_still_lists_its_shows(tmp_path: Path, onair: Any) -> None:
    """An analyst's read-only access: the figures of a show not summed up yet cannot be written; the list
    still comes, with the shows as stored and the reason said."""
    path = tmp_path / "onair.db"
    storage = Storage(f"sqlite:///{path}")
    storage.migrate()
    ended = a_show(storage, "一号直播间", T0, 60, viewers=constant(300.0))
    storage.end_show(ended, T0 + timedelta(seconds=60))
    fresh, _ = storage.open_show("二号直播间", datetime.now(UTC), 0)  # no summary yet
    storage.close()
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    reader = Storage(read_only)
    page = reader.browse_shows(ShowQuery(sort="id", descending=False))
    reader.close()
    assert page.total == 2 and [s.id for s in page.shows] == [ended, fresh.id]
    assert page.shows[0].viewers_peak == 300 and page.shows[1].viewers_peak is None
    assert page.not_refreshed is not None and "readonly" in page.not_refreshed.replace("-", "").replace(" ", "")
    listed = onair("shows", "--json", "--lang", "en", "--database", read_only)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 2
    assert "may be behind" in listed.stderr


# ---------------------------------------------------------------------- migration 0008
@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_migration_0008_sums_up_the_shows_kept_before_it(
    request: pytest.FixtureRequest, tmp_path: Path, database: str
) -> None:
    from alembic import command
    from alembic.config import Config

    from console.core.storage import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}" if database == "sqlite" else request.getfixturevalue("postgres_url")
    storage = Storage(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with storage.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0007")
    from sqlalchemy import text

    t0 = T0.timestamp()
    with storage.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO shows (id, room, started_at, last_sample_at, ended_at) VALUES (1, 'a', :s, :l, NULL)"),
            {"s": T0.replace(tzinfo=None), "l": (T0 + timedelta(seconds=99)).replace(tzinfo=None)},
        )
        for s in range(100):
            connection.execute(
                text("INSERT INTO show_samples (show_id, t, viewers, likes) VALUES (1, :t, :v, :l)"),
                {"t": t0 + s, "v": None if s < 50 else 10.0 * s, "l": float(s)},
            )
    storage.migrate()
    summary = storage.show_summary(1)
    assert summary is not None and not summary.live, "an old show not resumed for long is final"
    assert (summary.sampled_s, summary.duration_s, summary.viewers_peak) == (100, 99, 990)
    assert summary.likes_per_min == pytest.approx(60.0)
    storage.close()


# ---------------------------------------------------------------------- onair shows / show-meta
def test_onair_shows_lists_json_and_a_translated_table(onair: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    storage = Storage(url)
    storage.migrate()
    show = a_show(storage, "demo", T0, 90, viewers=lambda s: 1500.0)
    storage.end_show(show, T0 + timedelta(seconds=3725))
    storage.set_show_meta(show, clean_meta("双十一预热", ["小美", "阿强"]), by="王主管")
    a_show(storage, "二号直播间", T0 + timedelta(hours=1), 10)
    # A show on air now: its newest stored second a moment ago, streaming (the Shows browser's ● LIVE).
    opened, _ = storage.open_show("三号直播间", datetime.now(UTC) - timedelta(seconds=5), 0)
    live = opened.id
    now = datetime.now(UTC).timestamp()
    storage.add_telemetry(live, [{"t": now - 5 + s, "streaming": 1.0, "bitrate_kbps": 4000.0} for s in range(5)], [])
    # Not over, but its last second a minute ago: its console quit (resumable, not on air).
    quit_show, _ = storage.open_show("四号直播间", datetime.now(UTC) - timedelta(seconds=90), 0)
    rows = [{"t": now - 90 + s, "streaming": 1.0, "bitrate_kbps": 4000.0} for s in range(30)]
    storage.add_telemetry(quit_show.id, rows, [])
    storage.close()
    listed = onair("shows", "--room", "demo", "--json", "--database", url)
    assert listed.returncode == 0, listed.stderr
    (entry,) = json.loads(listed.stdout)
    assert (entry["id"], entry["room"], entry["title"], entry["hosts"]) == (
        show,
        "demo",
        "双十一预热",
        ["小美", "阿强"],
    )
    assert entry["duration_s"] == 3725 and entry["viewers_peak"] == 1500 and entry["viewers_avg"] == 1500
    assert entry["start"] == T0.isoformat() and entry["incidents"]["total"] == 0
    table = onair("shows", "--include-demo", "--lang", "zh_CN", "--database", url, "--sort", "start", "--ascending")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert "标题" in lines[0] and "时长" in lines[0], lines[0]
    assert "1:02:05" in lines[1] and "双十一预热" in lines[1] and "演示直播间" in lines[1], lines[1]
    assert "—" in lines[2], "the room without an audience reads unknown"
    by_room = {room: line for line in lines for room in ("三号直播间", "四号直播间") if room in line}
    assert " ●" in by_room["三号直播间"], "on air now"
    assert " …" in by_room["四号直播间"] and " ●" not in by_room["四号直播间"], "not over, but nobody records it now"
    assert "● 正在直播" in lines[-1], lines[-1]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_onair_shows_counts_one_show_as_one(onair: Any, tmp_path: Path, language: str) -> None:
    """The table's last line read "1–1 of 1 shows"."""
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    storage = Storage(url)
    storage.migrate()
    a_show(storage, "二号直播间", T0, 10)
    storage.close()
    table = onair("shows", "--lang", language, "--database", url)
    assert table.returncode == 0, table.stderr
    counted = (
        "1–1 of 1 show; incidents: critical/warning/info"
        if language == "en"
        else "第 1–1 场，共 1 场；故障：严重/警告/提示"
    )
    assert counted in table.stdout.splitlines(), table.stdout
    if language == "en":
        assert "shows;" not in table.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--from", "2026-13-01"], "is not a date"),
        (["--from", "2026-11-03", "--to", "2026-11-01"], "not after its start"),
        (["--sort", "viewers"], "cannot be sorted"),
        (["--limit", "0"], "1 to 1000"),
    ],
)
def test_onair_shows_refuses_bad_arguments_with_status_2(
    onair: Any, tmp_path: Path, args: list[str], words: str
) -> None:
    refused = onair("shows", "--database", f"sqlite:///{tmp_path / 'x.db'}", "--lang", "en", *args)
    assert refused.returncode == 2 and words in refused.stderr and "Traceback" not in refused.stderr


def test_onair_show_meta_edits_headless(onair: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    storage = Storage(url)
    storage.migrate()
    show = a_show(storage, "一号直播间", T0, 3)
    storage.close()
    edited = onair(
        "show-meta", "--show", str(show), "--title", "美妆专场", "--host", "小美", "--host", "阿强", "--tag", "美妆",
        "--by", "王主管", "--json", "--database", url,
    )  # fmt: skip
    assert edited.returncode == 0, edited.stderr
    kept = json.loads(edited.stdout)
    assert (kept["title"], kept["hosts"], kept["tags"], kept["edited_by"]) == (
        "美妆专场",
        ["小美", "阿强"],
        ["美妆"],
        "王主管",
    )
    notes = onair("show-meta", "--show", str(show), "--notes", "开场卡顿", "--by", "小李", "--json", "--database", url)
    assert json.loads(notes.stdout)["hosts"] == ["小美", "阿强"], "what is not given is kept"
    assert onair("show-meta", "--show", "999", "--database", url).returncode == 2
    too_long = onair("show-meta", "--show", str(show), "--title", "长" * 300, "--lang", "en", "--database", url)
    assert too_long.returncode == 2 and "title is longer than 200" in too_long.stderr


def test_onair_shows_runs_as_a_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    storage = Storage(url)
    storage.migrate()
    a_show(storage, "demo", T0, 5, viewers=lambda s: 7.0)
    storage.close()
    done = subprocess.run(
        [sys.executable, "-m", "console.cli", "shows", "--include-demo", "--json", "--database", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert [entry["room"] for entry in json.loads(done.stdout)] == ["demo"]
