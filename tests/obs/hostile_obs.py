"""A hostile obs-websocket peer for tests and benchmarks/hostile.py: a real websockets server that plays a
plausible OBS, except for the answers, events or handshake frames a scenario replaces with something hostile."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from websockets.asyncio.server import ServerConnection, serve

HELLO = json.dumps({"op": 0, "d": {"obsWebSocketVersion": "5.1.0", "rpcVersion": 1}})
IDENTIFIED = json.dumps({"op": 2, "d": {"negotiatedRpcVersion": 1}})
#: JSON that Python's own json module cannot read (RecursionError) nor write.
DEEP = "[" * 100_000 + "]" * 100_000

Behaviour = Callable[[ServerConnection], Awaitable[None]]

ANSWERS: dict[str, dict[str, Any]] = {
    "GetVersion": {
        "obsVersion": "29.1.3",
        "obsWebSocketVersion": "5.1.0",
        "rpcVersion": 1,
        "availableRequests": [
            "GetVersion",
            "GetStats",
            "GetSceneList",
            "GetInputList",
            "GetStudioModeEnabled",
            "SetCurrentProgramScene",
        ],
    },
    "GetSceneList": {
        "scenes": [{"sceneName": "Talk", "sceneIndex": 0}, {"sceneName": "Intro", "sceneIndex": 1}],
        "currentProgramSceneName": "Intro",
        "currentPreviewSceneName": None,
    },
    "GetStudioModeEnabled": {"studioModeEnabled": False},
    "GetInputList": {"inputs": [{"inputName": "Mic", "inputKind": "pulse_input_capture"}]},
    "GetSceneTransitionList": {"transitions": [{"transitionName": "Fade"}], "currentSceneTransitionName": "Fade"},
    "GetCurrentSceneTransition": {"transitionName": "Fade", "transitionDuration": 300},
    "GetStreamStatus": {"outputActive": False, "outputReconnecting": False, "outputBytes": 0, "outputDuration": 0},
    "GetRecordStatus": {"outputActive": False, "outputPaused": False, "outputBytes": 0, "outputDuration": 0},
    "GetVirtualCamStatus": {"outputActive": False},
    "GetVideoSettings": {
        "baseWidth": 1920,
        "baseHeight": 1080,
        "outputWidth": 1280,
        "outputHeight": 720,
        "fpsNumerator": 30,
        "fpsDenominator": 1,
    },
    "GetInputMute": {"inputMuted": False},
    "GetInputVolume": {"inputVolumeMul": 1.0, "inputVolumeDb": 0.0},
    "GetSourceActive": {"videoActive": False, "videoShowing": False},
    "GetStats": {
        "cpuUsage": 2.5,
        "memoryUsage": 300.0,
        "availableDiskSpace": 50_000.0,
        "activeFps": 30.0,
        "averageFrameRenderTime": 1.2,
        "renderSkippedFrames": 0,
        "renderTotalFrames": 1000,
        "outputSkippedFrames": 0,
        "outputTotalFrames": 1000,
    },
}


def answer(request_type: str, **changes: Any) -> str:
    """The default answer's JSON with `changes`; the string value DEEP is spliced in as raw, 100,000-deep JSON."""
    data = {**ANSWERS.get(request_type, {}), **changes}
    return _splice(json.dumps(data))


def event(event_type: str, data: Mapping[str, Any] | str) -> str:
    """An Event frame (op 5); `data` is a mapping or raw JSON text."""
    raw = data if isinstance(data, str) else _splice(json.dumps(data))
    return f'{{"op": 5, "d": {{"eventType": {json.dumps(event_type)}, "eventIntent": 1, "eventData": {raw}}}}}'


def _splice(text: str) -> str:
    return text.replace(json.dumps("DEEP"), DEEP)


def _result(request_type: str, answers: Mapping[str, str]) -> str:
    data = answers[request_type] if request_type in answers else json.dumps(ANSWERS.get(request_type, {}))
    return (
        f'{{"requestType": {json.dumps(request_type)}, "requestStatus": {{"result": true, "code": 100}}, '
        f'"responseData": {data}}}'
    )


def scripted_obs(
    answers: Mapping[str, str] | None = None,
    events: Sequence[str] = (),
    hello: str = HELLO,
    identified: str = IDENTIFIED,
    events_every_poll: bool = False,
) -> Behaviour:
    """An OBS that answers every request (with `answers[type]` as raw responseData where given) and sends
    `events` (raw frames) once the console polls its statistics, that is once the link is connected."""
    answers = dict(answers or {})

    async def behaviour(connection: ServerConnection) -> None:
        await connection.send(hello)
        await connection.recv()
        await connection.send(identified)
        sent = False
        async for message in connection:
            request = json.loads(message)
            d = request["d"]
            if request["op"] == 8:
                results = ", ".join(_result(r["requestType"], answers) for r in d["requests"])
                request_id = json.dumps(d["requestId"])
                await connection.send(f'{{"op": 9, "d": {{"requestId": {request_id}, "results": [{results}]}}}}')
                polled = any(r["requestType"] == "GetStats" for r in d["requests"])
                if polled and (events_every_poll or not sent):
                    sent = True
                    for frame in events:
                        await connection.send(frame)
            elif request["op"] == 6:
                result = _result(d["requestType"], answers)
                await connection.send(f'{{"op": 7, "d": {{"requestId": {json.dumps(d["requestId"])}, {result[1:]}}}')

    return behaviour


class HostileServer:
    """A websockets server on its own loop whose every connection runs `behaviour`."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.connections = 0
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.port = asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(5)

    async def _start(self) -> int:
        async def handler(connection: ServerConnection) -> None:
            self.connections += 1
            # The console hanging up mid-script is what these tests provoke.
            with contextlib.suppress(Exception):
                await self.behaviour(connection)

        # max_size=None: the console's requests are small; what matters is what this server sends.
        self.server = await serve(handler, "127.0.0.1", 0, ping_interval=None, max_size=None)
        return int(next(iter(self.server.sockets)).getsockname()[1])

    def close(self) -> None:
        async def stop() -> None:
            self.server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
