"""Shows and their telemetry: 1 Hz samples (one column per channel) and markers."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shows",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("room", sa.String(200), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sample_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_shows_room", "shows", ["room"])
    op.create_index("ix_shows_started_at", "shows", ["started_at"])
    op.create_table(
        "show_samples",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
        sa.Column("t", sa.Float(), nullable=False),
        sa.Column("bitrate_kbps", sa.Float(), nullable=True),
        sa.Column("congestion", sa.Float(), nullable=True),
        sa.Column("fps", sa.Float(), nullable=True),
        sa.Column("fps_target", sa.Float(), nullable=True),
        sa.Column("render_ms", sa.Float(), nullable=True),
        sa.Column("frame_budget_ms", sa.Float(), nullable=True),
        sa.Column("drop_render_pct", sa.Float(), nullable=True),
        sa.Column("drop_encode_pct", sa.Float(), nullable=True),
        sa.Column("drop_network_pct", sa.Float(), nullable=True),
        sa.Column("obs_cpu_pct", sa.Float(), nullable=True),
        sa.Column("obs_memory_mb", sa.Float(), nullable=True),
        sa.Column("disk_free_mb", sa.Float(), nullable=True),
        sa.Column("record_kbps", sa.Float(), nullable=True),
        sa.Column("streaming", sa.Float(), nullable=True),
        sa.Column("recording", sa.Float(), nullable=True),
        sa.Column("reconnecting", sa.Float(), nullable=True),
        sa.Column("cpu_system_pct", sa.Float(), nullable=True),
        sa.Column("cpu_busiest_core_pct", sa.Float(), nullable=True),
        sa.Column("obs_process_cpu_pct", sa.Float(), nullable=True),
        sa.Column("memory_system_pct", sa.Float(), nullable=True),
        sa.Column("net_up_kbps", sa.Float(), nullable=True),
        sa.Column("viewers", sa.Float(), nullable=True),
        sa.Column("likes", sa.Float(), nullable=True),
        sa.Column("interactions", sa.Float(), nullable=True),
        sa.Column("cpu_cores", sa.Text(), nullable=True),
    )
    # Graphs read a show's samples by time: one index serves that and the per-show delete.
    op.create_index("ix_show_samples_show_t", "show_samples", ["show_id", "t"])
    op.create_table(
        "show_markers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
        sa.Column("t", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
    )
    op.create_index("ix_show_markers_show_id", "show_markers", ["show_id"])


def downgrade() -> None:
    op.drop_table("show_markers")
    op.drop_table("show_samples")
    op.drop_table("shows")
