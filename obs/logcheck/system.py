"""System checks: the operating system and its end of support, how OBS was built and started, and the Windows
features known to starve OBS. No Qt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from obs.log_findings import TR_CONTEXT, Finding
from obs.logcheck import Context, spec
from obs.text import QT_TRANSLATE_NOOP, counted
from obs.vocabulary import Category, Severity

S, WARN, INFO, CRIT = Category.SYSTEM, Severity.WARNING, Severity.INFO, Severity.CRITICAL

# Microsoft's end of servicing for Home/Pro editions, by build (Windows 10 and 11 both log "10.0").
WINDOWS_10 = {
    10240: ("Windows 10 1507", date(2017, 5, 9)),
    10586: ("Windows 10 1511", date(2017, 10, 10)),
    14393: ("Windows 10 1607", date(2018, 4, 10)),
    15063: ("Windows 10 1703", date(2018, 10, 9)),
    16299: ("Windows 10 1709", date(2019, 4, 9)),
    17134: ("Windows 10 1803", date(2019, 11, 12)),
    17763: ("Windows 10 1809", date(2020, 11, 10)),
    18362: ("Windows 10 1903", date(2020, 12, 8)),
    18363: ("Windows 10 1909", date(2021, 5, 11)),
    19041: ("Windows 10 2004", date(2021, 12, 14)),
    19042: ("Windows 10 20H2", date(2022, 5, 10)),
    19043: ("Windows 10 21H1", date(2022, 12, 13)),
    19044: ("Windows 10 21H2", date(2023, 6, 13)),
    19045: ("Windows 10 22H2", date(2025, 10, 14)),
    22000: ("Windows 11 21H2", date(2023, 10, 10)),
    22621: ("Windows 11 22H2", date(2024, 10, 8)),
    22631: ("Windows 11 23H2", date(2025, 11, 11)),
    26100: ("Windows 11 24H2", date(2026, 10, 13)),
    26200: ("Windows 11 25H2", date(2027, 10, 12)),
}
OLDER_WINDOWS = {
    "6.1": ("Windows 7", date(2020, 1, 14)),
    "6.2": ("Windows 8", date(2016, 1, 12)),
    "6.3": ("Windows 8.1", date(2023, 1, 10)),
}
#: The oldest macOS that current OBS releases support (OBS 31 needs macOS 12).
MACOS_MINIMUM = 12
ARM_CPUS = ("snapdragon", "microsoft sq", "qualcomm")

WINDOWS_EOS = spec(
    "windows_end_of_support", "system", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "{name} (build {build}) has had no updates from Microsoft since {end}."),
    QT_TRANSLATE_NOOP("LogFindings", "Update Windows (Windows Settings ▸ Windows Update) to a supported release."),
    "The Windows release is past Microsoft's end of servicing (dates per build).",
)  # fmt: skip
WINDOWS_SUPPORTED = spec(
    "windows_version", "system", S, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "{name} (build {build}), supported by Microsoft until {end}."),
    "",
    "The Windows release and its end of servicing (for the record).",
)  # fmt: skip
WINDOWS_UNKNOWN = spec(
    "windows_unknown_build", "system", S, WARN,
    QT_TRANSLATE_NOOP(
        "LogFindings", "Windows build {build} is not a known release: probably an Insider (test) build."
    ),
    QT_TRANSLATE_NOOP("LogFindings", "For a show, use a released Windows (Windows Settings ▸ Windows Update ▸ "
                      "Windows Insider Program: stop getting preview builds)."),
    "A Windows build that is no release (Insider builds): checks by release are skipped.",
)  # fmt: skip
MACOS_OLD = spec(
    "macos_unsupported", "system", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "macOS {version} is older than current OBS releases support (macOS {minimum} "
                      "or newer)."),
    QT_TRANSLATE_NOOP("LogFindings", "Update macOS (System Settings ▸ General ▸ Software Update) or keep an OBS "
                      "release that supports this macOS."),
    "macOS older than the current OBS releases support.",
)  # fmt: skip
LINUX = spec(
    "linux_system", "system", S, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "Linux: {distribution}, {display} session, desktop {desktop}."),
    "",
    "The Linux distribution, display server (Wayland/X11) and desktop, for the record.",
)  # fmt: skip
LINUX_NO_DISPLAY = spec(
    "linux_no_display_server", "system", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The log names no display server (neither Wayland nor X11): captures may "
                      "fail."),
    QT_TRANSLATE_NOOP("LogFindings", "Start OBS from a normal desktop session, not over SSH or from a service."),
    "No Wayland or X11 session type was logged (misconfigured or virtual system).",
)  # fmt: skip
XWAYLAND = spec(
    "linux_xwayland", "system", S, CRIT,
    QT_TRANSLATE_NOOP("LogFindings", "OBS runs through XWayland on a Wayland desktop: screen and window capture "
                      "cannot work."),
    QT_TRANSLATE_NOOP("LogFindings", "Start OBS with: obs -platform wayland (or unset QT_QPA_PLATFORM=xcb)."),
    "A Wayland session where OBS still talks X11 (XWayland): no capture.",
)  # fmt: skip
OBS_32BIT = spec(
    "obs_32bit", "system", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "32-bit OBS runs on 64-bit Windows: it can use little memory and crashes "
                      "more."),
    QT_TRANSLATE_NOOP("LogFindings", "Start the 64-bit OBS (the installer's 64-bit shortcut); OBS 28 and newer "
                      "are 64-bit only."),
    "32-bit OBS on a 64-bit Windows.",
)  # fmt: skip
ARM_EMULATED = spec(
    "windows_arm_emulation", "system", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "OBS ({build}) runs under x64 emulation on an ARM processor ({cpu}): "
                      "everything costs more CPU, and capture and encoders may be missing."),
    QT_TRANSLATE_NOOP("LogFindings", "Install the ARM64 build of OBS if one exists for your version; keep the "
                      "show light (fewer sources, hardware encoder)."),
    "x64 OBS on Windows on ARM (emulated).",
)  # fmt: skip
ROSETTA = spec(
    "macos_rosetta", "system", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "OBS (Intel build) runs through Rosetta on Apple silicon: slower, and "
                      "Apple-silicon plugins do not load."),
    QT_TRANSLATE_NOOP("LogFindings", "Download the Apple Silicon build of OBS from obsproject.com and replace "
                      "this one."),
    "Intel OBS translated by Rosetta on Apple silicon.",
)  # fmt: skip
GAME_MODE_OFF = spec(
    "windows_game_mode_off", "system", S, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "Windows Game Mode is off; on this Windows it helps OBS keep its share of "
                      "the GPU while a game runs."),
    QT_TRANSLATE_NOOP("LogFindings", "Windows Settings ▸ Gaming ▸ Game Mode: On."),
    "Game Mode off on Windows 10 1809 or newer, where it helps.",
)  # fmt: skip
GAME_MODE_OLD = spec(
    "windows_game_mode_old", "system", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "Windows Game Mode is on in a Windows 10 release before 1809, where it "
                      "starves OBS of CPU and GPU."),
    QT_TRANSLATE_NOOP("LogFindings", "Windows Settings ▸ Gaming ▸ Game Mode: Off (or update Windows)."),
    "Game Mode on in Windows 10 before 1809.",
)  # fmt: skip
GAME_DVR = spec(
    "windows_game_dvr", "system", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "Windows Game DVR background recording is on: it records and encodes the "
                      "game alongside OBS."),
    QT_TRANSLATE_NOOP("LogFindings", "Windows Settings ▸ Gaming ▸ Captures: turn off background recording "
                      "(Record what happened)."),
    "Game DVR background recording on.",
)  # fmt: skip
HAGS = spec(
    "windows_hags", "system", S, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "Hardware-accelerated GPU scheduling is on (“{status}”)."),
    QT_TRANSLATE_NOOP("LogFindings", "If frames lag in rendering or game capture stays black, turn it off: "
                      "Windows Settings ▸ System ▸ Display ▸ Graphics ▸ Change default graphics settings, then "
                      "restart the PC."),
    "Hardware-accelerated GPU scheduling (HAGS) on; warning when frames lagged in rendering.",
)  # fmt: skip
PORTABLE = spec(
    "portable_mode", "system", S, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "OBS runs in portable mode: its settings live next to the program, not in "
                      "the user's profile."),
    QT_TRANSLATE_NOOP("LogFindings", "Back up the OBS folder itself (config is in it); an installer update does "
                      "not touch it."),
    "Portable mode: settings stored with the executable.",
)  # fmt: skip
SAFE_MODE = spec(
    "safe_mode", "system", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "OBS was started in safe mode: third-party plugins and scripts did not load "
                      "({skipped})."),
    QT_TRANSLATE_NOOP("LogFindings", "Restart OBS normally (Help ▸ Restart in Normal Mode) once the cause of the "
                      "last crash is fixed."),
    "Safe mode: third-party plugins and scripts off.",
)  # fmt: skip
FLATPAK = spec(
    "linux_flatpak", "system", S, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "OBS is the Flatpak ({runtime}): plugins must be Flatpak extensions."),
    QT_TRANSLATE_NOOP("LogFindings", "Install plugins with: flatpak search com.obsproject.Studio (not by copying "
                      "files)."),
    "The Flatpak build of OBS.",
)  # fmt: skip
SNAP = spec(
    "linux_snap", "system", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "OBS is the Snap package, a modified community build that OBS does not "
                      "support."),
    QT_TRANSLATE_NOOP("LogFindings", "Install OBS from obsproject.com's Linux instructions (PPA or Flatpak)."),
    "The Snap package (Ubuntu Core) build.",
)  # fmt: skip
ADMIN_GAME_CAPTURE = spec(
    "not_admin_game_capture", "system", S, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "OBS was not running as administrator and uses {sources}: games that "
                      "run elevated or with anti-cheat cannot be captured."),
    QT_TRANSLATE_NOOP("LogFindings", "Close OBS, right-click its shortcut and choose Run as administrator."),
    "Game capture without administrator rights.",
)  # fmt: skip
VANTAGE = spec(
    "lenovo_vantage", "network", Category.NETWORK, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "Lenovo Vantage / Legion Edge is installed: its Network Boost is known to "
                      "break streams."),
    QT_TRANSLATE_NOOP("LogFindings", "In Lenovo Vantage, turn Network Boost off while streaming."),
    "Lenovo Vantage / Legion Edge installed (Network Boost).",
)  # fmt: skip


def windows_release(context: Context) -> Iterator[Finding]:
    system = context.facts.system
    if system.windows_version is None or system.windows_build is None:
        return
    build = system.windows_build
    if system.windows_version == "10.0":
        known = WINDOWS_10.get(build)
        if known is None:  # no release has this build: an Insider (or newer than this table) build
            yield WINDOWS_UNKNOWN.make(build=build)
            return
    else:
        known = OLDER_WINDOWS.get(system.windows_version)
        if known is None:
            return
    name, end = known
    fields = {"name": name, "build": build, "end": end.isoformat()}
    yield (WINDOWS_EOS if context.today > end else WINDOWS_SUPPORTED).make(**fields)


def other_systems(context: Context) -> Iterator[Finding]:
    system = context.facts.system
    if system.macos_version:
        major = int(system.macos_version.split(".")[0])
        if major == 10 or major < MACOS_MINIMUM:
            yield MACOS_OLD.make(version=system.macos_version, minimum=MACOS_MINIMUM)
    if system.rosetta:
        yield ROSETTA.make()
    if system.distribution is not None or system.flatpak_runtime is not None:
        session = system.session_type or ""
        if "wayland" in session and system.window_system:
            yield XWAYLAND.make()
        if not session and not system.window_system:
            yield LINUX_NO_DISPLAY.make()
        x11 = "x11" in session or (not session and system.window_system)
        display = "Wayland" if "wayland" in session else "X11" if x11 else "—"
        distribution = (system.distribution or "Flatpak").replace('"', "")
        yield LINUX.make(distribution=distribution, display=display, desktop=system.desktop or "—")
        if system.flatpak_runtime is not None:
            yield FLATPAK.make(runtime=system.flatpak_runtime)
        if system.distribution and "Ubuntu Core" in system.distribution:
            yield SNAP.make()


def build_and_start(context: Context) -> Iterator[Finding]:
    system = context.facts.system
    build = (system.obs_build or "").lower()
    if context.windows and system.os_bits == 64 and "32-bit" in build:
        yield OBS_32BIT.make()
    cpu = (system.cpu or "").lower()
    if context.windows and any(arm in cpu for arm in ARM_CPUS) and "arm" not in build:
        yield ARM_EMULATED.make(build=system.obs_build or "x64", cpu=system.cpu)
    if system.portable:
        yield PORTABLE.make()
    if system.safe_mode:
        yield SAFE_MODE.make(skipped=", ".join(system.safe_mode_skipped) or "—")
    game_captures = context.facts.sources.get("game_capture", 0)
    if system.admin is False and game_captures:
        sources = counted(game_captures, QT_TRANSLATE_NOOP("LogFindings", "{count} game capture source"),
                          QT_TRANSLATE_NOOP("LogFindings", "{count} game capture sources"), TR_CONTEXT)  # fmt: skip
        yield ADMIN_GAME_CAPTURE.make(count=game_captures, sources=sources)
    if system.vantage:
        yield VANTAGE.make()


def windows_features(context: Context) -> Iterator[Finding]:
    system = context.facts.system
    if system.windows_version != "10.0":
        return
    release = system.windows_release or ""
    old = release.isdigit() and int(release) < 1809 and (system.windows_build or 0) < 17763
    if system.game_mode is True and old:
        yield GAME_MODE_OLD.make()
    elif system.game_mode is False and not old:
        yield GAME_MODE_OFF.make()
    if system.game_dvr_background:
        yield GAME_DVR.make()
    adapter_hags = next(
        (a.hags for a in context.facts.graphics.adapters if a.hags and a.hags.lower().startswith("enabled")), None
    )
    if system.hags or adapter_hags:
        severity = Severity.WARNING if context.worst_render_lag >= 3.0 else None
        yield HAGS.make(severity, status=adapter_hags or "On")


CHECKS = (windows_release, other_systems, build_and_start, windows_features)
