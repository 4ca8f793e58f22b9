"""This machine's side of the show (psutil): CPU total and per core, memory, upload rate of the network
interface that carries the stream, and OBS's own process when OBS runs here. Sampled on its own thread,
once a second, so nothing that reads /proc (or its Windows equivalent) ever runs on the GUI thread."""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import psutil

LOG = logging.getLogger(__name__)

OBS_PROCESS_NAMES = frozenset({"obs", "obs64", "obs64.exe", "obs32.exe", "obs.exe", "obs-studio"})
#: How soon to look for OBS's process again after a search that did not find it; each search that finds nothing
#: doubles the wait, up to PROCESS_SEARCH_MAX_S. A scan reads every process of the machine (~16 ms of this
#: thread's CPU for ~90 processes; a desktop has hundreds). OBS's process only appears with a new connection to
#: it (watch() is told of each one, and a search follows at once), so a connected OBS that is not found (it
#: runs in a container, under another name, or is the demo's simulator) is not worth a scan every 10 s.
PROCESS_SEARCH_S = 10.0
PROCESS_SEARCH_MAX_S = 300.0


@dataclass(frozen=True)
class MachineSample:
    t: float
    cpu_system_pct: float | None  # None for a thread's first reading: psutil has no baseline yet
    cpu_cores: tuple[float, ...]
    memory_system_pct: float
    net_up_kbps: float | None  # None until two readings, or when the interface is unknown
    interface: str | None
    obs_process_cpu_pct: float | None  # % of the whole machine (like OBS's own figure); None if not local

    @property
    def cpu_busiest_core_pct(self) -> float | None:
        return max(self.cpu_cores) if self.cpu_cores else self.cpu_system_pct


def host_of_stream_server(server: str) -> str | None:
    """'rtmp://live.example.com:1935/app' -> 'live.example.com'; None for a service name such as 'auto'."""
    parsed = urlparse(server if "://" in server else f"//{server}")
    return parsed.hostname or None


def stream_host(answer: Mapping[str, Any] | None) -> str | None:
    """The stream server's host from a GetStreamServiceSettings answer (None if it names no address)."""
    settings = (answer or {}).get("streamServiceSettings")
    server = settings.get("server") if isinstance(settings, Mapping) else None
    return host_of_stream_server(server) if isinstance(server, str) and server else None


def interface_for(host: str, port: int = 1935) -> str | None:
    """The name of the network interface this machine would use to reach `host` (blocking DNS: call off
    the GUI thread). Connecting a UDP socket picks the route without sending anything."""
    try:
        address = socket.getaddrinfo(host, port, proto=socket.IPPROTO_UDP)[0][4][0]
        family = socket.AF_INET6 if ":" in str(address) else socket.AF_INET
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.connect((address, port))
            local = probe.getsockname()[0]
    except OSError as exc:
        LOG.info("no route to the stream server %s: %s", host, exc)
        return None
    local_ip = ipaddress.ip_address(local.split("%")[0])
    for name, addresses in psutil.net_if_addrs().items():
        for entry in addresses:
            try:
                if ipaddress.ip_address(entry.address.split("%")[0]) == local_ip:
                    return name
            except ValueError:
                continue  # a MAC address
    return None


def is_loopback_interface(name: str) -> bool:
    """An interface whose every address is a loopback one ('lo', 'Loopback Pseudo-Interface 1')."""
    ips = []
    for entry in psutil.net_if_addrs().get(name, ()):
        try:
            ips.append(ipaddress.ip_address(entry.address.split("%")[0]))
        except ValueError:
            continue  # a MAC address
    return bool(ips) and all(ip.is_loopback for ip in ips)


def upload_interface(stream_host: str | None, obs_local: bool) -> str | None:
    """The interface whose upload is the stream's: the one routing to the ingest server, measured only when
    OBS runs on this computer and the server is elsewhere. A server on this computer (the demo's nginx on
    127.0.0.1) is reached without any network interface, and loopback carries everything else on the
    machine too (this console's own obs-websocket traffic): no figure then, rather than a wrong one."""
    if not stream_host or not obs_local or is_local_host(stream_host):
        return None
    name = interface_for(stream_host)
    return None if name is None or is_loopback_interface(name) else name


def is_local_host(host: str) -> bool:
    try:
        address = ipaddress.ip_address(socket.gethostbyname(host))
    except (OSError, ValueError):
        return False
    if address.is_loopback:
        return True
    return any(entry.address == str(address) for addresses in psutil.net_if_addrs().values() for entry in addresses)


class MachineSampler:
    """Samples once a second on a daemon thread; `latest` is the newest sample (or None before the first)."""

    def __init__(self, interval: float = 1.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = interval
        self._clock = clock
        self.latest: MachineSample | None = None
        self._lock = threading.Lock()
        self._stream_host: str | None = None
        self._obs_local = False
        self._interface: str | None = None
        self._obs_host: str | None = None
        self._obs_port: int | None = None
        self._resolved_for: tuple[str, str] | None = None
        self._last_sent: tuple[float, int] | None = None
        self._obs: psutil.Process | None = None
        self._next_search = 0.0
        self._search_every = PROCESS_SEARCH_S
        self._cores = psutil.cpu_count() or 1
        #: psutil keeps cpu_percent's baseline per thread: the threads that have one.
        self._baselined: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="machine-sampler", daemon=True)

    def start(self) -> MachineSampler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(2.0)

    @property
    def obs_local(self) -> bool:
        """OBS runs on this computer (as resolved on the sampler's thread for the host last watched): this
        computer's CPU and memory are then OBS's computer's."""
        return self._obs_local

    def watch(self, stream_host: str | None, obs_host: str | None, obs_port: int | None = None) -> None:
        """Which host the stream goes to (its interface's upload is measured) and where OBS runs (its websocket's
        port, when known, tells which process is this room's OBS). Told once per connection to OBS: a process not
        found before is looked for again at once."""
        with self._lock:
            self._stream_host = stream_host
            self._obs_host = obs_host
            self._obs_port = obs_port
            self._resolved_for = None  # resolve again on the sampler thread, and look for OBS's process at once

    def _run(self) -> None:
        with contextlib.suppress(Exception):
            self.sample()  # sets this thread's baselines; the first second after it is a true figure
        while not self._stop.wait(self.interval):
            try:
                sample = self.sample()
            except Exception:  # psutil can fail on exotic systems; a missing second is a gap, not a crash
                LOG.exception("machine sampling failed")
                continue
            self.latest = sample

    def _resolve(self) -> None:
        with self._lock:
            wanted = (self._stream_host or "", self._obs_host or "")
            if self._resolved_for == wanted:
                return
            self._resolved_for = wanted
        stream_host, obs_host = wanted
        self._obs_local = bool(obs_host) and is_local_host(obs_host)
        self._interface = upload_interface(stream_host, self._obs_local)
        self._last_sent = None
        self._obs = None
        self._next_search = 0.0
        self._search_every = PROCESS_SEARCH_S

    def sample(self) -> MachineSample:
        self._resolve()
        now = self._clock()
        cores = tuple(float(c) for c in psutil.cpu_percent(interval=None, percpu=True))
        if threading.get_ident() not in self._baselined:
            # The first reading on a thread compares "now" with "now": 0.0 on every core, never true.
            self._baselined.add(threading.get_ident())
            cores = ()
        total = sum(cores) / len(cores) if cores else None
        obs = self._obs_cpu(now)
        if obs is not None and total is not None:
            # Over the same second OBS's process cannot have used more of the machine than the whole machine did:
            # the two are counted apart (the process's own times, the kernel's per-core ticks) and differ by a few
            # ticks (measured: OBS 6.5 % beside a total of 5.2 % on an idle 2-core machine). The total holds.
            obs = min(obs, total)
        return MachineSample(
            t=now,
            cpu_system_pct=total,
            cpu_cores=cores,
            memory_system_pct=float(psutil.virtual_memory().percent),
            net_up_kbps=self._upload(now),
            interface=self._interface,
            obs_process_cpu_pct=obs,
        )

    def _upload(self, now: float) -> float | None:
        if self._interface is None:
            return None
        counters = psutil.net_io_counters(pernic=True).get(self._interface)
        if counters is None:
            return None
        last, self._last_sent = self._last_sent, (now, counters.bytes_sent)
        if last is None or now <= last[0] or counters.bytes_sent < last[1]:
            return None
        return (counters.bytes_sent - last[1]) * 8 / 1000 / (now - last[0])

    def _obs_cpu(self, now: float) -> float | None:
        if not self._obs_local:
            return None
        if self._obs is not None:
            try:
                return self._obs.cpu_percent(interval=None) / self._cores
            except psutil.Error:
                self._obs = None  # OBS ended: a new one may already run, look now
                self._next_search = 0.0
                self._search_every = PROCESS_SEARCH_S
        if now >= self._next_search:
            self._next_search = now + self._search_every
            self._search_every = min(2 * self._search_every, PROCESS_SEARCH_MAX_S)
            found = self._find_obs()
            if found is not None:
                self._obs = found
                self._search_every = PROCESS_SEARCH_S
                with contextlib.suppress(psutil.Error):
                    found.cpu_percent(interval=None)  # baseline; the next second gives a figure
        return None

    def _find_obs(self) -> psutil.Process | None:
        """This room's OBS: the process listening on its websocket's port, else one by OBS's name. By the port
        first: another OBS on this computer (a second instance, the real-OBS test suite's beside the demo room)
        was taken by its name and its CPU drawn as this room's. The port held by this very process (the demo
        room's simulator) is no OBS process: OBS's own figure stands."""
        port = self._obs_port
        if port:
            try:
                listening = [
                    c.pid
                    for c in psutil.net_connections(kind="tcp")
                    if c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port
                ]
            except (psutil.Error, OSError):
                listening = []  # not allowed to see the sockets here: by name
            pid = next((pid for pid in listening if pid is not None), None)
            if pid == os.getpid():
                return None
            if pid is not None:
                with contextlib.suppress(psutil.Error):
                    return psutil.Process(pid)
        for process in psutil.process_iter(["name"]):
            if (process.info.get("name") or "").lower() in OBS_PROCESS_NAMES:
                return process
        return None


class RoomMachineSampler(MachineSampler):
    """This computer's figures, given as the room's only while the room's OBS runs on this computer (`obs_local`,
    resolved on the sampler's thread for the host last watched): otherwise `latest` is None, and the room's CPU
    and memory are unknown — this computer is not OBS's, and its CPU judged as OBS's would be wrong. The console's
    own room and each room of a direct wall sample through one."""

    def __init__(self, interval: float = 1.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._newest: MachineSample | None = None
        super().__init__(interval, clock)

    @property
    def latest(self) -> MachineSample | None:
        return self._newest if self.obs_local else None

    @latest.setter
    def latest(self, sample: MachineSample | None) -> None:
        self._newest = sample
