"""Audio checks: buffering increases, devices at another sample rate than OBS, the monitoring device. (OBS
reaching its maximum buffering is the older "audio_buffering" finding of obs/log_findings.py.) No Qt."""

from __future__ import annotations

import re
from collections.abc import Iterator

from obs.log_findings import TR_CONTEXT, Finding
from obs.logcheck import Context, log_lines, spec
from obs.text import QT_TRANSLATE_NOOP, counted
from obs.vocabulary import Category, Severity

A, WARN, INFO = Category.AUDIO, Severity.WARNING, Severity.INFO

BUFFERING = spec(
    "audio_buffering_increased", "audio", A, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "OBS raised its audio buffering {times}, to {ms} ms, because of {sources}: "
                      "every source is delayed by that much."),
    QT_TRANSLATE_NOOP("LogFindings", "Check the named source's device (its driver, USB hub, sample rate); a "
                      "media or network source that stalls also does this. Restarting OBS resets the buffering."),
    "OBS increased audio buffering (the total and the sources that caused it); warning above 500 ms.",
)  # fmt: skip
SAMPLE_RATE = spec(
    "sample_rate_mismatch", "audio", A, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "Audio devices run at other sample rates than OBS's {rate} Hz: {devices}. "
                      "Resampling can drift or crackle."),
    QT_TRANSLATE_NOOP("LogFindings", "Set every device to 48000 Hz (Windows: Sound settings ▸ device ▸ "
                      "Properties ▸ Advanced ▸ Default Format) and OBS too: Settings ▸ Audio ▸ Sample Rate."),
    "A capture device's sample rate differs from OBS's (WASAPI/CoreAudio 44.1 vs 48 kHz).",
)  # fmt: skip
MONITORING = spec(
    "monitoring_device", "audio", A, INFO,
    QT_TRANSLATE_NOOP("LogFindings", "Audio monitoring plays on “{device}”. If desktop audio captures that same "
                      "device, monitored sources are heard twice on the stream (echo)."),
    QT_TRANSLATE_NOOP("LogFindings", "Settings ▸ Audio ▸ Advanced ▸ Monitoring Device: a headphone output that "
                      "Desktop Audio does not capture."),
    "Audio monitoring goes to a device other than the default.",
)  # fmt: skip


DEVICE = spec(
    "audio_device_unavailable", "audio", A, WARN,
    QT_TRANSLATE_NOOP("LogFindings", "The audio device “{device}” could not be opened ({lines}): {error}. "
                      "For “default”, Windows has no enabled device of that kind — all are disabled or unplugged — "
                      "so the source using it (often Desktop Audio) stays silent."),
    QT_TRANSLATE_NOOP("LogFindings", "Windows: Settings ▸ System ▸ Sound ▸ More sound settings ▸ Playback (or "
                      "Recording): right-click ▸ Show Disabled Devices, enable the device and set it as default; "
                      "then OBS: Settings ▸ Audio ▸ Desktop Audio / Mic/Auxiliary Audio."),
    "An audio device OBS could not open; \"default\" means every device of that kind is disabled (desktop audio).",
)  # fmt: skip
DEVICE_LINE = re.compile(r"^:?\[(.*?)\] (.*)$")


def devices(context: Context) -> Iterator[Finding]:
    failures = context.facts.audio.device_failures
    if not failures:
        return
    first = DEVICE_LINE.match(failures[0])  # ":[default] Failed GetDefaultAudioEndpoint: 80070490"
    device, error = (first.group(1), first.group(2)) if first else ("?", failures[0])
    yield DEVICE.make(device=device, error=error, count=len(failures), lines=log_lines(len(failures)))


def audio(context: Context) -> Iterator[Finding]:
    facts = context.facts.audio
    if facts.buffering_increases:
        severity = Severity.WARNING if facts.buffering_ms > 500 else None
        sources = ", ".join(facts.buffering_sources) or "—"
        count = facts.buffering_increases
        times = counted(count, QT_TRANSLATE_NOOP("LogFindings", "{count} time"),
                        QT_TRANSLATE_NOOP("LogFindings", "{count} times"), TR_CONTEXT)  # fmt: skip
        yield BUFFERING.make(severity, count=count, times=times, ms=facts.buffering_ms, sources=sources)
    rate = facts.sample_rate
    odd = {device: hz for device, hz in facts.device_rates.items() if rate and hz != rate}
    if odd:
        devices = ", ".join(f"{device} {hz} Hz" for device, hz in odd.items())
        yield SAMPLE_RATE.make(rate=rate, devices=devices)
    device = facts.monitoring_device
    if device and device.lower() not in ("default", "默认"):
        yield MONITORING.make(device=device)


CHECKS = (audio, devices)
