"""The show's PDF tells the audience's side (fix23g): comments in all, the busiest minute, the viewers' questions
and each lottery with its entries and winners, in English and in Chinese; a show whose chat no source read says so
and "not known", never 0. Shows stored through the storage API, on real SQLite and PostgreSQL; read back with
poppler."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from console.core.review.bundle import bundle_show
from console.core.storage import Storage
from console.review_pdf import write_show_pdf
from tests.console.test_review_audience import T0, show_with_chat, show_with_one_question_of_six
from tests.console.test_review_export import stored_show
from tests.gui.test_review_pdf import pages_of, poppler, text_of


def test_the_pdf_summary_has_the_comments_questions_and_lotteries(
    qapp: QApplication, storage: Storage, tmp_path: Path
) -> None:
    pdf = tmp_path / "show.pdf"
    write_show_pdf(bundle_show(storage, show_with_chat(storage)), pdf, QCoreApplication.translate)
    text = text_of(pdf)
    section = text.index("Audience:comments,questions,lotteries")
    assert text.index("Summary") < section < text.index("Whatthetechnicalproblemscost"), "in the summary, first page"
    assert "Comments(paidmessagesincluded)10" in text
    assert "Peakperminute12comments,5chatters" in text
    assert "Questionsasked3(viewerswhoasked:3)" in text and "Questionsanswered1(dismissed1,neveranswered1)" in text
    assert "Mediantimetoananswer0:00:50" in text
    assert "Lotteries2(1drawn)" in text and "Lotteryentries8" in text and "Lotterywinners2" in text
    rows = text_of(pdf, layout=True)
    assert "#抽奖62粉丝" in rows, "the drawn lottery: keyword, entries, winners, who won"
    assert "#福袋20" in rows and "Cancelledat" in rows, "the cancelled one: never drawn, said so"
    assert "notknown" not in text[section : text.index("Whatthetechnicalproblemscost")]
    charts = text.index("Charts")
    assert charts < text.index("Commentsandchattersperminute(last60s)") < text.index("Scenetimeline"), "a chart"
    subprocess.run([poppler("pdftoppm"), "-r", "100", "-png", str(pdf), str(tmp_path / "page")], check=True)
    widest = 0  # the comments line (orange) runs across its chart; the legends' orange swatches are a few pixels
    for page in sorted(tmp_path.glob("page-*.png")):
        pixels = np.asarray(Image.open(page).convert("RGB")).astype(int)
        near = (abs(pixels[..., 0] - 0xFB) < 30) & (abs(pixels[..., 1] - 0x8C) < 30) & (abs(pixels[..., 2]) < 40)
        widest = max(widest, int(near.any(axis=0).sum()))
    assert widest > 300, f"the comments-per-minute line is drawn across its chart ({widest} px wide)"
    assert 2 <= pages_of(pdf) <= 4


def test_the_pdf_says_the_audience_in_chinese(
    qapp: QApplication, chinese: None, storage: Storage, tmp_path: Path
) -> None:
    pdf = tmp_path / "复盘.pdf"
    write_show_pdf(bundle_show(storage, show_with_chat(storage)), pdf, QCoreApplication.translate)
    text = text_of(pdf)
    for words in (
        "观众互动：评论、提问、抽奖",
        "评论条数（含付费留言）10",
        "评论12条，发言5人",
        "观众提问3（提问观众：3人）",
        "抽奖次数2（已开奖1）",
    ):
        assert words in text, words
    assert "Audience" not in text and "Lotteries" not in text, "no English heading left"


def test_a_show_no_chat_source_read_says_not_known_in_the_pdf(
    qapp: QApplication, storage: Storage, tmp_path: Path
) -> None:
    pdf = tmp_path / "show.pdf"
    write_show_pdf(bundle_show(storage, stored_show(storage)), pdf, QCoreApplication.translate)
    text = text_of(pdf)
    assert "Nochatsourcereadtheroomduringthisshow:itscommentsandquestionsarenotknown." in text
    assert "Comments(paidmessagesincluded)notknown" in text and "Questionsaskednotknown" in text
    assert "Lotteries0" in text, "none was run: the console's own record"
    assert "Commentsandchattersperminute" not in text, "no chart of a figure no source read"


def test_the_pdf_counts_a_question_asked_by_six_viewers_once(
    qapp: QApplication, chinese: None, storage: Storage, tmp_path: Path
) -> None:
    """walk24: the Questions dock showed one question asked by 6 viewers; the PDF said 6 asked, 6 never answered."""
    pdf = tmp_path / "复盘.pdf"
    write_show_pdf(bundle_show(storage, show_with_one_question_of_six(storage)), pdf, QCoreApplication.translate)
    text = text_of(pdf)
    assert "观众提问2（提问观众：7人）" in text, text
    assert "已回答的问题1（已忽略0，始终未回答1）" in text and "回答用时中位数0:01:30" in text, text


def test_a_quiet_show_counts_its_busiest_minute_in_the_singular(
    qapp: QApplication, storage: Storage, tmp_path: Path
) -> None:
    """The busiest minute of a quiet show read "1 comments, 1 chatters"."""
    show, _ = storage.open_show("二号直播间", T0, 0)
    t0 = T0.timestamp()
    rows = [{"t": t0 + s, "viewers": 20.0, "comments_per_min": 1.0, "chatters_per_min": 1.0} for s in range(300)]
    storage.add_telemetry(show.id, rows, [])
    storage.end_show(show.id, T0 + timedelta(seconds=300))
    pdf = tmp_path / "quiet.pdf"
    write_show_pdf(bundle_show(storage, show.id), pdf, QCoreApplication.translate)
    text = text_of(pdf)
    assert "Peakperminute1comment,1chatter" in text, text
