"""Show review: a show's metadata (title, hosts, assistant, tags, notes, who edited it last) and its summary for
the Shows browser (show_meta, show_people, show_tags, show_summaries); the summary of every show already kept
is computed here, so the browser opens on 10,000 old shows without computing a single one.

The computation is this version's own copy (plain SQL over the tables as they are at 0008), not the storage
module's: a later change of the summary must not change what this migration did."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: writer.RESUME_S at 0008: a show not ended whose last sample is older than this can no longer resume.
_RESUME_S = 15 * 60


def upgrade() -> None:
    op.create_table(
        "show_meta",
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("assistant", sa.String(100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("hosts_sort", sa.String(1100), nullable=False),
        sa.Column("edited_by", sa.String(100), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "show_people",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
    )
    op.create_index("ix_show_people_show_id", "show_people", ["show_id"])
    op.create_index("ix_show_people_role_name", "show_people", ["role", "name", "show_id"])
    op.create_table(
        "show_tags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(50), nullable=False),
    )
    op.create_index("ix_show_tags_show_id", "show_tags", ["show_id"])
    op.create_index("ix_show_tags_tag", "show_tags", ["tag", "show_id"])
    summaries = op.create_table(
        "show_summaries",
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("end_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_s", sa.Float(), nullable=True),
        sa.Column("sampled_s", sa.Integer(), nullable=False),
        sa.Column("completeness", sa.Float(), nullable=True),
        sa.Column("viewers_peak", sa.Float(), nullable=True),
        sa.Column("viewers_avg", sa.Float(), nullable=True),
        sa.Column("likes_per_min", sa.Float(), nullable=True),
        sa.Column("interactions_per_min", sa.Float(), nullable=True),
        sa.Column("incidents_info", sa.Integer(), nullable=False),
        sa.Column("incidents_warning", sa.Integer(), nullable=False),
        sa.Column("incidents_critical", sa.Integer(), nullable=False),
        sa.Column("incidents", sa.Integer(), nullable=False),
        sa.Column("checklist", sa.String(20), nullable=False),
        sa.Column("final", sa.Boolean(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_show_summaries_final", "show_summaries", ["final"])
    assert summaries is not None
    rows = _summaries(op.get_bind(), datetime.now(UTC))
    for start in range(0, len(rows), 1000):
        op.bulk_insert(summaries, rows[start : start + 1000])


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _rates(bind: sa.engine.Connection, channel: str) -> dict[int, float]:
    # Rises between consecutive known readings of a cumulative counter, per minute from first to last reading.
    query = sa.text(
        f"SELECT show_id, SUM(CASE WHEN rise > 0 THEN rise ELSE 0 END), MIN(t), MAX(t) FROM ("
        f" SELECT show_id, t, {channel} - LAG({channel}) OVER (PARTITION BY show_id ORDER BY t) AS rise"
        f" FROM show_samples WHERE {channel} IS NOT NULL) AS steps GROUP BY show_id"
    )
    return {
        int(show_id): float(rises or 0) * 60.0 / (float(last) - float(first))
        for show_id, rises, first, last in bind.execute(query)
        if first is not None and last is not None and last > first
    }


def _summaries(bind: sa.engine.Connection, now: datetime) -> list[dict[str, object]]:
    samples = {
        int(row[0]): row[1:]
        for row in bind.execute(
            sa.text("SELECT show_id, COUNT(*), MAX(t), MAX(viewers), AVG(viewers) FROM show_samples GROUP BY show_id")
        )
    }
    likes, interactions = _rates(bind, "likes"), _rates(bind, "interactions")
    incidents: dict[int, dict[str, int]] = {}
    for show_id, peak, count in bind.execute(
        sa.text("SELECT show_id, peak, COUNT(*) FROM show_findings GROUP BY show_id, peak")
    ):
        incidents.setdefault(int(show_id), {})[str(peak)] = int(count)
    checklist: dict[int, str] = {}
    for show_id, by in bind.execute(
        sa.text(
            "SELECT show_id, go_live_by FROM checklist_runs WHERE show_id IS NOT NULL AND kind = 'pre-show'"
            " AND end_state = 'went_live' ORDER BY ended_at, id"
        )
    ):
        checklist[int(show_id)] = "overridden" if by else "ready"
    shows = sa.table(
        "shows",
        sa.column("id", sa.Integer()),
        sa.column("room", sa.String()),
        sa.column("started_at", sa.DateTime(timezone=True)),
        sa.column("last_sample_at", sa.DateTime(timezone=True)),
        sa.column("ended_at", sa.DateTime(timezone=True)),
    )
    latest = {
        int(room_last) for (room_last,) in bind.execute(sa.select(sa.func.max(shows.c.id)).group_by(shows.c.room))
    }
    rows: list[dict[str, object]] = []
    for show_id, started_at, last_sample_at, ended_at in bind.execute(
        sa.select(shows.c.id, shows.c.started_at, shows.c.last_sample_at, shows.c.ended_at)
    ):
        start = _aware(started_at)
        count, last_t, peak, average = samples.get(show_id, (0, None, None, None))
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
        duration = max(0.0, (end - start).total_seconds()) if end is not None and start is not None else None
        found = incidents.get(show_id, {})
        idle_since = end or start
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
                "checklist": checklist.get(show_id, "none"),
                # Only a room's newest show can still be resumed by a console restarting within the window.
                "final": ended_at is not None
                or show_id not in latest
                or idle_since is None
                or (now - idle_since).total_seconds() > _RESUME_S,
                "computed_at": now,
            }
        )
    return rows


def downgrade() -> None:
    for table in ("show_summaries", "show_tags", "show_people", "show_meta"):
        op.drop_table(table)
