"""Telemetry core: ring windows, composing a second from OBS + machine + audience, markers, and the
show kept in a real database (SQLite and PostgreSQL) across a console restart and a failing disk."""

from __future__ import annotations

import math
import socket
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from console.core.dbtrouble import DatabaseTrouble
from console.core.review.shows import ShowQuery
from console.core.storage import Storage
from console.core.telemetry import machine
from console.core.telemetry.channels import CHANNELS, Marker, make_sample
from console.core.telemetry.live import AudienceReading, MarkerDeriver, Telemetry, compose
from console.core.telemetry.machine import MachineSample, MachineSampler, host_of_stream_server, interface_for
from console.core.telemetry.ring import PENDING_ROWS, Ring
from console.core.telemetry.writer import ShowWriter
from obs.errors import Explained
from obs.health import Finding, HealthEngine
from obs.messages import LinkState, LinkStatus, ObsEvent, OutboxItem, StatusChanged
from obs.state import ObsState, VideoSettings
from obs.stats import Rates
from tests.conftest import fill_disk, wait_until


# ---------------------------------------------------------------------- ring
def test_a_window_is_one_slice_in_time_order_across_the_wrap() -> None:
    ring = Ring(capacity=5, channels=2)
    for t in range(12):
        ring.append(float(t), (float(t * 10), math.nan))
    times, values = ring.last(5)
    assert list(times) == [7, 8, 9, 10, 11] and list(values[:, 0]) == [70, 80, 90, 100, 110]
    assert np.isnan(values[:, 1]).all(), "unknown stays unknown"
    assert list(ring.since(9.5)[0]) == [10, 11]
    assert len(ring) == 5 and ring.version == 12
    with pytest.raises(ValueError):
        ring.append(3.0, (0.0, 0.0))


@pytest.mark.parametrize("rows", [1, PENDING_ROWS, PENDING_ROWS + 7])
def test_the_first_rows_wait_as_tuples_and_read_back_the_same_once_the_arrays_are_made(rows: int) -> None:
    """A console's first seconds come before its window has painted: the ring keeps them without numpy's arrays
    (made at the first read, or when PENDING_ROWS rows wait) and reads them back in the same order and values."""
    ring = Ring(capacity=100, channels=2)
    for t in range(rows):
        ring.append(float(t), (float(t * 10), math.nan))
    assert ring.made is (rows > PENDING_ROWS)
    assert ring.last_time() == rows - 1 and len(ring) == rows and ring.version == rows
    with pytest.raises(ValueError):
        ring.append(rows - 1.5, (0.0, 0.0))
    times, values = ring.last(rows)
    assert ring.made
    assert list(times) == list(range(rows)) and list(values[:, 0]) == [t * 10 for t in range(rows)]
    assert np.isnan(values[:, 1]).all()
    ring.append(float(rows), (1.0, 2.0))
    assert list(ring.last(2)[0]) == [rows - 1, rows] and list(ring.last(1)[1][0]) == [1.0, 2.0]


# ---------------------------------------------------------------------- composing a second
def rates(t: float, **kw: Any) -> Rates:
    base: dict[str, Any] = dict(
        streaming=True, reconnecting=False, recording=False, bitrate_kbps=2500.0, record_kbps=None, fps=29.9,
        render_ms=4.0, render_drop_pct=0.0, encode_drop_pct=0.5, network_drop_pct=None, congestion=0.1,
        cpu_pct=12.0, memory_mb=300.0, disk_free_mb=90_000.0, stream_bytes=1, record_bytes=None,
    )  # fmt: skip
    base.update(kw)
    return Rates(t=t, **base)


STATE = ObsState(connected=True, video=VideoSettings(1920, 1080, 1280, 720, 30, 1))
MACHINE = MachineSample(99.5, 40.0, (20.0, 60.0), 55.0, 3000.0, "eth0", 11.0)


def test_a_second_combines_obs_machine_and_audience() -> None:
    sample = compose(100.0, STATE, True, rates(99.2), MACHINE, AudienceReading(80.0, viewers=1888))
    assert sample.get("bitrate_kbps") == 2500 and sample.get("fps_target") == 30
    assert sample.get("frame_budget_ms") == pytest.approx(33.33, abs=0.01)
    assert sample.get("drop_network_pct") is None, "no network figure is not 0 % dropped"
    assert sample.get("cpu_busiest_core_pct") == 60 and sample.cores == (20.0, 60.0)
    assert sample.get("viewers") == 1888 and sample.get("likes") is None
    assert sample.get("streaming") == 1.0


def test_a_lost_or_stale_source_is_a_gap_never_a_zero() -> None:
    lost = compose(100.0, STATE, False, rates(99.9), MACHINE, None)
    stale = compose(100.0, STATE, True, rates(90.0), None, AudienceReading(-500.0, viewers=5))
    for sample in (lost, stale):
        assert all(sample.get(c) is None for c in ("bitrate_kbps", "fps", "streaming", "congestion"))
    assert lost.get("cpu_system_pct") == 40, "the machine is still measured without OBS"
    assert stale.get("cpu_system_pct") is None and stale.get("viewers") is None


def test_a_frozen_obs_last_poll_is_not_repeated_as_now() -> None:
    """OBS frozen: the last poll answered 2.5 s ago and nothing reaches the receiver since; repeating that
    poll's bitrate would say the stream still flows."""
    frozen = compose(100.0, STATE, True, rates(97.5), MACHINE, None)
    assert frozen.get("bitrate_kbps") is None and frozen.get("fps") is None
    assert compose(100.0, STATE, True, rates(99.0), MACHINE, None).get("bitrate_kbps") is not None


def test_markers_from_the_links_outbox() -> None:
    deriver = MarkerDeriver()
    connected = StatusChanged(LinkStatus(LinkState.CONNECTED, 1.0))
    items: list[OutboxItem] = [
        connected,
        ObsEvent("CurrentProgramSceneChanged", {"sceneName": "产品讲解"}, 2.0),
        ObsEvent("StreamStateChanged", {"outputActive": True, "outputState": "OBS_WEBSOCKET_OUTPUT_STARTED"}, 3.0),
        ObsEvent(
            "StreamStateChanged", {"outputActive": False, "outputState": "OBS_WEBSOCKET_OUTPUT_RECONNECTING"}, 4.0
        ),
        ObsEvent("InputMuteStateChanged", {"inputName": "麦克风", "inputMuted": True}, 4.5),
        StatusChanged(LinkStatus(LinkState.RECONNECTING, 5.0)),
        StatusChanged(LinkStatus(LinkState.CONNECTING, 5.5)),
        StatusChanged(LinkStatus(LinkState.CONNECTED, 6.0)),
        ObsEvent("RecordStateChanged", {"outputActive": False, "outputState": "OBS_WEBSOCKET_OUTPUT_STOPPED"}, 7.0),
    ]
    markers = [m for item in items for m in deriver.markers(item)]
    assert [(m.t, m.kind, m.text) for m in markers] == [
        (2.0, "scene", "产品讲解"),
        (3.0, "stream_start", ""),
        (4.0, "stream_reconnecting", ""),
        (5.0, "obs_lost", ""),
        (6.0, "obs_connected", ""),
        (7.0, "record_stop", ""),
    ]


def test_history_goes_in_front_of_what_was_recorded_since_start() -> None:
    telemetry = Telemetry(capacity=100, wall_offset=1_000_000.0)
    telemetry.record(make_sample(50.0, {"viewers": 7}))
    telemetry.mark(Marker(50.5, "scene", "B"))
    rows = [{"t": 1_000_000.0 + t, "viewers": v} for t, v in ((40.0, 5), (41.0, None), (49.0, 6), (55.0, 99))]
    telemetry.load_history(rows, [{"t": 1_000_040.0, "kind": "scene", "detail": "A"}])
    times, values = telemetry.ring.last(10)
    viewers = values[:, CHANNELS.index("viewers")]
    assert list(times) == [40.0, 41.0, 49.0, 50.0], "rows after the first live one are not duplicated"
    assert viewers[0] == 5 and math.isnan(viewers[1]) and viewers[3] == 7
    assert [(m.t, m.text) for m in telemetry.markers] == [(40.0, "A"), (50.5, "B")]


# ---------------------------------------------------------------------- this machine
def test_the_machine_sampler_measures_upload_on_the_streams_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    assert host_of_stream_server("rtmp://live.example.com:1935/app") == "live.example.com"
    assert host_of_stream_server("auto") == "auto" or host_of_stream_server("auto") is None
    loopback = interface_for("127.0.0.1")
    assert loopback is not None, "the loopback route has an interface"
    local = MachineSampler()
    local.watch("127.0.0.1", "127.0.0.1")
    assert local.sample().interface is None, "an ingest on this computer crosses no network interface"
    # The arithmetic on a real interface's counters: loopback stands in for the route to a distant server.
    monkeypatch.setattr(machine, "upload_interface", lambda host, obs_local: loopback)
    sampler = MachineSampler()
    sampler.watch("127.0.0.1", "127.0.0.1")
    first = sampler.sample()
    assert first.interface == loopback and first.net_up_kbps is None, "one reading is not a rate"
    server = socket.create_server(("127.0.0.1", 0))
    received = bytearray()

    def sink() -> None:
        connection, _ = server.accept()
        with connection:
            while chunk := connection.recv(65536):
                received.extend(chunk)

    thread = threading.Thread(target=sink)
    thread.start()
    with socket.create_connection(server.getsockname()) as client:
        client.sendall(b"x" * 4_000_000)
    thread.join(5)
    server.close()
    second = sampler.sample()
    assert second.net_up_kbps is not None and second.net_up_kbps * (second.t - first.t) >= 4_000_000 * 8 / 1000
    assert second.cpu_system_pct is not None and 0 <= second.cpu_system_pct <= 100 and len(second.cpu_cores) >= 1
    assert 0 < second.memory_system_pct < 100


# ---------------------------------------------------------------------- kept in the database
@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'onair.db'}"
    return str(request.getfixturevalue("postgres_url"))


class Recorder:
    def __init__(self) -> None:
        self.history: list[tuple[Any, bool, list[dict[str, Any]], list[dict[str, Any]]]] = []
        self.findings: list[list[dict[str, Any]]] = []
        self.problems: list[str | Explained | DatabaseTrouble | None] = []

    def on_history(
        self, show: Any, resumed: bool, rows: list[dict[str, Any]], markers: list[dict[str, Any]], findings: Any
    ) -> None:
        self.history.append((show, resumed, rows, markers))
        self.findings.append(findings)

    def on_problem(self, problem: str | Explained | DatabaseTrouble | None) -> None:
        self.problems.append(problem)


def a_show(telemetry: Telemetry, start: float, seconds: int) -> None:
    for second in range(seconds):
        telemetry.record(make_sample(start + second, {"bitrate_kbps": 2500 + second, "viewers": None}, (10.0, 20.0)))
    telemetry.mark(Marker(start + 1.5, "scene", "抽奖环节"))


def test_a_restart_mid_show_brings_the_history_back(db_url: str) -> None:
    recorder = Recorder()
    telemetry = Telemetry()
    writer = ShowWriter("一号直播间", recorder.on_history, recorder.on_problem, lambda: Storage(db_url), flush_s=0.1)
    writer.start()
    wait_until(lambda: recorder.history, 20)
    show, resumed, rows, _ = recorder.history[0]
    assert not resumed and rows == []
    a_show(telemetry, time.monotonic() - 30, 30)  # the last half minute of a show
    writer.put(*telemetry.take_unsaved())
    lag = HealthEngine(wall=time.time)
    for second in range(8):
        lag.feed(float(second), {"drop_render_pct": 9.0, "streaming": 1.0})
    finding = lag.active()[0]
    writer.put([], [], [finding.to_row()])
    finding.severity, finding.active = "warning", False  # the same episode, later: one row, its newest state
    writer.put([], [], [finding.to_row()])
    writer.stop()
    assert writer.written == 30 and writer.pending() == 0

    again, later = Recorder(), Telemetry()
    writer = ShowWriter("一号直播间", again.on_history, again.on_problem, lambda: Storage(db_url), flush_s=0.1)
    writer.start()
    wait_until(lambda: again.history, 20)
    show2, resumed, rows, markers = again.history[0]
    assert resumed and show2.id == show.id
    assert len(rows) == 30 and rows[0]["bitrate_kbps"] == 2500 and rows[0]["viewers"] is None
    assert rows[0]["cpu_cores"] == "10.0,20.0"
    assert [(m["kind"], m["detail"]) for m in markers] == [("scene", "抽奖环节")]
    stored = [Finding.from_row(row, later.wall_offset) for row in again.findings[0]]
    assert [(f.id, f.severity, f.peak, f.active) for f in stored] == [("render_lag", "warning", "critical", False)]
    assert "missed 9.0 %" in stored[0].message and stored[0].remedies == finding.remedies
    later.load_history(rows, markers)
    assert len(later.ring) == 30 and later.markers[0].text == "抽奖环节"
    writer.stop(end_show=True)

    third = Recorder()
    writer = ShowWriter("一号直播间", third.on_history, third.on_problem, lambda: Storage(db_url), flush_s=0.1)
    writer.start()
    wait_until(lambda: third.history, 20)
    assert not third.history[0][1] and third.history[0][0].id != show.id, "an ended show is not resumed"
    writer.stop()


def test_an_old_show_is_not_resumed(tmp_path: Path) -> None:
    recorder = Recorder()
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    writer = ShowWriter("r", recorder.on_history, recorder.on_problem, lambda: Storage(url), resume_within_s=0.0)
    writer.start()
    wait_until(lambda: recorder.history, 20)
    writer.stop()
    writer = ShowWriter("r", recorder.on_history, recorder.on_problem, lambda: Storage(url), resume_within_s=0.0)
    writer.start()
    wait_until(lambda: len(recorder.history) == 2, 20)
    writer.stop()
    assert recorder.history[1][1] is False and recorder.history[1][0].id != recorder.history[0][0].id


def test_a_full_disk_keeps_rows_in_memory_and_writes_them_when_space_returns(small_disk: Path) -> None:
    recorder = Recorder()
    telemetry = Telemetry()
    url = f"sqlite:///{Path(small_disk) / 'onair.db'}"
    writer = ShowWriter("一号直播间", recorder.on_history, recorder.on_problem, lambda: Storage(url), flush_s=0.05)
    writer.start()
    wait_until(lambda: recorder.history, 20)
    fill_disk(small_disk)
    for minute in range(4):
        a_show(telemetry, 1000.0 + minute * 60, 60)
        writer.put(*telemetry.take_unsaved())
    wait_until(lambda: recorder.problems and recorder.problems[-1], 20)
    assert "full" in str(recorder.problems[-1]), recorder.problems
    assert writer.pending() > 0
    (Path(small_disk) / "filler").unlink()
    wait_until(lambda: writer.pending() == 0, 20)
    # Said once the rows are in: the writer reports the recovery just after its last write.
    wait_until(lambda: recorder.problems[-1] is None, 10, message="recovery is reported too")
    writer.stop()
    stored = Storage(url)
    assert len(stored.show_samples(recorder.history[0][0].id)) == 240
    stored.close()


class FlakyStorage(Storage):
    """Real SQLite whose first write of telemetry fails with an error nobody planned for (as Alembic's
    KeyError: 'script' once did): the writer must survive it, say so, and lose no row."""

    failures = 1

    def add_telemetry(self, *args: Any, **kwargs: Any) -> None:
        if FlakyStorage.failures:
            FlakyStorage.failures -= 1
            raise KeyError("script")
        super().add_telemetry(*args, **kwargs)


@pytest.mark.parametrize(
    ("first", "kept", "chinese_kept"),
    # 30 seconds and a scene marker (31 rows), or one second alone
    [
        (30, "31 rows are kept in memory", "31 行数据暂存在内存中"),
        (1, "1 row is kept in memory", "1 行数据暂存在内存中"),
    ],
)
def test_an_unexpected_writer_error_restarts_the_writer_and_keeps_every_row(
    tmp_path: Path, first: int, kept: str, chinese_kept: str
) -> None:
    from obs.errors import Explained
    from tests.language import chinese

    recorder = Recorder()
    telemetry = Telemetry()
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    FlakyStorage.failures = 1
    writer = ShowWriter("一号直播间", recorder.on_history, recorder.on_problem, lambda: FlakyStorage(url), flush_s=0.05)
    writer.start()
    wait_until(lambda: recorder.history, 20)
    if first == 1:
        telemetry.record(make_sample(1000.0, {"bitrate_kbps": 2500, "viewers": None}, (10.0, 20.0)))
    else:
        a_show(telemetry, 1000.0, first)
    writer.put(*telemetry.take_unsaved())
    wait_until(lambda: any(isinstance(p, Explained) for p in recorder.problems), 20)
    restart = next(p for p in recorder.problems if isinstance(p, Explained))
    assert "KeyError" in str(restart) and "restarted" in str(restart), restart
    assert str(restart).endswith("was restarted; " + kept), restart
    assert restart.in_language(chinese(), "Telemetry").endswith("已重新启动；" + chinese_kept)
    a_show(telemetry, 1000.0 + first, 30)
    writer.put(*telemetry.take_unsaved())
    wait_until(lambda: writer.pending() == 0 and writer.written == first + 30, 20)
    assert writer.restarts == 1 and recorder.problems[-1] is None, recorder.problems
    writer.stop()
    assert not writer._thread.is_alive()
    stored = Storage(url)
    assert len(recorder.history) == 1, "the restarted writer goes on with its show; the history is not sent twice"
    assert len(stored.show_samples(recorder.history[0][0].id)) == first + 30
    stored.close()


# ---------------------------------------------------------------------- audience
def test_the_demo_audience_reports_live_offline_and_stale() -> None:
    from console.core.telemetry.audience import DemoAudience, SourceStatus

    source = DemoAudience()
    assert source.state().status is SourceStatus.CONNECTING and source.reading() is None
    source.feed("CustomEvent", {"eventData": {"something": "else"}}, 1.0)
    source.feed("InputMuteStateChanged", {"inputName": "麦"}, 1.0)
    assert source.reading() is None, "only the simulator's audience reports count"
    source.feed("CustomEvent", {"eventData": {"onair": "audience", "live": True, "viewers": 1888, "likes": 5}}, 10.0)
    reading = source.reading()
    assert reading is not None and (reading.viewers, reading.likes, reading.interactions) == (1888, 5, None)
    assert source.state(now=11.0).status is SourceStatus.OK
    assert source.state(now=10.0 + source.stale_after_s + 1).status is SourceStatus.STALE
    source.feed("CustomEvent", {"eventData": {"onair": "audience", "live": False, "viewers": None}}, 40.0)
    assert source.state(now=41.0).status is SourceStatus.OFFLINE


def test_the_first_cpu_reading_is_unknown_never_zero_and_the_sampler_publishes_true_figures() -> None:
    """psutil keeps cpu_percent's baseline per thread: taken on the GUI thread, the sampler thread's first
    reading compared "now" with "now" and said 0.0 % on every core after every start."""
    sampler = MachineSampler(interval=0.3)
    first = sampler.sample()
    assert first.cpu_system_pct is None and first.cpu_cores == (), "no baseline yet: unknown"
    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            sum(range(1000))

    spinner = threading.Thread(target=busy, daemon=True)
    spinner.start()
    sampler.start()
    try:
        wait_until(lambda: sampler.latest is not None, 5)
        latest = sampler.latest
        assert latest is not None and latest.cpu_system_pct is not None
        assert max(latest.cpu_cores) > 0.0, f"the first published reading is a true one: {latest.cpu_cores}"
    finally:
        stop.set()
        sampler.stop()


def test_impossible_figures_are_unknown_never_kept_or_plotted() -> None:
    """A hostile or broken OBS or platform: 9.2e18 MB free, -1 viewers, 1.8e19 likes, an infinite bitrate."""
    sample = compose(
        100.0,
        STATE,
        True,
        rates(99.9, disk_free_mb=9.2e18, bitrate_kbps=math.inf, fps=float("nan"), congestion=7.0),
        MACHINE,
        AudienceReading(99.0, viewers=-1, likes=1.8e19, interactions=42),
    )
    values = sample.as_dict()
    for channel in ("disk_free_mb", "bitrate_kbps", "fps", "congestion", "viewers", "likes"):
        assert values[channel] is None, (channel, values[channel])
    assert values["interactions"] == 42 and values["render_ms"] == 4.0, "plausible figures stay"


def test_a_new_show_starts_with_its_first_second_not_when_the_database_let_it_be_written(tmp_path: Path) -> None:
    """review17: a first start migrates the database for seconds while the console already samples; the show's row
    said it started then, 6 s after its first stored second, so the Shows browser gave it a shorter duration than
    the review and the report did (0:02:43 against 0:02:49) and a completeness over 100 %, capped."""
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    opened = threading.Event()
    telemetry = Telemetry()
    a_show(telemetry, time.monotonic() - 20, 20)  # taken while the database was still opening
    first = telemetry.take_unsaved()

    def slow_storage() -> Storage:
        opened.wait(5.0)
        return Storage(url)

    recorder = Recorder()
    writer = ShowWriter("一号直播间", recorder.on_history, recorder.on_problem, slow_storage, flush_s=0.1).start()
    writer.put(*first)
    opened.set()
    wait_until(lambda: writer.written == 20, 20, message="the first seconds written")
    writer.stop(end_show=True)
    storage = Storage(url)
    try:
        show = recorder.history[0][0]
        summary = storage.show_summary(show.id)
        first_t = first[0][0]["t"]
        assert storage.browse_shows(ShowQuery()).shows[0].start.timestamp() == pytest.approx(first_t, abs=0.5)
        assert summary is not None and summary.duration_s is not None
        assert 19 <= summary.duration_s < 30, "the show lasts from its first stored second to its end"
        assert summary.completeness is not None and summary.completeness < 1.0
    finally:
        storage.close()


def test_a_stream_that_never_went_on_air_is_not_a_stream_stopped_and_the_review_counts_no_air_for_it() -> None:
    """walk23b: OBS could not reach the server (STARTING, then STOPPED) and the console stored "stream stopped"; a
    show whose first stream marker is a stop reads as on air from its first second, so the review said 2:27 on air
    for a stream that ran 2:12. A failed start is its own marker; a stop of a stream the console joined stays a stop."""
    from console.core.review.timeline import on_air
    from tests.console.test_review_analysis import T0, make_show

    def state(t: float, name: str) -> ObsEvent:
        return ObsEvent(
            "StreamStateChanged", {"outputActive": name == "STARTED", "outputState": f"OBS_WEBSOCKET_OUTPUT_{name}"}, t
        )

    deriver = MarkerDeriver()
    events = [state(5, "STARTING"), state(5.3, "STOPPED"), state(40, "STARTING"), state(41, "STARTED")]
    events += [state(170, "STOPPING"), state(171, "STOPPED")]
    markers = [m for item in events for m in deriver.markers(item)]
    assert [(m.t, m.kind) for m in markers] == [
        (5.3, "stream_start_failed"),
        (41, "stream_start"),
        (171, "stream_stop"),
    ]
    data = make_show(
        200,
        {"streaming": lambda o: ((o >= 41) & (o < 171)).astype(float)},
        markers=[(m.t, m.kind, m.text) for m in markers],
    )
    (air,) = on_air(data)
    assert (air.start - T0, air.end - T0) == (41, 171), "on air from the stream that started, not the show's start"
    joined = MarkerDeriver()  # a console that joined a running stream sees its stop only
    assert [m.kind for m in joined.markers(state(9, "STOPPING")) + joined.markers(state(10, "STOPPED"))] == [
        "stream_stop"
    ]
