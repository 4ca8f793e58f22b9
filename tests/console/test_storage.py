"""Storage on real SQLite and real PostgreSQL: migrations from empty, runs kept whole, filters, failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from checklists.engine import ChecklistRun
from checklists.loader import load_all
from console.core.storage import Storage, StorageError
from tests.conftest import fill_disk


def a_run(
    template: str = "streamer-go-live",
    room: str = "一号直播间",
    operator: str = "小李",
    started: datetime | None = None,
) -> ChecklistRun:
    return ChecklistRun(load_all()[0][template], operator, room, started)


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_migrating_an_empty_database_twice(database: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    # An empty database of its own (the `storage` fixture's PostgreSQL ones are copies of one migrated database).
    url = f"sqlite:///{tmp_path / 'onair.db'}" if database == "sqlite" else request.getfixturevalue("postgres_url")
    storage = Storage(url)
    request.addfinalizer(storage.close)
    storage.migrate()
    storage.migrate()  # a second time is a no-op
    from sqlalchemy import inspect, text

    tables = set(inspect(storage.engine).get_table_names())
    assert {"checklist_runs", "checklist_items", "shows", "show_samples", "show_markers", "alembic_version"} <= tables
    with storage.engine.connect() as connection:
        assert connection.execute(text("select version_num from alembic_version")).scalar() == "0020"


def test_a_fresh_sqlite_file_gets_the_schema_the_migrations_make(tmp_path: Path) -> None:
    """A new SQLite file is given head's schema made once per process (not the 13 migrations each time): it must
    be exactly what the migrations make in a file of their own — every table, index and their SQL, alembic's
    version — with its foreign keys on, and a second file made the same way."""
    import sqlite3

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import event

    from console.core.storage import MIGRATIONS, _sqlite_pragmas

    migrated = Storage(f"sqlite:///{tmp_path / 'migrated.db'}")
    event.listen(migrated.engine, "connect", _sqlite_pragmas)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with migrated.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    migrated.close()
    for name in ("first.db", "second.db"):
        fresh = Storage(f"sqlite:///{tmp_path / name}")
        fresh.migrate()
        fresh.close()

    def schema(name: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        with sqlite3.connect(tmp_path / name) as db:
            master = sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"), key=str)
            return master, list(db.execute("SELECT version_num FROM alembic_version"))

    expected = schema("migrated.db")
    assert len(expected[0]) > 40 and expected[1] == [("0020",)]
    assert schema("first.db") == expected
    assert schema("second.db") == expected
    with sqlite3.connect(tmp_path / "second.db") as db:
        assert list(db.execute("PRAGMA integrity_check")) == [("ok",)]
    store = Storage(f"sqlite:///{tmp_path / 'second.db'}")
    store.save_run(a_run(), "en")  # usable as made: a run and its items are written and read back
    assert [run.operator for run in store.runs()] == ["小李"]
    store.close()


def test_a_run_is_kept_whole(storage: Storage) -> None:
    run = a_run()
    run.confirm("script", "小李")
    run.override("mic-live", "王工", "备用麦克风，已人工试音")
    run.set_note("phone-silent", "两部手机")
    run.override_go_live("王工", "平台活动准点开始")
    run_id = storage.save_run(run, "zh_CN", origin="cli")
    stored = storage.run(run_id)
    assert stored is not None and stored.checklist_title == "主播开播确认" and stored.origin == "cli"
    assert [i.item_id for i in stored.items] == [i.id for i in run.template.items]
    mic = next(i for i in stored.items if i.item_id == "mic-live")
    assert (mic.status, mic.confirmed_by, mic.override_reason) == ("overridden", "王工", "备用麦克风，已人工试音")
    assert next(i for i in stored.items if i.item_id == "phone-silent").note == "两部手机"
    assert (stored.go_live_by, stored.go_live_reason) == ("王工", "平台活动准点开始") and stored.go_live_at is not None
    assert stored.started_at == run.started_at and stored.started_at.tzinfo is not None
    run.confirm("phone-silent", "小李")
    assert storage.save_run(run, "zh_CN", run_id=run_id) == run_id, "saving again updates the same run"
    again = storage.run(run_id)
    assert again is not None and next(i for i in again.items if i.item_id == "phone-silent").status == "passed"
    assert len(again.items) == len(run.template.items)


def test_a_go_live_override_that_lapsed_is_no_longer_stored(storage: Storage) -> None:
    """The stream the override was given for did not start: the run is saved as it was before it (fix23l), and
    only the override's columns go (a run counted at a go-live keeps when that was)."""
    run = a_run()
    run.override_go_live("王工", "平台活动准点开始")
    run_id = storage.save_run(run, "zh_CN")
    run.go_live_override = None
    storage.save_run(run, "zh_CN", run_id=run_id)
    stored = storage.run(run_id)
    assert stored is not None and (stored.go_live_by, stored.go_live_reason, stored.go_live_at) == (None, None, None)
    show, _ = storage.open_show("一号直播间", datetime.now(UTC), 60)
    ready = ChecklistRun(load_all()[0]["streamer-go-live"], "小李", "一号直播间")
    for item in ready.template.items:
        if item.required:
            ready.override(item.id, "小李", "已人工确认")
    ready.complete("小李")
    ready_id = storage.save_run(ready, "zh_CN")
    assert storage.count_completed_run("一号直播间", show.id, datetime.now(UTC)) == ready_id
    storage.save_run(ready, "zh_CN", run_id=ready_id)
    counted = storage.run(ready_id)
    assert counted is not None and counted.go_live_at is not None and counted.go_live_by is None


def test_a_run_keeps_its_room_show_kind_and_how_it_ended(storage: Storage) -> None:
    show, _ = storage.open_show("一号直播间", datetime.now(UTC), 60)
    run = ChecklistRun(load_all()[0]["streamer-go-live"], "小李", "一号直播间", show_id=show.id)
    run.override_go_live("王工", "平台活动准点开始")
    run.freeze_at_go_live()
    run_id = storage.save_run(run, "zh_CN")
    stored = storage.run(run_id)
    assert stored is not None and (stored.kind, stored.show_id, stored.end_state) == ("pre-show", show.id, "went_live")
    assert stored.ended_by == "王工" and stored.ended_at == run.ended_at and stored.show_started_at == show.started_at
    trouble = ChecklistRun(load_all()[0]["troubleshoot-network"], "王工", "一号直播间", show_id=show.id)
    trouble.abandon("王工", "网络已恢复")
    storage.save_run(trouble, "zh_CN")
    listed = {r.checklist_id: r for r in storage.runs()}
    assert listed["troubleshoot-network"].kind == "troubleshooting"
    assert (listed["troubleshoot-network"].end_state, listed["troubleshoot-network"].end_reason) == (
        "abandoned",
        "网络已恢复",
    )
    assert listed["streamer-go-live"].show_started_at == show.started_at


def test_runs_stored_before_the_run_life_read_as_open_pre_show_runs(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from console.core.storage import MIGRATIONS

    store = Storage(f"sqlite:///{tmp_path / 'old.db'}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
        connection.execute(
            text(
                "insert into checklist_runs (checklist_id, checklist_title, room, operator, started_at, updated_at,"
                " ready, origin) values ('streamer-go-live', 'x', '一号直播间', '小李', '2026-11-01 10:00:00',"
                " '2026-11-01 10:00:00', 0, 'console')"
            )
        )
    store.migrate()
    (old,) = store.runs(since=datetime(2026, 10, 1, tzinfo=UTC))
    assert (old.kind, old.end_state, old.show_id, old.room) == ("pre-show", "open", None, "一号直播间")
    store.close()


def test_history_filters(storage: Storage) -> None:
    day = datetime(2026, 11, 20, 12, tzinfo=UTC)
    storage.save_run(a_run(started=day), "en")
    storage.save_run(a_run("technician-pre-show", "二号直播间", "王工", day + timedelta(days=1)), "en")
    storage.save_run(a_run(operator="小张", started=day + timedelta(days=2)), "en")
    assert [r.operator for r in storage.runs()] == ["小张", "王工", "小李"], "newest first"
    assert [r.operator for r in storage.runs(room="二号直播间")] == ["王工"]
    assert [r.operator for r in storage.runs(checklist="streamer-go-live")] == ["小张", "小李"]
    assert [r.operator for r in storage.runs(operator="小李")] == ["小李"]
    window = storage.runs(since=day + timedelta(hours=12), until=day + timedelta(days=1, hours=12))
    assert [r.operator for r in window] == ["王工"]


def test_an_unreachable_server_is_explained_without_the_password() -> None:
    store = Storage("postgresql+psycopg://onair:secret-pw@127.0.0.1:1/none")
    with pytest.raises(StorageError) as info:
        store.migrate()
    assert "127.0.0.1:1/none" in str(info.value) and "secret-pw" not in str(info.value)


def test_a_full_disk_is_an_error_and_loses_nothing_stored(small_disk: Path) -> None:
    store = Storage(f"sqlite:///{Path(small_disk) / 'onair.db'}")
    store.migrate()
    first = store.save_run(a_run(), "en")
    fill_disk(small_disk)
    with pytest.raises(StorageError, match="full"):
        for _ in range(200):  # WAL pages fill what little room is left
            store.save_run(a_run(), "en")
    stored = store.run(first)
    assert stored is not None and len(stored.items) == 5
    store.close()


def test_the_migrations_build_exactly_the_tables_the_code_uses(storage: Storage) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from console.core.storage import Base

    with storage.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == [], "a table or column changed without a migration"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'onair.db'}"
    return str(request.getfixturevalue("postgres_url"))


def test_workers_opening_a_new_database_at_once_all_find_the_schema(empty_url: str) -> None:
    """At start-up the checklist worker and the telemetry writer open the database together; Alembic's
    process-global context once made one of them fail with KeyError: 'script' and the writer thread die."""
    import threading

    threads, barrier = 6, threading.Barrier(6)
    failures: list[BaseException] = []
    stored: list[int] = []

    def worker(n: int) -> None:
        store = Storage(empty_url)
        try:
            barrier.wait()
            store.migrate()
            show, _ = store.open_show(f"room {n}", datetime.now(UTC), 60)
            stored.append(show.id)
        except BaseException as exc:
            failures.append(exc)
        finally:
            store.close()

    for _ in range(3):  # the race did not lose every time: try it a few times on the same fresh database
        workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join(60)
        barrier.reset()
    assert not failures, f"{len(failures)} workers failed: {failures[:3]}"
    assert len(stored) == 3 * threads


def test_a_database_from_a_newer_version_is_refused_and_left_alone(storage: Storage) -> None:
    from sqlalchemy import text

    with storage.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    newer = Storage(storage.url)
    try:
        with pytest.raises(StorageError, match="newer version of OnAir Console"):
            newer.migrate()
    finally:
        newer.close()
    with storage.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_from_the_future"


def test_the_schema_head_is_the_last_migration_and_a_database_at_it_opens_without_alembic(tmp_path: Path) -> None:
    """SCHEMA_HEAD is Alembic's head (a new migration must move it), and a console opening a database already at it
    does not load Alembic at all (about 0.12 s of CPU at every start)."""
    import subprocess
    import sys

    from alembic.script import ScriptDirectory

    from console.core.storage import MIGRATIONS, SCHEMA_HEAD

    assert ScriptDirectory(str(MIGRATIONS)).get_current_head() == SCHEMA_HEAD
    url = f"sqlite:///{tmp_path / 'onair.db'}"
    made = Storage(url)
    made.migrate()
    made.close()
    probe = (
        "import sys\nfrom console.core.storage import Storage\n"
        f"s = Storage({url!r})\ns.migrate()\ns.close()\nprint('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "False", out.stderr
