"""Hostile-OBS fuzz benchmark: a fake OBS (tests/obs/hostile_obs.py, a real websockets server) sends mutated
handshakes, answers and events to a RoomSession on its SessionDriver (as `onair monitor` and `onair check` run it).

    .venv/bin/python benchmarks/hostile.py [--frames 10000] [--seed 1]

Each frame is a plausible obs-websocket message with one or two fields replaced by a hostile value (NaN,
Infinity, 10**400, "1920px", null, a lone surrogate, a 100,000-deep array, a list where an object belongs…),
or a whole frame that is garbage. Prints frames tried, how the console took them, the failures that must stay
at zero (dead threads, crashes, internal errors) and memory. Asserts nothing (shared, noisy machines).
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import random
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psutil
from websockets.asyncio.server import ServerConnection

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from console.core.session import Endpoint, RoomSession, SessionDriver
from obs.messages import LinkState
from obs.wire import PROBLEMS
from tests.obs.hostile_obs import ANSWERS, DEEP, HELLO, IDENTIFIED, HostileServer, event

HOSTILE_VALUES: list[Any] = [
    "1920px",
    None,
    float("nan"),
    float("inf"),
    float("-inf"),
    10**400,
    -(10**30),
    -1,
    1e308,
    "",
    "\ud800",
    "x" * 100_000,
    [],
    {},
    5,
    True,
    [{}],
    "DEEP",
    "NEST70",
]

EVENTS: dict[str, dict[str, Any]] = {
    "CurrentProgramSceneChanged": {"sceneName": "Talk"},
    "CurrentPreviewSceneChanged": {"sceneName": "Intro"},
    "SceneListChanged": {"scenes": [{"sceneName": "Talk", "sceneIndex": 0}, {"sceneName": "Intro", "sceneIndex": 1}]},
    "SceneCreated": {"sceneName": "New", "isGroup": False},
    "SceneRemoved": {"sceneName": "New", "isGroup": False},
    "SceneNameChanged": {"oldSceneName": "New", "sceneName": "Newer"},
    "StudioModeStateChanged": {"studioModeEnabled": True},
    "InputCreated": {"inputName": "Cam", "inputKind": "v4l2_input"},
    "InputRemoved": {"inputName": "Cam"},
    "InputNameChanged": {"oldInputName": "Cam", "inputName": "Camera"},
    "InputMuteStateChanged": {"inputName": "Mic", "inputMuted": True},
    "InputVolumeChanged": {"inputName": "Mic", "inputVolumeMul": 0.5, "inputVolumeDb": -6.0},
    "InputActiveStateChanged": {"inputName": "Mic", "videoActive": False},
    "StreamStateChanged": {"outputActive": True, "outputState": "OBS_WEBSOCKET_OUTPUT_STARTED"},
    "RecordStateChanged": {"outputActive": False, "outputState": "OBS_WEBSOCKET_OUTPUT_STOPPED", "outputPath": "/x"},
    "CurrentSceneTransitionChanged": {"transitionName": "Cut"},
    "CurrentSceneTransitionDurationChanged": {"transitionDuration": 500},
    "InputVolumeMeters": {"inputs": [{"inputName": "Mic", "inputLevelsMul": [[0.1, 0.2, 0.3], [0.1, 0.2, 0.3]]}]},
}

GARBAGE = [
    "{not json",
    '{"op": 42, "d": {}}',
    '{"op": 5, "d": "x"}',
    "[1, 2]",
    "NaN",
    '{"op": 5, "d": {"eventType": 7}}',
]


#: Past the console's depth bound (64) but well within what Python's json reads.
NEST70 = "[" * 70 + "1" + "]" * 70


def _dumps(value: Any) -> str:
    return json.dumps(value).replace(json.dumps("DEEP"), DEEP).replace(json.dumps("NEST70"), NEST70)


def _mutate(data: dict[str, Any], rng: random.Random) -> Any:
    """One or two fields (possibly inside a list) replaced by a hostile value; sometimes the whole object."""
    if rng.random() < 0.05:
        return rng.choice(HOSTILE_VALUES)
    data = json.loads(json.dumps(data))
    for _ in range(rng.randint(1, 2)):
        target = data
        key = rng.choice(list(data) or ["x"])
        if isinstance(data.get(key), list) and data[key] and isinstance(data[key][0], dict) and rng.random() < 0.6:
            target = rng.choice(data[key])
            key = rng.choice(list(target))
        target[key] = rng.choice(HOSTILE_VALUES)
    return data


class Fuzzer:
    def __init__(self, frames: int, seed: int) -> None:
        self.target = frames
        self.rng = random.Random(seed)
        self.frames = 0
        self.handshakes = 0
        self.answers = 0
        self.events = 0
        self.garbage = 0

    async def _send(self, connection: ServerConnection, text: str) -> None:
        self.frames += 1
        await connection.send(text)

    async def behaviour(self, connection: ServerConnection) -> None:
        await self._handshake(connection)
        async for message in connection:
            request = json.loads(message)
            d = request["d"]
            if request["op"] == 8:
                if await self._answer_batch(connection, d):
                    return
            elif request["op"] == 6:
                result = _result(d["requestType"], _dumps(ANSWERS.get(d["requestType"], {})))
                await self._send(
                    connection, f'{{"op": 7, "d": {{"requestId": {json.dumps(d["requestId"])}, {result[1:]}}}'
                )

    async def _handshake(self, connection: ServerConnection) -> None:
        """Hello and Identified; one handshake in seven has one of them mutated."""
        rng = self.rng
        hostile_handshake = rng.random() < 0.15
        hello = HELLO
        if hostile_handshake and rng.random() < 0.5:
            hello = _dumps({"op": 0, "d": _mutate({"obsWebSocketVersion": "5.1.0", "rpcVersion": 1}, rng)})
            self.handshakes += 1
        await self._send(connection, hello)
        await connection.recv()
        identified = IDENTIFIED
        if hostile_handshake and hello == HELLO:
            identified = _dumps({"op": 2, "d": _mutate({"negotiatedRpcVersion": 1}, rng)})
            self.handshakes += 1
        await self._send(connection, identified)

    async def _answer_batch(self, connection: ServerConnection, d: dict[str, Any]) -> bool:
        """Answer a batch (now and then mutated), and after each poll a burst of events; True once the frames
        are all sent and the connection closed."""
        rng = self.rng
        results = []
        for item in d["requests"]:
            data: Any = ANSWERS.get(item["requestType"], {})
            # The snapshot's answers are mutated rarely, so that the session spends its time connected.
            if rng.random() < (0.3 if item["requestType"] == "GetStats" else 0.02):
                data = _mutate(data, rng)
                self.answers += 1
            results.append(_result(item["requestType"], _dumps(data)))
        request_id = json.dumps(d["requestId"])
        await self._send(
            connection, f'{{"op": 9, "d": {{"requestId": {request_id}, "results": [{", ".join(results)}]}}}}'
        )
        if any(r["requestType"] == "GetStats" for r in d["requests"]):
            for _ in range(40):
                if self.frames >= self.target:
                    await connection.close()
                    return True
                await self._send(connection, self._event(rng))
        return False

    def _event(self, rng: random.Random) -> str:
        if rng.random() < 0.01:
            self.garbage += 1
            return rng.choice(GARBAGE)
        event_type = rng.choice(list(EVENTS))
        data: Any = EVENTS[event_type]
        if rng.random() < 0.5:
            data = _mutate(data, rng)
            self.events += 1
        return event(event_type, _dumps(data))


def _result(request_type: str, data: str) -> str:
    status = '{"result": true, "code": 100}'
    return f'{{"requestType": {json.dumps(request_type)}, "requestStatus": {status}, "responseData": {data}}}'


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.errors.append(record.getMessage())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    logging.basicConfig(level=logging.CRITICAL)  # the point is the counts, not 10,000 warnings
    errors = _Counter()
    logging.getLogger().addHandler(errors)
    died: list[str] = []
    threading.excepthook = lambda hook: died.append(f"{hook.thread.name if hook.thread else '?'}: {hook.exc_value!r}")
    process = psutil.Process()

    fuzzer = Fuzzer(args.frames, args.seed)
    server = HostileServer(fuzzer.behaviour)
    # The room session as `onair monitor` runs it (nothing stored), polled 20 times a second.
    room = RoomSession(
        None, Endpoint("127.0.0.1", server.port), store=False, poll_interval=0.05, backoff_initial=0.02, backoff_max=0.1
    )
    session = SessionDriver(room)
    protocol_errors = 0
    halts = 0
    last_failure = None
    samples: list[tuple[int, float]] = []
    started = time.monotonic()
    session.start()
    try:
        while fuzzer.frames < args.frames:
            time.sleep(0.05)
            status = session.status
            if status.failure is not None and status.failure is not last_failure:
                last_failure = status.failure
                protocol_errors += 1
            if status.state in (LinkState.AUTH_FAILED, LinkState.INCOMPATIBLE):
                # A hostile Hello can claim an old obs-websocket: the link rightly stops; click "Retry" for it.
                halts += 1
                room.link.reconnect_now()
            if not samples or fuzzer.frames - samples[-1][0] >= args.frames // 10:
                gc.collect()
                samples.append((fuzzer.frames, process.memory_info().rss / 2**20))
            if time.monotonic() - started > 600:
                print("stopped after 600 s")
                break
        time.sleep(0.5)  # let the last frames be taken
        elapsed = time.monotonic() - started
        alive = session.alive and room.link._thread.is_alive()
        final = session.status.state
    finally:
        session.stop()
        server.close()
    gc.collect()
    samples.append((fuzzer.frames, process.memory_info().rss / 2**20))

    print(f"frames tried:           {fuzzer.frames} in {elapsed:.1f} s over {server.connections} connections")
    print(f"  hostile handshakes:   {fuzzer.handshakes}")
    print(f"  mutated answers:      {fuzzer.answers}")
    print(f"  mutated events:       {fuzzer.events}")
    print(f"  garbage frames:       {fuzzer.garbage}")
    print(
        f"taken as:               {PROBLEMS.total} messages with values read as unknown (logged), "
        f"{protocol_errors} link failures seen (reconnect and full state read), "
        f"{halts} stops as incompatible (retried)"
    )
    print(f"link state at the end:  {final.value} (the link kept trying throughout)")
    print("failures (target 0):")
    print(f"  dead threads:         {len(died) + (0 if alive else 1)} {died[:3] if died else ''}")
    print(f"  link restarts:        {room.link.restarts} (internal errors in the link)")
    print(f"  driver failures:      {session.failures} (drains or ticks that failed and carried on)")
    print(f"  errors logged:        {len(errors.errors)} {errors.errors[:3] if errors.errors else ''}")
    print("memory (RSS MB) by frames: " + ", ".join(f"{frames}: {rss:.0f}" for frames, rss in samples))


if __name__ == "__main__":
    main()
