"""The audience source's line under the graph: one viewer reads "1 viewer" (it read "1 viewers"), and Chinese has
one form — from a real CSV file source polled as the console polls it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from console.core.telemetry.audience_file import FileTailSource
from widgets.audience_status import describe


def polled(path: Path, viewers: int) -> FileTailSource:
    path.write_text(f"time,viewers\n{time.strftime('%Y-%m-%d %H:%M:%S')},{viewers}\n", encoding="utf-8")
    source = FileTailSource(path)
    source.poll()
    return source


@pytest.mark.parametrize(("viewers", "said"), [(1, "· 1 viewer"), (2, "· 2 viewers"), (1200, "· 1,200 viewers")])
def test_the_viewers_are_counted_as_english_counts_them(tmp_path: Path, viewers: int, said: str) -> None:
    line, _colour = describe(polled(tmp_path / "audience.csv", viewers))
    assert line.endswith(said), line


def test_one_viewer_in_chinese(tmp_path: Path, chinese: None) -> None:
    line, _colour = describe(polled(tmp_path / "audience.csv", 1))
    assert line.endswith("· 1 位观众"), line
