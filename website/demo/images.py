"""Pictures for the demo, drawn here: nothing is downloaded."""

import hashlib
import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

PALETTES = [
    ["#8a2a5c", "#e9b949", "#f4f1ec", "#2f6f73", "#1d1d24"],
    ["#2f6f73", "#f2a65a", "#fbf6ef", "#7a4069", "#20323a"],
    ["#3d5a80", "#ee6c4d", "#f7f4ea", "#98c1d9", "#293241"],
    ["#6a994e", "#f2e8cf", "#bc4749", "#386641", "#1f2a1f"],
    ["#5f0f40", "#fb8b24", "#fff5e6", "#0f4c5c", "#e36414"],
]


def _rng(seed):
    return random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:12], 16))  # noqa: S311


def illustration(seed, size=(1200, 675)):
    """An abstract composition of overlapping shapes, different for every seed."""
    rng = _rng(seed)
    palette = rng.choice(PALETTES)
    image = PILImage.new("RGB", size, palette[2])
    draw = ImageDraw.Draw(image, "RGBA")
    width, height = size
    for _ in range(rng.randint(7, 12)):
        colour = rng.choice([palette[0], palette[1], palette[3], palette[4]])
        alpha = rng.randint(150, 235)
        rgba = PILImage.new("RGB", (1, 1), colour).getpixel((0, 0)) + (alpha,)
        x, y = rng.randint(-200, width), rng.randint(-200, height)
        radius = rng.randint(80, 320)
        if rng.random() < 0.6:
            draw.ellipse((x, y, x + radius, y + radius), fill=rgba)
        else:
            draw.rounded_rectangle(
                (x, y, x + radius * 1.6, y + radius * 0.7), radius=radius // 6, fill=rgba
            )
    return _as_file(image, f"{seed}.png")


def monogram(seed, text, size=320):
    """A logo: the partner's initials on a coloured disc."""
    rng = _rng(seed)
    palette = rng.choice(PALETTES)
    image = PILImage.new("RGB", (size, size), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=palette[0])
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), text, fill="#ffffff", font=font, anchor="mm")
    return _as_file(image, f"{seed}-logo.png")


def _as_file(image, name):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)
