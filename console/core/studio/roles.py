"""The SQL that gives a studio's PostgreSQL its roles: a writer per room console, a read-only supervisor (Qt-free).

Row-level security, not separate grants: every room's status lives in the same two tables (one row per room),
and a grant can only allow or refuse a whole table. A policy per room role lets that role see and write only
the rows whose `room` is its own; the supervisor's policy lets it read every row, and it is granted SELECT
only, so it can change nothing anywhere. The table owner (who runs the migrations) is not subject to the
policies. The text is the same one the README shows and the tests run (`onair studio-roles ROOM...`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

SUPERVISOR = "onair_supervisor"
#: The group every room's role belongs to: what a room console needs on the rest of the schema.
ROOM_CONSOLES = "onair_room_console"
STUDIO_TABLES = ("studio_rooms", "studio_thumbnails")


def room_role(room: str) -> str:
    """A room's login role: a room name may hold any characters and any length, a role name is at most 63 bytes
    and best kept plain, so the role is named by a digest of the room's name (its COMMENT names the room)."""
    return "onair_room_" + hashlib.sha256(room.encode("utf-8")).hexdigest()[:12]


def _literal(text: str) -> str:
    """A SQL string literal (standard_conforming_strings, PostgreSQL's default since 9.1: only ' is special)."""
    if "\x00" in text:
        raise ValueError("a room's name cannot contain the NUL character")
    return "'" + text.replace("'", "''") + "'"


def _create_role(role: str, options: str) -> str:
    # CREATE ROLE has no IF NOT EXISTS: the block makes the script safe to run again (after adding a room).
    return f"DO $$ BEGIN CREATE ROLE {role} {options}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;"


def studio_roles_sql(rooms: Sequence[str]) -> str:
    """The SQL for a studio with these rooms; run it as the owner of the tables, again after adding a room or
    upgrading the console (a new table is granted only by a new run). Passwords are set apart, never here."""
    names = list(dict.fromkeys(rooms))
    lines = [
        "-- OnAir Console: the studio's roles (onair studio-roles). Run as the owner of the console's tables,",
        "-- after a room console has created them; again after adding a room or upgrading the console.",
        "-- Then give each login role a password: ALTER ROLE name PASSWORD '…'; (or \\password name in psql).",
        "",
        "-- The supervisor: reads every table and every room, changes nothing.",
        _create_role(SUPERVISOR, "LOGIN"),
        f"GRANT USAGE ON SCHEMA public TO {SUPERVISOR};",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {SUPERVISOR};",
        "",
        "-- The room consoles: the console's own tables (shows, checklists, …) as before; the studio's live",
        "-- status and thumbnails only for their own room, by the policies below.",
        _create_role(ROOM_CONSOLES, "NOLOGIN"),
        f"GRANT USAGE ON SCHEMA public TO {ROOM_CONSOLES};",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {ROOM_CONSOLES};",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ROOM_CONSOLES};",
        "",
    ]
    for table in STUDIO_TABLES:
        lines += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;",
            f"DROP POLICY IF EXISTS {SUPERVISOR} ON {table};",
            f"CREATE POLICY {SUPERVISOR} ON {table} FOR SELECT TO {SUPERVISOR} USING (true);",
        ]
    for room in names:
        role, name = room_role(room), _literal(room)
        lines += [
            "",
            _create_role(role, f"LOGIN IN ROLE {ROOM_CONSOLES}"),
            f"COMMENT ON ROLE {role} IS {_literal('OnAir room console: ' + room)};",
        ]
        for table in STUDIO_TABLES:
            lines += [
                f"DROP POLICY IF EXISTS {role} ON {table};",
                f"CREATE POLICY {role} ON {table} FOR ALL TO {role} USING (room = {name}) WITH CHECK (room = {name});",
            ]
    return "\n".join(lines) + "\n"
