"""The room's rundown (直播脚本): one plan per room (who saved it last, when) and its segments in running order.
A save replaces the room's whole plan in one transaction; a segment's `key` is its identity across edits."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rundowns",
        sa.Column("room", sa.String(200), primary_key=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
    )
    op.create_table(
        "rundown_segments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("room", sa.String(200), sa.ForeignKey("rundowns.room", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("planned_s", sa.Integer(), nullable=True),
        sa.Column("fixed_start", sa.Time(), nullable=True),
        sa.Column("scene", sa.String(200), nullable=False),
        # NULL name: the segment sells no product (then price and SKU are NULL/"" too).
        sa.Column("product_name", sa.String(200), nullable=True),
        sa.Column("product_price", sa.Numeric(12, 2), nullable=True),
        sa.Column("product_sku", sa.String(100), nullable=False),
        sa.Column("talking_points", sa.Text(), nullable=False),
        sa.Column("cues", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(7), nullable=False),
    )
    op.create_index("ix_rundown_segments_room_position", "rundown_segments", ["room", "position"], unique=True)
    op.create_index("ix_rundown_segments_room_key", "rundown_segments", ["room", "key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_rundown_segments_room_key", "rundown_segments")
    op.drop_index("ix_rundown_segments_room_position", "rundown_segments")
    op.drop_table("rundown_segments")
    op.drop_table("rundowns")
