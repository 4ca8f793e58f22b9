"""The PDF of a show: a show stored by the real console core driving the simulator (tests/console/
test_review_analysis_show.py's scripted show: go live, scene switches, a stream reconnect with the audience
dipping, render lag, stop) written as a PDF in English and in Chinese, read back with poppler (pdftotext,
pdfinfo, pdftoppm); an 8-hour show; a path that cannot be written; a process with no Qt application yet."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtWidgets import QApplication

from console.core.review.bundle import ChecklistOutcome, ShowBundle, bundle_show
from console.core.review.shows import Checklist, clean_meta
from console.core.storage import Storage, StoredItem, StoredRun
from console.review_pdf import PdfExportError, font_families, write_show_pdf
from console.review_pdf_chart import Chart, Line, chart_top, clips_outliers, reduce_columns
from tests.console.test_review_analysis_show import ROOM, SHORT, Recorded, recorded  # noqa: F401 (the recorded show)

REPO = Path(__file__).resolve().parents[2]
TITLE = "双十一预热专场"
HOSTS = ("小美", "阿强")


def poppler(tool: str) -> str:
    """A poppler-utils program (.ci/run installs the package); skipped only outside CI."""
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} (poppler-utils) is missing: .ci/run installs it")
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return found


def text_of(pdf: Path, layout: bool = False) -> str:
    """The PDF's text with all whitespace removed (a sentence wrapped over lines is still found whole); `layout`:
    read as laid out on the page (a table row's cells in one line)."""
    mode = ["-layout"] if layout else []
    out = subprocess.run([poppler("pdftotext"), *mode, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", "", out.stdout.decode("utf-8"))


def pages_of(pdf: Path) -> int:
    out = subprocess.run([poppler("pdfinfo"), str(pdf)], capture_output=True, check=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))  # type: ignore[union-attr]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def bundle(recorded: Recorded) -> ShowBundle:  # noqa: F811
    storage = recorded.sqlite
    storage.set_show_meta(recorded.show_id, clean_meta(TITLE, HOSTS, "小林", ("美妆",), "备注：第一场"), by="测试")
    return bundle_show(storage, recorded.show_id, SHORT)  # windows for a 17-s show


def test_the_pdf_in_english_has_the_summary_figures_and_verdict_first(
    qapp: QApplication, bundle: ShowBundle, tmp_path: Path
) -> None:
    pdf = tmp_path / "show.pdf"
    write_show_pdf(bundle, pdf, QCoreApplication.translate)
    pages = pages_of(pdf)
    assert 2 <= pages <= 4, pages
    text = text_of(pdf)
    verdict = flat(bundle.verdict.explain())
    assert "Technicalproblemsplausiblycost" in verdict and verdict in text, "the verdict, word for word"
    summary = text.index("Summary")
    assert summary < text.index(verdict) < text.index("Charts") < text.index("Segments"), "summary first"
    assert TITLE in text and "小美,阿强" in text and ROOM in text, "the metadata as typed"
    assert bundle.figures.viewers_peak == 1000 and "Peakviewers1,000" in text
    assert "Whatthisfiguremeans" in text and "Acorrelation,notproof" in text, "what the verdict means"
    assert "直播中" in text and "商品特写" in text, "the segment table names the scenes"
    reconnect = next(i for i in bundle.impact.impacts if i.episode.finding == "reconnect")
    assert flat(reconnect.message.explain()) in text, "each incident with its impact"
    assert "Nopre-showchecklistwaskeptatgo-live" in text
    assert f"Page1of{pages}" in text and f"Page{pages}of{pages}" in text
    assert text.count(f"Show{bundle.show_id}·") == pages, "the show in every page's header"


def test_the_pdf_in_chinese_reads_in_chinese_with_its_cjk_text_embedded(
    qapp: QApplication, chinese: None, bundle: ShowBundle, tmp_path: Path
) -> None:
    pdf = tmp_path / "复盘.pdf"
    translate = QCoreApplication.translate
    write_show_pdf(bundle, pdf, translate)
    pages = pages_of(pdf)
    text = text_of(pdf)
    verdict = flat(bundle.verdict.in_language(translate))
    assert "技术问题" in verdict and verdict in text, "the verdict in Chinese"
    for words in ("概要", "峰值在线人数", "1,000", "这个数字的含义", "图表", "场景时间线", "分段", "故障及其影响"):
        assert words in text, words
    assert TITLE in text and "小美、阿强" in text and "直播中" in text, "names listed as Chinese lists them"
    assert f"第1页，共{pages}页" in text
    assert "Summary" not in text and "Peak viewers" not in text, "no English heading left"
    fonts = subprocess.run([poppler("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    family = font_families()[0].replace(" ", "").lower()  # "Noto Sans CJK SC" is embedded as NotoSansCJKsc-…
    assert family in fonts.replace(" ", "").lower() and " yes " in fonts, f"the CJK font embedded: {fonts}"


def test_the_charts_are_drawn_on_the_first_pages(qapp: QApplication, bundle: ShowBundle, tmp_path: Path) -> None:
    """The viewers line (blue) and the reconnect's band are painted: rendered, page 1 has the line's colour and
    the critical band's red tint."""
    pdf = tmp_path / "show.pdf"
    write_show_pdf(bundle, pdf, QCoreApplication.translate)
    subprocess.run([poppler("pdftoppm"), "-r", "100", "-png", str(pdf), str(tmp_path / "page")], check=True)
    first = np.asarray(Image.open(sorted(tmp_path.glob("page-*.png"))[0]).convert("RGB")).astype(int)
    line = (abs(first[..., 0] - 0x1E) < 40) & (abs(first[..., 1] - 0x88) < 40) & (abs(first[..., 2] - 0xE5) < 40)
    assert line.sum() > 200, "the viewers line is on page 1"
    tinted = (first[..., 0] > 230) & (first[..., 2] < 215) & (first[..., 1] > 150)  # red or yellow over white
    episodes = [(i.episode.finding, i.episode.severity, i.episode.start, i.episode.end) for i in bundle.impact.impacts]
    assert tinted.sum() > 50, f"a band marks the incidents: {episodes} over {bundle.data.start}-{bundle.data.end}"


def test_an_overridden_checklist_says_who_went_live_and_why_with_its_items(
    qapp: QApplication, bundle: ShowBundle, tmp_path: Path
) -> None:
    began = datetime.fromtimestamp(bundle.data.start, UTC)
    item = StoredItem(
        "mic", "Microphone level", "sensed", True, "failed", "peak −42 dBFS", began, "", None, "mic replaced", ""
    )
    run = StoredRun(
        7, "pre-show", "Pre-show check", ROOM, "小林", began - timedelta(minutes=20), began, False, "console",
        (item,), go_live_by="主管老王", go_live_reason="备用麦克风已接好", go_live_at=began,
        show_id=bundle.show_id, end_state="went_live", ended_at=began,
    )  # fmt: skip
    overridden = dataclasses.replace(bundle, checklist=ChecklistOutcome(Checklist.OVERRIDDEN, run))
    pdf = tmp_path / "show.pdf"
    write_show_pdf(overridden, pdf, QCoreApplication.translate)
    text = text_of(pdf)
    assert "overridden—Pre-showcheck,operator小林" in text
    assert "Wentlivewithopenitems—主管老王:备用麦克风已接好" in text
    assert "Checklistitemsatgo-live" in text and "Microphonelevel" in text and "Overridden:micreplaced" in text


def test_an_unwritable_path_is_a_clear_error_and_leaves_no_file(
    qapp: QApplication, chinese: None, bundle: ShowBundle, tmp_path: Path
) -> None:
    missing = tmp_path / "没有这个文件夹" / "show.pdf"
    with pytest.raises(PdfExportError) as refused:
        write_show_pdf(bundle, missing, QCoreApplication.translate)
    assert str(missing) in str(refused.value) and "无法将 PDF 写入" in str(refused.value)
    assert not missing.parent.exists()
    # A folder where the file should go: the report is made, then cannot take its place — nothing is left behind.
    folder = tmp_path / "show.pdf"
    folder.mkdir()
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(PdfExportError) as taken:
        write_show_pdf(bundle, folder, QCoreApplication.translate)
    assert str(folder) in str(taken.value)
    assert sorted(os.listdir(tmp_path)) == before and not list(folder.iterdir()), "no half file, no temporary"
    # An existing report is replaced only by a complete one, and gets the usual permissions of a new file.
    done = tmp_path / "done.pdf"
    done.write_bytes(b"old")
    write_show_pdf(bundle, done, QCoreApplication.translate)
    assert done.read_bytes().startswith(b"%PDF") and done.stat().st_mode & 0o044 == 0o044 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_a_process_without_qt_makes_its_pdf_headless(recorded: Recorded, tmp_path: Path) -> None:  # noqa: F811
    """`onair report --pdf` runs in a terminal: no display, no Qt application yet."""
    pdf = tmp_path / "headless.pdf"
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from console.core.review.bundle import bundle_show\n"
        "from console.core.storage import Storage\n"
        "from console.review_pdf import write_show_pdf\n"
        f"write_show_pdf(bundle_show(Storage({recorded.sqlite.url!r}), {recorded.show_id}), sys.argv[1],"
        " QCoreApplication.translate)\n"
        "print(type(QCoreApplication.instance()).__name__, QCoreApplication.instance().platformName())\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-c", script, str(pdf)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["QGuiApplication", "offscreen"]
    assert pdf.read_bytes().startswith(b"%PDF") and "Summary" in text_of(pdf)


def test_an_eight_hour_show_makes_a_small_pdf_whose_lines_break_at_its_gaps(qapp: QApplication, tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    from benchmarks.review_open import build

    url = f"sqlite:///{tmp_path / 'eight.db'}"
    show_id = build(url, 8)
    storage = Storage(url)
    try:
        big = bundle_show(storage, show_id)
    finally:
        storage.close()
    assert len(big.data.t) > 28_000 and len(big.data.gaps()) >= 3
    pdf = tmp_path / "eight.pdf"
    write_show_pdf(big, pdf, QCoreApplication.translate)
    assert pdf.stat().st_size < 1_000_000, "min/max per column, not 28,800 points per line"
    pages = pages_of(pdf)
    assert pages <= 8
    text = text_of(pdf)
    assert f"Page{pages}of{pages}" in text and "Segment" in text and "7:5" in text, "an 8-hour show"
    # What the charts draw: at most one low and high per column, and a break at every stored gap.
    viewers = big.data.channel("viewers")
    columns = reduce_columns(big.data.t, viewers, big.data.start, big.data.end, 900)
    assert len(columns.index) <= 900 and np.isnan(viewers).sum() == 0
    breaks = int((~columns.joined).sum())
    assert breaks == 1 + len(big.data.gaps()), "the line starts once and breaks at each gap"
    known = viewers[np.isfinite(viewers)]
    assert columns.high.max() == known.max() and columns.low.min() == known.min(), "every peak and trough kept"


def test_an_unknown_stretch_longer_than_a_gap_breaks_the_line_even_within_few_columns() -> None:
    t = np.arange(100.0)
    values = np.where((t >= 40) & (t < 50), np.nan, 5.0)
    columns = reduce_columns(t, values, 0.0, 99.0, 5)
    assert list(columns.joined) == [False, True, False, True, True], "a 10-s unknown stretch: a break"
    short = np.where(t == 40, np.nan, 5.0)
    assert all(reduce_columns(t, short, 0.0, 99.0, 5).joined[1:]), "one unknown second is not a gap"


def test_the_pdf_is_written_on_a_worker_thread_as_the_console_exports_it(
    qapp: QApplication, bundle: ShowBundle, tmp_path: Path
) -> None:
    """The console's "Export PDF…" runs on the review controller's worker, never the GUI thread."""
    pdf = tmp_path / "worker.pdf"
    failures: list[BaseException] = []

    def export() -> None:
        try:
            write_show_pdf(bundle, pdf, QCoreApplication.translate)
        except BaseException as exc:  # handed to the test's thread
            failures.append(exc)

    worker = threading.Thread(target=export)
    worker.start()
    worker.join(60)
    assert not worker.is_alive() and not failures, failures
    assert "Summary" in text_of(pdf) and pages_of(pdf) >= 2


def test_imported_platform_minutes_add_gmv_and_gpm(
    qapp: QApplication,
    recorded: Recorded,  # noqa: F811
    bundle: ShowBundle,
    tmp_path: Path,
) -> None:
    """A platform's per-minute export imported into the show: its GMV and orders in the summary and the segment
    table (GMV per segment, GPM). Made last: it changes the module's stored show."""
    from console.core.review.platform_import import import_platform_file

    start = bundle.data.start - bundle.data.start % 60  # minutes from the one the show began in
    export = tmp_path / "douyin_minutes.csv"
    lines = ["时间,在线人数,进入人数,成交金额(元),订单数"]
    for minute, (gmv, orders) in enumerate(((1288.5, 3), (711.5, 2))):
        stamp = datetime.fromtimestamp(start + 60 * minute).strftime("%Y-%m-%d %H:%M")
        lines.append(f"{stamp},1000,{200 + minute},{gmv},{orders}")
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_platform_file(recorded.sqlite, recorded.show_id, export, platform="douyin", by="测试")
    shopped = bundle_show(recorded.sqlite, recorded.show_id, SHORT)
    assert shopped.imported
    pdf = tmp_path / "gmv.pdf"
    write_show_pdf(shopped, pdf, QCoreApplication.translate)
    text = text_of(pdf)
    assert "PlatformdataDouyin·douyin_minutes.csv" in text, "the platform in words, not its stored code"
    assert "GMV2,000.00" in text and "Orders5" in text, "the show's totals"
    header = text.index("GMVGPM")
    assert header > text.index("Segments"), "the segment table has GMV and GPM columns"
    for row in shopped.segments:
        assert row.extras.get("gmv") is not None
        # Read as laid out (a table row's cells on one line, rows in page order): pdftotext's plain reading order
        # gave some rows' cells before the heading, or not beside their row, depending on the segments' widths.
        laid_out = text_of(pdf, layout=True)
        assert f"{row.extras['gmv']:,.2f}" in laid_out[laid_out.index("Segments") :]


def test_a_show_without_an_audience_says_so_and_never_draws_a_zero(qapp: QApplication, tmp_path: Path) -> None:
    """A room with no audience source: its figures are unknown ("—"), its viewers chart says so, nothing is 0."""
    storage = Storage(f"sqlite:///{tmp_path / 'quiet.db'}")
    storage.migrate()
    began = datetime.now(UTC) - timedelta(minutes=10)
    show, _ = storage.open_show("安静的直播间", began, 0)
    start = began.timestamp()
    rows = [{"t": start + s, "bitrate_kbps": 2500.0, "cpu_system_pct": 30.0, "streaming": 1.0} for s in range(300)]
    storage.add_telemetry(show.id, rows, [])
    storage.end_show(show.id, began + timedelta(seconds=300))
    try:
        quiet = bundle_show(storage, show.id)
    finally:
        storage.close()
    pdf = tmp_path / "quiet.pdf"
    write_show_pdf(quiet, pdf, QCoreApplication.translate)
    assert "Peakviewers—Averageviewers—" in text_of(pdf, layout=True)
    text = text_of(pdf)
    assert text.count("Notknownforthisshow") == 2, "the viewers chart and the dropped-frames chart say so"
    assert "Notechnicalproblemthatviewerscouldnoticeinthisshow." in text


def test_an_axis_leaves_room_above_the_highest_point() -> None:
    from tests.console.test_review_analysis import make_show

    tops = [
        chart_top(make_show(60, {"viewers": v}), Chart("", (Line("viewers", "", "#000"),), "")) for v in (1000.0, 97.0)
    ]
    assert tops == [1200.0, 120.0]
    assert chart_top(make_show(60, {}), Chart("", (Line("viewers", "", "#000"),), "")) is None, "nothing known"


def test_the_bitrate_chart_leaves_a_burst_off_its_scale_as_the_graphs_do() -> None:
    """fix21b: one 3.1 Mbit/s second (OBS flushing its backlog after a freeze) set the PDF's bitrate axis to 4,000
    and flattened the steady 2,500 kbit/s trace the console's graph showed on its own scale, which leaves outliers
    off (graph_data.robust_peak)."""
    from console.core.telemetry.graph_data import robust_peak
    from tests.console.test_review_analysis import make_show

    bitrate = Chart("", (Line("bitrate_kbps", "", "#000"),), "", clip_outliers=clips_outliers("bitrate_kbps"))
    burst = make_show(600, {"bitrate_kbps": lambda s: np.where(s == 300, 3100.0, 2500.0 + (s % 7) * 10)})
    steady = make_show(600, {"bitrate_kbps": lambda s: 2500.0 + (s % 7) * 10})
    assert chart_top(burst, bitrate) == chart_top(steady, bitrate) == 3000.0, "the burst runs off the top"
    column = burst.channel("bitrate_kbps")
    clipped, whole = robust_peak(column, True), robust_peak(column, False)
    assert clipped is not None and clipped < 3000.0 < 3100.0 == whole, "the graphs' own decision"
    # A level that really rose for a while is no outlier: the axis takes it in.
    raised = make_show(600, {"bitrate_kbps": lambda s: np.where(s >= 300, 3100.0, 2500.0)})
    assert chart_top(raised, bitrate) == 4000.0
    # The viewers' graph leaves nothing off: neither does its chart.
    viewers = Chart("", (Line("viewers", "", "#000"),), "", clip_outliers=clips_outliers("viewers"))
    assert chart_top(make_show(600, {"viewers": lambda s: np.where(s == 300, 3100.0, 2500.0)}), viewers) == 4000.0


def killed_show_pdf(tmp_path: Path) -> Path:
    """The PDF of a show whose console was killed for 34 s while the room streamed on."""
    storage = Storage(f"sqlite:///{tmp_path / 'killed.db'}")
    storage.migrate()
    began = datetime.now(UTC) - timedelta(minutes=10)
    show, _ = storage.open_show("直播间B", began, 0)
    start = began.timestamp()
    rows = [{"t": start + s, "viewers": 800.0, "streaming": 1.0} for s in range(200) if not 60 <= s < 94]
    markers = [
        {"t": start, "kind": "scene", "detail": "等待开始"},
        {"t": start + 94.2, "kind": "scene", "detail": "等待开始"},
    ]
    storage.add_telemetry(show.id, rows, markers)
    storage.end_show(show.id, began + timedelta(seconds=200))
    try:
        killed = bundle_show(storage, show.id)
    finally:
        storage.close()
    pdf = tmp_path / "killed.pdf"
    write_show_pdf(killed, pdf, QCoreApplication.translate)
    return pdf


def test_the_scene_legend_names_a_stretch_the_console_did_not_see_as_the_segments_do(
    qapp: QApplication, tmp_path: Path
) -> None:
    """review17: the console killed for 34 s while the room streamed on; the PDF's scene legend called those seconds
    "Scene not known" while its segment table, the show window and `onair report` said "Not seen (no console
    recording)". The charts' legend names their hatching so too (walk24: it said "no data stored (the console was
    not running)", while a gap is also the console away in another room)."""
    pdf = killed_show_pdf(tmp_path)
    laid_out = subprocess.run(
        [poppler("pdftotext"), "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    legend = [line for line in laid_out.splitlines() if re.search(r"等待开始 +0:0", line)]
    assert len(legend) == 1 and re.search(r"Not seen \(no console recording\) +0:00:35", legend[0]), legend
    assert "Scenenotknown" not in text_of(pdf)
    assert "hatched:Notseen(noconsolerecording);aline" in text_of(pdf)


def test_the_charts_legend_names_the_hatching_as_the_segments_do_in_chinese(
    qapp: QApplication, chinese: None, tmp_path: Path
) -> None:
    text = text_of(killed_show_pdf(tmp_path))
    assert "斜线：未监控（无中控台记录）；" in text and "没有保存数据" not in text


def test_findings_that_overlap_are_one_layer_of_the_worst_ones_colour() -> None:
    """review17: the PDF laid each finding's translucent band over the others: a muted microphone during a CPU
    overload (both critical) was a darker red than the legend's, a warning within a critical one orange."""
    from types import SimpleNamespace

    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from console.review_pdf_chart import BAND, Axis, ChartPainter

    def finding(rank: int, start: float, end: float) -> SimpleNamespace:
        return SimpleNamespace(rank=rank, start=start, end=end)

    bands = [finding(3, 40, 150), finding(3, 100, 250), finding(2, 200, 300), finding(2, 320, 360)]
    image = QImage(400, 20, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    charts = ChartPainter(None, QFont(), QFont(), 1.0, [], bands)  # type: ignore[arg-type]
    charts._backdrop(painter, QRectF(0, 0, 400, 20), Axis(0, 400, 0, 400))
    painter.end()

    def on_white(rank: int) -> QColor:
        band = BAND[rank]
        share = band.alphaF()
        return QColor(*(round(c * share + 255 * (1 - share)) for c in (band.red(), band.green(), band.blue())))

    def near(x: int, colour: QColor) -> bool:
        got = image.pixelColor(x, 10)
        pairs = ((got.red(), colour.red()), (got.green(), colour.green()), (got.blue(), colour.blue()))
        return all(abs(a - b) <= 2 for a, b in pairs)

    critical, warning = on_white(3), on_white(2)
    assert near(60, critical) and near(125, critical), "two critical findings overlapping: the same red"
    assert near(225, critical), "a warning within a critical finding: red, not orange"
    assert near(275, warning) and near(340, warning) and near(310, QColor("white"))
