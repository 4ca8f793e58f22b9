"""CSV/TSV file tail audience source: a spreadsheet export, a platform back-office download or a team's own
script appends rows; the newest row is the audience now. The only route for platforms with no viewer API
(Douyin, Kuaishou, Taobao Live). Qt-free.

The header row names the columns (English or Chinese, any order, any case): a time column and any of
viewers, likes, interactions. The delimiter is sniffed (comma, tab, semicolon, pipe). A UTF-8 byte-order mark
(Excel) and GB18030/GBK files (Chinese Excel's "CSV") are read. The file may grow, be truncated and rewritten,
or be replaced by a new file (rotation): each is noticed and followed. A partly written last line waits for
its end.
"""

from __future__ import annotations

import csv
import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from console.core.telemetry.audience import AudienceSource, Detail, SourceStatus, parse_count
from console.core.telemetry.live import AudienceReading
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP

LOG = logging.getLogger(__name__)

#: Header names understood for each column, compared case-insensitively without spaces, "_" or "-".
COLUMNS: dict[str, tuple[str, ...]] = {
    "time": ("time", "timestamp", "datetime", "date", "ts", "时间", "时间戳", "日期时间", "采集时间", "统计时间"),
    "viewers": (
        "viewers",
        "viewercount",
        "concurrentviewers",
        "online",
        "onlinecount",
        "audience",
        "在线人数",
        "实时在线",
        "在线",
        "观看人数",
        "同时在线",
        "在线观众",
        "观众",
    ),
    "likes": ("likes", "likecount", "like", "点赞", "点赞数", "点赞量"),
    "interactions": ("interactions", "comments", "chat", "messages", "互动", "互动数", "评论", "评论数", "弹幕"),
}
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%H:%M:%S")
#: When the file is larger than this at start, only its header and its last part are read.
TAIL_BYTES = 64 * 1024
#: A line longer than this is not a row of counts; it is skipped so a wrong file cannot fill memory.
MAX_LINE = 64 * 1024


def _key(name: str) -> str:
    return "".join(ch for ch in name.strip().strip('"').lower() if ch not in " _-")


def decode_line(raw: bytes) -> str:
    """A line of a file another tool writes: UTF-8, else GB18030 (Chinese Excel and Windows tools)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def sniff_delimiter(header: str) -> str:
    """The delimiter of a CSV/TSV header line (comma, tab, semicolon or pipe)."""
    try:
        return csv.Sniffer().sniff(header, delimiters=",\t;|").delimiter
    except csv.Error:
        return "\t" if "\t" in header else ","


def parse_time(text: str, now_wall: float) -> float | None:
    """A row's time as epoch seconds: ISO 8601, "2026-11-24 20:15:03", "20:15:03" (today), epoch s or ms."""
    text = text.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        return number / 1000.0 if number > 1e11 else number if number > 1e8 else None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        pass
    for pattern in _TIME_FORMATS:
        try:
            parsed = datetime.strptime(text, pattern)
        except ValueError:
            continue
        if pattern == "%H:%M:%S":
            today = datetime.fromtimestamp(now_wall)
            parsed = today.replace(hour=parsed.hour, minute=parsed.minute, second=parsed.second, microsecond=0)
        return parsed.timestamp()
    return None


class FileTailSource(AudienceSource):
    name = "file"

    def __init__(
        self,
        path: Path,
        stale_after_s: float = 120.0,
        poll_s: float = 1.0,
        wall: Callable[[], float] = time.time,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.stale_after_s = stale_after_s
        self.poll_s = poll_s
        self._wall = wall
        self._identity: tuple[int, int] | None = None
        self._offset = 0
        self._partial = b""
        self._columns: dict[str, int] | None = None
        self._delimiter = ","
        self._halt = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="audience-file", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._halt.set()

    def _run(self) -> None:
        while not self._halt.is_set():
            try:
                self.poll()
            except Exception:
                LOG.exception("audience file %s failed", self.path)
                self._set_state(
                    SourceStatus.ERROR, Detail.of(QT_TRANSLATE_NOOP("Audience", "Internal error; see the log."))
                )
            self._halt.wait(self.poll_s)

    # ------------------------------------------------------------------ one look at the file
    def _restart(self) -> None:
        self._identity, self._offset, self._partial, self._columns = None, 0, b"", None

    def poll(self) -> None:
        stat = self._stat()
        if stat is None:
            return
        identity = (stat.st_dev, stat.st_ino)
        if identity != self._identity or stat.st_size < self._offset:
            # A new file in its place (rotation) or the same file cut short and rewritten: start over.
            self._restart()
            self._identity = identity
        if stat.st_size == self._offset:
            return
        chunk = self._read_new(stat.st_size)
        if chunk is not None:
            self._take(chunk)

    def _stat(self) -> os.stat_result | None:
        """The file's identity and size; None (and said) when it is missing or unreadable."""
        try:
            return os.stat(self.path)
        except FileNotFoundError:
            self._restart()
            self._set_state(
                SourceStatus.ERROR,
                Detail.of(QT_TRANSLATE_NOOP("Audience", "The file {path} does not exist (yet)."), path=self.path),
            )
        except OSError as exc:
            self._unreadable(exc)
        return None

    def _read_new(self, size: int) -> bytes | None:
        """What was written since the last look (after the header); None while there is nothing to read."""
        try:
            with open(self.path, "rb") as handle:
                if self._columns is None:
                    self._read_header(handle)
                    if self._columns is None:
                        return None
                    if size - self._offset > TAIL_BYTES:  # a long history: only its end matters now
                        handle.seek(size - TAIL_BYTES)
                        handle.readline()  # most likely the middle of a row
                        self._offset = handle.tell()
                handle.seek(self._offset)
                return handle.read(max(0, size - self._offset))
        except OSError as exc:
            self._unreadable(exc)
            return None

    def _take(self, chunk: bytes) -> None:
        """Read the complete rows of what arrived; keep an unfinished last row for the next look."""
        self._offset += len(chunk)
        data = self._partial + chunk
        lines = data.split(b"\n")
        self._partial = lines.pop()
        if len(self._partial) > MAX_LINE:
            self._partial = b""
        for raw in lines:
            if len(raw) <= MAX_LINE:
                self._row(decode_line(raw).rstrip("\r"))

    def _unreadable(self, exc: OSError) -> None:
        self._set_state(
            SourceStatus.ERROR,
            Detail.of(
                QT_TRANSLATE_NOOP("Audience", "The file {path} cannot be read: {error}"),
                path=self.path,
                error=oswords.reason(exc, named=False),
            ),
        )

    def _read_header(self, handle: BinaryIO) -> None:
        raw = handle.readline(MAX_LINE)
        if not raw.endswith(b"\n"):
            return  # the header is still being written
        self._offset = len(raw)
        header = decode_line(raw.removeprefix(b"\xef\xbb\xbf")).rstrip("\r\n")
        self._delimiter = sniff_delimiter(header)
        names = [_key(name) for name in next(csv.reader([header], delimiter=self._delimiter), [])]
        columns: dict[str, int] = {}
        for column, aliases in COLUMNS.items():
            index = next((i for i, name in enumerate(names) if name in {_key(a) for a in aliases}), None)
            if index is not None:
                columns[column] = index
        if not any(field in columns for field in ("viewers", "likes", "interactions")):
            self._set_state(
                SourceStatus.ERROR,
                Detail.of(
                    QT_TRANSLATE_NOOP(
                        "Audience",
                        "The first row of {path} names no viewers, likes or interactions column (it reads: {header}).",
                    ),
                    path=self.path,
                    header=header[:120],
                ),
            )
            return
        self._columns = columns

    def _row(self, line: str) -> None:
        if not line.strip() or self._columns is None:
            return
        cells = next(csv.reader([line], delimiter=self._delimiter), [])

        def cell(column: str) -> str | None:
            index = self._columns.get(column) if self._columns else None
            return cells[index] if index is not None and index < len(cells) else None

        values = {name: parse_count(cell(name)) for name in ("viewers", "likes", "interactions")}
        if all(value is None for value in values.values()):
            return  # a blank or comment row; the last good reading stands
        now_wall, now = self._wall(), time.monotonic()
        stamp = parse_time(cell("time") or "", now_wall)
        # The row's own time on the console's monotonic clock; no time, or one in the future, is "now".
        t = now if stamp is None or stamp > now_wall + 5.0 else now - (now_wall - stamp)
        self._publish(AudienceReading(t, values["viewers"], values["likes"], values["interactions"]))
