"""What the review says of a stretch the console did not see (killed mid-show while OBS streamed on, started again
within the resume window), and the one rule for what lies within a second of a segment boundary."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest

from console.core.review.bundle import bundle_show
from console.core.review.compare import compare, summarize
from console.core.review.load import ShowData
from console.core.review.segments import segment_table
from console.core.review.timeline import NOT_SEEN, on_air, on_air_text, on_air_unseen_s, scene_timeline
from console.core.rundown.live import GO
from console.core.rundown.live import Mark as RundownMark
from console.core.storage import Storage
from tests.console.test_review_analysis import T0, episode, make_show
from tests.console.test_review_export import NETWORK
from tests.language import chinese, english


def killed_and_started_again() -> ShowData:
    """Live from 10 s; the console killed at 200 s and started again 100 s later, OBS streaming all along (both
    sides of the gap say so); scenes switched before and after."""
    return make_show(
        600,
        {"streaming": lambda o: (o >= 10).astype(float), "viewers": 500.0},
        markers=[
            (0, "scene", "等待开始"),
            (10, "stream_start", ""),
            (60, "scene", "直播中"),
            (300.4, "scene", "商品特写"),  # marked by the console when it joined OBS again
        ],
        missing=((200, 300),),
    )


def test_on_air_counts_an_unseen_stretch_the_stream_ran_through_and_says_how_much_was_not_seen() -> None:
    data = killed_and_started_again()
    (air,) = on_air(data)
    assert (air.start - T0, air.end - T0) == (10, 599)
    assert air.unseen_s == pytest.approx(101.0), "199 s (last stored) to 300 s (first stored again)"
    assert on_air_unseen_s(on_air(data)) == pytest.approx(101.0)
    figures = summarize(data)
    assert figures.on_air_s == pytest.approx(589.0) and figures.on_air_unseen_s == pytest.approx(101.0)
    assert on_air_text(figures.on_air_s, figures.on_air_unseen_s, english) == "0:09:49 (not seen: 1 min 41 s)"
    assert on_air_text(figures.on_air_s, figures.on_air_unseen_s, chinese()) == "0:09:49（其中未监控：1 分 41 秒）"
    # Fully seen: just the time.
    assert on_air_text(589.0, 0.0, english) == "0:09:49" and on_air_text(None, 0.0, english) == "—"
    row = next(d for d in compare([data, data]).differences if d.metric == "on_air_unseen_min")
    assert list(row.values) == pytest.approx([101 / 60, 101 / 60])


def test_the_timeline_and_segments_say_the_stretch_was_not_seen_and_claim_nothing_there() -> None:
    data = killed_and_started_again()
    spans = scene_timeline(data)
    assert [(s.scene, round(s.start - T0, 3), round(s.end - T0, 3), s.seen) for s in spans] == [
        ("等待开始", 0, 60, True),
        ("直播中", 60, 199, True),
        (None, 199, 300, False),  # not seen, not merely "scene not known"
        ("商品特写", 300, 599, True),  # the scene marked on joining again, from the first second seen
    ]
    rows = segment_table(data)
    gap = rows[2]
    assert gap.segment.label == NOT_SEEN and NOT_SEEN.in_language(chinese()) == "未监控（无中控台记录）"
    assert gap.audience_known_s == 0 and gap.viewers_avg is None and gap.likes_per_min is None
    assert gap.incidents == ()


def test_an_incident_ending_at_an_unseen_stretch_is_not_charged_to_it() -> None:
    """walk: a CPU incident that ended when the console was killed read 1 incident in the "not seen" row."""
    data = replace(killed_and_started_again(), episodes=(episode(150, 199),))
    rows = segment_table(data)
    assert [len(row.incidents) for row in rows] == [0, 1, 0, 0]


# ---------------------------------------------------------------------- the boundary rule
def test_an_incident_that_ended_a_moment_after_the_next_segment_began_is_charged_to_its_own() -> None:
    data = make_show(
        600,
        {"viewers": 500.0},
        episodes=[
            episode(250, 300.4, key="ends-just-after"),  # ended 0.4 s into the next segment
            episode(299.8, 400, key="begins-just-before"),  # began 0.2 s before it
            episode(280, 320, key="across"),  # really spans both
            episode(300, 300, key="blip"),  # a point at the boundary: the segment that starts there
        ],
    )
    first, second = segment_table(data, [(T0, T0 + 300, "开场"), (T0 + 300, T0 + 600, "爆款")])
    assert sorted(e.key for e in first.incidents) == ["across", "ends-just-after"]
    assert sorted(e.key for e in second.incidents) == ["across", "begins-just-before", "blip"]


def test_a_rise_of_likes_seen_in_a_segments_first_second_counts_there_once() -> None:
    """Likes rose by 100 between the last stored second of one segment and the first of the next: before, that step
    counted in neither segment (each took only the steps between its own seconds)."""
    likes = lambda o: np.where(o < 300, 1000.0, 1100.0)  # noqa: E731
    data = make_show(600, {"likes": likes, "interactions": likes})
    first, second = segment_table(data, [(T0, T0 + 300, "开场"), (T0 + 300, T0 + 600, "爆款")])
    assert first.likes_per_min == 0.0
    assert second.likes_per_min == pytest.approx(60.0 * 100 / 300), "100 likes over its 300 s (the step's included)"
    assert second.interactions_per_min == pytest.approx(20.0)
    # Not across a stretch the console did not see: that rise's time is unknown to both.
    gapped = make_show(600, {"likes": likes}, missing=((290, 300),))
    _, after_gap = segment_table(gapped, [(T0, T0 + 300, "开场"), (T0 + 300, T0 + 600, "爆款")])
    assert after_gap.likes_per_min == 0.0


def test_a_rundown_boundary_is_where_the_scene_switch_it_asked_for_is_stored() -> None:
    """Go pressed at 300.5 s on the computer's clock, its switch to 商品特写 stored at 300.2 s on the telemetry's: on
    one clock the switch opens the new segment, and the render lag it caused is that segment's, not the one before."""
    data = make_show(
        600,
        {"viewers": 500.0},
        markers=[(0, "scene", "直播中"), (300.2, "scene", "商品特写")],
        episodes=[episode(300.3, 310, finding="render_lag", category="render")],
    )
    marks = (
        RundownMark(0, T0, "a", "开场", 300, GO, scene="直播中", outcome="done"),
        RundownMark(1, T0 + 300.5, "b", "爆款讲解", 300, GO, scene="商品特写", outcome="done"),
    )
    data = replace(data, rundown_marks=marks)
    first, second = segment_table(data, data.rundown_segments())
    assert second.segment.start == pytest.approx(T0 + 300.2)
    assert [s.label for s in (first.segment, second.segment)] == ["开场", "爆款讲解"]
    assert (len(first.incidents), len(second.incidents)) == (0, 1)
    # A switch the take asked for but that is not near it (refused, or another scene) leaves the mark where it is.
    refused = replace(data, rundown_marks=(marks[0], replace(marks[1], outcome="refused")))
    assert refused.rundown_spans()[1].start == pytest.approx(T0 + 300.5)
    # Segments by scene put the same switch at the same moment.
    assert [round(s.start - T0, 1) for s in (r.segment for r in segment_table(data))] == [0.0, 300.2]


def show_with_an_incident_across_a_gap(storage: Storage) -> int:
    """Ten minutes of a room, the console away from 200 s to 300 s (the stream ran on) while a network incident was
    open from 150 s: stored as the engine closes it when its console leaves, at the gap's end."""
    began = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    show, _ = storage.open_show("三号直播间", began, 0)
    t0 = began.timestamp()
    rows = [{"t": t0 + s, "viewers": 800.0, "streaming": 1.0} for s in range(600) if not 200 <= s < 300]
    markers = [{"t": t0, "kind": "scene", "detail": "开场"}, {"t": t0 + 300.4, "kind": "scene", "detail": "商品讲解"}]
    finding = {
        "key": "network-1", "finding_id": "network", "category": "network", "severity": "critical",
        "peak": "critical", "first_seen": t0 + 150, "last_seen": t0 + 320, "closed_at": t0 + 330, "active": False,
        "message": "Network: frames dropped", "template": NETWORK, "remedies": "[]",
        "fields": '{"pct": 3.0, "peak": 3.0, "peak_congestion_pct": 80, "congestion_pct": 40}',
    }  # fmt: skip
    storage.add_telemetry(show.id, rows, markers, [finding])
    storage.end_show(show.id, began + timedelta(seconds=600))
    return show.id


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_stretch_nobody_saw_claims_no_incidents_in_the_report_json_and_xlsx(
    onair: Any, storage: Storage, tmp_path: Path, language: str
) -> None:
    """walk24: the report's and PDF's "Not seen (no console recording)" row said Incidents 1, an incident spanning
    the gap (where the console was away) charged to it, while the review window left it blank. A stretch nobody saw
    claims no figure: "—" in the report, null in its JSON, an empty cell in the XLSX."""
    say = english if language == "en" else chinese()
    show = show_with_an_incident_across_a_gap(storage)
    rows = segment_table(bundle_show(storage, show).data)
    assert [row.incident_count for row in rows] == [1, None, 1], "charged where it was seen, never to the gap"
    xlsx = tmp_path / "show.xlsx"
    done = onair(
        "report", "--show", str(show), "--lang", language, "--xlsx", str(xlsx), "--database", storage.url
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    unseen = NOT_SEEN.in_language(say)
    (gap,) = [line for line in done.stdout.splitlines() if line.strip().startswith(unseen)]
    assert gap.split()[-1] == "—", gap
    (opening,) = [line for line in done.stdout.splitlines() if line.strip().startswith("开场 ")]
    assert opening.split()[-1] == "1", opening
    as_json = json.loads(onair("report", "--show", str(show), "--json", "--database", storage.url).stdout)
    assert [segment["incidents"] for segment in as_json["segments"]] == [1, None, 1]
    book = openpyxl.load_workbook(xlsx)
    sheet = [list(row) for row in book[say("ReviewExport", "Segments")].iter_rows(values_only=True)]
    header = sheet[0]
    by_label = {row[0]: dict(zip(header, row, strict=True)) for row in sheet[1:]}
    assert by_label[unseen][say("ReviewExport", "Incidents")] in (None, ""), by_label[unseen]
    assert by_label["开场"][say("ReviewExport", "Incidents")] == 1


@pytest.mark.parametrize(
    ("unseen", "said", "in_chinese"),
    [
        (180.0, "not seen: 3 min", "其中未监控：3 分钟"),  # was "3 min 0 s"
        (7200.0, "not seen: 2 h", "其中未监控：2 小时"),  # was "2 h 0 min"
        (3725.0, "not seen: 1 h 2 min", "其中未监控：1 小时 2 分"),
        (101.0, "not seen: 1 min 41 s", "其中未监控：1 分 41 秒"),
    ],
)
def test_a_stretch_not_seen_says_no_unit_that_comes_to_nothing(unseen: float, said: str, in_chinese: str) -> None:
    """A stretch of whole minutes (or hours) not seen read "not seen: 3 min 0 s", as walk15 found an alert's
    "after 3 min 0 s" read like a machine's: the review says a length by the rule an alert does."""
    assert on_air_text(9000.0, unseen, english) == f"2:30:00 ({said})"
    assert on_air_text(9000.0, unseen, chinese()) == f"2:30:00（{in_chinese}）"
