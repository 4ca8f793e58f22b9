"""GoLiveWatch: why the console's last go-live did not go on air, in OBS's words where OBS gives them."""

from __future__ import annotations

from dataclasses import replace

from obs.errors import NotAnswering, RequestError, RequestTimeout
from obs.go_live import HELD_S, REFUSED, SILENT, SILENT_S, STOPPED, GoLive, GoLiveWatch, refusal
from obs.protocol import OutputState, RequestStatus
from obs.state import ObsState, OutputStatus

OFF = ObsState(connected=True)


def stream(output_state: str, active: bool = False) -> ObsState:
    return replace(OFF, stream=OutputStatus(active=active, state=output_state))


def test_a_refusal_says_in_words_what_obs_answered() -> None:
    """Walk: "500 OutputRunning" stood bare in the Chinese UI; each answer StartStream can get is a sentence."""
    watch = GoLiveWatch()
    watch.asked()
    assert watch.answered(RequestError("StartStream", RequestStatus.NOT_READY, None), 1.0)
    failure = watch.failure
    assert failure is not None and failure.template == REFUSED
    assert failure.explain() == (
        "Not live: OBS refused to start the stream (OBS is not ready yet (it is starting up or loading a scene "
        "collection); try again in a moment)."
    )
    assert watch.asked() and watch.failure is None, "the next attempt: the last one no longer stands"


def test_every_stream_refusal_is_a_sentence_with_obs_s_code_at_most_a_detail() -> None:
    def words(code: int, comment: str | None = None, request: str = "StartStream") -> str:
        return refusal(RequestError(request, code, comment)).explain()

    assert words(RequestStatus.OUTPUT_RUNNING) == "OBS's stream is already starting or on air"
    assert words(RequestStatus.OUTPUT_NOT_RUNNING, request="StopStream") == (
        "OBS's stream is not running, so there is nothing to stop"
    )
    assert words(RequestStatus.UNKNOWN_REQUEST_TYPE) == "this OBS's obs-websocket does not know the request; update it"
    assert words(RequestStatus.REQUEST_PROCESSING_FAILED, "bad service") == (
        "OBS failed while carrying it out (its words: bad service)"
    )
    assert words(RequestStatus.RESOURCE_NOT_FOUND, "no output") == (
        "OBS refused it (obs-websocket status 600 ResourceNotFound: no output)"
    )
    for code in RequestStatus:
        if code >= RequestStatus.MISSING_REQUEST_TYPE:
            said = words(code)
            assert said.startswith(("OBS", "this OBS")), said
            assert RequestStatus.label(code) not in said or "status" in said, said


def test_already_running_is_followed_as_a_start_not_said_as_a_refusal() -> None:
    """A console restarted while OBS connects reads the stream off air (its full read cannot say STARTING); Go live
    then gets 500 OutputRunning: the stream is on its way, not refused (walk: "OBS refused to start the stream")."""
    watch = GoLiveWatch()
    watch.asked()
    running = RequestError("StartStream", RequestStatus.OUTPUT_RUNNING, None)
    assert watch.answered(running, 1.0)
    assert watch.failure is None and watch.news == GoLive(None, starting=True, undecided=True)
    assert not watch.observe(stream(OutputState.STOPPED), 1.0), "the read from before OBS's answer is no stop"
    assert not watch.due(1.0 + HELD_S), "OBS says how it ends"
    assert watch.observe(stream(OutputState.STARTED, active=True), 5.0, said=True)
    assert watch.news == GoLive() and watch.failure is None


def test_already_running_and_then_stopped_without_going_on_air_failed() -> None:
    watch = GoLiveWatch()
    watch.asked()
    watch.answered(RequestError("StartStream", RequestStatus.OUTPUT_RUNNING, None), 1.0)
    watch.observe(stream(OutputState.STOPPED), 1.0)
    assert watch.observe(stream(OutputState.STOPPED), 3.0, said=True), "OBS said it stopped: the connect failed"
    assert watch.failure is not None and watch.failure.template == STOPPED


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


def test_a_start_is_on_its_way_from_obs_s_acceptance_until_it_is_on_air() -> None:
    """The Output dock says "starting" from the moment OBS accepted the start, before OBS says a word of it."""
    watch = GoLiveWatch()
    assert watch.news == GoLive()
    watch.asked()
    assert watch.news == GoLive(undecided=True), "asked, not answered: not said to be on its way yet"
    assert watch.answered(None, 1.0), "accepted: told, though no failure changed"
    assert watch.news == GoLive(starting=True, undecided=True)
    assert not watch.observe(stream(OutputState.STARTING), 1.2), "still on its way"
    assert not watch.due(1.2 + SILENT_S), "OBS said STARTING: a slow connection is no silence"
    assert watch.observe(stream(OutputState.STARTED, active=True), 3.0)
    assert watch.news == GoLive()


def test_a_silent_start_is_on_its_way_until_silent_s_then_it_failed() -> None:
    watch = GoLiveWatch()
    watch.asked()
    watch.answered(None, 10.0)
    assert watch.news.starting and not watch.due(10.0 + SILENT_S - 0.1)
    assert watch.due(10.0 + SILENT_S)
    assert not watch.news.starting and not watch.news.undecided
    assert watch.news.failure is not None and watch.news.failure.template == SILENT


def test_a_go_live_resumed_after_a_restart_is_held_until_it_goes_on_air() -> None:
    """OBS was connecting the stream when the console restarted: its full read says "off air" (it cannot say
    STARTING), and the go-live is not decided until OBS says more."""
    watch = GoLiveWatch()
    assert watch.resumed(5.0)
    assert watch.news == GoLive(undecided=True), "held, not said to be starting: OBS has not said so"
    assert not watch.due(5.0 + HELD_S - 0.1)
    assert watch.observe(stream(OutputState.STARTED, active=True), 6.0)
    assert watch.news == GoLive(), "on air: decided, nothing failed"


def test_a_go_live_resumed_and_never_heard_of_is_decided_after_held_s_without_a_failure_said() -> None:
    watch = GoLiveWatch()
    watch.resumed(5.0)
    assert not watch.due(5.0 + SILENT_S), "longer than a start asked here: OBS may be connecting since before"
    assert watch.due(5.0 + HELD_S)
    assert watch.news == GoLive(), "not started; not this console's start to say it failed"
    assert not watch.due(500.0)


def test_a_go_live_resumed_that_obs_stops_failed() -> None:
    watch = GoLiveWatch()
    watch.resumed(5.0)
    assert watch.observe(stream(OutputState.STARTING), 6.0) and watch.news.starting, "OBS says it now"
    assert watch.observe(stream(OutputState.STOPPED), 7.0)
    assert watch.news.failure is not None and watch.news.failure.template == STOPPED
    assert not watch.news.undecided


def test_a_go_live_asked_here_is_not_taken_for_a_resumed_one() -> None:
    watch = GoLiveWatch()
    watch.asked()
    watch.answered(None, 1.0)
    assert not watch.resumed(2.0)
    assert watch.due(1.0 + SILENT_S), "this console's start: its silence is said after SILENT_S"
