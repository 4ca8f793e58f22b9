"""Audience interaction (issue 20): the fair lottery (抽奖) with its entries and winners, the shared Q&A queue, and
each room's quick replies."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "show_lotteries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
        sa.Column("room", sa.String(200), nullable=False),
        sa.Column("keyword", sa.String(100), nullable=False),
        sa.Column("winners_count", sa.Integer(), nullable=False),
        sa.Column("excluded", sa.Text(), nullable=False),  # JSON list of names/ids
        sa.Column("opened_at", sa.Float(), nullable=False),
        sa.Column("closed_at", sa.Float(), nullable=True),
        sa.Column("commitment", sa.String(64), nullable=False),
        # Kept from the opening (a console that restarts must draw with it) but handed out only once drawn.
        sa.Column("seed", sa.String(64), nullable=False),
        sa.Column("drawn_at", sa.Float(), nullable=True),
    )
    op.create_index("ix_show_lotteries_show", "show_lotteries", ["show_id"])
    op.create_table(
        "show_lottery_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("lottery_id", sa.Integer(), sa.ForeignKey("show_lotteries.id", ondelete="CASCADE"), nullable=False),
        sa.Column("platform", sa.String(40), nullable=False),
        sa.Column("user_id", sa.String(200), nullable=False),
        sa.Column("user_name", sa.String(200), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("comment", sa.String(500), nullable=False),
    )
    op.create_index(
        "ix_show_lottery_entries_user", "show_lottery_entries", ["lottery_id", "platform", "user_id"], unique=True
    )
    op.create_table(
        "show_lottery_winners",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("lottery_id", sa.Integer(), sa.ForeignKey("show_lotteries.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(40), nullable=False),
        sa.Column("user_id", sa.String(200), nullable=False),
        sa.Column("user_name", sa.String(200), nullable=False),
    )
    op.create_index("ix_show_lottery_winners_rank", "show_lottery_winners", ["lottery_id", "rank"], unique=True)
    op.create_table(
        "show_questions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
        # One question per comment whichever console of the room saw it first: "platform:message id", or
        # "platform:user id:digest of the text" for a source without message ids.
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("platform", sa.String(40), nullable=False),
        sa.Column("user_id", sa.String(200), nullable=False),
        sa.Column("user_name", sa.String(200), nullable=False),
        sa.Column("text", sa.String(2000), nullable=False),
        sa.Column("asked_at", sa.Float(), nullable=False),
        sa.Column("origin", sa.String(10), nullable=False),  # "detected" or "hand"
        sa.Column("state", sa.String(10), nullable=False),  # open, claimed, answered, dismissed
        sa.Column("claimed_by", sa.String(200), nullable=True),
        sa.Column("claimed_at", sa.Float(), nullable=True),
        sa.Column("answered_by", sa.String(200), nullable=True),
        sa.Column("answered_at", sa.Float(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("dismissed_by", sa.String(200), nullable=True),
        sa.Column("dismissed_at", sa.Float(), nullable=True),
    )
    op.create_index("ix_show_questions_key", "show_questions", ["show_id", "key"], unique=True)
    op.create_index("ix_show_questions_state", "show_questions", ["show_id", "state"])
    op.create_table(
        "room_quick_replies",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("room", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product", sa.String(200), nullable=False),
        sa.Column("keyword", sa.String(100), nullable=False),
        sa.Column("text", sa.String(1000), nullable=False),
    )
    op.create_index("ix_room_quick_replies_room", "room_quick_replies", ["room", "position"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_room_quick_replies_room", "room_quick_replies")
    op.drop_table("room_quick_replies")
    op.drop_index("ix_show_questions_state", "show_questions")
    op.drop_index("ix_show_questions_key", "show_questions")
    op.drop_table("show_questions")
    op.drop_index("ix_show_lottery_winners_rank", "show_lottery_winners")
    op.drop_table("show_lottery_winners")
    op.drop_index("ix_show_lottery_entries_user", "show_lottery_entries")
    op.drop_table("show_lottery_entries")
    op.drop_index("ix_show_lotteries_show", "show_lotteries")
    op.drop_table("show_lotteries")
