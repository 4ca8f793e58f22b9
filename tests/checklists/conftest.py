"""Checklist fixtures: `onair check` against an OBS, in this process."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PASSWORD


@pytest.fixture
def onair_check(
    onair: Callable[..., subprocess.CompletedProcess[str]],
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """`onair check --url … --password-env ONAIR_PW ARGS` in this process (console.cli.main)."""

    def run(port: int, *args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
        env: dict[str, str | None] = {
            "ONAIR_PW": PASSWORD,
            "ONAIR_CONFIG_DIR": str(tmp_path),
            "ONAIR_DATABASE_URL": f"sqlite:///{tmp_path / 'onair.db'}",
        }
        return onair("check", "--url", f"ws://127.0.0.1:{port}", "--password-env", "ONAIR_PW", *args, env=env)

    return run
