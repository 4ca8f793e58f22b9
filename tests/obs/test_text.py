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


def test_a_figure_the_stored_fields_lack_is_said_not_known_not_a_key_error() -> None:
    """fix24j: a stored finding whose fields lack one its template names (a record of another version) made
    `onair report` fail with a KeyError traceback. The figure now reads as not known; the rest of the sentence
    stands, in either language."""
    from obs.text import UNKNOWN, Message

    message = Message("congestion peaked at {peak_congestion_pct:.0f} % ({drops} drops)", {"drops": 3}, "Health")
    assert message.explain() == f"congestion peaked at {UNKNOWN} % (3 drops)"
    assert message.in_language(lambda _context, _text: "拥塞最高 {peak_congestion_pct:.0f} %（丢帧 {drops} 次）") == (
        f"拥塞最高 {UNKNOWN} %（丢帧 3 次）"
    )
