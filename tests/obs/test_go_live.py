"""GoLiveWatch: why the console's last go-live did not go on air, in OBS's words where OBS gives them."""

from __future__ import annotations

from dataclasses import replace

from obs.errors import NotAnswering, RequestError, RequestTimeout
from obs.go_live import REFUSED, SILENT, SILENT_S, STOPPED, GoLiveWatch
from obs.protocol import OutputState, RequestStatus
from obs.state import ObsState, OutputStatus

OFF = ObsState(connected=True)


def stream(output_state: str, active: bool = False) -> ObsState:
    return replace(OFF, stream=OutputStatus(active=active, state=output_state))


def test_a_refusal_says_obs_s_own_code_and_comment() -> None:
    watch = GoLiveWatch()
    watch.asked()
    assert watch.answered(RequestError("StartStream", RequestStatus.OUTPUT_RUNNING, "already live"), 1.0)
    failure = watch.failure
    assert failure is not None and failure.template == REFUSED
    assert failure.explain() == "Not live: OBS refused to start the stream (500 OutputRunning: already live)."
    assert watch.asked() and watch.failure is None, "the next attempt: the last one no longer stands"


def test_a_start_not_sent_says_why_in_words() -> None:
    watch = GoLiveWatch()
    watch.asked()
    watch.answered(NotAnswering("StartStream"), 1.0)
    assert watch.failure is not None
    assert watch.failure.explain().endswith("(OBS is not answering; the start was not sent).")


def test_starting_then_stopped_without_going_on_air() -> None:
    watch = GoLiveWatch()
    watch.asked()
    watch.answered(None, 1.0)
    assert watch.observe(stream(OutputState.STARTING), 1.1) is False
    assert not watch.observe(stream(OutputState.STOPPING), 1.2)
    assert watch.observe(stream(OutputState.STOPPED), 1.3)
    assert watch.failure is not None and watch.failure.template == STOPPED
    assert not watch.due(100.0), "said once, by what OBS said"


def test_accepted_and_then_nothing_is_said_after_silent_s_and_a_late_start_takes_it_back() -> None:
    watch = GoLiveWatch()
    watch.asked()
    watch.answered(None, 10.0)
    assert not watch.due(10.0 + SILENT_S - 0.1)
    assert watch.failure is None
    assert watch.due(10.0 + SILENT_S)
    assert watch.failure is not None and watch.failure.template == SILENT
    assert "did not start" in watch.failure.explain()
    assert watch.observe(stream(OutputState.STARTING), 30.0) and watch.failure is None
    assert watch.observe(stream(OutputState.STOPPED), 31.0)
    assert watch.failure is not None and watch.failure.template == STOPPED


def test_on_air_clears_it_whoever_started_the_stream() -> None:
    watch = GoLiveWatch()
    watch.asked()
    watch.answered(RequestTimeout("StartStream", 5.0), 1.0)
    assert watch.failure is not None and "5 s" in watch.failure.explain()
    assert watch.observe(stream(OutputState.STARTED, active=True), 9.0)
    assert watch.failure is None
    assert not watch.due(100.0)


def test_a_stream_that_was_not_asked_for_says_nothing() -> None:
    watch = GoLiveWatch()
    assert not watch.observe(stream(OutputState.STARTING), 1.0)
    assert not watch.observe(stream(OutputState.STOPPED), 2.0)
    assert not watch.due(100.0) and watch.failure is None
    watch.asked()
    watch.answered(None, 1.0)
    assert not watch.observe(replace(stream(OutputState.STOPPED), connected=False), 50.0), "OBS not heard: not judged"
