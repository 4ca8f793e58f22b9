"""A comment file another tool appends to — CSV/TSV with a header row, or JSON lines — read as it grows. The route
for Douyin, Taobao Live and Kuaishou teams whose own tool writes the comments down. Qt-free.

The format is told by the first line ("{" starts JSON lines; anything else is a CSV header naming the columns,
English or Chinese, delimiter sniffed). UTF-8 with or without a BOM, or GB18030/GBK (Chinese Excel). Growth,
truncation (the file cut short and rewritten) and rotation (a new file under the name) are followed; a line still
being written waits for its end. Only what is written after the source starts is read, unless asked to read the
file from its start.
"""

from __future__ import annotations

import csv
import json
import os
import time
from pathlib import Path
from typing import Any, BinaryIO

from console.core.chat.events import ChatDetail, ChatEvent
from console.core.chat.feed import ChatFeed
from console.core.chat.mapping import COLUMN_ALIASES, MAX_LINE, FieldMap, UnknownKind, Unreadable, column_key, to_event
from console.core.chat.source import ChatSource
from console.core.telemetry.audience import SourceStatus
from console.core.telemetry.audience_file import decode_line, sniff_delimiter
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP

#: The most read in one look: a huge history is not read whole (from_start) in one go.
READ_CHUNK = 1024 * 1024


class ChatFileTail(ChatSource):
    platform = "file"

    def __init__(
        self,
        feed: ChatFeed,
        path: Path,
        field_map: FieldMap | None = None,
        from_start: bool = False,
        poll_s: float = 0.5,
        source_id: str = "",
    ) -> None:
        super().__init__(feed, source_id)
        self.path = Path(path)
        self.field_map = field_map or FieldMap()
        self.from_start = from_start
        self.poll_s = poll_s
        self._identity: tuple[int, int] | None = None
        self._offset = 0
        self._partial = b""
        self._json: bool | None = None
        self._columns: FieldMap | None = None
        self._delimiter = ","
        self._polled = False
        #: How much of the file was there when the console started: history, not read (0: nothing to skip).
        self._history = 0

    def _session(self) -> None:
        while not self.halted:
            self.poll()
            self._halt.wait(self.poll_s)

    # ------------------------------------------------------------------ one look at the file
    def _restart(self) -> None:
        self._identity, self._offset, self._partial, self._json, self._columns = None, 0, b"", None, None

    def poll(self) -> None:
        """Look once: read what was written since the last look."""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            self._polled = True
            self._restart()
            self._set_state(
                SourceStatus.ERROR,
                ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "The file {path} does not exist (yet)."), path=self.path),
            )
            return
        except OSError as exc:
            self._unreadable(exc)
            return
        identity = (stat.st_dev, stat.st_ino)
        if identity != self._identity or stat.st_size < self._offset:
            # A new file in its place (rotation) or the same file cut short and rewritten: read it from its start.
            first_sight = not self._polled
            self._restart()
            self._identity = identity
            # Comments already in the file when the console starts are history; a file that appears or is
            # replaced later is all new.
            self._history = stat.st_size if first_sight and not self.from_start else 0
        try:
            with open(self.path, "rb") as handle:
                self._read(handle, stat.st_size)
        except OSError as exc:
            self._unreadable(exc)
            return
        finally:
            self._polled = True
        if self.state().status is not SourceStatus.OK and self._json is not None:
            self._connected(ChatDetail.of(QT_TRANSLATE_NOOP("Chat", "Following {path}."), path=self.path))

    def _read(self, handle: BinaryIO, size: int) -> None:
        if self._json is None and not self._read_format(handle):
            return
        if self._history > self._offset:
            # Start after the last complete line of the history: what was written after the start is read, a
            # line being written at the start is read once it is finished.
            start = max(self._offset, self._history - MAX_LINE)
            handle.seek(start)
            tail = handle.read(self._history - start)
            cut = tail.rfind(b"\n")
            self._offset = start + cut + 1 if cut >= 0 else self._offset
        self._history = 0
        if size <= self._offset:
            return
        handle.seek(self._offset)
        chunk = handle.read(min(size - self._offset, READ_CHUNK))
        self._offset += len(chunk)
        self._take(chunk)

    def _read_format(self, handle: BinaryIO) -> bool:
        """Tell JSON lines from CSV by the first line; read a CSV's header. False while the first line is unfinished."""
        raw = handle.readline(MAX_LINE)
        if not raw.endswith(b"\n"):
            return False
        text = decode_line(raw.removeprefix(b"\xef\xbb\xbf")).strip()
        if text.startswith("{"):
            self._json = True
            self._offset = 0  # the first line is a record: read it with the rest
            return True
        self._json = False
        self._offset = len(raw)
        self._delimiter = sniff_delimiter(text)
        names = [column_key(name) for name in next(csv.reader([text], delimiter=self._delimiter), [])]
        found: dict[str, str] = {}
        for part, aliases in COLUMN_ALIASES.items():
            wanted = {column_key(getattr(self.field_map, part))} | {column_key(a) for a in aliases}
            index = next((i for i, name in enumerate(names) if name in wanted), None)
            found[part] = str(index) if index is not None else ""
        if not found["text"] and not found["kind"]:
            self._set_state(
                SourceStatus.ERROR,
                ChatDetail.of(
                    QT_TRANSLATE_NOOP(
                        "Chat", "The first row of {path} names no comment text column (it reads: {header})."
                    ),
                    path=self.path,
                    header=text[:120],
                ),
            )
            self._json = None
            return False
        self._columns = FieldMap(**found)
        return True

    def _take(self, chunk: bytes) -> None:
        data = self._partial + chunk
        lines = data.split(b"\n")
        self._partial = lines.pop()
        if len(self._partial) > MAX_LINE:
            self._bad_input(f"a line longer than {MAX_LINE // 1024} KB")
            self._partial = b""
        received, now_wall = time.monotonic(), time.time()
        events = []
        for raw in lines:
            event = self._line(raw.rstrip(b"\r"), received, now_wall)
            if event is not None:
                events.append(event)
        self._emit(events)

    def _line(self, raw: bytes, received: float, now_wall: float) -> ChatEvent | None:
        if not raw.strip():
            return None
        if len(raw) > MAX_LINE:
            self._bad_input(f"a line longer than {MAX_LINE // 1024} KB")
            return None
        text = decode_line(raw.removeprefix(b"\xef\xbb\xbf"))
        record: Any
        field_map = self.field_map
        if self._json:
            try:
                record = json.loads(text)
            except (ValueError, RecursionError):
                self._bad_input("a line that is not JSON")
                return None
        else:
            cells = next(csv.reader([text], delimiter=self._delimiter), [])
            record = {str(i): cell for i, cell in enumerate(cells)}
            field_map = self._columns or field_map
        try:
            return to_event(record, field_map, self.platform, self.source_id, received, now_wall)
        except UnknownKind as exc:
            self._unknown_type(str(exc))
        except Unreadable as exc:
            self._bad_input(str(exc))
        return None

    def _unreadable(self, exc: OSError) -> None:
        self._set_state(
            SourceStatus.ERROR,
            ChatDetail.of(
                QT_TRANSLATE_NOOP("Chat", "The file {path} cannot be read: {error}"),
                path=self.path,
                error=oswords.reason(exc, named=False),
            ),
        )
