"""A fixed-size ring of 1 Hz samples whose any recent window is one contiguous numpy slice.

Each row is written twice, at i and i + capacity, so a window never wraps and the graphs read it with
no copy (the trick Friture's ring buffer uses)."""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = npt.NDArray[np.float64]
    Values = npt.NDArray[np.float32]


#: Rows a ring holds as plain tuples before its arrays are made (see Ring.append).
PENDING_ROWS = 30


def import_numpy_in_background() -> threading.Thread:
    """numpy's import (~100-190 ms of CPU) on a thread of its own, for a console whose window has painted: the ring
    made later on the GUI thread (its first read, or PENDING_ROWS seconds in) then finds it imported, and the
    meters do not stop for it mid-show."""
    thread = threading.Thread(target=importlib.import_module, args=("numpy",), name="numpy-import", daemon=True)
    thread.start()
    return thread


class Ring:
    def __init__(self, capacity: int, channels: int) -> None:
        self.capacity = capacity
        self.channels = channels
        # Made (and numpy imported) at the first read, or when PENDING_ROWS rows wait: the console's window
        # paints before either, and numpy's import and these 9 MB cost the GUI thread ~190 ms, which at the show's
        # first second (stored at once: the writer takes its rows from the telemetry, not from here) fell
        # before the window had populated.
        self._arrays: tuple[Floats, Values] | None = None
        #: The first rows, kept as they came until the arrays are made.
        self._pending: list[tuple[float, tuple[float, ...]]] = []
        self._written = 0  # rows ever written
        #: Grows on every append: a plot redraws only when this moved since its last look.
        self.version = 0

    @property
    def _times(self) -> Floats:
        return self._made()[0]

    @property
    def _values(self) -> Values:
        return self._made()[1]

    @property
    def made(self) -> bool:
        return self._arrays is not None

    def _made(self) -> tuple[Floats, Values]:
        if self._arrays is None:
            import numpy as np

            arrays = self._arrays = (
                np.full(2 * self.capacity, np.nan, dtype=np.float64),
                np.full((2 * self.capacity, self.channels), np.nan, dtype=np.float32),
            )
            pending, self._pending = self._pending, []
            for written, (t, values) in enumerate(pending):
                self._put(arrays, written, t, values)
        return self._arrays

    def __len__(self) -> int:
        return min(self._written, self.capacity)

    def append(self, t: float, values: tuple[float, ...] | Values) -> None:
        if self._written and t < self.last_time():
            raise ValueError(f"time went backwards: {t} after {self.last_time()}")
        if self._arrays is None and isinstance(values, tuple) and len(self._pending) < min(PENDING_ROWS, self.capacity):
            self._pending.append((t, values))
        else:
            self._put(self._made(), self._written, t, values)
        self._written += 1
        self.version += 1

    def _put(self, arrays: tuple[Floats, Values], written: int, t: float, values: tuple[float, ...] | Values) -> None:
        position = written % self.capacity
        times, rows = arrays
        for row in (position, position + self.capacity):
            times[row] = t
            rows[row] = values

    def last_time(self) -> float:
        if not self._written:
            return float("nan")
        if self._arrays is None:
            return self._pending[-1][0]
        return float(self._times[(self._written - 1) % self.capacity])

    def last(self, count: int) -> tuple[Floats, Values]:
        """The newest `count` rows, oldest first: views, not copies (do not keep them across appends)."""
        count = max(0, min(count, len(self)))
        start = (self._written - count) % self.capacity
        return self._times[start : start + count], self._values[start : start + count]

    def since(self, t0: float) -> tuple[Floats, Values]:
        """Rows with time >= t0 (all rows when t0 is -inf)."""
        import numpy as np

        times, values = self.last(len(self))
        first = int(np.searchsorted(times, t0, side="left"))
        return times[first:], values[first:]
