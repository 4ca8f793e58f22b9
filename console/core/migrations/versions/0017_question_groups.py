"""One question asked by many viewers, answered once; and the host's mark on a stored comment.

- show_questions: `group_id` (the id of the group's first question; NULL for a question asked alone, and for every
  question stored before this migration), `topic` (the question's text normalised — punctuation, particles such as
  呀/啊/呢, width and case aside — what the rules compare) and `segment` (the rundown segment on air when it was
  asked: the same words about another product are another question). Each viewer's question stays a row of its own
  (the export and the review count askers); the group is what the queue shows and what one claim, answer or dismiss
  moves.
- show_comments: whether the platform said the viewer was the host, a moderator or staff, so a console restarted
  mid-show marks the host's restored comments as it marked them live.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("show_questions") as batch:
        batch.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("topic", sa.String(300), nullable=True))
        batch.add_column(sa.Column("segment", sa.String(64), nullable=True))
    op.create_index("ix_show_questions_topic", "show_questions", ["show_id", "topic"])
    op.create_index("ix_show_questions_group", "show_questions", ["group_id"])
    with op.batch_alter_table("show_comments") as batch:
        for name in ("host", "moderator", "staff"):
            batch.add_column(sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("show_comments") as batch:
        for name in ("staff", "moderator", "host"):
            batch.drop_column(name)
    op.drop_index("ix_show_questions_group", table_name="show_questions")
    op.drop_index("ix_show_questions_topic", table_name="show_questions")
    with op.batch_alter_table("show_questions") as batch:
        for name in ("segment", "topic", "group_id"):
            batch.drop_column(name)
