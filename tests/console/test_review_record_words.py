"""fix24k: a stored finding does not say "now". A finding is stored as its message last read live; a CPU episode
easing when it closed read "…; 96 % now" — and the show's review PDF, printed after the show, said so too ("现在为
96 %"). The review reads it as of the incident's end, rows stored before the change included."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from console.core.review.bundle import bundle_show
from console.core.storage import Storage
from obs.health_rules import _LOSS_WORDS, CPU_SATURATED_EASING, RenderLag
from obs.messages import LinkLoss
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


def _stored(storage: Storage, show: int, finding: str, category: str, at: float, template: str, **fields: Any) -> None:
    """One finding stored as the console stores it (Finding.to_row) when it closes: its last live words, and the
    figures of the second it closed."""
    row = {
        "key": f"{finding}@{at:.3f}",
        "finding_id": finding,
        "category": category,
        "severity": "warning",
        "peak": "critical",
        "first_seen": at,
        "last_seen": at + 40,
        "closed_at": at + 52,
        "active": False,
        "message": template.format(**fields),
        "template": template,
        "fields": json.dumps(fields),
        "remedies": "[]",
    }
    storage.add_telemetry(show, [], [], [row])


def test_an_eased_frame_loss_and_an_obs_that_quit_read_as_records_in_the_review_and_the_report(
    storage: Storage, onair: Any, tmp_path: Path
) -> None:
    """fix25d: an eased render lag was printed "…; 0.4 % in the last 10 s" after the show — the figure is of the 10 s
    before the finding closed, after the incident had eased, not of the incident's last 10 s — and an OBS that quit
    "OBS was closed 12 s ago". Both read what is true of their figures, in English and Chinese, in the review and in
    `onair report`."""
    show = a_show(storage, "一号直播间", T0, 200)
    t0 = T0.timestamp()
    _stored(
        storage,
        show,
        "render_lag",
        "render",
        t0 + 20,
        RenderLag().held_template(),
        pct=0.4,
        pct_minute=2.1,
        worst=2.1,
        peak=7.3,
    )
    exited = _LOSS_WORDS[LinkLoss.EXITED][0]
    _stored(storage, show, "obs_unreachable", "connection", t0 + 100, exited, seconds=12.0, on_air=True)

    episodes = {e.finding: e for e in bundle_show(storage, show).data.episodes}
    render, gone = episodes["render_lag"].message, episodes["obs_unreachable"].message
    assert render.explain() == (
        "Rendering lag: OBS missed up to 7.3 % of frames in a 10-s window of this episode; 0.4 % in the last 10 s "
        "measured before the finding closed. The graphics card could not finish the picture in time."
    )
    assert render.in_language(chinese()) == (
        "渲染延迟：本次问题中 OBS 在某个 10 秒窗口内最多错过了 7.3 % 的帧；问题结束前最后测得的 10 秒内为 0.4 %。"
        "显卡曾来不及完成画面。"
    )
    assert gone.explain() == (
        "OBS was closed (it said it was exiting) and was gone for 12 s. It was on air: that OBS stopped streaming."
    )
    assert gone.in_language(chinese()) == (
        "OBS 被关闭（它通知了正在退出），离线了 12 秒。它原本在直播：这台 OBS 的推流随之停止。"
    )

    for language, said, not_said in (
        (
            "en",
            ("0.4 % in the last 10 s measured before the finding closed", "was gone for 12 s"),
            ("% in the last 10 s.", " s ago"),
        ),
        ("zh_CN", ("问题结束前最后测得的 10 秒内为 0.4 %", "离线了 12 秒"), ("最近 10 秒为", "秒前")),
    ):
        path = tmp_path / f"report-{language}.xlsx"
        done = onair("report", "--show", str(show), "--xlsx", str(path), "--lang", language, "--database", storage.url)
        assert done.returncode == 0, done.stderr
        book = load_workbook(path)
        texts = [str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row if cell]
        assert all(any(words in text for text in texts) for words in said), texts  # the incidents sheet
        assert not [text for text in texts if any(words in text for words in not_said)], texts


def test_a_finding_still_open_reads_as_open_in_the_report_text_and_the_xlsx_and_a_closed_one_as_recorded(
    storage: Storage, onair: Any, tmp_path: Path
) -> None:
    """fix25l: the records read every stored finding as closed ("…; 96 % at its end"), one still open too: `onair
    report` of a show still on air (or left open by a crash) said the CPU episode going on had ended. An open one
    says its live figures as of when its row was last stored, and that it was still open; a closed one as before."""
    show = a_show(storage, "一号直播间", T0, 120)  # opened, never closed: still on air
    t0 = T0.timestamp()
    easing = {"total": 96.2, "obs": 40.0, "others": 56.2, "highest": 100.0}
    storage.add_telemetry(
        show,
        [],
        [],
        [
            {  # stored every second while open (Session: "an open finding's row follows it"), last at t0 + 119
                "key": f"cpu_saturated@{t0 + 60:.3f}",
                "finding_id": "cpu_saturated",
                "category": "system",
                "severity": "warning",
                "peak": "critical",
                "first_seen": t0 + 60,
                "last_seen": t0 + 110,
                "closed_at": None,
                "active": True,
                "message": CPU_SATURATED_EASING.format(**easing),
                "template": CPU_SATURATED_EASING,
                "fields": json.dumps(easing),
                "remedies": "[]",
            }
        ],
    )
    exited = _LOSS_WORDS[LinkLoss.EXITED][0]
    _stored(storage, show, "obs_unreachable", "connection", t0 + 5, exited, seconds=12.0, on_air=True)

    episodes = {e.finding: e for e in bundle_show(storage, show).data.episodes}
    cpu, gone = episodes["cpu_saturated"], episodes["obs_unreachable"]
    last = datetime.fromtimestamp(t0 + 119).strftime("%H:%M:%S")  # the show's last stored second
    assert cpu.still_open and not gone.still_open
    assert cpu.message.explain() == (
        f"Still open when last recorded, at {last}: The computer's CPU reached 100 % in this episode (10-s mean); "
        "96 % now."
    )
    assert cpu.message.in_language(chinese()) == (
        f"最后记录时（{last}）仍未结束：本次问题中电脑 CPU 占用最高达到 100 %（10 秒平均）；现在为 96 %。"
    )
    assert cpu.title.in_language(chinese()) == "CPU 满载（仍未结束）"

    for language, open_words, closed_words, not_said in (
        ("en", ("Still open when last recorded", "96 % now"), "was gone for 12 s", "96 % at its end"),
        ("zh_CN", ("仍未结束", "现在为 96 %"), "离线了 12 秒", "结束时为 96 %"),
    ):
        path = tmp_path / f"report-{language}.xlsx"
        done = onair("report", "--show", str(show), "--xlsx", str(path), "--lang", language, "--database", storage.url)
        assert done.returncode == 0, done.stderr
        book = load_workbook(path)
        texts = [str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row if cell]
        (said,) = [text for text in texts if open_words[1] in text]  # the incidents sheet's finding column
        assert said.startswith(open_words[0]) if language == "en" else open_words[0] in said, said
        assert any(closed_words in text for text in texts), texts  # the closed one still reads as recorded
        assert not any(not_said in text for text in texts), texts

        done = onair("report", "--show", str(show), "--lang", language, "--database", storage.url)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        title = "CPU saturated (still open)" if language == "en" else "CPU 满载（仍未结束）"
        (line,) = [line for line in lines if "CPU" in line and ("–" in line)]
        assert title in line, lines  # the text report's incident line: its start–end is as far as recorded
        assert not any("(still open)" in line or "仍未结束" in line for line in lines if "CPU" not in line), lines
