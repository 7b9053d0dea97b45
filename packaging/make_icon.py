"""Draw the program icon (a gold 代 on a red rounded square) into resources/icons/.

    python packaging/make_icon.py

Writes gridoffice.ico (16-256 px, for the .exe, the installer and the .gobak files) and
gridoffice-256.png (for the window, once the program sets it). Run again only to change
the design; both files are committed.
"""
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "LXGWWenKai-Regular.ttf"
OUT = ROOT / "resources" / "icons"
GLYPH = "代"
RED, DARK_RED, GOLD = (198, 40, 40), (142, 22, 22), (255, 213, 79)
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def draw(size: int) -> Image.Image:
    scale = 4  # draw large, shrink: smooth edges at every size
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = big // 32 if size >= 32 else 0
    radius = big // 6
    pen.rounded_rectangle((margin, margin, big - margin - 1, big - margin - 1), radius, fill=DARK_RED)
    inset = margin + max(scale, big // 40)
    pen.rounded_rectangle((inset, inset, big - inset - 1, big - inset - 1), radius - (inset - margin), fill=RED)
    font = ImageFont.truetype(str(FONT), int(big * 0.78))
    # a stroke makes the brush glyph bold enough to read at 16 px
    stroke = max(1, big // (14 if size <= 24 else 28))
    left, top, right, bottom = pen.textbbox((0, 0), GLYPH, font=font, stroke_width=stroke)
    x = (big - (right - left)) / 2 - left
    y = (big - (bottom - top)) / 2 - top
    pen.text((x, y), GLYPH, font=font, fill=GOLD, stroke_width=stroke, stroke_fill=GOLD)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    images = [draw(size) for size in SIZES]
    largest = images[-1]
    largest.save(OUT / "gridoffice.ico", sizes=[(size, size) for size in SIZES],
                 append_images=images[:-1])
    largest.save(OUT / "gridoffice-256.png")
    preview = Image.new("RGBA", (sum(SIZES) + 10 * len(SIZES), 256), (240, 240, 240, 255))
    x = 0
    for image in images:
        preview.paste(image, (x, 0), image)
        x += image.width + 10
    preview.save("/tmp/gridoffice-icon-preview.png")
    print(f"wrote {OUT / 'gridoffice.ico'} ({(OUT / 'gridoffice.ico').stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
