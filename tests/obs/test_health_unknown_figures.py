"""A health finding whose figure is not known leaves that clause out and says what is known: never "— %" where a
number belongs (a restart during congestion read "发送缓冲拥塞 — %", a stopped stream "最近 10 秒丢帧 — %")."""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from obs.health import TR_CONTEXT, Finding
from obs.health_record import as_recorded
from obs.text import UNKNOWN, Message, known_clauses
from tests.obs.test_health import Show

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "onair_zh_CN.ts"


def _health_catalogue() -> dict[str, str]:
    root = ET.parse(TS).getroot()
    words: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != TR_CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            words[message.findtext("source") or ""] = translation.text or ""
    return words


CATALOGUE = _health_catalogue()
#: Every Health sentence with a figure in it: the templates of obs/health_rules.py, health_audio.py, health_record.py.
WITH_FIGURES = sorted(
    source
    for source in CATALOGUE
    if any(spec for _, name, spec, _ in string.Formatter().parse(source) if name and spec)
)
NETWORK = "Network: {pct:.1f} % of frames dropped in the last 10 s ({pct_minute:.1f} % over the last minute); "


def _names(template: str) -> list[str]:
    return sorted({name for _, name, _, _ in string.Formatter().parse(template) if name})


def _said(template: str, fields: dict[str, object]) -> tuple[str, str]:
    message = Message(template, fields, TR_CONTEXT)
    return message.explain(), message.in_language(lambda context, text: CATALOGUE.get(text, text))


def test_the_catalogue_has_the_templates_with_figures() -> None:
    assert len(WITH_FIGURES) > 100, "the test reads the real catalogue"


@pytest.mark.parametrize("template", WITH_FIGURES)
def test_each_unknown_figure_is_left_out_in_both_languages(template: str) -> None:
    names = _names(template)
    figures = sorted({name for _, name, spec, _ in string.Formatter().parse(template) if name and spec})
    for unknown in figures:
        fields: dict[str, object] = {name: 12 for name in names}
        fields[unknown] = None
        for said, words in zip(_said(template, fields), (template, CATALOGUE[template]), strict=True):
            assert "{" not in said and "\x00" not in said and said.strip(), said
            if known_clauses(words, fields) == words:
                continue  # a sentence saying nothing but that figure: left whole (not reached by the rules)
            assert said.count(UNKNOWN) <= words.count(UNKNOWN), f"{unknown} unknown: {said!r}"


def test_a_network_finding_without_congestion_says_the_drops_and_not_a_dash() -> None:
    template = next(t for t in WITH_FIGURES if t.startswith(NETWORK))
    english, chinese = _said(template, {"pct": 6.5, "pct_minute": None, "congestion_pct": None, "kbps": 410.0})
    assert english.startswith("Network: 6.5 % of frames dropped in the last 10 s"), english
    assert "congested" not in english and "over the last minute" not in english and UNKNOWN not in english
    assert "410" in english and "6.5" in chinese and "410" in chinese and UNKNOWN not in chinese, chinese
    assert "拥塞" not in chinese, chinese


def test_a_network_finding_with_only_congestion_keeps_its_label() -> None:
    template = next(t for t in WITH_FIGURES if t.startswith(NETWORK))
    english, chinese = _said(template, {"pct": None, "pct_minute": None, "congestion_pct": 93.0, "kbps": None})
    assert english.startswith("Network: the send buffer is 93 % congested"), english
    assert chinese.startswith("网络：") and "93 %" in chinese and "丢帧" not in chinese, chinese


def test_a_network_finding_of_congestion_without_drop_figures_says_no_dash_live_or_recorded() -> None:
    """OBS reporting congestion but no drop counter (a restart during congestion, a stopped stream): the live
    finding and the record "10 秒内丢帧 — %（当时测量尚不足一分钟）" said a dash."""
    show = Show().run(5).run(30, congestion=0.95, bitrate_kbps=400.0, drop_network_pct=None)
    (finding,) = [f for f in show.engine.active() if f.id == "network"]
    assert finding.fields["pct"] is None and finding.fields["congestion_pct"] == 95.0
    stored = Finding.from_row({**finding.to_row(), "active": False}, 0.0)
    for template in (finding.template, as_recorded(stored.template)):
        english, chinese = stored.explain(template), stored.explain(CATALOGUE[template])
        assert UNKNOWN not in english and UNKNOWN not in chinese, (english, chinese)
        assert "95 %" in english and "95 %" in chinese, (english, chinese)
        assert "400" in english and "400" in chinese
