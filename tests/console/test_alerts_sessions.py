"""An episode told to the team follows its room from session to session (console/core/alerts/rules.py): one
session's opening continues what another told, and the "resolved" is the one session's close that carries it; an
episode left open by a session that stopped is resolved once the room's next session has judged the room without
it — never while nobody judges the room, and never lost; what was told survives a restart in its file, and a file
that cannot be read costs no alert. A manual clock, the local webhook server."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from console.core.alerts.rules import GONE_AFTER_S, AlertRouter
from console.core.alerts.sender import Sender
from obs.health import Change, Finding
from obs.vocabulary import Kind
from tests.alert_servers import ChatPlatforms
from tests.console.test_alerts import Studio, closed, dest, finding, studios
from tests.language import chinese

__all__ = ["studios"]  # the fixture, shared with test_alerts.py (the webhook `server` is tests/conftest.py's)

ROOM = "一号直播间"


class Judge:
    """What a room's session says of itself: whether its OBS answers, whether the room is on air."""

    def __init__(self, judging: bool = True, on_air: bool = True) -> None:
        self.judging, self.on_air = judging, on_air

    def __call__(self) -> tuple[bool, bool]:
        return self.judging, self.on_air


def webhook(server: ChatPlatforms) -> list[dict[str, object]]:
    return [r.body for r in server.of("webhook")]


def anew(episode: Finding, later_s: float) -> Finding:
    """The same problem as a new session sees it: its own episode, opened later."""
    return replace(episode, first_seen_wall=episode.first_seen_wall + later_s, last_seen_wall=time.time())


def test_a_problem_that_ended_while_the_room_passed_on_is_resolved_once_the_next_session_has_judged_the_room(
    server: ChatPlatforms, studios: list[Studio]
) -> None:
    studio = Studio(server, [dest("webhook")])
    studios.append(studio)
    router = studio.router
    wall, console = object(), object()
    router.began(ROOM, wall, Judge())
    episode = finding()
    router.on_change(ROOM, Change("opened", episode), on_air=True, source=wall)
    studio.settle()
    router.ended(ROOM, wall)  # the wall hands the room to the console, its problem open
    judge = Judge(judging=False)
    router.began(ROOM, console, judge)  # the console's session has not reached the room's OBS yet
    studio.advance(GONE_AFTER_S * 2)
    assert [b["state"] for b in webhook(server)] == ["opened"], "nothing is said while nobody judges the room"
    judge.judging = True  # its OBS answers; the problem is not seen again
    studio.advance(1.0)
    studio.advance(GONE_AFTER_S - 2.0)
    assert [b["state"] for b in webhook(server)] == ["opened"], "a new session has time to see the problem again"
    studio.advance(2.0)
    opened, resolved = webhook(server)
    assert resolved["state"] == "resolved" and resolved["episode"] == opened["episode"]
    assert str(resolved["message"]).startswith("Over by ") and "when it ended in between is not known" in str(
        resolved["message"]
    )
    studio.advance(GONE_AFTER_S * 2)
    assert len(webhook(server)) == 2, "resolved once"


def test_a_session_that_sees_the_problem_again_continues_it_and_its_close_is_the_one_resolved(
    server: ChatPlatforms, studios: list[Studio]
) -> None:
    studio = Studio(server, [dest("webhook")])
    studios.append(studio)
    router = studio.router
    wall, console = object(), object()
    episode = finding(wall=time.time() - 60.0)
    router.began(ROOM, wall, Judge())
    router.on_change(ROOM, Change("opened", episode), on_air=True, source=wall)
    router.began(ROOM, console, Judge())  # the console takes the room before the wall's session has stopped
    again = anew(episode, 50.0)
    router.on_change(ROOM, Change("opened", again), on_air=True, source=console)
    router.ended(ROOM, wall)
    router.on_change(ROOM, closed(episode), on_air=True, source=wall)  # a late close of the wall's own episode
    studio.advance(GONE_AFTER_S * 2)
    assert [b["state"] for b in webhook(server)] == ["opened"], "still open where the room is watched now"
    router.on_change(ROOM, closed(again, 30.0), on_air=True, source=console)
    studio.settle()
    opened, resolved = webhook(server)
    assert resolved["state"] == "resolved" and resolved["episode"] == opened["episode"]
    assert "after 1 min 20 s" in str(resolved["message"]), "how long since the team was told, not since the click"


def test_stream_did_not_resume_is_not_called_over_while_the_room_is_off_air(
    server: ChatPlatforms, studios: list[Studio]
) -> None:
    """A new session cannot know the room was on air when its OBS was lost: only the stream back says it is over."""
    studio = Studio(server, [dest("webhook")])
    studios.append(studio)
    router = studio.router
    old, new = object(), object()
    router.began(ROOM, old, Judge())
    router.on_change(ROOM, Change("opened", finding(finding_id=Kind.STREAM_NOT_RESUMED)), on_air=False, source=old)
    router.ended(ROOM, old)
    judge = Judge(on_air=False)
    router.began(ROOM, new, judge)
    studio.advance(GONE_AFTER_S * 2)
    assert [b["state"] for b in webhook(server)] == ["opened"]
    judge.on_air = True
    studio.advance(1.0)
    studio.advance(GONE_AFTER_S)
    assert [b["state"] for b in webhook(server)] == ["opened", "resolved"]


def test_what_was_told_survives_a_restart_and_an_unreadable_file_costs_no_alert(
    server: ChatPlatforms, studios: list[Studio], tmp_path: Path
) -> None:
    told = tmp_path / "alerts-told.json"
    zh = chinese()
    first = Studio(server, [dest("webhook")], translate=zh, language="zh_CN")
    first.router.close()
    first.router = AlertRouter(
        first.router.config, first.credentials.get, zh, first.clock, Sender(answer_timeout_s=1.0), told
    )
    episode = finding()
    first.router.on_change(ROOM, Change("opened", episode), on_air=True, source="console")
    first.settle()
    first.router.close()  # the console quits mid-episode
    assert told.exists()

    again = Studio(server, [dest("webhook")], translate=zh, language="zh_CN")
    studios.append(again)
    again.router.close()
    again.router = AlertRouter(
        again.router.config, again.credentials.get, zh, again.clock, Sender(answer_timeout_s=1.0), told
    )
    judge = Judge(judging=True)
    again.router.began(ROOM, "console again", judge)
    again.advance(1.0)
    again.advance(GONE_AFTER_S)
    opened, resolved = webhook(server)
    assert resolved["episode"] == opened["episode"]
    assert str(resolved["headline"]) == f"[{ROOM}] 已恢复：推流重连"
    assert "其间何时结束未知" in str(resolved["message"]), resolved["message"]

    told.write_text("{not json", encoding="utf-8")  # a file cut short: started afresh, the next problem is told
    third = Studio(server, [dest("webhook")])
    studios.append(third)
    third.router.close()
    third.router = AlertRouter(
        third.router.config, third.credentials.get, zh, third.clock, Sender(answer_timeout_s=1.0), told
    )
    third.router.on_change(ROOM, Change("opened", finding()), on_air=True, source="console")
    third.settle()
    assert [b["state"] for b in webhook(server)] == ["opened", "resolved", "opened"]
