"""The graph docks: which series, reference lines and panes each shows. Thresholds are OBS's own warning
and danger levels (Stats dock), the same ones the health engine applies (obs/vocabulary.py): FPS below
0.95/0.80 × target, render time above 0.75/1 × the frame interval, skipped/missed/dropped frames above 1 % / 5 %."""

from __future__ import annotations

from obs.text import QT_TRANSLATE_NOOP
from obs.vocabulary import (
    DROP_CRITICAL_PCT,
    DROP_WARNING_PCT,
    FPS_CRITICAL_RATIO,
    FPS_WARNING_RATIO,
    RENDER_CRITICAL_SHARE,
    RENDER_WARNING_SHARE,
)
from widgets.graph_spec import GraphSpec, Pane, Series, Threshold

WARN, DANGER = "#f0c040", "#e0312f"

GRAPHS: tuple[GraphSpec, ...] = (
    GraphSpec(
        "graph_bitrate",
        QT_TRANSLATE_NOOP("Docks", "Bitrate"),
        (
            Pane(
                "kbit/s",
                (
                    Series("bitrate_kbps", QT_TRANSLATE_NOOP("Graphs", "Stream"), "#4fc3f7"),
                    Series("net_up_kbps", QT_TRANSLATE_NOOP("Graphs", "Upload (interface)"), "#9e9e9e"),
                ),
                (
                    Threshold(
                        QT_TRANSLATE_NOOP("Graphs", "Target"), "#2fae4f", reference="target_bitrate_kbps", band=True
                    ),
                ),
                shade="congestion",
                clip_outliers=True,
            ),
        ),
    ),
    GraphSpec(
        "graph_cpu",
        QT_TRANSLATE_NOOP("Docks", "CPU"),
        (
            Pane(
                "%",
                (
                    Series("cpu_system_pct", QT_TRANSLATE_NOOP("Graphs", "System"), "#4fc3f7"),
                    # Beside the System line, OBS's process read over the same seconds where OBS runs here; OBS's own
                    # figure (since its previous GetStats, anyone's) for an OBS elsewhere, which has no System line.
                    Series("obs_process_cpu_pct", QT_TRANSLATE_NOOP("Graphs", "OBS"), "#ffb74d", instead="obs_cpu_pct"),
                    Series("cpu_busiest_core_pct", QT_TRANSLATE_NOOP("Graphs", "Busiest core"), "#9575cd"),
                ),
                fixed_top=100.0,
            ),
        ),
    ),
    GraphSpec(
        "graph_dropped",
        QT_TRANSLATE_NOOP("Docks", "Dropped frames"),
        (
            Pane(
                "%",
                (
                    Series("drop_render_pct", QT_TRANSLATE_NOOP("Graphs", "Rendering lag"), "#ba68c8"),
                    Series("drop_encode_pct", QT_TRANSLATE_NOOP("Graphs", "Encoding lag"), "#ffb74d"),
                    Series("drop_network_pct", QT_TRANSLATE_NOOP("Graphs", "Network"), "#4fc3f7"),
                ),
                (
                    Threshold(QT_TRANSLATE_NOOP("Graphs", "Warning 1 %"), WARN, value=DROP_WARNING_PCT),
                    Threshold(QT_TRANSLATE_NOOP("Graphs", "Danger 5 %"), DANGER, value=DROP_CRITICAL_PCT),
                ),
                min_top=6.0,
            ),
        ),
    ),
    GraphSpec(
        "graph_fps",
        QT_TRANSLATE_NOOP("Docks", "FPS and render time"),
        (
            Pane(
                "fps",
                (Series("fps", QT_TRANSLATE_NOOP("Graphs", "FPS"), "#4fc3f7"),),
                (
                    Threshold(QT_TRANSLATE_NOOP("Graphs", "Target"), "#2fae4f", reference="fps_target", band=True),
                    Threshold(
                        QT_TRANSLATE_NOOP("Graphs", "Warning"), WARN, reference="fps_target", factor=FPS_WARNING_RATIO
                    ),
                    Threshold(
                        QT_TRANSLATE_NOOP("Graphs", "Danger"), DANGER, reference="fps_target", factor=FPS_CRITICAL_RATIO
                    ),
                ),
            ),
            Pane(
                "ms",
                (Series("render_ms", QT_TRANSLATE_NOOP("Graphs", "Render time"), "#ffb74d"),),
                (
                    Threshold(
                        QT_TRANSLATE_NOOP("Graphs", "Warning"),
                        WARN,
                        reference="frame_budget_ms",
                        factor=RENDER_WARNING_SHARE,
                    ),
                    Threshold(
                        QT_TRANSLATE_NOOP("Graphs", "Frame interval"),
                        DANGER,
                        reference="frame_budget_ms",
                        factor=RENDER_CRITICAL_SHARE,
                    ),
                ),
            ),
        ),
    ),
    GraphSpec(
        "graph_audience",
        QT_TRANSLATE_NOOP("Docks", "Audience"),
        (
            Pane("", (Series("viewers", QT_TRANSLATE_NOOP("Graphs", "Viewers"), "#4fc3f7"),), min_top=5.0, counts=True),
            Pane(
                "",
                (
                    Series("likes", QT_TRANSLATE_NOOP("Graphs", "Likes"), "#f06292"),
                    Series("interactions", QT_TRANSLATE_NOOP("Graphs", "Interactions"), "#aed581"),
                ),
                min_top=5.0,
                counts=True,
            ),
            Pane(
                "/min",
                (
                    Series("comments_per_min", QT_TRANSLATE_NOOP("Graphs", "Comments/min"), "#ffb74d"),
                    Series("chatters_per_min", QT_TRANSLATE_NOOP("Graphs", "Chatters/min"), "#9575cd"),
                ),
                min_top=5.0,
                counts=True,
            ),
        ),
        source_bar=True,
    ),
)
