"""A stored finding as the records say it: as of the episode's end, not "now".

A finding is stored with its message as it last read live: its template and that second's figures. Several live
templates, said while an episode eases, quote the episode's worst figure and this second's ("…; 96 % now") — true in
the Health dock, but the review, `onair report` and the exports print them after the show, when that second is the
incident's end ("…; 96 % at its end"). The records map the live words at reading, so that findings stored before
these words existed read the same; the Health dock keeps saying "now".
"""

from __future__ import annotations

from obs.health_audio import (
    CLIPPING_EASING,
    MIC_SILENT_EASING,
    ON_AIR_SILENT_EASING,
    PRODUCT_SILENT_EASING,
    UNPLAYABLE_EASING,
)
from obs.health_rules import (
    CPU_SATURATED_EASING,
    DISK_LOW_EASING,
    FPS_LOW_EASING,
    RECORDING_STALLED_EASING,
    RENDER_TIME_EASING,
)
from obs.text import QT_TRANSLATE_NOOP

#: Live template → the same message as of the episode's end (same fields). Every live message template that says
#: "now" has its record wording here (tests/obs/test_health_record.py scans the sources for them).
RECORD_WORDS: dict[str, str] = {
    FPS_LOW_EASING: QT_TRANSLATE_NOOP(
        "Health",
        "OBS rendered as few as {lowest:.1f} fps instead of {target:.0f} in this episode (lowest 5-s median); "
        "{fps:.1f} fps at its end.",
    ),
    RENDER_TIME_EASING: QT_TRANSLATE_NOOP(
        "Health",
        "Rendering a frame took up to {longest:.1f} ms of the {budget:.1f} ms available in this episode (10-s "
        "median); {ms:.1f} ms at its end.",
    ),
    RECORDING_STALLED_EASING: QT_TRANSLATE_NOOP(
        "Health",
        "The recording stood still for {stalled_s:.0f} s in this episode although OBS said it was recording; it "
        "grew again at its end ({kbps:.0f} kbit/s). The disk stalled, was disconnected or full.",
    ),
    DISK_LOW_EASING: QT_TRANSLATE_NOOP(
        "Health",
        "The recording disk was down to {lowest_gb:.1f} GB free in this episode; {free_gb:.1f} GB free at its end.",
    ),
    CPU_SATURATED_EASING: QT_TRANSLATE_NOOP(
        "Health", "The computer's CPU reached {highest:.0f} % in this episode (10-s mean); {total:.0f} % at its end."
    ),
    MIC_SILENT_EASING: QT_TRANSLATE_NOOP(
        "Health",
        "The microphone “{inputs}” was silent for {seconds:.0f} s in this episode (below −50 dBFS, loudest "
        "{level_db:.0f} dBFS); it was heard again at its end.",
    ),
    PRODUCT_SILENT_EASING: QT_TRANSLATE_NOOP(
        "Health",
        "The product video “{inputs}” played without sound for {seconds:.0f} s in this episode (below −50 dBFS, "
        "loudest {level_db:.0f} dBFS); sound was heard again at its end.",
    ),
    UNPLAYABLE_EASING: QT_TRANSLATE_NOOP(
        "Health",
        "The product video “{inputs}” could not be played for {seconds:.0f} s in this episode (OBS could not open "
        "its file); it played again at its end.",
    ),
    ON_AIR_SILENT_EASING: QT_TRANSLATE_NOOP(
        "Health",
        "Nothing on air was heard for {seconds:.0f} s in this episode (“{inputs}”, loudest {level_db:.0f} dBFS); "
        "sound was heard again at its end.",
    ),
    CLIPPING_EASING: QT_TRANSLATE_NOOP(
        "Health",
        "“{inputs}” clipped in this episode: peaks up to {peak_db:.1f} dBFS, up to {clips} times in a 10-s window; "
        "none in its last 10 s.",
    ),
}


def as_recorded(template: str) -> str:
    """A stored finding's template as the records say it: the record wording of a live "now" template, any other
    as stored."""
    return RECORD_WORDS.get(template, template)
