"""The line for the host (issue 19's leftover): the short message the assistant shows on the talent screen
("上链接", "30 s to the giveaway"), kept with the show it was sent in, so a console restarted mid-show, and a
second console of the room on a shared database, show the same line. One row a show; no row: no line."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "show_host_lines",
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        # Counts every change of this show's line (a cleared line too), so a console can tell a line it has
        # already shown from a new one another console sent.
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_by", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("show_host_lines")
