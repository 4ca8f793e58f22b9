"""Whether a window manager runs on the X server: the one thing that tells a window nobody frames from one whose frame
is not known yet (widgets/screen_fit.py). Asked of the X server with libxcb, which Qt's xcb platform loads anyway."""

from __future__ import annotations

import ctypes
import functools
import os
from collections.abc import Callable

from PySide6.QtGui import QGuiApplication, QNativeInterface

#: The EWMH property a running window manager sets on the root window, naming a child window of its own that carries
#: the same property (that second look tells a window manager that runs from one that crashed and left it behind).
_CHECK = b"_NET_SUPPORTING_WM_CHECK"
_WINDOW_TYPE = 33  # XCB_ATOM_WINDOW


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _ScreenIterator(ctypes.Structure):
    _fields_ = [("data", ctypes.POINTER(ctypes.c_uint32)), ("rem", ctypes.c_int), ("index", ctypes.c_int)]


class _AtomReply(ctypes.Structure):
    _fields_ = [
        ("response_type", ctypes.c_uint8),
        ("pad0", ctypes.c_uint8),
        ("sequence", ctypes.c_uint16),
        ("length", ctypes.c_uint32),
        ("atom", ctypes.c_uint32),
    ]


@functools.cache
def _xcb() -> ctypes.CDLL | None:
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    xcb.xcb_get_setup.restype = ctypes.c_void_p
    xcb.xcb_get_setup.argtypes = [ctypes.c_void_p]
    xcb.xcb_setup_roots_iterator.restype = _ScreenIterator
    xcb.xcb_setup_roots_iterator.argtypes = [ctypes.c_void_p]
    xcb.xcb_screen_next.argtypes = [ctypes.POINTER(_ScreenIterator)]
    xcb.xcb_intern_atom.restype = _Cookie
    xcb.xcb_intern_atom.argtypes = [ctypes.c_void_p, ctypes.c_uint8, ctypes.c_uint16, ctypes.c_char_p]
    xcb.xcb_intern_atom_reply.restype = ctypes.POINTER(_AtomReply)
    xcb.xcb_intern_atom_reply.argtypes = [ctypes.c_void_p, _Cookie, ctypes.POINTER(ctypes.c_void_p)]
    xcb.xcb_get_property.restype = _Cookie
    xcb.xcb_get_property.argtypes = [ctypes.c_void_p, ctypes.c_uint8, *(ctypes.c_uint32,) * 5]
    xcb.xcb_get_property_reply.restype = ctypes.c_void_p
    xcb.xcb_get_property_reply.argtypes = [ctypes.c_void_p, _Cookie, ctypes.POINTER(ctypes.c_void_p)]
    xcb.xcb_get_property_value.restype = ctypes.c_void_p
    xcb.xcb_get_property_value.argtypes = [ctypes.c_void_p]
    xcb.xcb_get_property_value_length.argtypes = [ctypes.c_void_p]
    return xcb


@functools.cache
def _free() -> Callable[[ctypes.c_void_p | int], object]:
    free = ctypes.CDLL(None).free
    free.argtypes = [ctypes.c_void_p]
    return free


def _window_named(xcb: ctypes.CDLL, connection: int, window: int, atom: int) -> int | None:
    """The window `window`'s property `atom` names (a WINDOW-typed property), None when it has none or is gone."""
    error = ctypes.c_void_p()
    cookie = xcb.xcb_get_property(connection, 0, window, atom, _WINDOW_TYPE, 0, 1)
    reply = xcb.xcb_get_property_reply(connection, cookie, ctypes.byref(error))
    if error.value:
        _free()(error)
    if not reply:
        return None
    try:
        if xcb.xcb_get_property_value_length(reply) < 4:
            return None
        return int(ctypes.cast(xcb.xcb_get_property_value(reply), ctypes.POINTER(ctypes.c_uint32))[0])
    finally:
        _free()(reply)


def _screen_number(display: str) -> int:
    """The screen of a DISPLAY such as ":0.1" (0 when it names none)."""
    screen = display.rpartition(":")[2].partition(".")[2]
    return int(screen) if screen.isdigit() else 0


def running() -> bool | None:
    """True when a window manager runs on the X server of the application (else of $DISPLAY), False when none does;
    None when it cannot be told (no libxcb, no X server answering). Asked anew each time (three round trips on the
    application's own connection): at a session's start a window manager may come up after the console."""
    xcb = _xcb()
    display = os.environ.get("DISPLAY", "")
    if xcb is None:
        return None
    app = QGuiApplication.instance()
    own = None
    if isinstance(app, QGuiApplication) and QGuiApplication.platformName() == "xcb":
        x11 = app.nativeInterface()
        connection = x11.connection() if isinstance(x11, QNativeInterface.QX11Application) else None
    else:
        own = connection = xcb.xcb_connect(display.encode(), None) if display else None
    try:
        if not connection or xcb.xcb_connection_has_error(connection):
            return None
        return _manager_on(xcb, connection, _screen_number(display))
    finally:
        if own:
            xcb.xcb_disconnect(own)


def _manager_on(xcb: ctypes.CDLL, connection: int, number: int) -> bool | None:
    screens = xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(connection))
    for _ in range(min(number, max(0, screens.rem - 1))):
        xcb.xcb_screen_next(ctypes.byref(screens))
    if not screens.data:
        return None
    root = int(screens.data[0])  # xcb_screen_t starts with its root window
    error = ctypes.c_void_p()
    cookie = xcb.xcb_intern_atom(connection, 1, len(_CHECK), _CHECK)  # only if it exists: no atom, no manager
    atom_reply = xcb.xcb_intern_atom_reply(connection, cookie, ctypes.byref(error))
    if error.value:
        _free()(error)
    if not atom_reply:
        return None
    atom = int(atom_reply.contents.atom)
    _free()(atom_reply)
    if atom == 0:
        return False
    child = _window_named(xcb, connection, root, atom)
    return child is not None and _window_named(xcb, connection, child, atom) == child
