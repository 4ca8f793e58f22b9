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


class Catalogue(QTranslator):
    """A translator whose catalogue is read into memory, not mapped from its file.

    QTranslator.load(name, folder) maps the .qm file and reads the mapping at every translation: a catalogue
    rewritten in place while the console runs (`lrelease`, `cp` of a newer copy over it, an editor) then crashed
    every running console at its next translated word — SIGBUS when the file got shorter, SIGSEGV in Qt's lookup
    when its contents moved (two consoles died so in session 14's walks, "nothing in its log"). The bytes read at
    start-up stay with the translator (Qt does not copy them) and a later rewrite of the file cannot reach them.
    """

    def __init__(self, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self._data = b""

    def load_file(self, path: Path) -> bool:
        """Read `path` (a .qm file) and take it as this translator's catalogue; False if unreadable or not one."""
        try:
            data = path.read_bytes()
        except OSError:
            return False
        if not self.load(data, str(path.parent)):
            return False
        self._data = data  # kept alive as long as the translator: Qt reads it in place
        return True


def catalogue(language: str, parent: QCoreApplication | None = None) -> Catalogue | None:
    """The console's own catalogue for `language` (resources/translations/onair_<lang>.qm), read into memory."""
    translator = Catalogue(parent)
    return translator if translator.load_file(TRANSLATIONS / f"onair_{language}.qm") else None


def install_translator(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load resources/translations/onair_<lang>.qm, and Qt's own (the Close, Apply, Yes and No of standard
    buttons, the file dialog's labels; QT_GAPS fills what Qt's lacks), into the application; none for English
    (the source). Both are read into memory (see Catalogue). Remove them with remove_translators."""
    if language == "en":
        return []
    installed: list[QTranslator] = []
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for folder, name in ((TRANSLATIONS, f"onair_{language}"), (qt_folder, f"qtbase_{language}")):
        translator = Catalogue(app)
        if translator.load_file(folder / f"{name}.qm"):
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
