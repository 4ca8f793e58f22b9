"""Storage: the one module that owns SQLAlchemy. Tables, migrations (Alembic), plain dataclasses out. No Qt.

SQLite (rollback journal, no memory-mapped files) in the user data directory by default; a database URL
(setting, $ONAIR_DATABASE_URL or --database) switches to PostgreSQL for a studio of many rooms. Every unit
of work is one session; every failure becomes a StorageError that says what happened in plain words.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, sessionmaker

from checklists.engine import STATUS_WORDS, ChecklistRun
from checklists.model import text_for
from console.core.telemetry.channels import CHANNELS

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

#: Alembic's migration context is process-global: two threads upgrading at once (the checklist worker and
#: the telemetry writer at start-up) corrupt each other's state ("KeyError: 'script'"), which killed the
#: writer thread. Every schema check and upgrade in this process runs under this lock, and a database
#: already found current is only read, never upgraded again.
_SCHEMA_LOCK = threading.Lock()
#: Other console processes (a studio's PostgreSQL shared by many rooms) wait on this advisory lock.
_PG_SCHEMA_LOCK_KEY = 0x6F6E6169  # "onai"


class StorageError(Exception):
    """The database could not be read or written; the message says why (disk full, server down …)."""


def default_url() -> str:
    if os.environ.get("ONAIR_DATABASE_URL"):
        return os.environ["ONAIR_DATABASE_URL"]
    folder = Path(os.environ.get("ONAIR_DATA_DIR") or platformdirs.user_data_dir("onair-console", "OnAir"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'onair.db'}"


# ---------------------------------------------------------------------- tables
class Base(DeclarativeBase):
    pass


class RunRow(Base):
    __tablename__ = "checklist_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    checklist_id: Mapped[str] = mapped_column(String(200), index=True)
    checklist_title: Mapped[str] = mapped_column(String(500))
    room: Mapped[str] = mapped_column(String(200), index=True)
    operator: Mapped[str] = mapped_column(String(200), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ready: Mapped[bool] = mapped_column(Boolean)
    origin: Mapped[str] = mapped_column(String(20))  # "console" or "cli"
    go_live_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    go_live_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    go_live_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: What the run was for (pre-show, troubleshooting, post-show) and the show it belongs to (None: no show on).
    kind: Mapped[str] = mapped_column(String(20), server_default="pre-show")
    show_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    #: How it ended: open, completed, abandoned, went_live; when, by whom, why (abandoned).
    end_state: Mapped[str] = mapped_column(String(20), server_default="open")
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    ended_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    end_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: The checklist's title in every language of its template (JSON), so the history shows it in the reader's.
    title_texts: Mapped[str | None] = mapped_column(Text, nullable=True)
    items: Mapped[list[ItemRow]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="ItemRow.position"
    )


class ItemRow(Base):
    __tablename__ = "checklist_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("checklist_runs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))
    required: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="")
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    confirmed_by: Mapped[str] = mapped_column(String(200), default="")
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    #: Language-independent: the title in every language (JSON), and a sensed result as its English template
    #: (the translation catalogue's key) with the measured fields (JSON). NULL in rows from before 0006.
    title_texts: Mapped[str | None] = mapped_column(Text, nullable=True)
    result_template: Mapped[str | None] = mapped_column(Text, nullable=True)
    result_fields: Mapped[str | None] = mapped_column(Text, nullable=True)
    run: Mapped[RunRow] = relationship(back_populates="items")


class ShowRow(Base):
    """One show: a stretch of the console watching a room; a restart within RESUME_S continues it."""

    __tablename__ = "shows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    room: Mapped[str] = mapped_column(String(200), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    last_sample_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


#: One row a second: wall-clock time (epoch seconds) and one nullable column per telemetry channel.
SAMPLES = Table(
    "show_samples",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
    Column("t", Float, nullable=False),
    *(Column(name, Float, nullable=True) for name in CHANNELS),
    Column("cpu_cores", Text, nullable=True),  # "12.0,80.5,…": % per core
    Index("ix_show_samples_show_t", "show_id", "t"),
)
MARKERS = Table(
    "show_markers",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("t", Float, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("detail", Text, nullable=False, default=""),
)
#: Health findings: one row per episode, rewritten while it changes (message in English for reports; template,
#: fields and remedies as JSON so the console shows it again in the user's language).
FINDINGS = Table(
    "show_findings",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(80), nullable=False),
    Column("finding_id", String(40), nullable=False),
    Column("category", String(20), nullable=False),
    Column("severity", String(10), nullable=False),
    Column("peak", String(10), nullable=False),
    Column("first_seen", Float, nullable=False),
    Column("last_seen", Float, nullable=False),
    # When the episode closed (the figures stayed low for the hysteresis); NULL while open, for an episode cut
    # off by a stop or crash, and for rows stored before 0007. "Until" is this, else last_seen.
    Column("closed_at", Float, nullable=True),
    Column("active", Boolean, nullable=False),
    Column("message", Text, nullable=False),
    Column("template", Text, nullable=False),
    Column("fields", Text, nullable=False),
    Column("remedies", Text, nullable=False),
    Index("ix_show_findings_show_key", "show_id", "key", unique=True),
)


# ---- review: platform import (tables). One import per show (a new one replaces it); its per-minute rows, a
# NULL where the file lacked the figure. Migration 0009.
PLATFORM_FIGURES = ("viewers", "entered", "left", "likes", "comments", "gmv", "orders")
PLATFORM_IMPORTS = Table(
    "show_platform_imports",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
    Column("platform", String(20), nullable=False),
    Column("file_name", String(500), nullable=False),
    Column("encoding", String(40), nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("imported_by", String(200), nullable=False),
    Column("row_count", Integer, nullable=False),
    Column("fields", String(200), nullable=False),  # the figures the file had, comma-separated
    Column("ignored", Text, nullable=False),  # the columns left out, as the user was told
    Index("ix_show_platform_imports_show", "show_id", unique=True),
)
PLATFORM_ROWS = Table(
    "show_platform_rows",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", ForeignKey("show_platform_imports.id", ondelete="CASCADE"), nullable=False),
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
    Column("t", Float, nullable=False),
    *(Column(name, Float, nullable=True) for name in PLATFORM_FIGURES),
    Index("ix_show_platform_rows_show_t", "show_id", "t"),
)


@dataclass(frozen=True)
class StoredPlatformImport:
    """A show's platform import: where it came from, when and by whom, and what it held."""

    show_id: int
    platform: str
    file_name: str
    encoding: str
    imported_at: datetime
    imported_by: str
    row_count: int
    fields: tuple[str, ...]
    ignored: str
    #: The first and last minute (epoch seconds); None when no row is stored.
    first_t: float | None = None
    last_t: float | None = None


# ---------------------------------------------------------------------- what callers get
#: QCoreApplication.translate's shape; the identity (English) where no translator is at hand.
Translate = Callable[[str, str], str]


def _english(context: str, text: str) -> str:
    return text


def _texts(raw: str | None) -> dict[str, str] | None:
    """A stored {"en": …, "zh_CN": …}; None for rows from before 0006 (or anything unreadable)."""
    try:
        value = json.loads(raw) if raw else None
    except ValueError:
        return None
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) and value else None


@dataclass(frozen=True)
class StoredItem:
    """One item as stored. `title` and `detail` are the text rendered when the run was saved (all that rows
    from before 0006 have); title_in() and result_in() say it again in the reader's language."""

    item_id: str
    title: str
    kind: str
    required: bool
    status: str
    detail: str
    checked_at: datetime | None
    confirmed_by: str
    confirmed_at: datetime | None
    override_reason: str
    note: str
    title_texts: Mapping[str, str] | None = None
    result_template: str | None = None
    result_fields: Mapping[str, Any] | None = None

    def title_in(self, language: str) -> str:
        return text_for(self.title_texts, language) if self.title_texts else self.title

    def result_in(self, translate: Translate = _english) -> str:
        """The sensed result in the language of `translate` (the measured values as they were)."""
        if self.result_template is None:
            return self.detail
        fields = dict(self.result_fields or {})
        for template in (translate("Checks", self.result_template), self.result_template):
            try:
                return template.format(**fields)
            except (KeyError, IndexError, ValueError):
                continue  # a translation that does not fit its fields: the English, then the stored text
        return self.detail

    def status_in(self, translate: Translate = _english) -> str:
        """The status in words ("needs a person"), not its machine name ("needs_person")."""
        word = STATUS_WORDS.get(self.status)
        return translate("ItemStatus", word) if word else self.status


@dataclass(frozen=True)
class StoredRun:
    id: int
    checklist_id: str
    checklist_title: str
    room: str
    operator: str
    started_at: datetime
    updated_at: datetime
    ready: bool
    origin: str
    items: tuple[StoredItem, ...] = ()
    go_live_by: str | None = None
    go_live_reason: str | None = None
    go_live_at: datetime | None = None
    kind: str = "pre-show"
    show_id: int | None = None
    #: When the run's show began (to tell shows apart in the history); None without a show.
    show_started_at: datetime | None = None
    end_state: str = "open"
    ended_at: datetime | None = None
    ended_by: str | None = None
    end_reason: str | None = None
    title_texts: Mapping[str, str] | None = None

    def title_in(self, language: str) -> str:
        return text_for(self.title_texts, language) if self.title_texts else self.checklist_title


@dataclass(frozen=True)
class StoredShow:
    id: int
    room: str
    started_at: datetime
    last_sample_at: datetime | None
    ended_at: datetime | None


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands datetimes back naive; everything is stored in UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _run(row: RunRow, with_items: bool, show_started_at: datetime | None = None) -> StoredRun:
    items = (
        tuple(
            StoredItem(
                i.item_id,
                i.title,
                i.kind,
                i.required,
                i.status,
                i.detail,
                _aware(i.checked_at),
                i.confirmed_by,
                _aware(i.confirmed_at),
                i.override_reason,
                i.note,
                _texts(i.title_texts),
                i.result_template,
                _fields(i.result_fields),
            )
            for i in row.items
        )
        if with_items
        else ()
    )
    return StoredRun(
        row.id,
        row.checklist_id,
        row.checklist_title,
        row.room,
        row.operator,
        _aware(row.started_at) or row.started_at,
        _aware(row.updated_at) or row.updated_at,
        row.ready,
        row.origin,
        items,
        row.go_live_by,
        row.go_live_reason,
        _aware(row.go_live_at),
        row.kind,
        row.show_id,
        _aware(show_started_at),
        row.end_state,
        _aware(row.ended_at),
        row.ended_by,
        row.end_reason,
        _texts(row.title_texts),
    )


def _fields(raw: str | None) -> dict[str, Any] | None:
    try:
        value = json.loads(raw) if raw else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _json(value: Any) -> str:
    # default=str: a field OBS handed over as something JSON lacks is kept as its text rather than lost.
    return json.dumps(value, ensure_ascii=False, default=str)


#: A PostgreSQL server that does not answer a connection within this long is "not answering".
CONNECT_TIMEOUT_S = 5
#: Statements the server itself abandons after this long (a lock held elsewhere, a runaway query).
STATEMENT_TIMEOUT_S = 15


def _connect_args(url: str) -> dict[str, Any]:
    try:
        backend = make_url(url).get_backend_name()
    except (SQLAlchemyError, ValueError):
        return {}
    if backend == "postgresql":
        ms = STATEMENT_TIMEOUT_S * 1000
        return {
            "connect_timeout": CONNECT_TIMEOUT_S,
            "options": f"-c statement_timeout={ms} -c lock_timeout={ms}",
            # A server that vanished from the network (not one that merely stopped) is noticed within ~20 s.
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 3,
            "keepalives_count": 3,
        }
    if backend == "sqlite":
        return {"timeout": STATEMENT_TIMEOUT_S}
    return {}


def _where(url: str) -> str:
    return url.split("@")[-1] if "@" in url else url  # never show a password in a URL


def _explain(exc: BaseException, url: str) -> str:
    detail = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
    return f"the database ({_where(url)}) failed: {detail}"


_SCRIPTS: list[ScriptDirectory] = []


def _scripts() -> ScriptDirectory:
    if not _SCRIPTS:
        _SCRIPTS.append(ScriptDirectory(str(MIGRATIONS)))
    return _SCRIPTS[0]


def _head() -> str | None:
    return _scripts().get_current_head()


def _known(revision: str) -> bool:
    try:
        return _scripts().get_revision(revision) is not None
    except CommandError:
        return False


class Storage:
    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        #: The database named without its password (logs, messages, spill files).
        self.where = _where(self.url)
        try:
            self.engine: Engine = create_engine(self.url, pool_pre_ping=True, connect_args=_connect_args(self.url))
        except (SQLAlchemyError, ValueError, ImportError) as exc:
            raise StorageError(_explain(exc, self.url)) from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> None:
        """Bring the schema to the newest version (creates it in an empty database); safe from any thread.

        A database whose schema is newer than this console knows is refused: writing into it could
        corrupt what the newer version keeps."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with _SCHEMA_LOCK:
            try:
                with self.engine.begin() as connection:
                    if connection.dialect.name == "postgresql":
                        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_SCHEMA_LOCK_KEY})
                    current = MigrationContext.configure(connection).get_current_revision()
                    if current == _head():
                        return
                    if current is not None and not _known(current):
                        raise StorageError(
                            f"the database ({_where(self.url)}) was made by a newer version of OnAir Console "
                            f"(schema {current}); update the console, or choose another database"
                        )
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
            except (SQLAlchemyError, OSError, CommandError) as exc:
                raise StorageError(_explain(exc, self.url)) from exc

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _unit(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as exc:
            raise StorageError(_explain(exc, self.url)) from exc

    # ------------------------------------------------------------------ checklist runs
    def save_run(
        self, run: ChecklistRun, language: str = "en", origin: str = "console", run_id: int | None = None
    ) -> int:
        """Insert a run, or replace the stored state of run `run_id`; returns its id.

        What is language-independent is stored (item ids, statuses, titles in every language, result templates
        with their measured fields), so the run reads in whichever language its reader has. `language` only
        chooses the language of the plain-text columns (title, detail) kept for people reading the database."""
        report = run.to_dict(language)
        now = datetime.now(UTC)
        with self._unit() as session:
            row = session.get(RunRow, run_id) if run_id is not None else None
            if row is None:
                row = RunRow(
                    checklist_id=run.template.id,
                    checklist_title=report["title"],
                    room=run.room,
                    operator=run.operator,
                    started_at=run.started_at,
                    origin=origin,
                    kind=run.template.kind,
                    show_id=run.show_id,
                )
                session.add(row)
            row.updated_at, row.ready = now, run.ready
            row.title_texts = _json(dict(run.template.title))
            row.end_state, row.ended_at = run.end.value, run.ended_at
            row.ended_by, row.end_reason = run.ended_by or None, run.end_reason or None
            if run.go_live_override is not None:
                row.go_live_by, row.go_live_reason, row.go_live_at = run.go_live_override
            row.items = [
                ItemRow(
                    position=index,
                    item_id=item.id,
                    title=entry["title"],
                    kind=item.kind,
                    required=item.required,
                    status=state.status.value,
                    detail=entry["detail"] or "",
                    checked_at=state.checked_at,
                    confirmed_by=state.confirmed_by,
                    confirmed_at=state.confirmed_at,
                    override_reason=state.override_reason,
                    note=state.note,
                    title_texts=_json(dict(item.title)),
                    result_template=entry["result"]["template"] if entry["result"] else None,
                    result_fields=_json(entry["result"]["fields"]) if entry["result"] else None,
                )
                for index, (item, entry) in enumerate(zip(run.template.items, report["items"], strict=True))
                for state in (run.states[item.id],)
            ]
            session.flush()
            return int(row.id)

    def runs(
        self,
        room: str | None = None,
        checklist: str | None = None,
        operator: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 500,
    ) -> list[StoredRun]:
        """Runs newest first, filtered by room, checklist, operator and date; each with its show's start."""
        query = (
            select(RunRow, ShowRow.started_at)
            .outerjoin(ShowRow, ShowRow.id == RunRow.show_id)
            .order_by(RunRow.started_at.desc(), RunRow.id.desc())
            .limit(limit)
        )
        if room:
            query = query.where(RunRow.room == room)
        if checklist:
            query = query.where(RunRow.checklist_id == checklist)
        if operator:
            query = query.where(RunRow.operator == operator)
        if since:
            query = query.where(RunRow.started_at >= since)
        if until:
            query = query.where(RunRow.started_at < until)
        with self._unit() as session:
            return [_run(row, False, show_started) for row, show_started in session.execute(query)]

    def run(self, run_id: int) -> StoredRun | None:
        with self._unit() as session:
            row = session.get(RunRow, run_id)
            if row is None:
                return None
            show = session.get(ShowRow, row.show_id) if row.show_id is not None else None
            return _run(row, True, show.started_at if show is not None else None)

    # ------------------------------------------------------------------ shows (telemetry)
    def open_show(self, room: str, now: datetime, resume_within_s: float) -> tuple[StoredShow, bool]:
        """The room's show to record into: the latest one if it is not ended and had a sample within
        `resume_within_s` (the console restarted mid-show), else a new one. Returns (show, resumed)."""
        with self._unit() as session:
            row = session.scalars(
                select(ShowRow).where(ShowRow.room == room).order_by(ShowRow.id.desc()).limit(1)
            ).first()
            last = _aware(row.last_sample_at or row.started_at) if row is not None else None
            recent = last is not None and (now - last).total_seconds() <= resume_within_s
            if row is not None and row.ended_at is None and recent:
                return _show(row), True
            row = ShowRow(room=room, started_at=now)
            session.add(row)
            session.flush()
            return _show(row), False

    def end_show(self, show_id: int, now: datetime) -> None:
        with self._unit() as session:
            session.execute(update(ShowRow).where(ShowRow.id == show_id).values(ended_at=now))

    def add_telemetry(
        self,
        show_id: int,
        samples: list[dict[str, Any]],
        markers: list[dict[str, Any]],
        findings: list[dict[str, Any]] | None = None,
    ) -> None:
        """One transaction: sample rows (t, channel values, cpu_cores), marker rows (t, kind, detail) and the
        newest state of findings (replacing the stored row of the same episode key)."""
        if not samples and not markers and not findings:
            return
        with self._unit() as session:
            if findings:
                keys = [row["key"] for row in findings]
                session.execute(delete(FINDINGS).where(FINDINGS.c.show_id == show_id, FINDINGS.c["key"].in_(keys)))
                session.execute(insert(FINDINGS), [dict(row, show_id=show_id) for row in findings])
            if samples:
                session.execute(insert(SAMPLES), [dict(row, show_id=show_id) for row in samples])
                last = max(row["t"] for row in samples)
                session.execute(
                    update(ShowRow)
                    .where(ShowRow.id == show_id)
                    .values(last_sample_at=datetime.fromtimestamp(last, UTC))
                )
            if markers:
                session.execute(insert(MARKERS), [dict(row, show_id=show_id) for row in markers])

    def add_unsaved(
        self,
        show_id: int,
        samples: list[dict[str, Any]],
        markers: list[dict[str, Any]],
        findings: list[dict[str, Any]],
    ) -> int:
        """Rows from a spill file: like add_telemetry, but a second or marker already stored (a write that
        committed just before the console gave up on it) is not stored twice. Returns the samples added."""
        times = [float(row["t"]) for row in samples + markers]
        if times:
            with self._unit() as session:
                lo, hi = min(times) - 0.5, max(times) + 0.5
                have = {
                    round(float(t), 3)
                    for (t,) in session.execute(
                        select(SAMPLES.c.t).where(SAMPLES.c.show_id == show_id, SAMPLES.c.t.between(lo, hi))
                    )
                }
                marked = {
                    (round(float(t), 3), kind)
                    for t, kind in session.execute(
                        select(MARKERS.c.t, MARKERS.c.kind).where(
                            MARKERS.c.show_id == show_id, MARKERS.c.t.between(lo, hi)
                        )
                    )
                }
            samples = [row for row in samples if round(float(row["t"]), 3) not in have]
            markers = [row for row in markers if (round(float(row["t"]), 3), row["kind"]) not in marked]
        self.add_telemetry(show_id, samples, markers, findings)
        return len(samples)

    def show_exists(self, show_id: int) -> bool:
        with self._unit() as session:
            return session.get(ShowRow, show_id) is not None

    def show_samples(self, show_id: int, since: float | None = None) -> list[dict[str, Any]]:
        """Sample rows of a show (oldest first) as dicts: t, every channel (None = unknown), cpu_cores."""
        query = select(SAMPLES).where(SAMPLES.c.show_id == show_id).order_by(SAMPLES.c.t)
        if since is not None:
            query = query.where(SAMPLES.c.t >= since)
        with self._unit() as session:
            return [dict(row._mapping) for row in session.execute(query)]

    def show_findings(self, show_id: int) -> list[dict[str, Any]]:
        """A show's findings, in the order they opened."""
        query = select(FINDINGS).where(FINDINGS.c.show_id == show_id).order_by(FINDINGS.c.first_seen, FINDINGS.c.id)
        with self._unit() as session:
            return [dict(row._mapping) for row in session.execute(query)]

    def show_markers(self, show_id: int) -> list[dict[str, Any]]:
        query = select(MARKERS).where(MARKERS.c.show_id == show_id).order_by(MARKERS.c.t, MARKERS.c.id)
        with self._unit() as session:
            return [dict(row._mapping) for row in session.execute(query)]

    # ---- review: platform import
    def platform_show_span(self, show_id: int) -> tuple[datetime, datetime | None] | None:
        """When a show began and when it ended (else its last stored second; None while it has neither);
        None when there is no such show."""
        with self._unit() as session:
            row = session.get(ShowRow, show_id)
            if row is None:
                return None
            return _aware(row.started_at) or row.started_at, _aware(row.ended_at or row.last_sample_at)

    def replace_platform_import(
        self, show_id: int, meta: Mapping[str, Any], rows: list[dict[str, Any]]
    ) -> StoredPlatformImport | None:
        """Store a show's platform rows in ONE transaction, replacing its earlier import (returned, so the user
        can be told what was replaced; None when there was none). `meta`: platform, file_name, encoding,
        imported_by, fields (names), ignored (text). Each row: t and the figures (None = unknown). On any
        failure nothing is changed."""
        with self._unit() as session:
            earlier = self._platform_import(session, show_id)
            session.execute(delete(PLATFORM_ROWS).where(PLATFORM_ROWS.c.show_id == show_id))
            session.execute(delete(PLATFORM_IMPORTS).where(PLATFORM_IMPORTS.c.show_id == show_id))
            import_id = session.execute(
                insert(PLATFORM_IMPORTS)
                .values(
                    show_id=show_id,
                    platform=meta["platform"],
                    file_name=str(meta["file_name"])[:500],
                    encoding=meta["encoding"],
                    imported_at=datetime.now(UTC),
                    imported_by=str(meta["imported_by"])[:200],
                    row_count=len(rows),
                    fields=",".join(meta["fields"]),
                    ignored=meta.get("ignored", ""),
                )
                .returning(PLATFORM_IMPORTS.c.id)
            ).scalar_one()
            if rows:
                session.execute(
                    insert(PLATFORM_ROWS),
                    [
                        {"import_id": import_id, "show_id": show_id, "t": row["t"]}
                        | {name: row.get(name) for name in PLATFORM_FIGURES}
                        for row in rows
                    ],
                )
            return earlier

    def platform_import(self, show_id: int) -> StoredPlatformImport | None:
        """The show's platform import (None: nothing imported)."""
        with self._unit() as session:
            return self._platform_import(session, show_id)

    @staticmethod
    def _platform_import(session: Session, show_id: int) -> StoredPlatformImport | None:
        from sqlalchemy import func  # here, not at the top: this section stays one block for the merge

        row = session.execute(select(PLATFORM_IMPORTS).where(PLATFORM_IMPORTS.c.show_id == show_id)).first()
        if row is None:
            return None
        first, last = session.execute(
            select(func.min(PLATFORM_ROWS.c.t), func.max(PLATFORM_ROWS.c.t)).where(PLATFORM_ROWS.c.import_id == row.id)
        ).one()
        return StoredPlatformImport(
            show_id,
            row.platform,
            row.file_name,
            row.encoding,
            _aware(row.imported_at) or row.imported_at,
            row.imported_by,
            row.row_count,
            tuple(f for f in row.fields.split(",") if f),
            row.ignored,
            first,
            last,
        )

    def platform_series(self, show_id: int) -> dict[str, tuple[tuple[float, ...], tuple[float, ...]]]:
        """The imported figures as name → (times, values), oldest first: only the fields the file had, and in
        each only the minutes whose figure is known (an unknown minute is a gap, never 0). The shape the
        review's segment table takes for GMV and orders. Empty when nothing was imported."""
        query = select(PLATFORM_ROWS).where(PLATFORM_ROWS.c.show_id == show_id).order_by(PLATFORM_ROWS.c.t)
        with self._unit() as session:
            rows = [row._mapping for row in session.execute(query)]
        series: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {}
        for name in PLATFORM_FIGURES:
            known = [(float(row["t"]), float(row[name])) for row in rows if row[name] is not None]
            if known:
                times, values = zip(*known, strict=True)
                series[name] = (tuple(times), tuple(values))
        return series


def _show(row: ShowRow) -> StoredShow:
    return StoredShow(
        row.id, row.room, _aware(row.started_at) or row.started_at, _aware(row.last_sample_at), _aware(row.ended_at)
    )


def _sqlite_pragmas(connection: Any, record: Any) -> None:
    cursor = connection.cursor()
    # Not WAL: its index (-shm) is a memory-mapped file, and when that file cannot grow (made immutable, a
    # full or vanished filesystem) the next access is a SIGBUS that kills the console without a word. A
    # rollback journal and no mmap turn the same faults into I/O errors: reported, the rows kept in memory.
    # Readers may now make the writer wait a moment (the busy timeout covers it: writes are tiny).
    cursor.execute("PRAGMA journal_mode=TRUNCATE")
    cursor.execute("PRAGMA mmap_size=0")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
