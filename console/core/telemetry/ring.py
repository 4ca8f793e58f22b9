"""A fixed-size ring of 1 Hz samples whose any recent window is one contiguous numpy slice.

Each row is written twice, at i and i + capacity, so a window never wraps and the graphs read it with
no copy (the trick Friture's ring buffer uses)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = npt.NDArray[np.float64]
    Values = npt.NDArray[np.float32]


class Ring:
    def __init__(self, capacity: int, channels: int) -> None:
        self.capacity = capacity
        self.channels = channels
        # Made (and numpy imported) at the first row or read: the console's window paints before either, and
        # numpy's import and these 9 MB cost its start-up ~100 ms of the GUI thread.
        self._arrays: tuple[Floats, Values] | None = None
        self._written = 0  # rows ever written
        #: Grows on every append: a plot redraws only when this moved since its last look.
        self.version = 0

    @property
    def _times(self) -> Floats:
        return self._made()[0]

    @property
    def _values(self) -> Values:
        return self._made()[1]

    def _made(self) -> tuple[Floats, Values]:
        if self._arrays is None:
            import numpy as np

            self._arrays = (
                np.full(2 * self.capacity, np.nan, dtype=np.float64),
                np.full((2 * self.capacity, self.channels), np.nan, dtype=np.float32),
            )
        return self._arrays

    def __len__(self) -> int:
        return min(self._written, self.capacity)

    def append(self, t: float, values: tuple[float, ...] | Values) -> None:
        if self._written and t < self.last_time():
            raise ValueError(f"time went backwards: {t} after {self.last_time()}")
        position = self._written % self.capacity
        times, rows = self._made()
        for row in (position, position + self.capacity):
            times[row] = t
            rows[row] = values
        self._written += 1
        self.version += 1

    def last_time(self) -> float:
        return float(self._times[(self._written - 1) % self.capacity]) if self._written else float("nan")

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
