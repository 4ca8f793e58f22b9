"""The composition root: settings, language, the OBS endpoint (real or demo), the bridge and the window."""

from __future__ import annotations

import logging
import os
import secrets
import sys
import time
from dataclasses import dataclass
from urllib.parse import urlparse

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from console.bridge import Endpoint, ObsBridge
from console.event_text import describe_status
from console.i18n import chinese_font_available, font_advice, install_translator, system_language
from console.mainwindow import MainWindow
from console.settings import Settings
from obs.client import probe
from obs.messages import LinkState
from obs.protocol import DEFAULT_PORT
from obs.simulator.server import SimulatorThread

LOG = logging.getLogger(__name__)
SCREENSHOT_TIMEOUT_S = 20.0


@dataclass
class Options:
    url: str | None = None
    password_env: str | None = None
    demo: bool = False
    workspace: str | None = None
    lang: str | None = None
    screenshot: str | None = None
    wait: float = SCREENSHOT_TIMEOUT_S


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal") calls


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def parse_url(url: str) -> tuple[str, int]:
    parsed = urlparse(url if "://" in url else f"ws://{url}")
    if parsed.scheme not in ("ws", "wss") or not parsed.hostname:
        raise ValueError(f"not an obs-websocket address: {url!r} (expected ws://host:port)")
    return parsed.hostname, parsed.port or DEFAULT_PORT


class Console:
    """Owns what the GUI process runs: the demo simulator (if any), the bridge and the main window."""

    def __init__(self, app: QApplication, options: Options, settings: Settings) -> None:
        self.app = app
        self.options = options
        self.settings = settings
        self.simulator: SimulatorThread | None = None
        self.bridge = ObsBridge(
            connect_timeout=settings.get("obs/connect_timeout"),
            request_timeout=settings.get("obs/request_timeout"),
            poll_interval=settings.get("obs/poll_interval"),
        )
        self.language = options.lang or settings.get("ui/language") or system_language()
        self.translator = install_translator(app, self.language)
        endpoint, demo = self._choose_endpoint()
        self.window = self._make_window(demo)
        self.bridge.connect_to(endpoint)

    def _make_window(self, demo: bool) -> MainWindow:
        window = MainWindow(self.bridge, self.settings, demo=demo)
        window.set_language_checked(self.language)
        window.sig_language_requested.connect(self.switch_language)
        if self.options.workspace:
            window.apply_workspace(self.options.workspace)
        if not chinese_font_available():
            advice = font_advice()
            LOG.warning("%s", advice)
            window.log(translate("App", "Console"), advice, "warning")
            window.statusBar().showMessage(advice, 30000)
        return window

    def _choose_endpoint(self) -> tuple[Endpoint, bool]:
        options = self.options
        if options.url:
            host, port = parse_url(options.url)
            password = os.environ.get(options.password_env, "") if options.password_env else ""
            return Endpoint(host, port, password), False
        if not options.demo and not options.screenshot:
            hello = probe("127.0.0.1", DEFAULT_PORT)
            if hello is not None and self._use_local_obs(hello.authenticated):
                return Endpoint("127.0.0.1", DEFAULT_PORT, self._local_password), False
        return self._start_demo(), True

    def _use_local_obs(self, needs_password: bool) -> bool:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        self._local_password = ""
        answer = QMessageBox.question(
            None,
            translate("App", "OBS found"),
            translate(
                "App", "An OBS is running on this computer (127.0.0.1:4455). Connect to it instead of the demo room?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if needs_password:
            password, ok = QInputDialog.getText(
                None,
                translate("App", "OBS password"),
                translate("App", "Password (OBS: Tools → WebSocket Server Settings):"),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return False
            self._local_password = password
        return True

    def _start_demo(self) -> Endpoint:
        password = secrets.token_urlsafe(12)
        self.simulator = SimulatorThread(password=password).start()
        return Endpoint("127.0.0.1", self.simulator.port, password)

    def switch_language(self, language: str) -> None:
        """Rebuild the window in the new language; the connection and the layout carry over."""
        if language == self.language:
            return
        self.settings.set("ui/language", language)
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
        self.language = language
        self.translator = install_translator(self.app, language)
        old = self.window
        old.save_layout()
        self.window = self._make_window(old.demo)
        self.window.show()
        old.hide()
        old.deleteLater()

    def shutdown(self) -> None:
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
            self.translator = None
        self.bridge.shutdown()
        if self.simulator is not None:
            self.simulator.stop()


def take_screenshot(console: Console, path: str, done: list[int], wait: float = SCREENSHOT_TIMEOUT_S) -> None:
    """Poll until the window is connected and populated, then save it; fail clearly if OBS never answers."""
    started = time.monotonic()
    window = console.window

    def populated() -> bool:
        state = console.bridge.state
        if not state.connected or not state.scenes:
            return False
        tiles = window.scenes.tiles.values()
        thumbs = all(tile.has_thumbnail for tile in tiles)
        meters = not state.audio_inputs or console.bridge.tracker.meter_updates > 3
        return thumbs and meters and window.program.frames > 0

    def check() -> None:
        elapsed = time.monotonic() - started
        status = console.bridge.tracker.status
        # Connected but a picture is slow to come (an overloaded OBS): take what there is after 12 s.
        if populated() or (console.bridge.state.connected and elapsed > min(12.0, wait)):
            window.grab().save(path)
            print(translate("App", "Saved a picture of the console to %1").replace("%1", path))
            done.append(0)
            console.app.quit()
            return
        hopeless = status.state in (LinkState.AUTH_FAILED, LinkState.INCOMPATIBLE)
        if hopeless or elapsed > wait:
            print(
                translate("App", "Could not connect to OBS: %1").replace(
                    "%1", describe_status(status, time.monotonic())
                ),
                file=sys.stderr,
            )
            done.append(1)
            console.app.quit()
            return
        QTimer.singleShot(100, check)

    QTimer.singleShot(100, check)


def run_gui(options: Options) -> int:
    if not has_display():
        if not options.screenshot:
            print(
                "onair: no display found (DISPLAY/WAYLAND_DISPLAY unset). Headless alternatives: "
                "'onair --demo --screenshot out.png' (a picture of the console) or "
                "'onair demo-obs' (the demo room as an obs-websocket server).",
                file=sys.stderr,
            )
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("OnAir Console")
    app.setOrganizationName("OnAir")
    try:
        console = Console(app, options, Settings())
    except ValueError as exc:
        print(f"onair: {exc}", file=sys.stderr)
        return 2
    outcome: list[int] = []
    if options.screenshot:
        console.window.resize(1440, 900)
        console.window.reset_layout()
        take_screenshot(console, options.screenshot, outcome, options.wait)
    console.window.show()
    try:
        app.exec()
    finally:
        console.window.save_layout()
        console.shutdown()
    return outcome[0] if outcome else 0
