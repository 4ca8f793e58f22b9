"""Real PNG/JPEG screenshots of the simulated room that change over time (Pillow)."""

from __future__ import annotations

import base64
import io
import math
from typing import TYPE_CHECKING

from obs.simulator.room import Room, SimScene

# Pillow is imported with the first screenshot a client asks for, not with the simulator: the console's demo room
# starts its simulator before the first paint of the window, and the first screenshot comes after it.
if TYPE_CHECKING:
    from PIL import Image, ImageDraw

#: obs-websocket's GetVersion `supportedImageFormats` names -> Pillow format names.
IMAGE_FORMATS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "bmp": "BMP"}


def _camera_frame(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], t: float, black: bool) -> None:
    x0, y0, x1, y1 = box
    if black:
        draw.rectangle(box, fill=(0, 0, 0))
        return
    draw.rectangle(box, fill=(70, 64, 58))
    w, h = x1 - x0, y1 - y0
    # A "presenter" that sways, and a product that circles: motion the encoder and a frozen check can see.
    cx = x0 + w * (0.5 + 0.12 * math.sin(t * 0.9))
    cy = y0 + h * 0.55
    r = max(2, int(min(w, h) * 0.22))
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(225, 190, 160))
    px = x0 + w * (0.5 + 0.35 * math.cos(t * 1.6))
    py = y0 + h * (0.5 + 0.3 * math.sin(t * 1.6))
    s = max(2, int(min(w, h) * 0.08))
    draw.rectangle((px - s, py - s, px + s, py + s), fill=(250, 200, 40))


def render_source(room: Room, source_name: str, width: int, height: int, now: float) -> Image.Image:
    """Draw a scene or an input as OBS would show it at `now`."""
    from PIL import Image, ImageDraw

    scene = room.scene(source_name)
    camera = room.camera_name
    frozen = "frozen-camera" in room.faults
    if frozen and room.frozen_frame_time is None:
        room.frozen_frame_time = now
    camera_time = room.frozen_frame_time if frozen and room.frozen_frame_time is not None else now
    black = "black-camera" in room.faults
    if scene is not None and not any(item.enabled for item in scene.items):
        # As OBS: a scene that draws nothing comes back fully transparent, not black.
        return Image.new("RGBA", (width, height), (0, 0, 0, 0))
    image = Image.new("RGB", (width, height), (20, 20, 20))
    draw = ImageDraw.Draw(image)
    if scene is None:
        item = room.inputs.get(source_name)
        if item is not None and item.name == camera:
            _camera_frame(draw, (0, 0, width - 1, height - 1), camera_time, black)
        elif item is not None:
            _backdrop(draw, width, height, (50, 50, 70), now)
        return image
    _draw_scene(draw, scene, room, width, height, now, camera_time, black)
    return image


def _backdrop(draw: ImageDraw.ImageDraw, width: int, height: int, colour: tuple[int, int, int], t: float) -> None:
    r, g, b = colour
    for y in range(0, height, max(1, height // 24)):
        shade = 0.75 + 0.25 * math.sin(y / max(1, height) * math.pi + t * 0.5)
        draw.rectangle((0, y, width, y + max(1, height // 24)), fill=(int(r * shade), int(g * shade), int(b * shade)))


def _draw_scene(
    draw: ImageDraw.ImageDraw,
    scene: SimScene,
    room: Room,
    width: int,
    height: int,
    now: float,
    camera_time: float,
    black: bool,
) -> None:
    _backdrop(draw, width, height, scene.colour, now)
    sources = {item.source_name for item in scene.items if item.enabled}
    if room.camera_name in sources:
        box = (int(width * 0.08), int(height * 0.12), int(width * 0.62), int(height * 0.88))
        if "商品视频" in sources or len(sources) > 3:
            _camera_frame(draw, box, camera_time, black)
        else:
            _camera_frame(draw, (0, 0, width - 1, height - 1), camera_time, black)
    if any(room.inputs[s].kind == "ffmpeg_source" for s in sources if s in room.inputs):
        box = (int(width * 0.66), int(height * 0.2), int(width * 0.95), int(height * 0.8))
        draw.rectangle(box, fill=(240, 240, 245))
        phase = (now * 0.5) % 1.0
        draw.pieslice(box, 0, int(360 * phase), fill=(200, 40, 60))
    # A running clock bar at the bottom: every screenshot differs, as live video does.
    bar = int(width * ((now % 10.0) / 10.0))
    draw.rectangle((0, height - max(2, height // 40), bar, height), fill=(255, 255, 255))


def encode_image(image: Image.Image, image_format: str, quality: int) -> str:
    """A data URI as obs-websocket returns it: 'data:image/png;base64,...'."""
    pil_format = IMAGE_FORMATS[image_format.lower()]
    buffer = io.BytesIO()
    if pil_format == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=max(1, min(100, quality if quality > 0 else 85)))
        mime = "jpeg"
    elif pil_format == "PNG":
        image.save(buffer, "PNG", compress_level=1)
        mime = "png"
    else:
        image.save(buffer, pil_format)
        mime = pil_format.lower()
    return f"data:image/{mime};base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def screenshot_size(room: Room, width: int | None, height: int | None) -> tuple[int, int]:
    """Scale to the requested width/height, keeping the base canvas's aspect when only one is given."""
    base_w, base_h = room.base_size
    if width and height:
        return width, height
    if width:
        return width, max(1, round(width * base_h / base_w))
    if height:
        return max(1, round(height * base_w / base_h)), height
    return base_w, base_h
