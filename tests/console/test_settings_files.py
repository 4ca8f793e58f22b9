"""settings.ini as a hostile file: each value checked where it is read, the file set aside, the good values kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.settings import KEYS, Settings


def write(folder: Path, text: str) -> Path:
    path = folder / "settings.ini"
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("text", "key", "expected", "words"),
    [
        ("[meta]\nversion=abc\n", "meta/version", None, "is not a whole number"),
        ("[obs]\nconnect_timeout=inf\n", "obs/connect_timeout", 5.0, "is not a number from 0.5 to 120"),
        ("[obs]\nconnect_timeout=nan\n", "obs/connect_timeout", 5.0, "is not a number from 0.5 to 120"),
        ("[obs]\nrequest_timeout=-1\n", "obs/request_timeout", 5.0, "is not a number from 0.5 to 300"),
        ("[obs]\npoll_interval=1e400\n", "obs/poll_interval", 1.0, "is not a number from 0.2 to 60"),
        ("[obs]\nconnect_timeout=1, 2\n", "obs/connect_timeout", 5.0, "is not a number"),
        ("[health]\nsound=maybe\n", "health/sound", False, "is not true or false"),
        ("[ui]\nlanguage=klingon\n", "ui/language", "", "is not one of"),
        ("[checklists]\nactive_run=-5\n", "checklists/active_run", 0, "is not a whole number"),
    ],
)
def test_a_bad_value_is_named_with_its_file_and_the_default_used(
    tmp_path: Path, text: str, key: str, expected: object, words: str
) -> None:
    original = text + "[checklists]\noperator=小李\n" if "checklists" not in text else text
    path = write(tmp_path, original)
    settings = Settings(tmp_path)  # never raises: a start is never stopped by a setting
    if expected is not None:
        assert settings.get(key) == expected
    [problem] = settings.problems
    [kept] = tmp_path.glob("settings.ini.broken-*")
    assert f"In {path}, {key} = " in str(problem) and words in str(problem) and str(kept) in str(problem)
    assert kept.read_bytes() == original.encode("utf-8"), "the file as it was is kept next to itself"
    if "checklists" not in text:
        assert settings.get("checklists/operator") == "小李", "the good values are kept"
    del settings
    again = Settings(tmp_path)
    assert again.problems == [], "the file written back holds only good values"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x00\x01\xff[[[[\n", "not UTF-8 text"),
        (b"my notes about the show\n", "line 1 is neither"),
        (b"[obs\nconnect_timeout=3\n", "line 1 is neither"),
        (b"[obs]\n" + b"x" * (300 * 1024) + b"=1\n", "larger than 256 KB"),
    ],
)
def test_a_file_that_is_not_settings_is_set_aside_not_overwritten(tmp_path: Path, content: bytes, words: str) -> None:
    (tmp_path / "settings.ini").write_bytes(content)
    settings = Settings(tmp_path)
    [problem] = settings.problems
    [kept] = tmp_path.glob("settings.ini.broken-*")
    assert kept.read_bytes() == content and words in str(problem) and str(kept) in str(problem)
    assert settings.get("obs/connect_timeout") == KEYS["obs/connect_timeout"].default


def test_good_values_and_a_newer_consoles_keys_are_read_without_a_word(tmp_path: Path) -> None:
    write(tmp_path, "[meta]\nversion=1\n[obs]\nconnect_timeout=2.5\n[future]\nfeature=on\n")
    settings = Settings(tmp_path)
    assert settings.problems == [] and settings.get("obs/connect_timeout") == 2.5
    assert not list(tmp_path.glob("settings.ini.broken-*"))


def test_settings_not_kept_are_read_back_and_leave_the_files_as_they_were(tmp_path: Path) -> None:
    """A picture's run (--screenshot) sets its workspace and saves its layout like any run: read back in that run (its
    layout resets to the workspace asked for), never written over the user's files — a bad value's file included,
    which is not set aside either."""
    from PySide6.QtCore import QByteArray

    write(tmp_path, "[ui]\nworkspace=Streamer\n[obs]\nconnect_timeout=inf\n")
    Settings(tmp_path).set_ui_values({"window/place": "10,40,1200,700"})  # sets the bad file aside: a good one now
    write(tmp_path, "[ui]\nworkspace=Streamer\n[obs]\nconnect_timeout=inf\n")
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    picture = Settings(tmp_path, keep=False)
    assert picture.get("ui/workspace") == "Streamer" and picture.get("obs/connect_timeout") == 5.0
    picture.set("ui/workspace", "Technician")
    picture.set_ui_values({"window/place": "0,0,1440,900", "window/state": QByteArray(b"layout")})
    assert picture.get("ui/workspace") == "Technician"
    assert picture.ui_text("window/place") == "0,0,1440,900"
    assert picture.window_state("window/state") == QByteArray(b"layout")
    del picture
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before
    assert Settings(tmp_path).get("ui/workspace") == "Streamer"
