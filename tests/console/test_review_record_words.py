"""fix24k: a stored finding does not say "now". A finding is stored as its message last read live; a CPU episode
easing when it closed read "…; 96 % now" — and the show's review PDF, printed after the show, said so too ("现在为
96 %"). The review reads it as of the incident's end, rows stored before the change included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from console.core.review.bundle import bundle_show
from console.core.storage import Storage
from obs.health_rules import CPU_SATURATED_EASING
from tests.console.test_review_shows import T0, a_show
from tests.language import chinese


def test_a_stored_cpu_finding_reads_as_of_its_end_in_the_review_and_the_xlsx_report(
    storage: Storage, onair: Any, tmp_path: Path
) -> None:
    show = a_show(storage, "一号直播间", T0, 120)
    t0 = T0.timestamp()
    fields = {"total": 96.2, "obs": 40.0, "others": 56.2, "highest": 100.0}
    row = {  # as the console stores it (Finding.to_row) when the episode closes while easing
        "key": f"cpu_saturated@{t0 + 30:.3f}",
        "finding_id": "cpu_saturated",
        "category": "system",
        "severity": "warning",
        "peak": "critical",
        "first_seen": t0 + 30,
        "last_seen": t0 + 92,
        "closed_at": t0 + 107,
        "active": False,
        "message": CPU_SATURATED_EASING.format(**fields),
        "template": CPU_SATURATED_EASING,
        "fields": json.dumps(fields),
        "remedies": "[]",
    }
    storage.add_telemetry(show, [], [], [row])

    (episode,) = [e for e in bundle_show(storage, show).data.episodes if e.finding == "cpu_saturated"]
    assert episode.message.explain() == (
        "The computer's CPU reached 100 % in this episode (10-s mean); 96 % at its end."
    )
    assert (
        episode.message.in_language(chinese()) == "本次问题中电脑 CPU 占用最高达到 100 %（10 秒平均）；结束时为 96 %。"
    )

    for language, said, not_said in (("en", "96 % at its end", "% now"), ("zh_CN", "结束时为 96 %", "现在为")):
        path = tmp_path / f"report-{language}.xlsx"
        done = onair("report", "--show", str(show), "--xlsx", str(path), "--lang", language, "--database", storage.url)
        assert done.returncode == 0, done.stderr
        book = load_workbook(path)
        texts = [str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row if cell]
        assert any(said in text for text in texts), texts  # the incidents sheet's finding column
        assert not any(not_said in text for text in texts), texts
