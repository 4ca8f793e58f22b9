"""A show's rundown as it ran (issue 19): every boundary the live runner stamped (go, skip, repeat, insert, end;
who, the scene asked and what became of the switch) and the plan as it was at the first Go, with the show's
planned start when a fixed start gives one."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "show_rundowns",
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("room", sa.String(200), nullable=False),
        sa.Column("taken_at", sa.Float(), nullable=False),
        sa.Column("planned_start", sa.Float(), nullable=True),
        # The segments as JSON (console/core/rundown/live.py plan_to_json): a record, never edited again.
        sa.Column("segments", sa.Text(), nullable=False),
    )
    op.create_table(
        "show_rundown_marks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("t", sa.Float(), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("segment_index", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("planned_s", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("scene", sa.String(500), nullable=False),
        sa.Column("outcome", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_index("ix_show_rundown_marks_show_seq", "show_rundown_marks", ["show_id", "seq"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_show_rundown_marks_show_seq", "show_rundown_marks")
    op.drop_table("show_rundown_marks")
    op.drop_table("show_rundowns")
