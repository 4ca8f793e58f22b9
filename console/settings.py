"""Settings declared once (type, default, description); preferences apart from UI state; plain values out.

Files live in the user config directory (or $ONAIR_CONFIG_DIR): settings.ini (preferences, versioned and
migrated) and ui-state.ini (window geometry, dock layout, saved workspaces). Secrets never go here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Key:
    name: str
    type: type
    default: Any
    description: str


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("ui/language", str, "", "Interface language: '' follows the system, or 'en' / 'zh_CN'."),
        Key("ui/workspace", str, "Assistant", "Workspace applied when no saved layout exists."),
        Key("scenes/confirm_switch", bool, False, "Armed switching: a scene switch needs a second click."),
        Key("obs/connect_timeout", float, 5.0, "Seconds to wait for OBS to answer a new connection."),
        Key("obs/request_timeout", float, 5.0, "Seconds to wait for OBS to answer a request."),
        Key("obs/poll_interval", float, 1.0, "Seconds between statistics polls."),
        Key(
            "telemetry/target_bitrate_kbps",
            float,
            0.0,
            "The stream's intended bitrate, drawn on the bitrate graph; 0 reads it from OBS's simple output mode.",
        ),
        Key(
            "graphs/hidden_series",
            str,
            "",
            "Series hidden by a click on their graph's legend entry: graph_id/channel, comma-separated.",
        ),
        Key("health/sound", bool, False, "Play a sound when a health finding turns critical."),
        Key("checklists/folder", str, "", "The team's own checklist folder (YAML files), besides the bundled ones."),
        Key("checklists/active_run", int, 0, "The checklist run open when the console closed (0: none)."),
        Key("checklists/active_troubleshooting_run", int, 0, "The troubleshooting run open then (0: none)."),
        Key("checklists/operator", str, "", "The name last used to sign checklist items."),
    )
}


def config_dir() -> Path:
    path = Path(os.environ.get("ONAIR_CONFIG_DIR") or platformdirs.user_config_dir("onair-console", "OnAir"))
    path.mkdir(parents=True, exist_ok=True)
    return path


class Settings:
    """Typed access to settings.ini; unknown keys are a programming error."""

    def __init__(self, directory: Path | None = None) -> None:
        base = directory or config_dir()
        self._store = QSettings(str(base / "settings.ini"), QSettings.Format.IniFormat)
        self.ui = QSettings(str(base / "ui-state.ini"), QSettings.Format.IniFormat)
        self._migrate()

    def _migrate(self) -> None:
        version = int(self._store.value("meta/version", 0) or 0)
        if version < SETTINGS_VERSION:
            self._store.setValue("meta/version", SETTINGS_VERSION)

    def get(self, name: str) -> Any:
        key = KEYS[name]
        raw = self._store.value(name, key.default)
        if key.type is bool:
            return raw in (True, "true", "1", 1)
        try:
            return key.type(raw)
        except (TypeError, ValueError):
            return key.default

    def set(self, name: str, value: Any) -> None:
        key = KEYS[name]
        self._store.setValue(name, key.type(value))
        self._store.sync()

    def window_state(self, key: str) -> QByteArray | None:
        value = self.ui.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self.ui.setValue(key, value)
        self.ui.sync()
