"""Shows recorded before a pre-show checklist completed before go-live counted (migration 0019), on real SQLite and
PostgreSQL: a database built at 0018 holding such a show, migrated, says in the review, the Shows browser and
`onair report` that the show went live ready, with who completed the list and when — by the rule the live console
applies (tests/console/test_checklist_completed_go_live.py); a run of the room's previous show, a show that already
has a run at go-live, and a link once made are left as they are."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.core.review.bundle import bundle_show
from console.core.review.shows import Checklist
from console.core.storage import MIGRATIONS, Storage
from tests.console.test_checklist_completed_go_live import completed
from tests.console.test_review_shows import went_live

ROOM = "一号直播间"
#: 07:00 on this computer's clock (the review and the report say times in local time).
LIVE = datetime(2026, 11, 20, 7, 0).astimezone().astimezone(UTC)


def recorded(storage: Storage, room: str, start: datetime, seconds: int, live_at: datetime | None) -> int:
    """A show as the console of that time stored it: opened at `start`, a row a second, on air from `live_at` (its
    `stream_start` marker when the console saw it start, the `streaming` figure from then on), ended cleanly."""
    show, _ = storage.open_show(room, start, 0)
    rows = [
        {"t": start.timestamp() + s, "streaming": 1.0 if live_at and start + timedelta(seconds=s) >= live_at else 0.0}
        for s in range(0, seconds, 10)
    ]
    markers = [{"t": live_at.timestamp(), "kind": "stream_start", "detail": ""}] if live_at else []
    storage.add_telemetry(show.id, rows, markers)
    storage.end_show(show.id, start + timedelta(seconds=seconds))
    return show.id


def alembic(storage: Storage, action: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with storage.engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_an_old_show_whose_checklist_was_completed_before_going_live_says_so_after_the_migration(
    database: str, request: pytest.FixtureRequest, tmp_path: Path, onair: Any
) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}" if database == "sqlite" else request.getfixturevalue("postgres_url")
    storage = Storage(url)
    request.addfinalizer(storage.close)
    alembic(storage, "upgrade", "0018")
    # The room's show before: on air at 06:05, ended at 06:20; a list completed during it (06:10) was never used.
    earlier = recorded(storage, ROOM, LIVE - timedelta(minutes=60), 1200, LIVE - timedelta(minutes=55))
    previous_run = completed(storage, ROOM, LIVE - timedelta(minutes=50), show_id=earlier, person="老张")
    # The show: opened at 06:30, the list completed by 王工 at 06:59 (started with no show known), live at 07:00.
    run_id = completed(storage, ROOM, LIVE - timedelta(minutes=1), show_id=None)
    show = recorded(storage, ROOM, LIVE - timedelta(minutes=30), 3600, LIVE)
    # The next show went live with a list kept open and overridden; a list completed before it stays unlinked.
    later_start = LIVE + timedelta(hours=2)
    unused = completed(storage, ROOM, later_start + timedelta(minutes=5))
    later = recorded(storage, ROOM, later_start, 1800, later_start + timedelta(minutes=10))
    went_live(storage, ROOM, later, override=True)
    # Another room's show went live with no list completed anywhere in that room.
    elsewhere = recorded(storage, "二号直播间", LIVE - timedelta(minutes=30), 3600, LIVE)
    summary = storage.show_summary(show)
    assert summary is not None and summary.checklist is Checklist.NONE, "as the console of that time said it"

    storage.migrate()

    local, went = "06:59", "07:00"
    outcome = bundle_show(storage, show).checklist
    assert outcome.outcome is Checklist.READY and outcome.run is not None and outcome.run.id == run_id
    assert (outcome.completed_by, outcome.override_by, outcome.went_live_at) == ("王工", None, LIVE)
    said = outcome.completed_before()
    assert said is not None and said.explain() == f"completed by 王工 at {local}, before going live at {went}"
    summary = storage.show_summary(show)
    assert summary is not None and summary.checklist is Checklist.READY, "the Shows browser's row says it too"
    report = onair("report", "--show", str(show), "--lang", "en", "--database", url)
    assert report.returncode == 0, report.stderr
    assert (
        f"Pre-show checklist at go-live: ready (completed by 王工 at {local}, before going live at {went})"
        in report.stdout
    ), report.stdout
    chinese = onair("report", "--show", str(show), "--lang", "zh_CN", "--database", url)
    assert f"就绪（王工 于 {local} 完成，在 {went} 开播之前）" in chinese.stdout, chinese.stdout

    # What did not count stays as it was.
    assert bundle_show(storage, earlier).checklist.outcome is Checklist.NONE, (
        "its list was completed after it went live"
    )
    stored = storage.run(previous_run)
    assert stored is not None and stored.show_id == earlier and stored.go_live_at is None
    assert bundle_show(storage, later).checklist.outcome is Checklist.OVERRIDDEN
    stored = storage.run(unused)
    assert stored is not None and stored.show_id is None and stored.go_live_at is None
    assert bundle_show(storage, elsewhere).checklist.outcome is Checklist.NONE

    # Run again (down and up: the links stay), with a newer list completed at 06:59:30 meanwhile: the show keeps
    # the run it was linked to.
    alembic(storage, "downgrade", "0018")
    newer = completed(storage, ROOM, LIVE - timedelta(seconds=30))
    storage.migrate()
    outcome = bundle_show(storage, show).checklist
    assert outcome.run is not None and outcome.run.id == run_id and outcome.went_live_at == LIVE
    stored = storage.run(newer)
    assert stored is not None and stored.show_id is None and stored.go_live_at is None
