"""A stored finding's message as the records say it (obs/health_record.py): every live message template that says
"now", or quotes a window or a duration ending this second ("in the last 10 s", "over the last minute", "s so far",
"s ago"), has a record wording as of the episode's end, with the same figures, in English and Chinese."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from obs.health_record import RECORD_WORDS, as_recorded
from tests.language import chinese

OBS = Path(__file__).resolve().parents[2] / "obs"
NOW = re.compile(r"\bnow\b", re.IGNORECASE)
#: What a live message says relative to the second it is read: false in a record read after the show.
#: ("The last 10 s measured before the finding closed" is a record's: it says which 10 s.)
RELATIVE = re.compile(
    r"\bnow\b|\bago\b|\bthe last 10 s\b(?! measured)|\bover the last minute\b(?! measured)|\bso far\b", re.IGNORECASE
)
#: The same in Chinese ("现在", "最近 10 秒", "最近一分钟", "秒前", "已持续").
RELATIVE_ZH = re.compile(r"现在|最近|秒前|已持续")


def _remedy_nodes(tree: ast.AST) -> set[int]:
    """The ids of the string nodes given as a finding's remedies (`remedies=…`): advice to act now, not a reading
    of the figures."""
    return {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.keyword) and node.arg == "remedies"
        for inner in ast.walk(node.value)
    }


def message_templates() -> dict[str, str]:
    """Every finding message template in obs/ (context "Health", remedies left out) → where it is."""
    found: dict[str, str] = {}
    for path in sorted(OBS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        remedies = _remedy_nodes(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP"):
                continue
            context, text = node.args
            if not (isinstance(context, ast.Constant) and context.value == "Health"):
                continue
            assert isinstance(text, ast.Constant) and isinstance(text.value, str)
            if id(text) not in remedies and id(node) not in remedies:
                found[text.value] = f"{path.relative_to(OBS.parent)}:{node.lineno}"
    return found


def live_now_templates() -> dict[str, str]:
    """Every finding message template in obs/ that says "now" (or another moment relative to the second it is read)
    → where it is."""
    return {text: where for text, where in message_templates().items() if RELATIVE.search(text)}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_live_template_that_says_now_has_its_record_wording() -> None:
    live = live_now_templates()
    assert len(live) >= 10, live  # the scan finds the easing messages of the rules (e.g. the CPU's "… % now.")
    missing = {where: text for text, where in live.items() if text not in RECORD_WORDS}
    assert not missing, f"live templates saying 'now' without a record wording in obs/health_record.py: {missing}"


def test_the_frame_loss_and_obs_closed_messages_have_record_wordings() -> None:
    """fix25d: an eased frame-loss finding read "…; 0.4 % in the last 10 s" in the review (the figure is of the 10 s
    before the finding closed, after the incident had eased), and an OBS that quit "OBS was closed 12 s ago"."""
    live = live_now_templates()
    assert sum("Rendering lag" in text and "in the last 10 s" in text for text in live) >= 4, live
    assert sum(text.startswith("Network:") for text in live) >= 6, live
    assert sum(text.startswith("OBS was closed {seconds:.0f} s ago") for text in live) == 2, live


def test_the_present_tense_messages_read_in_the_past_in_a_record() -> None:
    """A finding cut off by the end of the show keeps its live words: "OBS renders 18.0 fps", "The microphone … is
    muted", "OBS has not answered for 12 s" were printed in the review as if still true."""
    for live, said in (
        ("OBS renders {fps:.1f} fps instead of {target:.0f} ({pct:.0f} % of the target).", "OBS rendered"),
        ("The computer's CPU is at {total:.0f} %.", "was at"),
        ("Only {free_gb:.1f} GB free on the recording disk.", "were free"),
        ("The microphone “{inputs}” is muted while the stream is live: viewers cannot hear the host.", "was muted"),
        ("OBS has not answered for {seconds:.0f} s: it is frozen or overloaded (its connection is still open).", "did"),
    ):
        assert live in message_templates(), live
        assert said in as_recorded(live), live


def test_every_record_wording_is_of_a_live_template() -> None:
    """RECORD_WORDS is keyed by the live text itself: a live message reworded leaves no record wording behind."""
    live = message_templates()
    assert not [text for text in RECORD_WORDS if text not in live]


def test_the_record_wordings_say_the_end_with_the_same_figures_in_both_languages() -> None:
    translate = chinese()
    for live, record in RECORD_WORDS.items():
        assert not RELATIVE.search(record), record
        assert _fields(record) == _fields(live), record
        zh = translate("Health", record)
        assert zh != record and not RELATIVE_ZH.search(zh) and _fields(zh) == _fields(live), zh
        assert as_recorded(live) == record
    other = (
        "The stream reconnected after {outage:.0f} s (drop {count} in this show). Viewer figures dip for a minute or "
        "two afterwards."
    )
    assert as_recorded(other) == other  # any other message reads as stored
