"""Review analysis arithmetic on hand-built shows: gaps stay gaps, running totals and their resets, an unknown
audience, too little baseline, overlapping incidents counted once, a show with one scene, a show never on air."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
import pytest

from console.core.review.compare import CannotAlign, align, compare, compare_segments, summarize
from console.core.review.impact import Params, Status, show_impact
from console.core.review.load import Episode, Mark, ShowData, build_show
from console.core.review.segments import (
    ENTRIES,
    GMV,
    UNKNOWN_SCENE,
    Segment,
    counter_rate_per_min,
    segment_table,
)
from console.core.review.timeline import on_air, scene_timeline
from console.core.storage import StoredShow
from console.core.telemetry.channels import CHANNELS, INDEX
from obs.text import Message

T0 = 1_800_000_000.0  # 2027-01-15 08:00:00 UTC

Curve = Callable[[np.ndarray], np.ndarray] | np.ndarray | float


def make_show(
    seconds: int,
    channels: dict[str, Curve] | None = None,
    markers: list[tuple[float, str, str]] | None = None,
    episodes: list[Episode] | None = None,
    missing: tuple[tuple[int, int], ...] = (),
    show_id: int = 1,
) -> ShowData:
    """A show of `seconds` rows from T0; `channels` as constants or functions of the offset (s); `missing` =
    [from, to) offsets with no stored row (the console was not running)."""
    offsets = np.arange(seconds, dtype=float)
    for lo, hi in missing:
        offsets = offsets[(offsets < lo) | (offsets >= hi)]
    values = np.full((len(offsets), len(CHANNELS)), np.nan)
    for name, curve in (channels or {}).items():
        values[:, INDEX[name]] = curve(offsets) if callable(curve) else curve
    t = T0 + offsets
    show = StoredShow(show_id, "一号直播间", datetime.fromtimestamp(T0, UTC), None, None)
    data = ShowData(show, t, values, tuple(Mark(T0 + o, k, d) for o, k, d in markers or []), tuple(episodes or ()))
    return data


def episode(start: float, end: float, finding: str = "network", category: str = "network", key: str = "") -> Episode:
    return Episode(
        key or f"{finding}-{start}",
        finding,
        category,
        "critical",
        "critical",
        T0 + start,
        T0 + end,
        T0 + end,
        False,
        Message("network drops {pct} %", {"pct": 7.0}, "Health"),
    )


def flat_with_dip(
    base: float, dip_start: float, low: float, low_at: float, back_at: float
) -> Callable[[np.ndarray], np.ndarray]:
    """`base`, falling linearly from dip_start to `low` at low_at, rising linearly to `base` again at back_at."""

    def curve(o: np.ndarray) -> np.ndarray:
        return np.asarray(np.interp(o, [0, dip_start, low_at, back_at, 1e9], [base, base, low, base, base]))

    return curve


# ---------------------------------------------------------------------- loading
def test_stored_rows_become_columns_with_unknowns_and_gaps_kept() -> None:
    rows = [(T0 + i, *(None for _ in CHANNELS)) for i in (0, 1, 2, 30, 31)]
    rows[1] = (T0 + 1, *(5.0 if name == "viewers" else None for name in CHANNELS))
    finding = {
        "key": "k",
        "finding_id": "reconnect",
        "category": "connection",
        "severity": "warning",
        "peak": "critical",
        "first_seen": T0 + 1,
        "last_seen": T0 + 2,
        "closed_at": None,
        "active": True,
        "message": "x",
        "template": "OBS is reconnecting ({attempt})",
        "fields": json.dumps({"attempt": 2}),
        "remedies": "[]",
    }
    show = StoredShow(7, "r", datetime.fromtimestamp(T0, UTC), None, None)
    data = build_show(show, rows, [(T0 + 1, "scene", "直播中")], [finding])
    viewers = data.channel("viewers")
    assert np.isnan(viewers[0]) and viewers[1] == 5.0, "unknown stays NaN, never 0"
    assert data.gaps() == ((T0 + 2, T0 + 30),)
    t, line = data.line("viewers")
    assert len(t) == 6 and np.isnan(line[3]) and t[2] < t[3] < t[4], "a NaN breaks the line in the gap"
    assert not data.t.flags.writeable, "the loaded show cannot be changed by a caller"
    (ep,) = data.episodes
    # Still open (cut off by the gap): its live words, as of its row's last stored second before the gap.
    last = datetime.fromtimestamp(T0 + 2).strftime("%H:%M:%S")
    assert ep.end == T0 + 2 and ep.rank == 3
    assert ep.message.explain() == f"Still open when last recorded, at {last}: OBS is reconnecting (2)"
    assert ep.title.explain() == "Stream reconnect (still open)" and ep.title.context == "Health"


def test_an_empty_show_loads_as_empty_columns() -> None:
    data = build_show(StoredShow(1, "r", datetime.fromtimestamp(T0, UTC), None, None), [], [], [])
    assert data.t.shape == (0,) and data.values.shape == (0, len(CHANNELS))
    assert data.duration_s == 0 and scene_timeline(data) == () and on_air(data) == ()
    assert show_impact(data).viewer_minutes == 0.0


# ---------------------------------------------------------------------- timeline
def test_scene_timeline_is_unknown_until_the_first_switch_and_after_a_blind_stretch() -> None:
    data = make_show(
        600,
        markers=[
            (60, "scene", "直播中"),
            (200, "scene", "商品特写"),
            (300, "obs_lost", ""),
            (320, "obs_connected", ""),
        ],
        missing=((450, 500),),
    )
    spans = scene_timeline(data)
    assert [(s.scene, round(s.start - T0, 3), round(s.end - T0, 3), s.seen) for s in spans] == [
        (None, 0, 60, True),
        ("直播中", 60, 200, True),
        ("商品特写", 200, 300, True),
        (None, 300, 449, True),  # OBS lost: a switch may have been missed
        (None, 449, 500, False),  # nothing stored: the console did not see this stretch at all
        (None, 500, 599, True),  # still unknown after the gap, until a switch
    ]
    assert scene_timeline(data, initial="等待开始")[0].scene == "等待开始"


def test_a_show_with_one_scene_is_one_segment() -> None:
    data = make_show(300, {"viewers": 100.0}, markers=[(0, "scene", "直播中")])
    (row,) = segment_table(data)
    assert row.segment.label == "直播中" and row.duration_s == 299 and row.viewers_avg == 100.0
    no_marker = make_show(300, {"viewers": 100.0})
    (unknown,) = segment_table(no_marker)
    assert unknown.segment.label == UNKNOWN_SCENE


def test_on_air_stretches_from_stream_markers_and_a_show_never_on_air() -> None:
    data = make_show(
        1000,
        {"streaming": lambda o: ((o >= 100) & (o < 400)) | (o >= 700)},
        markers=[(100, "stream_start", ""), (400, "stream_stop", ""), (700, "stream_start", "")],
    )
    assert [(a.start - T0, a.end - T0, a.from_marker, a.stopped) for a in on_air(data)] == [
        (100, 400, True, True),
        (700, 999, True, False),
    ]
    # The console was away 400-500 s: the stream stopped unseen, then 600-700 s: it started unseen.
    unseen = make_show(
        1000,
        {"streaming": lambda o: ((o >= 100) & (o < 400)) | (o >= 700)},
        markers=[(100, "stream_start", "")],
        missing=((400, 500), (600, 700)),
    )
    assert [(a.start - T0, a.end - T0, a.from_marker, a.stopped) for a in on_air(unseen)] == [
        (100, 399, True, False),
        (700, 999, False, False),
    ]
    resumed = make_show(100, {"streaming": 1.0}, markers=[(50, "stream_stop", "")])
    assert [(a.start - T0, a.end - T0, a.from_marker) for a in on_air(resumed)] == [(0, 50, False)]
    never = make_show(100, {"streaming": 0.0, "viewers": 10.0})
    assert on_air(never) == () and summarize(never).on_air_s == 0
    with pytest.raises(CannotAlign) as refused:
        align([never, never], "viewers", by="on_air")
    assert "was never on air" in str(refused.value)


# ---------------------------------------------------------------------- segments
def test_segment_audience_ignores_gaps_and_never_interpolates() -> None:
    data = make_show(600, {"viewers": lambda o: np.where(o < 300, 100.0, 400.0)}, missing=((200, 500),))
    (row,) = segment_table(data, [(T0, T0 + 600, "all")])
    # 200 known seconds at 100 and 100 at 400: a line drawn across the gap would have given 250.
    assert row.audience_known_s == 300 and row.viewers_avg == pytest.approx(200.0)
    assert row.viewers_start == 100 and row.viewers_end == 400 and row.viewers_change_pct == pytest.approx(300.0)


def test_likes_are_a_running_total_and_a_reset_is_not_a_loss() -> None:
    # 2 likes a second, the total restarting at 0 at 300 s (a new stream): still 120 a minute throughout.
    data = make_show(600, {"likes": lambda o: 2.0 * np.where(o < 300, o + 1000, o - 300)})
    (row,) = segment_table(data, [(T0, T0 + 600, "all")])
    assert row.likes_per_min == pytest.approx(120.0)
    assert row.interactions_per_min is None, "an unknown total is an unknown rate, never 0"
    assert counter_rate_per_min(np.array([1.0]), np.array([5.0])) is None


def test_segments_given_by_a_rundown_with_incidents_and_platform_minutes() -> None:
    data = make_show(1200, {"viewers": 1000.0}, episodes=[episode(100, 160), episode(650, 700)])
    minutes = T0 + 60.0 * np.arange(20)
    gmv = np.full(20, 600.0)  # 600 in every minute
    entries = np.full(20, 50.0)
    rows = segment_table(
        data,
        [Segment(T0, T0 + 630, "开场"), (T0 + 630, T0 + 1200, "爆款")],
        extras={GMV: (minutes, gmv), ENTRIES: (minutes, entries)},
    )
    assert [r.segment.label for r in rows] == ["开场", "爆款"]
    assert [len(r.incidents) for r in rows] == [1, 1]
    assert rows[0].extras[GMV] == pytest.approx(6300.0), "10.5 minutes: half of the 11th minute's GMV"
    assert rows[1].extras[GMV] == pytest.approx(5700.0)
    assert rows[0].gpm == pytest.approx(1000 * 6300 / 525) and rows[0].gpm_basis == "entries"
    assert rows[0].extra_per_min(GMV) == pytest.approx(600.0) and rows[0].extra_per_min("orders") is None
    only_gmv = segment_table(data, [(T0, T0 + 600, "x")], extras={GMV: (minutes, gmv)})
    assert only_gmv[0].gpm == pytest.approx(1000 * 6000 / 1000) and only_gmv[0].gpm_basis == "viewers"
    unknown_minute = gmv.copy()
    unknown_minute[3] = np.nan
    assert segment_table(data, [(T0, T0 + 600, "x")], extras={GMV: (minutes, unknown_minute)})[0].extras[GMV] is None


# ---------------------------------------------------------------------- impact
SHORT = Params(baseline_s=300, min_baseline_s=60, after_s=600)


def test_an_incident_costs_the_viewers_below_the_baseline_until_they_come_back() -> None:
    # 1000 viewers; a network problem 600-660 s; the audience falls to 820 (-18 %) at 720 s, back at 960 s.
    data = make_show(1800, {"viewers": flat_with_dip(1000, 600, 820, 720, 960)}, episodes=[episode(600, 660)])
    result = show_impact(data, SHORT)
    (impact,) = result.impacts
    assert impact.status is Status.ASSESSED and impact.baseline == 1000
    assert impact.trough_pct == pytest.approx(-18.0) and impact.trough_after_s == 120
    assert impact.during_pct == pytest.approx(-9.0), "the lowest while it lasted (660 s: 910 viewers)"
    assert impact.after_pct is not None and -18 < impact.after_pct < 0
    # Back within 5 % (950) on the way up: 720 + 240 * 130/180 s ≈ 893 s, i.e. ~293 s after the start.
    assert impact.recovered_after_s == pytest.approx(294, abs=1)
    text = impact.message.explain()
    assert "viewers −18 % within 2 min, back to baseline after 5 min" in text, text
    # The shortfall: the triangle 600..~893 s under 1000 viewers, in viewer-minutes.
    expected = np.clip(1000 - flat_with_dip(1000, 600, 820, 720, 960)(np.arange(600, 894.0)), 0, None).sum() / 60
    assert result.viewer_minutes == pytest.approx(expected, rel=0.01)
    assert "plausibly cost about" in result.message.explain()


def test_overlapping_incidents_are_counted_once() -> None:
    viewers = flat_with_dip(1000, 600, 800, 700, 900)
    one = show_impact(make_show(1800, {"viewers": viewers}, episodes=[episode(600, 660)]), SHORT)
    two = show_impact(
        make_show(
            1800,
            {"viewers": viewers},
            episodes=[episode(600, 660), episode(610, 700, "fps_low", "render")],
        ),
        SHORT,
    )
    assert one.viewer_minutes is not None and one.viewer_minutes > 0
    assert sum(i.shortfall_viewer_min or 0 for i in two.impacts) > 1.5 * one.viewer_minutes, "each alone sees it"
    assert two.viewer_minutes == pytest.approx(one.viewer_minutes, rel=0.01), "the show counts each second once"


def test_an_unknown_audience_gives_an_unknown_impact_never_zero() -> None:
    data = make_show(1800, {"streaming": 1.0}, episodes=[episode(600, 660)])
    result = show_impact(data, SHORT)
    assert result.impacts[0].status is Status.UNKNOWN and result.viewer_minutes is None
    assert "is not known" in result.impacts[0].message.explain()
    assert "what it cost is unknown" in result.message.explain()  # one problem, said in the singular
    assert summarize(data).viewer_minutes_lost is None


def test_too_little_baseline_is_not_enough_data() -> None:
    data = make_show(1800, {"viewers": lambda o: np.where(o < 570, np.nan, 1000.0)}, episodes=[episode(600, 660)])
    (impact,) = show_impact(data, SHORT).impacts
    assert impact.status is Status.NOT_ENOUGH_DATA and impact.baseline_s == 30
    assert "not enough audience data before it" in impact.message.explain()


def test_a_baseline_leaves_out_an_earlier_incident() -> None:
    # An earlier incident (300-400 s) dragged the audience to 200; the baseline of the second is from before.
    viewers = lambda o: np.where((o >= 300) & (o < 400), 200.0, 1000.0) - np.where(o >= 700, 300.0, 0.0)  # noqa: E731
    data = make_show(1800, {"viewers": viewers}, episodes=[episode(300, 400), episode(700, 760)])
    second = show_impact(data, Params(baseline_s=500, min_baseline_s=60, after_s=300, settle_s=60)).impacts[1]
    assert second.baseline == 1000 and second.trough_pct == pytest.approx(-30.0)
    assert second.recovered_after_s is None and not second.not_back_by_end
    assert "not back within 5 min of its end" in second.message.explain()


def test_not_back_by_the_end_and_a_steady_audience() -> None:
    fell = make_show(900, {"viewers": lambda o: np.where(o < 600, 1000.0, 500.0)}, episodes=[episode(600, 660)])
    assert "not back by the end of the show" in show_impact(fell, SHORT).impacts[0].message.explain()
    rng = np.random.default_rng(1)
    steady = make_show(1800, {"viewers": 1000 + rng.normal(0, 5, 1800)}, episodes=[episode(600, 660)])
    result = show_impact(steady, SHORT)
    assert "held within their usual range" in result.impacts[0].message.explain()
    assert result.viewer_minutes == 0.0


def test_a_problem_viewers_do_not_see_is_not_charged() -> None:
    data = make_show(
        1800,
        {"viewers": flat_with_dip(1000, 600, 500, 650, 800)},
        episodes=[episode(600, 660, "recording_stalled", "disk")],
    )
    result = show_impact(data, SHORT)
    assert result.impacts[0].status is Status.NOT_VISIBLE and result.viewer_minutes == 0.0
    assert result.message.explain() == "No technical problem that viewers could notice in this show."


# ---------------------------------------------------------------------- compare
def test_compare_two_shows_with_dropped_frames_over_ten_second_windows() -> None:
    # Show 2 lost 2 % of its frames to the network for a tenth of its seconds: 0.2 % of the show.
    a = make_show(1000, {"viewers": 100.0, "drop_network_pct": 0.0, "streaming": 1.0}, show_id=1)
    b = make_show(
        1200,
        {"viewers": 150.0, "drop_network_pct": lambda o: np.where(o < 100, 2.0, 0.0), "streaming": 1.0},
        episodes=[episode(50, 60)],
        show_id=2,
    )
    result = compare([a, b])
    table = {d.metric: d for d in result.differences}
    assert table["viewers_avg"].values == (100.0, 150.0) and table["viewers_avg"].delta == (0.0, 50.0)
    # 2 % of the frames of the first 100 s (the first window reaches 1 s before the first stored second).
    assert table["drop_network_pct"].values[1] == pytest.approx(100 * 2.0 / 1200, rel=0.02)
    assert table["drop_render_pct"].values == (None, None), "never measured is unknown, not 0"
    assert table["incidents"].delta == (0.0, 1.0)
    assert result.summaries[1].drop_worst_pct["network"] == 2.0
    aligned = align([a, b], "viewers")
    assert aligned[0].offset[0] == 0 and aligned[1].offset[-1] == 1199
    with pytest.raises(ValueError):
        compare([a])


def test_compare_by_segment() -> None:
    a = make_show(1000, {"viewers": 100.0}, markers=[(0, "scene", "开场"), (500, "scene", "爆款")], show_id=1)
    b = make_show(1000, {"viewers": 200.0}, markers=[(0, "scene", "开场"), (600, "scene", "返场")], show_id=2)
    lines = compare_segments([segment_table(a), segment_table(b)])
    assert [(label, tuple(r is not None for r in rows)) for label, rows in lines] == [
        ("开场", (True, True)),
        ("爆款", (True, False)),
        ("返场", (False, True)),
    ]
    opening = lines[0][1]
    assert [r.duration_s for r in opening if r] == [500, 600]
    (aligned,) = align([a], "viewers", by="segment", segment="爆款")
    assert aligned.origin == T0 + 500 and aligned.offset[0] == -500
    with pytest.raises(CannotAlign) as refused:
        align([a, b], "viewers", by="segment", segment="爆款")
    assert "never had the scene 爆款 on program" in str(refused.value)


def test_rendering_loss_is_frames_lagged_over_frames_rendered_on_air_as_obs_counts_it() -> None:
    """A real-OBS walk-through: OBS froze 8 s on air (SIGSTOP) and its log said 119 of 5,574 frames lagged (2.1 %);
    the review said 0.955 % (a mean of the 10-s windows' shares over every known second, off air included, the
    windows after the freeze stretched over it). Shaped like it: 15 fps, on air 50–421 s, no reading while OBS was
    frozen (298–305), then each window since the last poll before the freeze holding the 119 frames; off air, a
    lag that OBS's stream log does not count."""
    on, off, frozen, lagged = 50, 421, (298, 306), 119

    def render(o: np.ndarray) -> np.ndarray:
        shares = np.zeros_like(o)
        # Each window's base is the last poll before the freeze (297) until it is 10 s old.
        after = (o >= frozen[1]) & (o - 10 < frozen[1])
        shares[after] = 100 * lagged / (15 * (o[after] - (frozen[0] - 1)))
        shares[(o >= frozen[0]) & (o < frozen[1])] = np.nan
        shares[(o >= 450) & (o < 470)] = 50.0  # off air: not in OBS's stream figure
        return shares

    fps = lambda o: np.where((o >= frozen[0]) & (o < frozen[1]), np.nan, 15.0)  # noqa: E731
    show = make_show(
        500,
        {"drop_render_pct": render, "fps_target": fps, "streaming": lambda o: ((o >= on) & (o < off)).astype(float)},
        markers=[(on, "stream_start", ""), (off, "stream_stop", "")],
    )
    figures = summarize(show)
    assert figures.drop_pct["render"] == pytest.approx(100 * lagged / (15 * (off - on)), rel=0.01), "2.1 %, as OBS"
    assert figures.drop_over == "on_air"
    never = make_show(100, {"drop_render_pct": 1.0, "fps_target": 30.0, "streaming": 0.0})
    assert summarize(never).drop_over == "show" and summarize(never).drop_pct["render"] == pytest.approx(1.0)
