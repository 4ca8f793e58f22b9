"""What a first-day user meets when the address or the password they typed is wrong: one sentence that says what is
wrong, in their language — not Python's English ("Port could not be cast to integer value as 'abc'"), not a port 0
quietly taken for 4455, not an unset password variable taken for an empty password (fresh18's walk)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from tests.language import english_words

Onair = Callable[..., CompletedProcess[str]]


@pytest.mark.parametrize("url", ["ws://127.0.0.1:abc", "ws://127.0.0.1:99999", "ws://127.0.0.1:0"])
def test_a_bad_port_is_said_in_the_readers_language(url: str, tmp_path: Path, onair: Onair) -> None:
    result = onair("monitor", "--url", url, "--lang", "zh_CN", env={"ONAIR_CONFIG_DIR": str(tmp_path)})
    assert result.returncode == 2, result
    assert "1 到 65535" in result.stderr and url in result.stderr, result.stderr
    assert not english_words(result.stderr), result.stderr
    english = onair("monitor", "--url", url, "--lang", "en", env={"ONAIR_CONFIG_DIR": str(tmp_path)})
    assert f"The port in “{url}” must be a number from 1 to 65535" in english.stderr, english.stderr


def test_an_address_that_is_not_obs_websocket_says_how_to_write_one(tmp_path: Path, onair: Onair) -> None:
    result = onair(
        "check", "--url", "http://obs-pc:4455", "--checklist", "host-assistant-pre-show", "--lang", "zh_CN",
        env={"ONAIR_CONFIG_DIR": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 2, result
    assert "不是 obs-websocket 地址" in result.stderr and "ws://127.0.0.1:4455" in result.stderr, result.stderr
    assert not english_words(result.stderr), result.stderr


def test_an_unset_password_variable_is_named_not_sent_as_an_empty_password(tmp_path: Path, onair: Onair) -> None:
    result = onair(
        "check", "--url", "ws://127.0.0.1:4455", "--password-env", "OBS_PASSWROD", "--checklist",
        "host-assistant-pre-show", "--lang", "zh_CN",
        env={"ONAIR_CONFIG_DIR": str(tmp_path), "OBS_PASSWROD": None},
    )  # fmt: skip
    assert result.returncode == 2, result
    assert "环境变量 OBS_PASSWROD 未设置" in result.stderr, result.stderr
    assert not english_words(result.stderr.replace("OBS_PASSWROD", "")), result.stderr  # a name is a literal
