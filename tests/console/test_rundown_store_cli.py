"""`onair rundown import` and `onair rundown export`: the room's rundown replaced from a sheet (or nothing changed
and exit 2), scenes checked against the room's OBS (the simulator on a real socket) when it answers, written back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from console.core.rooms import Room, RoomStore
from console.core.rundown.model import Rundown
from console.core.storage import Storage
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "samples" / "rundown"
ZH = SAMPLES / "rundown-zh.xlsx"
EN = SAMPLES / "rundown-en.csv"


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'onair.db'}"


def stored(url: str, room: str = "demo") -> Rundown:
    storage = Storage(url)
    try:
        storage.migrate()
        return storage.rundown(room)
    finally:
        storage.close()


def test_import_the_samples_into_the_demo_room_and_say_what_was_done(url: str, onair: Callable[..., Any]) -> None:
    done = onair("rundown", "import", str(ZH), "--room", "demo", "--by", "小王", "--database", url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "Imported 10 segments into room “demo” from rundown-zh.xlsx (read as XLSX, header on row 2): "
        "54 min 30 s planned."
    )
    assert "Scenes checked against the demo room's." in lines
    assert "Rows skipped (totals): 13." in lines
    first = stored(url)
    assert first.updated_by == "小王" and first.segments[2].product is not None
    assert first.segments[2].product.name == "316不锈钢保温杯 500ml"

    again = onair("rundown", "import", str(EN), "--room", "demo", "--lang", "zh_CN", "--database", url)
    assert again.returncode == 0, again.stderr
    assert "导入 6 个环节" in again.stdout and "已替换" in again.stdout, again.stdout
    assert "计划总时长 30 分 30 秒。" in again.stdout, "the total as a length, in Chinese words"
    assert "with BOM" not in again.stdout and "带 BOM 的 UTF-8" in again.stdout, "the encoding in words, in Chinese"
    assert [s.title for s in stored(url).segments][:2] == ["Warm-up", "Opening: today's deals"]


def test_the_same_sheet_imported_again_keeps_its_segments_identities(
    url: str, onair: Callable[..., Any], tmp_path: Path
) -> None:
    """A console running the room's show follows its segments by identity; the sheet has none, so an import made
    them all new and the console lost the running show's first segment (its ahead/behind) and past lengths. The
    n-th segment of a title keeps the n-th one's identity; a title new to the plan is a new segment."""
    sheet = tmp_path / "plan.csv"
    sheet.write_text("环节,时长,商品,价格\n开场,5分,,\n主推款,10分,精华,199\n主推款,8分,粉底,259\n下播,3分,,\n")
    assert onair("rundown", "import", str(sheet), "--room", "demo", "--database", url).returncode == 0
    first = stored(url)
    sheet.write_text(
        "环节,时长,商品,价格\n开场,5分,,\n主推款,10分,精华,189\n主推款,8分,粉底,259\n抽奖,5分,,\n下播,3分,,\n"
    )
    assert onair("rundown", "import", str(sheet), "--room", "demo", "--database", url).returncode == 0
    again = stored(url).segments
    assert [s.key for s in again if s.title != "抽奖"] == [s.key for s in first.segments]
    assert again[3].title == "抽奖" and again[3].key not in {s.key for s in first.segments}


def test_a_length_imported_mid_show_is_stamped_on_the_show_as_the_dock_stamps_it(
    url: str, onair: Callable[..., Any], tmp_path: Path
) -> None:
    """A planner on another computer cuts the segment on air from 5 to 3 minutes with `onair rundown import` while
    the room's show runs it. The import saved the new plan only: the review measured the segment against 3
    minutes and never said it had been 5 at its Go. Now the change is a LENGTH mark on the show (to what, when, by
    whom), as an edit in the dock stamps it, and the command says it in the reader's language."""
    from datetime import UTC, datetime

    from console.core.rundown.live import GO, LENGTH, Mark
    from console.core.telemetry.writer import RESUME_S

    sheet = tmp_path / "plan.csv"
    sheet.write_text("环节,时长,商品,价格\n开场,5分,,\n主推款,5分,精华,199\n下播,3分,,\n")
    assert onair("rundown", "import", str(sheet), "--room", "demo", "--database", url).returncode == 0
    plan = stored(url)
    storage = Storage(url)
    try:
        show, _ = storage.open_show("demo", datetime.now(UTC), RESUME_S)
        t0 = datetime.now(UTC).timestamp() - 400
        opening, main = plan.segments[0], plan.segments[1]
        storage.add_rundown(
            show.id,
            [
                Mark(0, t0, opening.key, "开场", 300, GO, "场控小王", index=0).as_row(),
                Mark(1, t0 + 300, main.key, "主推款", 300, GO, "场控小王", index=1).as_row(),
            ],
        )
    finally:
        storage.close()

    sheet.write_text("环节,时长,商品,价格\n开场,5分,,\n主推款,3分,精华,199\n下播,3分,,\n")
    before = datetime.now(UTC).timestamp()
    done = onair(
        "rundown", "import", str(sheet), "--room", "demo", "--by", "策划小李", "--lang", "zh_CN", "--database", url
    )
    assert done.returncode == 0, done.stderr
    said = done.stdout.splitlines()[-1]
    assert "“主推款 · 精华 · ¥199”" in said and "5:00" in said and "3:00" in said and "策划小李" in said, said
    assert said.index("5:00") < said.index("3:00"), "from what to what"
    storage = Storage(url)
    try:
        marks = storage.rundown_marks(show.id)
    finally:
        storage.close()
    assert [(m.action, m.key, m.planned_s, m.who) for m in marks] == [
        (GO, opening.key, 300, "场控小王"),
        (GO, main.key, 300, "场控小王"),
        (LENGTH, main.key, 180, "策划小李"),
    ]
    assert before <= marks[-1].t <= datetime.now(UTC).timestamp()

    # The same sheet again changes no length: nothing more is stamped, nothing said.
    again = onair("rundown", "import", str(sheet), "--room", "demo", "--by", "策划小李", "--database", url)
    assert again.returncode == 0 and "on air" not in again.stdout, again.stdout
    storage = Storage(url)
    try:
        assert len(storage.rundown_marks(show.id)) == 3
        storage.end_show(show.id, datetime.now(UTC))
    finally:
        storage.close()
    # A show that has ended runs nothing: a sheet imported after it stamps nothing on it.
    sheet.write_text("环节,时长,商品,价格\n开场,5分,,\n主推款,4分,精华,199\n下播,3分,,\n")
    after = onair("rundown", "import", str(sheet), "--room", "demo", "--database", url)
    assert after.returncode == 0 and "on air" not in after.stdout, after.stdout
    storage = Storage(url)
    try:
        assert len(storage.rundown_marks(show.id)) == 3
    finally:
        storage.close()


def test_a_refused_file_changes_nothing_and_exits_2(url: str, onair: Callable[..., Any], tmp_path: Path) -> None:
    assert onair("rundown", "import", str(ZH), "--room", "demo", "--database", url).returncode == 0
    before = stored(url)
    bad = tmp_path / "bad.csv"
    bad.write_text("环节,时长,画面\n开场,5分,直播中\n讲解,五分钟,直播中\n抽奖,3分,绿幕\n", encoding="utf-8-sig")
    refused = onair("rundown", "import", str(bad), "--room", "demo", "--database", url)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.splitlines() == [
        "onair: bad.csv, row 3, column B (时长): “五分钟” is not a length; write it as 5分, 5分30秒, 1.5小时, 5:00 "
        "(minutes:seconds), 00:05:00 or 5 min",
        "onair: bad.csv, row 4, column C (画面): there is no scene “绿幕” in this room's OBS (its scenes: 商品特写, "
        "暂时离开, 直播中, 等待开始)",
        "onair: Nothing was imported: the room's rundown is unchanged.",
    ]
    zh = onair("rundown", "import", str(bad), "--room", "demo", "--lang", "zh_CN", "--database", url)
    assert zh.returncode == 2 and "第 3 行" in zh.stderr and "B 列" in zh.stderr and "未导入" in zh.stderr, zh.stderr
    assert stored(url) == before


def test_a_saved_rooms_obs_is_asked_for_its_scenes(
    url: str, onair: Callable[..., Any], tmp_path: Path, sim: SimulatorThread
) -> None:
    sim.call(lambda s: s.room.add_scene("绿幕", [], (0, 200, 0)))
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    closed_port = free.getsockname()[1]
    free.close()
    rooms = RoomStore(tmp_path / "rooms.json")
    rooms.put(Room("二号直播间", "127.0.0.1", sim.port))
    rooms.put(Room("三号直播间", "127.0.0.1", closed_port))
    sheet = tmp_path / "plan.csv"
    sheet.write_text("环节,时长,画面\n开场,5分,直播中\n抠像,3分,绿幕\n", encoding="utf-8")
    env = {"ONAIR_CONFIG_DIR": str(tmp_path), "ONAIR_TEST_PW": PASSWORD}
    args = ("--password-env", "ONAIR_TEST_PW", "--database", url)

    done = onair("rundown", "import", str(sheet), "--room", "二号直播间", *args, env=env)
    assert done.returncode == 0, done.stderr
    assert f"Scenes checked against the room's OBS (127.0.0.1:{sim.port})." in done.stdout
    assert stored(url, "二号直播间").segments[1].scene == "绿幕"

    sheet.write_text("环节,时长,画面\n开场,5分,直播中\n抠像,3分,蓝幕\n", encoding="utf-8")
    refused = onair("rundown", "import", str(sheet), "--room", "二号直播间", *args, env=env)
    assert refused.returncode == 2 and "there is no scene “蓝幕”" in refused.stderr and "绿幕" in refused.stderr

    unchecked = onair("rundown", "import", str(sheet), "--room", "三号直播间", "--timeout", "1", *args, env=env)
    assert unchecked.returncode == 0, unchecked.stderr
    # Nothing listens there: said as that (not "did not answer within 1 s"), with one full stop.
    said = f"The scenes were NOT checked against the room's OBS (127.0.0.1:{closed_port}): Nothing is listening on"
    assert said in unchecked.stdout and ".." not in unchecked.stdout and "did not answer" not in unchecked.stdout
    assert stored(url, "三号直播间").segments[1].scene == "蓝幕"

    nowhere = onair("rundown", "import", str(sheet), "--room", "四号直播间", *args, env=env)
    assert (nowhere.returncode, nowhere.stderr.strip()) == (2, "onair: there is no room called “四号直播间”")
    assert stored(url, "四号直播间").segments == ()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_export_writes_what_import_reads_back(
    url: str, onair: Callable[..., Any], tmp_path: Path, language: str
) -> None:
    assert onair("rundown", "import", str(ZH), "--room", "demo", "--database", url).returncode == 0
    plan = stored(url)
    for name in ("out.xlsx", "out.csv"):
        target = tmp_path / name
        done = onair("rundown", "export", "--room", "demo", str(target), "--lang", language, "--database", url)
        assert done.returncode == 0, done.stderr
        assert ("Wrote 10 segments" if language == "en" else "10 个环节") in done.stdout, done.stdout
        assert onair("rundown", "import", str(target), "--room", "demo", "--database", url).returncode == 0
        again = stored(url)
        assert [(s.title, s.planned_s, s.fixed_start, s.scene, s.product, s.talking_points, s.cues, s.colour)
                for s in again.segments] == [
            (s.title, s.planned_s, s.fixed_start, s.scene, s.product, s.talking_points, s.cues, s.colour)
            for s in plan.segments
        ]  # fmt: skip
    header = [cell.value for cell in openpyxl.load_workbook(tmp_path / "out.xlsx").worksheets[0][1]]
    assert header[1] == ("Segment" if language == "en" else "环节")


def test_one_segment_is_said_in_the_singular(url: str, onair: Callable[..., Any], tmp_path: Path) -> None:
    """A plan of one segment is imported, replaced and written as "1 segment", never "1 segments"; Chinese has
    one form."""
    sheet = tmp_path / "one.csv"
    sheet.write_text("环节,时长\n开场,5分\n")
    done = onair("rundown", "import", str(sheet), "--room", "demo", "--lang", "en", "--database", url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("Imported 1 segment into room “demo” from one.csv"), done.stdout
    again = onair("rundown", "import", str(EN), "--room", "demo", "--lang", "en", "--database", url)
    assert again.returncode == 0, again.stderr
    assert "This replaced the room's earlier rundown (1 segment, saved " in again.stdout, again.stdout
    assert onair("rundown", "import", str(sheet), "--room", "demo", "--database", url).returncode == 0
    target = tmp_path / "out.csv"
    written = onair("rundown", "export", "--room", "demo", str(target), "--lang", "en", "--database", url)
    assert written.returncode == 0, written.stderr
    assert written.stdout.startswith("Wrote 1 segment of room “demo” to "), written.stdout

    zh = onair("rundown", "import", str(sheet), "--room", "demo", "--lang", "zh_CN", "--database", url)
    assert zh.returncode == 0, zh.stderr
    assert "导入 1 个环节" in zh.stdout and "原有的直播脚本（1 个环节，" in zh.stdout, zh.stdout
    written = onair("rundown", "export", "--room", "demo", str(target), "--lang", "zh_CN", "--database", url)
    assert "已将直播间“demo”的 1 个环节写入" in written.stdout, written.stdout


def test_export_of_a_room_without_a_rundown(url: str, onair: Callable[..., Any], tmp_path: Path) -> None:
    done = onair("rundown", "export", "--room", "demo", str(tmp_path / "x.csv"), "--database", url)
    assert done.returncode == 2 and "has no rundown to export" in done.stderr
    assert not (tmp_path / "x.csv").exists()


def test_rundown_import_in_a_child_process(url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "console", "rundown", "import", str(EN), "--room", "demo", "--database", url],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Imported 6 segments into room “demo” from rundown-en.csv (read as UTF-8 with BOM" in done.stdout
    assert len(stored(url).segments) == 6


def test_a_broken_rooms_file_is_said_when_a_rundown_is_imported(
    url: str, onair: Callable[..., Any], tmp_path: Path
) -> None:
    """A rooms.json that holds no list of rooms: the import said only "there is no room called …" while the file was
    set aside without a word; it says why the room is missing and where the file went, as every --room command
    does. (A bare list of rooms is the rooms — fix26j: the last step.)"""
    broken = '{"rooms": {"name": "二号直播间", "host": "127.0.0.1", "port": 4455}}'
    (tmp_path / "rooms.json").write_text(broken, "utf-8")
    env = {"ONAIR_CONFIG_DIR": str(tmp_path)}
    first = onair("rundown", "import", str(ZH), "--room", "二号直播间", "--database", url, env=env)
    (aside,) = tmp_path.glob("rooms.json.broken-*")
    assert first.returncode == 2 and first.stderr.splitlines() == [
        f"onair: The saved rooms could not be read (it holds no list of rooms); the file is kept as {aside}.",
        "onair: there is no room called “二号直播间”",
    ], first.stderr
    assert aside.read_text("utf-8") == broken
    zh = onair("rundown", "import", str(ZH), "--room", "二号直播间", "--lang", "zh_CN", "--database", url, env=env)
    assert zh.returncode == 2 and zh.stderr.strip() == "onair: 没有名为“二号直播间”的直播间", zh.stderr
    assert list(tmp_path.glob("rooms.json.broken-*")) == [aside], "the file was set aside once, and said once"
    assert stored(url, "二号直播间").segments == ()
    # In Chinese, the why too (it was English inside the Chinese sentence).
    (tmp_path / "rooms.json").write_text('{"rooms": 5}', "utf-8")
    zh = onair("rundown", "import", str(ZH), "--room", "二号直播间", "--lang", "zh_CN", "--database", url, env=env)
    assert "无法读取已保存的直播间（其中没有直播间列表）" in zh.stderr, zh.stderr
    # A hand-written bare list of rooms is the rooms: the import finds the room and says nothing of the file.
    (tmp_path / "rooms.json").write_text('[{"name": "二号直播间", "host": "127.0.0.1", "port": 4455}]', "utf-8")
    done = onair("rundown", "import", str(ZH), "--room", "二号直播间", "--database", url, env=env)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert len(stored(url, "二号直播间").segments) == 10
