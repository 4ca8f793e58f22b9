"""The audio rules while the hysteresis holds a finding whose sound came back: the message says what the episode
was ("was silent for 12 s in this episode", "clipped … in this episode"), not a present-tense "is silent" or
"in the last 10 s" about seconds that are now fine."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from obs.health import Finding
from tests.obs.test_health_audio import DESKTOP, MIC, TALKING, VIDEO, Show, levels, room


def _open(show: Show, kind: str) -> Finding:
    found = {f.id: f for f in show.engine.active()}
    assert kind in found, show.engine.active()
    return found[kind]


def test_a_microphone_heard_again_is_said_to_have_been_silent() -> None:
    dead = {**TALKING, MIC: levels(-80.0)}
    show = Show().run(12, heard=dead)
    assert "is on but silent" in _open(show, "mic_silent").message
    show.run(1, heard=TALKING)
    message = _open(show, "mic_silent").message
    assert "in this episode" in message and "12 s" in message and "is on but silent" not in message, message


def test_a_product_video_heard_again_is_said_to_have_been_silent() -> None:
    quiet = {MIC: levels(-15.0), VIDEO: levels(-80.0), DESKTOP: levels(-80.0)}
    state = room(**{VIDEO: {"media_playing": True}})
    show = Show().run(11, state=state, heard=quiet)
    assert "is playing but no sound" in _open(show, "product_silent").message
    show.run(1, state=state, heard=TALKING)
    message = _open(show, "product_silent").message
    assert "in this episode" in message and "11 s" in message and "is playing but" not in message, message


def test_clipping_that_stopped_is_quoted_as_the_episodes() -> None:
    clipping = {**TALKING, MIC: levels(-0.1, clips=4)}
    show = Show().run(5, heard=clipping)
    assert "in the last 10 s" in _open(show, "clipping").message
    show.run(11, heard=TALKING)  # the 10-s window holds no clipping any more; the finding eases after 5 s
    message = _open(show, "clipping").message
    assert "in this episode" in message and "−0.1 dBFS" in message and "in the last 10 s" not in message, message
    assert "20 times" in message, "the most clips in one 10-s window of the episode"


@pytest.mark.usefixtures("qapp")
def test_the_held_audio_words_are_chinese_too() -> None:
    from console.i18n import install_translator, remove_translators

    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translator(app, "zh_CN")
    try:
        show = Show().run(12, heard={**TALKING, MIC: levels(-80.0)}).run(1, heard=TALKING)
        finding = _open(show, "mic_silent")
        text = finding.explain(QCoreApplication.translate("Health", finding.template))
        assert "本次" in text and "12" in text, text
        show = Show().run(5, heard={**TALKING, MIC: levels(-0.1, clips=4)}).run(11, heard=TALKING)
        finding = _open(show, "clipping")
        text = finding.explain(QCoreApplication.translate("Health", finding.template))
        assert "本次" in text and "−0.1" in text, text
    finally:
        remove_translators(app, translators)
