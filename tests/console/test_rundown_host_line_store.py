"""The line for the host as stored with the show (migration 0016), on real SQLite and PostgreSQL: set, replaced and
cleared with every change counted (so a console tells a new line from one it has shown), read the same by a second
Storage of the database (a second console), and refused (StorageError, not stored) for a show that does not
exist."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.core.storage import Storage, StorageError

ROOM = "一号直播间"


def test_the_line_is_kept_with_its_show_and_every_change_counted(storage: Storage) -> None:
    show, _ = storage.open_show(ROOM, datetime.now(UTC), 60)
    other, _ = storage.open_show("二号直播间", datetime.now(UTC), 60)
    assert storage.host_line(show.id) is None, "a show without a line"

    first = storage.set_host_line(show.id, "30 s to the giveaway", "场控小李")
    assert (first.text, first.revision, first.set_by) == ("30 s to the giveaway", 1, "场控小李")
    second_console = Storage(storage.url)  # another console of the room on the same database
    try:
        seen = second_console.host_line(show.id)
        assert seen is not None and (seen.text, seen.revision) == ("30 s to the giveaway", 1)
        again = second_console.set_host_line(show.id, "smile — you're on the wide shot", "场控小王")
        assert (again.text, again.revision) == ("smile — you're on the wide shot", 2)
    finally:
        second_console.close()
    cleared = storage.set_host_line(show.id, "", "场控小李")
    assert (cleared.text, cleared.revision) == ("", 3), "a cleared line is a change too"
    stored = storage.host_line(show.id)
    assert stored is not None and stored.text == "" and stored.set_at.tzinfo is not None
    assert storage.host_line(other.id) is None, "another show's line is its own"


def test_a_line_for_a_show_that_does_not_exist_is_refused_in_words(storage: Storage) -> None:
    with pytest.raises(StorageError, match="failed"):
        storage.set_host_line(987654, "上链接", "场控小李")
    assert storage.host_line(987654) is None
