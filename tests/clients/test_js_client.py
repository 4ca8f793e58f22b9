"""obs-websocket-js (the npm client behind obs-web, Companion modules and many browser tools) works on the
demo room with a password, in both encodings it offers: JSON and MessagePack."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD

CLIENT = Path(__file__).resolve().parent / "js"


@pytest.fixture(scope="module")
def node() -> str:
    """Node with obs-websocket-js installed from the committed lock file (`npm ci` when node_modules is missing)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        reason = "the obs-websocket-js check needs Node and npm (Debian's nodejs npm; bash .ci/run installs them)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    if not (CLIENT / "node_modules" / "obs-websocket-js" / "package.json").exists():
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=CLIENT, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, f"npm ci failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return node


@pytest.mark.parametrize("encoding", ["json", "msgpack"])
def test_obs_websocket_js(sim: SimulatorThread, node: str, encoding: str) -> None:
    done = subprocess.run(
        [node, "client.mjs", sim.url, PASSWORD, encoding], cwd=CLIENT, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip(), f"no report from client.mjs: {done.stderr[-2000:]}"
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == 0 and "failure" not in report, report
    assert report["negotiatedRpcVersion"] == 1 and report["obsWebSocketVersion"] == "5.1.0"
    assert report["obsVersion"] == "29.0.2"
    assert {"等待开始", "直播中", "商品特写"} <= set(report["scenes"])
    assert "麦克风" in report["inputs"] and report["muted"] is True
    assert report["activeFps"] > 0
    assert report["batch"] == [
        ["GetStreamStatus", 100],
        ["Sleep", 100],
        ["StopStream", 100],
        ["GetInputVolume", 600],
    ]
    assert report["streamActiveInBatch"] is True
    assert report["error"] == [600, "No source was found by the name of `没有这个场景`."]
    events = [tuple(e) for e in report["events"]]
    assert ("CurrentProgramSceneChanged", "直播中") in events
    assert ("InputMuteStateChanged", "麦克风", True) in events
    states = [e[1] for e in events if e[0] == "StreamStateChanged"]
    assert states[0] == "OBS_WEBSOCKET_OUTPUT_STARTING" and states[-1] == "OBS_WEBSOCKET_OUTPUT_STOPPED"
