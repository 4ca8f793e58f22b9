"""Sentences shown to a person (obs/text.py Message): how their figures are written."""

from __future__ import annotations


def test_a_negative_figure_has_the_minus_sign_of_the_sentence_around_it() -> None:
    """walk10: a finding read "below −50 dBFS … loudest -100 dBFS": the template's minus sign (U+2212) beside the
    hyphen str.format writes. Figures now carry the same sign; text fields are left as they are."""
    from obs.text import Message

    message = Message(
        "below −50 dBFS (loudest {level:.0f} dBFS), {count}, {change:+.0f} %, {name}, {flag}",
        {"level": -100.4, "count": -3, "change": -18.2, "name": "-B1 camera", "flag": True},
    )
    assert message.explain() == "below −50 dBFS (loudest −100 dBFS), −3, −18 %, -B1 camera, True"
