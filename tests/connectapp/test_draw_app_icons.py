from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from PIL import Image


def test_draw_app_icons_writes_square_pngs(tmp_path):
    call_command("draw_app_icons", out=tmp_path)
    for size in (192, 512):
        with Image.open(tmp_path / f"app-icon-{size}.png") as image:
            assert image.format == "PNG"
            assert image.size == (size, size)
            # The corners are the plain background, so the mark survives a mask.
            assert image.getpixel((0, 0)) == image.getpixel((size - 1, size - 1))


def test_committed_icons_are_the_drawn_ones(tmp_path):
    call_command("draw_app_icons", out=tmp_path)
    committed = Path(settings.BASE_DIR) / "static" / "img"
    for size in (192, 512):
        name = f"app-icon-{size}.png"
        with Image.open(tmp_path / name) as drawn, Image.open(committed / name) as ours:
            assert drawn.tobytes() == ours.tobytes()
