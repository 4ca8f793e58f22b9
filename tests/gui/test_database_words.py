"""The console's own database trouble in the reader's language: a show review that cannot read its database said
the driver's English ("connection failed: connection to server at … failed: Connection refused") on a Chinese
console. The cause is said in words now (console/core/dbtrouble.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from console.core.storage import Storage, StorageError
from console.i18n import install_translator, remove_translators
from tests.conftest import PostgresCluster
from widgets.review_port import describe


def test_a_review_whose_database_is_stopped_says_so_in_chinese(
    own_postgres: PostgresCluster, qapp: QApplication
) -> None:
    own_postgres.start()
    own_postgres.stop()
    with pytest.raises(StorageError) as stopped:
        Storage(own_postgres.url + "/postgres").migrate()
    translators = install_translator(qapp, "zh_CN")
    try:
        said = describe(stopped.value)
    finally:
        remove_translators(qapp, translators)
    assert "Connection refused" not in said and "failed" not in said
    assert f"127.0.0.1:{own_postgres.port}/postgres 拒绝了连接" in said
