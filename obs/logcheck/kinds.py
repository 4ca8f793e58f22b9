"""What kind of log it is: a crash report (the crashing module and thread), a log without any output session,
and a log of several sessions (each session's settings, and what changed between them). No Qt."""

from __future__ import annotations

from collections.abc import Iterator

from obs.log_findings import TR_CONTEXT, Finding
from obs.logcheck import Context, spec
from obs.logcheck.sources import is_default_module
from obs.logfacts import SessionSettings
from obs.text import QT_TRANSLATE_NOOP, Message
from obs.vocabulary import Category, Severity

S, WARN, INFO, CRIT = Category.SYSTEM, Severity.WARNING, Severity.INFO, Severity.CRITICAL
#: Modules of Windows itself: a crash inside one of them names its caller as the likelier culprit.
SYSTEM_MODULES = ("ntdll.dll", "kernel32.dll", "kernelbase.dll", "ucrtbase.dll", "msvcp140.dll",
                  "vcruntime140.dll", "user32.dll", "<unknown>", "win32u.dll", "combase.dll", "d3d11.dll",
                  "d3d12.dll", "dxgi.dll", "d3d9.dll",
                  # macOS and Linux: the system's own libraries
                  "libsystem_kernel.dylib", "libsystem_platform.dylib", "libsystem_c.dylib", "libsystem_malloc.dylib",
                  "libdispatch.dylib", "libobjc.a.dylib", "corefoundation", "appkit", "foundation", "metal",
                  "libc.so.6", "libpthread.so.0", "libstdc++.so.6", "ld-linux-x86-64.so.2", "n/a")  # fmt: skip
#: OBS's own executables and libraries (its plugins are sources.DEFAULT_MODULES).
OBS_OWN = {"obs64.exe", "obs32.exe", "obs.dll", "obs-frontend-api.dll", "w32-pthreads.dll", "obs-scripting.dll",
           "libobs-d3d11.dll", "libobs-opengl.dll", "libobs-winrt.dll", "obs"}  # fmt: skip
GPU_DRIVERS = ("nvwgf2umx", "nvldumdx", "atidxx", "amdxx", "aticfx", "igd10", "igd11", "igd12", "igdumd",
               "d3d11.dll", "dxgi.dll",
               "agxmetal", "amdradeonx", "intelmtl", "_dri.so", "libnvidia-", "libgallium")  # fmt: skip

CRASH = spec(
    "crash", "log", S, CRIT,
    QT_TRANSLATE_NOOP("LogFindings", "This is a crash report: OBS crashed ({exception}) in {module} on thread "
                      "{thread}; the likely culprit is {culprit} (the thread's stack: {stack})."),
    QT_TRANSLATE_NOOP("LogFindings", "Send this report and the log of the same session (Help ▸ Crash Reports, "
                      "Help ▸ Log Files) to whoever supports the room."),
    "A crash report (Windows \"Unhandled exception\", Apple's macOS report, Linux coredumpctl): the faulting "
    "module, the crashed thread and its modules.",
)  # fmt: skip
CRASH_DRIVER = QT_TRANSLATE_NOOP("LogFindings", "The crash is inside the graphics driver: install the GPU "
                                 "vendor's newest driver (clean install), then try again.")  # fmt: skip
CRASH_PLUGIN = QT_TRANSLATE_NOOP("LogFindings", "The crash is inside {culprit}, which is not part of OBS or "
                                 "Windows: update or remove that plugin or program.")  # fmt: skip
CLASSIC = spec(
    "obs_classic", "log", S, CRIT,
    QT_TRANSLATE_NOOP("LogFindings", "This is a log of OBS Classic {version}, discontinued since 2017: its lines "
                      "are not OBS Studio's, so nothing else in it is judged."),
    QT_TRANSLATE_NOOP("LogFindings", "Install OBS Studio (obsproject.com), set up the scenes again, and send an "
                      "OBS Studio log."),
    "A log of OBS Classic (0.x, discontinued 2017): recognised and said, not analysed.",
)  # fmt: skip
NO_SESSION = spec(
    "no_output_session", "log", S, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "The log holds no streaming or recording session: what happened during a "
                      "show cannot be judged from it."),
    QT_TRANSLATE_NOOP("LogFindings", "Send the log of a session in which the problem happened: Help ▸ Log Files "
                      "▸ Upload Previous Log File (or the newest file in the log folder)."),
    "A log without any streaming or recording session.",
)  # fmt: skip
SESSION = spec(
    "session_settings", "log", Category.ENCODE, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "{kind} session at {start}: {resolution} at {fps} fps, encoder “{encoder}”, "
                      "{bitrate} kbps."),
    "",
    "The settings each streaming or recording session started with (resolution, FPS, encoder, bitrate).",
)  # fmt: skip
CHANGED = spec(
    "settings_changed", "log", Category.ENCODE, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "The {setting} changed between the {kind} sessions at {before} and {after}: "
                      "“{old}” → “{new}”."),
    "",
    "A setting (resolution, FPS, encoder, bitrate) that differs between two sessions of the same kind; one each.",
)  # fmt: skip


#: The settings a session summary compares, as the findings name them.
SETTING_NAMES = {
    "resolution": QT_TRANSLATE_NOOP("LogFindings", "output resolution"),
    "fps": QT_TRANSLATE_NOOP("LogFindings", "frame rate"),
    "encoder": QT_TRANSLATE_NOOP("LogFindings", "encoder"),
    "bitrate": QT_TRANSLATE_NOOP("LogFindings", "video bitrate"),
}


def crash(context: Context) -> Iterator[Finding]:
    report = context.facts.crash
    if report is None:
        return
    stack = list(dict.fromkeys(report.thread_modules))
    module = report.fault_module or (stack[0] if stack else "—")
    candidates = [m for m in [module, *stack] if m.lower() not in SYSTEM_MODULES]
    # A crash inside OBS called from a plugin (Apple's "libobs.framework gs_texture_get_width" under a .plugin)
    # names the plugin: the first module on the stack that is neither the system's nor OBS's own.
    culprit = next((m for m in candidates if not _own(m.lower())), candidates[0] if candidates else module)
    lowered = culprit.lower()
    own = _own(lowered)
    if any(driver in lowered for driver in GPU_DRIVERS):
        remedy = CRASH_DRIVER
    elif not own and lowered not in SYSTEM_MODULES:
        remedy = CRASH_PLUGIN
    else:
        remedy = None
    yield CRASH.make(
        None,
        remedy,
        exception=report.exception,
        module=module,
        thread=report.thread or "—",
        stack=", ".join(stack[:6]) or "—",
        culprit=culprit,
    )


def _own(lowered: str) -> bool:
    return lowered in OBS_OWN or lowered.startswith(("qt", "libqt", "libobs")) or is_default_module(lowered)


def classic(context: Context) -> Iterator[Finding]:
    if context.facts.obs_classic:
        yield CLASSIC.make(version=context.facts.obs_classic)


def sessions(context: Context) -> Iterator[Finding]:
    if not context.sessions:
        if context.facts.crash is None and context.facts.obs_classic is None:
            yield NO_SESSION.make()
        return
    last: dict[str, tuple[str, dict[str, str]]] = {}
    for session in context.sessions:
        if session.settings is None:
            continue
        summary = _summary(session.settings, session.kind)
        if all(value == UNKNOWN for value in summary.values()):
            continue  # nothing of its settings was logged: a line of dashes would say nothing
        yield SESSION.make(kind=session.kind, start=session.started, **summary)
        previous = last.get(session.kind)
        if previous is not None:
            for key, value in summary.items():
                # A setting one of the two sessions did not log is not known to have changed.
                if UNKNOWN not in (previous[1][key], value) and previous[1][key] != value:
                    setting = Message(SETTING_NAMES[key], {}, TR_CONTEXT)
                    yield CHANGED.make(kind=session.kind, setting=setting, before=previous[0],
                                       after=session.started, old=previous[1][key], new=value)  # fmt: skip
        last[session.kind] = (session.started, summary)


#: A setting the log does not say.
UNKNOWN = "—"


def _summary(settings: SessionSettings, kind: str) -> dict[str, str]:
    video = settings.video
    wanted = ("stream",) if kind == "streaming" else ("rec", "file")
    encoders = [e for e in settings.encoders if e.kind not in ("aac", "opus")]
    main = next((e for e in encoders if any(w in e.name for w in wanted)), encoders[0] if encoders else None)
    fps = (video.fps or "—") if video else "—"
    if fps.endswith("/1"):
        fps = fps[:-2]
    encoder = "—"
    if main is not None:
        preset = main.settings.get("preset") or main.settings.get("target_usage")
        encoder = main.kind + (f" ({preset})" if preset else "")
    return {
        "resolution": (video.output or "—") if video else "—",
        "fps": fps,
        "encoder": encoder,
        # VideoToolbox writes "4000 (kbps)": the number is what is compared between sessions.
        "bitrate": (main.settings.get("bitrate", "—").split(" ")[0] or "—") if main else "—",
    }


CHECKS = (classic, crash, sessions)
