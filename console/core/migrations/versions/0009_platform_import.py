"""Platform data imported into a show: a per-minute export of 巨量百应/抖店, 淘宝直播中控台 or 快手小店 (online
viewers, entered, left, likes, comments, GMV, orders), one import per show (importing again replaces it)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

FIGURES = ("viewers", "entered", "left", "likes", "comments", "gmv", "orders")


def upgrade() -> None:
    op.create_table(
        "show_platform_imports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("encoding", sa.String(40), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(200), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        # Which figures the file had (comma-separated field names); the others are NULL in every row.
        sa.Column("fields", sa.String(200), nullable=False),
        sa.Column("ignored", sa.Text(), nullable=False),
    )
    op.create_index("ix_show_platform_imports_show", "show_platform_imports", ["show_id"], unique=True)
    op.create_table(
        "show_platform_rows",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "import_id", sa.Integer(), sa.ForeignKey("show_platform_imports.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("show_id", sa.Integer(), sa.ForeignKey("shows.id", ondelete="CASCADE"), nullable=False),
        sa.Column("t", sa.Float(), nullable=False),
        *(sa.Column(name, sa.Float(), nullable=True) for name in FIGURES),
    )
    op.create_index("ix_show_platform_rows_show_t", "show_platform_rows", ["show_id", "t"])


def downgrade() -> None:
    op.drop_index("ix_show_platform_rows_show_t", "show_platform_rows")
    op.drop_table("show_platform_rows")
    op.drop_index("ix_show_platform_imports_show", "show_platform_imports")
    op.drop_table("show_platform_imports")
