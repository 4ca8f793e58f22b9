"""Turning obs-websocket's screenshot data URIs into pixmaps (on the GUI thread, small images only)."""

from __future__ import annotations

import base64
import binascii

from PySide6.QtGui import QPixmap


def pixmap_from_data_uri(data_uri: str) -> QPixmap | None:
    """'data:image/jpeg;base64,...' -> QPixmap, or None if it is not a readable image."""
    _, _, encoded = data_uri.partition(",")
    try:
        raw = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return None
    pixmap = QPixmap()
    return pixmap if pixmap.loadFromData(raw) else None
