"""`onair check`: headless, scriptable — JSON, exit codes 0 / 1 / 2, the user's language."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD

REPO = Path(__file__).resolve().parents[2]
Check = Callable[..., subprocess.CompletedProcess[str]]


def onair_check_process(port: int, *args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child process (`python -m console check`): one test keeps it honest."""
    env = dict(
        os.environ,
        ONAIR_PW=PASSWORD,
        ONAIR_CONFIG_DIR=str(tmp_path),
        ONAIR_DATABASE_URL=f"sqlite:///{tmp_path / 'onair.db'}",
    )
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "console",
            "check",
            "--url",
            f"ws://127.0.0.1:{port}",
            "--password-env",
            "ONAIR_PW",
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )


def test_json_report_and_exit_zero_when_every_required_sensed_item_passed(sim: SimulatorThread, tmp_path: Path) -> None:
    result = onair_check_process(
        sim.port,
        "--checklist",
        "host-assistant-pre-show",
        "--operator",
        "小李",
        "--json",
        "--lang",
        "en",
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["checklist"] == "host-assistant-pre-show" and report["operator"] == "小李"
    assert report["ready"] is False, "manual items still need a person"
    by_id = {item["id"]: item for item in report["items"]}
    assert set(by_id["mic-live"]) >= {"id", "title", "kind", "required", "status", "detail"}
    assert by_id["mic-live"]["status"] == "passed" and "dBFS" in by_id["mic-live"]["detail"]
    assert by_id["background"]["kind"] == "manual" and by_id["background"]["status"] == "needs_person"
    from console.core.storage import Storage

    stored = Storage(f"sqlite:///{tmp_path / 'onair.db'}").run(report["run_id"])
    assert stored is not None and stored.operator == "小李" and stored.origin == "cli"
    assert next(i for i in stored.items if i.item_id == "mic-live").status == "passed"


def test_a_database_that_cannot_be_written_does_not_lose_the_report(
    sim: SimulatorThread, tmp_path: Path, onair_check: Check
) -> None:
    result = onair_check(
        sim.port,
        "--checklist",
        "streamer-go-live",
        "--json",
        "--lang",
        "en",
        "--database",
        "postgresql+psycopg://u:hidden@127.0.0.1:1/x",
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["run_id"] is None
    assert "the run could not be stored" in result.stderr and "hidden" not in result.stderr


def test_exit_one_with_the_measurement_when_a_required_item_fails(
    sim: SimulatorThread, tmp_path: Path, onair_check: Check
) -> None:
    sim.call(lambda s: s.inject("silent-mic"))
    result = onair_check(sim.port, "--checklist", "streamer-go-live", "--lang", "zh_CN", tmp_path=tmp_path)
    assert result.returncode == 1
    assert "✗ 麦克风能收到你的声音" in result.stdout and "低于 −50：麦克风是否已打开并插好？" in result.stdout
    assert "还不能开播" in result.stdout


def test_exit_two_for_a_broken_checklist_file(sim: SimulatorThread, tmp_path: Path, onair_check: Check) -> None:
    broken = tmp_path / "ours.yaml"
    broken.write_text(
        "id: ours\ntitle: O\nsections:\n  - title: S\n    items:\n      - id: a\n        title: A\n"
        "        check: obs.nope\n",
        encoding="utf-8",
    )
    result = onair_check(sim.port, "--checklist", str(broken), tmp_path=tmp_path)
    assert result.returncode == 2 and f"{broken}:8: unknown check “obs.nope”" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_checklist_file_and_an_unknown_id_are_said_in_chinese(
    sim: SimulatorThread, tmp_path: Path, onair_check: Check
) -> None:
    """`onair check --lang zh_CN`: the whole sentence in the reader's language, the file and line as they are."""
    broken = tmp_path / "live.yaml"
    broken.write_text(
        "id: live\ntitle: L\nsections:\n  - title: S\n    items:\n      - id: mic\n        title: Mic\n"
        "        check: audio.level_above\n        with:\n          input: Mic\n          seconds: 86400\n",
        encoding="utf-8",
    )
    result = onair_check(sim.port, "--checklist", str(broken), "--lang", "zh_CN", tmp_path=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"onair: {broken}:11: audio.level_above 的参数“seconds”必须不小于 0.1 且不大于 60，而不是 86400.0"
    )
    result = onair_check(sim.port, "--checklist", "no-such-list", "--lang", "zh_CN", tmp_path=tmp_path)
    assert result.returncode == 2
    line = "onair: no-such-list: 没有这个 id 的检查单（已有："
    assert line in result.stderr and "streamer-go-live" in result.stderr, result.stderr
    assert "no checklist" not in result.stderr


def test_exit_two_when_obs_cannot_be_reached(tmp_path: Path, onair_check: Check) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = onair_check(port, "--checklist", "streamer-go-live", "--timeout", "2", "--lang", "en", tmp_path=tmp_path)
    assert (
        result.returncode == 2 and "cannot connect to OBS" in result.stderr and "Nothing is listening" in result.stderr
    )


def test_the_chinese_report_has_no_english_left_in_it(sim: SimulatorThread, tmp_path: Path, onair_check: Check) -> None:
    """Every line in Chinese: titles, results (the ingest that refuses too, not the system's “Connection
    refused”), the marks' words, the verdict; names, units and addresses stay as they are."""
    from tests.language import english_words

    for checklist in ("technician-pre-show", "streamer-go-live"):
        result = onair_check(sim.port, "--checklist", checklist, "--lang", "zh_CN", tmp_path=tmp_path)
        assert result.returncode in (0, 1), result.stderr
        leftovers = {line: english_words(line) for line in result.stdout.splitlines() if english_words(line)}
        assert not leftovers, leftovers


def test_an_ingest_that_refuses_is_said_in_the_users_language(sim: SimulatorThread) -> None:
    """The system's reason for a refused connection is English; the check says it in a sentence of its own,
    which the catalogue translates."""
    from checklists.checks import CHECKS, Status, run_check
    from checklists.context import SessionContext
    from obs.session import ObsSession

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with ObsSession("127.0.0.1", sim.port, PASSWORD, poll_interval=None) as session:
        assert session.wait_connected(10)
        outcome = run_check(
            CHECKS["network.ingest_reachable"], SessionContext(session), {"host": "127.0.0.1", "port": port}
        )
    assert outcome.status is Status.FAILED and "reason" not in outcome.fields
    assert outcome.detail == f"127.0.0.1:{port} refuses the connection: no streaming server listens there."


@pytest.mark.parametrize(
    ("number", "chinese_words"),
    [
        (errno.EHOSTUNREACH, "本机在网络上无法到达 10.0.0.9"),
        (errno.ENETUNREACH, "本机没有通往 10.0.0.9 的网络"),
        (errno.ECONNRESET, "10.0.0.9:1935 在连接建立后立即断开了连接"),
    ],
)
def test_an_unreachable_ingest_is_said_in_words_not_the_systems(number: int, chinese_words: str) -> None:
    """The system's reason ("No route to host", "Network is unreachable") is English; a result in a Chinese
    checklist said "10.0.0.9:1935 无法应答（No route to host）". The common ones have sentences of their own."""
    from checklists.checks import Status, _connect_failed
    from tests.language import chinese

    error = OSError(number, os.strerror(number))
    outcome = _connect_failed(error, "10.0.0.9", 1935, os.strerror(number))
    assert outcome.status is Status.FAILED and "reason" not in outcome.fields
    said = outcome.explain(chinese()("Checks", outcome.template))
    assert chinese_words in said and os.strerror(number) not in said, said


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "NOT READY: 1 required item open", "NOT READY: 2 required items open"),
        ("zh_CN", "还不能开播：1 个必选项未完成", "还不能开播：2 个必选项未完成"),
    ],
)
def test_the_verdict_counts_the_open_items_as_the_language_does(
    sim: SimulatorThread, tmp_path: Path, onair_check: Check, language: str, one: str, two: str
) -> None:
    """ "NOT READY: 1 required item(s) open": one item in English's singular, two in its plural."""
    single = tmp_path / "single.yaml"
    single.write_text(
        "id: single\ntitle: One\nsections:\n  - title: S\n    items:\n      - id: script\n        title: Script\n"
        "        manual: true\n",
        encoding="utf-8",
    )
    result = onair_check(sim.port, "--checklist", str(single), "--lang", language, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == one, result.stdout
    result = onair_check(sim.port, "--checklist", "streamer-go-live", "--lang", language, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == two, result.stdout
