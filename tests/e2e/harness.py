"""Run a real OBS Studio headless: Xvfb, a generated OBS config, an nginx-rtmp receiver, fault injection.

Facts behind every choice here are in shared/notes/headless-obs.md (measured on OBS 29.0.2). Every child
process gets PR_SET_PDEATHSIG, so a killed test run leaves no OBS, Xvfb or nginx behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import textwrap
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import websocket

PR_SET_PDEATHSIG = 1
OUTPUT = (320, 180)
FPS = 15
VIDEO_KBPS = 500
AUDIO_KBPS = 64
NGINX_RTMP_MODULE = Path("/usr/lib/nginx/modules/ngx_rtmp_module.so")


def _die_with_parent() -> None:
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    os.setsid()  # own process group: a test can signal OBS without touching pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def missing_tools() -> list[str]:
    needed = {
        "obs": "obs-studio",
        "Xvfb": "xvfb",
        "nginx": "nginx",
        "ffmpeg": "ffmpeg",
        "ip": "iproute2",
        "tc": "iproute2",
    }
    missing = sorted({package for tool, package in needed.items() if shutil.which(tool) is None})
    if not NGINX_RTMP_MODULE.exists():
        missing.append("libnginx-mod-rtmp")
    if not Path("/usr/lib/x86_64-linux-gnu/obs-plugins/obs-websocket.so").exists() and not any(
        Path("/usr/lib").glob("*/obs-plugins/obs-websocket.so")
    ):
        missing.append("obs-plugins")
    return missing


def stop_process(proc: subprocess.Popen[bytes] | None, timeout: float = 5.0) -> int | None:
    if proc is None or proc.poll() is not None:
        return None if proc is None else proc.returncode
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGCONT)  # a stopped process cannot act on SIGTERM
        proc.terminate()
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait(timeout)


class Xvfb:
    """An X server of its own on a free display (Xvfb picks the number: -displayfd), `width`×`height`; its log in
    `workdir`/xvfb.log, or nowhere without a workdir. It dies with the test process."""

    def __init__(self, workdir: Path | None, width: int = 1280, height: int = 720) -> None:
        read_fd, write_fd = os.pipe()
        log = None if workdir is None else workdir / "xvfb.log"
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            preexec_fn=_die_with_parent,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL if log is None else open(log, "wb"),  # noqa: SIM115
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as reader:
            number = reader.readline().strip()
        if not number:
            said = "" if log is None else f": {log.read_text(errors='replace')[-500:]}"
            raise RuntimeError(f"Xvfb did not start{said}")
        self.display = f":{number}"

    def stop(self) -> None:
        stop_process(self.proc)


class RtmpReceiver:
    """nginx-rtmp on loopback (or an address in a network namespace), single process; /stat proves the bytes
    really arrived."""

    def __init__(self, workdir: Path, host: str = "127.0.0.1", run_in: tuple[str, ...] = ()) -> None:
        self.host = host
        self.run_in = run_in
        self.prefix = workdir / ("nginx" if not run_in else f"nginx-{host}")
        (self.prefix / "logs").mkdir(parents=True, exist_ok=True)
        self.rtmp_port = free_port()
        self.http_port = free_port()
        conf = self.prefix / "nginx.conf"
        conf.write_text(
            textwrap.dedent(f"""
            load_module {NGINX_RTMP_MODULE};
            daemon off;
            master_process off;
            error_log {self.prefix}/logs/error.log warn;
            pid {self.prefix}/nginx.pid;
            events {{ worker_connections 64; }}
            rtmp {{ server {{ listen {host}:{self.rtmp_port}; application live {{ live on; }} }} }}
            http {{
                access_log off;
                client_body_temp_path {self.prefix}/body; proxy_temp_path {self.prefix}/proxy;
                fastcgi_temp_path {self.prefix}/fastcgi; uwsgi_temp_path {self.prefix}/uwsgi;
                scgi_temp_path {self.prefix}/scgi;
                server {{ listen {host}:{self.http_port}; location /stat {{ rtmp_stat all; }} }}
            }}
        """)
        )
        self.conf = conf
        self.proc: subprocess.Popen[bytes] | None = None
        self.start()

    @property
    def url(self) -> str:
        return f"rtmp://{self.host}:{self.rtmp_port}/live"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [*self.run_in, "nginx", "-p", str(self.prefix), "-c", str(self.conf)],
            preexec_fn=_die_with_parent,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection((self.host, self.rtmp_port), 0.2):
                return
            time.sleep(0.05)
        raise RuntimeError("nginx-rtmp did not start")

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(5)

    def stop(self) -> None:
        stop_process(self.proc)

    def bytes_in(self) -> int | None:
        """Bytes received for the live stream 'test', from nginx-rtmp's /stat XML (None if no stream)."""
        try:
            with urllib.request.urlopen(f"http://{self.host}:{self.http_port}/stat", timeout=2) as response:
                xml = response.read().decode()
        except OSError:
            return None
        match = re.search(r"<stream>\s*<name>test</name>.*?<bytes_in>(\d+)</bytes_in>", xml, re.S)
        return int(match.group(1)) if match else None


class ShapedUplink:
    """A receiver behind a real slow link: nginx-rtmp in its own network namespace, reached over a veth pair
    whose host side can be rate-limited with tc tbf — OBS's send buffer fills, congestion rises and frames
    are dropped, as on a poor uplink. Needs root (CI is)."""

    def __init__(self, workdir: Path) -> None:
        tag = os.getpid() % 100000
        self.namespace = f"onair-e2e-{tag}"
        self.host_side = f"oa{tag}h"
        subnet = self._free_subnet(tag)
        self.host_address, self.far_address = f"10.213.{subnet}.1", f"10.213.{subnet}.2"
        self._run("ip", "netns", "add", self.namespace)
        try:
            self._run("ip", "link", "add", self.host_side, "type", "veth", "peer", "name", f"oa{tag}n")
            self._run("ip", "link", "set", f"oa{tag}n", "netns", self.namespace)
            self._run("ip", "addr", "add", f"{self.host_address}/30", "dev", self.host_side)
            self._run("ip", "link", "set", self.host_side, "up")
            inside = ("ip", "netns", "exec", self.namespace)
            self._run(*inside, "ip", "addr", "add", f"{self.far_address}/30", "dev", f"oa{tag}n")
            self._run(*inside, "ip", "link", "set", f"oa{tag}n", "up")
            self._run(*inside, "ip", "link", "set", "lo", "up")
            self.receiver = RtmpReceiver(workdir, self.far_address, inside)
        except Exception:
            self.stop()
            raise

    @staticmethod
    def _free_subnet(tag: int) -> int:
        """A 10.213.N.0/30 no interface of this machine uses yet: two test processes (xdist workers, or two
        runs side by side) with the same pid remainder would otherwise route one veth's traffic to the other."""
        used = subprocess.run(["ip", "-o", "-4", "addr", "show"], capture_output=True, text=True, timeout=10).stdout
        for offset in range(50):
            subnet = 200 + (tag + offset) % 50
            if f" 10.213.{subnet}." not in used:
                return subnet
        raise RuntimeError("no free 10.213.200-249.0/30 subnet for a shaped uplink")

    @staticmethod
    def _run(*command: str) -> None:
        subprocess.run(command, check=True, capture_output=True, timeout=10)

    def shape(self, kbit: int) -> None:
        """Limit what reaches the receiver to `kbit` kbit/s (a burst larger than one packet, or the RTMP
        handshake itself fails)."""
        self._run("tc", "qdisc", "replace", "dev", self.host_side, "root", "tbf", "rate", f"{kbit}kbit",
                  "burst", "16kb", "latency", "500ms")  # fmt: skip

    def unshape(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("tc", "qdisc", "del", "dev", self.host_side, "root")

    def stop(self) -> None:
        receiver = getattr(self, "receiver", None)
        if receiver is not None:
            receiver.stop()
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self._run("ip", "netns", "del", self.namespace)  # takes the veth pair with it


@dataclass
class ObsConfig:
    home: Path
    port: int
    password: str
    clip: Path
    record_dir: Path


def make_clip(path: Path) -> None:
    """A short looping test clip with motion and a 440 Hz tone: real video and audio without devices."""
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"testsrc2=size={OUTPUT[0]}x{OUTPUT[1]}:rate={FPS}",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:sample_rate=48000",
            "-t",
            "10",
            "-g",
            str(FPS),
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            str(path),
        ],
        check=True,
        timeout=120,
    )


def write_obs_config(config: ObsConfig, rtmp_url: str) -> None:
    base = config.home / ".config" / "obs-studio"
    profile = base / "basic" / "profiles" / "ci"
    scenes = base / "basic" / "scenes"
    profile.mkdir(parents=True, exist_ok=True)
    scenes.mkdir(parents=True, exist_ok=True)
    (base / "global.ini").write_text(
        textwrap.dedent(f"""
        [General]
        FirstRun=true
        ConfirmOnExit=false
        EnableAutoUpdates=false

        [Basic]
        Profile=ci
        ProfileDir=ci
        SceneCollection=ci
        SceneCollectionFile=ci

        [BasicWindow]
        SysTrayEnabled=false
        WarnBeforeStartingStream=false
        WarnBeforeStoppingStream=false
        PreviewEnabled=false

        [OBSWebSocket]
        FirstLoad=false
        ServerEnabled=true
        ServerPort={config.port}
        AlertsEnabled=false
        AuthRequired=true
        ServerPassword={config.password}
    """).lstrip()
    )
    (profile / "basic.ini").write_text(
        textwrap.dedent(f"""
        [General]
        Name=ci

        [Video]
        BaseCX={OUTPUT[0]}
        BaseCY={OUTPUT[1]}
        OutputCX={OUTPUT[0]}
        OutputCY={OUTPUT[1]}
        FPSType=1
        FPSInt={FPS}

        [Output]
        Mode=Simple
        DynamicBitrate=false
        Reconnect=true
        RetryDelay=2
        MaxRetries=10

        [SimpleOutput]
        StreamEncoder=x264
        VBitrate={VIDEO_KBPS}
        ABitrate={AUDIO_KBPS}
        Preset=ultrafast
        UseAdvanced=true
        x264Settings=keyint={FPS}
        RecFormat=mkv
        FilePath={config.record_dir}
    """).lstrip()
    )
    (profile / "service.json").write_text(
        json.dumps({"type": "rtmp_custom", "settings": {"server": rtmp_url, "key": "test"}})
    )

    def item(name: str, item_id: int) -> dict[str, object]:
        return {
            "name": name,
            "id": item_id,
            "visible": True,
            "locked": False,
            "pos": {"x": 0.0, "y": 0.0},
            "scale": {"x": 1.0, "y": 1.0},
            "bounds_type": 2,
            "bounds": {"x": OUTPUT[0], "y": OUTPUT[1]},
            "align": 5,
            "bounds_align": 0,
        }

    def scene(name: str, items: list[dict[str, object]]) -> dict[str, object]:
        return {
            "id": "scene",
            "versioned_id": "scene",
            "name": name,
            "settings": {"items": items, "id_counter": len(items), "custom_size": False},
        }

    collection = {
        "name": "ci",
        "current_scene": "Main",
        "current_program_scene": "Main",
        "scene_order": [{"name": "Main"}, {"name": "直播中"}, {"name": "商品特写"}],
        "sources": [
            scene("Main", [item("Clip", 1)]),
            scene("直播中", [item("Clip", 1)]),
            scene("商品特写", []),
            {
                "id": "ffmpeg_source",
                "versioned_id": "ffmpeg_source",
                "name": "Clip",
                "settings": {
                    "local_file": str(config.clip),
                    "looping": True,
                    "is_local_file": True,
                    "restart_on_activate": False,
                    "close_when_inactive": False,
                },
            },
        ],
        "transitions": [],
        "current_transition": "Fade",
        "transition_duration": 300,
    }
    (scenes / "ci.json").write_text(json.dumps(collection, ensure_ascii=False))


class ObsProcess:
    """One headless OBS Studio with its websocket on a free port and a random password."""

    def __init__(self, workdir: Path, display: str, rtmp_url: str) -> None:
        self.workdir = workdir
        self.display = display
        clip = workdir / "clip.mkv"
        if not clip.exists():
            make_clip(clip)
        record_dir = workdir / "recordings"
        record_dir.mkdir(exist_ok=True)
        self.config = ObsConfig(workdir / "home", free_port(), secrets.token_urlsafe(16), clip, record_dir)
        write_obs_config(self.config, rtmp_url)
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def port(self) -> int:
        return self.config.port

    @property
    def password(self) -> str:
        return self.config.password

    @property
    def log_dir(self) -> Path:
        return self.config.home / ".config" / "obs-studio" / "logs"

    def start(self, timeout: float = 30.0) -> None:
        env = dict(
            os.environ,
            HOME=str(self.config.home),
            DISPLAY=self.display,
            QT_QPA_PLATFORM="xcb",
            LIBGL_ALWAYS_SOFTWARE="1",
        )
        env.pop("WAYLAND_DISPLAY", None)
        self.starts += 1
        self.proc = subprocess.Popen(
            [
                "obs",
                "--multi",
                "--profile",
                "ci",
                "--collection",
                "ci",
                "--scene",
                "Main",
                "--disable-missing-files-check",
            ],
            env=env,
            cwd=self.workdir,
            preexec_fn=_die_with_parent,
            stdout=open(self.workdir / f"obs-stdout-{self.starts}.log", "wb"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        self.wait_for_hello(timeout)

    def wait_for_hello(self, timeout: float) -> None:
        """Ready = obs-websocket's Hello on the port, not a TCP accept."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"OBS exited with {self.proc.returncode}: {self.tail_output()}")
            try:
                ws = websocket.create_connection(f"ws://127.0.0.1:{self.port}", timeout=1)
                try:
                    if json.loads(ws.recv()).get("op") == 0:
                        return
                finally:
                    ws.close()
            except (OSError, websocket.WebSocketException, ValueError):
                time.sleep(0.1)
        raise RuntimeError(f"OBS did not say Hello within {timeout} s: {self.tail_output()}")

    def tail_output(self) -> str:
        logs = sorted(self.workdir.glob("obs-stdout-*.log"))
        return logs[-1].read_text(errors="replace")[-1500:] if logs else ""

    def freeze(self) -> None:
        """SIGSTOP, returning once every thread of OBS has stopped: a thread in the middle of a system call (a disk
        write on a loaded machine) stops only when it returns, and could still answer a request sent meanwhile (CI
        once saw a GetStats answered right after the signal)."""
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGSTOP)
        tasks = Path(f"/proc/{self.proc.pid}/task")
        deadline = time.monotonic() + 10.0
        while time.monotonic() < deadline:
            try:
                states = [(task / "stat").read_text().rsplit(")", 1)[1].split()[0] for task in tasks.iterdir()]
            except OSError:  # a thread ended while it was read
                continue
            if all(state in ("T", "t") for state in states):
                return
            time.sleep(0.01)
        raise AssertionError(f"OBS (pid {self.proc.pid}) did not stop within 10 s of SIGSTOP")

    def thaw(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGCONT)

    def kill(self) -> None:
        if self.proc is not None:
            os.kill(self.proc.pid, signal.SIGCONT)
            self.proc.kill()
            self.proc.wait(10)

    def quit(self, timeout: float = 15.0) -> int | None:
        """A clean quit (SIGINT, as closing the window): removals, ExitStarted, close 1001."""
        if self.proc is None or self.proc.poll() is not None:
            return None
        os.kill(self.proc.pid, signal.SIGINT)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(5)

    def stop(self) -> None:
        stop_process(self.proc, timeout=10.0)
