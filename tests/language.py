"""Half-translated text: English words left inside a Chinese sentence, for the catalogue and CLI tests."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

#: English a Chinese sentence may keep, each for a reason: product and protocol names, file formats, units and
#: abbreviations Chinese users write in Latin letters, key names, commands and environment variables.
ALLOWED = {
    word.lower()
    for word in (  # noqa: SIM905 - grouped by reason, one comment each
        # products, services, systems (proper nouns)
        "OBS Studio OnAir onair obs-websocket WebSocket Twitch YouTube Windows Linux macOS Debian Ubuntu FreeBSD Excel"
        # protocols, formats, encoders, colour formats (how they are written everywhere)
        " HTTP HTTPS API JSON JSONPath CSV TSV XLSX PDF PNG YAML MP4 MOV MKV FLV zip x264 veryfast NV12 I444 RTMP"
        " RTMPS DNS TLS NTSC"
        # units and abbreviations (h:mm: a spreadsheet's time format, as Excel and WPS name it)
        " CPU GPU FPS fps dBFS dB GB MB KB kbps kbit Mbit ms mm ID IP UID Wi-Fi 4G 5G A4"
        # an encoder option, key names, a platform's own field name, commands and environment variables
        " look-ahead Enter Esc Ctrl Client sudo apt install fonts-noto-cjk fonts-wqy-microhei DISPLAY WAYLAND_DISPLAY"
        # text encodings and the byte-order mark, universal time, and the letters a checklist id may use (as the file
        # must spell them)
        " UTF-8 UTF-16 GB18030 BOM UTC a-z"
    ).split()
}
_LITERAL = re.compile(
    r"\{\w+(?::[^}]*)?\}|%\d+|%\(\w+\)[sdr]"  # a translation's fields: {name}, {value:.1f}, %1, argparse's %(name)s
    r"|https?://\S+|wss?://\S+|rtmps?://\S+|<[^>]+>"  # addresses, markup
    r"|“[^”]*”|‘[^’]*’|\"[^\"]*\"|'[^']*'|`[^`]*`"  # quoted: names and values given literally
    r"|(?<!\w)--[A-Za-z][\w-]*"  # command-line options
    r"|\*\.\w+|\$\.[\w.\[\]]+|\S*/\S*|\d+:\d+(?::\d+)?(?:\.\d+)?"  # file patterns, paths, host:port, times
)
_WORD = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z0-9_'-]*[A-Za-z0-9]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def english_words(text: str, extra: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The English words left in `text`: those neither in the allowlist nor quoted, nor a field ({name}, %1),
    an address, or in `extra`."""
    allowed = ALLOWED | {word.lower() for word in extra}
    return [word for word in _WORD.findall(_LITERAL.sub(" ", text)) if word.lower() not in allowed]


def left_untranslated(source: str, translation: str) -> list[str]:
    """Words of the English source still standing in its Chinese translation (not names or literals)."""
    if not _CJK.search(translation):
        return []
    source_words = {word.lower() for word in _WORD.findall(_LITERAL.sub(" ", source))}
    return [word for word in english_words(translation) if word.lower() in source_words]


#: The shipped Chinese catalogue.
CATALOGUE = Path(__file__).resolve().parents[1] / "resources" / "translations" / "onair_zh_CN.ts"


def english(context: str, text: str) -> str:
    """Qt's translate(context, text) with no catalogue installed: the English source."""
    return text


def chinese() -> Callable[[str, str], str]:
    """Qt's translate(context, text) over the shipped Chinese catalogue, without Qt; a text the catalogue does not
    have fails the test (it would be shown in English)."""
    catalogue = {
        (context.findtext("name"), message.findtext("source")): message.findtext("translation")
        for context in ET.parse(CATALOGUE).getroot().iter("context")
        for message in context.iter("message")
    }

    def translate(context: str, text: str) -> str:
        found = catalogue.get((context, text))
        assert found, f"not in the catalogue: {context} / {text}"
        return found

    return translate
