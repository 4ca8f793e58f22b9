"""alerts.json changed while the room is live (edited, or saved by the settings dialog): the router takes the new
destinations without losing what is under way — an episode announced before still gets its "resolved", a
removed destination hears nothing more, a new one starts afresh — and the file is written whole or not at all."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from console.core.alerts import config as alert_config
from console.core.alerts.config import AlertConfig, AlertConfigError, Destination
from console.core.alerts.sender import Sender
from obs.health import Change
from tests.alert_servers import ChatPlatforms
from tests.console.test_alerts import Studio, closed, finding


def test_an_announced_episode_is_resolved_after_a_reload_and_a_removed_destination_hears_nothing(
    server: ChatPlatforms,
) -> None:
    wall = Destination("wall", "webhook", min_severity="warning")
    ops = Destination("ops", "slack", min_severity="warning")
    studio = Studio(server, [wall, ops])
    try:
        episode = finding("critical")
        studio.router.on_change("Room A", Change("opened", episode), on_air=True)
        studio.settle()
        assert len(server.of("webhook")) == 1 and len(server.of("slack")) == 1
        # The dialog saves: "wall" now hears only critical alerts of Room A, "ops" is removed, "new" is added.
        studio.credentials["new"] = studio.credentials["wall"]
        studio.router.reconfigure(
            AlertConfig(
                (
                    Destination("wall", "webhook", rooms=("Room A",), min_severity="critical"),
                    Destination("new", "webhook", min_severity="warning"),
                ),
                "en",
            )
        )
        studio.router.on_change("Room A", closed(episode), on_air=True)
        studio.settle()
        received = [(r.body["state"], r.body["episode"]) for r in server.of("webhook")]
        assert received == [("opened", episode.key), ("resolved", episode.key)], (
            "the episode told before the reload is resolved; the new destination never heard of it"
        )
        assert len(server.of("slack")) == 1, "the removed destination hears nothing more"
    finally:
        studio.router.close()


def test_saved_alerts_json_reads_back_and_a_failed_save_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "alerts.json"
    config = AlertConfig((Destination("技术群", "dingtalk", ("一号直播间",), "warning", True),), "zh_CN")
    alert_config.save(path, config)
    assert alert_config.load(path) == config
    assert json.loads(path.read_text(encoding="utf-8"))["destinations"][0]["name"] == "技术群"
    with pytest.raises(AlertConfigError):  # what cannot be read back is not written
        alert_config.save(path, AlertConfig((Destination("x", "icq"),)))
    if os.geteuid() != 0:  # root writes anywhere
        tmp_path.chmod(0o500)
        try:
            with pytest.raises(AlertConfigError) as error:
                alert_config.save(path, AlertConfig())
            assert "could not be saved" in str(error.value)
        finally:
            tmp_path.chmod(0o700)
    assert alert_config.load(path) == config


def test_closing_while_a_webhook_hangs_drops_what_waits_and_ends_the_thread(server: ChatPlatforms) -> None:
    """A console closing while a webhook hangs with alerts queued behind it: the one in flight ends with its own
    timeout, those waiting are dropped (counted), and no thread is left — the exit does not wait for every one."""
    server.mode["webhook"] = "hold"
    studio = Studio(server, [Destination("wall", "webhook", min_severity="info")], sender=Sender(answer_timeout_s=1.0))
    for n in range(6):
        studio.router.on_change(f"Room {n}", Change("opened", finding()), on_air=True)
    assert server.held.wait(10)
    studio.router.sender.close(grace_s=0.0)
    assert not studio.router.sender.alive
    assert len(server.of("webhook")) == 1, "only the alert in flight reached the platform"
    assert studio.router.lost() == 5
