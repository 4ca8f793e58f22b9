"""A stored finding as the records say it: as of the episode's end, not "now", "in the last 10 s" or "is".

A finding is stored with its message as it last read live: its template and that second's figures. Several live
templates, said while an episode eases, quote the episode's worst figure and this second's ("…; 96 % now") — true in
the Health dock, but the review, `onair report` and the exports print them after the show, when that second is the
incident's end ("…; 96 % at its end"). So do the templates that quote a window or a duration ending the second they
were said ("… in the last 10 s", "… 12 s ago", "… s so far"), and those in the present tense ("OBS renders 18.0 fps").
The records map the live words at reading, so that findings stored before these words existed read the same; the
Health dock says an open finding live and a closed one as the records do (widgets/health_panel.py).
"""

from __future__ import annotations

from obs.health import Ended
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


# Live templates that quote a window ending this second ("… in the last 10 s", "… over the last minute", "… s so
# far", "… s ago"), each with its record wording. A finding keeps the figures of the last second they were known:
# the second it closed when it eased (after the incident's end: "in its last 10 s" would be the wrong 10 s), else the
# last one read before OBS or the stream went away or the show stopped. The windows are said as that: the last 10 s
# (the last minute) measured before the finding closed; a duration as how long it lasted. Keyed by the live text
# itself (tests/obs/test_health_record.py checks each is a live template).
RECORD_WORDS.update(
    {
        # obs/health_rules.py RenderLag (the CPU-starved, stalled, held and plain wordings)
        "Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window of this episode, while the "
        "computer's CPU was at up to {cpu_pct:.0f} %; {pct:.1f} % in the last 10 s. OBS got too little CPU time to "
        "draw the picture in time.": QT_TRANSLATE_NOOP(
            "Health",
            "Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window of this episode, while the "
            "computer's CPU was at up to {cpu_pct:.0f} %; {pct:.1f} % in the last 10 s measured before the finding "
            "closed. OBS got too little CPU time to draw the picture in time.",
        ),
        "Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s while the computer's CPU was at "
        "{cpu_pct:.0f} % (OBS {obs_cpu:.0f} %, other programs {others_cpu:.0f} %). OBS gets too little CPU time to "
        "draw the picture in time: not the graphics card.": QT_TRANSLATE_NOOP(
            "Health",
            "Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s measured before the finding closed, "
            "the computer's CPU at up to {cpu_pct:.0f} % (OBS {obs_cpu:.0f} %, other programs {others_cpu:.0f} % "
            "when last measured). OBS got too little CPU time to draw the picture in time: not the graphics card.",
        ),
        "Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window while OBS itself was not answering "
        "({stall_s:.0f} s); {pct:.1f} % in the last 10 s. The frames were lost to OBS freezing, not to the graphics "
        "card.": QT_TRANSLATE_NOOP(
            "Health",
            "Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window while OBS itself was not "
            "answering ({stall_s:.0f} s); {pct:.1f} % in the last 10 s measured before the finding closed. The "
            "frames were lost to OBS freezing, not to the graphics card.",
        ),
        "Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window of this episode; {pct:.1f} % in the "
        "last 10 s. The graphics card could not finish the picture in time.": QT_TRANSLATE_NOOP(
            "Health",
            "Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window of this episode; {pct:.1f} % in "
            "the last 10 s measured before the finding closed. The graphics card could not finish the picture in "
            "time.",
        ),
        "Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s ({pct_minute:.1f} % over the last minute). "
        "The graphics card cannot finish the picture in time.": QT_TRANSLATE_NOOP(
            "Health",
            "Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s measured before the finding closed "
            "({pct_minute:.1f} % over the last minute measured). The graphics card could not finish the picture in "
            "time.",
        ),
        "Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s (less than a minute measured so far). The "
        "graphics card cannot finish the picture in time.": QT_TRANSLATE_NOOP(
            "Health",
            "Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s measured before the finding closed "
            "(less than a minute measured by then). The graphics card could not finish the picture in time.",
        ),
        # EncodeLag
        "Encoding lag: the encoder skipped up to {peak:.1f} % of frames in a 10-s window of this episode; {pct:.1f} "
        "% in the last 10 s. It could not keep up with the resolution and frame rate.": QT_TRANSLATE_NOOP(
            "Health",
            "Encoding lag: the encoder skipped up to {peak:.1f} % of frames in a 10-s window of this episode; "
            "{pct:.1f} % in the last 10 s measured before the finding closed. It could not keep up with the "
            "resolution and frame rate.",
        ),
        "Encoding lag: the encoder skipped {pct:.1f} % of frames in the last 10 s ({pct_minute:.1f} % over the last "
        "minute). It cannot keep up with the resolution and frame rate.": QT_TRANSLATE_NOOP(
            "Health",
            "Encoding lag: the encoder skipped {pct:.1f} % of frames in the last 10 s measured before the finding "
            "closed ({pct_minute:.1f} % over the last minute measured). It could not keep up with the resolution and "
            "frame rate.",
        ),
        "Encoding lag: the encoder skipped {pct:.1f} % of frames in the last 10 s (less than a minute measured so "
        "far). It cannot keep up with the resolution and frame rate.": QT_TRANSLATE_NOOP(
            "Health",
            "Encoding lag: the encoder skipped {pct:.1f} % of frames in the last 10 s measured before the finding "
            "closed (less than a minute measured by then). It could not keep up with the resolution and frame rate.",
        ),
        # NetworkDrops
        "Network: {pct:.1f} % of frames dropped in the last 10 s ({pct_minute:.1f} % over the last minute); the send "
        "buffer is {congestion_pct:.0f} % congested, {kbps:.0f} kbit/s getting through on average over the last 10 "
        "s. The connection to the server cannot carry the bitrate.": QT_TRANSLATE_NOOP(
            "Health",
            "Network: {pct:.1f} % of frames dropped in the last 10 s measured before the finding closed "
            "({pct_minute:.1f} % over the last minute measured); the send buffer was {congestion_pct:.0f} % "
            "congested, {kbps:.0f} kbit/s getting through on average over those 10 s. The connection to the server "
            "could not carry the bitrate.",
        ),
        "Network: {pct:.1f} % of frames dropped in the last 10 s (less than a minute measured so far); the send "
        "buffer is {congestion_pct:.0f} % congested, {kbps:.0f} kbit/s getting through on average over the last 10 "
        "s. The connection to the server cannot carry the bitrate.": QT_TRANSLATE_NOOP(
            "Health",
            "Network: {pct:.1f} % of frames dropped in the last 10 s measured before the finding closed (less than a "
            "minute measured by then); the send buffer was {congestion_pct:.0f} % congested, {kbps:.0f} kbit/s "
            "getting through on average over those 10 s. The connection to the server could not carry the bitrate.",
        ),
        "Network: up to {peak:.1f} % of frames dropped in a 10-s window of this episode, the send buffer up to "
        "{peak_congestion_pct:.0f} % congested; {pct:.1f} % in the last 10 s ({pct_minute:.1f} % over the last "
        "minute), {congestion_pct:.0f} % congested. The connection could not carry the bitrate.": QT_TRANSLATE_NOOP(
            "Health",
            "Network: up to {peak:.1f} % of frames dropped in a 10-s window of this episode, the send buffer up to "
            "{peak_congestion_pct:.0f} % congested; {pct:.1f} % in the last 10 s measured before the finding closed "
            "({pct_minute:.1f} % over the last minute measured), {congestion_pct:.0f} % congested. The connection "
            "could not carry the bitrate.",
        ),
        "Network: up to {peak:.1f} % of frames dropped in a 10-s window of this episode, the send buffer up to "
        "{peak_congestion_pct:.0f} % congested; {pct:.1f} % in the last 10 s (less than a minute measured so far), "
        "{congestion_pct:.0f} % congested. The connection could not carry the bitrate.": QT_TRANSLATE_NOOP(
            "Health",
            "Network: up to {peak:.1f} % of frames dropped in a 10-s window of this episode, the send buffer up to "
            "{peak_congestion_pct:.0f} % congested; {pct:.1f} % in the last 10 s measured before the finding closed "
            "(less than a minute measured by then), {congestion_pct:.0f} % congested. The connection could not carry "
            "the bitrate.",
        ),
        "Network: OBS dropped up to {peak:.1f} % of frames in a 10-s window around a time it was not answering "
        "({stall_s:.0f} s); {pct:.1f} % in the last 10 s. The frames were lost to OBS freezing (too old to send when "
        "it woke), not to the connection.": QT_TRANSLATE_NOOP(
            "Health",
            "Network: OBS dropped up to {peak:.1f} % of frames in a 10-s window around a time it was not answering "
            "({stall_s:.0f} s); {pct:.1f} % in the last 10 s measured before the finding closed. The frames were "
            "lost to OBS freezing (too old to send when it woke), not to the connection.",
        ),
        "Network: OBS dropped {pct_minute:.1f} % of frames over the last minute ({pct:.1f} % in the last 10 s), "
        "around a time it was not answering ({stall_s:.0f} s). The frames were lost to OBS freezing (too old to send "
        "when it woke), not to the connection.": QT_TRANSLATE_NOOP(
            "Health",
            "Network: OBS dropped {pct_minute:.1f} % of frames over the last minute measured before the finding "
            "closed ({pct:.1f} % in its last 10 s), around a time it was not answering ({stall_s:.0f} s). The frames "
            "were lost to OBS freezing (too old to send when it woke), not to the connection.",
        ),
        # Reconnect: closed while critical, the stream stopped (or the console did) during the reconnect.
        "The stream's connection dropped {outage:.0f} s ago; OBS is reconnecting (drop {count} in this show). "
        "Viewers see the stream stall.": QT_TRANSLATE_NOOP(
            "Health",
            "The stream's connection dropped; OBS was still reconnecting {outage:.0f} s later, when the finding "
            "closed (drop {count} in this show). Viewers saw the stream stall.",
        ),
        # ObsUnreachable, OBS quit: its "seconds" counts from the quit to the last second without OBS.
        "OBS was closed {seconds:.0f} s ago (it said it was exiting). It was on air: that OBS is no longer "
        "streaming.": QT_TRANSLATE_NOOP(
            "Health",
            "OBS was closed (it said it was exiting) and was gone for {seconds:.0f} s. It was on air: that OBS "
            "stopped streaming.",
        ),
        "OBS was closed {seconds:.0f} s ago (it said it was exiting).": QT_TRANSLATE_NOOP(
            "Health",
            "OBS was closed (it said it was exiting) and was gone for {seconds:.0f} s.",
        ),
        # obs/health_audio.py: the unplayable and muted product video, clipping
        "The product video “{inputs}” cannot be played: OBS could not open its file ({file}) — it is missing or "
        "unreadable. Viewers neither see nor hear it ({seconds:.0f} s so far).": QT_TRANSLATE_NOOP(
            "Health",
            "The product video “{inputs}” could not be played for {seconds:.0f} s: OBS could not open its file "
            "({file}) — it was missing or unreadable. Viewers neither saw nor heard it.",
        ),
        "The product video “{inputs}” cannot be played: OBS could not open its file ({file}) — it "
        "is missing or unreadable — and nothing else on air makes a sound: viewers hear silence "
        "({seconds:.0f} s so far).": QT_TRANSLATE_NOOP(
            "Health",
            "The product video “{inputs}” could not be played for {seconds:.0f} s: OBS could not open its file "
            "({file}) — it was missing or unreadable — and nothing else on air made a sound: viewers heard silence.",
        ),
        "The product video “{inputs}” is playing but is muted in OBS, and nothing else on air makes a sound: viewers "
        "hear silence ({seconds:.0f} s so far).": QT_TRANSLATE_NOOP(
            "Health",
            "The product video “{inputs}” played muted in OBS for {seconds:.0f} s, and nothing else on air made a "
            "sound: viewers heard silence.",
        ),
        "The product video “{inputs}” is playing but is muted in OBS ({seconds:.0f} s so far).": QT_TRANSLATE_NOOP(
            "Health",
            "The product video “{inputs}” played muted in OBS for {seconds:.0f} s.",
        ),
        "“{inputs}” is clipping: its peaks reached {peak_db:.1f} dBFS {clips} times in the last 10 s. Viewers hear "
        "distortion.": QT_TRANSLATE_NOOP(
            "Health",
            "“{inputs}” clipped: its peaks reached {peak_db:.1f} dBFS {clips} times in the last 10 s measured before "
            "the finding closed. Viewers heard distortion.",
        ),
    }
)


# Live templates in the present tense, of a state the finding's figures held as it closed ("OBS renders 18.0 fps …",
# "The microphone … is muted …", "OBS has not answered for 12 s"): a record says them in the past, as last measured
# before the finding closed, or for how long it lasted.
RECORD_WORDS.update(
    {
        "OBS has not answered for {seconds:.0f} s. The stream may still be running, but nothing here can see or "
        "control it.": QT_TRANSLATE_NOOP(
            "Health",
            "OBS did not answer for {seconds:.0f} s. The stream may have run on, but nothing here could see or "
            "control it.",
        ),
        "OBS is closed or has crashed: nothing has listened on {address} for {seconds:.0f} s. It was on air: that "
        "OBS is no longer streaming.": QT_TRANSLATE_NOOP(
            "Health",
            "OBS was closed or had crashed: nothing listened on {address} for {seconds:.0f} s. It was on air: that "
            "OBS stopped streaming.",
        ),
        "OBS is closed or has crashed: nothing has listened on {address} for {seconds:.0f} s.": QT_TRANSLATE_NOOP(
            "Health",
            "OBS was closed or had crashed: nothing listened on {address} for {seconds:.0f} s.",
        ),
        "OBS has not answered for {seconds:.0f} s: it is frozen or overloaded (its connection is still open). The "
        "stream may still be running, but nothing here can see or control it.": QT_TRANSLATE_NOOP(
            "Health",
            "OBS did not answer for {seconds:.0f} s: it was frozen or overloaded (its connection stayed open). The "
            "stream may have run on, but nothing here could see or control it.",
        ),
        "OBS has not answered for {seconds:.0f} s: it is frozen or overloaded (its connection is "
        "still open).": QT_TRANSLATE_NOOP(
            "Health",
            "OBS did not answer for {seconds:.0f} s: it was frozen or overloaded (its connection stayed open).",
        ),
        "The OBS computer ({address}) has not answered on the network for {seconds:.0f} s. The stream may still be "
        "running, but nothing here can see or control it.": QT_TRANSLATE_NOOP(
            "Health",
            "The OBS computer ({address}) did not answer on the network for {seconds:.0f} s. The stream may have run "
            "on, but nothing here could see or control it.",
        ),
        "The OBS computer ({address}) has not answered on the network for {seconds:.0f} s.": QT_TRANSLATE_NOOP(
            "Health",
            "The OBS computer ({address}) did not answer on the network for {seconds:.0f} s.",
        ),
        "Only {free_gb:.1f} GB free on the recording disk: about {minutes_left:.0f} minutes of recording left at the "
        "current rate.": QT_TRANSLATE_NOOP(
            "Health",
            "Only {free_gb:.1f} GB were free on the recording disk when last measured before the finding closed: "
            "about {minutes_left:.0f} minutes of recording left at the rate of then.",
        ),
        "Only {free_gb:.1f} GB free on the recording disk.": QT_TRANSLATE_NOOP(
            "Health",
            "Only {free_gb:.1f} GB were free on the recording disk when last measured before the finding closed.",
        ),
        "The stream did not resume after OBS was lost at {lost_at} — go live again. OBS answers again but is not "
        "streaming: viewers have had no picture since then.": QT_TRANSLATE_NOOP(
            "Health",
            "The stream did not resume after OBS was lost at {lost_at}: OBS answered again but was not streaming, "
            "and viewers had no picture from then until the finding closed.",
        ),
        "OBS renders {fps:.1f} fps instead of {target:.0f} ({pct:.0f} % of the target).": QT_TRANSLATE_NOOP(
            "Health",
            "OBS rendered {fps:.1f} fps instead of {target:.0f} ({pct:.0f} % of the target) when last measured "
            "before the finding closed.",
        ),
        "Rendering a frame takes {ms:.1f} ms of the {budget:.1f} ms available ({pct:.0f} %): no "
        "headroom left.": QT_TRANSLATE_NOOP(
            "Health",
            "Rendering a frame took {ms:.1f} ms of the {budget:.1f} ms available ({pct:.0f} %) when last measured "
            "before the finding closed: no headroom left.",
        ),
        "The computer's CPU is at {total:.0f} % (OBS {obs:.0f} %, other programs {others:.0f} %).": QT_TRANSLATE_NOOP(
            "Health",
            "The computer's CPU was at {total:.0f} % when last measured before the finding closed (OBS {obs:.0f} %, "
            "other programs {others:.0f} %).",
        ),
        "The computer's CPU is at {total:.0f} %.": QT_TRANSLATE_NOOP(
            "Health",
            "The computer's CPU was at {total:.0f} % when last measured before the finding closed.",
        ),
        "The product video “{inputs}” is playing but makes no sound, and nothing else on air makes a sound: viewers "
        "hear silence (below −50 dBFS for {seconds:.0f} s, loudest {level_db:.0f} dBFS).": QT_TRANSLATE_NOOP(
            "Health",
            "The product video “{inputs}” played but made no sound, and nothing else on air made a sound: viewers "
            "heard silence (below −50 dBFS for {seconds:.0f} s, loudest {level_db:.0f} dBFS).",
        ),
        "The product video “{inputs}” is playing but no sound comes from it or the desktop audio: below −50 dBFS for "
        "{seconds:.0f} s (loudest {level_db:.0f} dBFS).": QT_TRANSLATE_NOOP(
            "Health",
            "The product video “{inputs}” played but no sound came from it or the desktop audio: below −50 dBFS for "
            "{seconds:.0f} s (loudest {level_db:.0f} dBFS).",
        ),
        "The product video “{inputs}” is playing but no sound comes from it: below −50 dBFS for {seconds:.0f} s "
        "(loudest {level_db:.0f} dBFS).": QT_TRANSLATE_NOOP(
            "Health",
            "The product video “{inputs}” played but no sound came from it: below −50 dBFS for {seconds:.0f} s "
            "(loudest {level_db:.0f} dBFS).",
        ),
        "The microphone “{inputs}” is on but silent: below −50 dBFS for {seconds:.0f} s (loudest {level_db:.0f} "
        "dBFS). Viewers cannot hear the host.": QT_TRANSLATE_NOOP(
            "Health",
            "The microphone “{inputs}” was on but silent: below −50 dBFS for {seconds:.0f} s (loudest {level_db:.0f} "
            "dBFS). Viewers could not hear the host.",
        ),
        "Nothing on air is heard: “{inputs}” muted or below −50 dBFS for {seconds:.0f} s while the stream is live "
        "(loudest {level_db:.0f} dBFS). Viewers hear nothing.": QT_TRANSLATE_NOOP(
            "Health",
            "Nothing on air was heard: “{inputs}” muted or below −50 dBFS for {seconds:.0f} s while the stream was "
            "live (loudest {level_db:.0f} dBFS). Viewers heard nothing.",
        ),
        "The microphone “{inputs}” is muted while the stream is live: viewers cannot hear the host.": QT_TRANSLATE_NOOP(
            "Health",
            "The microphone “{inputs}” was muted while the stream was live: viewers could not hear the host.",
        ),
    }
)


#: (Live template, how the episode ended) → its record wording, where RECORD_WORDS' "heard again at its end" would
#: be false: a silence the stream's stop ended (nothing is judged off air, so the rule said "heard again now" while
#: the hysteresis held it), or one OBS went out of sight from (the finding's "ended" field, obs/health.py Ended).
ENDED_RECORD_WORDS: dict[tuple[str, str], str] = {
    (MIC_SILENT_EASING, Ended.STREAM_STOPPED): QT_TRANSLATE_NOOP(
        "Health",
        "The microphone “{inputs}” was silent for {seconds:.0f} s in this episode (below −50 dBFS, loudest "
        "{level_db:.0f} dBFS); the episode ended when the stream stopped.",
    ),
    (MIC_SILENT_EASING, Ended.OBS_GONE): QT_TRANSLATE_NOOP(
        "Health",
        "The microphone “{inputs}” was silent for {seconds:.0f} s in this episode (below −50 dBFS, loudest "
        "{level_db:.0f} dBFS); the episode ended when OBS went out of sight.",
    ),
    (PRODUCT_SILENT_EASING, Ended.STREAM_STOPPED): QT_TRANSLATE_NOOP(
        "Health",
        "The product video “{inputs}” played without sound for {seconds:.0f} s in this episode (below −50 dBFS, "
        "loudest {level_db:.0f} dBFS); the episode ended when the stream stopped.",
    ),
    (PRODUCT_SILENT_EASING, Ended.OBS_GONE): QT_TRANSLATE_NOOP(
        "Health",
        "The product video “{inputs}” played without sound for {seconds:.0f} s in this episode (below −50 dBFS, "
        "loudest {level_db:.0f} dBFS); the episode ended when OBS went out of sight.",
    ),
    (ON_AIR_SILENT_EASING, Ended.STREAM_STOPPED): QT_TRANSLATE_NOOP(
        "Health",
        "Nothing on air was heard for {seconds:.0f} s in this episode (“{inputs}”, loudest {level_db:.0f} dBFS); "
        "the episode ended when the stream stopped.",
    ),
    (ON_AIR_SILENT_EASING, Ended.OBS_GONE): QT_TRANSLATE_NOOP(
        "Health",
        "Nothing on air was heard for {seconds:.0f} s in this episode (“{inputs}”, loudest {level_db:.0f} dBFS); "
        "the episode ended when OBS went out of sight.",
    ),
    (CLIPPING_EASING, Ended.OBS_GONE): QT_TRANSLATE_NOOP(
        "Health",
        "“{inputs}” clipped in this episode: peaks up to {peak_db:.1f} dBFS, up to {clips} times in a 10-s window; "
        "the episode ended when OBS went out of sight.",
    ),
}


def as_recorded(template: str, ended: object = None) -> str:
    """A stored finding's template as the records say it: the record wording of a live "now" template (for how
    its episode `ended`, the finding's "ended" field, where that changes what is true at its end), any other as
    stored."""
    return ENDED_RECORD_WORDS.get((template, str(ended)), RECORD_WORDS.get(template, template))
