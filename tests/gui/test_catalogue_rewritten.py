"""A console keeps speaking its language when its catalogue file is rewritten in place while it runs (`lrelease`, a
`cp` of a newer copy over it): the catalogue was mapped from the file, and two consoles of session 14's walks died
of it at their next translated word, with nothing in their logs (SIGBUS, SIGSEGV in QTranslator's lookup). Run in a
child process: without the fix the child dies of a signal."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
import console.i18n as i18n
from console.alerts_controller import team_translate

folder = Path(sys.argv[1])
i18n.TRANSLATIONS = folder
app = QCoreApplication([])
installed = i18n.install_translator(app, "zh_CN")
team = team_translate("zh_CN")
said = [QCoreApplication.translate("AboutDialog", "Console:"), team("AboutDialog", "OnAir Console")]
qm = folder / "onair_zh_CN.qm"
size = qm.stat().st_size
with qm.open("r+b") as rewritten:  # the same file, shorter: what a rewrite in place leaves for a moment
    rewritten.truncate(size // 3)
said += [QCoreApplication.translate("AboutDialog", "OnAir Console"), team("AboutDialog", "Console:")]
with qm.open("r+b") as rewritten:  # then other contents where the catalogue was
    rewritten.write(bytes(range(256)) * (size // 256))
said += [QCoreApplication.translate("AboutDialog", "Console:"), team("AboutDialog", "OnAir Console")]
print("|".join(said))
"""


def test_a_catalogue_rewritten_in_place_while_the_console_runs_changes_nothing_it_says(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copyfile(REPO / "resources" / "translations" / "onair_zh_CN.qm", folder / "onair_zh_CN.qm")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert done.returncode == 0, f"the console died ({done.returncode}): {done.stderr[-2000:]}"
    console, title = "中控台：", "OnAir 直播中控台"
    assert done.stdout.strip().split("|") == [console, title, title, console, console, title]
