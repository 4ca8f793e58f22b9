"""Languages: English (source) and Simplified Chinese; the translator and a check that fonts cover Chinese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}


def system_language() -> str:
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load resources/translations/onair_<lang>.qm into the application; None for English (the source)."""
    if language == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS / f"onair_{language}.qm")):
        return None
    app.installTranslator(translator)
    return translator


def chinese_font_available() -> bool:
    """True when some installed font has Simplified Chinese glyphs (else Qt draws 直播中 as boxes)."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def font_advice() -> str:
    return QCoreApplication.translate(
        "Fonts",
        "No installed font can show Chinese: scene and source names such as 直播中 will appear as empty boxes. "
        "Install one, e.g. on Debian/Ubuntu: sudo apt install fonts-noto-cjk (or fonts-wqy-microhei).",
    )
