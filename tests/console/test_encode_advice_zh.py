"""The encoding-lag advice as the Health dock says it in Simplified Chinese: the room's own frame rate and
resolution, and the next step down, in the shipped catalogue with their fields intact (walk24p)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from obs.state import VideoSettings
from tests.obs.test_health import Show, _encode_lag_advice


def _in_chinese(qapp: QApplication, fps: float, video: VideoSettings) -> list[str]:
    from console.i18n import install_translator, remove_translators

    show = Show("x264")
    show.engine.video = video
    (finding,) = show.run(20, drop_encode_pct=12.0, fps_target=fps, fps=fps).engine.active()
    translators = install_translator(qapp, "zh_CN")
    try:
        return finding.advice(lambda text: QCoreApplication.translate("Health", text))
    finally:
        remove_translators(qapp, translators)


def test_the_advice_names_the_rooms_settings_in_chinese(qapp: QApplication) -> None:
    at_30 = _in_chinese(qapp, 30.0, VideoSettings(1920, 1080, 1920, 1080, 30, 1))
    assert at_30[0] == "本直播间已是 30 fps：把输出（缩放）分辨率从 1920×1080 降到 1280×720（设置 → 视频）。", at_30
    at_60 = _in_chinese(qapp, 60.0, VideoSettings(1920, 1080, 1920, 1080, 60, 1))
    assert at_60[0] == (
        "把帧率从 60 降到 30 fps（设置 → 视频 → 常用 FPS 值）；仍不够时，再把输出分辨率从 1920×1080 降到 1280×720。"
    ), at_60
    assert _encode_lag_advice(60.0, VideoSettings(1920, 1080, 1920, 1080, 60, 1))[1:] == [
        "Use a faster x264 preset (veryfast) or switch to a hardware encoder.",
        "Close programs that use a lot of CPU while streaming.",
    ]
