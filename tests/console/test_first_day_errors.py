"""What a first-day user meets on the command line: its help, and when the address or the password they typed is
wrong, one sentence that says what is wrong, in their language — not Python's English ("Port could not be cast to
integer value as 'abc'"), not a port 0 quietly taken for 4455, not an unset password variable taken for an empty
password (fresh18's walk)."""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
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


def command_line_names(parser: argparse.ArgumentParser) -> set[str]:
    """What `onair`'s own command line defines and its help shows as it is: options, metavars, choices, commands."""
    from console.core.review.shows import SORT_KEYS

    names = {"onair", "h", *SORT_KEYS}
    for action in parser._actions:
        for text in (*action.option_strings, action.metavar or "", *(action.choices or ())):
            names.update(re.findall(r"[A-Za-z][\w-]*", str(text)))
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                names |= command_line_names(command)
    return names


def unwrapped(text: str) -> list[str]:
    """The help's lines with argparse's wrapping undone: Chinese has no spaces, so it wraps inside a quoted name."""
    lines: list[str] = []
    for line in text.splitlines():
        if lines and line.startswith(" " * 7) and line.strip():
            lines[-1] += line.strip()
        else:
            lines.append(line)
    return lines


COMMANDS = [
    (),
    ("demo-obs",),
    ("check",),
    ("monitor",),
    ("analyze-log",),
    ("shows",),
    ("show-meta",),
    ("import-audience",),
    ("report",),
    ("rundown", "import"),
    ("lottery", "export"),
    ("alerts", "secret"),
    ("studio",),
    ("studio-roles",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "onair")
def test_help_is_in_the_chosen_language(command: tuple[str, ...], tmp_path: Path, onair: Onair) -> None:
    """`onair --help` and each command's: argparse's own words and every option's help in Chinese with --lang zh_CN
    (it was all English: "usage:", "show this help message and exit", each option), with the system's language
    when --lang is not given, and English with --lang en."""
    from console.cli import build_parser

    names = command_line_names(build_parser())
    result = onair(*command, "--help", "--lang", "zh_CN", env={"ONAIR_CONFIG_DIR": str(tmp_path)})
    assert result.returncode == 0, result
    assert result.stdout.startswith("用法：onair"), result.stdout
    assert "显示本帮助并退出" in result.stdout, result.stdout
    leftovers = {line: english_words(line, names) for line in unwrapped(result.stdout) if english_words(line, names)}
    assert not leftovers, leftovers
    english = onair(*command, "--help", "--lang", "en", env={"ONAIR_CONFIG_DIR": str(tmp_path)})
    assert english.stdout.startswith("usage: onair") and "show this help message and exit" in english.stdout


def test_a_command_says_what_it_does_at_the_top_of_its_help(tmp_path: Path, onair: Onair) -> None:
    result = onair("check", "--help", "--lang", "en", env={"ONAIR_CONFIG_DIR": str(tmp_path)})
    assert "\n\nrun a checklist's sensed items once against an OBS (headless)\n" in result.stdout, result.stdout


def test_a_mistyped_command_line_is_answered_in_the_system_language(tmp_path: Path, onair: Onair) -> None:
    """No --lang on a Chinese system: argparse's refusal in Chinese; and argparse speaks English again afterwards
    (its words are ours only while `onair` reads its command line)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG"))}
    result = subprocess.run(  # a child: Qt reads the system's language once per process
        [sys.executable, "-m", "console", "check", "--url", "ws://127.0.0.1:4455"],
        env={**env, "LANG": "zh_CN.UTF-8", "ONAIR_CONFIG_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result
    assert "onair check：错误：缺少必需的参数：--checklist" in result.stderr, result.stderr
    refused = onair("--lang", "zh_CN", "--workspace", "Studio", env={"ONAIR_CONFIG_DIR": str(tmp_path)})
    assert "参数 --workspace：无效的选择：'Studio'（可选：" in refused.stderr, refused.stderr
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def test_the_demo_room_server_speaks_the_readers_language(tmp_path: Path, onair: Onair) -> None:
    """`onair demo-obs`, which the README gives a Chinese team to rehearse with, listed its scenarios and refused a
    bad one, a missing password variable or an open address in English whatever --lang said."""
    from obs.simulator.scenarios import SCENARIOS

    env = {"ONAIR_CONFIG_DIR": str(tmp_path), "NO_SUCH_PW": None}
    listed = onair("demo-obs", "--list-scenarios", "--lang", "zh_CN", env=env)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == len(SCENARIOS), listed
    assert "一切正常的直播间" in listed.stdout, listed.stdout
    # A scenario that repeats says so and how often (a planner saw a stopped stream's fault come back unannounced).
    by_name = {line.split()[0]: line for line in listed.stdout.splitlines()}
    assert "推流时每 90 秒重复一次" in by_name["congestion"] and "等你下次开始推流" in by_name["congestion"], by_name
    assert "录制时每 60 秒重复一次" in by_name["record-stall"], by_name
    assert "重复" not in by_name["muted-mic"], by_name
    leftovers = [line for line in listed.stdout.splitlines() if english_words(line, set(SCENARIOS))]
    assert not leftovers, leftovers
    for args, said in (
        (("--scenario", "nope"), "没有“nope”这个场景"),
        (("--password-env", "NO_SUCH_PW"), "环境变量 NO_SUCH_PW 未设置"),
        (("--host", "0.0.0.0", "--port", "0"), "必须设置密码"),
    ):
        refused = onair("demo-obs", *args, "--lang", "zh_CN", env=env)
        assert refused.returncode in (1, 2) and said in refused.stderr, refused
        if args[0] == "--scenario":  # a Chinese list takes 、, not the ASCII ", "
            assert "normal、congestion、encoder-overload" in refused.stderr and ", " not in refused.stderr, refused
        assert not english_words(refused.stderr, {*SCENARIOS, "NO_SUCH_PW", "VAR"}), refused.stderr


def test_a_mistyped_number_is_refused_in_words_the_reader_reads(tmp_path: Path, onair: Onair) -> None:
    """argparse's "argument --port: invalid int value: 'x'" names a Python type; in Chinese the refusal says the value
    is not a number."""
    result = onair("demo-obs", "--port", "x", "--lang", "zh_CN", env={"ONAIR_CONFIG_DIR": str(tmp_path)})
    assert result.returncode == 2, result
    said = result.stderr.splitlines()[-1]
    assert said == "onair demo-obs：错误：参数 --port：'x' 不是有效的数字", result.stderr
    english = onair("demo-obs", "--port", "x", "--lang", "en", env={"ONAIR_CONFIG_DIR": str(tmp_path)})
    assert english.stderr.splitlines()[-1] == "onair demo-obs: error: argument --port: invalid int value: 'x'"


def test_a_port_another_program_holds_is_said_in_words_in_the_language_given_before_the_command(
    tmp_path: Path, onair: Onair
) -> None:
    """`onair --lang zh_CN demo-obs --port N` with N taken: the system's "[Errno 98] Address already in use" said in
    Chinese with what to do, and the --lang given before the command is the command's language too (it spoke
    English under argparse's Chinese)."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = onair("--lang", "zh_CN", "demo-obs", "--port", str(port), env={"ONAIR_CONFIG_DIR": str(tmp_path)})
    assert result.returncode == 1, result
    assert f"无法在 127.0.0.1:{port} 上监听" in result.stderr, result.stderr
    assert "地址已被占用：另一个程序占用了该端口；请关闭那个程序或换一个端口" in result.stderr, result.stderr
    assert "Errno" not in result.stderr and not english_words(result.stderr), result.stderr
