"""A chart drawing (charts.py) painted as a PNG with Pillow, for the Word report: ReportLab's own
bitmap renderer needs Cairo, which the office's PC does not have. Paints the shapes the charts use
(rectangles, lines, poly-lines, polygons, strings) in the bundled fonts, drawn large and scaled down
so the edges are smooth.
"""
import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Drawing, Group, Line, PolyLine, Polygon, Rect, String

from gridoffice.paths import fonts_dir
from gridoffice.services.common.fonts import FONT_FILES

SUPERSAMPLE = 3


@lru_cache(maxsize=32)
def _font(name: str, pixels: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fonts_dir() / FONT_FILES[name]), pixels, index=0)


def _rgb(colour) -> tuple[int, int, int] | None:
    if colour is None:
        return None
    return tuple(int(round(255 * part)) for part in colour.rgb())


def png_of(drawing: Drawing, dpi: int = 200) -> bytes:
    """The drawing as PNG bytes at `dpi` (its size in points is kept: 72 points an inch)."""
    scale = dpi / 72 * SUPERSAMPLE
    width, height = int(round(drawing.width * scale)), int(round(drawing.height * scale))
    image = Image.new("RGB", (width, height), "white")
    canvas = ImageDraw.Draw(image)

    def xy(x: float, y: float) -> tuple[float, float]:
        return x * scale, height - y * scale

    def paint(shape) -> None:
        if isinstance(shape, Group):
            for child in shape.contents:
                paint(child)
        elif isinstance(shape, Rect):
            x0, y0 = xy(shape.x, shape.y + shape.height)
            x1, y1 = xy(shape.x + shape.width, shape.y)
            if x1 - x0 >= 0.5 and y1 - y0 >= 0.5:
                canvas.rectangle((x0, y0, x1, y1), fill=_rgb(shape.fillColor), outline=_rgb(shape.strokeColor),
                                 width=max(1, int(shape.strokeWidth * scale)) if shape.strokeColor else 0)
        elif isinstance(shape, Line):
            canvas.line((*xy(shape.x1, shape.y1), *xy(shape.x2, shape.y2)), fill=_rgb(shape.strokeColor),
                        width=max(1, int(round(shape.strokeWidth * scale))))
        elif isinstance(shape, Polygon):
            points = [xy(shape.points[i], shape.points[i + 1]) for i in range(0, len(shape.points), 2)]
            canvas.polygon(points, fill=_rgb(shape.fillColor), outline=_rgb(shape.strokeColor))
        elif isinstance(shape, PolyLine):
            points = [xy(shape.points[i], shape.points[i + 1]) for i in range(0, len(shape.points), 2)]
            canvas.line(points, fill=_rgb(shape.strokeColor), width=max(1, int(round(shape.strokeWidth * scale))),
                        joint="curve")
        elif isinstance(shape, String):
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(shape.textAnchor, "ls")
            canvas.text(xy(shape.x, shape.y), shape.text, fill=_rgb(shape.fillColor),
                        font=_font(shape.fontName, int(round(shape.fontSize * scale))), anchor=anchor)

    for shape in drawing.contents:
        paint(shape)
    image = image.resize((width // SUPERSAMPLE, height // SUPERSAMPLE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()
