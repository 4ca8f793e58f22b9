"""Rooms and their passwords: saved atomically, never in a file, broken files kept and reported."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from console.core.rooms import Room, RoomStore, RoomStoreError, Secrets, SecretsUnavailable
from tests.conftest import fill_disk
from tests.keyring_memory import MemoryKeyring


def test_rooms_round_trip_in_order_with_the_last_one(tmp_path: Path) -> None:
    store = RoomStore(tmp_path / "rooms.json")
    store.put(Room("一号直播间", "192.168.1.20", 4455))
    store.put(Room("Studio B", "studio-b.local", 4460))
    store.set_last("Studio B")
    again = RoomStore(tmp_path / "rooms.json")
    assert [r.name for r in again.rooms()] == ["一号直播间", "Studio B"]
    assert again.last == "Studio B" and again.get("Studio B").port == 4460  # type: ignore[union-attr]
    again.put(Room("Studio C", "studio-b.local", 4460), replacing="Studio B")
    assert [r.name for r in again.rooms()] == ["一号直播间", "Studio C"] and again.last == "Studio C"
    again.remove("Studio C")
    assert RoomStore(tmp_path / "rooms.json").last is None


@pytest.mark.parametrize(
    ("room", "words"), [(Room("", "h"), "name"), (Room("a", "my host"), "spaces"), (Room("a", "h", 70000), "65535")]
)
def test_bad_fields_are_explained(tmp_path: Path, room: Room, words: str) -> None:
    with pytest.raises(RoomStoreError, match=words):
        RoomStore(tmp_path / "rooms.json").put(room)


def test_duplicate_names_are_refused(tmp_path: Path) -> None:
    store = RoomStore(tmp_path / "rooms.json")
    store.put(Room("A", "h1"))
    store.put(Room("B", "h2"))
    with pytest.raises(RoomStoreError, match="exists already"):
        store.put(Room("A", "h3"), replacing="B")


def test_a_broken_file_is_kept_aside_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "rooms.json"
    path.write_text('{"rooms": [{"name": "A", "host": ', encoding="utf-8")
    store = RoomStore(path)
    assert store.rooms() == [] and store.load_problem is not None
    kept = list(tmp_path.glob("rooms.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8").startswith('{"rooms"')
    assert str(kept[0]) in str(store.load_problem)


def test_a_full_disk_keeps_the_old_file_and_the_old_list(small_disk: Path) -> None:
    path = Path(small_disk) / "rooms.json"
    store = RoomStore(path)
    store.put(Room("A", "h1"))
    fill_disk(small_disk)
    with pytest.raises(RoomStoreError, match=r"could not be saved to .*rooms.json: the disk is full; free some space"):
        store.put(Room("B" * 50, "h2" * 30))
    assert [r.name for r in store.rooms()] == ["A"]
    assert [r["name"] for r in json.loads(path.read_text())["rooms"]] == ["A"]
    assert not list(Path(small_disk).glob(".rooms-*")), "no half-written temporary file is left behind"


def test_passwords_live_in_the_keyring_not_in_the_file(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    store = RoomStore(tmp_path / "rooms.json")
    store.put(Room("A", "h1"))
    secrets = Secrets()
    secrets.set("A", "hunter2-密码")
    assert memory_keyring.store == {("onair-console", "room:A"): "hunter2-密码"}
    assert "hunter2" not in (tmp_path / "rooms.json").read_text(encoding="utf-8")
    assert Secrets().get("A") == "hunter2-密码"
    secrets.rename("A", "B")
    assert Secrets().get("B") == "hunter2-密码" and Secrets().get("A") == ""
    secrets.forget("B")
    assert memory_keyring.store == {}


def test_without_a_keyring_the_password_works_for_the_session_only() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]  # keyring's backend is unannotated
    try:
        secrets = Secrets()
        with pytest.raises(SecretsUnavailable, match="this session only") as raised:
            secrets.set("A", "pw")
        assert "Error" not in str(raised.value), "the keyring's class name is for the log, not the reader"
        assert secrets.get("A") == "pw"
        assert Secrets().get("A") == ""
    finally:
        keyring.set_keyring(previous)


GOOD_ROOM = '{"name": "Studio B", "host": "studio-b.local", "port": 4460}'


@pytest.mark.parametrize(
    ("bad_room", "words"),
    [
        ('{"name": "A", "host": "h", "port": 1e400}', "port must be a number from 1 to 65535"),
        ('{"name": "A", "host": "h", "port": Infinity}', "port must be a number from 1 to 65535"),
        ('{"name": "A", "host": "h", "port": NaN}', "port must be a number from 1 to 65535"),
        ('{"name": "A", "host": "h", "port": 70000}', "port must be a number from 1 to 65535"),
        ('{"name": "A", "host": "h", "port": -1}', "port must be a number from 1 to 65535"),
        ('{"name": "A", "host": "h", "port": true}', "port must be a number from 1 to 65535"),
        ('{"name": "A", "host": ["h"]}', "address"),
        ('{"name": "A", "host": "h", "audience": {"kind": "http", "interval_s": 1e400}}', "audience source"),
        ('{"name": "Studio B", "host": "h"}', "exists already"),
    ],
)
def test_a_room_with_a_bad_value_is_left_out_named_and_the_file_kept(tmp_path: Path, bad_room: str, words: str) -> None:
    path = tmp_path / "rooms.json"
    original = f'{{"version": 1, "last": "Studio B", "rooms": [{GOOD_ROOM}, {bad_room}]}}'
    path.write_text(original, encoding="utf-8")
    store = RoomStore(path)
    assert [r.name for r in store.rooms()] == ["Studio B"] and store.last == "Studio B"
    [problem] = store.load_problems
    kept = list(tmp_path.glob("rooms.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == original, "the file as it was is kept"
    assert f"Room 2 (“{'Studio B' if 'exists' in words else 'A'}”) in {path}" in str(problem)
    assert words in str(problem) and str(kept[0]) in str(problem)
    again = RoomStore(path)
    assert [r.name for r in again.rooms()] == ["Studio B"] and again.load_problems == [], "the good rooms stay"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"rooms": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deep"),
        ('{"rooms": 5}', "no list of rooms"),
        ('"rooms"', "no list of rooms"),
        ('{"rooms": [1,', "not valid JSON: the mistake is at line 1, column 14"),
        ('\ufeff{"rooms": []}'.encode().decode("latin-1"), "not valid JSON: the mistake is at line 1, column 1"),
        ('{"rooms": []}' + " " * (1024 * 1024), "larger than 1 MB"),
    ],
)
def test_an_unreadable_file_is_set_aside_and_reported(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "rooms.json"
    path.write_text(text, encoding="utf-8")
    store = RoomStore(path)
    assert store.rooms() == [] and store.load_problem is not None and words in str(store.load_problem)
    [kept] = tmp_path.glob("rooms.json.broken-*")
    assert kept.read_text(encoding="utf-8") == text and not path.exists()


def test_a_hand_written_bare_list_is_the_rooms_and_is_saved_in_full_form_next_time(tmp_path: Path) -> None:
    """fix26j: a rooms.json holding only the list of rooms (as one writes it by hand from the README) was set aside
    as "holds no list of rooms". It is the rooms: read as they are, nothing set aside, nothing reported; the next
    save writes the full form with the user's rooms kept."""
    path = tmp_path / "rooms.json"
    text = '[{"name": "Room A — Beauty", "host": "192.168.1.20"}, {"name": "二号直播间", "host": "h", "port": 4460}]'
    path.write_text(text, encoding="utf-8")
    store = RoomStore(path)
    assert [(r.name, r.host, r.port) for r in store.rooms()] == [
        ("Room A — Beauty", "192.168.1.20", 4455),
        ("二号直播间", "h", 4460),
    ]
    assert store.load_problems == [] and store.last is None
    assert path.read_text(encoding="utf-8") == text and not list(tmp_path.glob("rooms.json.broken-*"))
    store.set_last("二号直播间")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved == {
        "version": 1,
        "last": "二号直播间",
        "rooms": [
            {"name": "Room A — Beauty", "host": "192.168.1.20", "port": 4455},
            {"name": "二号直播间", "host": "h", "port": 4460},
        ],
    }
    assert [r.name for r in RoomStore(path).rooms()] == ["Room A — Beauty", "二号直播间"]


def test_a_bare_list_with_a_bad_room_keeps_the_good_ones_in_full_form(tmp_path: Path) -> None:
    path = tmp_path / "rooms.json"
    text = f'[{GOOD_ROOM}, 7, {{"name": "C", "host": "h", "port": 0}}]'
    path.write_text(text, encoding="utf-8")
    store = RoomStore(path)
    assert [r.name for r in store.rooms()] == ["Studio B"]
    first, second = (str(p) for p in store.load_problems)
    assert "Room 2 (“?”)" in first and "It is not a room" in first, first
    assert "Room 3 (“C”)" in second and "65535" in second, second
    [kept] = tmp_path.glob("rooms.json.broken-*")
    assert kept.read_text(encoding="utf-8") == text
    assert json.loads(path.read_text(encoding="utf-8"))["rooms"] == [json.loads(GOOD_ROOM)]


def test_setting_aside_twice_in_one_second_keeps_both_files(tmp_path: Path) -> None:
    path = tmp_path / "rooms.json"
    for text in ("{broken one", "{broken two"):
        path.write_text(text, encoding="utf-8")
        RoomStore(path)
    assert sorted(p.read_text(encoding="utf-8") for p in tmp_path.glob("rooms.json.broken-*")) == [
        "{broken one",
        "{broken two",
    ]


def test_onair_check_names_the_broken_rooms_file_on_stderr_in_chinese(
    tmp_path: Path, onair: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    (tmp_path / "rooms.json").write_text('{"rooms": [{"name": "A", "host": "h", "port": 1e400}]}', encoding="utf-8")
    env = {"ONAIR_CONFIG_DIR": str(tmp_path), "ONAIR_DATABASE_URL": f"sqlite:///{tmp_path / 'onair.db'}"}
    result = onair("check", "--room", "A", "--checklist", "streamer-go-live", "--lang", "zh_CN", env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    [kept] = tmp_path.glob("rooms.json.broken-*")
    assert f"{tmp_path / 'rooms.json'} 中的第 1 个直播间（“A”）未载入：" in result.stderr, result.stderr
    assert f"原文件保留为 {kept}" in result.stderr
