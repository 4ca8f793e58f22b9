"""OBS link benchmark: GetStats round trip through the link vs a bare websocket-client with the link's own
settings (no UTF-8 check, the console's event subscriptions with meters at 20 Hz) on the same server, and
sustained event throughput with loss check. It also measures the floor of a design with a receive thread:
a minimal client whose receive thread only json.loads the answer and completes the caller's Future. The
simulator runs in its own process.

    .venv/bin/python benchmarks/obs_link.py [--requests N] [--events N]

Prints figures; asserts nothing about speed (shared, noisy machines).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import websocket

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._simulator import PASSWORD, start_simulator
from obs.link import ObsLink
from obs.messages import LinkState, ObsEvent, StatusChanged
from obs.protocol import CONSOLE_SUBSCRIPTIONS, EventSubscription, auth_response


def bare_connect(port: int, subscriptions: int = 0, skip_utf8: bool = False) -> websocket.WebSocket:
    ws = websocket.create_connection(f"ws://127.0.0.1:{port}", skip_utf8_validation=skip_utf8)
    hello = json.loads(ws.recv())["d"]
    auth = auth_response(PASSWORD, hello["authentication"]["salt"], hello["authentication"]["challenge"])
    ws.send(json.dumps({"op": 1, "d": {"rpcVersion": 1, "authentication": auth, "eventSubscriptions": subscriptions}}))
    json.loads(ws.recv())
    return ws


def bare_round_trips(ws: websocket.WebSocket, count: int, start_id: int) -> list[float]:
    times = []
    for i in range(count):
        request_id = str(start_id + i)
        started = time.perf_counter()
        ws.send(json.dumps({"op": 6, "d": {"requestType": "GetStats", "requestId": request_id}}))
        while True:
            message = json.loads(ws.recv())
            if message["op"] == 7 and message["d"]["requestId"] == request_id:
                break
        times.append(time.perf_counter() - started)
    return times


def link_round_trips(link: ObsLink, count: int) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        link.request("GetStats").result(5)
        times.append(time.perf_counter() - started)
    return times


class MinimalClient:
    """The floor of any design in which a receive thread reads the socket: the caller sends on its own thread,
    a receive thread reads each frame, json.loads it and completes the waiting caller's Future. No checks, no
    bookkeeping, no owner thread: one thread hand-off per round trip, which the bare client does not pay."""

    def __init__(self, ws: websocket.WebSocket) -> None:
        self.ws = ws
        self.pending: dict[str, Future[dict[str, object]]] = {}
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._receive, daemon=True)
        self.thread.start()

    def _receive(self) -> None:
        while True:
            try:
                message = json.loads(self.ws.recv())
            except Exception:
                return
            if message["op"] == 7:
                with self.lock:
                    future = self.pending.pop(message["d"]["requestId"], None)
                if future is not None:
                    future.set_result(message)

    def round_trips(self, count: int, start_id: int) -> list[float]:
        times = []
        for i in range(count):
            request_id = str(start_id + i)
            started = time.perf_counter()
            future: Future[dict[str, object]] = Future()
            with self.lock:
                self.pending[request_id] = future
            self.ws.send(json.dumps({"op": 6, "d": {"requestType": "GetStats", "requestId": request_id}}))
            future.result(5)
            times.append(time.perf_counter() - started)
        return times


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def wait_connected(link: ObsLink) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        item = link.get(timeout=0.1)
        if isinstance(item, StatusChanged) and item.status.state is LinkState.CONNECTED:
            return
    raise SystemExit("the link did not connect to the simulator")


def round_trip_benchmark(port: int, total: int) -> None:
    # The comparison that says what the link costs: a bare client set up exactly as the link's connection is.
    same = bare_connect(port, subscriptions=int(CONSOLE_SUBSCRIPTIONS), skip_utf8=True)
    # The floor: the same connection, read by a minimal receive thread (one hand-off, nothing else).
    minimal = MinimalClient(bare_connect(port, subscriptions=int(CONSOLE_SUBSCRIPTIONS), skip_utf8=True))
    # For reference only: websocket-client's defaults (UTF-8 check) and no events to read past.
    default = bare_connect(port)
    # The link as the console runs it: console subscriptions (meters at 20 Hz included), no stats poll.
    link = ObsLink("127.0.0.1", port, PASSWORD, poll_interval=None, subscriptions=int(CONSOLE_SUBSCRIPTIONS)).start()
    wait_connected(link)
    drainer_stop = threading.Event()

    def drain() -> None:  # stands in for the GUI's outbox timer
        while not drainer_stop.is_set():
            link.drain()
            time.sleep(0.016)

    threading.Thread(target=drain, daemon=True).start()
    bare_same: list[float] = []
    bare_default: list[float] = []
    through_link: list[float] = []
    floor: list[float] = []
    block = 200
    bare_round_trips(same, 200, 10_000_000)  # warm-up
    minimal.round_trips(200, 10_000_000)
    link_round_trips(link, 200)
    # CPU time of this process (all its threads) per round trip: the work each design does, which a busy machine
    # does not inflate the way it inflates wall-clock latency (waiting for a core is not counted).
    cpu = {"bare": 0.0, "floor": 0.0, "link": 0.0}

    def timed(kind: str, run: Callable[..., list[float]]) -> list[float]:
        started = time.process_time()
        times = run()
        cpu[kind] += time.process_time() - started
        return times

    for n in range(total // block):  # interleaved blocks, so machine noise hits all alike
        bare_same += timed("bare", lambda n=n: bare_round_trips(same, block, n * block))
        bare_default += bare_round_trips(default, block, n * block)
        through_link += timed("link", lambda: link_round_trips(link, block))
        floor += timed("floor", lambda n=n: minimal.round_trips(block, n * block))
    drainer_stop.set()
    link.stop()
    same.close()
    default.close()
    minimal.ws.close()
    s50, s99 = pct(bare_same, 0.5), pct(bare_same, 0.99)
    d50, d99 = pct(bare_default, 0.5), pct(bare_default, 0.99)
    l50, l99 = pct(through_link, 0.5), pct(through_link, 0.99)
    f50, f99 = pct(floor, 0.5), pct(floor, 0.99)
    print(f"GetStats round trip, {len(bare_same)} each, simulator in its own process:")
    print(
        f"  bare, the link's settings : p50 {s50:.3f} ms  p99 {s99:.3f} ms  "
        f"mean {statistics.mean(bare_same) * 1000:.3f} ms   (no UTF-8 check, console subscriptions, meters)"
    )
    print(
        f"  through ObsLink           : p50 {l50:.3f} ms  p99 {l99:.3f} ms  "
        f"mean {statistics.mean(through_link) * 1000:.3f} ms"
    )
    print(f"  ratio link/bare (same)    : p50 {l50 / s50:.2f}  p99 {l99 / s99:.2f}   (target <= 1.2)")
    print(
        f"  floor, minimal recv thread: p50 {f50:.3f} ms  p99 {f99:.3f} ms   (one hand-off, json.loads only: "
        f"ratio {f50 / s50:.2f}; the link's own work on top: {(l50 - f50) * 1000:.0f} us)"
    )
    print(
        f"  reference, bare defaults  : p50 {d50:.3f} ms  p99 {d99:.3f} ms   (UTF-8 check, no events: not comparable)"
    )
    per = {kind: seconds / len(bare_same) * 1e6 for kind, seconds in cpu.items()}
    print(
        f"  CPU per round trip        : bare {per['bare']:.0f} us, floor {per['floor']:.0f} us, "
        f"link {per['link']:.0f} us   (this process, all threads; meters included)"
    )


#: CustomEvents that are not the benchmark's own: no seq, a seq of the wrong type, one out of range.
FOREIGN_CUSTOM_EVENTS: tuple[dict[str, object], ...] = (
    {"audience": {"viewers": 120}},
    {"seq": True},
    {"seq": "7"},
    {"seq": -1},
)


def _our_seq(item: object, total: int) -> int | bool | None:
    """The benchmark's sequence number of a CustomEvent; False for a foreign CustomEvent; None for others.
    BroadcastCustomEvent's eventData arrives as the event's data itself."""
    if not isinstance(item, ObsEvent) or item.event_type != "CustomEvent":
        return None
    seq = item.data.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or not 0 <= seq < total:
        return False
    return seq


def _flood(flooder: websocket.WebSocket, total: int, batch: int) -> None:
    """Send `total` numbered CustomEvents in batches, one batch in flight (the server's own pace)."""
    for first in range(0, total, batch):
        # Other CustomEvents arrive too (the demo room's audience, any plugin): the consumer must pass them by.
        requests = [
            {"requestType": "BroadcastCustomEvent", "requestData": {"eventData": data}}
            for data in FOREIGN_CUSTOM_EVENTS
        ]
        requests += [
            {"requestType": "BroadcastCustomEvent", "requestData": {"eventData": {"seq": seq}}}
            for seq in range(first, min(total, first + batch))
        ]
        flooder.send(json.dumps({"op": 8, "d": {"requestId": f"b{first}", "requests": requests}}))
        while json.loads(flooder.recv())["op"] != 9:
            pass


def throughput_benchmark(port: int, total: int, batch: int = 500) -> None:
    link = ObsLink(
        "127.0.0.1", port, PASSWORD, poll_interval=None, subscriptions=int(EventSubscription.GENERAL)
    ).start()
    wait_connected(link)
    flooder = bare_connect(port)
    done = threading.Event()
    seen: set[int] = set()
    duplicates = 0
    foreign = 0
    last_at = [0.0]

    def consume() -> None:
        nonlocal duplicates, foreign
        while not done.is_set():
            item = link.get(timeout=0.05)
            while item is not None:
                seq = _our_seq(item, total)
                if seq is False:
                    # Not ours: the demo room's audience (or any plugin) also speaks in CustomEvents.
                    foreign += 1
                elif seq is not None:
                    if seq in seen:
                        duplicates += 1
                    seen.add(seq)
                    last_at[0] = time.perf_counter()
                    if len(seen) >= total:
                        done.set()
                item = link.get()

    consumer = threading.Thread(target=consume, daemon=True)
    consumer.start()
    started = time.perf_counter()
    _flood(flooder, total, batch)
    done.wait(30)
    elapsed = (last_at[0] or time.perf_counter()) - started
    link.stop()
    flooder.close()
    lost = total - len(seen)
    print(f"Event throughput through ObsLink ({total} CustomEvents, consumer thread draining the outbox):")
    print(
        f"  {len(seen) / elapsed:,.0f} events/s sustained over {elapsed:.2f} s; lost {lost}, duplicated {duplicates}"
        "   (target >= 5,000/s, no loss)"
    )
    expected = len(FOREIGN_CUSTOM_EVENTS) * -(-total // batch)
    print(f"  foreign CustomEvents ignored (not counted): {foreign} ({expected} of them sent by the benchmark)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--events", type=int, default=50_000)
    args = parser.parse_args()
    proc, port = start_simulator()
    try:
        round_trip_benchmark(port, args.requests)
        throughput_benchmark(port, args.events)
    finally:
        proc.terminate()
        proc.wait(5)


if __name__ == "__main__":
    main()
