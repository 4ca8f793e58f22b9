"""Direct-mode studio benchmark: one console process watching 4 simulated OBS (each live, its show stored in
SQLite, a status each second, a program picture every few seconds), without the Qt wall (the wall's painting is
measured by the wall's own benchmark). Prints the process's CPU (all its threads) per minute as % of one core.

    .venv/bin/python benchmarks/studio_direct.py [--rooms 4] [--minutes 2] [--thumbnail-every 3] [--real-obs]

The simulators run in processes of their own (their CPU is printed apart, not counted as the console's). The
issue's target: console CPU <= 4 % of a core with 4 rooms. Prints figures; asserts nothing (shared, noisy machines).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks._simulator import PASSWORD, start_simulator  # noqa: E402

#: Thread names by kind (each room has one of each): its driver, its OBS link and receiver, its show writer.
KINDS = ("room-", "obs-recv", "obs-link", "telemetry-writer", "machine-sampler")
#: Connecting, opening the shows and the first imports are one-off costs, not the steady state.
WARM_UP_S = 15.0


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def thread_cpu(process: psutil.Process) -> dict[str, float]:
    """CPU seconds per kind of thread, the rooms' threads of a kind summed."""
    names = {thread.native_id: thread.name for thread in threading.enumerate()}
    kinds: dict[str, float] = {}
    for thread in process.threads():
        name = names.get(thread.id, "other (not Python's)")
        kind = next((prefix for prefix in KINDS if name.startswith(prefix)), name)
        kinds[kind] = kinds.get(kind, 0.0) + thread.user_time + thread.system_time
    return kinds


def print_threads(before: dict[str, float], after: dict[str, float], elapsed: float) -> None:
    used = {kind: after[kind] - before.get(kind, 0.0) for kind in after}
    top = sorted(used.items(), key=lambda item: -item[1])[:8]
    print("  by thread: " + ", ".join(f"{kind} {100.0 * seconds / elapsed:.2f} %" for kind, seconds in top))


def real_obs_pictures(samples: int = 30, seconds: float = 30.0) -> None:
    """What the program picture costs a real OBS (headless, tests/e2e/harness.py): the request's round trip and
    size, and OBS's CPU with a picture every 3 s against none."""
    import os

    from console.core.rooms import Room, Secrets
    from console.core.studio.direct import DirectStudio
    from console.core.studio.reporter import decode_image
    from obs.commands import GetSourceScreenshot
    from tests.e2e.harness import ObsProcess, RtmpReceiver, Xvfb

    work = Path(tempfile.mkdtemp(prefix="onair-studio-real-"))
    os.environ["ONAIR_DATA_DIR"] = str(work / "data")  # the shows of this run, not the user's database
    xvfb, receiver = Xvfb(work), RtmpReceiver(work)
    obs = ObsProcess(work, xvfb.display, receiver.url)
    studio: DirectStudio | None = None
    try:
        receiver.start()
        obs.start()
        secrets = Secrets()
        secrets._session["room:real"] = obs.password
        process = psutil.Process(obs.proc.pid if obs.proc else 0)

        def obs_cpu() -> float:
            before, started = cpu_seconds(process), time.monotonic()
            time.sleep(seconds)
            return 100.0 * (cpu_seconds(process) - before) / (time.monotonic() - started)

        studio = DirectStudio([Room("real", "127.0.0.1", obs.port)], secrets, None, thumbnail_every_s=3.0)
        deadline = time.monotonic() + 30.0
        while time.monotonic() < deadline and studio.thumbnail("real") is None:
            time.sleep(0.2)
        session, scene = studio.session("real"), studio.rooms()[0].program_scene
        assert session is not None and scene is not None, "the real OBS did not connect"
        command = GetSourceScreenshot(scene, 320, 180, 70, "jpg")
        times, sizes = [], []
        for _ in range(samples):
            started = time.perf_counter()
            answer = session.request_blocking(command.request_type, command.data(), 5.0)
            times.append(1000.0 * (time.perf_counter() - started))
            sizes.append(len(decode_image(answer["imageData"])))
        with_pictures = obs_cpu()
        studio.close()
        studio = DirectStudio([Room("real", "127.0.0.1", obs.port)], secrets, None, thumbnail_every_s=1e9)
        time.sleep(5.0)
        without = obs_cpu()
        print(
            f"real OBS: GetSourceScreenshot 320x180 JPEG q70 median {statistics.median(times):.1f} ms "
            f"(max {max(times):.1f}), {statistics.median(sizes):.0f} bytes; OBS's CPU with a picture every 3 s "
            f"{with_pictures:.1f} %, without {without:.1f} %"
        )
    finally:
        if studio is not None:
            studio.close()
        obs.stop()
        receiver.stop()
        xvfb.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=4)
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--thumbnail-every", type=float, default=3.0, help="seconds between program pictures")
    parser.add_argument("--real-obs", action="store_true", help="also measure the picture on a real headless OBS")
    args = parser.parse_args()
    if args.real_obs:
        real_obs_pictures()
    direct_mode(args)


def direct_mode(args: argparse.Namespace) -> None:
    from console.core.rooms import Room, Secrets
    from console.core.storage import Storage
    from console.core.studio.direct import DirectStudio
    from console.core.studio.snapshot import ViewersHistory, room_status
    from console.core.studio.status import RoomStatus
    from obs.commands import StartStream

    simulators = [start_simulator() for _ in range(args.rooms)]
    folder = tempfile.TemporaryDirectory(prefix="onair-studio-bench-")
    url = f"sqlite:///{folder.name}/studio.db"
    storage = Storage(url)
    storage.migrate()
    storage.close()
    rooms = [Room(f"room {i + 1}", "127.0.0.1", port) for i, (_, port) in enumerate(simulators)]
    secrets = Secrets()
    for room in rooms:
        secrets._session[f"room:{room.name}"] = PASSWORD  # for this run only: never the machine's keyring
    heard: dict[str, int] = {}
    lock = threading.Lock()

    def changed(statuses: list[RoomStatus]) -> None:
        with lock:
            for status in statuses:
                heard[status.room] = heard.get(status.room, 0) + 1

    me = psutil.Process()
    children = [psutil.Process(proc.pid) for proc, _ in simulators]
    studio = DirectStudio(rooms, secrets, lambda: Storage(url), thumbnail_every_s=args.thumbnail_every)
    try:
        studio.subscribe(changed, lambda problem, detail: None)
        deadline = time.monotonic() + 20.0
        while time.monotonic() < deadline and not all(s.link == "connected" for s in studio.rooms()):
            time.sleep(0.2)
        for room in rooms:
            session = studio.session(room.name)
            assert session is not None
            session.call_soon(lambda session=session: session.send(StartStream()))  # type: ignore[misc]
        time.sleep(WARM_UP_S)
        print(
            f"direct mode: {args.rooms} rooms live, a status per room each second, a picture every "
            f"{args.thumbnail_every:g} s, shows stored in SQLite; {args.minutes:g} min after {WARM_UP_S:g} s warm-up"
        )
        threads_before = thread_cpu(me)
        measured_from = time.monotonic()
        per_minute: list[float] = []
        minutes = max(1, round(args.minutes))
        span = args.minutes * 60.0 / minutes
        for minute in range(minutes):
            with lock:
                heard_before = dict(heard)
            sims_before = sum(cpu_seconds(c) for c in children)
            before, started = cpu_seconds(me), time.monotonic()
            time.sleep(span)
            used, elapsed = cpu_seconds(me) - before, time.monotonic() - started
            sims_used = sum(cpu_seconds(c) for c in children) - sims_before
            with lock:
                per_room = [heard.get(r.name, 0) - heard_before.get(r.name, 0) for r in rooms]
            per_minute.append(100.0 * used / elapsed)
            print(
                f"  minute {minute + 1}: console CPU {per_minute[-1]:.2f} % of a core "
                f"({me.num_threads()} threads); statuses per room {min(per_room)}-{max(per_room)} in {elapsed:.0f} s; "
                f"simulators {100.0 * sims_used / elapsed:.1f} % (not counted)"
            )
        print_threads(threads_before, thread_cpu(me), time.monotonic() - measured_from)
        reporters = [studio.reporter(r.name) for r in rooms]
        asked = sum(r.thumbnails_asked for r in reporters if r is not None)
        received = sum(r.thumbnails_received for r in reporters if r is not None)
        sizes = [len(p[1]) for r in rooms if (p := studio.thumbnail(r.name)) is not None]
        print(f"  console CPU mean {statistics.mean(per_minute):.2f} %, max {max(per_minute):.2f} % of a core")
        print(
            f"  pictures: {received}/{asked} received, newest {min(sizes, default=0)}-{max(sizes, default=0)} bytes"
            " (the simulator's drawing: a real OBS's picture of a camera is larger)"
        )
        session = studio.session(rooms[0].name)
        assert session is not None
        history = ViewersHistory()
        count = 2000
        started = time.perf_counter()
        for _ in range(count):  # from this thread: room_status takes the session's lock, as any other reader would
            room_status(session, now=time.time(), console="bench", history=history)
        print(f"  one room_status: {1e6 * (time.perf_counter() - started) / count:.0f} µs (the tap's work per second)")
        links = [s.link for s in studio.rooms()]
        print(f"  links at the end: {sorted(set(links))}")
    finally:
        closing = time.monotonic()
        studio.close()
        print(f"  close(): {time.monotonic() - closing:.2f} s")
        for proc, _ in simulators:
            proc.terminate()
        for proc, _ in simulators:
            proc.wait(10)
        folder.cleanup()


if __name__ == "__main__":
    main()
