"""The `onair` command line: subcommands for the headless parts (the GUI arrives with the console shell)."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import ipaddress
import logging
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from console import __version__
from console.core import logsafe
from obs import oswords
from obs.text import QT_TRANSLATE_NOOP, joined

if TYPE_CHECKING:
    from obs.clock import Clock


def _password(args: argparse.Namespace, translate: Translate) -> str | None:
    """From an environment variable or a prompt; never from the command line, where `ps` would show it."""
    if args.password_env:
        value = os.environ.get(args.password_env)
        if value is None:
            text = translate("DemoObs", "the environment variable %1 is not set").replace("%1", args.password_env)
            raise SystemExit(f"onair: {text}")
        logsafe.register_secret(value)
        return value
    if args.password_prompt:
        value = getpass.getpass(translate("DemoObs", "Password for the simulated obs-websocket: "))
        logsafe.register_secret(value)
        return value
    return None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _demo_fps(given: str | None, translate: Callable[[str, str], str]) -> tuple[int, int] | None:
    """`demo-obs --fps`'s rate as OBS keeps it (30 when not given); None, said on stderr, when it is not one."""
    from obs.simulator.room import FPS, FPS_RANGE, parse_fps

    if given is None:
        return (FPS, 1)
    fps = parse_fps(given)
    if fps is None:
        text = translate(
            "DemoObs",
            "--fps “%1” is not a frame rate: give frames per second from %2 to %3, whole (60), as a fraction "
            "(30000/1001) or as OBS names an NTSC rate (23.976, 29.97, 59.94)",
        )
        low, high = (f"{limit:g}" for limit in FPS_RANGE)
        print("onair: " + text.replace("%2", low).replace("%3", high).replace("%1", given), file=sys.stderr)
    return fps


def _fps_words(fps: tuple[int, int]) -> str:
    """A frame rate as OBS's Settings ▸ Video names it: 60, 59.94 for 60000/1001, 23.976 for 24000/1001."""
    return f"{fps[0] / fps[1]:.3f}".rstrip("0").rstrip(".")


def _list_scenarios(translate: Callable[[str, str], str]) -> None:
    """`demo-obs --list-scenarios`: each scenario in the reader's words, with how often it repeats."""
    from obs.simulator.scenarios import SCENARIOS

    for scenario in SCENARIOS.values():
        said = translate("Scenario", scenario.description)
        if (note := scenario.repeat_note()) is not None:
            repeats = translate("Scenario", note[0]).replace("%1", f"{note[1]:g}")
            said = translate("Scenario", "%1 (%2)").replace("%1", said).replace("%2", repeats)
        print(f"{scenario.name:18} {said}")


def cmd_demo_obs(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from console.i18n import system_language
    from obs.simulator.scenarios import SCENARIOS, run_scenario
    from obs.simulator.server import ObsSimulator

    # In the reader's language, as every other command (a Chinese team rehearses with it: README, Training).
    translate = QCoreApplication.translate
    _install_language(args.lang or system_language())
    if args.list_scenarios:
        _list_scenarios(translate)
        return 0
    if args.scenario not in SCENARIOS:
        text = translate("DemoObs", "unknown scenario “%1”; choose one of: %2 (see --list-scenarios)")
        print(
            "onair: " + text.replace("%1", args.scenario).replace("%2", joined(SCENARIOS, translate)), file=sys.stderr
        )
        return 2
    fps = _demo_fps(args.fps, translate)
    if fps is None:
        return 2
    password = _password(args, translate)
    if not password and not _is_loopback(args.host):
        text = translate(
            "DemoObs", "listening beyond this computer needs a password (--password-env VAR or --password-prompt)"
        )
        print(f"onair: {text}", file=sys.stderr)
        return 2

    import asyncio  # the demo OBS's own: ~10-35 ms more of every `onair` start that opens a real room

    from obs.simulator.room import Room, busy_room, live_commerce_room

    base = busy_room(args.audio_inputs) if args.audio_inputs else live_commerce_room

    def factory(now: float, seed: int | None) -> Room:
        room = base(now, seed)
        room.studio_off_first = args.studio_mode_off_first
        room.fps = fps
        return room

    async def main() -> None:
        sim = ObsSimulator(args.host, args.port, password=password, seed=args.seed, room_factory=factory)
        try:
            await sim.start()
        except OSError as exc:
            text = translate("DemoObs", "cannot listen on %1: %2").replace("%1", f"{args.host}:{args.port}")
            said_why = oswords.reason(exc, named=False).in_language(translate)
            raise SystemExit(f"onair: {text.replace('%2', said_why)}") from exc
        # The video it runs at said too: a room started with --fps 60 said nothing of it, and a team could not tell
        # from the line whether it rehearsed at their OBS's rate.
        said = (
            translate(
                "DemoObs",
                "OnAir demo OBS (obs-websocket 5.1.0 simulator) on %1 with a password; scenario: %2; video: %3 at "
                "%4 fps. Ctrl+C stops it.",
            )
            if password
            else translate(
                "DemoObs",
                "OnAir demo OBS (obs-websocket 5.1.0 simulator) on %1 without a password; scenario: %2; video: %3 "
                "at %4 fps. Ctrl+C stops it.",
            )
        )
        width, height = sim.room.base_size
        print(
            said.replace("%1", f"ws://{args.host}:{sim.port}")
            .replace("%2", args.scenario)
            .replace("%3", f"{width}×{height}")
            .replace("%4", _fps_words(sim.room.fps)),
            flush=True,
        )
        await run_scenario(sim, SCENARIOS[args.scenario])
        await asyncio.Event().wait()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print(translate("DemoObs", "stopped."))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    import faulthandler
    import gc

    # A crash in Qt's or a driver's native code (a signal, not an exception) leaves every thread's Python stack on
    # stderr: a console that vanished said nothing at all (session 14's walks, a catalogue rewritten under it).
    with contextlib.suppress(AttributeError, OSError, ValueError):  # a stderr with no file under it
        faulthandler.enable(all_threads=True)
    gc.disable()  # no collection passes over what the imports create (see console.app collector_paused)
    try:
        import console.qt_feature_hook  # noqa: F401  (before the console's modules: console/qt_feature_hook.py)
        from console.app import Options, run_gui
    finally:
        gc.enable()

    return run_gui(
        Options(
            room=args.room,
            url=args.url,
            password_env=args.gui_password_env,
            demo=args.demo,
            workspace=args.workspace,
            lang=args.lang,
            screenshot=args.screenshot,
            wait=args.wait,
        )
    )


def _install_language(language: str) -> None:
    """Qt's translator for terminal output (a QCoreApplication needs no display)."""
    from PySide6.QtCore import QCoreApplication

    from console.i18n import install_translator

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    install_translator(app, language)


#: QCoreApplication.translate's shape: (context, text) -> the text in the reader's language.
Translate = Callable[[str, str], str]


def _severity(severity: str, translate: Translate) -> str:
    """A finding's severity as a word of the reader's language (the Health dock's words), never "critical"."""
    words = {
        "info": translate("Health", "info"),
        "warning": translate("Health", "warning"),
        "critical": translate("Health", "critical"),
    }
    return words.get(severity, severity)


def _link_word(state: str, translate: Translate) -> str:
    words = {
        "disconnected": translate("Monitor", "disconnected"),
        "connecting": translate("Monitor", "connecting"),
        "connected": translate("Monitor", "connected"),
        "unresponsive": translate("Monitor", "OBS is not answering"),
        "reconnecting": translate("Monitor", "reconnecting"),
        "auth_failed": translate("Monitor", "wrong password"),
        "incompatible": translate("Monitor", "not a compatible obs-websocket"),
    }
    return words.get(state, state)


def _target(args: argparse.Namespace) -> tuple[str, int, str, str] | None:
    """(host, port, password, room name) from --room or --url; None, with the reason on stderr, if neither works."""
    try:
        return _resolve_target(args)
    except SystemExit as exc:
        print(exc.code, file=sys.stderr)
        return None


def _password_from_env(variable: str) -> str:
    """console.app.password_from_env, its refusal said as the command's own."""
    from console.app import password_from_env

    try:
        return password_from_env(variable)
    except ValueError as exc:
        raise SystemExit(f"onair: {exc}") from exc


def _room_store() -> Any:
    """The saved rooms (a RoomStore), each problem with rooms.json said on stderr: a file that cannot be read is set
    aside when read, so this is the one time it is said (the next run reads the good rooms, or none)."""
    from console.app import explain
    from console.core.rooms import RoomStore
    from console.settings import config_dir

    store = RoomStore(config_dir() / "rooms.json")
    for problem in store.load_problems:
        print(f"onair: {explain(problem)}", file=sys.stderr)
    return store


def _resolve_target(args: argparse.Namespace) -> tuple[str, int, str, str]:
    from PySide6.QtCore import QCoreApplication

    from console.app import parse_url, password_from_env
    from console.core.rooms import Secrets

    if args.room:
        room = _room_store().get(args.room)
        if room is None:
            raise SystemExit(
                "onair: " + QCoreApplication.translate("Cli", "there is no room called “%1”").replace("%1", args.room)
            )
        password = _password_from_env(args.password_env) if args.password_env else Secrets().get(room.name)
        logsafe.register_secret(password)
        return room.host, room.port, password, room.name
    try:
        host, port = parse_url(args.url)
        password = password_from_env(args.password_env) if args.password_env else ""
    except ValueError as exc:
        raise SystemExit(f"onair: {exc}") from exc
    logsafe.register_secret(password)
    return host, port, password, args.url


def _store_run(run: Any, language: str, url: str | None, translate: Translate) -> int | None:
    """Keep the run in the database like any other; if that fails, say so and carry on (the report stands)."""
    from console.core.storage import Storage, StorageError

    try:
        storage = Storage(url)
        try:
            storage.migrate()
            return storage.save_run(run, language, origin="cli")
        finally:
            storage.close()
    except StorageError as exc:
        print(
            "onair: " + translate("Check", "the run could not be stored: %1").replace("%1", _database_said(exc)),
            file=sys.stderr,
        )
        return None


def _checklist_names(args: argparse.Namespace) -> dict[str, str]:
    """What the --room's OBS calls the checklists' roles (its own names only); for an address, the demo room's."""
    from checklists.roles import DEFAULT_NAMES
    from console.core.rooms import RoomStore
    from console.settings import config_dir

    if not args.room:
        return dict(DEFAULT_NAMES)
    room = RoomStore(config_dir() / "rooms.json").get(args.room)  # read (and its problems said) by _target
    return room.names if room is not None else {}


def cmd_check(args: argparse.Namespace) -> int:
    import getpass
    import json
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    from checklists.context import SessionContext
    from checklists.engine import ChecklistRun, ItemStatus
    from checklists.loader import resolve
    from checklists.model import text_for
    from checklists.roles import ROLES, roles_of
    from console.core.session import Endpoint, RoomSession, SessionDriver
    from console.event_text import explain_failure
    from console.i18n import system_language

    translate = QCoreApplication.translate
    language = args.lang or system_language()
    _install_language(language)
    template, problems = resolve(args.checklist, [Path(f) for f in args.folder])
    if template is None:
        for problem in problems:
            print(f"onair: {problem.explain(translate)}", file=sys.stderr)
        return 2
    target = _target(args)
    if target is None:
        return 2
    host, port, password, room = target
    names = _checklist_names(args)
    # The room's session, as the console has it, without storing a show: checks read it from this thread.
    session = RoomSession(None, Endpoint(host, port, password), store=False, connect_timeout=args.timeout)
    session.meter_listeners = 1  # the level checks listen to the meters
    with SessionDriver(session) as driver:
        if not driver.wait_connected(args.timeout):
            status = driver.status
            reason = explain_failure(status.failure) if status.failure else status.state.value
            text = translate("Check", "cannot connect to OBS at %1: %2").replace("%1", f"{host}:{port}")
            print(f"onair: {text.replace('%2', reason)}", file=sys.stderr)
            return 2
        run = ChecklistRun(template, args.operator or getpass.getuser(), room)
        run.check(SessionContext(session), names=names)
    report = run.to_dict(language)
    report["run_id"] = _store_run(run, language, args.database, translate)
    for entry, item in zip(report["items"], template.items, strict=True):
        outcome = run.states[item.id].outcome
        entry["detail"] = outcome.explain(translate("Checks", outcome.template)) if outcome else ""
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))  # a measured field JSON lacks: its text
    else:
        marks = {ItemStatus.PASSED: "✓", ItemStatus.FAILED: "✗", ItemStatus.ERROR: "?", ItemStatus.NEEDS_PERSON: "·"}
        print(f"{text_for(template.title, language)} — {room}")
        for entry, item in zip(report["items"], template.items, strict=True):
            mark = marks.get(run.states[item.id].status, " ")
            optional = "" if item.required else translate("Check", " (optional)")
            detail = entry["detail"] or (translate("Check", "needs a person") if item.kind == "manual" else "")
            line = translate("Check", "%1: %2").replace("%1", f"{entry['title']}{optional}").replace("%2", detail)
            print(f"  {mark} {line}")
        named = {r for item in template.items for r in roles_of(item.params)}
        unnamed = [r for r in ROLES if r in named and not names.get(r)]
        if unnamed:
            roles = joined((translate("ChecklistRoles", ROLES[r].label) for r in unnamed), translate)
            print(
                translate(
                    "Check", "The room has not named these in its OBS yet: %1 (the console's Checklist dock: Choose…)."
                ).replace("%1", roles)
            )
        if run.ready:
            print(translate("Check", "READY"))
        else:
            count = len(run.blocking())
            verdict = (
                translate("Check", "NOT READY: %1 required item open")
                if count == 1
                else translate("Check", "NOT READY: %1 required items open")
            )
            print(verdict.replace("%1", str(count)))
    return 0 if run.sensed_ok else 1


def cmd_analyze_log(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    from console.i18n import system_language
    from obs.logfile import NotAnObsLog, analyze, log_folders, newest_log

    translate = QCoreApplication.translate
    _install_language(args.lang or system_language())
    path = Path(args.path) if args.path else newest_log()
    if path is None:
        folders = ", ".join(str(f) for f in log_folders())
        print(
            "onair: " + translate("LogCli", "no OBS log found in %1; give the file's path").replace("%1", folders),
            file=sys.stderr,
        )
        return 2
    try:
        report = analyze(path)
    except NotAnObsLog as exc:
        print(f"onair: {exc.in_language(translate, 'LogFindings')}", file=sys.stderr)
        return 2

    def explain(finding: Any) -> str:
        return str(finding.say(translate)[0])

    def remedy(finding: Any) -> str:
        return str(finding.say(translate)[1])

    if args.json:
        print(json.dumps(report.to_dict(explain, remedy), ensure_ascii=False, indent=2))
        return 0
    print(f"{report.file}\nOBS {report.obs_version} ({report.platform_name})")  # a zip's log: "logs.zip › 2026-….txt"
    for session in report.sessions:
        _print_log_session(session, translate)
    if not report.sessions:
        print(translate("LogCli", "No streaming or recording session in this log."))
    for finding in report.findings:
        _print_log_finding(finding, translate)
    return 0


def _print_log_finding(finding: Any, translate: Translate) -> None:
    """A finding of `onair analyze-log`: its words, what to do, and the log's own lines it rests on."""
    message, what_to_do = finding.say(translate)
    print(f"  [{_severity(finding.severity, translate)}] {message}")
    if what_to_do:
        print("      → " + what_to_do)
    for line in finding.details:  # as OBS wrote them
        print("      " + translate("LogCli", "log: %1").replace("%1", line))


def _print_log_session(session: Any, translate: Translate) -> None:
    """One streaming or recording session of `onair analyze-log`, and each of its runs if it reconnected."""
    from obs.logfile import KINDS

    def pct(value: float | None) -> str:
        return "?" if value is None else f"{value:.1f} %"

    print(
        translate("LogCli", "%1 %2–%3: render lag %4, encoding lag %5, network drops %6, reconnects %7")
        .replace("%1", translate("LogFindings", KINDS.get(session.kind, session.kind)))
        .replace("%2", session.started)
        .replace("%3", session.ended or "?")
        .replace("%4", pct(session.render_lag_pct))
        .replace("%5", pct(session.encode_lag_pct))
        .replace("%6", pct(session.network_drop_pct) if session.kind == "streaming" else "—")  # not unknown: none
        .replace("%7", str(session.reconnects))
    )
    covered = session.runs_in_figures
    if covered is not None:  # the log ends in a run whose figures it never wrote: the session's are the runs' before
        reported, total = covered
        text = (
            translate("LogCli", "render lag and network drops: run 1 of %2 only, the one the log reports in full")
            if reported == 1
            else translate(
                "LogCli", "render lag and network drops: runs 1–%1 of %2 only, the ones the log reports in full"
            )
        )
        print("    " + text.replace("%1", str(reported)).replace("%2", str(total)))
    unfinished = session.unfinished_run
    if len(session.segments) > 1 or unfinished is not None:  # a session that reconnected: each run's own figures
        for number, segment in enumerate(session.segments, 1):
            print(
                "    "
                + (
                    translate("LogCli", "run %1 until %2: 1 frame, render lag %4, network drops %5")
                    if segment.drawn == 1
                    else translate("LogCli", "run %1 until %2: %3 frames, render lag %4, network drops %5")
                )
                .replace("%1", str(number))
                .replace("%2", segment.ended)
                .replace("%3", "?" if segment.drawn is None else str(segment.drawn))
                .replace("%4", pct(segment.render_lag_pct))
                .replace("%5", pct(segment.network_drop_pct) if session.kind == "streaming" else "—")
                + (
                    (
                        translate("LogCli", "; then 1 reconnect attempt")
                        if segment.reconnect_attempts == 1
                        else translate("LogCli", "; then %1 reconnect attempts")
                    ).replace("%1", str(segment.reconnect_attempts))
                    if segment.reconnect_attempts
                    else ""
                )
            )
        if unfinished:
            text = translate("LogCli", "run %1 from %2: not known — the log ends while it ran")
            print("    " + text.replace("%1", str(len(session.segments) + 1)).replace("%2", unfinished))
        elif unfinished is not None:
            print("    " + translate("LogCli", "OBS was still reconnecting when the log ends"))


def _monitor_text(line: dict[str, Any], translate: Translate) -> str:
    """One human-readable line of `onair monitor` (without --json)."""

    def show(value: Any, unit: str = "") -> str:
        return "—" if value is None else f"{value:g}{unit}"

    findings = "".join(f"\n    [{_severity(f['severity'], translate)}] {f['message']}" for f in line["findings"])
    if not line["connected"]:
        text = translate("Monitor", "not connected to OBS (%1)").replace("%1", _link_word(line["link"], translate))
        return f"{line['t']}  {text}{findings}"
    state = translate("Monitor", "LIVE") if line["streaming"] else translate("Monitor", "off air")
    if line["reconnecting"]:
        state = translate("Monitor", "RECONNECTING")
    if line["streaming"] is None:  # OBS frozen or busy: whether it streams is not known, not "off air"
        state = translate("Monitor", "OBS NOT ANSWERING") if line["link"] == "unresponsive" else "—"
    dropped = line["dropped"]
    return (
        translate(
            "Monitor",
            "%1  %2  %3 kbit/s  %4/%5 fps  render %6 ms  CPU %7 (OBS %8)  dropped r/e/n %9  viewers %10  [%11]",
        )
        .replace("%10", show(line["viewers"]))
        .replace("%11", str(line["scene"] or ""))
        .replace("%1", line["t"])
        .replace("%2", state)
        .replace("%3", show(line["bitrate_kbps"]))
        .replace("%4", show(line["fps"]))
        .replace("%5", show(line["fps_target"]))
        .replace("%6", show(line["render_ms"]))
        .replace("%7", show(line["cpu_system_pct"], " %"))
        .replace("%8", show(line["cpu_obs_pct"], " %"))
        .replace("%9", "/".join(show(dropped[k], " %") for k in ("render", "encode", "network")))
    ) + findings


def _monitor_room(args: argparse.Namespace, translate: Translate) -> tuple[Any, tuple[str, ...]]:
    """The --room's audience source (None without one) and the mics to watch (--mic, else the room's)."""
    mics = tuple(args.mic or ())
    if not args.room:
        return None, mics
    from console.core.rooms import RoomStore, Secrets, audience_source
    from console.settings import config_dir

    room = RoomStore(config_dir() / "rooms.json").get(args.room)
    audience, problem = audience_source(room, Secrets())
    if problem is not None:
        text = translate("Monitor", "the room's audience source cannot run: %1").replace("%1", str(problem))
        print(f"onair: {text}", file=sys.stderr)
    return audience, mics or (room.microphones if room else ())


def _monitor_chat(args: argparse.Namespace) -> Any:
    """The --room's comment sources (None without a room or sources): comments per minute in every line."""
    if not args.room:
        return None
    from console.core.chat.room import room_chat
    from console.core.rooms import RoomStore, Secrets
    from console.settings import config_dir

    return room_chat(RoomStore(config_dir() / "rooms.json").get(args.room), Secrets())


def _monitor_alerts(args: argparse.Namespace, room: str, translate: Translate) -> Any:
    """The studio's alerts for the monitored room (#21): alerts.json's destinations hear its findings, sent on the
    router's own thread; None with --no-alerts or no destination. A wrong alerts.json is said once and the
    monitor runs on without alerts."""
    if args.no_alerts:
        return None
    from console.alerts_controller import said, team_translate
    from console.core.alerts import config as alert_config
    from console.core.alerts.rules import AlertRouter
    from console.core.rooms import Secrets
    from console.settings import config_dir

    try:
        config = alert_config.load(config_dir() / "alerts.json")
    except alert_config.AlertConfigError as exc:
        text = translate("Monitor", "alerts.json cannot be used, so no alerts are sent: %1")
        print("onair: " + text.replace("%1", said(exc).in_language(translate)), file=sys.stderr)
        return None
    if not config.for_room(room):
        return None
    return AlertRouter(config, alert_config.keyring_credentials(Secrets()), team_translate(config.language))


def _monitor_retention(args: argparse.Namespace) -> Any:
    """Comments older than the retention period are deleted at start and once a day, as the console does: the
    days from --retention-days, else the console's setting chat/retention_days (settings.ini)."""
    from console.core.storage import default_url
    from console.core.telemetry.monitor import CommentRetention

    days = args.retention_days
    if days is None:
        from console.settings import Settings

        days = int(Settings().get("chat/retention_days"))
    url = args.database
    if url is None and not os.environ.get("ONAIR_DATABASE_URL"):
        # The monitor stores nothing: where the console has not made its database yet there is nothing to delete,
        # and none is made just for that.
        url = default_url()
        if not os.path.exists(url.removeprefix("sqlite:///")):
            return None
    return CommentRetention(days, url)


def _monitor_lines(monitor: Any, args: argparse.Namespace, deadline: float | None, translate: Translate) -> None:
    """Print a line each --interval of the monitor's clock until the deadline (on that clock), or until OBS has
    turned the monitor away for good. The user's clock is the real one; a test's manual clock runs it in
    compressed time (`Monitor.pause` moves it)."""
    import math

    from console.core.telemetry.monitor import json_line

    clock = monitor.clock
    next_at = clock.now()
    while deadline is None or clock.now() < deadline:
        if monitor.gave_up and not monitor.ever_connected:
            break  # wrong password or not obs-websocket 5: waiting will not help
        _, line = monitor.sample(next_at)
        print(json_line(line) if args.json else _monitor_text(line, translate), flush=True)
        # A late line is not made up for with a burst of lines: the ticks that passed are skipped.
        next_at += args.interval * max(1, math.ceil((clock.now() - next_at) / args.interval))
        pause = next_at - clock.now()
        if deadline is not None:
            pause = min(pause, deadline - clock.now())
        if pause > 0:
            monitor.pause(pause)


def cmd_monitor(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from console.core.telemetry.monitor import Monitor
    from console.event_text import explain_failure
    from console.i18n import system_language
    from obs.clock import MONOTONIC

    translate = QCoreApplication.translate
    _install_language(args.lang or system_language())
    if args.interval < 0.2:
        print("onair: " + translate("Monitor", "--interval must be at least 0.2 s"), file=sys.stderr)
        return 2
    target = _target(args)
    if target is None:
        return 2
    host, port, password, _ = target
    audience, mics = _monitor_room(args, translate)
    chat = _monitor_chat(args)
    if args.retention_days is not None and args.retention_days < 0:
        print("onair: " + translate("Monitor", "--retention-days must be 0 (keep) or more"), file=sys.stderr)
        return 2
    retention = _monitor_retention(args)
    clock = getattr(args, "clock", None) or MONOTONIC  # main()'s: the real clock, or a test's manual one
    deadline = clock.now() + args.duration if args.duration else None
    watcher = Monitor(
        host,
        port,
        password,
        connect_timeout=args.timeout,
        audience=audience,
        mics=mics,
        chat=chat,
        retention=retention,
        clock=clock,
    )
    # The alerts hear the room from its first second (#21): set before the session starts.
    watcher.alerts_room = args.room or (f"[{host}]:{port}" if ":" in host else f"{host}:{port}")
    watcher.alerts = alerts = _monitor_alerts(args, watcher.alerts_room, translate)
    with watcher as monitor:
        monitor.explain = lambda text: translate("Health", text)
        monitor.session.wait_connected(min(args.timeout, args.duration or args.timeout))
        try:
            _monitor_lines(monitor, args, deadline, translate)
        except KeyboardInterrupt:
            pass
        except BrokenPipeError:  # `onair monitor | head`: the reader left
            return 0
        finally:
            if alerts is not None:  # what waits is posted for a few seconds at most; the sender's thread ends
                monitor.alerts = None
                alerts.close()
        if retention is not None and retention.problem:
            text = translate("Monitor", "old comments could not be deleted: %1").replace("%1", retention.problem)
            print(f"onair: {text}", file=sys.stderr)
        if not monitor.ever_connected:
            status = monitor.session.status
            reason = explain_failure(status.failure) if status.failure else status.state.value
            text = translate("Monitor", "never connected to OBS at %1: %2").replace("%1", f"{host}:{port}")
            print(f"onair: {text.replace('%2', reason)}", file=sys.stderr)
            return 2
    return 0


def _database_said(exc: BaseException) -> str:
    """A database failure by its cause in the reader's language (console/core/dbtrouble.py: refused, read-only, disk
    full …), else the driver's words; the driver's words go to the log (shown with -v), never a second line."""
    from PySide6.QtCore import QCoreApplication

    from console.core.dbtrouble import words

    told = words(exc)
    if isinstance(told, str):
        return told
    logging.getLogger(__name__).info("database trouble: %s", exc)
    return told.in_language(QCoreApplication.translate)


def _say_unreadable(exc: BaseException) -> None:
    """The review commands' one sentence for a database that cannot be used (exit status 1 follows)."""
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate("ShowsCli", "the database cannot be used: %1").replace("%1", _database_said(exc))
    print("onair: " + text, file=sys.stderr)


# ---- show review: `onair shows` and `onair show-meta` (issue 18)
def _date_arg(value: str | None, end_of_day: bool, translate: Translate) -> Any:
    """--from/--to: a local date (YYYY-MM-DD; --to includes that whole day) or a date and time (ISO 8601)."""
    from datetime import datetime, timedelta

    if value is None:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            day = datetime.strptime(text, "%Y-%m-%d").astimezone()
            return day + timedelta(days=1) if end_of_day else day
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise SystemExit(
            "onair: "
            + translate(
                "ShowsCli", "“%1” is not a date such as 2026-11-02, nor a date and time such as 2026-11-02T20:00"
            ).replace("%1", value)
        ) from None
    return moment if moment.tzinfo is not None else moment.astimezone()


def _cell_width(text: str) -> int:
    """Columns a terminal gives the text: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(_cell_width(row[n]) for row in [header, *rows]) for n in range(len(header))]

    def line(row: list[str]) -> str:
        cells = []
        for n, cell in enumerate(row):
            pad = " " * (widths[n] - _cell_width(cell))
            cells.append(pad + cell if n in right else cell + pad)
        return "  ".join(cells).rstrip()

    return [line(header), *(line(row) for row in rows)]


def _figure(value: float | None, digits: int = 0) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _storage_for(args: argparse.Namespace, translate: Translate) -> Any:
    from console.core.storage import Storage, StorageError

    try:
        storage = Storage(args.database)
        storage.migrate()
    except StorageError as exc:
        _say_unreadable(exc)
        return None
    return storage


def cmd_shows(args: argparse.Namespace) -> int:
    import json
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication

    from console.core.review.periods import leaves_demo_out
    from console.core.review.shows import (
        DEMO_ROOM,
        MetaError,
        ShowQuery,
        mark_on_air,
    )
    from console.core.storage import StorageError
    from console.i18n import system_language

    translate = QCoreApplication.translate
    _install_language(args.lang or system_language())
    try:
        query = ShowQuery(
            room=args.room,
            host=args.host,
            tag=args.tag,
            since=_date_arg(args.since, False, translate),
            until=_date_arg(args.until, True, translate),
            text=args.text,
            sort=args.sort,
            descending=not args.ascending,
            offset=args.offset,
            limit=args.limit,
            without_rooms=(DEMO_ROOM,) if leaves_demo_out(args.room, args.include_demo) else (),
        )
    except MetaError as exc:
        print("onair: " + exc.message.in_language(translate), file=sys.stderr)
        return 2
    except SystemExit as exc:
        print(exc.code, file=sys.stderr)
        return 2
    storage = _storage_for(args, translate)
    if storage is None:
        return 1
    try:
        page = storage.browse_shows(query)
        page = mark_on_air(storage, page)  # on air now by the newest stored second, as the Shows browser says it
        left_out = 0
        # The demo room's rehearsals: counted, to say how many are not listed (none could be for another room).
        if query.without_rooms and query.room is None:
            left_out = storage.browse_shows(replace(query, room=DEMO_ROOM, without_rooms=(), limit=1)).total
    except StorageError as exc:
        _say_unreadable(exc)
        return 1
    finally:
        storage.close()
    if page.not_refreshed:
        text = translate("ShowsCli", "the figures of shows not over yet may be behind: %1")
        print("onair: " + text.replace("%1", page.not_refreshed), file=sys.stderr)
    demo_note = translate(
        "ShowsCli", "Shows of the demo room left out (rehearsals on the simulator): %1. --include-demo lists them."
    ).replace("%1", str(left_out))
    if args.json:
        print(json.dumps([show.to_json() for show in page.shows], ensure_ascii=False, indent=2))
        if left_out:  # the list stays valid JSON: the note goes where a script does not parse
            print("onair: " + demo_note, file=sys.stderr)
        return 0
    _print_shows(page, query, demo_note if left_out else "", translate)
    return 0


def _print_shows(page: Any, query: Any, demo_note: str, translate: Translate) -> None:
    """`onair shows` as a table, its count, the marks it uses and the demo room's shows left out."""
    from console.core.reports import room_in
    from console.core.review.shows import COLUMN_WORDS, checklist_in, duration_text

    if not page.shows:
        print(translate("ShowsCli", "No show matches."))
        if demo_note:
            print(demo_note)
        return
    keys = ["id", "room", "title", "hosts", "start", "duration", "viewers_peak", "viewers_avg"]
    keys += ["likes_per_min", "interactions_per_min", "incidents", "checklist", "completeness"]
    header = [translate("Shows", COLUMN_WORDS[key]) for key in keys]
    rows = [
        [
            str(show.id),
            room_in(show.room, translate),
            show.title or "—",
            joined(show.hosts, translate) or "—",
            show.start.astimezone().strftime("%Y-%m-%d %H:%M"),
            duration_text(show.duration_s) + _now_mark(show),
            _figure(show.viewers_peak),
            _figure(show.viewers_avg),
            _figure(show.likes_per_min, 1),
            _figure(show.interactions_per_min, 1),
            f"{show.incidents} ({show.incidents_critical}/{show.incidents_warning}/{show.incidents_info})",
            checklist_in(show.checklist, translate),
            "—" if show.completeness is None else f"{show.completeness * 100:.0f} %",
        ]
        for show in page.shows
    ]
    for line in _table(header, rows, right={0, 5, 6, 7, 8, 9, 12}):
        print(line)
    shown = (
        translate("ShowsCli", "%1–%2 of %3 show; incidents: critical/warning/info")
        if page.total == 1
        else translate("ShowsCli", "%1–%2 of %3 shows; incidents: critical/warning/info")
    )
    print(
        shown.replace("%1", str(query.offset + 1))
        .replace("%2", str(query.offset + len(page.shows)))
        .replace("%3", str(page.total))
    )
    marks = {_now_mark(show) for show in page.shows} - {""}
    if marks:  # only the marks this page uses, each said
        print("; ".join(translate("ShowsCli", NOW_WORDS[mark]) for mark in NOW_MARKS if mark in marks))
    if demo_note:
        print(demo_note)


#: After a show's duration in `onair shows`: on air now, recording (not on air) now, stored now (a console watches
#: it, neither streaming nor recording), not over and nobody records it now; the Shows browser's words by one rule.
NOW_MARKS = (" ●", " ◉", " ○", " …")
NOW_WORDS = {
    " ●": QT_TRANSLATE_NOOP("ShowsCli", "● on air now"),
    " ◉": QT_TRANSLATE_NOOP("ShowsCli", "◉ recording now, not on air"),
    " ○": QT_TRANSLATE_NOOP("ShowsCli", "○ a console records its figures now, not on air"),
    " …": QT_TRANSLATE_NOOP(
        "ShowsCli",
        "… not over, nobody records it now (a restart of its room's console within 15 minutes continues it)",
    ),
}


def _now_mark(show: Any) -> str:
    if show.on_air_now:
        return " ●"
    if show.recording_now:
        return " ◉"
    if show.stored_now:
        return " ○"
    return " …" if show.live else ""


def cmd_show_meta(args: argparse.Namespace) -> int:
    import getpass
    import json

    from PySide6.QtCore import QCoreApplication

    from console.core.review.shows import MetaError, clean_meta
    from console.core.storage import StorageError
    from console.i18n import system_language

    translate = QCoreApplication.translate
    _install_language(args.lang or system_language())
    storage = _storage_for(args, translate)
    if storage is None:
        return 1
    try:
        meta = storage.show_meta(args.show)
        if meta is None:
            print(
                "onair: " + translate("ShowsCli", "there is no show %1").replace("%1", str(args.show)), file=sys.stderr
            )
            return 2
        edits = [args.title, args.host, args.assistant, args.tag, args.notes]
        if any(value is not None for value in edits):
            meta = storage.set_show_meta(
                args.show,
                clean_meta(
                    meta.title if args.title is None else args.title,
                    meta.hosts if args.host is None else args.host,
                    meta.assistant if args.assistant is None else args.assistant,
                    meta.tags if args.tag is None else args.tag,
                    meta.notes if args.notes is None else args.notes,
                ),
                by=args.by or getpass.getuser(),
            )
    except MetaError as exc:
        print("onair: " + exc.message.in_language(translate), file=sys.stderr)
        return 2
    except StorageError as exc:
        _say_unreadable(exc)
        return 1
    finally:
        storage.close()
    shown = {
        "id": args.show,
        "title": meta.title,
        "hosts": list(meta.hosts),
        "assistant": meta.assistant,
        "tags": list(meta.tags),
        "notes": meta.notes,
        "edited_by": meta.edited_by or None,
        "edited_at": meta.edited_at.isoformat() if meta.edited_at else None,
    }
    if args.json:
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return 0
    words = {
        "title": translate("Shows", "Title"),
        "hosts": translate("Shows", "Hosts"),
        "assistant": translate("ShowsCli", "Assistant"),
        "tags": translate("ShowsCli", "Tags"),
        "notes": translate("ShowsCli", "Notes"),
        "edited_by": translate("ShowsCli", "Last edited by"),
        "edited_at": translate("ShowsCli", "Last edited at"),
    }
    if meta.edited_at is not None:
        shown["edited_at"] = meta.edited_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    for key, word in words.items():
        value = shown[key]
        print(f"{word}: {', '.join(value) if isinstance(value, list) else (value or '—')}")
    return 0


# ---- end of show review commands


def cmd_import_audience(args: argparse.Namespace) -> int:
    """`onair import-audience`: a platform's per-minute export stored with a show (exit 2 when refused)."""
    from PySide6.QtCore import QCoreApplication

    from console.core.review.platform import ImportRefused
    from console.core.review.platform_import import import_platform_file
    from console.core.storage import Storage, StorageError
    from console.i18n import system_language

    translate = QCoreApplication.translate
    _install_language(args.lang or system_language())
    mapping: dict[str, str] = {}
    for item in args.column:
        header, equals, target = item.rpartition("=")
        if not equals or not header.strip() or not target.strip():
            text = translate("ImportCli", "--column takes HEADER=FIELD, e.g. --column '新增粉丝=ignore'; got “%1”")
            print("onair: " + text.replace("%1", item), file=sys.stderr)
            return 2
        mapping[header.strip()] = target.strip()
    try:
        storage = Storage(args.database)
        try:
            storage.migrate()
            report = import_platform_file(storage, args.show, args.file, mapping, args.platform, args.by)
        finally:
            storage.close()
    except ImportRefused as exc:
        print("onair: " + exc.message.in_language(translate), file=sys.stderr)
        return 2
    except StorageError as exc:
        text = translate("ImportCli", "nothing was imported: %1").replace("%1", _database_said(exc))
        print("onair: " + text, file=sys.stderr)
        return 1
    for line in report.lines(translate):
        print(line)
    return 0


# ---- show review: `onair report` (issue 18, review-xlsx) — a show or a period as text, JSON, XLSX, CSV or PDF
class _Refused(Exception):
    """`onair report` cannot do what was asked (exit status 2); the text says why in the reader's language."""


def _report_selector(args: argparse.Namespace, translate: Translate) -> str:
    """Which report: "show" (--show ID or --last --room NAME) or "period" (--from DATE --to DATE)."""
    dated = args.since is not None or args.until is not None
    if args.show is not None and (args.last or dated):
        raise _Refused(translate("ReportCli", "--show cannot be combined with --last or --from/--to"))
    if args.last and dated:
        raise _Refused(translate("ReportCli", "--last cannot be combined with --from/--to"))
    if args.last and not args.room:
        raise _Refused(translate("ReportCli", "--last needs --room NAME: the newest show of which room?"))
    if dated and (args.since is None or args.until is None):
        raise _Refused(translate("ReportCli", "a period needs both --from DATE and --to DATE"))
    if args.show is None and not args.last and not dated:
        raise _Refused(
            translate("ReportCli", "say which report: --show ID, --last --room NAME, or --from DATE --to DATE")
        )
    if not dated and (args.period or args.per):
        raise _Refused(translate("ReportCli", "--period and --per are for a period (--from DATE --to DATE)"))
    if args.host and not dated:
        raise _Refused(translate("ReportCli", "--host is for a period (--from DATE --to DATE)"))
    return "period" if dated else "show"


def _report_start(args: argparse.Namespace, translate: Translate) -> tuple[str, Any]:
    """The report's kind and, for --pdf, console.review_pdf (Qt): imported only then, its QGuiApplication made
    before the translator's application (a PDF needs one to paint text). _Refused says why it cannot be."""
    import importlib

    from console.i18n import system_language

    pdf: Any = None
    missing = ""
    if args.pdf:
        try:
            pdf = importlib.import_module("console.review_pdf")
            pdf.gui_application()
        except ImportError as exc:
            pdf, missing = None, str(exc)
    _install_language(args.lang or system_language())
    kind = _report_selector(args, translate)
    if args.pdf and pdf is None:
        raise _Refused(
            translate("ReportCli", "PDF export is not available in this installation: %1").replace("%1", missing)
        )
    return kind, pdf


def _report_files(args: argparse.Namespace, subject: Any, period: bool, pdf: Any, translate: Translate) -> list[str]:
    """Write the files asked for; returns their paths. _Refused (naming the file and why) when one cannot be."""
    from console.core.review import export
    from console.i18n import system_language

    language = args.lang or system_language()
    written: list[str] = []
    try:
        if args.xlsx:
            if period:
                export.write_period_xlsx(subject, args.xlsx, translate)
            else:
                export.write_show_xlsx(subject, args.xlsx, translate, language)
            written.append(args.xlsx)
        if args.csv:
            write_csv = export.write_period_csv if period else export.write_show_csv
            write_csv(subject, args.csv, translate, raw=args.raw)
            written.append(args.csv)
    except export.ExportError as exc:
        raise _Refused(exc.message.in_language(translate)) from exc
    if args.pdf:
        failure = getattr(pdf, "PdfExportError", OSError)
        try:
            (pdf.write_period_pdf if period else pdf.write_show_pdf)(subject, args.pdf, translate)
        except failure as exc:
            message = getattr(exc, "message", None)
            raise _Refused(message.in_language(translate) if message is not None else str(exc)) from exc
        written.append(args.pdf)
    return written


def _show_report(storage: Any, args: argparse.Namespace, translate: Translate) -> Any:
    """The bundle of --show ID or of the newest show of --room."""
    from console.core.review.bundle import bundle_show
    from console.core.review.load import ShowNotFound
    from console.core.review.shows import ShowQuery

    show_id = args.show
    if args.last:
        page = storage.browse_shows(ShowQuery(room=args.room, sort="start", descending=True, limit=1))
        if not page.shows:
            raise _Refused(translate("ReportCli", "the room “%1” has no stored show").replace("%1", args.room))
        show_id = page.shows[0].id
    try:
        return bundle_show(storage, show_id)
    except ShowNotFound as exc:
        raise _Refused(translate("ReportCli", "there is no show %1").replace("%1", str(show_id))) from exc


def _period_report(storage: Any, args: argparse.Namespace, translate: Translate) -> Any:
    from datetime import timedelta

    from console.core.review.periods import Per, Unit, demo_shows, leaves_demo_out, load_figures, period_report

    since = _date_arg(args.since, False, translate)
    until = _date_arg(args.until, True, translate)
    if until <= since:
        raise _Refused(translate("ReportCli", "--to is before --from"))
    # The demo room's shows are rehearsals on the simulator: a team's report leaves them out unless asked.
    leave_out = leaves_demo_out(args.room, args.include_demo)
    figures = load_figures(storage, since, until, room=args.room, host=args.host, include_demo=not leave_out)
    left_out = demo_shows(storage, since, until, args.room, args.host) if leave_out else 0
    if not figures:
        text = translate("ReportCli", "no stored show started in that range (with those filters)")
        if left_out:
            text += (
                translate("ReportCli", "; %1 show of the demo room was left out (--include-demo reports it)")
                if left_out == 1
                else translate("ReportCli", "; %1 shows of the demo room were left out (--include-demo reports them)")
            ).replace("%1", str(left_out))
        raise _Refused(text)
    days = (until - since).days
    unit = Unit(args.period) if args.period else Unit.DAY if days <= 14 else Unit.WEEK if days <= 92 else Unit.MONTH
    per = Per(args.per) if args.per else Per.HOST if args.host else Per.ROOM
    first = since.astimezone().date()
    last = (until - timedelta(seconds=1)).astimezone().date() + timedelta(days=1)
    return period_report(figures, unit, per, first, last, room=args.room, host=args.host, demo_left_out=left_out)


def _show_text(bundle: Any, translate: Translate) -> list[str]:
    """`onair report --show`: the summary, verdict, checklist, segments and incidents for a terminal."""
    from datetime import datetime

    from console.core.reports import room_in
    from console.core.review.impact import CAVEAT
    from console.core.review.shows import checklist_in, duration_text
    from console.core.review.timeline import on_air_text

    data, figures, meta = bundle.data, bundle.figures, bundle.meta
    start, end = datetime.fromtimestamp(data.start), datetime.fromtimestamp(data.end)
    completeness = bundle.summary.completeness if bundle.summary is not None else None
    drops = " / ".join(_figure(figures.drop_pct.get(stage), 2) for stage in ("render", "encode", "network"))
    ranks = [episode.rank for episode in data.episodes]
    lines = [
        translate("ReportCli", "Show %1 — %2 — %3")
        .replace("%1", str(bundle.show_id))
        .replace("%2", room_in(bundle.room, translate))
        .replace("%3", meta.title or "—"),
        translate("ReportCli", "Hosts: %1; assistant: %2; tags: %3")
        .replace("%1", joined(meta.hosts, translate) or "—")
        .replace("%2", meta.assistant or "—")
        .replace("%3", joined(meta.tags, translate) or "—"),
        translate("ReportCli", "%1 – %2 (%3), on air %4, seconds with data %5")
        .replace("%1", start.strftime("%Y-%m-%d %H:%M"))
        .replace("%2", end.strftime("%Y-%m-%d %H:%M"))
        .replace("%3", duration_text(data.duration_s))
        .replace("%4", on_air_text(figures.on_air_s, figures.on_air_unseen_s, translate))
        .replace("%5", "—" if completeness is None else f"{completeness:.0%}"),
        translate("ReportCli", "Viewers: peak %1, average %2; likes/min %3; interactions/min %4")
        .replace("%1", _figure(figures.viewers_peak))
        .replace("%2", _figure(figures.viewers_avg))
        .replace("%3", _figure(figures.likes_per_min, 1))
        .replace("%4", _figure(figures.interactions_per_min, 1)),
        translate(
            "ReportCli", "Incidents: %1 (critical %2, warning %3, info %4); dropped frames render/encode/network %5 %"
        )
        .replace("%1", str(len(ranks)))
        .replace("%2", str(ranks.count(3)))
        .replace("%3", str(ranks.count(2)))
        .replace("%4", str(ranks.count(1)))
        .replace("%5", drops),
        translate("ReportCli", "Verdict: %1").replace("%1", bundle.impact.message.in_language(translate)),
        "  " + CAVEAT.in_language(translate),
    ]
    outcome = bundle.checklist
    checklist = checklist_in(outcome.outcome, translate)
    if outcome.override_by:
        checklist += translate("ReportCli", " (by %1: “%2”)").replace("%1", outcome.override_by)
        checklist = checklist.replace("%2", outcome.override_reason or "")
    completed = outcome.completed_before()
    if completed is not None:
        checklist += translate("ReportCli", " (%1)").replace("%1", completed.in_language(translate))
    lines.append(translate("ReportCli", "Pre-show checklist at go-live: %1").replace("%1", checklist))
    from console.core.review.by_rundown import rundown_table

    table = rundown_table(bundle)
    if table is not None:  # a show run from its rundown: by rundown (planned vs actual), then by scene, as the XLSX
        lines.append(translate("ReportCli", "Segments by rundown:"))
        lines += _rundown_lines(table, translate)
        lines.append(translate("ReportCli", "Segments by scene:"))
        lines += _segment_lines(bundle.segments, translate)
    elif bundle.segments:
        lines.append(translate("ReportCli", "Segments:"))
        lines += _segment_lines(bundle.segments, translate)
    lines += _audience_lines(bundle, translate)
    if bundle.impact.impacts:
        lines.append(translate("ReportCli", "Incidents and what they cost:"))
        lines += ["  " + impact.message.in_language(translate) for impact in bundle.impact.impacts]
    return lines


def _audience_lines(bundle: Any, translate: Translate) -> list[str]:
    """The audience's side for a terminal, from the figures the XLSX and PDF summaries say
    (console/core/review/audience.py): comments, the busiest minute, the viewers' questions (as the Questions dock
    showed them, with how many viewers asked) and the lotteries
    (their standing winners). "not known", never 0, where no chat source read the room."""
    from console.core.review.audience import audience_of
    from console.core.review.shows import duration_text

    audience = audience_of(bundle)
    unknown = translate("ReportCli", "not known")

    def figure(value: float | None) -> str:
        return unknown if value is None else f"{value:,.0f}"

    def entries(count: int | None) -> str:
        """ "1 entry", "2 entries" (a figure not known reads as many: "not known entries" would not do either)."""
        words = translate("ReportCli", "%1 entry") if count == 1 else translate("ReportCli", "%1 entries")
        return words.replace("%1", figure(count))

    def winners(count: int | None) -> str:
        words = translate("ReportCli", "%1 winner") if count == 1 else translate("ReportCli", "%1 winners")
        return words.replace("%1", figure(count))

    wait = audience.median_wait_s
    lines = [translate("ReportCli", "Audience:")]
    if not audience.chat_read:
        lines.append(
            "  "
            + translate(
                "ReportCli", "No chat source read the room during this show: its comments and questions are not known."
            )
        )
    lines += [
        "  "
        + translate(
            "ReportCli", "Comments (paid messages included): %1; in the busiest minute, comments: %2, chatters: %3"
        )
        .replace("%1", figure(audience.comments))
        .replace("%2", figure(audience.peak_comments_per_min))
        .replace("%3", figure(audience.peak_chatters_per_min)),
        "  "
        + translate(
            "ReportCli",
            "Questions: %1 (viewers who asked: %2); answered: %3, dismissed: %4, never answered: %5; "
            "median wait for an answer: %6",
        )
        .replace("%1", figure(audience.questions))
        .replace("%2", figure(audience.askers))
        .replace("%3", figure(audience.answered))
        .replace("%4", figure(audience.dismissed))
        .replace("%5", figure(audience.waiting))
        .replace("%6", unknown if wait is None else duration_text(wait)),
        "  "
        + translate("ReportCli", "Lotteries: %1 run (%2 drawn), %3, %4")
        .replace("%1", figure(len(audience.lotteries)))
        .replace("%2", figure(len(audience.drawn)))
        .replace("%3", entries(audience.lottery_entries))
        .replace("%4", winners(audience.lottery_winners)),
    ]
    return lines


def _audience_json(bundle: Any) -> dict[str, Any]:
    """The audience's figures for scripts (the same as the text's); null where not known."""
    from console.core.review.audience import audience_of

    audience = audience_of(bundle)
    return {
        "chat_read": audience.chat_read,
        "comments": audience.comments,
        "peak_comments_per_min": audience.peak_comments_per_min,
        "peak_chatters_per_min": audience.peak_chatters_per_min,
        "questions": audience.questions,
        "askers": audience.askers,
        "answered": audience.answered,
        "dismissed": audience.dismissed,
        "never_answered": audience.waiting,
        "median_wait_s": audience.median_wait_s,
        "lotteries": len(audience.lotteries),
        "lotteries_drawn": len(audience.drawn),
        "lottery_entries": audience.lottery_entries,
        "lottery_winners": audience.lottery_winners,
    }


def _rundown_lines(table: Any, translate: Translate) -> list[str]:
    """A show's segments by rundown for a terminal (console/core/review/by_rundown.py): every take and every segment
    skipped, in the order the show met them, each with its planned length and how far it ran over (+) or under (−)
    it; then the totals and what they count."""
    from datetime import datetime

    from console.core.review.by_rundown import SKIPPED
    from console.core.review.shows import duration_text, segment_duration_text, signed_duration
    from console.core.rundown.live import planned_cell

    header = [
        translate("ReportCli", "Segment"),
        translate("ReportCli", "Start"),
        translate("ReportCli", "Duration"),
        translate("ReportCli", "Planned"),
        translate("ReportCli", "vs plan"),
        translate("ReportCli", "Avg viewers"),
        translate("ReportCli", "Peak"),
        translate("ReportCli", "Change"),
        translate("ReportCli", "Likes/min"),
        translate("ReportCli", "Incidents"),
    ]
    rows = []
    for line in table.rows:
        over = "—" if line.over_s is None else signed_duration(line.over_s)
        planned = duration_text(line.planned_s) if line.span is None else planned_cell(line.span, duration_text)
        cells = [line.label, datetime.fromtimestamp(line.start).strftime("%H:%M:%S")]
        if line.row is None:
            cells += [translate("RundownReview", SKIPPED), planned or "—", over, "", "", "", "", ""]
        else:
            row, change = line.row, line.row.viewers_change
            cells += [
                segment_duration_text(row.duration_s),
                planned or "—",
                over,
                _figure(row.viewers_avg),
                _figure(row.viewers_peak),
                "—" if change is None else f"{change:+,.0f}",
                _figure(row.likes_per_min, 1),
                "—" if row.incident_count is None else str(row.incident_count),
            ]
        rows.append(cells)
    totals = table.totals
    rows.append(
        [
            totals.label.in_language(translate),
            "",
            duration_text(totals.actual_s),
            duration_text(totals.planned_s),
            signed_duration(totals.over_s),
            *[""] * 5,
        ]
    )
    out = ["  " + line for line in _table(header, rows, right=set(range(2, len(header))))]
    return out + ["  " + note.in_language(translate) for note in totals.notes]


def _segment_lines(segments: Any, translate: Translate) -> list[str]:
    """A show's segments (by scene) as a table for a terminal."""
    from datetime import datetime

    from console.core.review.shows import segment_duration_text
    from obs.text import Message

    header = [translate("ReportCli", "Segment"), translate("ReportCli", "Start"), translate("ReportCli", "Duration")]
    header += [
        translate("ReportCli", "Avg viewers"),
        translate("ReportCli", "Peak"),
        translate("ReportCli", "Change"),
        translate("ReportCli", "Likes/min"),
        translate("ReportCli", "Incidents"),
    ]
    rows = []
    for row in segments:
        label = row.segment.label
        change = row.viewers_change
        cells = [
            label.in_language(translate) if isinstance(label, Message) else label,
            datetime.fromtimestamp(row.segment.start).strftime("%H:%M:%S"),
            segment_duration_text(row.duration_s),
        ]
        cells += [
            _figure(row.viewers_avg),
            _figure(row.viewers_peak),
            "—" if change is None else f"{change:+,.0f}",
            _figure(row.likes_per_min, 1),
            "—" if row.incident_count is None else str(row.incident_count),
        ]
        rows.append(cells)
    return ["  " + line for line in _table(header, rows, right=set(range(2, len(header))))]


def _show_json(bundle: Any, translate: Translate) -> dict[str, Any]:
    from datetime import UTC, datetime

    def stamp(t: float) -> str:
        return datetime.fromtimestamp(t, UTC).isoformat()

    def iso(moment: datetime | None) -> str | None:
        return moment.astimezone(UTC).isoformat() if moment is not None else None

    figures = bundle.figures
    summary = bundle.summary.to_json() if bundle.summary is not None else None
    return {
        "id": bundle.show_id,
        "room": bundle.room,
        "title": bundle.meta.title,
        "hosts": list(bundle.meta.hosts),
        "assistant": bundle.meta.assistant,
        "tags": list(bundle.meta.tags),
        "start": stamp(bundle.data.start),
        "end": stamp(bundle.data.end),
        "duration_s": bundle.data.duration_s,
        "on_air_s": figures.on_air_s,
        "completeness": summary["completeness"] if summary else None,
        "viewers_peak": figures.viewers_peak,
        "viewers_avg": figures.viewers_avg,
        "likes_per_min": figures.likes_per_min,
        "interactions_per_min": figures.interactions_per_min,
        "dropped_frames_pct": dict(figures.drop_pct),
        "viewer_minutes_lost": bundle.impact.viewer_minutes,
        "audience": _audience_json(bundle),
        "verdict": bundle.impact.message.in_language(translate),
        "checklist": bundle.checklist.outcome.value,
        "checklist_override_by": bundle.checklist.override_by,
        "checklist_override_reason": bundle.checklist.override_reason,
        # A run completed by a person before the stream started (null: kept at go-live, or none).
        "checklist_completed_by": bundle.checklist.completed_by,
        "checklist_completed_at": iso(bundle.checklist.completed_at),
        "checklist_went_live_at": iso(bundle.checklist.went_live_at),
        "segments": [
            {
                "label": row.segment.label
                if isinstance(row.segment.label, str)
                else row.segment.label.in_language(translate),
                "start": stamp(row.segment.start),
                "end": stamp(row.segment.end),
                "duration_s": row.duration_s,
                "viewers_avg": row.viewers_avg,
                "viewers_peak": row.viewers_peak,
                "viewers_change": row.viewers_change,
                "likes_per_min": row.likes_per_min,
                "interactions_per_min": row.interactions_per_min,
                "incidents": row.incident_count,
                "gmv": row.extras.get("gmv"),
                "gpm": row.gpm,
            }
            for row in bundle.segments
        ],
        "incidents": [
            {
                "finding": impact.episode.finding,
                "category": impact.episode.category,
                "severity": impact.episode.peak,
                "start": stamp(impact.episode.start),
                "end": stamp(impact.episode.end),
                "impact": impact.status.value,
                "baseline": impact.baseline,
                "trough_pct": impact.trough_pct,
                "recovered_after_s": impact.recovered_after_s,
                "viewer_minutes_lost": impact.shortfall_viewer_min,
                "text": impact.message.in_language(translate),
            }
            for impact in bundle.impact.impacts
        ],
    }


def _period_text(report: Any, translate: Translate) -> list[str]:
    from console.core.review.periods import UNIT_WORDS, Per, name_in
    from console.core.review.shows import duration_text
    from console.core.review.timeline import on_air_text

    per = translate("ReportCli", "Room") if report.per is Per.ROOM else translate("ReportCli", "Host")
    header = [
        translate("ReportCli", "Period"),
        per,
        translate("ReportCli", "Shows"),
        translate("ReportCli", "Duration"),
        translate("ReportCli", "On air"),
        translate("ReportCli", "Avg viewers"),
        translate("ReportCli", "Change"),
        translate("ReportCli", "Likes/min"),
        translate("ReportCli", "Interactions/min"),
        translate("ReportCli", "On time"),
        translate("ReportCli", "Incidents/h on air"),
        translate("ReportCli", "Dropped % r/e/n"),
        translate("ReportCli", "Overridden"),
    ]
    rows = []
    for row in report.rows:
        change = row.viewers_avg_change_pct
        rows.append(
            [
                row.label,
                name_in(row, translate),
                str(row.shows),
                duration_text(row.duration_s),
                on_air_text(row.on_air_seconds, row.on_air_unseen_seconds or 0.0, translate),
                _figure(row.viewers_avg),
                "—" if change is None else f"{change:+.1f} %",
                _figure(row.likes_per_min, 1),
                _figure(row.interactions_per_min, 1),
                "—" if row.on_time is None else f"{row.on_time}/{row.on_time_known}",
                _figure(row.incidents_per_hour, 2),
                "/".join(_figure(row.drop_pct.get(stage), 2) for stage in ("render", "encode", "network")),
                str(row.overrides),
            ]
        )
    title = (
        translate("ReportCli", "Report by %1, %2 to %3")
        .replace("%1", translate("ReviewReport", UNIT_WORDS[report.unit]))
        .replace("%2", report.since.isoformat())
        .replace("%3", _last_day(report))
    )
    notes = translate(
        "ReportCli",
        "— not known. On time: shows on air within 2 min of their planned start, of those with one (a rundown with "
        "a fixed start). On air includes what the console did not see while the stream ran on, said beside it.",
    )
    lines = [title, *_table(header, rows, right={2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}), notes]
    if report.demo_left_out:
        lines.append(demo_left_out_text(report.demo_left_out, translate))
    return lines


def demo_left_out_text(count: int, translate: Translate) -> str:
    """What a period report says of the demo room's shows it left out (rehearsals on the simulator)."""
    return (
        translate(
            "ReportCli", "Left out: %1 show of the demo room (a rehearsal on the simulator); --include-demo counts it."
        )
        if count == 1
        else translate(
            "ReportCli",
            "Left out: %1 shows of the demo room (rehearsals on the simulator); --include-demo counts them.",
        )
    ).replace("%1", str(count))


def _last_day(report: Any) -> str:
    from datetime import timedelta

    return str((report.until - timedelta(days=1)).isoformat())


def _report_subject(storage: Any, args: argparse.Namespace, kind: str, translate: Translate) -> Any:
    if kind == "period":
        return _period_report(storage, args, translate)
    return _show_report(storage, args, translate)


def cmd_report(args: argparse.Namespace) -> int:
    """`onair report`: a show (--show, --last --room) or a period (--from --to) as text, JSON and files."""
    import json

    from PySide6.QtCore import QCoreApplication

    from console.core.review.shows import MetaError
    from console.core.storage import StorageError

    translate = QCoreApplication.translate
    try:
        kind, pdf = _report_start(args, translate)
    except _Refused as exc:
        print(f"onair: {exc}", file=sys.stderr)
        return 2
    storage = _storage_for(args, translate)
    if storage is None:
        return 1
    try:
        subject = _report_subject(storage, args, kind, translate)
        written = _report_files(args, subject, kind == "period", pdf, translate)
    except (_Refused, SystemExit) as exc:  # SystemExit: a --from/--to that is not a date, said by _date_arg
        print(exc.code if isinstance(exc, SystemExit) else f"onair: {exc}", file=sys.stderr)
        return 2
    except MetaError as exc:
        print("onair: " + exc.message.in_language(translate), file=sys.stderr)
        return 2
    except StorageError as exc:
        _say_unreadable(exc)
        return 1
    finally:
        storage.close()
    if args.json:
        shown = subject.to_json() if kind == "period" else _show_json(subject, translate)
        shown["files"] = written
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return 0
    for line in _period_text(subject, translate) if kind == "period" else _show_text(subject, translate):
        print(line)
    for path in written:
        print(translate("ReportCli", "Written: %1").replace("%1", path))
    return 0


# ---- end of `onair report`


# ---- rundown (issue 19): `onair rundown import` and `onair rundown export`
def _rundown_scenes(
    room: str, timeout: float, password_env: str | None, translate: Translate
) -> tuple[list[str] | None, str]:
    """The scenes of the room's OBS (None when they could not be read) and a sentence saying how they were
    checked. The demo room's are the simulator's; a saved room's OBS is asked, waiting at most `timeout`."""
    from console.core.rooms import Secrets, SecretsUnavailable
    from console.event_text import explain_failure
    from obs.client import ObsClient
    from obs.errors import ConnectError, ObsError

    if room == "demo":
        from obs.simulator.room import live_commerce_room

        return [scene.name for scene in live_commerce_room(0.0).scenes], translate(
            "RundownCli", "Scenes checked against the demo room's."
        )
    saved = _room_store().get(room)
    if saved is None:
        raise _Refused(translate("Cli", "there is no room called “%1”").replace("%1", room))
    try:
        password = os.environ.get(password_env, "") if password_env else Secrets().get(saved.name)
    except SecretsUnavailable:
        password = ""
    logsafe.register_secret(password)
    where = f"{saved.host}:{saved.port}"
    client = ObsClient(saved.host, saved.port, password, connect_timeout=timeout, request_timeout=timeout)
    try:
        client.connect()
        scenes = [str(scene.get("sceneName")) for scene in client.request("GetSceneList").get("scenes", [])]
    except ConnectError as exc:
        why = explain_failure(exc.failure)
    except OSError as exc:
        why = oswords.reason(exc, where).in_language(translate)
    except ObsError as exc:
        why = str(exc)
    else:
        return scenes, translate("RundownCli", "Scenes checked against the room's OBS (%1).").replace("%1", where)
    finally:
        client.close()
    # The reason says what happened (nothing listening, a timeout of `timeout` s, a refused password) in its own
    # sentence: not every failure is a silence, and it carries its own full stop.
    text = translate("RundownCli", "The scenes were NOT checked against the room's OBS (%1): %2")
    why = why.strip()
    if why and not why.endswith((".", "。", "!", "！", "?", "？")):
        why += translate("RundownCli", ".")
    return None, text.replace("%1", where).replace("%2", why)


def cmd_rundown_import(args: argparse.Namespace) -> int:
    """`onair rundown import FILE --room NAME`: the room's rundown replaced by the file's (exit 2 when refused)."""
    from PySide6.QtCore import QCoreApplication

    from console.core.rundown.import_report import import_lines
    from console.core.rundown.rules import RundownError
    from console.core.rundown.sheet import RundownFileError, read_sheet
    from console.core.storage import Storage, StorageError
    from console.i18n import system_language

    translate = QCoreApplication.translate
    _install_language(args.lang or system_language())
    by = args.by or getpass.getuser()
    stamped: Any = None
    try:
        scenes, checked = _rundown_scenes(args.room, args.timeout, args.password_env, translate)
        read = read_sheet(args.file, args.room, scenes)
        storage = Storage(args.database)
        try:
            storage.migrate()
            earlier = storage.rundown(args.room)
            # Under the identities of the plan it replaces, so a console running the room's show keeps track.
            saved = storage.save_rundown(read.rundown.keeping_keys_of(earlier), by)
            try:
                stamped = _stamp_length_on_air(storage, saved, by)
            except StorageError as exc:
                stamped = exc
        finally:
            storage.close()
    except _Refused as exc:
        print(f"onair: {exc}", file=sys.stderr)
        return 2
    except (RundownFileError, RundownError) as exc:
        problems = exc.shown() if isinstance(exc, RundownFileError) else exc.problems
        for problem in problems:
            print("onair: " + problem.in_language(translate), file=sys.stderr)
        print(
            "onair: " + translate("RundownCli", "Nothing was imported: the room's rundown is unchanged."),
            file=sys.stderr,
        )
        return 2
    except StorageError as exc:
        text = translate("RundownCli", "nothing was imported: %1").replace("%1", _database_said(exc))
        print("onair: " + text, file=sys.stderr)
        return 1
    for line in import_lines(read, saved, earlier, checked, translate):
        print(line)
    if isinstance(stamped, StorageError):
        # The plan is saved (a running console shows it); only the record of the change on air is missing.
        text = translate(
            "RundownCli",
            "the rundown was imported, but the new length of the segment on air could not be stamped on the "
            "room's show, so its review will not say it was changed: %1",
        )
        print("onair: " + text.replace("%1", _database_said(stamped)), file=sys.stderr)
        return 1
    if stamped is not None:
        mark, held, named = stamped
        print(_length_stamped_line(mark, held, named, translate))
    return 0


def _stamp_length_on_air(storage: Any, saved: Any, by: str) -> tuple[Any, int | None, str] | None:
    """A plan imported while the room's show runs its rundown gives the segment on air another length: the change
    is stamped on the show as a console's own edit stamps it (a LENGTH mark: to what, when, by whom), so the
    review says the length at Go and the one it ran to, and a console running the show says it in its event log.
    Returns (the mark, the length it replaced, the segment as the event log names it); None when no show runs the
    room's rundown or the segment on air kept its length."""
    from datetime import UTC, datetime

    from console.core.rundown.live import replanned_on_air
    from console.core.rundown.model import heading
    from console.core.telemetry.writer import RESUME_S

    now = datetime.now(UTC)
    show_id = storage.running_show(saved.room, now, RESUME_S)
    if show_id is None:
        return None
    marks = storage.rundown_marks(show_id)
    if not marks:
        return None
    replanned = replanned_on_air(saved, marks, storage.rundown_snapshot(show_id), by, now.timestamp())
    if replanned is None:
        return None
    mark, held = replanned
    # After whatever is stored: a length change is no boundary to race another desk's Go for.
    storage.claim_rundown_mark(show_id, mark.as_row(), None, True)
    index = saved.index_of(mark.key)
    return mark, held, heading(saved.segments[index]) if index is not None else mark.title


def _length_stamped_line(mark: Any, held: int | None, named: str, translate: Translate) -> str:
    from datetime import datetime

    from console.core.rundown.durations import format_duration

    def length(seconds: int | None) -> str:
        return format_duration(seconds) if seconds is not None else translate("Rundown", "no length")

    return (
        translate(
            "RundownCli",
            "“%1” is on air in the room's show: planned for %2 until now, for %3 from %4 (stamped on the show "
            "as changed on air by %5; the review says both lengths).",
        )
        .replace("%1", named)
        .replace("%2", length(held))
        .replace("%3", length(mark.planned_s))
        .replace("%4", datetime.fromtimestamp(mark.t).strftime("%H:%M:%S"))
        .replace("%5", mark.who)
    )


def cmd_rundown_export(args: argparse.Namespace) -> int:
    """`onair rundown export --room NAME FILE`: CSV or XLSX by the file's extension, in the reader's language."""
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    from console.core.rundown.durations import length_words
    from console.core.rundown.sheet import RundownFileError, write_rundown
    from console.core.storage import Storage, StorageError
    from console.i18n import system_language

    translate = QCoreApplication.translate
    _install_language(args.lang or system_language())
    try:
        storage = Storage(args.database)
        try:
            storage.migrate()
            rundown = storage.rundown(args.room)
        finally:
            storage.close()
    except StorageError as exc:
        _say_unreadable(exc)
        return 1
    if not rundown.segments:
        text = translate(
            "RundownCli", "room “%1” has no rundown to export (import one: onair rundown import FILE --room %1)"
        )
        print("onair: " + text.replace("%1", args.room), file=sys.stderr)
        return 2
    try:
        write_rundown(rundown, Path(args.file), translate)
    except RundownFileError as exc:
        for problem in exc.problems:
            print("onair: " + problem.in_language(translate), file=sys.stderr)
        return 1
    text = (
        translate("RundownCli", "Wrote 1 segment of room “%2” to %3 (%4 planned).")
        if len(rundown.segments) == 1
        else translate("RundownCli", "Wrote %1 segments of room “%2” to %3 (%4 planned).")
    )
    print(
        text.replace("%1", str(len(rundown.segments)))
        .replace("%2", rundown.room)
        .replace("%3", str(args.file))
        .replace("%4", length_words(rundown.planned_s, translate))
    )
    return 0


# ---- end of rundown commands


# ---- chat engage (issue 20): `onair lottery verify` and `onair lottery export`
def cmd_lottery_verify(args: argparse.Namespace) -> int:
    """`onair lottery verify FILE`: whether an exported lottery's commitment and winners check out (exit 0/1)."""
    from PySide6.QtCore import QCoreApplication

    from console.core.chat.lottery import LotteryError, verify
    from console.core.chat.lottery_export import read_record
    from console.i18n import system_language

    translate = QCoreApplication.translate
    _install_language(args.lang or system_language())
    try:
        record = read_record(args.file)
    except LotteryError as exc:
        print("onair: " + exc.message.in_language(translate), file=sys.stderr)
        return 1
    result = verify(record)
    for line in result.checked:
        print("✓ " + line.in_language(translate))
    for problem in result.problems:
        print("✗ " + problem.in_language(translate))
    if result.ok:
        print(translate("LotteryCli", "The lottery checks out: anyone with this file gets the same winners."))
        return 0
    print(translate("LotteryCli", "The lottery does NOT check out."))
    return 1


def cmd_lottery_export(args: argparse.Namespace) -> int:
    """`onair lottery export FILE --show ID [--lottery ID]`: JSON (verifiable), CSV or XLSX by the extension."""
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    from console.core.chat.lottery import LotteryError
    from console.core.chat.lottery_export import write_lottery
    from console.core.storage import StorageError
    from console.i18n import system_language

    translate = QCoreApplication.translate
    _install_language(args.lang or system_language())
    storage = _storage_for(args, translate)
    if storage is None:
        return 1
    try:
        if args.lottery is not None:
            record = storage.lottery(args.lottery)
        else:
            records = storage.show_lotteries(args.show)
            record = records[-1] if records else None
    except StorageError as exc:
        _say_unreadable(exc)
        return 1
    finally:
        storage.close()
    if record is None:
        text = translate("LotteryCli", "there is no such lottery (see the show's lotteries with --show ID)")
        print("onair: " + text, file=sys.stderr)
        return 2
    try:
        kind = write_lottery(record, Path(args.file), translate)
    except LotteryError as exc:
        print("onair: " + exc.message.in_language(translate), file=sys.stderr)
        return 1
    text = translate("LotteryCli", "Wrote lottery %1 (“%2”, %3, %4) to %5 as %6.")
    entries, winners = len(record.entries), len(record.standing)
    print(
        text.replace("%1", str(record.id))
        .replace("%2", record.keyword)
        .replace(
            "%3",
            (translate("LotteryCli", "%1 entry") if entries == 1 else translate("LotteryCli", "%1 entries")).replace(
                "%1", str(entries)
            ),
        )
        .replace(
            "%4",
            (translate("LotteryCli", "%1 winner") if winners == 1 else translate("LotteryCli", "%1 winners")).replace(
                "%1", str(winners)
            ),
        )
        .replace("%5", str(args.file))
        .replace("%6", kind)
    )
    if record.state == "cancelled":
        from console.core.chat.lottery_export import local_time

        # Not "not drawn yet": a cancelled lottery will never be drawn (its seed stays secret).
        text = translate("LotteryCli", "Cancelled at %1 by %2: never drawn, no winners; its seed stays secret.")
        print(text.replace("%1", local_time(record.cancelled_at)).replace("%2", record.cancelled_by or "?"))
    elif record.seed is None:
        print(translate("LotteryCli", "Not drawn yet: the seed is not revealed, so the file cannot be verified yet."))
    return 0


# ---- end of chat engage commands


# ---- alerts commands (onair alerts test / secret)
def _alerts_setup(args: argparse.Namespace) -> tuple[Any, Translate] | int:
    """The studio's alerts.json and the translator for its language (or --lang); 2 when the file is wrong."""
    from PySide6.QtCore import QCoreApplication

    from console.core.alerts import config as alert_config
    from console.settings import config_dir
    from obs.text import Message

    try:
        config = alert_config.load(config_dir() / "alerts.json")
    except alert_config.AlertConfigError as exc:
        _install_language(args.lang or "en")
        text = Message(exc.template, exc.fields, "Alerts").in_language(QCoreApplication.translate)
        print(f"onair: {text}", file=sys.stderr)
        return 2
    _install_language(args.lang or config.language)
    return config, QCoreApplication.translate


def cmd_alerts_test(args: argparse.Namespace) -> int:
    """A test alert to each destination that hears the room, and each platform's answer in words: 0 when every
    one delivered, 1 when one did not, 2 when there is nothing to test."""
    import time

    from console.core.alerts import config as alert_config
    from console.core.alerts import sender
    from console.core.alerts.platforms import PLATFORM_NAMES
    from console.core.alerts.rules import test_alert
    from console.core.rooms import Secrets

    setup = _alerts_setup(args)
    if isinstance(setup, int):
        return setup
    config, translate = setup
    destinations = config.for_room(args.room)
    if not destinations:
        text = translate("AlertsCli", "no alert destination hears the room “%1” (see alerts.json)")
        print("onair: " + text.replace("%1", args.room), file=sys.stderr)
        return 2
    credentials_of = alert_config.keyring_credentials(Secrets())
    failed = 0
    with sender.client() as client:
        for destination in destinations:
            credentials = credentials_of(destination.name)
            if credentials is None:
                words = translate("AlertsCli", "no webhook address in the keyring: run onair alerts secret %1")
                words, ok = words.replace("%1", destination.name), False
            else:
                alert = test_alert(args.room, translate, config.language, time.time())
                answer = sender.deliver(destination, credentials, alert, client)
                words, ok = answer.words.in_language(translate), answer.ok
            failed += not ok
            line = translate("AlertsCli", "%1 (%2): %3")
            print(
                line.replace("%1", destination.name)
                .replace("%2", PLATFORM_NAMES[destination.platform])
                .replace("%3", words)
            )
    return 1 if failed else 0


def cmd_alerts_secret(args: argparse.Namespace) -> int:
    """Keep a destination's webhook address and signing secret in the keyring (asked for, or read from the named
    environment variables; never from the command line, where `ps` would show them)."""
    from console.core.alerts.config import Credentials
    from console.core.alerts.platforms import SIGNED
    from console.core.alerts.sender import protect
    from console.core.rooms import Secrets, SecretsUnavailable

    setup = _alerts_setup(args)
    if isinstance(setup, int):
        return setup
    config, translate = setup
    destination = config.get(args.destination)
    if destination is None:
        text = translate("AlertsCli", "alerts.json has no destination called “%1”").replace("%1", args.destination)
        print("onair: " + text, file=sys.stderr)
        return 2
    url = (
        os.environ.get(args.url_env, "")
        if args.url_env
        else getpass.getpass(translate("AlertsCli", "Webhook address: "))
    )
    secret = ""
    if destination.platform in SIGNED:
        prompt = translate("AlertsCli", "Signing secret (empty: the robot does not sign): ")
        secret = os.environ.get(args.secret_env, "") if args.secret_env else getpass.getpass(prompt)
    url, secret = url.strip(), secret.strip()
    protect(Credentials(url, secret))
    if not url.startswith(("https://", "http://")):
        print("onair: " + translate("AlertsCli", "a webhook address starts with https://"), file=sys.stderr)
        return 2
    try:
        Secrets().set(destination.name, Credentials(url, secret).to_keyring(), Secrets.ALERTS)
    except SecretsUnavailable as exc:
        print(f"onair: {exc.explain(translate('Rooms', exc.template))}", file=sys.stderr)
        return 1
    print(translate("AlertsCli", "Kept in the keyring for %1.").replace("%1", destination.name))
    return 0


def _alerts_commands(commands: Any) -> None:
    alerts = commands.add_parser(
        "alerts",
        help=QT_TRANSLATE_NOOP("CliHelp", "alerts to the team's chat (WeCom, DingTalk, Feishu, Slack, webhook)"),
    )
    alerts_commands = alerts.add_subparsers(dest="alerts_command", required=True)
    test = alerts_commands.add_parser(
        "test", help=QT_TRANSLATE_NOOP("CliHelp", "send a test alert to each destination that hears the room")
    )
    test.add_argument(
        "--room", required=True, metavar="NAME", help=QT_TRANSLATE_NOOP("CliHelp", "the room whose destinations to try")
    )
    test.add_argument(
        "--lang",
        choices=["en", "zh_CN"],
        help=QT_TRANSLATE_NOOP("CliHelp", "language of the alert (default: alerts.json's)"),
    )
    test.set_defaults(func=cmd_alerts_test)
    secret = alerts_commands.add_parser(
        "secret",
        help=QT_TRANSLATE_NOOP("CliHelp", "keep a destination's webhook address and signing secret in the keyring"),
    )
    secret.add_argument(
        "destination", metavar="NAME", help=QT_TRANSLATE_NOOP("CliHelp", "the destination's name in alerts.json")
    )
    secret.add_argument(
        "--url-env",
        metavar="VAR",
        help=QT_TRANSLATE_NOOP("CliHelp", "read the webhook address from this environment variable"),
    )
    secret.add_argument(
        "--secret-env",
        metavar="VAR",
        help=QT_TRANSLATE_NOOP("CliHelp", "read the signing secret from this environment variable"),
    )
    secret.add_argument(
        "--lang", choices=["en", "zh_CN"], help=QT_TRANSLATE_NOOP("CliHelp", "language of the messages")
    )
    secret.set_defaults(func=cmd_alerts_secret)


# ---- end of alerts commands


# ---- studio wall (onair studio)
def cmd_studio(args: argparse.Namespace) -> int:
    """The studio wall in a window of its own, over what the rooms publish to the studio's PostgreSQL."""
    from console.studio_controller import run_studio, studio_url

    return run_studio(studio_url(args.database), args.lang)


def _studio_commands(commands: Any) -> None:
    studio = commands.add_parser(
        "studio", help=QT_TRANSLATE_NOOP("CliHelp", "the studio wall: every room publishing to the studio's PostgreSQL")
    )
    studio.add_argument(
        "--database",
        metavar="URL",
        help=QT_TRANSLATE_NOOP("CliHelp", "the studio's PostgreSQL (default: $ONAIR_DATABASE_URL; SQLite cannot)"),
    )
    studio.add_argument(
        "--lang",
        choices=["en", "zh_CN"],
        help=QT_TRANSLATE_NOOP("CliHelp", "interface language (default: the system's)"),
    )
    studio.set_defaults(func=cmd_studio)


# ---- end of studio wall


# ---- studio shared mode (onair studio-roles)
def cmd_studio_roles(args: argparse.Namespace) -> int:
    """Print the SQL that gives the studio's PostgreSQL a writer role per room and a read-only supervisor."""
    from console.core.studio.roles import studio_roles_sql

    sys.stdout.write(studio_roles_sql(args.rooms))  # a command line cannot hold NUL, the one character refused
    return 0


def _studio_shared_commands(commands: Any) -> None:
    roles = commands.add_parser(
        "studio-roles",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "print the SQL for a studio's database roles: one writer per room, a read-only supervisor"
        ),
    )
    roles.add_argument(
        "rooms",
        nargs="+",
        metavar="ROOM",
        help=QT_TRANSLATE_NOOP("CliHelp", "the studio's rooms (names as in rooms.json)"),
    )
    roles.set_defaults(func=cmd_studio_roles)


# ---- end of studio shared mode


#: argparse's own words (Python 3.11+: `argparse._`, gettext's, which has no Chinese), said through our catalogue while
#: `onair` reads its command line: `onair --lang zh_CN --help` was English from "usage:" to the last option, and a
#: mistyped option was answered in English (fresh18's first-day walk).
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    # The --version option's help, which argparse does not pass through gettext.
    QT_TRANSLATE_NOOP("CliHelp", "show program's version number and exit"),
)


def _chosen_language(argv: list[str]) -> str | None:
    """The last `--lang` given on `onair ARGV`, wherever it stands (None: none, or not a language we speak)."""
    chosen = None
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            chosen = argv[index + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    return chosen if chosen in ("en", "zh_CN") else None


def _command_line_language(argv: list[str]) -> str:
    """The language `onair ARGV` speaks while reading its command line: the last `--lang` given, else the system's."""
    chosen = _chosen_language(argv)
    if chosen is not None:
        return chosen
    from console.i18n import system_language

    return system_language()


@contextlib.contextmanager
def _argparse_speaks(language: str) -> Iterator[Translate]:
    """argparse's own words in `language` while the block runs (its module's gettext functions replaced, then put
    back); yields (context, text) -> the text in `language`, for the help of every option. Read straight from the
    catalogue: no application exists yet (the window makes its own QApplication), and none is needed."""
    words = None
    if language != "en":
        from console.i18n import catalogue

        words = catalogue(language)
    if words is None:
        yield lambda _context, text: text
        return
    found = words

    def translate(context: str, text: str) -> str:
        return found.translate(context, text) or text

    def gettext(text: str) -> str:
        return translate("argparse", text)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return translate("argparse", singular if count == 1 else plural)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    setattr(argparse, "_", gettext)  # noqa: B010  (a module's private name: mypy knows no such attribute)
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
    try:
        yield translate
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


def _say_help_in(parser: argparse.ArgumentParser, translate: Translate) -> None:
    """Every help text, group title and description of `parser` and its commands through `translate` (context
    CliHelp, where QT_TRANSLATE_NOOP marked them); a command without a description takes its one-line help, so
    `onair check --help` says what `check` does."""
    if parser.description:
        parser.description = translate("CliHelp", parser.description)
    for group in parser._action_groups:
        if group.title:
            group.title = translate("CliHelp", group.title)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = translate("CliHelp", action.help)
        if isinstance(action, argparse._SubParsersAction):
            _say_commands_in(action, translate)


def _say_commands_in(commands: argparse._SubParsersAction[argparse.ArgumentParser], translate: Translate) -> None:
    said: dict[str, str] = {}
    for pseudo in commands._choices_actions:
        if pseudo.help:
            pseudo.help = translate("CliHelp", pseudo.help)
            said[pseudo.dest] = pseudo.help
    for name, command in commands.choices.items():
        if command.description is None:
            command.description = said.get(name)
        _say_help_in(command, translate)


def build_parser(translate: Translate | None = None) -> argparse.ArgumentParser:
    """`onair`'s command line; its help in the language of `translate` (None: English, the source)."""
    parser = argparse.ArgumentParser(
        prog="onair",
        description=QT_TRANSLATE_NOOP("CliHelp", "OnAir Console (直播中控台) — live-room control for OBS."),
    )
    parser.add_argument("--version", action="version", version=f"onair {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "log details to stderr")
    )
    gui = parser.add_argument_group(
        QT_TRANSLATE_NOOP("CliHelp", "the console window (default when no command is given)")
    )
    gui.add_argument(
        "--room", metavar="NAME", help=QT_TRANSLATE_NOOP("CliHelp", "connect to this saved room (Connection → Rooms…)")
    )
    gui.add_argument(
        "--url", metavar="ws://HOST:PORT", help=QT_TRANSLATE_NOOP("CliHelp", "connect to this obs-websocket")
    )
    gui.add_argument(
        "--password-env",
        metavar="VAR",
        dest="gui_password_env",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "with --room or --url: the OBS password is in this environment variable (never saved)"
        ),
    )
    gui.add_argument(
        "--demo",
        action="store_true",
        help=QT_TRANSLATE_NOOP("CliHelp", "open the built-in demo room (a simulated OBS)"),
    )
    gui.add_argument(
        "--workspace",
        choices=["Assistant", "Streamer", "Technician", "Analyst", "Review", "Rundown"],
        help=QT_TRANSLATE_NOOP("CliHelp", "dock layout to start with"),
    )
    gui.add_argument(
        "--lang",
        choices=["en", "zh_CN"],
        help=QT_TRANSLATE_NOOP("CliHelp", "interface language (default: the system's)"),
    )
    gui.add_argument(
        "--screenshot",
        metavar="PATH",
        help=QT_TRANSLATE_NOOP("CliHelp", "start, wait until connected and populated, save a PNG of the window, exit"),
    )
    gui.add_argument(
        "--wait",
        type=float,
        default=20.0,
        metavar="S",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "with --screenshot: how long to wait for OBS before giving up (default 20 s)"
        ),
    )
    parser.set_defaults(func=cmd_gui)
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser(
        "demo-obs", help=QT_TRANSLATE_NOOP("CliHelp", "run the built-in OBS simulator (the demo room) standalone")
    )
    demo.add_argument(
        "--host", default="127.0.0.1", help=QT_TRANSLATE_NOOP("CliHelp", "address to listen on (default: 127.0.0.1)")
    )
    demo.add_argument(
        "--port",
        type=int,
        default=4455,
        help=QT_TRANSLATE_NOOP("CliHelp", "port (default: 4455, obs-websocket's; 0 = any free)"),
    )
    secret = demo.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-env",
        metavar="VAR",
        help=QT_TRANSLATE_NOOP("CliHelp", "require the password held in this environment variable"),
    )
    secret.add_argument(
        "--password-prompt",
        action="store_true",
        help=QT_TRANSLATE_NOOP("CliHelp", "ask for the password on the terminal"),
    )
    demo.add_argument(
        "--scenario",
        default="normal",
        help=QT_TRANSLATE_NOOP("CliHelp", "scripted faults to play (see --list-scenarios)"),
    )
    demo.add_argument(
        "--list-scenarios", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "list the scenarios and exit")
    )
    demo.add_argument(
        "--seed", type=int, default=None, help=QT_TRANSLATE_NOOP("CliHelp", "random seed, for repeatable runs")
    )
    demo.add_argument(
        "--audio-inputs",
        type=int,
        default=0,
        metavar="N",
        help=QT_TRANSLATE_NOOP("CliHelp", "add guest microphones up to N audio inputs (load tests)"),
    )
    demo.add_argument(
        "--fps",
        metavar="RATE",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "the room's frame rate: 60, 30000/1001, 59.94… (default: 30, as OBS's default profile)"
        ),
    )
    demo.add_argument(
        "--studio-mode-off-first",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "CliHelp",
            "leaving studio mode, say so before the program scene's reload (OBS 29 says it after; other versions "
            "and plugins may not)",
        ),
    )
    demo.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help=QT_TRANSLATE_NOOP("CliHelp", "log details (scenario steps) to stderr"),
    )
    demo.add_argument("--lang", choices=["en", "zh_CN"], help=QT_TRANSLATE_NOOP("CliHelp", "language of the messages"))
    demo.set_defaults(func=cmd_demo_obs)
    check = commands.add_parser(
        "check", help=QT_TRANSLATE_NOOP("CliHelp", "run a checklist's sensed items once against an OBS (headless)")
    )
    where = check.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--room", help=QT_TRANSLATE_NOOP("CliHelp", "a saved room (its password comes from the keyring)")
    )
    where.add_argument("--url", metavar="ws://HOST:PORT", help=QT_TRANSLATE_NOOP("CliHelp", "an obs-websocket address"))
    check.add_argument(
        "--password-env",
        metavar="VAR",
        help=QT_TRANSLATE_NOOP("CliHelp", "the OBS password is in this environment variable"),
    )
    check.add_argument(
        "--checklist",
        required=True,
        metavar="ID_OR_PATH",
        help=QT_TRANSLATE_NOOP("CliHelp", "a checklist id or a YAML file"),
    )
    check.add_argument(
        "--folder",
        action="append",
        default=[],
        metavar="DIR",
        help=QT_TRANSLATE_NOOP("CliHelp", "the team's own checklist folder (may be given more than once)"),
    )
    check.add_argument("--operator", help=QT_TRANSLATE_NOOP("CliHelp", "who runs it (default: your login name)"))
    check.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "print one JSON object"))
    check.add_argument(
        "--lang", choices=["en", "zh_CN"], help=QT_TRANSLATE_NOOP("CliHelp", "language of titles and results")
    )
    check.add_argument(
        "--timeout", type=float, default=10.0, metavar="S", help=QT_TRANSLATE_NOOP("CliHelp", "seconds to wait for OBS")
    )
    check.add_argument(
        "--database",
        metavar="URL",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "where runs are kept (default: $ONAIR_DATABASE_URL, else SQLite in the user data folder)"
        ),
    )
    check.set_defaults(func=cmd_check)
    monitor = commands.add_parser(
        "monitor",
        help=QT_TRANSLATE_NOOP("CliHelp", "print live stream health, machine and audience figures (headless)"),
    )
    target = monitor.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--room", help=QT_TRANSLATE_NOOP("CliHelp", "a saved room (its password comes from the keyring)")
    )
    target.add_argument(
        "--url", metavar="ws://HOST:PORT", help=QT_TRANSLATE_NOOP("CliHelp", "an obs-websocket address")
    )
    monitor.add_argument(
        "--password-env",
        metavar="VAR",
        help=QT_TRANSLATE_NOOP("CliHelp", "the OBS password is in this environment variable"),
    )
    monitor.add_argument(
        "--interval",
        type=float,
        default=1.0,
        metavar="S",
        help=QT_TRANSLATE_NOOP("CliHelp", "seconds between lines (default 1)"),
    )
    monitor.add_argument(
        "--duration",
        type=float,
        default=None,
        metavar="S",
        help=QT_TRANSLATE_NOOP("CliHelp", "stop after S seconds (default: Ctrl+C)"),
    )
    monitor.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP("CliHelp", "one JSON object per line (unknown figures are null)"),
    )
    monitor.add_argument(
        "--mic",
        action="append",
        metavar="INPUT",
        help=QT_TRANSLATE_NOOP(
            "CliHelp",
            "an OBS input that is a microphone (repeatable; default: the room's setting, else audio inputs "
            "named mic or 麦)",
        ),
    )
    monitor.add_argument(
        "--lang", choices=["en", "zh_CN"], help=QT_TRANSLATE_NOOP("CliHelp", "language of the text lines")
    )
    monitor.add_argument(
        "--no-alerts",
        action="store_true",
        help=QT_TRANSLATE_NOOP("CliHelp", "send no alerts to the team's chat (alerts.json)"),
    )
    monitor.add_argument(
        "--timeout",
        type=float,
        default=5.0,
        metavar="S",
        help=QT_TRANSLATE_NOOP("CliHelp", "seconds to wait for each connection try"),
    )
    monitor.add_argument(
        "--retention-days",
        type=int,
        default=None,
        metavar="N",
        help=QT_TRANSLATE_NOOP(
            "CliHelp",
            "delete stored comments older than N days at start and once a day (0 keeps them; default: the "
            "console's setting chat/retention_days, 30)",
        ),
    )
    monitor.add_argument(
        "--database",
        metavar="URL",
        help=QT_TRANSLATE_NOOP(
            "CliHelp",
            "where shows and their comments are kept (default: $ONAIR_DATABASE_URL, else SQLite in the user data "
            "folder)",
        ),
    )
    monitor.set_defaults(func=cmd_monitor)
    logs = commands.add_parser(
        "analyze-log", help=QT_TRANSLATE_NOOP("CliHelp", "analyze an OBS log file: sessions, lost frames, findings")
    )
    logs.add_argument(
        "path", nargs="?", help=QT_TRANSLATE_NOOP("CliHelp", "the log file (default: the newest in OBS's log folder)")
    )
    logs.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "print one JSON object"))
    logs.add_argument("--lang", choices=["en", "zh_CN"], help=QT_TRANSLATE_NOOP("CliHelp", "language of the findings"))
    logs.set_defaults(func=cmd_analyze_log)
    # ---- show review commands (issue 18)
    from console.core.review.shows import SORT_KEYS  # light: no database, no Qt

    database_help = QT_TRANSLATE_NOOP(
        "CliHelp", "where shows are kept (default: $ONAIR_DATABASE_URL, else SQLite in the user data folder)"
    )
    shows = commands.add_parser(
        "shows", help=QT_TRANSLATE_NOOP("CliHelp", "list stored shows with their summary (filter, sort, page)")
    )
    shows.add_argument(
        "--room", metavar="NAME", help=QT_TRANSLATE_NOOP("CliHelp", "only this room's shows (the demo room is `demo`)")
    )
    shows.add_argument("--host", metavar="NAME", help=QT_TRANSLATE_NOOP("CliHelp", "only shows with this host (主播)"))
    shows.add_argument("--tag", metavar="TAG", help=QT_TRANSLATE_NOOP("CliHelp", "only shows with this tag"))
    shows.add_argument(
        "--from",
        dest="since",
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("CliHelp", "shows that started on or after (YYYY-MM-DD)"),
    )
    shows.add_argument(
        "--to",
        dest="until",
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("CliHelp", "shows that started on or before (YYYY-MM-DD)"),
    )
    shows.add_argument(
        "--text", metavar="TEXT", help=QT_TRANSLATE_NOOP("CliHelp", "only shows whose title contains this")
    )
    sort = shows.add_argument(
        "--sort",
        default="start",
        metavar="COLUMN",
        help=QT_TRANSLATE_NOOP("CliHelp", "sort column (default: start): {keys}"),
    )
    shows.add_argument(
        "--ascending",
        action="store_true",
        help=QT_TRANSLATE_NOOP("CliHelp", "smallest first (default: largest/newest first)"),
    )
    shows.add_argument(
        "--limit", type=int, default=100, metavar="N", help=QT_TRANSLATE_NOOP("CliHelp", "shows per page (default 100)")
    )
    shows.add_argument(
        "--offset", type=int, default=0, metavar="N", help=QT_TRANSLATE_NOOP("CliHelp", "skip the first N shows")
    )
    shows.add_argument(
        "--include-demo",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "list the demo room's shows too (rehearsals on the simulator; left out by default, and counted)"
        ),
    )
    shows.add_argument(
        "--json", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "print a JSON list (unknown figures are null)")
    )
    shows.add_argument("--lang", choices=["en", "zh_CN"], help=QT_TRANSLATE_NOOP("CliHelp", "language of the table"))
    shows.add_argument("--database", metavar="URL", help=database_help)
    shows.set_defaults(func=cmd_shows)
    meta = commands.add_parser(
        "show-meta",
        help=QT_TRANSLATE_NOOP("CliHelp", "show or edit a stored show's title, hosts, assistant, tags, notes"),
    )
    meta.add_argument(
        "--show",
        type=int,
        required=True,
        metavar="ID",
        help=QT_TRANSLATE_NOOP("CliHelp", "the show (see `onair shows`)"),
    )
    meta.add_argument("--title", help=QT_TRANSLATE_NOOP("CliHelp", "the show's title"))
    meta.add_argument(
        "--host",
        action="append",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP("CliHelp", "a host (repeatable; replaces the hosts)"),
    )
    meta.add_argument("--assistant", metavar="NAME", help=QT_TRANSLATE_NOOP("CliHelp", "the assistant (场控)"))
    meta.add_argument(
        "--tag",
        action="append",
        metavar="TAG",
        help=QT_TRANSLATE_NOOP("CliHelp", "a tag (repeatable; replaces the tags)"),
    )
    meta.add_argument("--notes", help=QT_TRANSLATE_NOOP("CliHelp", "notes about the show"))
    meta.add_argument("--by", metavar="NAME", help=QT_TRANSLATE_NOOP("CliHelp", "who edits (default: your login name)"))
    meta.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "print one JSON object"))
    meta.add_argument("--lang", choices=["en", "zh_CN"], help=QT_TRANSLATE_NOOP("CliHelp", "language of messages"))
    meta.add_argument("--database", metavar="URL", help=database_help)
    meta.set_defaults(func=cmd_show_meta)
    # ---- end of show review commands

    imports = commands.add_parser(
        "import-audience",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "import a platform's per-minute export (Douyin, Taobao, Kuaishou) into a show"
        ),
    )
    imports.add_argument(
        "--show",
        type=int,
        required=True,
        metavar="ID",
        help=QT_TRANSLATE_NOOP("CliHelp", "the stored show to import into"),
    )
    imports.add_argument(
        "file",
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("CliHelp", "the export: CSV (UTF-8, UTF-8 with BOM, GB18030) or XLSX"),
    )
    imports.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help=QT_TRANSLATE_NOOP(
            "CliHelp",
            "read an unrecognised column as a field (viewers, entered, left, likes, comments, gmv, orders, time) "
            "or leave it out (ignore); repeatable",
        ),
    )
    imports.add_argument(
        "--platform",
        choices=["douyin", "taobao", "kuaishou", "other"],
        default="other",
        help=QT_TRANSLATE_NOOP("CliHelp", "where it came from"),
    )
    imports.add_argument(
        "--by", metavar="NAME", help=QT_TRANSLATE_NOOP("CliHelp", "who imports it (default: your login name)")
    )
    imports.add_argument(
        "--lang", choices=["en", "zh_CN"], help=QT_TRANSLATE_NOOP("CliHelp", "language of the messages")
    )
    imports.add_argument(
        "--database",
        metavar="URL",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "where shows are kept (default: $ONAIR_DATABASE_URL, else SQLite in the user data folder)"
        ),
    )
    imports.set_defaults(func=cmd_import_audience)
    # ---- `onair report` (issue 18, review-xlsx)
    report = commands.add_parser(
        "report",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "a show or a period (day/week/month per room or host) as text, JSON, XLSX, CSV or PDF"
        ),
    )
    report.add_argument(
        "--show", type=int, metavar="ID", help=QT_TRANSLATE_NOOP("CliHelp", "this stored show (see `onair shows`)")
    )
    report.add_argument(
        "--last", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "with --room: the room's newest show")
    )
    report.add_argument(
        "--room",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP("CliHelp", "the room (with --last), or only this room's shows (a period)"),
    )
    report.add_argument(
        "--from",
        dest="since",
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("CliHelp", "a period: shows that started on or after"),
    )
    report.add_argument(
        "--to",
        dest="until",
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("CliHelp", "a period: shows that started on or before"),
    )
    report.add_argument(
        "--host",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP("CliHelp", "a period: only this host's shows (reported per host)"),
    )
    report.add_argument(
        "--period",
        choices=["day", "week", "month"],
        help=QT_TRANSLATE_NOOP("CliHelp", "a period's unit (default: by the range's length)"),
    )
    report.add_argument(
        "--per", choices=["room", "host"], help=QT_TRANSLATE_NOOP("CliHelp", "a period: one row per room or per host")
    )
    report.add_argument(
        "--include-demo",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "a period: count the demo room's shows too (rehearsals on the simulator; left out by default)"
        ),
    )
    report.add_argument(
        "--xlsx", metavar="PATH", help=QT_TRANSLATE_NOOP("CliHelp", "write the report as an XLSX workbook")
    )
    report.add_argument(
        "--csv",
        metavar="PATH",
        help=QT_TRANSLATE_NOOP("CliHelp", "write the per-second data (a show) or the periods as CSV"),
    )
    report.add_argument(
        "--raw",
        action="store_true",
        help=QT_TRANSLATE_NOOP("CliHelp", "with --csv: machine names and UTC times, for scripts"),
    )
    report.add_argument(
        "--pdf", metavar="PATH", help=QT_TRANSLATE_NOOP("CliHelp", "write the show's report as PDF (A4)")
    )
    report.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP("CliHelp", "print one JSON object (unknown figures are null)"),
    )
    report.add_argument(
        "--lang", choices=["en", "zh_CN"], help=QT_TRANSLATE_NOOP("CliHelp", "language of the text and the files")
    )
    report.add_argument("--database", metavar="URL", help=database_help)
    report.set_defaults(func=cmd_report)
    # ---- end of `onair report`
    # ---- rundown (issue 19)
    rundown = commands.add_parser(
        "rundown", help=QT_TRANSLATE_NOOP("CliHelp", "import or export a room's rundown (直播脚本) as CSV or XLSX")
    )
    rundown_commands = rundown.add_subparsers(dest="rundown_command", required=True, metavar="{import,export}")
    rundown_import = rundown_commands.add_parser(
        "import",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "replace the room's rundown with a CSV or XLSX sheet (nothing changes when it is refused)"
        ),
    )
    rundown_import.add_argument(
        "file", metavar="FILE", help=QT_TRANSLATE_NOOP("CliHelp", "the sheet: CSV (UTF-8, GB18030, UTF-16) or XLSX")
    )
    rundown_import.add_argument(
        "--by", metavar="NAME", help=QT_TRANSLATE_NOOP("CliHelp", "who imports it (default: your login name)")
    )
    rundown_import.add_argument(
        "--timeout",
        type=float,
        default=3.0,
        metavar="S",
        help=QT_TRANSLATE_NOOP("CliHelp", "how long to wait for the room's OBS to list its scenes"),
    )
    rundown_import.add_argument(
        "--password-env",
        metavar="VAR",
        help=QT_TRANSLATE_NOOP("CliHelp", "read the room's OBS password from this variable (default: the keyring)"),
    )
    rundown_import.set_defaults(func=cmd_rundown_import)
    rundown_export = rundown_commands.add_parser(
        "export", help=QT_TRANSLATE_NOOP("CliHelp", "write the room's rundown to FILE (.csv or .xlsx)")
    )
    rundown_export.add_argument(
        "file", metavar="FILE", help=QT_TRANSLATE_NOOP("CliHelp", "where to write: .xlsx for XLSX, else CSV")
    )
    rundown_export.set_defaults(func=cmd_rundown_export)
    for sub in (rundown_import, rundown_export):
        sub.add_argument(
            "--room",
            required=True,
            metavar="NAME",
            help=QT_TRANSLATE_NOOP("CliHelp", "the room (the demo room is `demo`)"),
        )
        sub.add_argument(
            "--lang",
            choices=["en", "zh_CN"],
            help=QT_TRANSLATE_NOOP("CliHelp", "language of the messages and the file's headers"),
        )
        sub.add_argument("--database", metavar="URL", help=database_help)
    # ---- end of rundown commands
    # ---- chat engage (issue 20)
    lottery = commands.add_parser(
        "lottery", help=QT_TRANSLATE_NOOP("CliHelp", "export a show's lottery (抽奖) or verify an exported one")
    )
    lottery_commands = lottery.add_subparsers(dest="lottery_command", required=True, metavar="{verify,export}")
    lottery_verify = lottery_commands.add_parser(
        "verify",
        help=QT_TRANSLATE_NOOP(
            "CliHelp", "check an exported lottery (JSON): the seed against its commitment, the winners (exit 0/1)"
        ),
    )
    lottery_verify.add_argument("file", metavar="FILE", help=QT_TRANSLATE_NOOP("CliHelp", "the lottery's JSON export"))
    lottery_verify.add_argument(
        "--lang", choices=["en", "zh_CN"], help=QT_TRANSLATE_NOOP("CliHelp", "language of the messages")
    )
    lottery_verify.set_defaults(func=cmd_lottery_verify)
    lottery_export = lottery_commands.add_parser(
        "export",
        help=QT_TRANSLATE_NOOP("CliHelp", "write a stored lottery to FILE: .json (verifiable record), .csv or .xlsx"),
    )
    lottery_export.add_argument(
        "file", metavar="FILE", help=QT_TRANSLATE_NOOP("CliHelp", "where to write (.json, .csv or .xlsx)")
    )
    chosen = lottery_export.add_mutually_exclusive_group(required=True)
    chosen.add_argument(
        "--show", type=int, metavar="ID", help=QT_TRANSLATE_NOOP("CliHelp", "the show's newest lottery")
    )
    chosen.add_argument("--lottery", type=int, metavar="ID", help=QT_TRANSLATE_NOOP("CliHelp", "this lottery"))
    lottery_export.add_argument(
        "--lang", choices=["en", "zh_CN"], help=QT_TRANSLATE_NOOP("CliHelp", "language of the messages and the headers")
    )
    lottery_export.add_argument("--database", metavar="URL", help=database_help)
    lottery_export.set_defaults(func=cmd_lottery_export)
    # ---- end of chat engage commands
    _alerts_commands(commands)  # alerts
    _studio_commands(commands)  # studio wall
    _studio_shared_commands(commands)  # studio shared mode
    _say_help_in(parser, translate or (lambda _context, text: text))
    sort.help = (sort.help or "").replace("{keys}", ", ".join(SORT_KEYS))
    return parser


def main(argv: list[str] | None = None, clock: Clock | None = None) -> int:
    """`onair ARGV`. `clock`: what `onair monitor` paces its lines on (None: the real clock; a test's manual clock
    runs it in compressed time)."""
    argv = sys.argv[1:] if argv is None else argv
    with _argparse_speaks(_command_line_language(argv)) as translate:
        args = build_parser(translate).parse_args(argv)
    if getattr(args, "lang", None) is None:
        # `onair --lang zh_CN check …`: argparse gives the command's own --lang (unset) over the one before it, and
        # the check then spoke English under argparse's Chinese; the reader chose once, for the whole command.
        args.lang = _chosen_language(argv)
    args.clock = clock
    logsafe.install(logging.INFO if args.verbose else logging.WARNING)
    try:
        status = int(args.func(args))
        sys.stdout.flush()  # here, not at exit: a reader that left is met where it can be answered quietly
    except BrokenPipeError:  # `onair shows | head -1`: the reader has what it wanted and left
        _reader_left()
        return 0
    return status


def _reader_left() -> None:
    """What is still buffered for a reader that left goes nowhere (Python's advice for SIGPIPE): stdout points at
    /dev/null, so the interpreter's last flush does not fail again with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # a stdout with no file under it (a test's capture)
        pass


if __name__ == "__main__":
    sys.exit(main())
