"""Shows recorded before a completed pre-show checklist counted at go-live get their checklist linked.

Since then the console that sees a room's stream start with no pre-show run open links the room's run completed
since its previous show ended (Storage.count_completed_run): the run's show id, and its go_live_at = when the stream
started. A show recorded before that was said to have gone live with no checklist ("none") although one was
completed for it. What was stored then is enough to link it now, by the same rule:

- the show's stream starts are its `stream_start` markers (one is stored when the console sees the stream start;
  a console that joined a stream already on air stored none, and the live rule did not count that either);
- at each, in order, until one counts: the room's newest pre-show run completed (end_state "completed") not after
  that moment and not before the room's previous show that went on air ended (its ended_at, else its last stored
  second, else its start), and not one another show already went live with (a stale go-live override is no go-live);
- the run is linked to the show (show id, go_live_at; a stale override's name and reason are cleared, as live);
  how it ended — completed, by whom, when — stays as it was; the Shows browser's stored summary says "ready".

Only shows with no run at go-live are looked at (a show that has one never says "none"; a link is never
overwritten), oldest first, so a run one show took is not another's. Running it again changes nothing.

The rule is copied here as it was at this revision: migrations never import live code that may change later.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_RUNS = sa.table(
    "checklist_runs",
    sa.column("id", sa.Integer),
    sa.column("room", sa.String),
    sa.column("kind", sa.String),
    sa.column("end_state", sa.String),
    sa.column("ended_at", sa.DateTime(timezone=True)),
    sa.column("show_id", sa.Integer),
    sa.column("go_live_at", sa.DateTime(timezone=True)),
    sa.column("go_live_by", sa.String),
    sa.column("go_live_reason", sa.Text),
)
_SHOWS = sa.table(
    "shows",
    sa.column("id", sa.Integer),
    sa.column("room", sa.String),
    sa.column("started_at", sa.DateTime(timezone=True)),
    sa.column("last_sample_at", sa.DateTime(timezone=True)),
    sa.column("ended_at", sa.DateTime(timezone=True)),
)
_SAMPLES = sa.table(
    "show_samples", sa.column("show_id", sa.Integer), sa.column("t", sa.Float), sa.column("streaming", sa.Float)
)
_MARKERS = sa.table(
    "show_markers", sa.column("show_id", sa.Integer), sa.column("t", sa.Float), sa.column("kind", sa.String)
)
_SUMMARIES = sa.table("show_summaries", sa.column("show_id", sa.Integer), sa.column("checklist", sa.String))

#: A show's pre-show run at go-live, as counted at this revision: kept at go-live, or completed and linked then.
_AT_GO_LIVE = sa.and_(
    _RUNS.c.kind == "pre-show",
    sa.or_(
        _RUNS.c.end_state == "went_live",
        sa.and_(_RUNS.c.end_state == "completed", _RUNS.c.go_live_at.is_not(None), _RUNS.c.go_live_by.is_(None)),
    ),
)


def upgrade() -> None:
    connection = op.get_bind()
    linked = sa.select(_RUNS.c.show_id).where(_RUNS.c.show_id.is_not(None), _AT_GO_LIVE)
    starts = connection.execute(
        sa.select(_SHOWS.c.id, _SHOWS.c.room, _MARKERS.c.t)
        .join(_MARKERS, _MARKERS.c.show_id == _SHOWS.c.id)
        .where(_MARKERS.c.kind == "stream_start", _SHOWS.c.id.not_in(linked))
        .order_by(_SHOWS.c.id, _MARKERS.c.t)
    ).all()
    done: set[int] = set()
    for show_id, room, t in starts:
        if show_id in done:
            continue
        if _count(connection, int(show_id), str(room), datetime.fromtimestamp(float(t), UTC)):
            done.add(show_id)


def _count(connection: sa.Connection, show_id: int, room: str, at: datetime) -> bool:
    """Storage.count_completed_run as it was at this revision: link the room's run completed for the show whose
    stream started at `at`; True when one was."""
    streamed = (
        sa.select(_SAMPLES.c.t).where(_SAMPLES.c.show_id == _SHOWS.c.id, _SAMPLES.c.streaming >= 0.5).limit(1).exists()
    )
    previous = connection.execute(
        sa.select(_SHOWS.c.started_at, _SHOWS.c.last_sample_at, _SHOWS.c.ended_at)
        .where(_SHOWS.c.room == room, _SHOWS.c.id < show_id, streamed)
        .order_by(_SHOWS.c.id.desc())
        .limit(1)
    ).first()
    query = (
        sa.select(_RUNS.c.id)
        .where(
            _RUNS.c.room == room,
            _RUNS.c.kind == "pre-show",
            _RUNS.c.end_state == "completed",
            _RUNS.c.ended_at.is_not(None),
            _RUNS.c.ended_at <= at,
            sa.or_(_RUNS.c.go_live_at.is_(None), _RUNS.c.go_live_by.is_not(None), _RUNS.c.show_id == show_id),
        )
        .order_by(_RUNS.c.ended_at.desc(), _RUNS.c.id.desc())
        .limit(1)
    )
    if previous is not None:
        ended = previous.ended_at or previous.last_sample_at or previous.started_at
        query = query.where(_RUNS.c.ended_at >= ended)
    run_id = connection.execute(query).scalar()
    if run_id is None:
        return False
    connection.execute(
        sa.update(_RUNS)
        .where(_RUNS.c.id == run_id)
        .values(show_id=show_id, go_live_at=at, go_live_by=None, go_live_reason=None)
    )
    # The show had no run at go-live: the one linked now, completed and not overridden, is its checklist.
    connection.execute(sa.update(_SUMMARIES).where(_SUMMARIES.c.show_id == show_id).values(checklist="ready"))
    return True


def downgrade() -> None:
    """The links stay: the previous revision's console reads and writes them the same way."""
