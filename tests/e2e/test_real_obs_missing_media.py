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
