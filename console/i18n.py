"""Languages: English (source) and Simplified Chinese; the translator and a check that fonts cover Chinese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

from obs.text import QT_TRANSLATE_NOOP

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

# Qt's own words that qtbase's Chinese catalogue lacks (Qt's file dialog said "Look in:" and "Files of type:"
# in English beside Chinese buttons). Our catalogue carries them in Qt's context; Qt asks the translator
# installed last (qtbase) first and falls back to ours where qtbase has none.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    # The file list's Type column for a folder (Qt asks with this disambiguation on every platform but Windows).
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder", "All other platforms"),
)


def system_language() -> str:
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def install_translator(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load resources/translations/onair_<lang>.qm, and Qt's own (the Close, Apply, Yes and No of standard
    buttons, the file dialog's labels; QT_GAPS fills what Qt's lacks), into the application; none for English
    (the source). Remove them with remove_translators."""
    if language == "en":
        return []
    installed = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for folder, name in ((str(TRANSLATIONS), f"onair_{language}"), (qt_folder, f"qtbase_{language}")):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    translators.clear()


def chinese_font_available() -> bool:
    """True when some installed font has Simplified Chinese glyphs (else Qt draws 直播中 as boxes)."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def font_advice() -> str:
    return QCoreApplication.translate(
        "Fonts",
        "No installed font can show Chinese: scene and source names such as 直播中 will appear as empty boxes. "
        "Install one, e.g. on Debian/Ubuntu: sudo apt install fonts-noto-cjk (or fonts-wqy-microhei).",
    )
