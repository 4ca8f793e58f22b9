"""Storage fixtures shared by the storage tests: a migrated database on real SQLite and real PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.core.storage import Storage


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Storage:
    url = f"sqlite:///{tmp_path / 'onair.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    store = Storage(url)
    store.migrate()
    request.addfinalizer(store.close)
    return store
