"""Settings declared once (type, default, description); preferences apart from UI state; plain values out.

Files live in the user config directory (or $ONAIR_CONFIG_DIR): settings.ini (preferences, versioned and
migrated) and ui-state.ini (window geometry, dock layout, saved workspaces). Secrets never go here.

Every value read from settings.ini is checked against its declaration (type, bounds, choices) where it is
read, so a bad value is reported as a bad setting — not met later as, say, an OBS that "does not answer"
within an infinite timeout. A file with a bad value is set aside (`settings.ini.broken-<time>`) and a new
one is written with its good values; each bad value is reported with the file, the key and the default
used instead (`Settings.problems`, shown in the window's event log).
"""

from __future__ import annotations

import logging
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from console.core.aside import set_aside
from obs import oswords
from obs.errors import Explained
from obs.text import QT_TRANSLATE_NOOP, Message

LOG = logging.getLogger(__name__)
SETTINGS_VERSION = 1
# settings.ini holds a dozen short values; a larger file is not ours (and is not read into memory).
MAX_FILE_BYTES = 256 * 1024
MAX_TEXT = 4096


class SettingsProblem(Explained):
    """A value in settings.ini that could not be used, or a settings file that could not be read."""


@dataclass(frozen=True)
class Key:
    name: str
    type: type
    default: Any
    description: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()

    def convert(self, raw: Any) -> Any:
        """The value as its declared type; ValueError if it is not one (QSettings hands back INI text)."""
        if isinstance(raw, list):  # an INI value with a comma comes back as a list
            raise ValueError("a list")
        if self.type is bool:
            if raw in (True, "true", "1", 1):
                return True
            if raw in (False, "false", "0", 0):
                return False
            raise ValueError("not true or false")
        if self.type is str:
            if not isinstance(raw, str) or len(raw) > MAX_TEXT:
                raise ValueError("not short text")
            if self.choices and raw not in self.choices:
                raise ValueError("not a choice")
            return raw
        value = self.type(raw)  # int("abc"), float("x") raise ValueError
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("not finite")
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            raise ValueError("out of range")
        return value

    def problem(self, file: Path, raw: Any, kept: Path) -> SettingsProblem:
        """Why `raw` cannot be used, in words that name the file, the key and what is allowed."""
        fields = {"file": file, "key": self.name, "value": str(raw)[:80], "default": self.default, "path": kept}
        if self.type is bool:
            text = QT_TRANSLATE_NOOP(
                "Settings",
                "In {file}, {key} = “{value}” is not true or false; the default ({default}) is used. "
                "The file as it was is kept as {path}.",
            )
        elif self.choices:
            text = QT_TRANSLATE_NOOP(
                "Settings",
                "In {file}, {key} = “{value}” is not one of {choices}; the default ({default}) is used. "
                "The file as it was is kept as {path}.",
            )
            fields["choices"] = ", ".join(f"“{c}”" for c in self.choices)
        elif self.type is str:
            text = QT_TRANSLATE_NOOP(
                "Settings",
                "In {file}, {key} is not text of at most {length} characters; the default is used. "
                "The file as it was is kept as {path}.",
            )
            fields["length"] = MAX_TEXT
        elif self.type is int:
            text = QT_TRANSLATE_NOOP(
                "Settings",
                "In {file}, {key} = “{value}” is not a whole number of 0 or more; the default ({default}) is used. "
                "The file as it was is kept as {path}.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Settings",
                "In {file}, {key} = “{value}” is not a number from {minimum:g} to {maximum:g}; the default "
                "({default}) is used. The file as it was is kept as {path}.",
            )
            fields.update(minimum=self.minimum, maximum=self.maximum)
        return SettingsProblem(text, **fields)


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key(
            "ui/language",
            str,
            "",
            "Interface language: '' follows the system, or 'en' / 'zh_CN'.",
            choices=("", "en", "zh_CN"),
        ),
        Key("ui/workspace", str, "Assistant", "Workspace applied when no saved layout exists."),
        Key("scenes/confirm_switch", bool, False, "Armed switching: a scene switch needs a second click."),
        Key(
            "scenes/transition_keys",
            str,
            "Space Return Enter",
            "Keys that take the preview to program in studio mode, separated by spaces ('' for none).",
        ),
        # The link's timeouts are bounded here, where they are read: an infinite or NaN timeout once killed the
        # link thread and the window blamed OBS.
        Key("obs/connect_timeout", float, 5.0, "Seconds to wait for OBS to answer a new connection.", 0.5, 120.0),
        Key("obs/request_timeout", float, 5.0, "Seconds to wait for OBS to answer a request.", 0.5, 300.0),
        Key("obs/poll_interval", float, 1.0, "Seconds between statistics polls.", 0.2, 60.0),
        Key(
            "telemetry/target_bitrate_kbps",
            float,
            0.0,
            "The stream's intended bitrate, drawn on the bitrate graph; 0 reads it from OBS's simple output mode.",
            0.0,
            1_000_000.0,
        ),
        Key(
            "graphs/hidden_series",
            str,
            "",
            "Series hidden by a click on their graph's legend entry: graph_id/channel, comma-separated.",
        ),
        Key("health/sound", bool, False, "Play a sound when a health finding turns critical."),
        Key("checklists/folder", str, "", "The team's own checklist folder (YAML files), besides the bundled ones."),
        Key(
            "checklists/active_run",
            int,
            0,
            "The checklist run open when the console closed, or the pre-show run the show on air went live with "
            "(0: none).",
            0,
            2**62,
        ),
        Key("checklists/active_troubleshooting_run", int, 0, "The troubleshooting run open then (0: none).", 0, 2**62),
        Key("checklists/operator", str, "", "The name last used to sign checklist items."),
        # ---- the talent screen (#19)
        Key(
            "talent/warn_s",
            int,
            60,
            "The talent screen's remaining time turns amber this many seconds before a segment's planned end.",
            0,
            3600,
        ),
        # ---- the room's comments (#20)
        Key(
            "chat/retention_days",
            int,
            30,
            "Days the room's comments are kept with the show; older ones are deleted (0 keeps them).",
            0,
            36500,
        ),
        Key(
            "chat/keywords",
            str,
            "卡|卡顿|好卡|延迟|缓冲|转圈|没声音|没有声音|没声了|声音没了|听不到|听不见|静音了|黑屏|花屏|画面卡住|画面不动|"
            "lag|laggy|lagging|buffering|stuttering|no sound|no audio|can't hear|cant hear|cannot hear|can not hear|"
            "muted|black screen|frozen|freeze|no picture|no video",
            "Words the team watches for in the comments (highlighted), separated by '|'.",
        ),
        Key(
            "chat/own_names",
            str,
            "",
            "The host's and staff's own user names in the comments (highlighted), separated by '|'.",
        ),
        Key("talent/screen_name", str, "", "The screen the talent screen was last opened on (its name; '' none)."),
        Key(
            "talent/screen_geometry",
            str,
            "",
            "That screen's geometry when it was chosen, WIDTHxHEIGHT+X+Y (tells two screens of one name apart).",
        ),
        Key(
            "talent/open",
            bool,
            False,
            "Whether the talent screen was open when the console stopped: it opens again there at start. Closing "
            "it (Esc twice, or its window's close button) clears it.",
        ),
        Key(
            "talent/lottery_shown",
            str,
            "",
            "The last lottery draw the talent screen put up, SHOW:LOTTERY:WINNERS ('' none): reopened after a "
            "restart, it does not put that draw up again.",
        ),
        # ---- the Rundown dock (#19)
        Key("rundown/arm_keys", str, "F9", "Keys that arm the next rundown segment, space-separated ('' for none)."),
        Key("rundown/go_keys", str, "F10", "Keys that take the armed (else the next) segment ('' for none)."),
        Key(
            "rundown/quick_lines",
            str,
            "",
            "The Rundown dock's quick lines for the host, one a line ('' for the built-in ones).",
        ),
        Key(
            "rundown/armed",
            str,
            "",
            "The segment armed for Go on this console (JSON: room, show, its marks then, segment; '' none): a "
            "console restarted mid-show arms it again.",
        ),
    )
}
# The settings format's version, kept in the file itself.
VERSION_KEY = Key("meta/version", int, SETTINGS_VERSION, "The version of this file's layout.", 0, 1_000_000)


def config_dir() -> Path:
    path = Path(os.environ.get("ONAIR_CONFIG_DIR") or platformdirs.user_config_dir("onair-console", "OnAir"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _not_ini(path: Path) -> str | None:
    """Why the file is not a settings file, or None. QSettings reads almost anything (binary, prose) as an empty
    or odd INI and would then write over it: what it would not understand is set aside instead."""
    if path.stat().st_size > MAX_FILE_BYTES:
        return f"larger than {MAX_FILE_BYTES // 1024} KB"
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8 text"
    if "\0" in text:
        return "not text"
    continued = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        plain = not stripped or stripped[0] in ";#" or "=" in stripped
        if not (continued or plain or (stripped.startswith("[") and stripped.endswith("]"))):
            return f"line {number} is neither “[section]” nor “key=value”"
        continued = stripped.endswith("\\")
    return None


class Settings:
    """Typed access to settings.ini; unknown keys are a programming error.

    `keep=False` (a --screenshot run) reads the files and writes nothing to them: what is set lives in memory for
    the run, read back as set (the picture's workspace, chosen with --workspace, is the one its layout resets to),
    and the user's settings and layout are left byte for byte as they were. A bad value is not set aside then either:
    the default is used, and the user's next run reports it."""

    def __init__(self, directory: Path | None = None, keep: bool = True) -> None:
        base = directory or config_dir()
        self.path = base / "settings.ini"
        self.keeps = keep
        # What this run set and does not keep (keep=False): settings.ini's values and ui-state.ini's.
        self._unkept: dict[str, Any] = {}
        self._unkept_ui: dict[str, QByteArray | str] = {}
        # What was wrong with settings.ini when it was read (each already logged), for the window.
        self.problems: list[SettingsProblem] = []
        self._store = self._open() if keep else QSettings(str(self.path), QSettings.Format.IniFormat)
        self.ui = QSettings(str(base / "ui-state.ini"), QSettings.Format.IniFormat)
        if keep:
            self._validate()
            self._migrate()

    def _open(self) -> QSettings:
        """settings.ini, or a fresh one if the file cannot be read as settings (it is set aside)."""
        error: str | Message | None = None
        try:
            if self.path.exists():
                error = _not_ini(self.path)
        except OSError as exc:
            error = oswords.reason(exc, named=False)
        store = QSettings(str(self.path), QSettings.Format.IniFormat)
        if error is None and store.status() is QSettings.Status.FormatError:
            error = "not in the settings (INI) format"
        if error is None:
            return store
        del store  # QSettings writes back on destruction: let go before the file moves
        self._report(
            SettingsProblem(
                QT_TRANSLATE_NOOP(
                    "Settings", "{file} could not be read ({error}); the defaults are used. It is kept as {path}."
                ),
                file=self.path,
                error=error,
                path=self._set_aside(),
            )
        )
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def _set_aside(self) -> Path:
        try:
            return set_aside(self.path)
        except OSError:
            return self.path

    def _validate(self) -> None:
        """Check every declared value in the file; if any is bad, keep the file aside and write the good ones."""
        good: dict[str, Any] = {}
        bad: list[tuple[Key, Any]] = []
        for key in (VERSION_KEY, *KEYS.values()):
            if not self._store.contains(key.name):
                continue
            raw = self._store.value(key.name)
            try:
                good[key.name] = key.convert(raw)
            except (TypeError, ValueError, OverflowError):
                bad.append((key, raw))
        if not bad:
            return
        # Values this version does not declare (a newer console's) are carried over as they are.
        dropped = {key.name for key, _ in bad}
        others = {name: self._store.value(name) for name in self._store.allKeys() if name not in {*good, *dropped}}
        self._store.sync()
        del self._store
        kept = self._set_aside()
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)
        for name, value in {**others, **good}.items():
            self._store.setValue(name, value)
        self._store.sync()
        for key, raw in bad:
            self._report(key.problem(self.path, raw, kept))

    def _report(self, problem: SettingsProblem) -> None:
        LOG.info("%s", problem)  # the window or the CLI reports it in the user's language
        self.problems.append(problem)

    def _migrate(self) -> None:
        version = VERSION_KEY.convert(self._store.value(VERSION_KEY.name, 0) or 0)
        if version < SETTINGS_VERSION:
            self._store.setValue(VERSION_KEY.name, SETTINGS_VERSION)

    def get(self, name: str) -> Any:
        key = KEYS[name]
        raw = self._unkept[name] if name in self._unkept else self._store.value(name, key.default)
        try:
            return key.convert(raw)
        except (TypeError, ValueError, OverflowError):
            return key.default

    def set(self, name: str, value: Any) -> None:
        key = KEYS[name]
        if not self.keeps:
            self._unkept[name] = key.type(value)
            return
        self._store.setValue(name, key.type(value))
        self._store.sync()

    def _ui_value(self, key: str) -> Any:
        return self._unkept_ui[key] if key in self._unkept_ui else self.ui.value(key)

    def window_state(self, key: str) -> QByteArray | None:
        value = self._ui_value(key)
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self.set_ui_values({key: value})

    def ui_text(self, key: str) -> str | None:
        """A text kept with the window's state (ui-state.ini); None when none is."""
        value = self._ui_value(key)
        return value if isinstance(value, str) else None

    def set_ui_values(self, values: dict[str, QByteArray | str]) -> None:
        """Several of the window's values written in ONE write of ui-state.ini: what must agree after any exit
        (the layout and the workspace it is) is never half-written."""
        if not self.keeps:
            self._unkept_ui.update(values)
            return
        for key, value in values.items():
            self.ui.setValue(key, value)
        self.ui.sync()
