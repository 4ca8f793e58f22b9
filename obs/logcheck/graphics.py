"""Graphics checks: the GPU OBS renders on and its driver, the renderer, and the monitors' refresh rates against
the FPS. (Software rendering is the older "software_rendering" finding of obs/log_findings.py.) No Qt."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from obs.log_findings import TR_CONTEXT, Finding
from obs.logcheck import Context, spec
from obs.logfacts import Encoder
from obs.text import QT_TRANSLATE_NOOP, Message
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


def nvidia_driver_version(context: Context) -> float | None:
    """NVIDIA's own driver number (536.67), from Windows' adapter list or Linux's OpenGL line; None without one."""
    graphics = context.facts.graphics
    found = [_nvidia_version(a.driver) for a in graphics.adapters if "nvidia" in a.name.lower() and a.driver]
    gl = re.search(r"NVIDIA (\d+\.\d+)", graphics.opengl_version or "")
    versions = [v for v in found if v is not None] + ([float(gl.group(1))] if gl else [])
    return max(versions) if versions else None


def used_encoders(context: Context, kind: str) -> list[Encoder]:
    return [e for s in context.sessions if s.settings for e in s.settings.encoders if e.kind == kind]


def nvidia_driver(context: Context) -> Iterator[Finding]:
    obs = _version(context.obs_version)
    minimum = next((driver for since, driver in NVENC_MINIMUM_DRIVER if obs and obs >= since), None)
    version = nvidia_driver_version(context)
    if minimum is None or version is None or version >= minimum:
        return
    yield NVIDIA_DRIVER.make(
        Severity.CRITICAL if used_encoders(context, "nvenc") else None,
        driver=f"{version:.2f}",
        obs=context.obs_version,
        minimum=f"{minimum:.2f}",
    )


#: AMD's Windows driver versions: 31.0.x began with Adrenalin 22.7 (mid-2022); 27.x–30.x are 2019–2022 releases.
AMD_OLDEST_MAJOR = 31
AMD_DRIVER = spec(
    "amd_driver_too_old", "graphics", R, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The AMD driver {driver} of {adapter} is from before mid-2022 (Windows driver "
                      "versions below 31.0): AMF encoder and capture fixes since then are missing."),
    QT_TRANSLATE_NOOP("LogFindings", "Install AMD Software: Adrenalin Edition's current driver from amd.com "
                      "(choose Factory Reset), then restart OBS."),
    "An AMD driver older than mid-2022 (Windows driver version below 31.0); critical when a session used AMF.",
)  # fmt: skip


def amd_driver(context: Context) -> Iterator[Finding]:
    for adapter in context.facts.graphics.adapters:
        lowered = adapter.name.lower()
        major = re.match(r"(\d+)\.", adapter.driver or "")
        if ("amd" in lowered or "radeon" in lowered) and major and int(major.group(1)) < AMD_OLDEST_MAJOR:
            severity = Severity.CRITICAL if used_encoders(context, "amf") else None
            yield AMD_DRIVER.make(severity, driver=adapter.driver, adapter=adapter.name)
            return


@dataclass(frozen=True)
class NvencGeneration:
    name: str  # NVIDIA's architecture name, as NVIDIA's NVENC support matrix names it
    codecs: tuple[str, ...]
    hevc_bframes: bool


KEPLER = NvencGeneration("Kepler", ("h264",), False)
#: GeForce names to their NVENC generation, the first match wins (a GPU without NVENC is None). From NVIDIA's Video
#: Encode and Decode support matrix: HEVC from Maxwell's second generation, HEVC B-frames from Turing, AV1 from Ada.
NVENC_GENERATIONS: tuple[tuple[re.Pattern[str], NvencGeneration | None], ...] = (
    (re.compile(r"GT 1030|\bMX ?\d{3}\b|GT 7[12]0\b"), None),
    (re.compile(r"RTX 50\d0|RTX PRO \d+ Blackwell"), NvencGeneration("Blackwell", ("h264", "hevc", "av1"), True)),
    (re.compile(r"RTX 40\d0|RTX \d+ Ada"), NvencGeneration("Ada Lovelace", ("h264", "hevc", "av1"), True)),
    (re.compile(r"RTX 30\d0|RTX A\d{3,4}\b"), NvencGeneration("Ampere", ("h264", "hevc"), True)),
    (re.compile(r"RTX 20\d0|GTX 1660|GTX 1650 SUPER|Quadro RTX|TITAN RTX"), NvencGeneration("Turing", ("h264", "hevc"),
                                                                                               True)),
    (re.compile(r"GTX 1650|TITAN V"), NvencGeneration("Volta (TU117)", ("h264", "hevc"), False)),
    (re.compile(r"GTX 10[5-8]0|TITAN Xp|Quadro P\d+"), NvencGeneration("Pascal", ("h264", "hevc"), False)),
    (re.compile(r"GTX 9[5-8]0|GTX TITAN X|Quadro M\d+"), NvencGeneration("Maxwell (2nd gen)", ("h264", "hevc"), False)),
    (re.compile(r"GTX 7[45]0"), NvencGeneration("Maxwell (1st gen)", ("h264",), False)),
    (re.compile(r"GTX 6\d0|GTX 7[6-8]0|GT 7[3-4]0|GTX TITAN|Quadro K\d+"), KEPLER),
)  # fmt: skip


def nvenc_generation(gpu: str) -> tuple[bool, NvencGeneration | None]:
    """(known, generation) for an NVIDIA GPU's name; (True, None) for a GPU known to have no NVENC."""
    for pattern, generation in NVENC_GENERATIONS:
        if pattern.search(gpu):
            return True, generation
    return False, None


NVENC_GPU = spec(
    "nvenc_generation", "graphics", R, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "{adapter} has a {generation} NVENC: it encodes {codecs}; HEVC with "
                      "B-frames: {bframes}."),
    "",
    "The NVIDIA GPU's NVENC generation and what it can encode (H.264/HEVC/AV1, HEVC B-frames), when NVENC was used.",
)  # fmt: skip
NO_NVENC = spec(
    "nvenc_no_hardware", "graphics", R, CRIT,
    QT_TRANSLATE_NOOP("LogFindings", "{adapter} has no NVENC encoder, yet {encoder} is set to NVENC: it cannot "
                      "start."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output ▸ Encoder: x264 (or the integrated GPU's QuickSync)."),
    "NVENC chosen on an NVIDIA GPU without NVENC (GT 1030, MX series, GT 710/720).",
)  # fmt: skip
NVENC_CODEC = spec(
    "nvenc_codec_unsupported", "graphics", R, CRIT,
    QT_TRANSLATE_NOOP("LogFindings", "{encoder} asks {adapter} ({generation} NVENC) for {codec}, which it cannot "
                      "encode: the output fails to start."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output ▸ Encoder: NVIDIA NVENC H.264 (HEVC needs a GTX 950 or "
                      "newer, AV1 an RTX 40 or newer)."),
    "An NVENC codec the GPU's generation lacks (HEVC before Maxwell 2nd gen, AV1 before Ada).",
)  # fmt: skip
NVENC_BFRAMES = spec(
    "nvenc_bframes_unsupported", "graphics", R, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "{encoder} asks for {bframes} B-frames in HEVC, which {adapter} ({generation} "
                      "NVENC) cannot do: OBS encodes without them or retries with compatibility options."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Output ▸ Max B-frames: 0 for HEVC on this GPU (or use H.264, "
                      "where it supports B-frames)."),
    "HEVC with B-frames on an NVENC before Turing (GTX 10, GTX 1650, GTX 9).",
)  # fmt: skip
YES_NO = {True: QT_TRANSLATE_NOOP("LogFindings", "yes"), False: QT_TRANSLATE_NOOP("LogFindings", "no")}
CODEC_NAMES = {"h264": "H.264", "hevc": "HEVC", "av1": "AV1"}


def nvenc(context: Context) -> Iterator[Finding]:
    encoders = used_encoders(context, "nvenc")
    graphics = context.facts.graphics
    gpu = next((a.name for a in graphics.adapters if "nvidia" in a.name.lower()), None)
    if gpu is None and "NVIDIA" in (graphics.adapter_in_use or ""):
        gpu = re.sub(r"\s*\(\d+\)$", "", graphics.adapter_in_use or "")
    if not encoders or gpu is None:
        return
    known, generation = nvenc_generation(gpu)
    if not known:
        return
    if generation is None:
        yield NO_NVENC.make(adapter=gpu, encoder=encoders[0].name)
        return
    codecs = ", ".join(CODEC_NAMES[c] for c in generation.codecs)
    bframes = Message(YES_NO[generation.hevc_bframes], {}, TR_CONTEXT)
    yield NVENC_GPU.make(adapter=gpu, generation=generation.name, codecs=codecs, bframes=bframes)
    seen: set[tuple[str, str]] = set()
    for encoder in encoders:
        fields = {"encoder": encoder.name, "adapter": gpu, "generation": generation.name}
        if encoder.codec not in generation.codecs and ("codec", encoder.name) not in seen:
            seen.add(("codec", encoder.name))
            yield NVENC_CODEC.make(codec=CODEC_NAMES[encoder.codec], **fields)
        count = encoder.settings.get("b-frames", "0")
        if (encoder.codec == "hevc" and count.isdigit() and int(count) > 0 and not generation.hevc_bframes
                and ("bframes", encoder.name) not in seen):  # fmt: skip
            seen.add(("bframes", encoder.name))
            yield NVENC_BFRAMES.make(bframes=int(count), **fields)


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


CHECKS = (gpu, refresh, nvidia_driver, amd_driver, nvenc)
