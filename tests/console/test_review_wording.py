"""The review in Chinese names each thing one way (walk review15: incidents were 故障 on screen but 事故 in the
XLSX and `onair report`, time on air 直播时长 / 在播时长 / 开播时长, the rundown 直播脚本 / 流程单)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.language import CATALOGUE, chinese

#: The review's contexts: the show window, its tables, the exports, the PDF, the reports and the terminal.
REVIEW: tuple[str, ...] = ("Review", "ReviewExport", "ReviewPdf", "ReviewReport", "ShowHeader", "ShowWindow")
REVIEW += (
    "SegmentTable",
    "IncidentTable",
    "Shows",
    "ShowsBrowser",
    "ReportCli",
    "ShowsCli",
    "ShowGraphs",
    "CompareView",
)


def review_translations() -> list[tuple[str, str, str]]:
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.findtext("translation") or "")
        for context in ET.parse(CATALOGUE).getroot().iter("context")
        if context.findtext("name") in REVIEW
        for message in context.iter("message")
    ]


@pytest.mark.parametrize(
    ("other", "instead"),
    [
        ("事故", "故障"),  # an incident
        ("在播时长", "直播时长"),
        ("开播时长", "直播时长"),
        ("流程单", "直播脚本"),  # the rundown
        ("开播时的开播前检查", "开播前检查（开播时）"),
        ("观众数", "在线人数"),
        ("执行人", "检查人"),  # who ran the pre-show checklist
    ],
)
def test_one_thing_has_one_name_in_the_review(other: str, instead: str) -> None:
    said_otherwise = [(c, s, t) for c, s, t in review_translations() if other in t]
    assert not said_otherwise, f"say {instead}, not {other}: {said_otherwise}"


def test_the_same_heading_reads_the_same_on_screen_in_the_exports_and_the_pdf() -> None:
    say = chinese()
    for source, expected in [
        ("Incidents", "故障"),
        ("On air", "直播时长"),
        ("Segments by rundown", "按直播脚本分段"),
        ("Pre-show checklist at go-live", "开播前检查（开播时）"),
    ]:
        for context in ("ShowWindow", "SegmentTable", "Shows", "ReviewExport", "ReviewPdf", "ReportCli"):
            try:
                assert say(context, source) == expected, (context, source)
            except AssertionError as missing:
                if "not in the catalogue" not in str(missing):
                    raise
    assert say("ReviewPdf", "Show %1") == say("ShowHeader", "Show %1") == "场次 %1"
    assert say("SegmentTable", "Over/under") == "超出/不足" and say("ReviewPdf", "Over / under") == "超出 / 不足"
