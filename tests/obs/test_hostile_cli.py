"""`onair monitor` against a hostile OBS (issue 14): one bad event froze it on "connecting" for 120 s (the session
pump had died), a numeric scene name crashed its text lines and a lone surrogate its JSON lines."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator

import pytest

from obs.clock import ManualClock
from tests.obs.hostile_obs import HostileServer, answer, event, scripted_obs

NAN, INF = float("nan"), float("inf")
Monitor = Callable[..., subprocess.CompletedProcess[str]]
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


@pytest.fixture
def monitor(onair: Callable[..., subprocess.CompletedProcess[str]]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """`onair monitor --url … --duration 4 ARGS` in this process (console.cli.main), in compressed time: on a
    manual clock the monitor moves itself, each second one stats poll (and the hostile OBS's bad events); a
    thread that dies in it fails the test (it printed "Exception in thread" on stderr in a child process)."""

    def run(port: int, *args: str) -> subprocess.CompletedProcess[str]:
        return onair("monitor", "--url", f"ws://127.0.0.1:{port}", "--duration", "4", *args, clock=ManualClock())

    return run


@pytest.mark.parametrize(
    ("server", "scene"), [("\ud800", "\ufffd"), (5, None)], indirect=["server"], ids=["surrogate", "numeric"]
)
@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
def test_monitor_json_lines_stay_valid_and_connected(
    server: HostileServer, scene: str | None, monitor: Monitor
) -> None:
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
@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
def test_monitor_text_lines_carry_on(server: HostileServer, scene: str | None, monitor: Monitor) -> None:
    result = monitor(server.port)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "Exception in thread" not in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 3 and "connecting" not in lines[-1].lower()
    if scene is not None:
        assert f"[{scene}]" in lines[-1]
    assert "sceneIndex" in result.stderr  # what was wrong is said
