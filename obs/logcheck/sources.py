"""Sources and plugins: browser sources and their hardware acceleration, capture and media failures, modules
that failed to load, third-party and known-problematic plugins, default modules missing on Linux. No Qt."""

from __future__ import annotations

from collections.abc import Iterator

from obs.log_findings import TR_CONTEXT, Finding
from obs.logcheck import Context, log_lines, spec
from obs.text import QT_TRANSLATE_NOOP, Message, counted
from obs.vocabulary import Category, Severity

S, WARN, INFO, CRIT = Category.SYSTEM, Severity.WARNING, Severity.INFO, Severity.CRITICAL
MANY_BROWSERS = 10
#: The modules OBS ships (by file name without extension), whatever the platform.
DEFAULT_MODULES = {
    "coreaudio-encoder", "decklink", "decklink-captions", "decklink-output-ui", "aja", "aja-output-ui",
    "frontend-tools", "image-source", "obs-browser", "obs-ffmpeg", "obs-filters", "obs-outputs", "obs-qsv11",
    "obs-text", "obs-transitions", "obs-vst", "obs-webrtc", "obs-websocket", "obs-x264", "obs-nvenc", "nv-filters",
    "rtmp-services", "text-freetype2", "vlc-video", "enc-amf", "obs-libfdk", "obs-vst3", "obs-x264-enc",
}  # fmt: skip
DEFAULT_PREFIXES = ("win-", "mac-", "linux-")
#: Plugins whose presence alone is worth a word (a module name, lower case, without extension).
PROBLEMATIC = {"streamfx": QT_TRANSLATE_NOOP("LogFindings", "StreamFX is no longer maintained and crashes "
                                             "current OBS releases")}  # fmt: skip
LINUX_DEFAULTS = ("obs-browser", "obs-websocket", "vlc-video")

BROWSER_ACCEL = spec(
    "browser_acceleration_off", "sources", S, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "Browser source hardware acceleration is off: the CPU renders {sources}."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Advanced ▸ Sources ▸ Enable Browser Source Hardware "
                      "Acceleration, then restart OBS."),
    "Browser hardware acceleration off while browser sources are used.",
)  # fmt: skip
MANY_BROWSER = spec(
    "many_browser_sources", "sources", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The scenes hold {count} browser sources: each one is a web page rendering "
                      "all the time."),
    QT_TRANSLATE_NOOP("LogFindings", "Remove unused ones; tick “Shutdown source when not visible” in each "
                      "browser source's properties."),
    f"More than {MANY_BROWSERS} browser sources in the scene collection.",
)  # fmt: skip
CAPTURE_FAILED = spec(
    "capture_failed", "sources", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "A capture source failed ({lines}), first: {line}"),
    QT_TRANSLATE_NOOP("LogFindings", "Game capture: run OBS as administrator, on the same GPU as the game; try "
                      "Window Capture or Display Capture instead."),
    "Game/window/display capture errors.",
)  # fmt: skip
MEDIA_FAILED = spec(
    "media_failed", "sources", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "A media file could not be opened ({files}, {attempts} in all), first: "
                      "{file}"),
    QT_TRANSLATE_NOOP("LogFindings", "Check the file still exists at that path and plays in a video player; "
                      "re-encode unusual formats to MP4 (H.264/AAC)."),
    "A media source could not open its file (missing, or a format FFmpeg cannot read).",
)  # fmt: skip
MEDIA_FORMAT = spec(
    "media_unsupported_format", "sources", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "A media file opened, but its format cannot be decoded ({count}), first: "
                      "{file}"),
    QT_TRANSLATE_NOOP("LogFindings", "Re-encode the file to MP4 with H.264 video and AAC audio (HandBrake or "
                      "ffmpeg) and point the Media Source at the new file."),
    "A media source's file whose codec FFmpeg cannot decode (\"Failed to find video codec\").",
)  # fmt: skip
MISSING_FILES = spec(
    "missing_files", "sources", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "A source's file could not be loaded ({count}), first: {line}"),
    QT_TRANSLATE_NOOP("LogFindings", "File ▸ Show Missing Files (or the source's properties) to point it at the "
                      "file's new place."),
    "An image or other source's file failed to load.",
)  # fmt: skip
FAILED_MODULES = spec(
    "modules_failed", "sources", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "{plugins} failed to load: {modules}."),
    QT_TRANSLATE_NOOP("LogFindings", "Update or remove those plugins (a plugin built for another OBS version "
                      "does not load); Help ▸ Log Files shows the reason."),
    "Plugin modules that failed to load or initialise.",
)  # fmt: skip
THIRD_PARTY = spec(
    "third_party_plugins", "sources", S, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "Third-party plugins loaded ({count}): {modules}."),
    QT_TRANSLATE_NOOP("LogFindings", "When OBS misbehaves, try Help ▸ Restart in Safe Mode: it starts without "
                      "them."),
    "Plugins that do not ship with OBS, for the record.",
)  # fmt: skip
BAD_PLUGIN = spec(
    "problematic_plugin", "sources", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "Plugin {module}: {reason}."),
    QT_TRANSLATE_NOOP("LogFindings", "Uninstall it, or replace it with a maintained plugin."),
    "A plugin known to cause trouble with current OBS (StreamFX).",
)  # fmt: skip
LINUX_MISSING = spec(
    "linux_missing_modules", "sources", S, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "Modules that OBS normally ships are missing: {modules}."),
    QT_TRANSLATE_NOOP("LogFindings", "Install OBS from the official PPA or Flatpak, which include them (and VLC "
                      "for the VLC source)."),
    "obs-browser, obs-websocket or vlc-video missing on Linux (a distribution's trimmed package).",
)  # fmt: skip


def _stem(module: str) -> str:
    return module.rsplit(".", 1)[0] if module.endswith((".dll", ".so", ".plugin", ".dylib")) else module


def _default(module: str) -> bool:
    return module in DEFAULT_MODULES or module.startswith(DEFAULT_PREFIXES)


def is_default_module(file_name: str) -> bool:
    """A module file ("win-capture.dll", "obs-x264.so") that ships with OBS."""
    return _default(_stem(file_name.lower()))


def sources(context: Context) -> Iterator[Finding]:
    facts = context.facts
    browsers = facts.sources.get("browser_source", 0)
    if browsers and facts.system.browser_hw_accel is False:
        sources = counted(browsers, QT_TRANSLATE_NOOP("LogFindings", "{count} browser source"),
                          QT_TRANSLATE_NOOP("LogFindings", "{count} browser sources"), TR_CONTEXT)  # fmt: skip
        yield BROWSER_ACCEL.make(count=browsers, sources=sources)
    if browsers > MANY_BROWSERS:
        yield MANY_BROWSER.make(count=browsers)
    if facts.capture_failures:
        failures = len(facts.capture_failures)
        yield CAPTURE_FAILED.make(count=failures, lines=log_lines(failures), line=facts.capture_failures[0])
    if facts.media_failures:
        # tech17: one missing file OBS tried 3 times (a source re-pointed, restarted) read "3 files could not be
        # opened": the files are counted once each, the attempts apart.
        files = list(dict.fromkeys(facts.media_failures))
        tries = len(facts.media_failures)
        yield MEDIA_FAILED.make(
            count=len(files),
            tries=tries,
            # With their nouns, singular or plural: "1 file, 1 attempt in all", "2 files, 3 attempts in all".
            files=counted(len(files), QT_TRANSLATE_NOOP("LogFindings", "{count} file"),
                          QT_TRANSLATE_NOOP("LogFindings", "{count} files"), TR_CONTEXT),
            attempts=counted(tries, QT_TRANSLATE_NOOP("LogFindings", "{count} attempt"),
                             QT_TRANSLATE_NOOP("LogFindings", "{count} attempts"), TR_CONTEXT),
            file=files[0],
        )  # fmt: skip
    if facts.media_unsupported:
        yield MEDIA_FORMAT.make(count=len(facts.media_unsupported), file=facts.media_unsupported[0])
    if facts.missing_files:
        yield MISSING_FILES.make(count=len(facts.missing_files), line=facts.missing_files[0])


def plugins(context: Context) -> Iterator[Finding]:
    facts = context.facts
    # A module OBS ships fails when its hardware or library is absent (DeckLink, AJA, VLC): not a finding.
    failed = [m for m in dict.fromkeys(facts.failed_modules) if not _default(_stem(m))]
    if failed:
        plugins = counted(len(failed), QT_TRANSLATE_NOOP("LogFindings", "{count} plugin module"),
                          QT_TRANSLATE_NOOP("LogFindings", "{count} plugin modules"), TR_CONTEXT)  # fmt: skip
        yield FAILED_MODULES.make(count=len(failed), plugins=plugins, modules=", ".join(failed))
    loaded = [_stem(m) for m in facts.modules]
    third = [m for m in loaded if not _default(m)]
    if third:
        yield THIRD_PARTY.make(count=len(third), modules=", ".join(third))
    for module in loaded + [_stem(m) for m in failed]:
        reason = PROBLEMATIC.get(module.lower())
        if reason:
            yield BAD_PLUGIN.make(module=module, reason=Message(reason, {}, TR_CONTEXT))
            break
    if facts.system.distribution and loaded:
        missing = [m for m in LINUX_DEFAULTS if m not in loaded]
        if missing:
            yield LINUX_MISSING.make(modules=", ".join(missing))


CHECKS = (sources, plugins)
