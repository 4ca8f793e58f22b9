"""Studio wall, shared mode (issue 21): each room's live status and its latest thumbnail, one row per room, and a
NOTIFY on every change so that the wall reads only the rows that changed."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

#: The channel the wall LISTENs on. The payload is "s<id>" (a status row) or "t<id>" (a thumbnail row): never the
#: room name or the status itself, which could exceed NOTIFY's 8000-byte payload limit.
CHANNEL = "onair_studio"


def upgrade() -> None:
    op.create_table(
        "studio_rooms",
        sa.Column("id", sa.Integer(), primary_key=True),
        # Any characters (PostgreSQL's text holds everything but NUL, which the publisher refuses in words).
        sa.Column("room", sa.Text(), nullable=False, unique=True),
        # The console that publishes the room ("host (pid N)"); "" once it stopped cleanly: free to claim.
        sa.Column("console", sa.Text(), nullable=False, server_default=""),
        # RoomStatus.to_json() as text (not jsonb): a row a newer console wrote is still fetched and then
        # skipped by name, rather than failing the whole query.
        sa.Column("status", sa.Text(), nullable=False),
        # The publishing console's last heartbeat (wall-clock epoch seconds): a claim older than
        # SILENT_AFTER_S may be taken over by another console.
        sa.Column("heartbeat", sa.Float(), nullable=False),
        sa.Column("claimed_at", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    )
    # Kept apart from the status: a status update (once a second) stays small and never rewrites the picture.
    op.create_table(
        "studio_thumbnails",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("room", sa.Text(), nullable=False, unique=True),
        sa.Column("taken", sa.Float(), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    )
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no NOTIFY: shared mode refuses it in words (console.core.studio.shared)
    # Each room's row is updated in place every second: with half of each page free, PostgreSQL keeps the new
    # version on the same page (a HOT update, no index entry), and the table stays the size of its rooms.
    op.execute("ALTER TABLE studio_rooms SET (fillfactor = 50)")
    op.execute(
        f"""
        CREATE FUNCTION onair_studio_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', TG_ARGV[0] || NEW.id::text);
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER studio_rooms_notify AFTER INSERT OR UPDATE ON studio_rooms "
        "FOR EACH ROW EXECUTE FUNCTION onair_studio_notify('s')"
    )
    op.execute(
        "CREATE TRIGGER studio_thumbnails_notify AFTER INSERT OR UPDATE ON studio_thumbnails "
        "FOR EACH ROW EXECUTE FUNCTION onair_studio_notify('t')"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS studio_thumbnails_notify ON studio_thumbnails")
        op.execute("DROP TRIGGER IF EXISTS studio_rooms_notify ON studio_rooms")
        op.execute("DROP FUNCTION IF EXISTS onair_studio_notify()")
    op.drop_table("studio_thumbnails")
    op.drop_table("studio_rooms")
