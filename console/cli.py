"""The `onair` command line: subcommands for the headless parts (the GUI arrives with the console shell)."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import ipaddress
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from console import __version__
from console.core import logsafe


def _password(args: argparse.Namespace) -> str | None:
    """From an environment variable or a prompt; never from the command line, where `ps` would show it."""
    if args.password_env:
        value = os.environ.get(args.password_env)
        if value is None:
            raise SystemExit(f"onair: the environment variable {args.password_env} is not set")
        logsafe.register_secret(value)
        return value
    if args.password_prompt:
        value = getpass.getpass("Password for the simulated obs-websocket: ")
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


def cmd_demo_obs(args: argparse.Namespace) -> int:
    from obs.simulator.scenarios import SCENARIOS, run_scenario
    from obs.simulator.server import ObsSimulator

    if args.list_scenarios:
        for scenario in SCENARIOS.values():
            print(f"{scenario.name:18} {scenario.description}")
        return 0
    if args.scenario not in SCENARIOS:
        print(f"onair: unknown scenario {args.scenario!r}; choose from: {', '.join(SCENARIOS)}", file=sys.stderr)
        return 2
    password = _password(args)
    if not password and not _is_loopback(args.host):
        print(
            "onair: listening beyond this machine needs a password (--password-env VAR or --password-prompt)",
            file=sys.stderr,
        )
        return 2

    from obs.simulator.room import busy_room, live_commerce_room

    factory = busy_room(args.audio_inputs) if args.audio_inputs else live_commerce_room

    async def main() -> None:
        sim = ObsSimulator(args.host, args.port, password=password, seed=args.seed, room_factory=factory)
        try:
            await sim.start()
        except OSError as exc:
            raise SystemExit(f"onair: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from exc
        auth = "with a password" if password else "without a password"
        print(
            f"OnAir demo OBS (obs-websocket 5.1.0 simulator) on ws://{args.host}:{sim.port} {auth}; "
            f"scenario: {args.scenario}. Ctrl+C stops it.",
            flush=True,
        )
        await run_scenario(sim, SCENARIOS[args.scenario])
        await asyncio.Event().wait()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print("stopped.")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from console.app import Options, run_gui

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


#: How OBS names its platform in the log's first line, and how people write it (proper nouns, not translated).
PLATFORMS = {"windows": "Windows", "linux": "Linux", "mac": "macOS", "macos": "macOS", "freebsd": "FreeBSD"}


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


def _resolve_target(args: argparse.Namespace) -> tuple[str, int, str, str]:
    from PySide6.QtCore import QCoreApplication

    from console.app import explain, parse_url
    from console.core.rooms import RoomStore, Secrets
    from console.settings import config_dir

    if args.room:
        store = RoomStore(config_dir() / "rooms.json")
        for problem in store.load_problems:  # set aside and reported once: the next start reads the good rooms
            print(f"onair: {explain(problem)}", file=sys.stderr)
        room = store.get(args.room)
        if room is None:
            raise SystemExit(
                "onair: " + QCoreApplication.translate("Cli", "there is no room called “%1”").replace("%1", args.room)
            )
        password = os.environ.get(args.password_env, "") if args.password_env else Secrets().get(room.name)
        logsafe.register_secret(password)
        return room.host, room.port, password, room.name
    try:
        host, port = parse_url(args.url)
    except ValueError as exc:
        raise SystemExit(f"onair: {exc}") from exc
    password = os.environ.get(args.password_env, "") if args.password_env else ""
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
            "onair: " + translate("Check", "the run could not be stored: %1").replace("%1", str(exc)), file=sys.stderr
        )
        return None


def cmd_check(args: argparse.Namespace) -> int:
    import getpass
    import json
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    from checklists.context import SessionContext
    from checklists.engine import ChecklistRun, ItemStatus
    from checklists.loader import resolve
    from checklists.model import text_for
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
        run.check(SessionContext(session))
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
        if run.ready:
            print(translate("Check", "READY"))
        else:
            print(translate("Check", "NOT READY: %1 required item(s) open").replace("%1", str(len(run.blocking()))))
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
        print(f"onair: {exc.explain(translate('LogFindings', exc.template))}", file=sys.stderr)
        return 2

    def explain(finding: Any) -> str:
        return str(
            finding.explain(translate("LogFindings", finding.template), lambda word: translate("LogFindings", word))
        )

    if args.json:
        print(json.dumps(report.to_dict(explain), ensure_ascii=False, indent=2))
        return 0
    platform = PLATFORMS.get((report.platform or "").lower(), report.platform or "?")
    print(f"{path}\nOBS {report.obs_version} ({platform})")
    for session in report.sessions:
        _print_log_session(session, translate)
    if not report.sessions:
        print(translate("LogCli", "No streaming or recording session in this log."))
    for finding in report.findings:
        print(f"  [{_severity(finding.severity, translate)}] {explain(finding)}")
    return 0


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
        .replace("%6", pct(session.network_drop_pct))
        .replace("%7", str(session.reconnects))
    )
    if len(session.segments) > 1:  # a session that reconnected: each run's own figures
        for number, segment in enumerate(session.segments, 1):
            print(
                "    "
                + translate("LogCli", "run %1 until %2: %3 frames, render lag %4, network drops %5")
                .replace("%1", str(number))
                .replace("%2", segment.ended)
                .replace("%3", "?" if segment.drawn is None else str(segment.drawn))
                .replace("%4", pct(segment.render_lag_pct))
                .replace("%5", pct(segment.network_drop_pct) if session.kind == "streaming" else "—")
                + (
                    translate("LogCli", "; then %1 reconnect attempt(s)").replace("%1", str(segment.reconnect_attempts))
                    if segment.reconnect_attempts
                    else ""
                )
            )


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
    return audience, mics or (room.mics if room else ())


def _monitor_lines(monitor: Any, args: argparse.Namespace, deadline: float | None, translate: Translate) -> None:
    """Print a line each --interval until the deadline, or until OBS has turned the monitor away for good."""
    import math
    import time

    from console.core.telemetry.monitor import json_line

    next_at = time.monotonic()
    while deadline is None or time.monotonic() < deadline:
        if monitor.gave_up and not monitor.ever_connected:
            break  # wrong password or not obs-websocket 5: waiting will not help
        _, line = monitor.sample(next_at)
        print(json_line(line) if args.json else _monitor_text(line, translate), flush=True)
        # A late line is not made up for with a burst of lines: the ticks that passed are skipped.
        next_at += args.interval * max(1, math.ceil((time.monotonic() - next_at) / args.interval))
        pause = next_at - time.monotonic()
        if deadline is not None:
            pause = min(pause, deadline - time.monotonic())
        if pause > 0:
            time.sleep(pause)


def cmd_monitor(args: argparse.Namespace) -> int:
    import time

    from PySide6.QtCore import QCoreApplication

    from console.core.telemetry.monitor import Monitor
    from console.event_text import explain_failure
    from console.i18n import system_language

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
    deadline = time.monotonic() + args.duration if args.duration else None
    with Monitor(host, port, password, connect_timeout=args.timeout, audience=audience, mics=mics) as monitor:
        monitor.explain = lambda text: translate("Health", text)
        monitor.session.wait_connected(min(args.timeout, args.duration or args.timeout))
        try:
            _monitor_lines(monitor, args, deadline, translate)
        except KeyboardInterrupt:
            pass
        except BrokenPipeError:  # `onair monitor | head`: the reader left
            return 0
        if not monitor.ever_connected:
            status = monitor.session.status
            reason = explain_failure(status.failure) if status.failure else status.state.value
            text = translate("Monitor", "never connected to OBS at %1: %2").replace("%1", f"{host}:{port}")
            print(f"onair: {text.replace('%2', reason)}", file=sys.stderr)
            return 2
    return 0


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
        print(
            "onair: " + translate("ShowsCli", "the database cannot be read: %1").replace("%1", str(exc)),
            file=sys.stderr,
        )
        return None
    return storage


def cmd_shows(args: argparse.Namespace) -> int:
    import json

    from PySide6.QtCore import QCoreApplication

    from console.core.reports import room_in
    from console.core.review.shows import COLUMN_WORDS, MetaError, ShowQuery, checklist_in, duration_text
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
    except StorageError as exc:
        print(
            "onair: " + translate("ShowsCli", "the database cannot be read: %1").replace("%1", str(exc)),
            file=sys.stderr,
        )
        return 1
    finally:
        storage.close()
    if page.not_refreshed:
        text = translate("ShowsCli", "the figures of shows not over yet may be behind: %1")
        print("onair: " + text.replace("%1", page.not_refreshed), file=sys.stderr)
    if args.json:
        print(json.dumps([show.to_json() for show in page.shows], ensure_ascii=False, indent=2))
        return 0
    if not page.shows:
        print(translate("ShowsCli", "No show matches."))
        return 0
    keys = ["id", "room", "title", "hosts", "start", "duration", "viewers_peak", "viewers_avg"]
    keys += ["likes_per_min", "interactions_per_min", "incidents", "checklist", "completeness"]
    header = [translate("Shows", COLUMN_WORDS[key]) for key in keys]
    rows = [
        [
            str(show.id),
            room_in(show.room, translate),
            show.title or "—",
            ", ".join(show.hosts) or "—",
            show.start.astimezone().strftime("%Y-%m-%d %H:%M"),
            duration_text(show.duration_s) + (" …" if show.live else ""),
            _figure(show.viewers_peak),
            _figure(show.viewers_avg),
            _figure(show.likes_per_min, 1),
            _figure(show.interactions_per_min, 1),
            f"{show.incidents} ({show.incidents_critical}/{show.incidents_warning}/{show.incidents_info})",
            checklist_in(show.checklist, translate),
            "—" if show.completeness is None else f"{show.completeness:.0%}",
        ]
        for show in page.shows
    ]
    for line in _table(header, rows, right={0, 5, 6, 7, 8, 9, 12}):
        print(line)
    shown = translate(
        "ShowsCli", "%1–%2 of %3 shows; incidents: critical/warning/info; … not over yet (a console may resume it)"
    )
    print(
        shown.replace("%1", str(query.offset + 1))
        .replace("%2", str(query.offset + len(page.shows)))
        .replace("%3", str(page.total))
    )
    return 0


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
        print(
            "onair: " + translate("ShowsCli", "the database cannot be read: %1").replace("%1", str(exc)),
            file=sys.stderr,
        )
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
        print("onair: " + translate("ImportCli", "nothing was imported: %1").replace("%1", str(exc)), file=sys.stderr)
        return 1
    for line in report.lines(translate):
        print(line)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="onair", description="OnAir Console (直播中控台) — live-room control for OBS."
    )
    parser.add_argument("--version", action="version", version=f"onair {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    gui = parser.add_argument_group("the console window (default when no command is given)")
    gui.add_argument("--room", metavar="NAME", help="connect to this saved room (Connection → Rooms…)")
    gui.add_argument("--url", metavar="ws://HOST:PORT", help="connect to this obs-websocket")
    gui.add_argument(
        "--password-env",
        metavar="VAR",
        dest="gui_password_env",
        help="with --url: the OBS password is in this environment variable",
    )
    gui.add_argument("--demo", action="store_true", help="open the built-in demo room (a simulated OBS)")
    gui.add_argument(
        "--workspace",
        choices=["Assistant", "Streamer", "Technician", "Analyst", "Review"],
        help="dock layout to start with",
    )
    gui.add_argument("--lang", choices=["en", "zh_CN"], help="interface language (default: the system's)")
    gui.add_argument(
        "--screenshot", metavar="PATH", help="start, wait until connected and populated, save a PNG of the window, exit"
    )
    gui.add_argument(
        "--wait",
        type=float,
        default=20.0,
        metavar="S",
        help="with --screenshot: how long to wait for OBS before giving up (default 20 s)",
    )
    parser.set_defaults(func=cmd_gui)
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo-obs", help="run the built-in OBS simulator (the demo room) standalone")
    demo.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    demo.add_argument("--port", type=int, default=4455, help="port (default: 4455, obs-websocket's; 0 = any free)")
    secret = demo.add_mutually_exclusive_group()
    secret.add_argument("--password-env", metavar="VAR", help="require the password held in this environment variable")
    secret.add_argument("--password-prompt", action="store_true", help="ask for the password on the terminal")
    demo.add_argument("--scenario", default="normal", help="scripted faults to play (see --list-scenarios)")
    demo.add_argument("--list-scenarios", action="store_true", help="list the scenarios and exit")
    demo.add_argument("--seed", type=int, default=None, help="random seed, for repeatable runs")
    demo.add_argument(
        "--audio-inputs",
        type=int,
        default=0,
        metavar="N",
        help="add guest microphones up to N audio inputs (load tests)",
    )
    demo.add_argument("-v", "--verbose", action="store_true", help="log details (scenario steps) to stderr")
    demo.set_defaults(func=cmd_demo_obs)
    check = commands.add_parser("check", help="run a checklist's sensed items once against an OBS (headless)")
    where = check.add_mutually_exclusive_group(required=True)
    where.add_argument("--room", help="a saved room (its password comes from the keyring)")
    where.add_argument("--url", metavar="ws://HOST:PORT", help="an obs-websocket address")
    check.add_argument("--password-env", metavar="VAR", help="the OBS password is in this environment variable")
    check.add_argument("--checklist", required=True, metavar="ID_OR_PATH", help="a checklist id or a YAML file")
    check.add_argument(
        "--folder",
        action="append",
        default=[],
        metavar="DIR",
        help="the team's own checklist folder (may be given more than once)",
    )
    check.add_argument("--operator", help="who runs it (default: your login name)")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument("--lang", choices=["en", "zh_CN"], help="language of titles and results")
    check.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds to wait for OBS")
    check.add_argument(
        "--database",
        metavar="URL",
        help="where runs are kept (default: $ONAIR_DATABASE_URL, else SQLite in the user data folder)",
    )
    check.set_defaults(func=cmd_check)
    monitor = commands.add_parser("monitor", help="print live stream health, machine and audience figures (headless)")
    target = monitor.add_mutually_exclusive_group(required=True)
    target.add_argument("--room", help="a saved room (its password comes from the keyring)")
    target.add_argument("--url", metavar="ws://HOST:PORT", help="an obs-websocket address")
    monitor.add_argument("--password-env", metavar="VAR", help="the OBS password is in this environment variable")
    monitor.add_argument("--interval", type=float, default=1.0, metavar="S", help="seconds between lines (default 1)")
    monitor.add_argument(
        "--duration", type=float, default=None, metavar="S", help="stop after S seconds (default: Ctrl+C)"
    )
    monitor.add_argument("--json", action="store_true", help="one JSON object per line (unknown figures are null)")
    monitor.add_argument(
        "--mic",
        action="append",
        metavar="INPUT",
        help="an OBS input that is a microphone (repeatable; default: the room's setting, else audio inputs "
        "named mic or 麦)",
    )
    monitor.add_argument("--lang", choices=["en", "zh_CN"], help="language of the text lines")
    monitor.add_argument(
        "--timeout", type=float, default=5.0, metavar="S", help="seconds to wait for each connection try"
    )
    monitor.set_defaults(func=cmd_monitor)
    logs = commands.add_parser("analyze-log", help="analyze an OBS log file: sessions, lost frames, findings")
    logs.add_argument("path", nargs="?", help="the log file (default: the newest in OBS's log folder)")
    logs.add_argument("--json", action="store_true", help="print one JSON object")
    logs.add_argument("--lang", choices=["en", "zh_CN"], help="language of the findings")
    logs.set_defaults(func=cmd_analyze_log)
    # ---- show review commands (issue 18)
    database_help = "where shows are kept (default: $ONAIR_DATABASE_URL, else SQLite in the user data folder)"
    shows = commands.add_parser("shows", help="list stored shows with their summary (filter, sort, page)")
    shows.add_argument("--room", metavar="NAME", help="only this room's shows (the demo room is `demo`)")
    shows.add_argument("--host", metavar="NAME", help="only shows with this host (主播)")
    shows.add_argument("--tag", metavar="TAG", help="only shows with this tag")
    shows.add_argument("--from", dest="since", metavar="DATE", help="shows that started on or after (YYYY-MM-DD)")
    shows.add_argument("--to", dest="until", metavar="DATE", help="shows that started on or before (YYYY-MM-DD)")
    shows.add_argument("--text", metavar="TEXT", help="only shows whose title contains this")
    shows.add_argument(
        "--sort",
        default="start",
        metavar="COLUMN",
        help="sort column (default: start): "
        + ", ".join(
            (
                "start",
                "end",
                "room",
                "title",
                "hosts",
                "duration",
                "viewers_peak",
                "viewers_avg",
                "likes_per_min",
                "interactions_per_min",
                "incidents",
                "incidents_critical",
                "checklist",
                "completeness",
                "id",
            )
        ),
    )
    shows.add_argument("--ascending", action="store_true", help="smallest first (default: largest/newest first)")
    shows.add_argument("--limit", type=int, default=100, metavar="N", help="shows per page (default 100)")
    shows.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N shows")
    shows.add_argument("--json", action="store_true", help="print a JSON list (unknown figures are null)")
    shows.add_argument("--lang", choices=["en", "zh_CN"], help="language of the table")
    shows.add_argument("--database", metavar="URL", help=database_help)
    shows.set_defaults(func=cmd_shows)
    meta = commands.add_parser("show-meta", help="show or edit a stored show's title, hosts, assistant, tags, notes")
    meta.add_argument("--show", type=int, required=True, metavar="ID", help="the show (see `onair shows`)")
    meta.add_argument("--title", help="the show's title")
    meta.add_argument("--host", action="append", metavar="NAME", help="a host (repeatable; replaces the hosts)")
    meta.add_argument("--assistant", metavar="NAME", help="the assistant (场控)")
    meta.add_argument("--tag", action="append", metavar="TAG", help="a tag (repeatable; replaces the tags)")
    meta.add_argument("--notes", help="notes about the show")
    meta.add_argument("--by", metavar="NAME", help="who edits (default: your login name)")
    meta.add_argument("--json", action="store_true", help="print one JSON object")
    meta.add_argument("--lang", choices=["en", "zh_CN"], help="language of messages")
    meta.add_argument("--database", metavar="URL", help=database_help)
    meta.set_defaults(func=cmd_show_meta)
    # ---- end of show review commands

    imports = commands.add_parser(
        "import-audience", help="import a platform's per-minute export (Douyin, Taobao, Kuaishou) into a show"
    )
    imports.add_argument("--show", type=int, required=True, metavar="ID", help="the stored show to import into")
    imports.add_argument("file", metavar="FILE", help="the export: CSV (UTF-8, UTF-8 with BOM, GB18030) or XLSX")
    imports.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="read an unrecognised column as a field (viewers, entered, left, likes, comments, gmv, orders, time) "
        "or leave it out (ignore); repeatable",
    )
    imports.add_argument(
        "--platform", choices=["douyin", "taobao", "kuaishou", "other"], default="other", help="where it came from"
    )
    imports.add_argument("--by", metavar="NAME", help="who imports it (default: your login name)")
    imports.add_argument("--lang", choices=["en", "zh_CN"], help="language of the messages")
    imports.add_argument(
        "--database",
        metavar="URL",
        help="where shows are kept (default: $ONAIR_DATABASE_URL, else SQLite in the user data folder)",
    )
    imports.set_defaults(func=cmd_import_audience)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logsafe.install(logging.INFO if args.verbose else logging.WARNING)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
