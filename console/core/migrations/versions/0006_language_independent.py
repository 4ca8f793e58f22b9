"""Checklist runs in any reader's language: titles in every language of the template, sensed results as a
translatable template with its measured fields (JSON), beside the text rendered when the run was saved."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows stored before this version keep only their rendered text (NULL here): they are shown as stored.
    with op.batch_alter_table("checklist_runs") as batch:
        batch.add_column(sa.Column("title_texts", sa.Text(), nullable=True))
    with op.batch_alter_table("checklist_items") as batch:
        batch.add_column(sa.Column("title_texts", sa.Text(), nullable=True))
        batch.add_column(sa.Column("result_template", sa.Text(), nullable=True))
        batch.add_column(sa.Column("result_fields", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("checklist_items") as batch:
        for column in ("result_fields", "result_template", "title_texts"):
            batch.drop_column(column)
    with op.batch_alter_table("checklist_runs") as batch:
        batch.drop_column("title_texts")
