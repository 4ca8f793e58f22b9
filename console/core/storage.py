"""Storage: the one module that owns SQLAlchemy. Tables, migrations (Alembic), plain dataclasses out. No Qt.

SQLite (rollback journal, no memory-mapped files) in the user data directory by default; a database URL
(setting, $ONAIR_DATABASE_URL or --database) switches to PostgreSQL for a studio of many rooms. Every unit
of work is one session (the telemetry writer's, taken every second all show long, a plain connection with its
statements built once); every failure becomes a StorageError that says what happened in plain words.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
    Time,
    and_,
    bindparam,
    case,
    create_engine,
    delete,
    event,
    false,
    func,
    insert,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, sessionmaker
from sqlalchemy.pool import StaticPool

from checklists.engine import STATUS_WORDS, ChecklistRun, RunEnd
from checklists.model import text_for
from console.core.database_url import default_url as default_url  # the console's database, SQLAlchemy-free
from console.core.review.shows import (
    LIVE_REFRESH_S,
    MAX_NAME,
    ON_AIR_RECENT_S,
    SORT_KEYS,
    Checklist,
    ShowFacets,
    ShowMeta,
    ShowPage,
    ShowQuery,
    ShowSummary,
    clean_editor,
    clean_meta,
    no_such_show,
)
from console.core.telemetry.channels import CHANNELS
from obs.vocabulary import Severity

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory

    from console.core.dbtrouble import DatabaseTrouble
    from console.core.rundown.model import Rundown

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

    @property
    def trouble(self) -> DatabaseTrouble | None:
        """The database failure's cause (console/core/dbtrouble.py), for the GUI to say in the reader's language:
        the message is the driver's English. None when the driver's error tells no cause."""
        if not isinstance(self.__cause__, (SQLAlchemyError, sqlite3.Error, OSError)):
            return None
        from console.core.dbtrouble import Cause, classify

        said = str(self.args[0]) if self.args else ""
        where = said[len("the database (") : said.find(") failed")] if said.startswith("the database (") else ""
        if where.startswith("sqlite:///"):  # a SQLite file is known to its reader by its path
            where = where[len("sqlite:///") :] or where
        trouble = classify(self.__cause__, where)  # `where` as _explain wrote it, never a password
        return None if trouble.cause is Cause.OTHER else trouble


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


#: A show's pre-show run at go-live: one kept as it was when the stream started, or one completed before the stream
#: started and counted then (Storage.count_completed_run sets its go_live_at; a completed run that still names a
#: go-live override was overridden for a stream that never started, and counts only once linked).
_AT_GO_LIVE = and_(
    RunRow.kind == "pre-show",
    or_(
        RunRow.end_state == "went_live",
        and_(RunRow.end_state == "completed", RunRow.go_live_at.is_not(None), RunRow.go_live_by.is_(None)),
    ),
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

# ---- show review: metadata and summaries (migration 0008)
#: What people say about a show (one row once edited); hosts and tags in their own tables, so that filtering
#: by one is an index look-up. `hosts_sort` is the hosts joined ("张三, 李四"): the browser sorts by it.
SHOW_META = Table(
    "show_meta",
    Base.metadata,
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), primary_key=True),
    Column("title", String(200), nullable=False, default=""),
    Column("assistant", String(100), nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("hosts_sort", String(1100), nullable=False, default=""),
    Column("edited_by", String(100), nullable=False, default=""),
    Column("edited_at", DateTime(timezone=True), nullable=True),
)
#: People of a show: role "host" (主播, several, in the order given).
SHOW_PEOPLE = Table(
    "show_people",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("role", String(20), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", String(100), nullable=False),
    Index("ix_show_people_role_name", "role", "name", "show_id"),
)
SHOW_TAGS = Table(
    "show_tags",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("tag", String(50), nullable=False),
    Index("ix_show_tags_tag", "tag", "show_id"),
)
#: A show's figures for the browser, computed from its samples, findings and checklist runs when it ends (or,
#: ended uncleanly, when the room's next show opens or the browser finds it stale); `final` once it cannot
#: change any more; a running show's row is recomputed at most every LIVE_REFRESH_S when the browser asks.
SHOW_SUMMARIES = Table(
    "show_summaries",
    Base.metadata,
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), primary_key=True),
    Column("end_at", DateTime(timezone=True), nullable=True),
    Column("duration_s", Float, nullable=True),
    Column("sampled_s", Integer, nullable=False, default=0),
    Column("completeness", Float, nullable=True),
    Column("viewers_peak", Float, nullable=True),
    Column("viewers_avg", Float, nullable=True),
    Column("likes_per_min", Float, nullable=True),
    Column("interactions_per_min", Float, nullable=True),
    Column("incidents_info", Integer, nullable=False, default=0),
    Column("incidents_warning", Integer, nullable=False, default=0),
    Column("incidents_critical", Integer, nullable=False, default=0),
    Column("incidents", Integer, nullable=False, default=0),
    Column("checklist", String(20), nullable=False, default="none"),
    Column("final", Boolean, nullable=False, default=False),
    Column("computed_at", DateTime(timezone=True), nullable=False),
    Index("ix_show_summaries_final", "final"),
)
# ---- end of show review tables


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


# ---- rundown (tables, issue 19). One plan per room; its segments in running order (migration 0010).
RUNDOWNS = Table(
    "rundowns",
    Base.metadata,
    Column("room", String(200), primary_key=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(200), nullable=False),
)
RUNDOWN_SEGMENTS = Table(
    "rundown_segments",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("room", ForeignKey("rundowns.room", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("key", String(64), nullable=False),
    Column("title", String(200), nullable=False),
    Column("planned_s", Integer, nullable=True),
    Column("fixed_start", Time, nullable=True),
    Column("scene", String(200), nullable=False),
    Column("product_name", String(200), nullable=True),  # NULL: no product
    Column("product_price", Numeric(12, 2), nullable=True),
    Column("product_sku", String(100), nullable=False),
    Column("talking_points", Text, nullable=False),
    Column("cues", Text, nullable=False),
    Column("colour", String(7), nullable=False),
    Index("ix_rundown_segments_room_position", "room", "position", unique=True),
    Index("ix_rundown_segments_room_key", "room", "key", unique=True),
)
# ---- end of rundown tables


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


# ---- rundown live: the show's rundown as it ran (tables, migration 0011). The plan as it was at the first Go
# (one row a show, JSON) and every boundary the runner stamped, one row per mark; a mark is rewritten when its
# scene switch's outcome arrives (by show and seq).
SHOW_RUNDOWNS = Table(
    "show_rundowns",
    Base.metadata,
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), primary_key=True),
    Column("room", String(200), nullable=False),
    Column("taken_at", Float, nullable=False),
    Column("planned_start", Float, nullable=True),
    Column("segments", Text, nullable=False),
)
RUNDOWN_MARKS = Table(
    "show_rundown_marks",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("t", Float, nullable=False),
    Column("key", String(64), nullable=False),
    Column("segment_index", Integer, nullable=True),
    Column("title", String(200), nullable=False),
    Column("planned_s", Integer, nullable=True),
    Column("action", String(10), nullable=False),
    Column("who", String(200), nullable=False),
    Column("scene", String(500), nullable=False),
    Column("outcome", String(10), nullable=False),
    Column("reason", Text, nullable=False),
    Index("ix_show_rundown_marks_show_seq", "show_id", "seq", unique=True),
)
# ---- end of rundown live tables


# ---- chat engage: the lottery, the Q&A queue, quick replies (tables, issue 20, migration 0013). A lottery's
# seed is kept from its opening (a console that restarts draws with it) but handed out only once drawn.
LOTTERIES = Table(
    "show_lotteries",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
    Column("room", String(200), nullable=False),
    Column("keyword", String(100), nullable=False),
    Column("winners_count", Integer, nullable=False),
    Column("excluded", Text, nullable=False),
    Column("opened_at", Float, nullable=False),
    Column("closed_at", Float, nullable=True),
    Column("commitment", String(64), nullable=False),
    Column("seed", String(64), nullable=False),
    Column("drawn_at", Float, nullable=True),
    # Migration 0015: who opened, drew or cancelled it (the other desks are told), and its cancellation.
    Column("opened_by", String(200), nullable=True),
    Column("drawn_by", String(200), nullable=True),
    Column("cancelled_at", Float, nullable=True),
    Column("cancelled_by", String(200), nullable=True),
    Index("ix_show_lotteries_show", "show_id"),
    # One running lottery (neither drawn nor cancelled) per show, whichever console of the room opens it.
    Index(
        "ix_show_lotteries_running",
        "show_id",
        unique=True,
        sqlite_where=text("drawn_at IS NULL AND cancelled_at IS NULL"),
        postgresql_where=text("drawn_at IS NULL AND cancelled_at IS NULL"),
    ),
)
LOTTERY_ENTRIES = Table(
    "show_lottery_entries",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("lottery_id", ForeignKey("show_lotteries.id", ondelete="CASCADE"), nullable=False),
    Column("platform", String(40), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("user_name", String(200), nullable=False),
    Column("at", Float, nullable=False),
    Column("comment", String(500), nullable=False),
    Index("ix_show_lottery_entries_user", "lottery_id", "platform", "user_id", unique=True),
)
LOTTERY_WINNERS = Table(
    "show_lottery_winners",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("lottery_id", ForeignKey("show_lotteries.id", ondelete="CASCADE"), nullable=False),
    Column("rank", Integer, nullable=False),
    Column("platform", String(40), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("user_name", String(200), nullable=False),
    # Migration 0020: a replacement's forfeited rank, time and drawer; a forfeit's time, drawer, reason and note.
    Column("replaces", Integer, nullable=True),
    Column("drawn_at", Float, nullable=True),
    Column("drawn_by", String(200), nullable=True),
    Column("forfeited_at", Float, nullable=True),
    Column("forfeited_by", String(200), nullable=True),
    Column("forfeit_reason", String(20), nullable=True),
    Column("forfeit_note", String(500), nullable=True),
    Index("ix_show_lottery_winners_rank", "lottery_id", "rank", unique=True),
    # One replacement per forfeited winner, whichever desk presses (NULLs, the draw's own winners, are distinct).
    Index("ix_show_lottery_winners_replaces", "lottery_id", "replaces", unique=True),
)
QUESTIONS = Table(
    "show_questions",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(300), nullable=False),
    Column("platform", String(40), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("user_name", String(200), nullable=False),
    Column("text", String(2000), nullable=False),
    Column("asked_at", Float, nullable=False),
    Column("origin", String(10), nullable=False),
    Column("state", String(10), nullable=False),
    Column("claimed_by", String(200), nullable=True),
    Column("claimed_at", Float, nullable=True),
    Column("answered_by", String(200), nullable=True),
    Column("answered_at", Float, nullable=True),
    Column("answer", Text, nullable=True),
    Column("dismissed_by", String(200), nullable=True),
    Column("dismissed_at", Float, nullable=True),
    # Migration 0017: one question asked by many viewers. `group_id` is the id of the group's first question (NULL:
    # asked alone); `topic` the normalised text compared (questions.topic_of); `segment` the rundown segment on air.
    Column("group_id", Integer, nullable=True),
    Column("topic", String(300), nullable=True),
    Column("segment", String(64), nullable=True),
    Index("ix_show_questions_key", "show_id", "key", unique=True),
    Index("ix_show_questions_state", "show_id", "state"),
    Index("ix_show_questions_topic", "show_id", "topic"),
    Index("ix_show_questions_group", "group_id"),
)
QUICK_REPLIES = Table(
    "room_quick_replies",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("room", String(200), nullable=False),
    Column("position", Integer, nullable=False),
    Column("product", String(200), nullable=False),
    Column("keyword", String(100), nullable=False),
    Column("text", String(1000), nullable=False),
    Index("ix_room_quick_replies_room", "room", "position", unique=True),
)
#: Storage.lottery_mark's statement, built once (read every two seconds by every console of the room).
_LOTTERY_MARK: Any = None
# ---- end of chat engage tables

# ---- chat room: the room's comments kept with the show (tables, migration 0012; issue 20). One row per comment,
# paid message or gift; deleted after the retention period (delete_comments_before).
SHOW_COMMENTS = Table(
    "show_comments",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
    Column("t", Float, nullable=False),
    Column("platform", String(40), nullable=False),
    Column("source", String(40), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("user_name", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("gift", String(200), nullable=False),
    Column("count", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("message_id", String(200), nullable=False),
    # Migration 0017: the platform's marks on the viewer, so a restored comment of the host is marked as it was live.
    Column("host", Boolean, nullable=False, server_default=false()),
    Column("moderator", Boolean, nullable=False, server_default=false()),
    Column("staff", Boolean, nullable=False, server_default=false()),
    # Migration 0018: the message's identity in the show (console/core/chat/room.py comment_key), unique: two consoles
    # of the room on one database store each comment once. NULL for rows stored before without a message id.
    Column("message_key", String(300), nullable=True),
    Index("ix_show_comments_show_t", "show_id", "t"),
    Index("ix_show_comments_t", "t"),
    Index("ix_show_comments_key", "show_id", "message_key", unique=True),
)
#: Comments deleted per transaction by the retention (a long history goes in short steps, never one long lock).
COMMENT_DELETE_BATCH = 5000
# ---- end of chat room tables

# ---- studio (tables, migration 0014; issue 21). Shared mode's live status, one row per room, and each room's latest
# thumbnail apart; read and written by console/core/studio/shared.py on its own connections (NOTIFY by trigger).
STUDIO_ROOMS = Table(
    "studio_rooms",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("room", Text, nullable=False, unique=True),
    Column("console", Text, nullable=False, server_default=""),
    Column("status", Text, nullable=False),
    Column("heartbeat", Float, nullable=False),
    Column("claimed_at", Float, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
STUDIO_THUMBNAILS = Table(
    "studio_thumbnails",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("room", Text, nullable=False, unique=True),
    Column("taken", Float, nullable=False),
    Column("image", LargeBinary, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
# ---- end of studio tables

# ---- rundown: the line for the host (table, migration 0016). The talent screen's message line, kept with the show
# it was sent in (one row a show, rewritten at each change; "" once cleared), so a restarted console and a second
# console of the room show the same line. `revision` counts the changes: a console tells a new line from one shown.
SHOW_HOST_LINES = Table(
    "show_host_lines",
    Base.metadata,
    Column("show_id", ForeignKey("shows.id", ondelete="CASCADE"), primary_key=True),
    Column("text", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
    Column("set_by", String(200), nullable=False),
)


@dataclass(frozen=True)
class StoredHostLine:
    """A show's line for the host as stored: its text ("" = cleared), the change count, when and by whom."""

    show_id: int
    text: str
    revision: int
    set_at: datetime
    set_by: str


# ---- end of the host line's table


# ---- the telemetry writer's statements (its steady state is a transaction every flush, all show long). Built
# once, so a flush neither builds them again nor works out their cache keys (both memoised on the statement);
# SQLAlchemy compiles each once per engine (its compiled cache) and hands the rows to the driver's executemany.
_INSERT_SAMPLES = insert(SAMPLES)
_INSERT_MARKERS = insert(MARKERS)
#: Storage.add_comments' INSERT … ON CONFLICT DO NOTHING by dialect, built once.
_INSERT_COMMENTS: dict[str, Any] = {}
_SHOWS = cast(Table, ShowRow.__table__)
_LAST_SAMPLE = (
    update(_SHOWS)
    .where(_SHOWS.c.id == bindparam("show"))
    .values(last_sample_at=bindparam("last", type_=_SHOWS.c.last_sample_at.type))
)


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


def _completed_for_go_live(session: Session, room: str, show_id: int | None, at: datetime) -> RunRow | None:
    """The room's pre-show run that a go-live of show `show_id` at `at` with no run open goes live with
    (Storage.count_completed_run's rule). `show_id` None: the show is not known yet; the room's previous show is
    then its last one that streamed."""
    streamed = select(SAMPLES.c.t).where(SAMPLES.c.show_id == ShowRow.id, SAMPLES.c.streaming >= 0.5).limit(1).exists()
    earlier = (
        (ShowRow.room == room, streamed) if show_id is None else (ShowRow.room == room, ShowRow.id < show_id, streamed)
    )
    previous = session.execute(
        select(ShowRow.started_at, ShowRow.last_sample_at, ShowRow.ended_at)
        .where(*earlier)
        .order_by(ShowRow.id.desc())
        .limit(1)
    ).first()
    query = (
        select(RunRow)
        .where(
            RunRow.room == room,
            RunRow.kind == "pre-show",
            RunRow.end_state == "completed",
            RunRow.ended_at.is_not(None),
            RunRow.ended_at <= at,
            # Not one another show went live with (a stale go-live override is no go-live).
            or_(RunRow.go_live_at.is_(None), RunRow.go_live_by.is_not(None), RunRow.show_id == show_id),
        )
        .order_by(RunRow.ended_at.desc(), RunRow.id.desc())
        .limit(1)
    )
    if previous is not None:
        # The previous show's end: when it was ended, else its last stored second, else its start.
        ended = previous.ended_at or previous.last_sample_at or previous.started_at
        query = query.where(RunRow.ended_at >= ended)
    return session.scalars(query).first()


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


def _pre_ping(url: str) -> bool:
    """Whether a pooled connection is tried before each use: a PostgreSQL server may have restarted or dropped it
    meanwhile (the ping saves one failed write); an SQLite file has no server, and the ping would be a statement
    more in every transaction of the telemetry writer."""
    try:
        return make_url(url).get_backend_name() != "sqlite"
    except (SQLAlchemyError, ValueError):
        return True


def _where(url: str) -> str:
    return url.split("@")[-1] if "@" in url else url  # never show a password in a URL


def _explain(exc: BaseException, url: str) -> str:
    detail = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
    return f"the database ({_where(url)}) failed: {detail}"


#: The newest schema revision this console knows: the last migration's (a test holds it to Alembic's head). A
#: database already at it is opened without loading Alembic (~0.12 s of CPU at every console start).
SCHEMA_HEAD = "0020"

_SCRIPTS: list[ScriptDirectory] = []


def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    if not _SCRIPTS:
        _SCRIPTS.append(ScriptDirectory(str(MIGRATIONS)))
    return _SCRIPTS[0]


def _known(revision: str) -> bool:
    from alembic.util.exc import CommandError

    try:
        return _scripts().get_revision(revision) is not None
    except CommandError:
        return False


def _revision_of(connection: Connection) -> str | None:
    """The schema revision Alembic recorded in the database (None: none yet), read without loading Alembic."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if revision is None else str(revision)


# ---- a fresh SQLite database gets head's schema made once per process (issue 17: the suite makes hundreds).
#: Running the 13 migrations costs about 60 ms of CPU and a quarter second of a disk's syncs per new file; the
#: schema they leave (statements as SQLite stored them, and the rows they wrote: alembic's version) is made once,
#: on an in-memory database, and replayed into each fresh file in one transaction. A database that has anything
#: in it, or another backend, is migrated by Alembic as before. Read-only once made (under _SCHEMA_LOCK).
_SQLITE_HEAD: list[tuple[list[str], list[tuple[str, list[tuple[Any, ...]]]]]] = []


def _fresh_sqlite(connection: Any) -> bool:
    """An SQLite database with nothing in it yet (a file the console has just made)."""
    if connection.dialect.name != "sqlite":
        return False
    return int(connection.exec_driver_sql("SELECT COUNT(*) FROM sqlite_master").scalar_one()) == 0


def _sqlite_head() -> tuple[list[str], list[tuple[str, list[tuple[Any, ...]]]]]:
    """(statements making head's schema, tables' rows), from the migrations run once on an in-memory database."""
    from alembic import command
    from alembic.config import Config

    if not _SQLITE_HEAD:
        memory = create_engine("sqlite://", poolclass=StaticPool)
        event.listen(memory, "connect", _sqlite_pragmas)
        try:
            with memory.begin() as connection:
                config = Config()
                config.set_main_option("script_location", str(MIGRATIONS))
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                # Tables first, then what refers to them (indexes, views, triggers); SQLite's own are made by it.
                master = (
                    "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' "
                    "ESCAPE '\\' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid"
                )
                schema = connection.exec_driver_sql(master).fetchall()
                rows = [
                    (str(name), [tuple(row) for row in connection.exec_driver_sql(f'SELECT * FROM "{name}"')])
                    for kind, name, _ in schema
                    if kind == "table"
                ]
        finally:
            memory.dispose()
        _SQLITE_HEAD.append(([sql for _, _, sql in schema], [(name, found) for name, found in rows if found]))
    return _SQLITE_HEAD[0]


def _make_sqlite_schema(connection: Any) -> None:
    """Head's schema and rows into a fresh SQLite database, as the migrations would leave it, in one transaction."""
    statements, rows = _sqlite_head()
    raw = connection.connection.driver_connection
    raw.execute("BEGIN")  # SQLite would commit (and sync) each statement of a schema on its own
    try:
        for sql in statements:
            raw.execute(sql)
        for name, found in rows:
            raw.executemany(f'INSERT INTO "{name}" VALUES ({", ".join("?" * len(found[0]))})', found)
        raw.execute("COMMIT")
    except sqlite3.Error as exc:
        if raw.in_transaction:
            with suppress(sqlite3.Error):  # a full disk may refuse the rollback too; the file stays empty
                raw.execute("ROLLBACK")
        raise StorageError(_explain(exc, str(connection.engine.url))) from exc


class Storage:
    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        #: The database named without its password (logs, messages, spill files).
        self.where = _where(self.url)
        try:
            self.engine: Engine = create_engine(
                self.url, pool_pre_ping=_pre_ping(self.url), connect_args=_connect_args(self.url)
            )
        except (SQLAlchemyError, ValueError, ImportError) as exc:
            raise StorageError(_explain(exc, self.url)) from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> None:
        """Bring the schema to the newest version (creates it in an empty database); safe from any thread.

        A database whose schema is newer than this console knows is refused: writing into it could
        corrupt what the newer version keeps."""
        with _SCHEMA_LOCK:
            try:
                with self.engine.begin() as connection:
                    if connection.dialect.name == "postgresql":
                        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_SCHEMA_LOCK_KEY})
                    current = _revision_of(connection)
                    if current != SCHEMA_HEAD:
                        self._upgrade(connection, current)
            except (SQLAlchemyError, OSError) as exc:
                raise StorageError(_explain(exc, self.url)) from exc

    def _upgrade(self, connection: Connection, current: str | None) -> None:
        """Alembic, loaded only for a database not yet at SCHEMA_HEAD (a new one, or one of an older console)."""
        from alembic import command
        from alembic.config import Config
        from alembic.util.exc import CommandError

        if current is not None and not _known(current):
            raise StorageError(
                f"the database ({_where(self.url)}) was made by a newer version of OnAir Console "
                f"(schema {current}); update the console, or choose another database"
            )
        if current is None and _fresh_sqlite(connection):
            _make_sqlite_schema(connection)
            return
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except CommandError as exc:
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

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A transaction on a plain connection, no ORM session: the telemetry writer's path, taken every flush."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise StorageError(_explain(exc, self.url)) from exc

    # ------------------------------------------------------------------ checklist runs
    def save_run(
        self, run: ChecklistRun, language: str = "en", origin: str = "console", run_id: int | None = None
    ) -> int:
        """Insert a run, or replace the stored state of run `run_id`; returns its id.

        What is language-independent is stored (item ids, statuses, titles in every language, result templates
        with their measured fields), so the run reads in whichever language its reader has. `language` only
        chooses the language of the plain-text columns (title, detail) kept for people reading the database.

        A run kept at go-live belongs to the show that went live with it (`run.show_id`, None while that show is not
        known yet), not to the one it was started in: a list started in a show that ended before the stream began
        (the console went to another room and came back) is the next show's checklist."""
        report = run.to_dict(language)
        now = datetime.now(UTC)
        with self._unit() as session:
            row = session.get(RunRow, run_id) if run_id is not None else None
            moved: set[int] = set()
            if row is not None and run.end is RunEnd.WENT_LIVE and row.show_id != run.show_id:
                moved = {show for show in (row.show_id, run.show_id) if show is not None}
                row.show_id = run.show_id
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
            elif row.go_live_by is not None:
                # The override lapsed (its stream did not start): the run is as it was before it. A run counted at
                # go-live (go_live_at without go_live_by, count_completed_run) keeps its go_live_at.
                row.go_live_by = row.go_live_reason = row.go_live_at = None
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
            if moved:
                _refresh_kept_summaries(session, moved)
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

    def newest_pre_show(self, room: str) -> StoredRun | None:
        """The room's newest pre-show run, with its items (a wall tile's preparation; the Checklist dock's run for a
        room switched to): by its start, whatever troubleshooting lists were run since."""
        query = (
            select(RunRow.id)
            .where(RunRow.room == room, RunRow.kind == "pre-show")
            .order_by(RunRow.started_at.desc(), RunRow.id.desc())
            .limit(1)
        )
        with self._unit() as session:
            run_id = session.scalar(query)
        return None if run_id is None else self.run(run_id)

    def run(self, run_id: int) -> StoredRun | None:
        with self._unit() as session:
            row = session.get(RunRow, run_id)
            if row is None:
                return None
            show = session.get(ShowRow, row.show_id) if row.show_id is not None else None
            return _run(row, True, show.started_at if show is not None else None)

    def go_live_run(self, show_id: int) -> StoredRun | None:
        """The show's pre-show run at go-live, with its items: the newest such (the one the stored summary's
        checklist outcome speaks of) — a run kept at go-live, or one completed before it and counted then
        (`count_completed_run`); None when the show went live without one. Found by the run's show id, so a run
        begun long before the show, or on a computer whose clock disagrees, is still the show's."""
        query = (
            select(RunRow.id)
            .where(RunRow.show_id == show_id, _AT_GO_LIVE)
            .order_by(RunRow.ended_at.desc(), RunRow.id.desc())
            .limit(1)
        )
        with self._unit() as session:
            run_id = session.scalars(query).first()
        return self.run(run_id) if run_id is not None else None

    def count_completed_run(self, room: str, show_id: int, at: datetime) -> int | None:
        """The stream of `room`'s show `show_id` started at `at` with no pre-show run open: the room's pre-show run
        completed since its previous show ended (and not after `at`) is the show's checklist at go-live. It is
        linked to the show (its show id, and `go_live_at` = when the show went live; how it ended — completed, by
        whom, when — stays as it was). A run completed before the previous show ended, one another show already
        went live with, or another room's, does not count. Returns the run's id, or None when there is none.
        Idempotent: two consoles of the room seeing the same go-live link the same run once; a second go-live of
        the same show keeps the first one's time.

        The previous show is the room's last earlier one that went on air: a show that never streamed (the console
        left the room during the preparation, or was closed for longer than a show resumes) used no checklist, and
        the run completed during it is still the one the room goes live with."""
        with self._unit() as session:
            row = _completed_for_go_live(session, room, show_id, at)
            if row is None:
                return None
            if row.show_id != show_id or row.go_live_at is None or row.go_live_by is not None:
                row.show_id, row.go_live_at = show_id, at
                # A go-live override left on the run from an earlier attempt whose stream never started: the run
                # was completed since, so the show went live with it ready, not overridden.
                row.go_live_by = row.go_live_reason = None
                session.flush()
                _refresh_kept_summaries(session, {show_id})
            return row.id

    def completed_for_go_live(self, room: str, show_id: int | None, at: datetime) -> int | None:
        """The id of the run `count_completed_run` would link if `room`'s show `show_id` went live at `at` with no
        pre-show run open (None: there is none), read only: what the go-live question says before the stream
        starts, whichever console completed the list and whether it has been restarted since."""
        with self._unit() as session:
            row = _completed_for_go_live(session, room, show_id, at)
            return None if row is None else row.id

    # ------------------------------------------------------------------ shows (telemetry)
    def open_show(
        self, room: str, now: datetime, resume_within_s: float, started: datetime | None = None
    ) -> tuple[StoredShow, bool]:
        """The room's show to record into: the latest one if it is not ended and had a sample within
        `resume_within_s` (the console restarted mid-show), else a new one, started at `started` when that is
        earlier than `now` (its first rows, taken while the database opened). Returns (show, resumed)."""
        with self._unit() as session:
            row = session.scalars(
                select(ShowRow).where(ShowRow.room == room).order_by(ShowRow.id.desc()).limit(1)
            ).first()
            last = _aware(row.last_sample_at or row.started_at) if row is not None else None
            recent = last is not None and (now - last).total_seconds() <= resume_within_s
            if row is not None and row.ended_at is None and recent:
                # Resumed: its summary may have been kept as final in between; it runs again.
                session.execute(update(SHOW_SUMMARIES).where(SHOW_SUMMARIES.c.show_id == row.id).values(final=False))
                return _show(row), True
            kept_final = select(SHOW_SUMMARIES.c.final).where(SHOW_SUMMARIES.c.show_id == (row.id if row else None))
            if row is not None and not session.scalar(kept_final):
                # It can no longer resume (a console killed mid-show, or closed): its summary is final now.
                _store_summaries(session, [row.id], now, final={row.id})
            row = ShowRow(room=room, started_at=min(now, started) if started is not None else now)
            session.add(row)
            session.flush()
            return _show(row), False

    def running_show(self, room: str, now: datetime, resume_within_s: float) -> int | None:
        """The room's show a console records now, or would resume on its restart (open_show's rule): the latest,
        not ended, with a sample within `resume_within_s`. None when the room has no show running."""
        with self._unit() as session:
            row = session.execute(
                select(ShowRow.id, ShowRow.started_at, ShowRow.last_sample_at, ShowRow.ended_at)
                .where(ShowRow.room == room)
                .order_by(ShowRow.id.desc())
                .limit(1)
            ).first()
        if row is None or row.ended_at is not None:
            return None
        last = _aware(row.last_sample_at or row.started_at)
        return int(row.id) if last is not None and (now - last).total_seconds() <= resume_within_s else None

    def end_show(
        self, show_id: int, now: datetime, mine: Collection[float] | None = None, since: float | None = None
    ) -> bool:
        """Mark the show ended (its summary final); True when it was.

        With `mine` — the seconds (sample times) this console stored of the show since `since` — a show that another
        console of the room still records is left open for that console (False): two consoles share a room's show,
        and the first to leave must not end it under the other. Another console records it when the show holds a
        second of the last ON_AIR_RECENT_S (a recording console stores one every ≤ 1.75 s, flushed every 2 s), after
        `since`, that is not among `mine`."""
        with self._unit() as session:
            if mine is not None:
                cut = now.timestamp() - ON_AIR_RECENT_S
                if since is not None:
                    cut = max(cut, since)
                own = {round(float(t), 3) for t in mine}
                recent = session.scalars(select(SAMPLES.c.t).where(SAMPLES.c.show_id == show_id, SAMPLES.c.t > cut))
                if any(round(float(t), 3) not in own for t in recent):
                    return False
            session.execute(update(ShowRow).where(ShowRow.id == show_id).values(ended_at=now))
            _store_summaries(session, [show_id], now, final={show_id})  # the Shows browser's row, kept
            return True

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
        with self._write() as connection:
            if findings:
                _put_findings(connection, show_id, findings)
            if samples:
                connection.execute(_INSERT_SAMPLES, [dict(row, show_id=show_id) for row in samples])
                last = datetime.fromtimestamp(max(row["t"] for row in samples), UTC)
                connection.execute(_LAST_SAMPLE, {"show": show_id, "last": last})
            if markers:
                connection.execute(_INSERT_MARKERS, [dict(row, show_id=show_id) for row in markers])

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
        if samples or findings:  # rows of an earlier show written in late: its summary is computed again
            with self._unit() as session:
                _store_summaries(session, [show_id], datetime.now(UTC))
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

    def show_streamed(self, show_id: int) -> bool:
        """Whether any stored second of the show was streaming (one row by the (show, t) index when it streamed)."""
        query = select(SAMPLES.c.t).where(SAMPLES.c.show_id == show_id, SAMPLES.c.streaming >= 0.5).limit(1)
        with self._unit() as session:
            return session.execute(query).first() is not None

    def show_findings(self, show_id: int) -> list[dict[str, Any]]:
        """A show's findings, in the order they opened."""
        query = select(FINDINGS).where(FINDINGS.c.show_id == show_id).order_by(FINDINGS.c.first_seen, FINDINGS.c.id)
        with self._unit() as session:
            return [dict(row._mapping) for row in session.execute(query)]

    def show_markers(self, show_id: int) -> list[dict[str, Any]]:
        query = select(MARKERS).where(MARKERS.c.show_id == show_id).order_by(MARKERS.c.t, MARKERS.c.id)
        with self._unit() as session:
            return [dict(row._mapping) for row in session.execute(query)]

    # ---- review: loading
    def review_rows(
        self, show_id: int, channels: tuple[str, ...] = CHANNELS
    ) -> tuple[StoredShow, list[tuple[Any, ...]], list[tuple[Any, ...]], list[dict[str, Any]]] | None:
        """Everything a review of one show reads, in one transaction (a show still being written reads as one
        consistent moment): the show, its sample rows as plain tuples (t, then `channels` in that order; None =
        unknown), its markers as (t, kind, detail) and its finding rows. None when there is no such show.

        Rows come straight from the driver's cursor as tuples (no Row or dict per second): an 8-hour show is
        28,800 rows, and building an object for each was most of the time spent opening one."""
        sample_columns = [SAMPLES.c.t, *(SAMPLES.c[name] for name in channels)]
        samples = select(*sample_columns).where(SAMPLES.c.show_id == show_id).order_by(SAMPLES.c.t)
        markers = (
            select(MARKERS.c.t, MARKERS.c.kind, MARKERS.c.detail)
            .where(MARKERS.c.show_id == show_id)
            .order_by(MARKERS.c.t, MARKERS.c.id)
        )
        findings = select(FINDINGS).where(FINDINGS.c.show_id == show_id).order_by(FINDINGS.c.first_seen, FINDINGS.c.id)
        with self._unit() as session:
            row = session.get(ShowRow, show_id)
            if row is None:
                return None
            connection = session.connection()
            sample_rows = self._review_tuples(connection, samples)
            marker_rows = [tuple(marker) for marker in connection.execute(markers)]
            finding_rows = [dict(finding._mapping) for finding in connection.execute(findings)]
            return _show(row), sample_rows, marker_rows, finding_rows

    def _review_tuples(self, connection: Any, query: Any) -> list[tuple[Any, ...]]:
        """A query's rows as the DB-API driver hands them (tuples), bypassing SQLAlchemy's Row objects (review)."""
        compiled = query.compile(dialect=connection.dialect)
        params = compiled.construct_params()
        positional = compiled.positiontup
        raw = connection.connection.dbapi_connection
        # psycopg's binary protocol hands floats over as 8 bytes each instead of text to parse (about 2x faster).
        cursor = raw.cursor(binary=True) if connection.dialect.name == "postgresql" else raw.cursor()
        try:
            if positional is not None:
                cursor.execute(compiled.string, tuple(params[name] for name in positional))
            else:
                cursor.execute(compiled.string, params)
            return list(cursor.fetchall())
        except connection.dialect.dbapi.Error as exc:  # the driver's own errors: not wrapped by SQLAlchemy here
            raise StorageError(_explain(exc, self.url)) from exc
        finally:
            cursor.close()

    # ---- show review: metadata, summaries and the Shows browser (issue 18)
    def show_meta(self, show_id: int) -> ShowMeta | None:
        """The show's metadata (an empty ShowMeta if never edited); None if there is no such show."""
        with self._unit() as session:
            if session.get(ShowRow, show_id) is None:
                return None
            return _read_meta(session, show_id)

    def set_show_meta(self, show_id: int, meta: ShowMeta, by: str, now: datetime | None = None) -> ShowMeta:
        """Keep `meta` (pass it through clean_meta first: it is validated again here) as the show's metadata,
        edited by `by` now; returns what is kept. MetaError for bad input or an unknown show, nothing written."""
        clean = clean_meta(meta.title, meta.hosts, meta.assistant, meta.tags, meta.notes)
        editor = clean_editor(by)
        when = now or datetime.now(UTC)
        with self._unit() as session:
            # The show's row locked: two people saving the same show at once (PostgreSQL) take turns instead of
            # colliding on its metadata's key; the last one's edit is kept whole.
            if session.scalar(select(ShowRow.id).where(ShowRow.id == show_id).with_for_update()) is None:
                raise no_such_show(show_id)
            session.execute(delete(SHOW_META).where(SHOW_META.c.show_id == show_id))
            session.execute(delete(SHOW_PEOPLE).where(SHOW_PEOPLE.c.show_id == show_id))
            session.execute(delete(SHOW_TAGS).where(SHOW_TAGS.c.show_id == show_id))
            session.execute(
                insert(SHOW_META).values(
                    show_id=show_id,
                    title=clean.title,
                    assistant=clean.assistant,
                    notes=clean.notes,
                    hosts_sort=", ".join(clean.hosts),
                    edited_by=editor,
                    edited_at=when,
                )
            )
            if clean.hosts:
                session.execute(
                    insert(SHOW_PEOPLE),
                    [
                        {"show_id": show_id, "role": "host", "position": n, "name": name}
                        for n, name in enumerate(clean.hosts)
                    ],
                )
            if clean.tags:
                session.execute(
                    insert(SHOW_TAGS),
                    [{"show_id": show_id, "position": n, "tag": tag} for n, tag in enumerate(clean.tags)],
                )
            return _read_meta(session, show_id)

    def show_meta_prefill(self, room: str, show_id: int | None = None) -> ShowMeta:
        """What the go-live dialog offers for a new show of `room`: the title, hosts, assistant and tags of the
        room's last show that has metadata (before `show_id`), notes left empty (they are about that show);
        the assistant is the operator of this show's newest pre-show checklist run when there is one (with no
        show id: the room's newest pre-show run not tied to a show, of the last PREFILL_RUN_S)."""
        with self._unit() as session:
            last = (
                select(SHOW_META.c.show_id).join(ShowRow, ShowRow.id == SHOW_META.c.show_id).where(ShowRow.room == room)
            )
            if show_id is not None:
                last = last.where(ShowRow.id < show_id)
            previous = session.scalars(last.order_by(ShowRow.id.desc()).limit(1)).first()
            base = _read_meta(session, previous) if previous is not None else ShowMeta()
            runs = select(RunRow.operator).where(RunRow.room == room, RunRow.kind == "pre-show")
            if show_id is not None:
                runs = runs.where(RunRow.show_id == show_id)
            else:
                since = datetime.now(UTC) - timedelta(seconds=PREFILL_RUN_S)
                runs = runs.where(RunRow.show_id.is_(None), RunRow.started_at >= since)
            operator = session.scalars(runs.order_by(RunRow.started_at.desc(), RunRow.id.desc()).limit(1)).first()
        return ShowMeta(
            title=base.title,
            hosts=base.hosts,
            assistant=_clean_name(operator) if operator else base.assistant,
            tags=base.tags,
        )

    def refresh_show_summaries(self, show_ids: list[int] | None = None, now: datetime | None = None) -> int:
        """Compute and keep the summary of these shows (default: every show without a final one); returns how
        many. Called when a show ends; the browser calls it itself for missing and stale rows."""
        when = now or datetime.now(UTC)
        with self._unit() as session:
            if show_ids is None:
                show_ids = list(
                    session.scalars(
                        select(ShowRow.id)
                        .outerjoin(SHOW_SUMMARIES, SHOW_SUMMARIES.c.show_id == ShowRow.id)
                        .where(or_(SHOW_SUMMARIES.c.show_id.is_(None), SHOW_SUMMARIES.c.final.is_(False)))
                    )
                )
            _store_summaries(session, show_ids, when)
            return len(show_ids)

    def show_summary(self, show_id: int, now: datetime | None = None) -> ShowSummary | None:
        """One show's browser row (refreshed first if missing or stale); None if there is no such show."""
        when = now or datetime.now(UTC)
        with self._unit() as session:
            _refresh_stale(session, when, [show_id])
            rows = _summaries_of(session, select_from_ids=[show_id])
            return rows[0] if rows else None

    def browse_shows(self, query: ShowQuery, now: datetime | None = None) -> ShowPage:
        """The Shows browser's page: summaries of the shows matching every filter, sorted (ties by id, unknown
        figures last in either direction), `query.limit` rows from `query.offset`, with the total count.

        Offset paging, not keyset: the browser jumps to any page and shows "N shows", which needs the total
        count (a pass over the filtered rows) anyway, and with summaries stored a deep offset over 10,000 rows
        costs little; keyset would have to encode every sortable column with its NULLs for the same result.
        Summaries missing (a new show) or stale (a running show's older than LIVE_REFRESH_S) are computed first,
        in a transaction of their own: a database this console may only read (an analyst's account) still
        answers, with the figures as stored and `ShowPage.not_refreshed` saying why they may be behind."""
        when = now or datetime.now(UTC)
        not_refreshed = None
        try:
            with self._unit() as session:
                _refresh_stale(session, when)
        except StorageError as exc:
            not_refreshed = str(exc)
        with self._unit() as session:
            filters = _browse_filters(query)
            total = session.scalar(
                select(func.count())
                .select_from(ShowRow.__table__)
                .outerjoin(SHOW_META, SHOW_META.c.show_id == ShowRow.id)
                .where(*filters)
            )
            order = _SORTS[query.sort]()
            direction = (order.desc() if query.descending else order.asc()).nulls_last()
            tie = ShowRow.id.desc() if query.descending else ShowRow.id.asc()
            shows = _summaries_of(
                session, filters=filters, order_by=(direction, tie), offset=query.offset, limit=query.limit
            )
        # The count and the rows are two statements, each seeing what is committed when it runs (read committed;
        # SQLite reads outside a transaction): a show begun between them is listed but not counted, and the
        # browser said "Shows: 31" over 32. The rows are what is shown, so the total agrees with them: a page
        # short of its limit reached the end; a full one has at least as many before its end.
        counted, listed = int(total or 0), query.offset + len(shows)
        if shows and len(shows) < query.limit:
            counted = listed
        elif shows:
            counted = max(counted, listed)
        return ShowPage(query, counted, tuple(shows), not_refreshed)

    def show_facets(self, room: str | None = None) -> ShowFacets:
        """What the browser's filters offer: every room, host and tag with how many shows have it (of `room`
        only, if given), most shows first, then by name."""
        with self._unit() as session:
            rooms = select(ShowRow.room, func.count()).group_by(ShowRow.room)
            hosts = (
                select(SHOW_PEOPLE.c.name, func.count(func.distinct(SHOW_PEOPLE.c.show_id)))
                .join(ShowRow, ShowRow.id == SHOW_PEOPLE.c.show_id)
                .where(SHOW_PEOPLE.c.role == "host")
                .group_by(SHOW_PEOPLE.c.name)
            )
            tags = (
                select(SHOW_TAGS.c.tag, func.count(func.distinct(SHOW_TAGS.c.show_id)))
                .join(ShowRow, ShowRow.id == SHOW_TAGS.c.show_id)
                .group_by(SHOW_TAGS.c.tag)
            )
            if room:
                hosts, tags = hosts.where(ShowRow.room == room), tags.where(ShowRow.room == room)

            def counted(query: Any) -> tuple[tuple[str, int], ...]:
                found = [(str(name), int(count)) for name, count in session.execute(query)]
                return tuple(sorted(found, key=lambda pair: (-pair[1], pair[0])))

            return ShowFacets(counted(rooms), counted(hosts), counted(tags))

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

    # ---- rundown (issue 19): the room's plan, replaced whole
    def rundown(self, room: str) -> Rundown:
        """The room's rundown in running order; an empty Rundown(room) when none was ever saved."""
        from console.core.rundown.model import Product, Rundown, Segment

        with self._unit() as session:
            head = session.execute(select(RUNDOWNS).where(RUNDOWNS.c.room == room)).first()
            if head is None:
                return Rundown(room)
            rows = session.execute(
                select(RUNDOWN_SEGMENTS).where(RUNDOWN_SEGMENTS.c.room == room).order_by(RUNDOWN_SEGMENTS.c.position)
            ).all()
        segments = tuple(
            Segment(
                title=row.title,
                planned_s=row.planned_s,
                fixed_start=row.fixed_start,
                scene=row.scene,
                product=None
                if row.product_name is None
                else Product(row.product_name, row.product_price, row.product_sku),
                talking_points=row.talking_points,
                cues=row.cues,
                colour=row.colour,
                key=row.key,
            )
            for row in rows
        )
        return Rundown(room, segments, _aware(head.updated_at), head.updated_by)

    def save_rundown(self, rundown: Rundown, by: str) -> Rundown:
        """Replace the room's whole rundown in ONE transaction and return it with updated_at/updated_by. A plan
        that breaks a bound (console.core.rundown.rules) raises RundownError listing every problem, and a
        database failure StorageError: either way the stored plan is unchanged."""
        from dataclasses import replace

        from console.core.rundown.rules import check_rundown

        check_rundown(rundown)
        now = datetime.now(UTC)
        by = by[:200]
        with self._unit() as session:
            session.execute(delete(RUNDOWN_SEGMENTS).where(RUNDOWN_SEGMENTS.c.room == rundown.room))
            session.execute(delete(RUNDOWNS).where(RUNDOWNS.c.room == rundown.room))
            session.execute(insert(RUNDOWNS).values(room=rundown.room, updated_at=now, updated_by=by))
            if rundown.segments:
                session.execute(
                    insert(RUNDOWN_SEGMENTS),
                    [
                        {
                            "room": rundown.room,
                            "position": position,
                            "key": segment.key,
                            "title": segment.title,
                            "planned_s": segment.planned_s,
                            "fixed_start": segment.fixed_start,
                            "scene": segment.scene,
                            "product_name": segment.product.name if segment.product else None,
                            "product_price": segment.product.price if segment.product else None,
                            "product_sku": segment.product.sku if segment.product else "",
                            "talking_points": segment.talking_points,
                            "cues": segment.cues,
                            "colour": segment.colour,
                        }
                        for position, segment in enumerate(rundown.segments)
                    ],
                )
        return replace(rundown, updated_at=now, updated_by=by)

    # ---- rundown live: the show's rundown as it ran (issue 19)
    def add_rundown(self, show_id: int, marks: list[dict[str, Any]], snapshot: dict[str, Any] | None = None) -> None:
        """One transaction: the show's rundown snapshot (kept once: the plan at the first Go) and marks as
        Mark.as_row() gives them (the show writer's path: a console that stamped them while the database did not
        answer). A mark already stored (the same instant, action, segment and who) has its switch outcome updated;
        a new one goes after the show's last stored mark (another console of the room may have stamped its seq
        meanwhile): a mark is never lost, nor written over another console's."""
        if not marks and snapshot is None:
            return
        with self._unit() as session:
            if snapshot is not None:
                _keep_rundown_snapshot(session, show_id, snapshot)
            for row in marks:
                stored = _rundown_mark_row(show_id, row)
                if _settle_rundown_mark(session, stored):
                    continue
                stored["seq"] = _next_rundown_seq(session, show_id)  # contiguous: readers index marks by seq
                session.execute(insert(RUNDOWN_MARKS).values(**stored))

    def claim_rundown_mark(
        self, show_id: int, row: dict[str, Any], snapshot: dict[str, Any] | None = None, append: bool = False
    ) -> RundownClaim:
        """Store a mark a console just stamped (Mark.as_row()) at its seq — the show's next boundary as that
        console saw the show. The unique index (show, seq) decides between two consoles of the room pressing at
        the same moment: the first transaction's mark is kept, the other is refused (won False) with the show's
        marks as stored, so its console follows them and says who advanced the show. The same mark claimed twice
        (a retry) is won. `append`: a mark stamped while the database did not answer goes after the last one
        stored whatever its seq (it happened: never lost). The snapshot is kept with the first mark, once."""
        from sqlalchemy.exc import IntegrityError

        stored = _rundown_mark_row(show_id, row)
        try:
            with self._unit() as session:
                if snapshot is not None:
                    _keep_rundown_snapshot(session, show_id, snapshot)
                mine = _rundown_mark_id(session, stored)
                if mine is not None:
                    return RundownClaim(True, int(mine[1]), self._rundown_marks(session, show_id))
                if append:
                    stored["seq"] = _next_rundown_seq(session, show_id)
                session.execute(insert(RUNDOWN_MARKS).values(**stored))
                return RundownClaim(True, int(stored["seq"]), self._rundown_marks(session, show_id))
        except StorageError as exc:
            if not isinstance(exc.__cause__, IntegrityError):
                raise
        # Another console's mark holds that seq: ours is not stored; the loser reads what the show is now.
        with self._unit() as session:
            return RundownClaim(False, None, self._rundown_marks(session, show_id))

    def settle_rundown_mark(self, show_id: int, row: dict[str, Any]) -> bool:
        """A stored mark's switch outcome (done, or refused and why), found by what it is (instant, action,
        segment, who), never by seq alone: a mark refused to its console is not there, and another console's at
        that seq is left alone. False when there is no such mark."""
        with self._unit() as session:
            return _settle_rundown_mark(session, _rundown_mark_row(show_id, row))

    def rundown_mark(self, show_id: int) -> tuple[int, int]:
        """What changes whenever a mark is added to the show, in one small indexed query: (how many marks, the
        highest seq; -1 none). Every console of the room reads it every second and reads the marks whole only
        when it differs from what it holds, so the statement is built once and read on a plain connection."""
        global _RUNDOWN_MARK
        if _RUNDOWN_MARK is None:
            from sqlalchemy import bindparam

            _RUNDOWN_MARK = select(func.count(), func.max(RUNDOWN_MARKS.c.seq)).where(
                RUNDOWN_MARKS.c.show_id == bindparam("show_id")
            )
        with self._write() as connection:
            row = connection.execute(_RUNDOWN_MARK, {"show_id": show_id}).first()
        if row is None:
            return 0, -1
        return int(row[0] or 0), -1 if row[1] is None else int(row[1])

    def rundown_watch(self, room: str, show_id: int | None) -> RundownWatch:
        """What changes when anything a console of the room follows changes elsewhere, in ONE small statement:
        when the room's plan was last saved (an import, another console's edit), the show's mark (as
        rundown_mark) and its host line's change count. Every console reads it every recorded second and reads
        the plan, the marks or the line whole only when its part differs from what it holds; the statement is
        built once and read on a plain connection. `show_id` None: no show yet (only the plan is watched)."""
        global _RUNDOWN_WATCH
        if _RUNDOWN_WATCH is None:
            from sqlalchemy import bindparam

            room_bound: Any = bindparam("room")
            show_bound: Any = bindparam("show_id")
            marks = RUNDOWN_MARKS.c.show_id == show_bound
            _RUNDOWN_WATCH = select(
                select(RUNDOWNS.c.updated_at).where(RUNDOWNS.c.room == room_bound).scalar_subquery(),
                select(func.count()).select_from(RUNDOWN_MARKS).where(marks).scalar_subquery(),
                select(func.max(RUNDOWN_MARKS.c.seq)).where(marks).scalar_subquery(),
                select(SHOW_HOST_LINES.c.revision).where(SHOW_HOST_LINES.c.show_id == show_bound).scalar_subquery(),
            )
        with self._write() as connection:
            row = connection.execute(_RUNDOWN_WATCH, {"room": room, "show_id": -1 if show_id is None else show_id})
            got = row.first()
        if got is None:  # pragma: no cover - a SELECT without FROM always has its one row
            return RundownWatch(None, (0, -1), 0)
        return RundownWatch(_aware(got[0]), (int(got[1] or 0), -1 if got[2] is None else int(got[2])), int(got[3] or 0))

    def _rundown_marks(self, session: Session, show_id: int) -> list[Any]:
        from console.core.rundown.live import Mark

        query = select(RUNDOWN_MARKS).where(RUNDOWN_MARKS.c.show_id == show_id).order_by(RUNDOWN_MARKS.c.seq)
        return [Mark.from_row(dict(row._mapping)) for row in session.execute(query)]

    def rundown_marks(self, show_id: int) -> list[Any]:
        """The show's rundown marks (console.core.rundown.live.Mark), in the order they were stamped."""
        from console.core.rundown.live import Mark

        query = select(RUNDOWN_MARKS).where(RUNDOWN_MARKS.c.show_id == show_id).order_by(RUNDOWN_MARKS.c.seq)
        with self._unit() as session:
            return [Mark.from_row(dict(row._mapping)) for row in session.execute(query)]

    def rundown_snapshot(self, show_id: int) -> Any:
        """The show's plan as it was at the first Go (console.core.rundown.live.Snapshot); None before it."""
        from console.core.rundown.live import Snapshot, plan_from_json

        with self._unit() as session:
            row = session.execute(select(SHOW_RUNDOWNS).where(SHOW_RUNDOWNS.c.show_id == show_id)).first()
        if row is None:
            return None
        return Snapshot(plan_from_json(row.room, row.segments), float(row.taken_at), row.planned_start)

    # ---- chat engage: the lottery (issue 20), shared by every console of the room
    def open_lottery(self, show_id: int, record: Any, seed: bytes) -> int:
        """Store a lottery as Lottery.open made it (console.core.chat.lottery.LotteryRecord, its opened_by kept)
        with its seed, kept hidden until the draw; returns its id. The show's running lottery (open, or closed and
        not drawn), whichever console opened it, refuses a second one: LotteryError naming it and who opened it —
        kept by the database (a partial unique index), so two desks opening at the same moment cannot both
        succeed. StorageError for an unknown show."""
        from sqlalchemy.exc import IntegrityError

        from console.core.chat.lottery import already_running

        try:
            with self._unit() as session:
                if session.get(ShowRow, show_id) is None:
                    raise StorageError(f"there is no show {show_id}")
                running = _running_lottery(session, show_id)
                if running is not None:
                    raise already_running(running)
                return int(
                    session.execute(
                        insert(LOTTERIES)
                        .values(
                            show_id=show_id,
                            room=record.room[:200],
                            keyword=record.keyword,
                            winners_count=record.winners_count,
                            excluded=_json(list(record.excluded)),
                            opened_at=record.opened_at,
                            closed_at=record.closed_at,
                            commitment=record.commitment,
                            seed=seed.hex(),
                            opened_by=record.opened_by[:200] or None,
                        )
                        .returning(LOTTERIES.c.id)
                    ).scalar_one()
                )
        except StorageError as exc:
            if not isinstance(exc.__cause__, IntegrityError):
                raise
            # Another console's lottery was stored between our look and our insert: the index refused ours.
            with self._unit() as session:
                running = _running_lottery(session, show_id)
            if running is None:
                raise
            raise already_running(running) from exc

    def add_lottery_entries(self, lottery_id: int, entries: list[Any]) -> int:
        """Keep entries (lottery.Entry); a viewer already entered keeps their first entry — whichever console of
        the room stored it: the unique index (lottery, platform, user id) keeps one row, never a race in Python —
        and nothing is added once the lottery is drawn or cancelled, or after its close. Returns how many were
        added."""
        if not entries:
            return 0
        with self._unit() as session:
            head = session.execute(
                select(LOTTERIES.c.closed_at, LOTTERIES.c.drawn_at, LOTTERIES.c.cancelled_at)
                .where(LOTTERIES.c.id == lottery_id)
                .with_for_update()
            ).first()
            if head is None or head.drawn_at is not None or head.cancelled_at is not None:
                return 0
            rows = [
                {
                    "lottery_id": lottery_id,
                    "platform": entry.platform[:40],
                    "user_id": entry.user_id[:200],
                    "user_name": entry.user_name[:200],
                    "at": entry.at,
                    "comment": entry.comment[:500],
                }
                for entry in entries
                if head.closed_at is None or entry.at <= head.closed_at
            ]
            if not rows:
                return 0
            statement = (
                _upsert(session, LOTTERY_ENTRIES)
                .on_conflict_do_nothing(index_elements=["lottery_id", "platform", "user_id"])
                .returning(LOTTERY_ENTRIES.c.id)
            )
            # Counted from RETURNING: a driver's executemany rowcount is -1 (psycopg).
            return len(session.execute(statement, rows).all())

    def close_lottery(self, lottery_id: int, closed_at: float) -> None:
        """Entries end at `closed_at` (the first close counts, whichever console made it)."""
        with self._unit() as session:
            session.execute(
                update(LOTTERIES)
                .where(LOTTERIES.c.id == lottery_id, LOTTERIES.c.closed_at.is_(None))
                .values(closed_at=closed_at)
            )

    def draw_lottery(self, lottery_id: int, now: float, by: str = "") -> Any:
        """Draw the winners from the STORED entries and the stored seed, keep them and reveal the seed; closes the
        lottery first if it is still open. Drawing again returns the same record. Returns the LotteryRecord;
        StorageError for an unknown lottery, LotteryError for a cancelled one."""
        return self.draw_lottery_once(lottery_id, now, by)[0]

    def draw_lottery_once(self, lottery_id: int, now: float, by: str = "") -> tuple[Any, bool]:
        """draw_lottery, and whether THIS call drew (False: it was drawn before, by whom the record says). Two
        consoles pressing Draw at once draw once: the row is locked (PostgreSQL), the update counts only where
        it is not drawn yet, and the winners' (lottery, rank) index refuses a second set — the loser's transaction
        fails or finds it drawn, and nothing of it is kept."""
        from console.core.chat.lottery import cancelled, draw_winners

        with self._unit() as session:
            head = session.execute(select(LOTTERIES).where(LOTTERIES.c.id == lottery_id).with_for_update()).first()
            if head is None:
                raise StorageError(f"there is no lottery {lottery_id}")
            if head.drawn_at is not None:
                return _lottery_record(session, lottery_id), False
            if head.cancelled_at is not None:
                raise cancelled(_lottery_record(session, lottery_id))
            closed = head.closed_at if head.closed_at is not None else now
            drew = getattr(
                session.execute(
                    update(LOTTERIES)
                    .where(LOTTERIES.c.id == lottery_id, LOTTERIES.c.drawn_at.is_(None))
                    .values(closed_at=closed, drawn_at=now, drawn_by=by[:200] or None)
                ),
                "rowcount",
                0,
            )
            if drew != 1:
                return _lottery_record(session, lottery_id), False
            entries = _lottery_entries(session, lottery_id)
            winners = draw_winners(bytes.fromhex(head.seed), entries, head.winners_count)
            if winners:
                session.execute(
                    insert(LOTTERY_WINNERS),
                    [
                        {
                            "lottery_id": lottery_id,
                            "rank": w.rank,
                            "platform": w.platform,
                            "user_id": w.user_id,
                            "user_name": w.user_name,
                        }
                        for w in winners
                    ],
                )
            return _lottery_record(session, lottery_id), True

    def cancel_lottery(self, lottery_id: int, now: float, by: str = "") -> Any:
        """Cancel a lottery not drawn yet: no entry, no draw, and the show may open another. Cancelling again
        returns the same record; LotteryError for one already drawn (its winners stand). Returns the record."""
        from console.core.chat.lottery import cannot_cancel

        with self._unit() as session:
            done = getattr(
                session.execute(
                    update(LOTTERIES)
                    .where(
                        LOTTERIES.c.id == lottery_id, LOTTERIES.c.drawn_at.is_(None), LOTTERIES.c.cancelled_at.is_(None)
                    )
                    .values(cancelled_at=now, cancelled_by=by[:200] or None)
                ),
                "rowcount",
                0,
            )
            record = _lottery_record(session, lottery_id)
        if record is None:
            raise StorageError(f"there is no lottery {lottery_id}")
        if not done and record.state == "drawn":
            raise cannot_cancel(record)
        return record

    def forfeit_winner(self, lottery_id: int, rank: int, reason: str, note: str, now: float, by: str = "") -> Any:
        """Mark a drawn winner forfeited (they did not answer, are ineligible, …: `reason` a lottery.REASONS code,
        `note` the assistant's words). The replacement is drawn by draw_replacement, a separate step (a console
        that restarts between them finds the forfeit waiting). LotteryError: not drawn, no such winner, or one
        forfeited already (by whom, when). Returns the record."""
        from console.core.chat.lottery import MAX_NOTE, REASONS, forfeit_error

        if reason not in REASONS:
            raise forfeit_error("reason")
        with self._unit() as session:
            record = _lottery_record(session, lottery_id)
            if record is None:
                raise StorageError(f"there is no lottery {lottery_id}")
            winner = next((w for w in record.winners if w.rank == rank), None)
            if winner is None:
                raise forfeit_error("no_winner", rank=rank)
            done = getattr(
                session.execute(
                    update(LOTTERY_WINNERS)
                    .where(
                        LOTTERY_WINNERS.c.lottery_id == lottery_id,
                        LOTTERY_WINNERS.c.rank == rank,
                        LOTTERY_WINNERS.c.forfeited_at.is_(None),
                    )
                    .values(
                        forfeited_at=now,
                        forfeited_by=by[:200] or None,
                        forfeit_reason=reason,
                        forfeit_note=note.strip()[:MAX_NOTE] or None,
                    )
                ),
                "rowcount",
                0,
            )
            if done != 1:
                gone = next(w for w in _lottery_record(session, lottery_id).winners if w.rank == rank)
                raise forfeit_error("forfeited", gone=gone)
            return _lottery_record(session, lottery_id)

    def draw_replacement(self, lottery_id: int, rank: int, now: float, by: str = "") -> Any:
        """Draw the replacement for the forfeited winner `rank`: the next viewer of the same seeded sequence
        (lottery.draw_next), stored as the next rank. Once per forfeit, whichever desk presses (the lottery row is
        locked and the (lottery, replaces) index refuses a second). LotteryError: not forfeited, replaced already,
        or nobody is left to draw. Returns the record."""
        from console.core.chat.lottery import draw_next, forfeit_error

        with self._unit() as session:
            head = session.execute(select(LOTTERIES).where(LOTTERIES.c.id == lottery_id).with_for_update()).first()
            if head is None:
                raise StorageError(f"there is no lottery {lottery_id}")
            record = _lottery_record(session, lottery_id)
            gone = next((w for w in record.winners if w.rank == rank), None)
            if gone is None or not gone.forfeited:
                raise forfeit_error("not_forfeited", rank=rank)
            already = next((w for w in record.winners if w.replaces == rank), None)
            if already is not None:
                raise forfeit_error("replaced", gone=gone, winner=already)
            nxt = draw_next(bytes.fromhex(head.seed), record.entries, len(record.winners))
            if nxt is None:
                raise forfeit_error("nobody_left", gone=gone, rank=len(record.entries))
            session.execute(
                insert(LOTTERY_WINNERS).values(
                    lottery_id=lottery_id,
                    rank=nxt.rank,
                    platform=nxt.platform,
                    user_id=nxt.user_id,
                    user_name=nxt.user_name,
                    replaces=rank,
                    drawn_at=now,
                    drawn_by=by[:200] or None,
                )
            )
            return _lottery_record(session, lottery_id)

    def lottery_mark(self, show_id: int) -> tuple[Any, ...] | None:
        """What changes whenever the show's newest lottery changes, in ONE indexed query and a few bytes: its id,
        close, draw and cancellation, and its entry count (an index-only count; None: the show has none). Every
        console of the room reads it every two seconds and reads the whole lottery only when it differs, so the
        statement is built once and read on a plain connection (no ORM session): about half the CPU."""
        global _LOTTERY_MARK
        if _LOTTERY_MARK is None:
            from sqlalchemy import bindparam

            entries = (
                select(func.count())
                .select_from(LOTTERY_ENTRIES)
                .where(LOTTERY_ENTRIES.c.lottery_id == LOTTERIES.c.id)
                .scalar_subquery()
            )
            # Grows by one with every replacement drawn and every forfeit: another desk's is seen.
            winners = (
                select(func.count() + func.count(LOTTERY_WINNERS.c.forfeited_at))
                .select_from(LOTTERY_WINNERS)
                .where(LOTTERY_WINNERS.c.lottery_id == LOTTERIES.c.id)
                .scalar_subquery()
            )
            _LOTTERY_MARK = (
                select(
                    LOTTERIES.c.id,
                    LOTTERIES.c.closed_at,
                    LOTTERIES.c.drawn_at,
                    LOTTERIES.c.cancelled_at,
                    entries,
                    winners,
                )
                .where(LOTTERIES.c.show_id == bindparam("show_id"))
                .order_by(LOTTERIES.c.id.desc())
                .limit(1)
            )
        with self._write() as connection:  # one short transaction, as the telemetry writer's path
            row = connection.execute(_LOTTERY_MARK, {"show_id": show_id}).first()
        return tuple(row) if row is not None else None

    def lottery(self, lottery_id: int) -> Any:
        """The LotteryRecord (its seed None until drawn); None when there is no such lottery."""
        with self._unit() as session:
            return _lottery_record(session, lottery_id)

    def show_lotteries(self, show_id: int) -> list[Any]:
        """The show's lotteries, oldest first, each with its entries and winners."""
        with self._unit() as session:
            ids = session.scalars(
                select(LOTTERIES.c.id)
                .where(LOTTERIES.c.show_id == show_id)
                .order_by(LOTTERIES.c.opened_at, LOTTERIES.c.id)
            ).all()
            return [_lottery_record(session, lottery_id) for lottery_id in ids]

    # ---- chat engage: the Q&A queue and quick replies (issue 20)
    def add_question(self, show_id: int, event: Any, origin: str = "detected", now: float | None = None) -> Any:
        """Keep a comment (ChatEvent) as an open question of the show; the same comment stored by another console
        of the room is kept once (its key). Marked by hand, a question dismissed before opens again. Returns the
        Question."""
        import time

        from console.core.chat.questions import QuestionState, question_key

        key = question_key(event)
        when = time.time() if now is None else now
        with self._unit() as session:
            statement = _upsert(session, QUESTIONS).on_conflict_do_nothing(index_elements=["show_id", "key"])
            session.execute(statement, _question_row(show_id, key, event, when, origin))
            if origin == "hand":
                session.execute(
                    update(QUESTIONS)
                    .where(
                        QUESTIONS.c.show_id == show_id,
                        QUESTIONS.c["key"] == key,
                        QUESTIONS.c.state == QuestionState.DISMISSED.value,
                    )
                    .values(state=QuestionState.OPEN.value, origin="hand", dismissed_by=None, dismissed_at=None)
                )
            row = session.execute(
                select(QUESTIONS).where(QUESTIONS.c.show_id == show_id, QUESTIONS.c["key"] == key)
            ).one()
            return _question(row)

    def add_questions(self, show_id: int, events: Sequence[Any], now: float | None = None, segment: str = "") -> None:
        """Keep comments (ChatEvents) the rules found as open questions of the show, all in one unit of work: a
        flood of questions is a few writes, not one commit each (which held the queue's worker — and every claim
        and answer behind it — for minutes). A comment already kept (another console of the room, a re-read) stays
        as it is, and a viewer asking again what they asked before while that question still waits (open or
        claimed) is not queued twice: one row for the viewer's question, not one each time they repeat it.

        One question asked by many viewers is one group: a question whose topic (questions.topic_of: 多少钱,
        这个多少钱？ and 多少钱呀 alike) is the topic of a question still waiting (open or claimed) asked while the
        same rundown segment (`segment`, its key; "" without a rundown) was on air joins that question's group —
        its row kept (one row per viewer's question), its `group_id` the first's, its state the group's. A topic
        asked again after its group was answered or dismissed starts a new group."""
        from console.core.chat.lottery import fold
        from console.core.chat.questions import question_key

        if not events:
            return
        when = _now(now)
        segment = segment[:64]
        rows: dict[str, dict[str, Any]] = {}
        for comment in events:
            key = question_key(comment)
            rows.setdefault(key, _question_row(show_id, key, comment, when, "detected", segment))
        with self._unit() as session:
            _questions_lock(session, show_id)  # first: what it reads next includes every other console's questions
            waiting = _waiting_asked(session, show_id, rows)
            fresh = []
            for row in rows.values():
                asked: list[tuple[str, ...]] = [(row["platform"], row["user_id"], fold(row["text"]))]
                if row["topic"]:  # 多少钱 then 多少钱呀 from one viewer: still one asker of the group
                    asked.append((row["platform"], row["user_id"], "\0topic", row["topic"], row["segment"]))
                if not any(a in waiting for a in asked):
                    waiting.update(asked)
                    fresh.append(row)
            if fresh:
                statement = _upsert(session, QUESTIONS).on_conflict_do_nothing(index_elements=["show_id", "key"])
                session.execute(statement, fresh)
                _group_questions(session, show_id, segment, {row["key"] for row in fresh if row["topic"]})

    def questions(self, show_id: int, states: tuple[str, ...] | None = None, grouped: bool = False) -> list[Any]:
        """The show's questions (optionally only these states), in the order they were asked. `grouped`: as the
        queue shows them — a group asked by many viewers as its first question, with everyone who asked it in
        `askers` (the group's state is its first question's); else one row per viewer's question (the export)."""
        query = select(QUESTIONS).where(QUESTIONS.c.show_id == show_id)
        if states and not grouped:
            query = query.where(QUESTIONS.c.state.in_(states))
        with self._unit() as session:
            rows = list(session.execute(query.order_by(QUESTIONS.c.asked_at, QUESTIONS.c.id)))
        if not grouped:
            return [_question(row) for row in rows]
        result = [q for q in _grouped(rows) if not states or q.state.value in states]
        return result

    def claim_question(self, question_id: int, by: str, now: float | None = None) -> Any:
        """Take an open question — with its whole group, when many viewers asked it: one UPDATE that only an open
        question passes, so of two consoles claiming at once exactly one wins (the group is never split between
        them); the other gets QuestionError naming who has it."""
        from console.core.chat.questions import QuestionState

        return self._move_question(
            question_id,
            by,
            (QUESTIONS.c.state == QuestionState.OPEN.value,),
            {"state": QuestionState.CLAIMED.value, "claimed_by": by[:200], "claimed_at": _now(now)},
        )

    def release_question(self, question_id: int, by: str) -> Any:
        """Give a claimed question (its group) back to the queue (only its claimer)."""
        from console.core.chat.questions import QuestionState

        return self._move_question(
            question_id,
            by,
            (QUESTIONS.c.state == QuestionState.CLAIMED.value, QUESTIONS.c.claimed_by == by[:200]),
            {"state": QuestionState.OPEN.value, "claimed_by": None, "claimed_at": None},
        )

    def answer_question(self, question_id: int, by: str, answer: str = "", now: float | None = None) -> Any:
        """Mark answered (with the reply given, if any), the whole group: an open question, or one `by` claimed."""
        from console.core.chat.questions import QuestionState

        return self._move_question(
            question_id,
            by,
            _yours(by),
            {
                "state": QuestionState.ANSWERED.value,
                "answered_by": by[:200],
                "answered_at": _now(now),
                "answer": answer,
            },
        )

    def dismiss_question(self, question_id: int, by: str, now: float | None = None) -> Any:
        """Not a question, or not one to answer (the whole group): an open question, or one `by` claimed."""
        from console.core.chat.questions import QuestionState

        return self._move_question(
            question_id,
            by,
            _yours(by),
            {"state": QuestionState.DISMISSED.value, "dismissed_by": by[:200], "dismissed_at": _now(now)},
        )

    def _move_question(self, question_id: int, by: str, where: tuple[Any, ...], values: dict[str, Any]) -> Any:
        """One conditional UPDATE of the question's group (or of the question alone): it moves every row of the
        group that passes `where`, and counts only when the group's first question passed — else it is rolled back
        whole and the refusal names who has it, so two consoles claiming a group at once never split it (on
        PostgreSQL the second UPDATE waits for the first's row locks, then finds the rows claimed)."""
        from console.core.chat.questions import QuestionError
        from obs.text import QT_TRANSLATE_NOOP

        refused = False
        try:
            with self._unit() as session:
                row = session.execute(select(QUESTIONS).where(QUESTIONS.c.id == question_id)).first()
                if row is None:
                    raise QuestionError(
                        QT_TRANSLATE_NOOP("Questions", "there is no such question (id {id})"), id=question_id
                    )
                lead = row.group_id if row.group_id is not None else row.id
                which = QUESTIONS.c.group_id == lead if row.group_id is not None else QUESTIONS.c.id == row.id
                moved = set(
                    session.scalars(update(QUESTIONS).where(which, *where).values(**values).returning(QUESTIONS.c.id))
                )
                if lead not in moved:
                    refused = True
                    raise _Refused
                group = _group_rows(session, lead)
        except _Refused:
            pass
        if refused:
            with self._unit() as session:
                group = _group_rows(session, lead)
            question = next(iter(_grouped(group)))
            if question.state.value == "claimed":
                raise QuestionError(
                    QT_TRANSLATE_NOOP("Questions", "{who} has already claimed this question"), who=question.claimed_by
                )
            if question.state.value == "answered":
                raise QuestionError(
                    QT_TRANSLATE_NOOP("Questions", "{who} has already answered this question"),
                    who=question.answered_by or "—",
                )
            if question.state.value == "dismissed":
                raise QuestionError(
                    QT_TRANSLATE_NOOP("Questions", "{who} has already dismissed this question"),
                    who=question.dismissed_by or "—",
                )
            raise QuestionError(QT_TRANSLATE_NOOP("Questions", "this question is open: claim it first"))
        return next(iter(_grouped(group)))

    def quick_replies(self, room: str) -> list[Any]:
        """The room's quick replies (console.core.chat.questions.QuickReply) in their order."""
        from console.core.chat.questions import QuickReply

        query = select(QUICK_REPLIES).where(QUICK_REPLIES.c.room == room).order_by(QUICK_REPLIES.c.position)
        with self._unit() as session:
            return [QuickReply(row.text, row.product, row.keyword) for row in session.execute(query)]

    def save_quick_replies(self, room: str, replies: list[Any]) -> list[Any]:
        """Replace the room's quick replies in one transaction (checked first: ReplyError lists every problem and
        nothing changes); returns them as kept."""
        from console.core.chat.questions import check_replies

        clean = check_replies(replies)
        with self._unit() as session:
            session.execute(delete(QUICK_REPLIES).where(QUICK_REPLIES.c.room == room))
            if clean:
                session.execute(
                    insert(QUICK_REPLIES),
                    [
                        {"room": room, "position": n, "product": r.product, "keyword": r.keyword, "text": r.text}
                        for n, r in enumerate(clean)
                    ],
                )
        return clean

    # ---- chat room: comments kept with the show (issue 20)
    def add_comments(self, show_id: int, rows: list[dict[str, Any]]) -> None:
        """Comments as console/core/chat/room.py comment_row gives them, in one transaction. A comment the show holds
        already (its `message_key`: another console of the room stored it) is not stored again; a row without a key
        gets the one its message id gives, or none (kept, never taken for another)."""
        from console.core.chat.room import comment_key

        if rows:
            with self._write() as connection:
                statement = _INSERT_COMMENTS.get(connection.dialect.name)
                if statement is None:
                    statement = _upsert_for(connection.dialect.name, SHOW_COMMENTS).on_conflict_do_nothing(
                        index_elements=["show_id", "message_key"]
                    )
                    _INSERT_COMMENTS[connection.dialect.name] = statement
                connection.execute(
                    statement,
                    [
                        dict(row, show_id=show_id, message_key=row.get("message_key") or comment_key(row))
                        for row in rows
                    ],
                )

    def show_comments(self, show_id: int, limit: int | None = None) -> list[dict[str, Any]]:
        """A show's stored comments, oldest first."""
        query = (
            select(SHOW_COMMENTS)
            .where(SHOW_COMMENTS.c.show_id == show_id)
            .order_by(SHOW_COMMENTS.c.t, SHOW_COMMENTS.c.id)
        )
        if limit is not None:
            query = query.limit(limit)
        with self._unit() as session:
            return [dict(row._mapping) for row in session.execute(query)]

    def show_comment_counts(self, show_id: int) -> dict[str, int]:
        """How many of the show's stored messages there are of each kind ("comment", "superchat", "gift", …): one
        GROUP BY over the (show_id, t) index, for the review's figures, without reading an 8-hour show's rows."""
        query = (
            select(SHOW_COMMENTS.c.kind, func.count())
            .where(SHOW_COMMENTS.c.show_id == show_id)
            .group_by(SHOW_COMMENTS.c.kind)
        )
        with self._unit() as session:
            return {str(kind): int(count) for kind, count in session.execute(query)}

    def recent_comments(self, show_id: int, before: float, limit: int) -> list[dict[str, Any]]:
        """The show's newest `limit` comments stored before `before` (epoch seconds), oldest first: what a console
        restarted mid-show shows again. One backward walk of the (show_id, t) index, however long the show."""
        query = (
            select(SHOW_COMMENTS)
            .where(SHOW_COMMENTS.c.show_id == show_id, SHOW_COMMENTS.c.t < before)
            .order_by(SHOW_COMMENTS.c.t.desc(), SHOW_COMMENTS.c.id.desc())
            .limit(max(0, limit))
        )
        with self._unit() as session:
            rows = [dict(row._mapping) for row in session.execute(query)]
        rows.reverse()
        return rows

    def delete_comments_before(self, before: float) -> int:
        """Delete every comment that arrived before `before` (epoch seconds), in batches; returns how many."""
        deleted = 0
        while True:
            with self._unit() as session:
                ids = select(SHOW_COMMENTS.c.id).where(SHOW_COMMENTS.c.t < before).limit(COMMENT_DELETE_BATCH)
                # A subquery of ids: PostgreSQL and SQLite both delete a bounded batch this way.
                gone = session.execute(delete(SHOW_COMMENTS).where(SHOW_COMMENTS.c.id.in_(ids.scalar_subquery())))
                batch = int(getattr(gone, "rowcount", 0) or 0)
            deleted += batch
            if batch < COMMENT_DELETE_BATCH:
                return deleted

    # ---- rundown: the line for the host (issue 19's leftover)
    def host_line(self, show_id: int) -> StoredHostLine | None:
        """The show's line for the host as last set (its text "" once cleared); None when none was ever set."""
        query = select(SHOW_HOST_LINES).where(SHOW_HOST_LINES.c.show_id == show_id)
        with self._unit() as session:
            row = session.execute(query).first()
        if row is None:
            return None
        return StoredHostLine(show_id, row.text, int(row.revision), _aware(row.set_at) or row.set_at, row.set_by)

    def set_host_line(self, show_id: int, text: str, by: str, now: datetime | None = None) -> StoredHostLine:
        """Set (or, with "", clear) the show's line for the host, counting the change; returns it as stored.
        StorageError for a show that does not exist. Two consoles setting it at once both count: the later
        transaction's text is the one kept."""
        now = now or datetime.now(UTC)
        for _attempt in range(3):
            try:
                with self._unit() as session:
                    bumped = session.execute(
                        update(SHOW_HOST_LINES)
                        .where(SHOW_HOST_LINES.c.show_id == show_id)
                        .values(text=text, revision=SHOW_HOST_LINES.c.revision + 1, set_at=now, set_by=by)
                    )
                    if not int(getattr(bumped, "rowcount", 0) or 0):
                        session.execute(
                            insert(SHOW_HOST_LINES).values(
                                show_id=show_id, text=text, revision=1, set_at=now, set_by=by
                            )
                        )
            except StorageError:
                # The other console's first line went in between our update and insert: update it instead. A show
                # that does not exist fails the same way every time.
                if self.host_line(show_id) is None:
                    raise
                continue
            stored = self.host_line(show_id)
            if stored is not None:
                return stored
        raise StorageError(f"the line for the host of show {show_id} could not be stored")


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


# ---- show review: helpers of the metadata, summaries and the Shows browser (issue 18)
#: A pre-show run not tied to any show (`onair check`) counts for the prefill of a show going live this long after.
PREFILL_RUN_S = 12 * 3600
#: Shows summarised per statement (IN lists stay short on every database).
_BATCH = 500


def _clean_name(name: str) -> str:
    return " ".join(name.split())[:MAX_NAME]


def _read_meta(session: Session, show_id: int) -> ShowMeta:
    row = session.execute(select(SHOW_META).where(SHOW_META.c.show_id == show_id)).first()
    if row is None:
        return ShowMeta()
    hosts = session.scalars(
        select(SHOW_PEOPLE.c.name)
        .where(SHOW_PEOPLE.c.show_id == show_id, SHOW_PEOPLE.c.role == "host")
        .order_by(SHOW_PEOPLE.c.position)
    )
    tags = session.scalars(select(SHOW_TAGS.c.tag).where(SHOW_TAGS.c.show_id == show_id).order_by(SHOW_TAGS.c.position))
    return ShowMeta(
        title=row.title,
        hosts=tuple(hosts),
        assistant=row.assistant,
        tags=tuple(tags),
        notes=row.notes,
        edited_by=row.edited_by,
        edited_at=_aware(row.edited_at),
    )


def _rates(session: Session, ids: list[int], channel: str) -> dict[int, float]:
    """Per minute of a cumulative counter (likes, interactions): the rises between consecutive known readings
    (a platform that restarts its count from 0 is not a fall of likes) over the time from first to last."""
    column = SAMPLES.c[channel]
    rise = column - func.lag(column).over(partition_by=SAMPLES.c.show_id, order_by=SAMPLES.c.t)
    steps = (
        select(SAMPLES.c.show_id, SAMPLES.c.t, rise.label("rise"))
        .where(SAMPLES.c.show_id.in_(ids), column.is_not(None))
        .subquery()
    )
    query = select(
        steps.c.show_id,
        func.sum(case((steps.c.rise > 0, steps.c.rise), else_=0.0)),
        func.min(steps.c.t),
        func.max(steps.c.t),
    ).group_by(steps.c.show_id)
    rates: dict[int, float] = {}
    for show_id, rises, first, last in session.execute(query):
        if first is not None and last is not None and last > first:
            rates[int(show_id)] = float(rises or 0.0) * 60.0 / (float(last) - float(first))
    return rates


def _summary_rows(session: Session, ids: list[int], now: datetime, final: set[int]) -> list[dict[str, Any]]:
    """The browser's figures of these shows, from their samples, findings and pre-show checklist runs."""
    from console.core.telemetry.writer import RESUME_S

    shows = session.execute(
        select(ShowRow.id, ShowRow.started_at, ShowRow.last_sample_at, ShowRow.ended_at).where(ShowRow.id.in_(ids))
    ).all()
    # Only a room's newest show can be resumed (open_show): an older one is over whatever its last sample says.
    newest = set(
        session.scalars(
            select(func.max(ShowRow.id))
            .where(ShowRow.room.in_(select(ShowRow.room).where(ShowRow.id.in_(ids))))
            .group_by(ShowRow.room)
        )
    )
    samples = {
        int(row[0]): row
        for row in session.execute(
            select(
                SAMPLES.c.show_id,
                func.count(),
                func.max(SAMPLES.c.t),
                func.max(SAMPLES.c.viewers),
                func.avg(SAMPLES.c.viewers),
                func.min(SAMPLES.c.t),
            )
            .where(SAMPLES.c.show_id.in_(ids))
            .group_by(SAMPLES.c.show_id)
        )
    }
    likes, interactions = _rates(session, ids, "likes"), _rates(session, ids, "interactions")
    incidents: dict[int, dict[str, int]] = {}
    for show_id, peak, count in session.execute(
        select(FINDINGS.c.show_id, FINDINGS.c.peak, func.count())
        .where(FINDINGS.c.show_id.in_(ids))
        .group_by(FINDINGS.c.show_id, FINDINGS.c.peak)
    ):
        incidents.setdefault(int(show_id), {})[str(peak)] = int(count)
    checklist: dict[int, str] = {}
    for show_id, by in session.execute(
        select(RunRow.show_id, RunRow.go_live_by)
        .where(RunRow.show_id.in_(ids), _AT_GO_LIVE)
        .order_by(RunRow.ended_at, RunRow.id)  # the newest run kept at go-live speaks for the show
    ):
        checklist[int(show_id or 0)] = (Checklist.OVERRIDDEN if by else Checklist.READY).value
    rows = []
    for show_id, started_at, last_sample_at, ended_at in shows:
        count, last_t, peak, average, first_t = (
            samples[show_id][1:] if show_id in samples else (0, None, None, None, None)
        )
        # The show began at its first stored second when that is earlier than its row (rows held while the database
        # opened, or spilled and written in later), as the review window and the exports (load.ShowData.start)
        # count it: the browser's duration and completeness must be the same show's.
        start = _aware(started_at) or started_at
        if first_t is not None:
            start = min(start, datetime.fromtimestamp(float(first_t), UTC))
        ends = [
            moment
            for moment in (
                _aware(ended_at),
                _aware(last_sample_at),
                datetime.fromtimestamp(float(last_t), UTC) if last_t is not None else None,
            )
            if moment is not None
        ]
        end = max(ends) if ends else None
        duration = max(0.0, (end - start).total_seconds()) if end is not None else None
        idle_since = end or start
        found = incidents.get(show_id, {})
        rows.append(
            {
                "show_id": show_id,
                "end_at": end,
                "duration_s": duration,
                "sampled_s": int(count),
                "completeness": min(1.0, count / duration) if duration else None,
                "viewers_peak": float(peak) if peak is not None else None,
                "viewers_avg": float(average) if average is not None else None,
                "likes_per_min": likes.get(show_id),
                "interactions_per_min": interactions.get(show_id),
                "incidents_info": found.get("info", 0),
                "incidents_warning": found.get("warning", 0),
                "incidents_critical": found.get("critical", 0),
                "incidents": sum(found.values()),
                "checklist": checklist.get(show_id, Checklist.NONE.value),
                "final": show_id in final
                or show_id not in newest
                or ended_at is not None
                or (now - idle_since).total_seconds() > RESUME_S,
                "computed_at": now,
            }
        )
    return rows


def _store_summaries(session: Session, ids: list[int], now: datetime, final: set[int] | None = None) -> None:
    """Compute and upsert (two consoles refreshing the same show at once must not collide on its key)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    for start in range(0, len(ids), _BATCH):
        rows = _summary_rows(session, ids[start : start + _BATCH], now, final or set())
        if not rows:
            continue
        statement = upsert(SHOW_SUMMARIES)
        columns = {name: statement.excluded[name] for name in rows[0] if name != "show_id"}
        session.execute(statement.on_conflict_do_update(index_elements=["show_id"], set_=columns), rows)


def _refresh_kept_summaries(session: Session, ids: set[int]) -> None:
    """The Shows browser's stored rows of these shows, computed again at once (final or not, as they were): which
    pre-show run a show went live with has just changed. A show with no stored row yet gets one when it is read."""
    kept = {
        int(show): bool(final)
        for show, final in session.execute(
            select(SHOW_SUMMARIES.c.show_id, SHOW_SUMMARIES.c.final).where(SHOW_SUMMARIES.c.show_id.in_(ids))
        )
    }
    if kept:
        _store_summaries(
            session, sorted(kept), datetime.now(UTC), final={show for show, final in kept.items() if final}
        )


def _summary_stale(started_at: datetime | None, computed_at: datetime | None, now: datetime, cut: datetime) -> bool:
    if computed_at is None or computed_at < cut:
        return True
    young = started_at is not None and computed_at - started_at < timedelta(seconds=LIVE_REFRESH_S)
    return young and computed_at < now


def _refresh_stale(session: Session, now: datetime, only: list[int] | None = None) -> None:
    """Summaries missing (a show opened since) or of a show that may still run, older than LIVE_REFRESH_S — or
    computed in the show's own first LIVE_REFRESH_S: a show opened moments ago would otherwise read "0:00:00"
    for half a minute, while recomputing a few seconds of rows costs next to nothing."""
    cut = now - timedelta(seconds=LIVE_REFRESH_S)
    query = (
        select(ShowRow.id, ShowRow.started_at, SHOW_SUMMARIES.c.computed_at)
        .outerjoin(SHOW_SUMMARIES, SHOW_SUMMARIES.c.show_id == ShowRow.id)
        .where(or_(SHOW_SUMMARIES.c.show_id.is_(None), SHOW_SUMMARIES.c.final.is_(False)))
    )
    if only is not None:
        query = query.where(ShowRow.id.in_(only))
    stale = [
        show_id
        for show_id, started_at, computed_at in session.execute(query)
        if _summary_stale(_aware(started_at), _aware(computed_at), now, cut)
    ]
    if stale:
        _store_summaries(session, stale, now)


_CHECKLIST_ORDER = case(
    (SHOW_SUMMARIES.c.checklist == Checklist.READY.value, 0),
    (SHOW_SUMMARIES.c.checklist == Checklist.OVERRIDDEN.value, 1),
    else_=2,
)
#: Each sortable column as an expression; an empty title or host list sorts as unknown (last).
_SORTS: dict[str, Callable[[], Any]] = {
    "start": lambda: ShowRow.started_at,
    "end": lambda: SHOW_SUMMARIES.c.end_at,
    "room": lambda: ShowRow.room,
    "title": lambda: func.nullif(SHOW_META.c.title, ""),
    "hosts": lambda: func.nullif(SHOW_META.c.hosts_sort, ""),
    "duration": lambda: SHOW_SUMMARIES.c.duration_s,
    "viewers_peak": lambda: SHOW_SUMMARIES.c.viewers_peak,
    "viewers_avg": lambda: SHOW_SUMMARIES.c.viewers_avg,
    "likes_per_min": lambda: SHOW_SUMMARIES.c.likes_per_min,
    "interactions_per_min": lambda: SHOW_SUMMARIES.c.interactions_per_min,
    "incidents": lambda: SHOW_SUMMARIES.c.incidents,
    "incidents_critical": lambda: SHOW_SUMMARIES.c.incidents_critical,
    "checklist": lambda: _CHECKLIST_ORDER,
    "completeness": lambda: SHOW_SUMMARIES.c.completeness,
    "id": lambda: ShowRow.id,
}
assert set(_SORTS) == set(SORT_KEYS)


def _browse_filters(query: ShowQuery) -> list[Any]:
    filters: list[Any] = []
    if query.room:
        filters.append(ShowRow.room == query.room)
    if query.without_rooms:
        filters.append(ShowRow.room.not_in(query.without_rooms))
    if query.host:
        hosts = select(SHOW_PEOPLE.c.show_id).where(
            SHOW_PEOPLE.c.role == "host", SHOW_PEOPLE.c.name == _clean_name(query.host)
        )
        filters.append(ShowRow.id.in_(hosts))
    if query.tag:
        tags = select(SHOW_TAGS.c.show_id).where(SHOW_TAGS.c.tag == " ".join(query.tag.split()))
        filters.append(ShowRow.id.in_(tags))
    if query.since is not None:
        filters.append(ShowRow.started_at >= _utc(query.since))
    if query.until is not None:
        filters.append(ShowRow.started_at < _utc(query.until))
    if query.text and query.text.strip():
        filters.append(func.lower(SHOW_META.c.title).contains(query.text.strip().lower(), autoescape=True))
    return filters


def _utc(moment: datetime) -> datetime:
    """SQLite keeps datetimes as text without their offset: every comparison is in UTC."""
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _summaries_of(
    session: Session,
    select_from_ids: list[int] | None = None,
    filters: list[Any] | None = None,
    order_by: tuple[Any, ...] = (),
    offset: int = 0,
    limit: int | None = None,
) -> list[ShowSummary]:
    query = (
        select(
            ShowRow.id,
            ShowRow.room,
            ShowRow.started_at,
            SHOW_META.c.title,
            SHOW_META.c.assistant,
            SHOW_SUMMARIES,
        )
        .select_from(ShowRow.__table__)
        .outerjoin(SHOW_META, SHOW_META.c.show_id == ShowRow.id)
        .outerjoin(SHOW_SUMMARIES, SHOW_SUMMARIES.c.show_id == ShowRow.id)
        .where(*(filters or ()))
        .order_by(*order_by)
        .offset(offset)
        .limit(limit)
    )
    if select_from_ids is not None:
        query = query.where(ShowRow.id.in_(select_from_ids))
    rows = session.execute(query).all()
    ids = [row.id for row in rows]
    hosts: dict[int, list[str]] = {}
    tags: dict[int, list[str]] = {}
    if ids:
        for show_id, name in session.execute(
            select(SHOW_PEOPLE.c.show_id, SHOW_PEOPLE.c.name)
            .where(SHOW_PEOPLE.c.show_id.in_(ids), SHOW_PEOPLE.c.role == "host")
            .order_by(SHOW_PEOPLE.c.show_id, SHOW_PEOPLE.c.position)
        ):
            hosts.setdefault(show_id, []).append(name)
        for show_id, tag in session.execute(
            select(SHOW_TAGS.c.show_id, SHOW_TAGS.c.tag)
            .where(SHOW_TAGS.c.show_id.in_(ids))
            .order_by(SHOW_TAGS.c.show_id, SHOW_TAGS.c.position)
        ):
            tags.setdefault(show_id, []).append(tag)
    return [
        ShowSummary(
            id=row.id,
            room=row.room,
            title=row.title or "",
            hosts=tuple(hosts.get(row.id, ())),
            tags=tuple(tags.get(row.id, ())),
            assistant=row.assistant or "",
            start=_aware(row.started_at) or row.started_at,
            end=_aware(row.end_at),
            duration_s=row.duration_s,
            live=row.final is False,
            sampled_s=row.sampled_s or 0,
            completeness=row.completeness,
            viewers_peak=row.viewers_peak,
            viewers_avg=row.viewers_avg,
            likes_per_min=row.likes_per_min,
            interactions_per_min=row.interactions_per_min,
            incidents_info=row.incidents_info or 0,
            incidents_warning=row.incidents_warning or 0,
            incidents_critical=row.incidents_critical or 0,
            checklist=Checklist(row.checklist or Checklist.NONE.value),
            computed_at=_aware(row.computed_at),
        )
        for row in rows
    ]


# ---- rundown live: helpers
@dataclass(frozen=True)
class RundownClaim:
    """Storage.claim_rundown_mark's answer: whether the mark was kept, at which seq, and the show's marks as
    stored after it (console.core.rundown.live.Mark, in order)."""

    won: bool
    seq: int | None
    marks: list[Any]


#: Storage.rundown_mark's statement, built once (read every second by every console of the room).
_RUNDOWN_MARK: Any = None
#: Storage.rundown_watch's statement, built once (read every second by every console of the room).
_RUNDOWN_WATCH: Any = None


@dataclass(frozen=True)
class RundownWatch:
    """Storage.rundown_watch's answer: when the room's plan was saved (None: never), the show's (mark count,
    highest seq; -1 none) and its host line's change count (0: never set)."""

    plan_saved_at: datetime | None
    marks: tuple[int, int]
    line_revision: int


def _rundown_mark_id(session: Session, stored: Mapping[str, Any]) -> Any:
    """The stored mark that is this one (id, seq): the same show, instant, action, segment and who."""
    return session.execute(
        select(RUNDOWN_MARKS.c.id, RUNDOWN_MARKS.c.seq).where(
            RUNDOWN_MARKS.c.show_id == stored["show_id"],
            RUNDOWN_MARKS.c.t == stored["t"],
            RUNDOWN_MARKS.c.action == stored["action"],
            RUNDOWN_MARKS.c.key == stored["key"],
            RUNDOWN_MARKS.c.who == stored["who"],
        )
    ).first()


def _settle_rundown_mark(session: Session, stored: Mapping[str, Any]) -> bool:
    mine = _rundown_mark_id(session, stored)
    if mine is None:
        return False
    session.execute(
        update(RUNDOWN_MARKS)
        .where(RUNDOWN_MARKS.c.id == mine[0])
        .values(outcome=stored["outcome"], reason=stored["reason"], scene=stored["scene"])
    )
    return True


def _next_rundown_seq(session: Session, show_id: int) -> int:
    last = session.scalar(select(func.max(RUNDOWN_MARKS.c.seq)).where(RUNDOWN_MARKS.c.show_id == show_id))
    return 0 if last is None else int(last) + 1


def _keep_rundown_snapshot(session: Session, show_id: int, snapshot: Mapping[str, Any]) -> None:
    """The plan at the first Go, kept once (the first console's; another's first Go is the same show's)."""
    # ON CONFLICT DO NOTHING: two consoles' first Go at the same moment must not fail one of them on the snapshot.
    session.execute(
        _upsert(session, SHOW_RUNDOWNS)
        .values(show_id=show_id, **snapshot)
        .on_conflict_do_nothing(index_elements=[SHOW_RUNDOWNS.c.show_id])
    )


def _rundown_mark_row(show_id: int, row: Mapping[str, Any]) -> dict[str, Any]:
    """A Mark's row (Mark.as_row) as stored: its index column named for what it is, texts cut to their columns."""
    return {
        "show_id": show_id,
        "seq": int(row["seq"]),
        "t": float(row["t"]),
        "key": str(row["key"])[:64],
        "segment_index": row.get("index"),
        "title": str(row.get("title") or "")[:200],
        "planned_s": row.get("planned_s"),
        "action": str(row["action"]),
        "who": str(row.get("who") or "")[:200],
        "scene": str(row.get("scene") or "")[:500],
        "outcome": str(row.get("outcome") or ""),
        "reason": str(row.get("reason") or ""),
    }


# ---- chat engage: helpers
def _upsert(session: Session, table: Table) -> Any:
    """The database's INSERT … ON CONFLICT (both dialects have one)."""
    return _upsert_for(session.get_bind().dialect.name, table)


#: _put_findings' INSERT … ON CONFLICT DO UPDATE by dialect, built once.
_UPSERT_FINDINGS: dict[str, Any] = {}


def _findings_upsert(dialect: str) -> Any:
    """A finding episode's state merged into the stored one of the same key, in the database, so two consoles of
    one show writing it at once (each holds the episode, taken up from the stored history) both succeed: the worst
    peak of the two, the earliest first second and the latest last one, and every other column from the newer
    state (the one that saw the later second; the one written now on a tie, as one console's rewrites are)."""
    statement = _UPSERT_FINDINGS.get(dialect)
    if statement is not None:
        return statement
    statement = _upsert_for(dialect, FINDINGS)
    new, old = statement.excluded, FINDINGS.c
    newer = new.last_seen >= old.last_seen

    def rank(column: Any) -> Any:
        return case(*((column == severity.value, severity.rank) for severity in Severity), else_=0)

    merged: dict[str, Any] = {
        name: case((newer, new[name]), else_=old[name])
        for name in (
            "finding_id",
            "category",
            "severity",
            "closed_at",
            "active",
            "message",
            "template",
            "fields",
            "remedies",
        )
    }
    merged["peak"] = case((rank(new.peak) > rank(old.peak), new.peak), else_=old.peak)
    merged["first_seen"] = case((new.first_seen < old.first_seen, new.first_seen), else_=old.first_seen)
    merged["last_seen"] = case((newer, new.last_seen), else_=old.last_seen)
    statement = statement.on_conflict_do_update(index_elements=["show_id", "key"], set_=merged)
    _UPSERT_FINDINGS[dialect] = statement
    return statement


def _put_findings(connection: Connection, show_id: int, findings: list[dict[str, Any]]) -> None:
    """The newest state of these finding episodes, merged by key into what the show holds (_findings_upsert)."""
    latest = {row["key"]: dict(row, show_id=show_id) for row in findings}  # one row per key and statement
    connection.execute(_findings_upsert(connection.dialect.name), list(latest.values()))


def _upsert_for(dialect: str, table: Table) -> Any:
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    return upsert(table)


def _now(now: float | None) -> float:
    import time

    return time.time() if now is None else now


def _yours(by: str) -> tuple[Any, ...]:
    """An open question, or one claimed by `by`: the others' claims are theirs to finish."""
    from sqlalchemy import and_

    return (or_(QUESTIONS.c.state == "open", and_(QUESTIONS.c.state == "claimed", QUESTIONS.c.claimed_by == by[:200])),)


def _lottery_entries(session: Session, lottery_id: int) -> list[Any]:
    from console.core.chat.lottery import Entry

    rows = session.execute(select(LOTTERY_ENTRIES).where(LOTTERY_ENTRIES.c.lottery_id == lottery_id))
    return [Entry(row.platform, row.user_id, row.user_name, float(row.at), row.comment) for row in rows]


def _lottery_record(session: Session, lottery_id: int) -> Any:
    from console.core.chat.lottery import LotteryRecord, Winner, canonical

    head = session.execute(select(LOTTERIES).where(LOTTERIES.c.id == lottery_id)).first()
    if head is None:
        return None
    winners = session.execute(
        select(LOTTERY_WINNERS).where(LOTTERY_WINNERS.c.lottery_id == lottery_id).order_by(LOTTERY_WINNERS.c.rank)
    )
    drawn = head.drawn_at is not None
    return LotteryRecord(
        keyword=head.keyword,
        winners_count=head.winners_count,
        commitment=head.commitment,
        opened_at=float(head.opened_at),
        closed_at=head.closed_at,
        seed=head.seed if drawn else None,
        drawn_at=head.drawn_at,
        excluded=tuple(json.loads(head.excluded or "[]")),
        entries=tuple(canonical(_lottery_entries(session, lottery_id))),
        winners=tuple(
            Winner(
                w.rank,
                w.platform,
                w.user_id,
                w.user_name,
                replaces=w.replaces,
                drawn_at=w.drawn_at,
                drawn_by=w.drawn_by or "",
                forfeited_at=w.forfeited_at,
                forfeited_by=w.forfeited_by or "",
                reason=w.forfeit_reason or "",
                note=w.forfeit_note or "",
            )
            for w in winners
        ),
        id=head.id,
        show_id=head.show_id,
        room=head.room,
        opened_by=head.opened_by or "",
        drawn_by=head.drawn_by or "",
        cancelled_at=head.cancelled_at,
        cancelled_by=head.cancelled_by or "",
    )


def _running_lottery(session: Session, show_id: int) -> Any:
    """The show's lottery neither drawn nor cancelled (at most one: the index ix_show_lotteries_running)."""
    lottery_id = session.scalar(
        select(LOTTERIES.c.id).where(
            LOTTERIES.c.show_id == show_id, LOTTERIES.c.drawn_at.is_(None), LOTTERIES.c.cancelled_at.is_(None)
        )
    )
    return _lottery_record(session, lottery_id) if lottery_id is not None else None


def _waiting_asked(session: Session, show_id: int, rows: dict[str, dict[str, Any]]) -> set[tuple[str, ...]]:
    """What the viewers of these new rows (by key) asked that still waits: (platform, user id, folded text), and
    (platform, user id, "\\0topic", topic, segment) — a viewer asking the same again, or in other words while the
    same segment is on air, is not a new asker."""
    from console.core.chat.lottery import fold
    from console.core.chat.questions import QuestionState

    viewers = sorted({row["user_id"] for row in rows.values()})
    waiting: set[tuple[str, ...]] = set()
    for start in range(0, len(viewers), 500):  # bounded IN lists, on both dialects
        query = select(
            QUESTIONS.c.key,
            QUESTIONS.c.platform,
            QUESTIONS.c.user_id,
            QUESTIONS.c.text,
            QUESTIONS.c.topic,
            QUESTIONS.c.segment,
        ).where(
            QUESTIONS.c.show_id == show_id,
            QUESTIONS.c.state.in_([QuestionState.OPEN.value, QuestionState.CLAIMED.value]),
            QUESTIONS.c.user_id.in_(viewers[start : start + 500]),
        )
        for key, platform, user_id, text_, topic, segment in session.execute(query):
            if key in rows:
                continue  # the same comment again: the insert keeps it once by its key
            waiting.add((platform, user_id, fold(text_)))
            if topic:
                waiting.add((platform, user_id, "\0topic", topic, segment or ""))
    return waiting


#: pg_advisory_xact_lock's first key for the questions of a show (the second is the show's id).
_PG_QUESTIONS_LOCK_KEY = 0x6F6E71  # "onq"


def _questions_lock(session: Session, show_id: int) -> None:
    """Take the show's questions for this unit of work, until it ends: two consoles storing the first two askers of
    a topic at the same instant each saw only their own question and started a group each. PostgreSQL: a
    transaction-level advisory lock on the show (the other console's unit waits, then reads what it committed);
    SQLite: the database's write lock, taken now by a write that changes nothing rather than at the first insert."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(_PG_QUESTIONS_LOCK_KEY, show_id)))
    else:
        session.execute(update(QUESTIONS).where(false()).values(show_id=QUESTIONS.c.show_id))


class _Refused(Exception):
    """Inside a unit of work: roll it back (a group's conditional update its first question did not pass)."""


def _group_rows(session: Session, lead: int) -> list[Any]:
    """The rows of the group whose first question is `lead` (or that question alone), in the order asked."""
    query = select(QUESTIONS).where(or_(QUESTIONS.c.id == lead, QUESTIONS.c.group_id == lead))
    return list(session.execute(query.order_by(QUESTIONS.c.asked_at, QUESTIONS.c.id)))


def _grouped(rows: Sequence[Any]) -> list[Any]:
    """Questions as the queue shows them: each group as its first question (its state the group's) with every
    viewer who asked it in `askers` (each viewer once, in the order they asked); a question asked alone as itself."""
    from dataclasses import replace

    heads: dict[int, Any] = {}
    names: dict[int, dict[tuple[str, str], str]] = {}
    for row in rows:
        lead = row.group_id if row.group_id is not None else row.id
        if lead not in heads or row.id == lead:
            heads[lead] = row
        names.setdefault(lead, {}).setdefault((row.platform, row.user_id), row.user_name)
    result = []
    for lead, row in heads.items():
        question = _question(row)
        askers = tuple(names[lead].values())
        result.append(replace(question, askers=askers) if len(askers) > 1 else question)
    result.sort(key=lambda q: (q.asked_at, q.id))
    return result


def _group_questions(session: Session, show_id: int, segment: str, keys: set[str]) -> None:
    """Join each question just stored (`keys`) to the waiting group of its topic asked while `segment` was on air:
    the oldest waiting question of that topic and segment that leads a group (or is asked alone) leads it. The new
    rows take the group's state (a group claimed stays claimed by its claimer with its new askers)."""
    from console.core.chat.questions import QuestionState

    if not keys:
        return
    new_rows: list[Any] = []
    key_list = sorted(keys)
    for start in range(0, len(key_list), 500):
        query = select(QUESTIONS.c.id, QUESTIONS.c.topic).where(
            QUESTIONS.c.show_id == show_id, QUESTIONS.c["key"].in_(key_list[start : start + 500])
        )
        new_rows.extend(session.execute(query))
    by_topic: dict[str, list[int]] = {}
    for question_id, topic in new_rows:
        by_topic.setdefault(topic, []).append(question_id)
    waiting = [QuestionState.OPEN.value, QuestionState.CLAIMED.value]
    for topic, ids in by_topic.items():
        lead = session.execute(
            select(QUESTIONS.c.id, QUESTIONS.c.state, QUESTIONS.c.claimed_by, QUESTIONS.c.claimed_at)
            .where(
                QUESTIONS.c.show_id == show_id,
                QUESTIONS.c.topic == topic,
                QUESTIONS.c.segment == segment,
                QUESTIONS.c.state.in_(waiting),
                or_(QUESTIONS.c.group_id.is_(None), QUESTIONS.c.group_id == QUESTIONS.c.id),
            )
            .order_by(QUESTIONS.c.id)
            .limit(1)
        ).first()
        if lead is None:
            continue
        members = [question_id for question_id in ids if question_id != lead.id]
        if not members:
            continue
        session.execute(
            update(QUESTIONS).where(QUESTIONS.c.id == lead.id, QUESTIONS.c.group_id.is_(None)).values(group_id=lead.id)
        )
        for start in range(0, len(members), 500):
            session.execute(
                update(QUESTIONS)
                .where(QUESTIONS.c.id.in_(members[start : start + 500]), QUESTIONS.c.group_id.is_(None))
                .values(group_id=lead.id, state=lead.state, claimed_by=lead.claimed_by, claimed_at=lead.claimed_at)
            )


def _question_row(show_id: int, key: str, event: Any, when: float, origin: str, segment: str = "") -> dict[str, Any]:
    """A new open question's row from the comment (a ChatEvent) that asked it, its fields cut to their columns;
    its topic (questions.topic_of) and the segment on air, which group it."""
    from console.core.chat.questions import QuestionState, topic_of

    return {
        "show_id": show_id,
        "key": key,
        "platform": event.platform[:40],
        "user_id": (event.user_id or event.user_name)[:200],
        "user_name": event.user_name[:200],
        "text": event.text[:2000],
        "asked_at": event.wall or when,
        "origin": origin,
        "state": QuestionState.OPEN.value,
        "topic": topic_of(event.text) if origin == "detected" else None,  # marked by hand: a person's choice, alone
        "segment": segment[:64],
    }


def _question(row: Any) -> Any:
    from console.core.chat.questions import Question, QuestionState

    return Question(
        id=row.id,
        show_id=row.show_id,
        platform=row.platform,
        user_id=row.user_id,
        user_name=row.user_name,
        text=row.text,
        asked_at=float(row.asked_at),
        origin=row.origin,
        state=QuestionState(row.state),
        claimed_by=row.claimed_by,
        claimed_at=row.claimed_at,
        answered_by=row.answered_by,
        answered_at=row.answered_at,
        answer=row.answer,
        dismissed_by=row.dismissed_by,
        dismissed_at=row.dismissed_at,
        group_id=row.group_id,
    )
