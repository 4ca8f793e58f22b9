"""A show's review window takes a fair share of a large screen: it opened 1280×720 on a 1920×1080 screen, two of the
show's eight graphs in sight and the rest behind a scroll bar (fix23g). On a 1366×768 laptop it keeps the laptop's
size (within the screen); so does the compare window.

Measured in a child process on an offscreen screen of the room's size (tests/gui/screen_probe.py), the windows opened
through the review controller over a stored show."""

from __future__ import annotations

import json
import sys
from typing import Any

from tests.gui.screen_probe import run_probe, wait_settled


def measure(width: int, height: int) -> dict[str, Any]:
    return run_probe("tests.gui.test_review_window_fit", [], width, height)


def test_on_a_1920x1080_screen_the_review_shows_more_of_the_show_than_a_laptop_does() -> None:
    large, laptop = measure(1920, 1080), measure(1366, 768)
    for result in (large, laptop):
        for name in ("show", "compare"):
            assert result[name]["on_screen"], json.dumps(result)
    assert large["show"]["size"][0] > 1280 and large["show"]["size"][1] > 720, json.dumps(large)
    assert large["show"]["size"][0] < large["available"][0], "not the whole screen: the console stays in sight"
    assert large["show"]["graphs_seen"] > laptop["show"]["graphs_seen"], (large, laptop)
    assert large["compare"]["size"][0] > 1200 and large["compare"]["size"][1] > 700, json.dumps(large)
    assert laptop["show"]["size"] == [1280, 720], "a laptop's review keeps the size it had"


# ---------------------------------------------------------------------- the probe (in the child process)
def _probe() -> dict[str, Any]:
    from datetime import UTC, datetime, timedelta

    from PySide6.QtWidgets import QApplication

    from console.core.storage import Storage
    from console.review_controller import ReviewController
    from console.review_windows import ShowWindow

    storage = Storage()  # the probe's own database (ONAIR_DATABASE_URL)
    storage.migrate()
    start = datetime(2026, 11, 24, 20, tzinfo=UTC)
    ids = []
    for n in range(2):
        show, _ = storage.open_show("一号直播间", start + timedelta(days=n), 0)
        t0 = (start + timedelta(days=n)).timestamp()
        storage.add_telemetry(show.id, [{"t": t0 + s, "viewers": 1000.0 + s} for s in range(120)], [])
        storage.end_show(show.id, start + timedelta(days=n, seconds=120))
        ids.append(show.id)
    storage.close()

    app = QApplication(sys.argv[:1])
    review = ReviewController()
    out: dict[str, Any] = {}
    try:
        window = review.show_window(ids[0])
        compare = review.compare_window(ids)
        assert isinstance(window, ShowWindow) and compare is not None
        window.show()
        compare.show()
        wait_settled(lambda: (window.frameGeometry().getRect(), window.bundle is not None))
        screen = window.screen().availableGeometry()
        out["available"] = [screen.width(), screen.height()]
        graphs = window.graphs
        per_pane = graphs.canvas.height() / len(graphs.plots)  # the canvas holds the panes, one under another
        seen = min(len(graphs.plots), int(graphs.scroller.viewport().height() / per_pane + 0.05))
        out["show"] = {
            "size": [window.width(), window.height()],
            "on_screen": screen.contains(window.frameGeometry()),
            "graphs_seen": seen,
        }
        out["compare"] = {
            "size": [compare.width(), compare.height()],
            "on_screen": screen.contains(compare.frameGeometry()),
        }
        window.close()
        compare.close()
    finally:
        review.shutdown()
        app.processEvents()
    return out


if __name__ == "__main__":
    print(json.dumps(_probe()))
