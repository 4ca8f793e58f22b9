"""Fixtures shared by the console core tests: a migrated database on real SQLite and real PostgreSQL; one manual clock
for simulators and monitors that run a show in compressed time."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.core.storage import Storage
from obs.clock import ManualClock


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Storage:
    url = (
        f"sqlite:///{tmp_path / 'onair.db'}"
        if request.param == "sqlite"
        else request.getfixturevalue("migrated_postgres_url")
    )
    store = Storage(url)
    store.migrate()
    request.addfinalizer(store.close)
    return store


@pytest.fixture
def clock() -> ManualClock:
    """OBS's time and the monitors' one clock (obs/clock.py): the test moves it a second at a time."""
    return ManualClock()
