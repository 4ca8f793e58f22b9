"""Room roles in checklists: a template names "the opening scene", each room says what its OBS calls it; literal
names still work; a wrong role is refused with its line; `onair check --room` uses the room's own names."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from checklists.checks import Status
from checklists.context import SessionContext
from checklists.engine import ChecklistRun, ItemStatus
from checklists.loader import load_all, load_text
from checklists.roles import DEFAULT_NAMES, ROLES, RoleRef
from console.core.rooms import Room, RoomStore
from obs.session import ObsSession
from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD


def doc(with_: str, check: str = "obs.program_scene") -> str:
    return (
        "id: t\ntitle: T\nsections:\n  - title: S\n    items:\n"
        f"      - id: a\n        title: A\n        check: {check}\n        with: {with_}\n"
    )


def test_the_bundled_checklists_name_roles_not_the_demo_rooms_scenes() -> None:
    templates, problems = load_all()
    assert problems == []
    host = templates["host-assistant-pre-show"]
    assert host.item("opening-scene").params == {"scene": RoleRef("opening_scene")}  # type: ignore[union-attr]
    assert host.item("mic-live").params["input"] == RoleRef("mic")  # type: ignore[union-attr]
    words = json.dumps([dict(i.params) for t in templates.values() for i in t.items], default=str, ensure_ascii=False)
    assert not any(name in words for name in DEFAULT_NAMES.values()), "no demo-room name is left in a template"


def test_a_literal_name_still_means_that_name() -> None:
    template, problems = load_text(doc("{scene: Opening}"), "ours.yaml")
    assert problems == [] and template is not None
    assert template.items[0].params == {"scene": "Opening"}


@pytest.mark.parametrize(
    ("with_", "check", "words"),
    [
        ("{scene: {role: openin_scene}}", "obs.program_scene", "unknown room role “openin_scene” for “scene” (known: "),
        ("{scene: {role: mic}}", "obs.program_scene", "room role “mic” does not fit parameter “scene”"),
        ("{input: {role: live_scene}}", "obs.input_not_muted", "room role “live_scene” does not fit parameter “input”"),
        ("{scene: {name: Live}}", "obs.program_scene", "unknown key “name” in the room role of “scene” (known: role)"),
        ("{scene: {role: ''}}", "obs.program_scene", "must be non-empty text"),
        (
            "{input: Mic, threshold_db: {role: mic}}",
            "audio.level_above",
            "parameter “threshold_db” of audio.level_above cannot name a room role",
        ),
    ],
)
def test_a_wrong_role_is_refused_with_its_line(with_: str, check: str, words: str) -> None:
    template, problems = load_text(doc(with_, check), "ours.yaml")
    assert template is None and len(problems) == 1
    assert problems[0].line == 9 and words in problems[0].message, problems[0].message
    if "unknown room role" in words:
        assert "opening_scene" in problems[0].message and "camera" not in problems[0].message, "only what fits"


def test_a_camera_role_may_be_the_source_of_a_picture_check() -> None:
    template, problems = load_text(doc("{source: {role: camera}}", "video.not_black"), "ours.yaml")
    assert problems == [] and template is not None and template.items[0].params["source"] == RoleRef("camera")


def test_rooms_keep_their_checklist_names_through_rooms_json(tmp_path: Path) -> None:
    path = tmp_path / "rooms.json"
    store = RoomStore(path)
    room = Room("Studio B", "studio-b.local", 4460).with_checklist_name("mic", "Mic/Aux")
    store.put(room.with_checklist_name("opening_scene", "Opening"))
    saved = json.loads(path.read_text(encoding="utf-8"))["rooms"][0]
    assert saved["checklist_names"] == {"opening_scene": "Opening", "mic": "Mic/Aux"}
    again = RoomStore(path).get("Studio B")
    assert again is not None and again.names == {"opening_scene": "Opening", "mic": "Mic/Aux"}
    assert [role for role, _ in again.checklist_names] == ["opening_scene", "mic"], "in the roles' order"
    RoomStore(path).put(again.with_checklist_name("mic", "USB Mic"))
    assert RoomStore(path).get("Studio B").names["mic"] == "USB Mic"  # type: ignore[union-attr]


def test_a_room_saved_before_checklist_names_has_none_and_bad_names_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "rooms.json"
    path.write_text(
        '{"rooms": [{"name": "Old", "host": "h"}, {"name": "Bad", "host": "h", "checklist_names": {"mic": 5}}]}',
        encoding="utf-8",
    )
    store = RoomStore(path)
    assert [r.name for r in store.rooms()] == ["Old"] and store.get("Old").names == {}  # type: ignore[union-attr]
    [problem] = store.load_problems
    assert "Room 2 (“Bad”)" in str(problem) and "'checklist_names' must map each checklist role" in str(problem)


def test_a_run_checks_the_rooms_own_names_and_says_which_role_is_not_named(sim: SimulatorThread) -> None:
    template, _ = load_text(
        doc("{scene: {role: opening_scene}}")
        + "      - id: b\n        title: B\n        check: obs.input_not_muted\n        with: {input: {role: mic}}\n",
        "ours.yaml",
    )
    assert template is not None
    with ObsSession("127.0.0.1", sim.port, PASSWORD, poll_interval=None) as session:
        assert session.wait_connected(10)
        session.request_blocking("SetSceneName", {"sceneName": "等待开始", "newSceneName": "Opening"})
        deadline = time.monotonic() + 10
        while "Opening" not in session.state.scenes:  # OBS's event renames it in the session's state
            assert time.monotonic() < deadline, session.state.scenes
            time.sleep(0.02)
        run = ChecklistRun(template, "Ann", "Studio B")
        run.check(SessionContext(session), names={"opening_scene": "Opening"})
        assert run.states["a"].status is ItemStatus.PASSED
        outcome = run.states["b"].outcome
        assert run.states["b"].status is ItemStatus.ERROR and outcome is not None
        assert outcome.status is Status.ERROR and outcome.template == ROLES["mic"].unset
        assert outcome.detail == "No OBS input is chosen as this room's microphone yet: Choose… picks it."
        run.check(SessionContext(session))  # the demo room's names: its opening scene is not in this OBS any more
        again = run.states["a"]
        assert again.status.value == "failed" and again.outcome is not None
        assert again.outcome.detail == "There is no scene called “等待开始” in OBS."


def test_onair_check_with_a_room_uses_the_rooms_names(
    sim: SimulatorThread, tmp_path: Path, onair: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """A room whose OBS calls its scenes and inputs otherwise than the demo room: `--room` checks its names; a role
    the room has not named is said, with where to name it."""
    with ObsSession("127.0.0.1", sim.port, PASSWORD, poll_interval=None) as session:
        assert session.wait_connected(10)
        session.request_blocking("SetSceneName", {"sceneName": "等待开始", "newSceneName": "Opening"})
        session.request_blocking("SetInputName", {"inputName": "摄像机", "newInputName": "Webcam"})
    room = Room("Studio B", "127.0.0.1", sim.port)
    RoomStore(tmp_path / "rooms.json").put(
        room.with_checklist_name("opening_scene", "Opening").with_checklist_name("camera", "Webcam")
    )
    env = {
        "ONAIR_PW": PASSWORD,
        "ONAIR_CONFIG_DIR": str(tmp_path),
        "ONAIR_DATABASE_URL": f"sqlite:///{tmp_path / 'onair.db'}",
    }
    args = ("check", "--room", "Studio B", "--password-env", "ONAIR_PW", "--checklist", "streamer-go-live")
    result = onair(*args, "--json", "--lang", "en", env=env)
    report = json.loads(result.stdout)
    by_id = {item["id"]: item for item in report["items"]}
    assert report["room"] == "Studio B"
    assert (
        by_id["opening-scene"]["status"] == "passed" and "“Opening” is on program" in by_id["opening-scene"]["detail"]
    )
    assert (
        by_id["camera-picture"]["status"] == "passed"
        and "“Webcam” shows a picture" in by_id["camera-picture"]["detail"]
    )
    assert by_id["mic-live"]["status"] == "error" and "microphone" in by_id["mic-live"]["detail"]
    assert result.returncode == 1, "a required item is open: the microphone is not named"
    result = onair(*args, "--lang", "zh_CN", env=env)
    assert "✓ 开场画面已切到直播：“Opening”正在直播画面上。" in result.stdout, result.stdout
    assert "麦克风" in result.stdout.splitlines()[-2] and "Choose" not in result.stdout, result.stdout
