"""A media source whose file is missing, on a real OBS 29 and on the demo room's `missing-product-video` fault: OBS
says it plays — with no length and no position — and the simulator must say the same, since the console's live
finding reads it so (obs.state.InputState.media_unplayable). Just after it is created OBS says "ended" (length and
position null) until it has started it again (MediaInputPlaybackStarted): the test waits for that event."""

from __future__ import annotations

from obs.simulator.server import SimulatorThread
from obs.state import _unplayable
from tests.e2e.conftest import RealObs
from tests.e2e.test_real_obs_differential import SIM_PASSWORD, Peer

MISSING = "/srv/media/tech16b-missing-product-demo.mp4"


def test_a_missing_media_file_reads_playing_with_no_length_on_real_obs_and_the_simulator(real_obs: RealObs) -> None:
    real = Peer(real_obs.obs.port, real_obs.obs.password)
    name = "商品视频 missing"
    try:
        created, events = real.collect(
            real.send(
                "CreateInput",
                {
                    "sceneName": "Main",
                    "inputName": name,
                    "inputKind": "ffmpeg_source",
                    "inputSettings": {"local_file": MISSING, "looping": True, "is_local_file": True},
                },
            ),
            0.0,
        )
        assert created["requestStatus"]["result"], created
        # OBS first reports a new source whose file it cannot open as ended (no length), then starts it again and
        # from then on says it plays (measured): the state the console finds when it connects to a running show.
        for _ in range(25):
            if ("MediaInputPlaybackStarted", {"inputName": name}) in events:
                break
            events += real.collect(real.send("GetStats", None), 0.2)[1]
        status, _ = real.collect(real.send("GetMediaInputStatus", {"inputName": name}), 0.0)
        clip, _ = real.collect(real.send("GetMediaInputStatus", {"inputName": "Clip"}), 0.0)
        real.collect(real.send("RemoveInput", {"inputName": name}), 0.0)
    finally:
        real.close()
    assert status["responseData"] == {
        "mediaState": "OBS_MEDIA_STATE_PLAYING",
        "mediaDuration": 0,
        "mediaCursor": 0,
    }, "OBS 29 says a missing file plays"
    assert _unplayable(status["responseData"]) is True
    assert _unplayable(clip["responseData"]) is False, f"a real file has its length: {clip['responseData']}"

    sim = SimulatorThread(password=SIM_PASSWORD).start()
    try:
        sim.call(lambda s: s.inject("missing-product-video"))
        demo = Peer(sim.port, SIM_PASSWORD)
        try:
            said, _ = demo.collect(demo.send("GetMediaInputStatus", {"inputName": "商品视频"}), 0.0)
        finally:
            demo.close()
    finally:
        sim.stop()
    assert said["responseData"] == status["responseData"], "the demo room answers as OBS does"


def test_a_media_source_pointed_at_a_missing_file_mid_show_is_known_at_once_on_real_obs_and_the_simulator(
    real_obs: RealObs,
) -> None:
    """tech17: OBS 29's obs-websocket (5.1.0) has no InputSettingsChanged; pointed at a file it cannot open, a
    playing media source says MediaInputPlaybackStarted and MediaInputPlaybackEnded, then ENDED with no length
    (measured) — restarted, PLAYING with length 0. The console's link reads the input again after those events, so
    the state says the file cannot be played (and which) without a reconnect; the simulator says the same."""
    from obs.link import ObsLink
    from tests.conftest import LinkHarness

    name = "商品视频 lost"
    good = str(real_obs.obs.config.clip)
    lost = "/srv/media/tech17-lost-product-demo.mp4"
    real = Peer(real_obs.obs.port, real_obs.obs.password)
    h = LinkHarness(ObsLink("127.0.0.1", real_obs.obs.port, real_obs.obs.password, request_timeout=3.0))
    h.link.start()
    try:
        settings = {"local_file": good, "looping": True, "is_local_file": True}
        created, _ = real.collect(
            real.send(
                "CreateInput",
                {"sceneName": "Main", "inputName": name, "inputKind": "ffmpeg_source", "inputSettings": settings},
            ),
            0.0,
        )
        assert created["requestStatus"]["result"], created
        h.wait(lambda: (i := h.tracker.state.input(name)) is not None and i.media_unplayable is False, 20, "plays")
        # Created mid-show, it is read like an input found on connecting: its sound is watched (tech17).
        h.wait(lambda: h.tracker.state.input(name).has_audio, 10, "its mute state read")  # type: ignore[union-attr]
        real.collect(real.send("GetStats", None), 0.0)  # the creation's events, already in, are not the change's
        # As the operator choosing another file in the source's properties (OBS updates the source the same way).
        _, events = real.collect(
            real.send("SetInputSettings", {"inputName": name, "inputSettings": {"local_file": lost}}), 1.0
        )
        h.wait(lambda: h.tracker.state.input(name).media_unplayable is True, 10, "the missing file known")  # type: ignore[union-attr]
        assert h.tracker.state.input(name).media_file == lost  # type: ignore[union-attr]
        restart = {"inputName": name, "mediaAction": "OBS_WEBSOCKET_MEDIA_INPUT_ACTION_RESTART"}
        real.collect(real.send("TriggerMediaInputAction", restart), 1.0)
        status, _ = real.collect(real.send("GetMediaInputStatus", {"inputName": name}), 0.0)
        real.collect(real.send("RemoveInput", {"inputName": name}), 0.0)
    finally:
        h.link.stop()
        real.close()
    said = [e for e in events if e[0].startswith("Media")]
    # The change's own events close the list; on a loaded machine one of the good clip's, late, can come first.
    assert said[-2:] == [
        ("MediaInputPlaybackStarted", {"inputName": name}),
        ("MediaInputPlaybackEnded", {"inputName": name}),
    ], said
    assert _unplayable(status["responseData"]) is True, status

    sim = SimulatorThread(password=SIM_PASSWORD).start()
    try:
        sim.call(lambda s: s.room.missing_files.add(lost))
        demo = Peer(sim.port, SIM_PASSWORD)
        try:
            change = {"inputName": "商品视频", "inputSettings": {"local_file": lost}}
            _, sim_events = demo.collect(demo.send("SetInputSettings", change), 0.5)
            ended, _ = demo.collect(demo.send("GetMediaInputStatus", {"inputName": "商品视频"}), 0.0)
        finally:
            demo.close()
    finally:
        sim.stop()
    assert [e[0] for e in sim_events if e[0].startswith("Media")] == [e[0] for e in said], "the demo room says as OBS"
    assert ended["responseData"] == {"mediaState": "OBS_MEDIA_STATE_ENDED", "mediaDuration": None, "mediaCursor": None}
