"""Room roles: what a checklist item means ("the opening scene", "the microphone") apart from what this room's OBS
calls it. No Qt.

A template names a role (`with: {scene: {role: opening_scene}}`); each room keeps its own mapping of role to OBS
name (console/core/rooms.py, `checklist_names`), so one checklist works on every room: the demo room's scenes are
等待开始 / 直播中, a real room's may be "Opening" / "Live". A literal name (`with: {scene: 直播中}`) still works and
means that name everywhere. The names are put in just before a check runs (`bind`), so a name chosen for the room
is used at its next check; a role the room has not named is said as such (never checked against a guess).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checklists.checks import Outcome, error
from obs.health_audio import CAPTURE_KINDS
from obs.state import ObsState
from obs.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Role:
    name: str
    #: What OBS object it names: "scene", or "input" (a source that gives a picture or a sound).
    kind: str
    #: How a person calls it (context "ChecklistRoles").
    label: str
    #: What an item says when the room has not named it yet (context "Checks").
    unset: str
    #: "video" (a camera: a source with a picture) or "audio" (an input with sound); "" for a scene.
    media: str = ""


ROLES: dict[str, Role] = {
    role.name: role
    for role in (
        Role(
            "live_scene",
            "scene",
            QT_TRANSLATE_NOOP("ChecklistRoles", "Live scene"),
            QT_TRANSLATE_NOOP("Checks", "No OBS scene is chosen as this room's live scene yet: Choose… picks it."),
        ),
        Role(
            "opening_scene",
            "scene",
            QT_TRANSLATE_NOOP("ChecklistRoles", "Opening scene"),
            QT_TRANSLATE_NOOP("Checks", "No OBS scene is chosen as this room's opening scene yet: Choose… picks it."),
        ),
        Role(
            "break_scene",
            "scene",
            QT_TRANSLATE_NOOP("ChecklistRoles", "Break scene"),
            QT_TRANSLATE_NOOP(
                "Checks", "No OBS scene is chosen as this room's 'be right back' scene yet: Choose… picks it."
            ),
        ),
        Role(
            "camera",
            "input",
            QT_TRANSLATE_NOOP("ChecklistRoles", "Camera"),
            QT_TRANSLATE_NOOP("Checks", "No OBS source is chosen as this room's camera yet: Choose… picks it."),
            "video",
        ),
        Role(
            "mic",
            "input",
            QT_TRANSLATE_NOOP("ChecklistRoles", "Microphone"),
            QT_TRANSLATE_NOOP("Checks", "No OBS input is chosen as this room's microphone yet: Choose… picks it."),
            "audio",
        ),
        Role(
            "desktop_audio",
            "input",
            QT_TRANSLATE_NOOP("ChecklistRoles", "Desktop audio"),
            QT_TRANSLATE_NOOP("Checks", "No OBS input is chosen as this room's desktop audio yet: Choose… picks it."),
            "audio",
        ),
    )
}

#: The demo room's names (the simulator's, obs/simulator/room.py): the names the bundled checklists used before
#: they named roles, and what a room without names of its own (the demo room, an address) checks against.
DEFAULT_NAMES: Mapping[str, str] = {
    "live_scene": "直播中",
    "opening_scene": "等待开始",
    "break_scene": "暂时离开",
    "camera": "摄像机",
    "mic": "麦克风",
    "desktop_audio": "桌面音频",
}

#: Which roles a check's name parameter takes: a scene parameter a scene's role, an input parameter an input's,
#: a source (a picture: a scene or an input) either.
PARAM_KINDS: Mapping[str, frozenset[str]] = {
    "scene": frozenset({"scene"}),
    "input": frozenset({"input"}),
    "source": frozenset({"scene", "input"}),
}


@dataclass(frozen=True)
class RoleRef:
    """A parameter that names a role, not an OBS name: the room's name for it is put in by `bind`."""

    role: str


def roles_of(params: Mapping[str, Any]) -> tuple[str, ...]:
    """The roles an item's parameters name, in order."""
    return tuple(value.role for value in params.values() if isinstance(value, RoleRef))


def bind(params: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any] | Outcome:
    """The parameters with each role replaced by the room's name for it; or, when the room has not named one, the
    outcome that says so (an error: nothing was checked)."""
    bound: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, RoleRef):
            name = names.get(value.role, "").strip()
            if not name:
                return error(ROLES[value.role].unset, role=value.role)
            value = name
        bound[key] = value
    return bound


def candidates(role: str, state: ObsState) -> tuple[str, ...]:
    """What OBS has that could be this role, in OBS's order: its scenes for a scene; its sources with a picture
    for a camera (not the sound-only captures); its inputs with sound for a microphone or the desktop audio."""
    kind = ROLES[role]
    if kind.kind == "scene":
        return state.scenes
    if kind.media == "audio":
        return tuple(i.name for i in state.audio_inputs)
    return tuple(i.name for i in state.inputs if _base_kind(i.kind) not in CAPTURE_KINDS)


def present(role: str, name: str, state: ObsState) -> bool:
    """OBS has something of this role's kind called `name`."""
    if ROLES[role].kind == "scene":
        return name in state.scenes
    return state.input(name) is not None


def _base_kind(kind: str) -> str:
    head, _, tail = kind.rpartition("_v")
    return head if head and tail.isdigit() else kind
