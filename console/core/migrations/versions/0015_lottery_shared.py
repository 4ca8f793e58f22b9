"""The lottery shared by every console of a room (issue 20's leftover): who opened, drew or cancelled it, its
cancellation, and at most ONE running lottery per show, kept by the database itself (a partial unique index), so
two desks opening at the same moment cannot both succeed whatever their Python does."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

#: A lottery runs (open, or closed and waiting for its draw) until it is drawn or cancelled.
RUNNING = "drawn_at IS NULL AND cancelled_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("show_lotteries") as batch:
        batch.add_column(sa.Column("opened_by", sa.String(200), nullable=True))
        batch.add_column(sa.Column("drawn_by", sa.String(200), nullable=True))
        batch.add_column(sa.Column("cancelled_at", sa.Float(), nullable=True))
        batch.add_column(sa.Column("cancelled_by", sa.String(200), nullable=True))
    # A database of an older console may hold several undrawn lotteries of one show (it allowed a new one after a
    # close): the newest stays, the older ones are cancelled as of their close (or opening), so the index fits.
    op.execute(
        f"""
        UPDATE show_lotteries SET cancelled_at = COALESCE(closed_at, opened_at)
        WHERE {RUNNING} AND id NOT IN (
            SELECT newest FROM (SELECT max(id) AS newest FROM show_lotteries WHERE {RUNNING} GROUP BY show_id) AS k
        )
        """
    )
    op.create_index(
        "ix_show_lotteries_running",
        "show_lotteries",
        ["show_id"],
        unique=True,
        sqlite_where=sa.text(RUNNING),
        postgresql_where=sa.text(RUNNING),
    )


def downgrade() -> None:
    op.drop_index("ix_show_lotteries_running", table_name="show_lotteries")
    with op.batch_alter_table("show_lotteries") as batch:
        for column in ("cancelled_by", "cancelled_at", "drawn_by", "opened_by"):
            batch.drop_column(column)
