"""`onair monitor` deletes comments older than the retention period when it starts and once a day, as the console
does: in-process on SQLite with a manual clock (a day passes in a moment), and the command itself with the
console's setting (settings.ini chat/retention_days) or --retention-days."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.core.chat.events import ChatEvent, ChatKind
from console.core.chat.room import comment_row
from console.core.storage import Storage
from console.core.telemetry.monitor import RETENTION_EVERY_S, CommentRetention, Monitor
from obs.clock import ManualClock
from tests.conftest import PASSWORD, wait_until

DAY = 86_400.0


def stored(url: str, ages_days: tuple[float, ...]) -> int:
    """A show with one comment of each age (days before now); its id."""
    storage = Storage(url)
    storage.migrate()
    try:
        show, _ = storage.open_show("直播间", datetime.now(UTC), 60)
        now = time.time()
        events = [
            ChatEvent("twitch", "tw", ChatKind.COMMENT, f"u{n}", f"观众{n}", f"第{n}条", wall=now - age * DAY,
                      message_id=f"m{n}")
            for n, age in enumerate(ages_days)
        ]  # fmt: skip
        storage.add_comments(show.id, [comment_row(event, 0.0) for event in events])
        return show.id
    finally:
        storage.close()


def left(url: str, show_id: int) -> list[str]:
    storage = Storage(url)
    try:
        return [row["message_id"] for row in storage.show_comments(show_id)]
    finally:
        storage.close()


def dead_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_monitor_deletes_old_comments_at_start_and_again_a_day_later(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    show = stored(url, (40.0, 29.5, 0.0))
    clock = ManualClock()
    retention = CommentRetention(30, url)
    with Monitor("127.0.0.1", dead_port(), PASSWORD, connect_timeout=0.5, clock=clock, retention=retention) as monitor:
        wait_until(lambda: len(retention.passes) == 1, 10.0)
        assert retention.passes == [1] and left(url, show) == ["m1", "m2"]
        clock.advance(3600.0)
        monitor.sample()  # an hour on: not due
        assert len(retention.passes) == 1
        clock.advance(RETENTION_EVERY_S - 3600.0)
        monitor.sample()  # a day after the first pass: the 29.5-day-old comment is now 30.5 days old
        wait_until(lambda: len(retention.passes) == 2, 10.0)
    assert retention.passes == [1, 1] and left(url, show) == ["m2"]


def test_zero_keeps_every_comment_and_a_database_that_cannot_open_is_said_not_raised(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    show = stored(url, (400.0,))
    keep = CommentRetention(0, url)
    assert not keep.tick(0.0, time.time()) and left(url, show) == ["m0"]
    broken = CommentRetention(30, f"sqlite:///{tmp_path / 'missing' / 'dir' / 'x.db'}")
    assert broken.tick(0.0, time.time())
    broken.join(10.0)
    assert broken.passes == [] and broken.problem


def test_onair_monitor_uses_the_consoles_setting_or_the_flag(
    tmp_path: Path, onair: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    show = stored(url, (20.0, 8.0, 1.0))
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.ini").write_text("[General]\nversion=1\n\n[chat]\nretention_days=10\n", encoding="utf-8")
    args = ["--url", f"ws://127.0.0.1:{dead_port()}", "--json", "--duration", "0.5", "--timeout", "0.5"]
    env: dict[str, str | None] = {"ONAIR_CONFIG_DIR": str(config), "ONAIR_TEST_PW": PASSWORD}
    result = onair("monitor", *args, "--database", url, env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr  # no OBS: said, as before
    assert left(url, show) == ["m1", "m2"], "the console's setting: 10 days"
    onair("monitor", *args, "--database", url, "--retention-days", "5", env=env)
    assert left(url, show) == ["m2"]
    refused = onair("monitor", *args, "--database", url, "--retention-days", "-1", env=env)
    assert refused.returncode == 2 and "--retention-days must be 0 (keep) or more" in refused.stderr


def test_onair_monitor_makes_no_database_to_delete_from_and_says_one_it_cannot_open(
    tmp_path: Path, onair: Callable[..., subprocess.CompletedProcess[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("ONAIR_DATA_DIR", str(data))
    args = ["--url", f"ws://127.0.0.1:{dead_port()}", "--json", "--duration", "0.5", "--timeout", "0.5"]
    env: dict[str, str | None] = {"ONAIR_CONFIG_DIR": str(tmp_path), "ONAIR_DATABASE_URL": None}
    result = onair("monitor", *args, env=env)
    assert result.returncode == 2 and list(data.iterdir()) == [], "a monitor stores nothing: no database made"
    broken = f"sqlite:///{tmp_path / 'no' / 'such' / 'folder' / 'onair.db'}"
    result = onair("monitor", *args, "--database", broken, "--lang", "zh_CN", env=env)
    assert "onair: 无法删除旧评论：" in result.stderr and "Traceback" not in result.stderr
