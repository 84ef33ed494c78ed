"""Draw the installable app's icons: Connect's own mark, two overlapping
circles (as in favicon.svg), on the page colour.

The artwork stays inside the central 60% of the square, so the same images
serve as "maskable" icons that a phone crops to a circle or a rounded square.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

SIZES = (192, 512)
BACKGROUND = (247, 245, 240, 255)
DARK = (42, 107, 98, 255)
LIGHT = (124, 197, 184, 217)
SUPERSAMPLE = 4


def draw_icon(size: int) -> Image.Image:
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), BACKGROUND)
    # The favicon's 32-unit grid, scaled so the mark spans 60% of the icon.
    unit = big * 0.6 / 26
    offset = (big - 26 * unit) / 2 - 3 * unit
    for colour, cx in ((DARK, 11), (LIGHT, 21)):
        layer = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        x, y, r = offset + cx * unit, big / 2, 8 * unit
        ImageDraw.Draw(layer).ellipse((x - r, y - r, x + r, y + r), fill=colour)
        image = Image.alpha_composite(image, layer)
    return image.resize((size, size), Image.Resampling.LANCZOS).convert("RGB")


class Command(BaseCommand):
    help = "Draw the app icons (PNG, 192 and 512 pixels) into static/img."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--out",
            type=Path,
            default=Path(settings.BASE_DIR) / "static" / "img",
            help="Folder to write app-icon-<size>.png into.",
        )

    def handle(self, *args, out: Path, **options) -> None:
        out.mkdir(parents=True, exist_ok=True)
        for size in SIZES:
            path = out / f"app-icon-{size}.png"
            draw_icon(size).save(path, optimize=True)
            self.stdout.write(f"Wrote {path}")
