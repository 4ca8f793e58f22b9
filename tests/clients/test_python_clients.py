"""Third-party Python clients people point at OBS work on the demo room, with a password, as their READMEs
use them: obsws-python (websocket-client, JSON, integer request ids) and simpleobsws (websockets, MessagePack)."""

from __future__ import annotations

import asyncio
from typing import Any

import obsws_python as obsws  # type: ignore[import-untyped]  # the client ships no types
import pytest
import simpleobsws  # type: ignore[import-untyped]  # the client ships no types

from obs.simulator.server import SimulatorThread
from tests.conftest import PASSWORD, wait_until


def test_obsws_python_requests_and_event_callbacks(sim: SimulatorThread) -> None:
    requests = obsws.ReqClient(host="127.0.0.1", port=sim.port, password=PASSWORD, timeout=5)
    events = obsws.EventClient(host="127.0.0.1", port=sim.port, password=PASSWORD, timeout=5)
    seen: list[tuple[str, Any]] = []

    def on_current_program_scene_changed(data: Any) -> None:
        seen.append(("scene", data.scene_name))

    def on_input_mute_state_changed(data: Any) -> None:
        seen.append(("mute", (data.input_name, data.input_muted)))

    def on_record_state_changed(data: Any) -> None:
        seen.append(("record", data.output_state))

    events.callback.register([on_current_program_scene_changed, on_input_mute_state_changed, on_record_state_changed])
    try:
        version = requests.get_version()
        assert version.obs_version == "29.0.2" and version.obs_web_socket_version == "5.1.0"
        assert "SetCurrentProgramScene" in version.available_requests
        scenes = requests.get_scene_list()
        assert {s["sceneName"] for s in scenes.scenes} >= {"等待开始", "直播中"}
        requests.set_current_program_scene("直播中")
        assert requests.get_current_program_scene().current_program_scene_name == "直播中"
        inputs = requests.get_input_list().inputs
        assert "麦克风" in {i["inputName"] for i in inputs}
        muted = requests.toggle_input_mute("麦克风").input_muted
        assert requests.get_input_mute("麦克风").input_muted is muted
        requests.start_record()
        assert requests.get_stats().active_fps > 0
        wait_until(lambda: ("record", "OBS_WEBSOCKET_OUTPUT_STARTED") in seen, 5, message="recording started")
        requests.stop_record()
        requests.start_stream()
        assert requests.get_stream_status().output_active is True
        requests.stop_stream()
        with pytest.raises(obsws.error.OBSSDKRequestError) as failure:
            requests.set_current_program_scene("没有这个场景")
        assert failure.value.code == 600
        wait_until(lambda: ("scene", "直播中") in seen and ("mute", ("麦克风", muted)) in seen, 5)
        wait_until(lambda: ("record", "OBS_WEBSOCKET_OUTPUT_STOPPED") in seen, 5, message="recording stopped")
    finally:
        events.disconnect()
        requests.disconnect()


def test_simpleobsws_requests_batch_and_events(sim: SimulatorThread) -> None:
    async def session() -> None:
        client = simpleobsws.WebSocketClient(url=sim.url, password=PASSWORD)
        seen: list[tuple[str, Any]] = []

        async def on_event(event_type: str, event_data: Any) -> None:
            seen.append((event_type, event_data))

        async def on_scene(event_data: Any) -> None:
            seen.append(("scene", event_data["sceneName"]))

        client.register_event_callback(on_event)
        client.register_event_callback(on_scene, "CurrentProgramSceneChanged")
        await client.connect()
        try:
            assert await client.wait_until_identified()
            assert client.ws.subprotocol == "obswebsocket.msgpack"
            version = await client.call(simpleobsws.Request("GetVersion"))
            assert version.ok() and version.responseData["rpcVersion"] == 1
            switched = await client.call(simpleobsws.Request("SetCurrentProgramScene", {"sceneName": "商品特写"}))
            assert switched.ok()
            missing = await client.call(simpleobsws.Request("GetInputMute", {"inputName": "没有"}))
            assert not missing.ok() and missing.requestStatus.code == 600
            results = await client.call_batch(
                [
                    simpleobsws.Request("GetSceneList"),
                    simpleobsws.Request("GetInputList"),
                    simpleobsws.Request("Sleep", {"sleepMillis": 50}),
                    simpleobsws.Request("GetStats"),
                ],
                halt_on_failure=True,
            )
            assert [r.ok() for r in results] == [True, True, True, True]
            assert results[3].responseData["renderTotalFrames"] >= 0
            for _ in range(100):
                if ("scene", "商品特写") in seen:
                    break
                await asyncio.sleep(0.05)
            assert ("scene", "商品特写") in seen
            assert ("CurrentProgramSceneChanged", {"sceneName": "商品特写"}) in seen
        finally:
            await client.disconnect()

    asyncio.run(session())
