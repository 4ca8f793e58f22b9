"""Typed commands on the simulator: each one the console sends is confirmed by OBS's events, and those events
are credited to the console by Attribution, which asks the command (not a table of request names)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from obs.commands import (
    COMMANDS,
    CONSOLE,
    Attribution,
    Command,
    GetProfileParameter,
    GetSourceScreenshot,
    GetStreamServiceSettings,
    SetInputMute,
    SetInputVolume,
    SetPreviewScene,
    SetProgramScene,
    SetSceneTransition,
    SetStudioMode,
    SetTransitionDuration,
    StartRecord,
    StartStream,
    StopRecord,
    StopStream,
    TriggerStudioTransition,
    command_for,
)
from obs.simulator.server import SimulatorThread
from obs.text import Message
from tests.conftest import LinkHarness


def _send_and_credit(harness: LinkHarness, attribution: Attribution, command: Command) -> list[tuple[str, str]]:
    """Send the command as the bridge does (expectation first), then attribute every OBS event until all its
    confirmations have arrived; the (event type, verdict) of each."""
    seen = len(harness.tracker.events)
    pending = attribution.expect_command(command, harness.tracker.state)
    assert pending is not None, f"{type(command).__name__} has nothing that confirms it"
    harness.link.request(command.request_type, command.data()).result(5)
    credited: list[tuple[str, str]] = []

    def settled() -> bool:
        nonlocal seen
        for event in harness.tracker.events[seen:]:
            if event.event_type != "InputVolumeMeters":
                credited.append((event.event_type, attribution.attribute(event.event_type, event.data)))
        seen = len(harness.tracker.events)
        return not pending.confirmations

    harness.wait(settled, message=f"{type(command).__name__} confirmed")
    return credited


def test_every_command_the_console_sends_is_confirmed_by_obs_and_credited_to_the_console(
    sim: SimulatorThread, make_link: Callable[..., LinkHarness]
) -> None:
    from obs.commands import Attribution

    harness = make_link(sim.port)
    harness.wait(lambda: harness.tracker.state.connected, message="connected")
    attribution = Attribution()
    commands: list[Command] = [
        SetStudioMode(True),
        SetPreviewScene("商品特写"),
        TriggerStudioTransition(),  # 商品特写 to program, 直播中 back to preview
        SetStudioMode(False),
        SetProgramScene("直播中"),
        SetInputMute("麦克风", True),
        SetInputMute("麦克风", False),
        SetInputVolume("麦克风", -6.0),
        SetSceneTransition("Cut"),
        SetTransitionDuration(700),
        StartStream(),
        StopStream(),
        StartRecord(),
        StopRecord(),
    ]
    for command in commands:
        confirming = {c.event_type for c in command.confirmations(harness.tracker.state)}
        credited = _send_and_credit(harness, attribution, command)
        ours = [(kind, who) for kind, who in credited if kind in confirming]
        assert {kind for kind, _ in ours} == confirming, f"{command}: {credited}"
        assert all(who == CONSOLE for _, who in ours), f"{command}: {credited}"
    assert harness.tracker.state.program_scene == "直播中"
    assert not harness.tracker.state.stream.active and not harness.tracker.state.record.active


def test_reads_are_answered_and_expect_no_confirmation(
    sim: SimulatorThread, make_link: Callable[..., LinkHarness]
) -> None:
    from obs.commands import Attribution

    harness = make_link(sim.port)
    harness.wait(lambda: harness.tracker.state.connected, message="connected")
    attribution = Attribution()
    reads: list[tuple[Command, str]] = [
        (GetSourceScreenshot("直播中", 320, 180, quality=70), "imageData"),
        (GetStreamServiceSettings(), "streamServiceSettings"),
        (GetProfileParameter("Output", "Mode"), "parameterValue"),
    ]
    answers: list[dict[str, Any]] = []
    for command, key in reads:
        assert attribution.expect_command(command, harness.tracker.state) is None
        answers.append(harness.link.request(command.request_type, command.data()).result(5))
        assert key in answers[-1], f"{command}: {answers[-1]}"
    assert str(answers[0]["imageData"]).startswith("data:image/")


def test_a_request_sent_by_name_is_attributed_as_its_typed_command() -> None:
    """ObsBridge.request (by name) and ObsBridge.send (typed) register the same confirmations."""
    from obs.state import ObsState

    state = ObsState()
    for command in (SetProgramScene("直播中"), SetInputMute("麦克风", True), StartStream(), SetStudioMode(False)):
        again = command_for(command.request_type, command.data())
        assert again == command
        assert again.confirmations(state) == command.confirmations(state)
    assert command_for("GetVideoSettings", {}) is None
    assert set(COMMANDS) >= {"SetCurrentProgramScene", "SetInputMute", "StartStream", "GetProfileParameter"}


def test_descriptions_fill_their_fields_once_and_are_translated_by_template() -> None:
    described = SetProgramScene("%2 场景").description()
    assert described == Message("Switch to scene “{scene}”", {"scene": "%2 场景"}, "ScenesPanel")
    assert described.explain() == "Switch to scene “%2 场景”"
    catalogue = {("ScenesPanel", "Switch to scene “{scene}”"): "切换到场景“{scene}”"}
    assert described.in_language(lambda context, text: catalogue.get((context, text), text)) == "切换到场景“%2 场景”"
    assert SetProgramScene("{名}").description().explain() == "Switch to scene “{名}”", "a name is never a template"
    assert GetSourceScreenshot("直播中", 320, 180).description() is None
