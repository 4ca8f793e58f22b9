"""A show's markers in words wherever they are shown: the Markers sheet of a show's XLSX (read back from a show
stored on real SQLite and PostgreSQL) and a graph's label, in English and Chinese — never a stored code ("obs_lost",
a finding's id, the stream start an "OBS connected" marker keeps). And no writer can store a marker kind or a code
that has no words."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from console.core.review.bundle import bundle_show
from console.core.review.export import SHEETS, write_show_xlsx
from console.core.review.marker_words import CODES, DETAILS, HAPPENED, Detail, marker_words
from console.core.storage import Storage
from obs.vocabulary import MARKER_TITLES, UNPLAYABLE_MARKER, Kind, Severity
from tests.language import chinese, english

REPO = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
#: Every marker kind a console stores, with the details it stores, in a show's order.
MARKERS = [
    ("scene", "开场"),
    ("stream_start", ""),
    ("record_start", ""),
    ("finding_warning", Kind.NETWORK.value),
    ("stream_reconnecting", ""),
    ("stream_reconnected", ""),
    ("finding_critical", UNPLAYABLE_MARKER),
    ("obs_lost", ""),
    ("stream_stop", "obs_lost"),  # OBS lost while streaming, back not streaming (session.py)
    ("obs_connected", f"{T0.timestamp() + 30:.3f}"),  # the stream start OBS said, for a restarted console
    ("scene", "Product close-up"),
    ("record_stop", ""),
]
EXPECTED = {
    "en": [
        ("Scene switched", "开场"),
        ("Stream started", None),
        ("Recording started", None),
        ("Warning", "Network drops"),
        ("Stream reconnecting", None),
        ("Stream reconnected", None),
        ("Critical", "Product video cannot be played"),
        ("OBS connection lost", None),
        ("Stream stopped", "OBS lost"),
        ("OBS connected", None),
        ("Scene switched", "Product close-up"),
        ("Recording stopped", None),
    ],
    "zh_CN": [
        ("切换场景", "开场"),
        ("开始推流", None),
        ("开始录制", None),
        ("警告", "网络丢帧"),
        ("推流重连中", None),
        ("推流已重连", None),
        ("严重", "商品视频无法播放"),
        ("与 OBS 的连接中断", None),
        ("停止推流", "OBS 失联"),
        ("已连接 OBS", None),
        ("切换场景", "Product close-up"),
        ("停止录制", None),
    ],
}
#: A stored code: a machine name (lower case with underscores) or a figure.
CODE = re.compile(r"^(?:[a-z]+_[a-z_]+|[a-z]+|-?\d+(?:\.\d+)?)$")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_markers_sheet_says_every_marker_in_words_never_a_code(
    storage: Storage, tmp_path: Path, language: str
) -> None:
    """A show whose stream stopped when OBS was lost read "Stream stopped | obs_lost" in the file an analyst hands
    to a client."""
    show, _ = storage.open_show("一号直播间", T0, 0)
    t0 = T0.timestamp()
    rows = [{"t": t0 + s, "viewers": 100.0, "streaming": 1.0} for s in range(60)]
    storage.add_telemetry(
        show.id, rows, [{"t": t0 + 5 * i, "kind": k, "detail": d} for i, (k, d) in enumerate(MARKERS)], []
    )
    storage.end_show(show.id, T0 + timedelta(seconds=60))
    say = english if language == "en" else chinese()
    path = tmp_path / "show.xlsx"
    write_show_xlsx(bundle_show(storage, show.id), path, say, language)
    book = openpyxl.load_workbook(path)
    sheet = book[say("ReviewExport", SHEETS["markers"])]
    read = [(row[1], row[2]) for row in list(sheet.iter_rows(values_only=True))[1:]]
    assert read == EXPECTED[language]
    codes = [cell for pair in read for cell in pair if cell and CODE.match(str(cell))]
    assert not codes, f"raw codes in the Markers sheet: {codes}"


@pytest.mark.parametrize(
    ("kind", "detail", "en", "zh"),
    [
        ("stream_stop", "obs_lost", "Stream stopped (OBS lost)", "停止推流（OBS 失联）"),
        ("scene", "直播中", "Scene: 直播中", "场景：直播中"),
        ("finding_warning", "network", "Warning: Network drops", "警告：网络丢帧"),
        ("obs_connected", "1764619230.000", "OBS connected", "已连接 OBS"),
        ("stream_start", "", "Stream started", "开始推流"),
    ],
)
def test_a_graphs_label_is_the_same_words(kind: str, detail: str, en: str, zh: str) -> None:
    """The live graphs and the review window label a marker with these words (widgets/telemetry_graph.py)."""
    label = marker_words(kind, detail).label()
    assert label.in_language(english) == en
    assert label.in_language(chinese()) == zh


def test_a_finding_of_another_version_is_said_as_a_finding_never_its_bare_id() -> None:
    """A show recorded by a newer console marks a finding this one does not know: its label and the Markers sheet's
    detail read "Warning: gpu_thermal", an internal id. A marker keeps no message, so it is said as a finding."""
    newer = "gpu_thermal"  # not a Kind of this version (a name, so the scan of real findings below skips it)
    words = marker_words(f"finding_{Severity.WARNING}", newer)
    assert words.label().in_language(english) == "Warning: a finding this version does not know (gpu_thermal)"
    assert words.label().in_language(chinese()) == "警告：本版本未识别的问题（gpu_thermal）"
    assert words.detail is not None and words.detail.in_language(chinese()) == "本版本未识别的问题（gpu_thermal）"


def _marker_calls() -> Iterator[tuple[Path, ast.Call, ast.AST]]:
    """Every Marker(t, kind, detail) the console builds, with the function it is built in."""
    for path in sorted((REPO / "console").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Marker":
                    yield path, node, function


def _strings(node: ast.AST, function: ast.AST) -> set[str]:
    """The literal strings an argument can be: its own, those of a conditional's branches, of a table it is looked
    up in ({…}.get(state)), of what is assigned to the name it is in this function, each severity for
    f"finding_{…severity}". Empty for a computed value (a scene's name, a finding's marker_detail)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body, function) | _strings(node.orelse, function)
    if isinstance(node, ast.JoinedStr):
        prefix = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
        assert prefix == "finding_", f"a marker kind built as {ast.unparse(node)}: give its words in marker_words.py"
        return {f"finding_{severity}" for severity in Severity}
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Dict):
        return {text for value in node.func.value.values for text in _strings(value, function)}
    found: set[str] = set()
    if isinstance(node, ast.Name):
        for other in ast.walk(function):
            if isinstance(other, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == node.id for target in other.targets
            ):
                found |= _strings(other.value, function)
    return found


def _read_back(node: ast.AST) -> bool:
    """A kind read from a stored marker (a row's ["kind"]): restoring what a writer stored, not a new kind."""
    return any(isinstance(inner, ast.Subscript) for inner in ast.walk(node))


def test_every_marker_kind_and_code_a_writer_stores_has_words() -> None:
    """A new kind, or a new code as a kind's detail ("obs_lost" as a stream stop's), fails here until
    console/core/review/marker_words.py says it; a finding's marker is said by the finding's title."""
    calls = list(_marker_calls())
    assert len(calls) >= 5, "the scan finds the console's markers (session.py, telemetry/live.py)"
    kinds: set[str] = set()
    for path, call, function in calls:
        assert len(call.args) == 3, f"{path.name}:{call.lineno}: Marker(t, kind, detail) by position"
        if _read_back(call.args[1]):
            continue
        these = _strings(call.args[1], function)
        assert these, f"{path.name}:{call.lineno}: a marker kind this test cannot read: name it in a literal"
        kinds |= these
        for code in _strings(call.args[2], function) - {""}:
            for kind in these:
                assert DETAILS.get(kind) is Detail.CODE and code in CODES.get(kind, {}), (
                    f"{path.name}:{call.lineno}: the {kind} marker's detail {code!r} has no words"
                )
    assert {"scene", "stream_stop", "obs_connected", "finding_critical"} <= kinds
    missing = kinds - HAPPENED.keys()
    assert not missing, f"marker kinds without words: {missing}"
    assert not kinds - DETAILS.keys(), "each kind says what its detail is"
    assert set(Kind) <= MARKER_TITLES.keys(), "a finding's marker is said by the finding's title"


def _kind_and_detail(node: ast.AST) -> tuple[ast.AST, ast.AST] | None:
    """A marker's kind and detail as written: Marker(t, kind, detail), a stored row {"kind": …, "detail": …}, or a
    (kind, detail, …) tuple of a table of markers."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Marker":
        return (node.args[1], node.args[2]) if len(node.args) == 3 else None
    if isinstance(node, ast.Dict):
        keys = {k.value: v for k, v in zip(node.keys, node.values, strict=True) if isinstance(k, ast.Constant)}
        return (keys["kind"], keys["detail"]) if "kind" in keys and "detail" in keys else None
    if isinstance(node, ast.Tuple) and len(node.elts) >= 2:
        return node.elts[0], node.elts[1]
    return None


#: The marker kinds a finding is stored under ("finding_warning"…); a test's ("finding_id", "lines") is not one.
FINDING_MARKER_KINDS = {f"finding_{severity}" for severity in Severity}


def _finding_details(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Each literal finding id a test, benchmark or the simulator marks with ("id" or Kind.X.value)."""
    for node in ast.walk(tree):
        pair = _kind_and_detail(node)
        if pair is None:
            continue
        kind, detail = pair
        if not (isinstance(kind, ast.Constant) and str(kind.value) in FINDING_MARKER_KINDS):
            continue
        if isinstance(detail, ast.Constant) and isinstance(detail.value, str):
            yield getattr(node, "lineno", 0), detail.value
        elif isinstance(detail, ast.Attribute) and isinstance(detail.value, ast.Attribute) and detail.attr == "value":
            yield getattr(node, "lineno", 0), Kind[detail.value.attr].value


def test_every_finding_the_test_data_marks_is_a_real_finding() -> None:
    """A graph test marked "network_drops" (a log finding's id, not a live one): its labels read "Warning:
    network_drops", a raw id, and the test still passed. A finding marker is named by its title (MARKER_TITLES)."""
    found: list[tuple[str, int, str]] = []
    for folder in ("tests", "benchmarks", "obs/simulator"):
        for path in sorted((REPO / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found += [(str(path.relative_to(REPO)), line, detail) for line, detail in _finding_details(tree)]
    assert len(found) >= 4, f"the scan finds the tests' finding markers: {found}"
    unknown = [f"{path}:{line}: {detail!r}" for path, line, detail in found if detail not in MARKER_TITLES]
    assert not unknown, f"finding markers with no finding's title (their label shows the raw id): {unknown}"
