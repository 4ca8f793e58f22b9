"""A health finding's closing time: "Until" in a restarted console's Health dock is when the episode closed, not
the last second its figure held (a CPU warning last over its threshold at 12:22:06 closed at 12:22:22)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows stored before this version have no closing time (NULL): they show their last second, as before.
    with op.batch_alter_table("show_findings") as batch:
        batch.add_column(sa.Column("closed_at", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("show_findings") as batch:
        batch.drop_column("closed_at")
