"""`onair monitor` against a hostile OBS (issue 14): one bad event froze it on "connecting" for 120 s (the session
pump had died), a numeric scene name crashed its text lines and a lone surrogate its JSON lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.obs.hostile_obs import HostileServer, answer, event, scripted_obs

NAN, INF = float("nan"), float("inf")
BAD_EVENTS = [
    event("SceneListChanged", {"scenes": [{"sceneName": "A", "sceneIndex": 0}, {"sceneName": "B", "sceneIndex": "1"}]}),
    event("CurrentSceneTransitionDurationChanged", {"transitionDuration": NAN}),
    event("CurrentSceneTransitionDurationChanged", {"transitionDuration": INF}),
    event("InputVolumeMeters", {"inputs": 5}),
]


def _no_constants(text: str) -> object:
    raise AssertionError(f"{text} is not JSON")


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[HostileServer]:
    program = request.param
    scenes = {"scenes": [{"sceneName": "Talk", "sceneIndex": 0}], "currentProgramSceneName": program}
    hostile = HostileServer(
        scripted_obs(
            {"GetSceneList": json.dumps(scenes), "GetStats": answer("GetStats", cpuUsage=10**400)},
            BAD_EVENTS,
            events_every_poll=True,
        )
    )
    yield hostile
    hostile.close()


def monitor(port: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", "monitor", "--url", f"ws://127.0.0.1:{port}", "--duration", "4", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
    )


@pytest.mark.parametrize(
    ("server", "scene"), [("\ud800", "\ufffd"), (5, None)], indirect=["server"], ids=["surrogate", "numeric"]
)
def test_monitor_json_lines_stay_valid_and_connected(server: HostileServer, scene: str | None) -> None:
    result = monitor(server.port, "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "Exception in thread" not in result.stderr
    lines = [json.loads(line, parse_constant=_no_constants) for line in result.stdout.splitlines()]
    assert len(lines) >= 3
    assert all(line["connected"] for line in lines[1:]), "connected all along after the first second"
    assert lines[-1]["scene"] == scene
    assert server.connections == 1


@pytest.mark.parametrize(
    ("server", "scene"), [("\ud800", "\ufffd"), (5, None)], indirect=["server"], ids=["surrogate", "numeric"]
)
def test_monitor_text_lines_carry_on(server: HostileServer, scene: str | None) -> None:
    result = monitor(server.port)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "Exception in thread" not in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 3 and "connecting" not in lines[-1].lower()
    if scene is not None:
        assert f"[{scene}]" in lines[-1]
    assert "sceneIndex" in result.stderr  # what was wrong is said
