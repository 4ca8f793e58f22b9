"""The system's errors said in words (obs/oswords.py), in English and through the shipped Chinese catalogue: what a
Chinese console said as "无法连接：[Errno 111] Connection refused" or "[Errno 28] No space left on device"."""

from __future__ import annotations

import errno
import os
import socket
import ssl
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from console.i18n import Catalogue, catalogue
from obs import oswords
from obs.errors import ConnectionFailure, FailureKind
from tests.language import english_words


@pytest.fixture(scope="module")
def chinese() -> Callable[[str, str], str]:
    """Qt's translate over the compiled catalogue the console ships (onair_zh_CN.qm)."""
    found: Catalogue | None = catalogue("zh_CN")
    assert found is not None
    words = found

    def translate(context: str, text: str) -> str:
        return words.translate(context, text) or text

    return translate


def _raised(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except BaseException as exc:  # the error is what the test reads
        return exc
    raise AssertionError("no error was raised")


def _folder_made_over_a_file(path: Path) -> None:
    path.write_text("")
    path.mkdir(exist_ok=True)  # FileExistsError (EEXIST), not NotADirectoryError


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _refused() -> BaseException:
    port = _free_port()  # nothing listens there once the probe is closed
    return _raised(lambda: socket.create_connection(("127.0.0.1", port), timeout=5))


def _port_held() -> BaseException:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    try:
        second = socket.socket()
        try:
            return _raised(lambda: second.bind(holder.getsockname()))
        finally:
            second.close()
    finally:
        holder.close()


def _os_error(number: int, path: str | None = None) -> OSError:
    return OSError(number, os.strerror(number), path) if path else OSError(number, os.strerror(number))


# (the error, the name the caller gives, the English phrase, words the Chinese must hold)
CASES: list[tuple[str, Callable[[Path], BaseException], str, str, list[str]]] = [
    (
        "refused",
        lambda _tmp: _refused(),
        "127.0.0.1:4455",
        "connection refused: nothing is listening at 127.0.0.1:4455; is the program running, and the port right?",
        ["连接被拒绝", "127.0.0.1:4455 上没有程序在监听"],
    ),
    (
        "timed out (socket)",
        lambda _tmp: TimeoutError("timed out"),
        "obs-pc:4455",
        "obs-pc:4455 did not answer in time; is it on, or a firewall in the way?",
        ["obs-pc:4455 未能及时应答"],
    ),
    (
        "timed out (errno)",
        lambda _tmp: _os_error(errno.ETIMEDOUT),
        "",
        "no answer in time; is the other computer on, or a firewall in the way?",
        ["未能及时应答", "防火墙"],
    ),
    (
        "host unreachable",
        lambda _tmp: _os_error(errno.EHOSTUNREACH),
        "10.0.0.9",
        "the computer 10.0.0.9 cannot be reached on the network; check that it is on and on the same network",
        ["网络上无法到达电脑 10.0.0.9"],
    ),
    (
        "network unreachable",
        lambda _tmp: _os_error(errno.ENETUNREACH),
        "",
        "the network cannot be reached: is this computer connected?",
        ["无法到达该网络", "本机是否已联网"],
    ),
    (
        "reset",
        lambda _tmp: ConnectionResetError(errno.ECONNRESET, os.strerror(errno.ECONNRESET)),
        "",
        "the other side reset the connection",
        ["连接被对方重置"],
    ),
    (
        "broken pipe",
        lambda _tmp: BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE)),
        "chat.example.com",
        "chat.example.com closed the connection",
        ["chat.example.com 关闭了连接"],
    ),
    (
        "disk full",
        lambda tmp: _os_error(errno.ENOSPC, str(tmp / "show.pdf")),
        "",
        "the disk holding {tmp}/show.pdf is full; free some space or choose another disk",
        ["所在的磁盘已满", "请清理出空间"],
    ),
    (
        "quota",
        lambda _tmp: _os_error(errno.EDQUOT),
        "",
        "the disk is full; free some space or choose another disk",
        ["磁盘已满"],
    ),
    (
        "permission (EACCES)",
        lambda tmp: PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp / "onair.db")),
        "",
        "no permission to use {tmp}/onair.db; check its owner and permissions, or choose another place",
        ["没有权限使用", "/onair.db"],
    ),
    (
        "permission (EPERM)",
        lambda _tmp: PermissionError(errno.EPERM, os.strerror(errno.EPERM)),
        "",
        "no permission; check the owner and permissions, or choose another place",
        ["没有权限", "换一个位置"],
    ),
    (
        "missing",
        lambda tmp: _raised(lambda: (tmp / "gone" / "rooms.json").read_text()),
        "",
        "{tmp}/gone/rooms.json does not exist",
        ["/gone/rooms.json 不存在"],
    ),
    (
        "a file where a folder is made",  # RoomStore saving rooms.json under a folder that is a file
        lambda tmp: _raised(lambda: _folder_made_over_a_file(tmp / "onair")),
        "",
        "{tmp}/onair already exists and is in the way (a file where a folder should be?)",
        ["/onair 已存在", "挡"],
    ),
    (
        "read-only",
        lambda tmp: _os_error(errno.EROFS, str(tmp / "data")),
        "",
        "{tmp}/data is on a read-only disk; choose another place",
        ["位于只读磁盘上"],
    ),
    (
        "port held",
        lambda _tmp: _port_held(),
        "127.0.0.1:4455",
        "127.0.0.1:4455 is already in use: another program holds the port; close it or choose another port",
        ["127.0.0.1:4455 已被占用", "换一个端口"],
    ),
    (
        "name not found",
        lambda _tmp: socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
        "obs-pc",
        "the computer name “obs-pc” could not be found: check its spelling",
        ["找不到名为“obs-pc”的电脑"],
    ),
    (
        "no name server",
        lambda _tmp: socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"),
        "",
        "no name server answers: is this computer connected?",
        ["没有应答", "本机是否已联网"],
    ),
    (
        "certificate",
        lambda _tmp: ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
        "api.example.com",
        "the secure connection (TLS) to api.example.com failed: its certificate could not be verified; check the "
        "address and this computer's date and time",
        ["与 api.example.com 的安全连接（TLS）失败", "证书"],
    ),
    (
        "TLS",
        lambda _tmp: ssl.SSLEOFError(8, "EOF occurred in violation of protocol"),
        "",
        "the secure connection (TLS) failed",
        ["安全连接（TLS）失败"],
    ),
]


@pytest.mark.parametrize(
    ("error", "name", "english", "chinese_words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_system_error_is_said_in_words(
    error: Callable[[Path], BaseException],
    name: str,
    english: str,
    chinese_words: list[str],
    tmp_path: Path,
    chinese: Callable[[str, str], str],
) -> None:
    said = oswords.reason(error(tmp_path), name)
    assert said.explain() == english.replace("{tmp}", str(tmp_path))
    zh = said.in_language(chinese)
    assert all(words in zh for words in chinese_words), zh
    assert "Errno" not in zh and not english_words(zh, {"chat", "example", "com", "obs-pc"}), zh


def test_the_path_is_left_to_a_sentence_that_names_the_file(tmp_path: Path, chinese: Callable[[str, str], str]) -> None:
    """An export writes a temporary file beside the one asked for: the system names that one, which the reader
    never chose; the sentence around the phrase names the file itself."""
    error = _os_error(errno.ENOSPC, str(tmp_path / ".show.pdf.1f2e.part"))
    said = oswords.reason(error, named=False)
    assert said.explain() == "the disk is full; free some space or choose another disk"
    assert said.in_language(chinese) == "磁盘已满；请清理出空间或换一个磁盘"


def test_a_librarys_error_is_said_by_the_system_error_under_it(chinese: Callable[[str, str], str]) -> None:
    """httpx's ConnectError ("[Errno 111] Connection refused") carries the socket's error as its cause."""
    port = _free_port()
    error = _raised(lambda: httpx.get(f"http://127.0.0.1:{port}/", timeout=5))
    assert isinstance(error, httpx.ConnectError)
    said = oswords.reason(error, f"127.0.0.1:{port}")
    assert said.in_language(chinese).startswith(f"连接被拒绝：127.0.0.1:{port} 上没有程序在监听")
    assert oswords.reason_or(error, "kept", f"127.0.0.1:{port}") == said
    assert oswords.reason_or(ValueError("bad header"), "bad header") == "bad header"


def test_an_unknown_errno_keeps_the_systems_own_words(chinese: Callable[[str, str], str]) -> None:
    error = OSError(errno.EMLINK, os.strerror(errno.EMLINK), "/srv/shows")
    said = oswords.reason(error)
    assert said.explain() == f"{os.strerror(errno.EMLINK)}: /srv/shows"
    assert said.in_language(chinese) == said.explain()
    assert oswords.reason(ValueError("not a number")).explain() == "not a number"


def test_a_lost_connection_says_its_cause_in_the_readers_language(chinese: Callable[[str, str], str]) -> None:
    """A connection to OBS lost on a system error ("[Errno 113] No route to host") says it in words; the system's
    text stays in the detail, for the log."""
    cause = oswords.reason(_os_error(errno.EHOSTUNREACH), "192.168.1.20:4455")
    failure = ConnectionFailure(FailureKind.CONNECTION_LOST, "192.168.1.20", 4455, "[Errno 113] No route", cause=cause)
    zh = failure.text.in_language(chinese)
    assert "网络上无法到达电脑 192.168.1.20:4455" in zh and "Errno" not in zh, zh
    assert "the computer 192.168.1.20:4455 cannot be reached" in failure.explain()
    assert failure.detail == "[Errno 113] No route"


def test_a_graph_exported_onto_a_full_disk_leaves_the_earlier_file_whole(small_disk: os.PathLike[str]) -> None:
    """The graph's CSV was written in place: on a full disk it left an empty file where the reader asked for it, and
    an earlier export there emptied. Now the earlier file stays as it was, and nothing half-written is left."""
    from console.core.reports import write_series_csv
    from tests.conftest import fill_disk

    path = Path(small_disk) / "bitrate.csv"
    write_series_csv(path, ["time", "kbit/s"], [("12:00:00", 2500)])
    earlier = path.read_bytes()
    fill_disk(small_disk)
    rows: list[tuple[object, ...]] = [(f"12:{n // 60:02d}:{n % 60:02d}", 2500 + n) for n in range(20_000)]
    with pytest.raises(OSError) as raised:
        write_series_csv(path, ["time", "kbit/s"], rows)
    assert raised.value.errno == errno.ENOSPC
    assert path.read_bytes() == earlier
    assert sorted(p.name for p in Path(small_disk).iterdir()) == ["bitrate.csv", "filler"]


def test_a_workbook_that_does_not_fit_on_the_disk_fails_quietly(
    small_disk: os.PathLike[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl left its archive and a write-only sheet's streams open on a full disk: after `onair report --xlsx`'s
    own sentence, Python printed their failing clean-up as a dozen tracebacks ("Exception ignored …")."""
    import gc
    import sys

    from openpyxl import Workbook

    from console.core.reports import save_workbook
    from tests.conftest import fill_disk

    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    fill_disk(small_disk)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("数据")
    for n in range(20_000):
        sheet.append([n, f"第 {n} 行", n * 1.5])
    with pytest.raises(OSError) as raised:
        save_workbook(book, Path(small_disk) / "show.xlsx")
    assert raised.value.errno == errno.ENOSPC
    del raised, book, sheet
    gc.collect()
    assert not unraisable, unraisable


@pytest.mark.parametrize(
    ("text", "english", "chinese_words"),
    [
        ('{"rooms": [1,', "not valid JSON: the mistake is at line 1, column 14", "第 1 行第 14 列"),
        ('{\n  "a": 1\n  "b": 2\n}', "not valid JSON: the mistake is at line 3, column 3", "第 3 行第 3 列"),
    ],
)
def test_a_file_that_is_not_json_is_said_where_its_mistake_is_never_in_the_parsers_english(
    text: str, english: str, chinese_words: str, chinese: Callable[[str, str], str]
) -> None:
    """fix26j: a Chinese console read "无法读取已保存的直播间（Expecting value: line 1 column 12 (char 11)）"."""
    import json

    exc = _raised(lambda: json.loads(text))
    assert isinstance(exc, ValueError)
    said = oswords.data_reason(exc)
    assert said.in_language(lambda _context, text: text) == english
    zh = said.in_language(chinese)
    assert chinese_words in zh and "Expecting" not in zh and "JSON" in zh


def test_a_file_that_is_not_utf8_says_which_byte(chinese: Callable[[str, str], str]) -> None:
    exc = _raised(lambda: b'{"a": "\xff"}'.decode("utf-8"))
    assert isinstance(exc, UnicodeDecodeError)
    said = oswords.data_reason(exc)
    assert said.in_language(lambda _context, text: text) == "not UTF-8 text: byte 8 cannot be read"
    assert "8" in said.in_language(chinese) and "UTF-8" in said.in_language(chinese)
