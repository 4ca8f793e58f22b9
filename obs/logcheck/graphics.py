"""Graphics checks: the GPU OBS renders on and its driver, the renderer, and the monitors' refresh rates against
the FPS. (Software rendering is the older "software_rendering" finding of obs/log_findings.py.) No Qt."""

from __future__ import annotations

import re
from collections.abc import Iterator

from obs.log_findings import Finding
from obs.logcheck import Context, spec
from obs.text import QT_TRANSLATE_NOOP
from obs.vocabulary import Category, Severity

R, WARN, INFO, CRIT = Category.RENDER, Severity.WARNING, Severity.INFO, Severity.CRITICAL
DEDICATED = ("nvidia", "geforce", "quadro", "radeon rx", "radeon pro", "arc a", "arc(tm) a")
INTEGRATED = ("intel(r) uhd", "intel(r) hd", "intel(r) iris", "uhd graphics", "iris", "radeon(tm) graphics",
              "vega")  # fmt: skip

GPU = spec(
    "gpu", "graphics", R, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "OBS renders with {renderer} on {adapter} (driver {driver})."),
    "",
    "The renderer, the GPU OBS uses and its driver version, for the record.",
)  # fmt: skip
WRONG_GPU = spec(
    "gpu_integrated_in_use", "graphics", R, CRIT,
    QT_TRANSLATE_NOOP("LogFindings", "OBS renders on the integrated GPU ({adapter}) although this PC also has "
                      "{dedicated}: a laptop's weak GPU, and game capture of games on the other GPU fails."),
    QT_TRANSLATE_NOOP("LogFindings", "Windows Settings ▸ System ▸ Display ▸ Graphics: set OBS to High "
                      "performance, then restart OBS."),
    "OBS runs on the integrated GPU of a PC (laptop) with a dedicated one.",
)  # fmt: skip
OPENGL_WINDOWS = spec(
    "opengl_on_windows", "graphics", R, CRIT,
    QT_TRANSLATE_NOOP("LogFindings", "OBS uses the OpenGL renderer on Windows: slower, with capture and "
                      "display glitches."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Advanced ▸ Video ▸ Renderer: Direct3D 11, then restart OBS."),
    "The OpenGL renderer on Windows.",
)  # fmt: skip
REFRESH_FPS = spec(
    "refresh_fps_mismatch", "graphics", R, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "Monitor {display} runs at {refresh:g} Hz, which is not a multiple of OBS's "
                      "{fps:g} fps: captured motion may stutter."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Video ▸ Common FPS Values: pick a divisor of the refresh rate "
                      "(e.g. 60 or 30 for 60/120/144 Hz), or set the monitor to a multiple of the FPS."),
    "A monitor's refresh rate is not a multiple of the video FPS.",
)  # fmt: skip
MIXED_REFRESH = spec(
    "mixed_refresh_rates", "graphics", R, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "Monitors run at different refresh rates ({rates}) on a Windows before "
                      "10 2004, which slows hardware-accelerated apps such as games and OBS."),
    QT_TRANSLATE_NOOP("LogFindings", "Update Windows to 10 2004 or newer, or set every monitor to the same "
                      "refresh rate."),
    "Mixed monitor refresh rates on Windows older than 10 2004.",
)  # fmt: skip


#: The oldest NVIDIA driver each OBS release's NVENC works with (OBS's release notes and its own error text):
#: 471.41 from OBS 28, 531.61 from 30.1, 551 from 31 (NVENC SDK 12.2), 570 from 32.2 (SDK 13).
NVENC_MINIMUM_DRIVER = (((32, 2), 570.0), ((31, 0), 551.0), ((30, 1), 531.61), ((28, 0), 471.41))
NVIDIA_DRIVER = spec(
    "nvidia_driver_too_old", "graphics", R, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The NVIDIA driver {driver} is older than OBS {obs} needs for NVENC "
                      "({minimum} or newer)."),
    QT_TRANSLATE_NOOP("LogFindings", "Install NVIDIA's current driver (GeForce Experience / NVIDIA App, or "
                      "nvidia.com), then restart OBS; an old GPU without newer drivers must use x264."),
    "An NVIDIA driver older than the OBS version's NVENC minimum; critical when a session used NVENC.",
)  # fmt: skip


def nvidia_driver(context: Context) -> Iterator[Finding]:
    obs = _version(context.obs_version)
    minimum = next((driver for since, driver in NVENC_MINIMUM_DRIVER if obs and obs >= since), None)
    graphics = context.facts.graphics
    found = [_nvidia_version(a.driver) for a in graphics.adapters if "nvidia" in a.name.lower() and a.driver]
    gl = re.search(r"NVIDIA (\d+\.\d+)", graphics.opengl_version or "")
    versions = [v for v in found if v is not None] + ([float(gl.group(1))] if gl else [])
    if minimum is None or not versions or max(versions) >= minimum:
        return
    used = any(e.kind == "nvenc" for s in context.sessions if s.settings for e in s.settings.encoders)
    yield NVIDIA_DRIVER.make(
        Severity.CRITICAL if used else None,
        driver=f"{max(versions):.2f}",
        obs=context.obs_version,
        minimum=f"{minimum:.2f}",
    )


def _nvidia_version(windows_driver: str) -> float | None:
    """NVIDIA's own number from the Windows driver version: 31.0.15.3667 is 536.67 (the last five digits)."""
    digits = "".join(windows_driver.split(".")[-2:])
    return int(digits[-5:]) / 100 if digits.isdigit() and len(digits) >= 5 else None


def _version(text: str | None) -> tuple[int, int] | None:
    match = re.match(r"(\d+)\.(\d+)", text or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def gpu(context: Context) -> Iterator[Finding]:
    graphics = context.facts.graphics
    in_use = graphics.adapter_in_use
    if in_use is None and not graphics.adapters:
        return
    name = re.sub(r"\s*\(\d+\)$", "", in_use or graphics.adapters[0].name)
    adapter = next((a for a in graphics.adapters if a.name == name), None)
    driver = adapter.driver if adapter and adapter.driver else "—"
    yield GPU.make(renderer=graphics.renderer or "—", adapter=name, driver=driver)
    if context.windows and graphics.opengl_warning:
        yield OPENGL_WINDOWS.make()
    lowered = name.lower()
    dedicated = next((a.name for a in graphics.adapters if any(d in a.name.lower() for d in DEDICATED)), None)
    if dedicated and dedicated != name and any(i in lowered for i in INTEGRATED):
        yield WRONG_GPU.make(adapter=name, dedicated=dedicated)


def refresh(context: Context) -> Iterator[Finding]:
    video = context.facts.video
    fps = _fps(video.fps if video else None)
    displays = [d for a in context.facts.graphics.adapters for d in a.displays if d.refresh]
    if fps:
        for display in displays:
            assert display.refresh is not None
            ratio = display.refresh / fps
            if abs(ratio - round(ratio)) > 0.05 or round(ratio) == 0:
                yield REFRESH_FPS.make(display=display.name or "?", refresh=display.refresh, fps=fps)
                break
    rates = sorted({round(d.refresh or 0) for d in displays})
    build = context.facts.system.windows_build
    if len(rates) > 1 and context.facts.system.windows_version == "10.0" and build is not None and build < 19041:
        yield MIXED_REFRESH.make(rates=", ".join(f"{r} Hz" for r in rates))


def _fps(text: str | None) -> float | None:
    match = re.match(r"(\d+)/(\d+)", text or "")
    if match and int(match.group(2)):
        return int(match.group(1)) / int(match.group(2))
    return None


CHECKS = (gpu, refresh, nvidia_driver)
