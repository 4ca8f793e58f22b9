"""A winner who does not answer (or is ineligible) is marked forfeited — when, by whom, why — and a replacement is
drawn: the next viewer of the same seeded sequence (onair-lottery/2), stored as the next rank with the rank it
replaces and its own time and drawer. One replacement per forfeited rank, kept by the database (a unique index)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

_COLUMNS = ("replaces", "drawn_at", "drawn_by", "forfeited_at", "forfeited_by", "forfeit_reason", "forfeit_note")


def upgrade() -> None:
    with op.batch_alter_table("show_lottery_winners") as batch:
        batch.add_column(sa.Column("replaces", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("drawn_at", sa.Float(), nullable=True))
        batch.add_column(sa.Column("drawn_by", sa.String(200), nullable=True))
        batch.add_column(sa.Column("forfeited_at", sa.Float(), nullable=True))
        batch.add_column(sa.Column("forfeited_by", sa.String(200), nullable=True))
        batch.add_column(sa.Column("forfeit_reason", sa.String(20), nullable=True))
        batch.add_column(sa.Column("forfeit_note", sa.String(500), nullable=True))
    op.create_index("ix_show_lottery_winners_replaces", "show_lottery_winners", ["lottery_id", "replaces"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_show_lottery_winners_replaces", table_name="show_lottery_winners")
    with op.batch_alter_table("show_lottery_winners") as batch:
        for column in reversed(_COLUMNS):
            batch.drop_column(column)
