"""A checklist run's life: its kind, the show it belongs to, and how it ended (completed, abandoned, went live)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Runs stored before this version were pre-show runs that never ended: "pre-show" and "open" say so.
    with op.batch_alter_table("checklist_runs") as batch:
        batch.add_column(sa.Column("kind", sa.String(20), nullable=False, server_default="pre-show"))
        batch.add_column(sa.Column("show_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("end_state", sa.String(20), nullable=False, server_default="open"))
        batch.add_column(sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("ended_by", sa.String(200), nullable=True))
        batch.add_column(sa.Column("end_reason", sa.Text(), nullable=True))
    op.create_index("ix_checklist_runs_show_id", "checklist_runs", ["show_id"])


def downgrade() -> None:
    op.drop_index("ix_checklist_runs_show_id", "checklist_runs")
    with op.batch_alter_table("checklist_runs") as batch:
        for column in ("end_reason", "ended_by", "ended_at", "end_state", "show_id", "kind"):
            batch.drop_column(column)
