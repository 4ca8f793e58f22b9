"""Record who went live with the checklist not ready, and why."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checklist_runs") as batch:
        batch.add_column(sa.Column("go_live_by", sa.String(200), nullable=True))
        batch.add_column(sa.Column("go_live_reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("go_live_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("checklist_runs") as batch:
        batch.drop_column("go_live_at")
        batch.drop_column("go_live_reason")
        batch.drop_column("go_live_by")
