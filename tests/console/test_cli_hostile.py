"""The command line and the reports under hostile input and faults (cli15): the demo room's rehearsals left out of
a team's reports and said, a show recorded now not called resumable, a database that is down said once by its
cause, a reader that leaves the pipe, an import whose rows do not fit the header. Real SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from console.core.storage import Storage
from tests.console.test_review_export import ROOM, T0
from tests.console.test_review_export_cli import second_show


def test_a_period_report_leaves_the_demo_rooms_rehearsals_out_and_says_so(onair: Any, storage: Storage) -> None:
    real = second_show(storage, ROOM, 1, "阿强")
    demo = [second_show(storage, "demo", hours, "演示") for hours in (2, 3)]
    day = T0.astimezone().date()
    span = ("--from", day.isoformat(), "--to", day.isoformat(), "--database", storage.url)
    done = onair("report", *span, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    counted = [i for p in report["periods"] for i in p["show_ids"]]
    assert counted == [real] and report["demo_shows_left_out"] == 2
    text = onair("report", *span, "--lang", "en").stdout
    assert "Left out: 2 shows of the demo room (rehearsals on the simulator); --include-demo counts them." in text
    assert "demo room" not in text.split("Left out")[0], "no row of the demo room"
    chinese = onair("report", *span, "--lang", "zh_CN").stdout
    assert "未计入：演示直播间的 2 场（模拟器上的彩排）；加 --include-demo 可计入。" in chinese, chinese
    asked = json.loads(onair("report", *span, "--json", "--include-demo").stdout)
    assert sorted(i for p in asked["periods"] for i in p["show_ids"]) == sorted([real, *demo])
    assert asked["demo_shows_left_out"] == 0
    own = json.loads(onair("report", *span, "--room", "demo", "--json").stdout)
    assert sorted(i for p in own["periods"] for i in p["show_ids"]) == sorted(demo), "the demo room's own report"
    shows = onair("shows", "--database", storage.url, "--lang", "en")
    assert [line.split()[0] for line in shows.stdout.splitlines()[1:2]] == [str(real)]
    assert "Shows of the demo room left out (rehearsals on the simulator): 2." in shows.stdout
    listed = json.loads(onair("shows", "--database", storage.url, "--json", "--include-demo").stdout)
    assert sorted(s["id"] for s in listed) == sorted([real, *demo])
    # Another room's list could hold no rehearsal: it says none were left out (review: it said 2).
    other = onair("shows", "--database", storage.url, "--lang", "en", "--room", "二号直播间")
    assert other.returncode == 0 and "demo room left out" not in other.stdout, other.stdout


def test_only_rehearsals_in_the_range_refuses_with_the_count(onair: Any, tmp_path: Path) -> None:
    storage = Storage(f"sqlite:///{tmp_path / 'onair.db'}")
    storage.migrate()
    second_show(storage, "demo", 1, "演示")
    day = T0.astimezone().date().isoformat()
    done = onair("report", "--from", day, "--to", day, "--database", storage.url, "--lang", "en")
    assert done.returncode == 2
    assert "; 1 show of the demo room was left out (--include-demo reports it)" in done.stderr
    chinese = onair("report", "--from", day, "--to", day, "--database", storage.url, "--lang", "zh_CN")
    assert "；已排除演示直播间的 1 场（加 --include-demo 可计入）" in chinese.stderr, chinese.stderr
    second_show(storage, "demo", 2, "演示")
    two = onair("report", "--from", day, "--to", day, "--database", storage.url, "--lang", "en")
    assert "; 2 shows of the demo room were left out (--include-demo reports them)" in two.stderr, two.stderr


def test_one_rehearsal_left_out_of_a_period_report_is_said_in_the_singular(onair: Any, storage: Storage) -> None:
    """ "Left out: 1 show(s) of the demo room": one show, in English's singular; Chinese counts 1 场."""
    second_show(storage, ROOM, 1, "阿强")
    second_show(storage, "demo", 2, "演示")
    day = T0.astimezone().date().isoformat()
    span = ("--from", day, "--to", day, "--database", storage.url)
    text = onair("report", *span, "--lang", "en").stdout
    assert "Left out: 1 show of the demo room (a rehearsal on the simulator); --include-demo counts it." in text, text
    chinese = onair("report", *span, "--lang", "zh_CN").stdout
    assert "未计入：演示直播间的 1 场（模拟器上的彩排）；加 --include-demo 可计入。" in chinese, chinese


def recorded_now(storage: Storage, streaming: float, recording: float) -> int:
    """A show whose console stores a second now: the newest one 2 s old."""
    now = time.time()
    show, _ = storage.open_show(ROOM, T0.fromtimestamp(now - 60, T0.tzinfo), 0)
    rows = [{"t": now - 60 + s, "streaming": streaming, "recording": recording} for s in range(59)]
    storage.add_telemetry(show.id, rows, [])
    return show.id


def test_a_show_recording_now_but_not_streaming_is_not_called_resumable(onair: Any, tmp_path: Path) -> None:
    storage = Storage(f"sqlite:///{tmp_path / 'onair.db'}")
    storage.migrate()
    show = recorded_now(storage, streaming=0.0, recording=1.0)
    for language, recording, resume in (("en", "◉ recording now, not on air", "resume"), ("zh_CN", "录制中", "续播")):
        done = onair("shows", "--database", storage.url, "--lang", language)
        assert done.returncode == 0, done.stderr
        row = done.stdout.splitlines()[1]
        assert row.split()[0] == str(show) and "◉" in row and "…" not in row, done.stdout
        assert recording in done.stdout and resume not in done.stdout, done.stdout
    listed = json.loads(onair("shows", "--database", storage.url, "--json").stdout)
    assert listed[0]["recording_now"] is True and listed[0]["on_air_now"] is False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_database_that_is_down_is_said_once_by_its_cause(onair: Any) -> None:
    url = f"postgresql+psycopg://onair@127.0.0.1:{free_port()}/onair"
    for args in (
        ("shows",),
        ("report", "--show", "1"),
        ("show-meta", "--show", "1"),
        ("lottery", "export", "x.json", "--show", "1"),
    ):
        english = onair(*args, "--database", url, "--lang", "en")
        assert english.returncode == 1, english.stderr
        lines = english.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in english.stderr, english.stderr
        assert "refused the connection: is PostgreSQL running there, on that port?" in lines[0], lines
        chinese = onair(*args, "--database", url, "--lang", "zh_CN")
        assert chinese.returncode == 1 and "拒绝了连接" in chinese.stderr and "refused" not in chinese.stderr


def test_a_read_only_disk_is_said_as_read_only(onair: Any, small_disk: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{Path(small_disk) / 'onair.db'}"
    storage = Storage(url)
    storage.migrate()
    show = second_show(storage, ROOM, 1, "阿强")
    storage.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        done = onair("show-meta", "--show", str(show), "--title", "新标题", "--database", url, "--lang", "en")
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "read-only" in done.stderr and "readonly database" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("shows", "--include-demo"),
        ("analyze-log", "tests/obs/logs/win10-1909-obs26-vm.txt"),
        ("report", "--show", "1", "--json"),
    ],
)
def test_a_reader_that_leaves_the_pipe_ends_the_command_quietly(args: tuple[str, ...], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    storage = Storage(url)
    storage.migrate()
    second_show(storage, ROOM, 1, "阿强")
    storage.close()
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| head -1` that has already left
    try:
        done = subprocess.run(
            [sys.executable, "-m", "console", *args, "--database", url]
            if args[0] != "analyze-log"
            else [sys.executable, "-m", "console", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            cwd=Path(__file__).parents[2],
            env={**os.environ, "ONAIR_DATA_DIR": str(tmp_path)},
        )
    finally:
        os.close(write_end)
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_rows_that_do_not_fit_the_header_are_counted_and_named(onair: Any, tmp_path: Path) -> None:
    storage = Storage(f"sqlite:///{tmp_path / 'onair.db'}")
    storage.migrate()
    show = second_show(storage, ROOM, 0, "阿强")
    began = T0
    lines = ["时间,在线人数,点赞数"]
    for minute in range(3):
        lines.append(f"{(began + timedelta(minutes=minute)).astimezone():%Y-%m-%d %H:%M},{100 + minute},{minute}")
    lines[2] += ",多出来,的格"  # row 3: five cells under a header of three
    lines[3] = lines[3].rsplit(",", 1)[0]  # row 4: two cells
    path = tmp_path / "minutes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = onair("import-audience", "--show", str(show), str(path), "--database", storage.url, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Rows whose number of cells is not the header's 3: 2 — row (cells): 3 (5), 4 (2)." in done.stdout
    chinese = onair("import-audience", "--show", str(show), str(path), "--database", storage.url, "--lang", "zh_CN")
    assert "3 (5), 4 (2)" in chinese.stdout and "Rows whose" not in chinese.stdout, chinese.stdout
