"""A long event-log line (a broken file's report, say) can be read whole: its row grows and it has a tooltip."""

from __future__ import annotations

from widgets.event_log import EventLog

LONG = (
    "The checklist file /home/crew/.config/onair/checklists/evening-show.toml could not be read: line 12, "
    "column 7: expected '=' after a key, found a newline; the other checklist files are loaded as usual."
)


def test_a_long_line_is_readable_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = EventLog()
    qtbot.addWidget(log)
    log.resize(420, 300)  # a dock at the side of a laptop screen
    log.show()
    qtbot.waitExposed(log)
    log.add("Console", "Connected.")
    log.add("Console", LONG, "error")
    # Hovering the line shows all of it, whatever the column's width.
    assert log.item(1, 2).toolTip() == LONG
    # And the row is tall enough for the wrapped text, not one line cut with "…".
    assert log.rowHeight(1) > 2 * log.rowHeight(0)
