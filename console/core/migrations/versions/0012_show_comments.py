"""The room's comments kept with the show (issue 20): every comment, paid message and gift the room's comment
sources delivered (who, what, when, the gift and its value), deleted after the team's retention period; and the
two chat channels of the show's seconds (comments and unique chatters over the trailing minute)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("show_samples") as batch:
        batch.add_column(sa.Column("comments_per_min", sa.Float(), nullable=True))
        batch.add_column(sa.Column("chatters_per_min", sa.Float(), nullable=True))
    op.create_table(
        "show_comments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
        # When it arrived, epoch seconds (the samples' time base).
        sa.Column("t", sa.Float(), nullable=False),
        sa.Column("platform", sa.String(40), nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("user_id", sa.String(200), nullable=False),
        sa.Column("user_name", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("gift", sa.String(200), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("message_id", sa.String(200), nullable=False),
    )
    op.create_index("ix_show_comments_show_t", "show_comments", ["show_id", "t"])
    # Retention deletes by time across every show.
    op.create_index("ix_show_comments_t", "show_comments", ["t"])


def downgrade() -> None:
    op.drop_index("ix_show_comments_t", "show_comments")
    op.drop_index("ix_show_comments_show_t", "show_comments")
    op.drop_table("show_comments")
    with op.batch_alter_table("show_samples") as batch:
        batch.drop_column("chatters_per_min")
        batch.drop_column("comments_per_min")
