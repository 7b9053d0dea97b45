"""The report's charts as ReportLab drawings (vector in the PDF; rasterised by raster.py for Word):
the same five the 统计 tab draws with QtCharts, from the same series (series.py).

Drawn from plain shapes (rectangles, lines, polygons, strings) in absolute coordinates, in the
bundled 黑体 face, so the PDF embeds its font and raster.py can paint them without Cairo.
"""
import math

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Polygon, Rect, String
from reportlab.lib import colors

from gridoffice.services.common.fonts import PRIMARY_FONT, register_pdf_fonts

from .series import Charts

FONT = PRIMARY_FONT
BLUE = colors.HexColor("#3d6fa8")
ORANGE = colors.HexColor("#e07b39")
GREEN = colors.HexColor("#4a9a6a")
AMBER = colors.HexColor("#d9a43b")
RED = colors.HexColor("#c8453a")
GREY = colors.HexColor("#666666")
LIGHT = colors.HexColor("#d9d9d9")
FUNNEL_COLOURS = [colors.HexColor(c) for c in ("#2f5d8f", "#3d6fa8", "#5285bd", "#6b9bcf", "#88b1dc")]
SATISFACTION_COLOURS = {"满意": GREEN, "基本满意": AMBER, "不满意": RED}


def _text(x: float, y: float, text: str, size: float = 8, anchor: str = "start", colour=GREY) -> String:
    return String(x, y, text, fontName=FONT, fontSize=size, fillColor=colour, textAnchor=anchor)


def _nice_step(raw: float) -> float:
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def _nice_max(value: float) -> tuple[float, float]:
    """A round axis maximum above value and its step (4–6 ticks)."""
    if value <= 0:
        return 5, 1
    step = _nice_step(value / 5)
    return step * math.ceil(value / step), step


def _nice_ticks(value: float, ticks: int) -> tuple[float, float]:
    """An axis of exactly `ticks` round steps reaching above value (the right axis, matching the left)."""
    step = _nice_step(value / ticks) if value > 0 else 1
    return step * ticks, step


def _number(value: float) -> str:
    return f"{value:.0f}" if value >= 1000 else f"{value:g}"


def _title(drawing: Drawing, title: str, width: float, height: float) -> None:
    drawing.add(String(0, height - 11, title, fontName=FONT, fontSize=10, fillColor=colors.black))


def monthly_chart(data: Charts, width: float, height: float = 160) -> Drawing:
    """活动次数 as bars (left axis), 代表人次 as a line (right axis), per month."""
    register_pdf_fonts()
    drawing = Drawing(width, height)
    _title(drawing, "每月活动次数和代表人次", width, height)
    left, right, bottom, top = 34, width - 34, 30, height - 30
    months = data.months or [("", 0, 0)]
    top_a, step_a = _nice_max(max(m[1] for m in months))
    ticks = round(top_a / step_a)
    top_p, step_p = _nice_ticks(max(m[2] for m in months), ticks)
    plot_h = top - bottom
    for i in range(ticks + 1):
        y = bottom + plot_h * i / ticks
        drawing.add(Line(left, y, right, y, strokeColor=LIGHT, strokeWidth=0.5))
        drawing.add(_text(left - 4, y - 3, _number(i * step_a), 7, "end"))
        drawing.add(_text(right + 4, y - 3, _number(i * step_p), 7, "start", ORANGE))
    slot = (right - left) / len(months)
    bar = min(22, slot * 0.55)
    points = []
    for i, (label, activities, people) in enumerate(months):
        x = left + slot * i + slot / 2
        h = plot_h * activities / top_a
        drawing.add(Rect(x - bar / 2, bottom, bar, h, fillColor=BLUE, strokeColor=None))
        if len(months) <= 12 and h >= 12:    # inside the bar's foot: the line crosses its top
            drawing.add(_text(x, bottom + 3, str(activities), 6.5, "middle", colors.white))
        if len(months) <= 18 or i % 2 == 0:
            drawing.add(_text(x, bottom - 10, label, 7, "middle"))
        points += [x, bottom + plot_h * people / top_p]
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=ORANGE, strokeWidth=1.6))
    for i in range(0, len(points), 2):
        drawing.add(Rect(points[i] - 1.8, points[i + 1] - 1.8, 3.6, 3.6, fillColor=ORANGE, strokeColor=None))
    drawing.add(Line(left, bottom, right, bottom, strokeColor=GREY, strokeWidth=0.6))
    _legend(drawing, [(BLUE, "活动次数（左轴）"), (ORANGE, "代表人次（右轴）")], width - 10, height - 11)
    return drawing


def _legend(drawing: Drawing, items, right: float, y: float) -> None:
    x = right
    for colour, label in reversed(items):
        width = 9 * len(label) + 4
        x -= width + 12
        drawing.add(Rect(x, y - 1, 8, 8, fillColor=colour, strokeColor=None))
        drawing.add(_text(x + 11, y, label, 8))


def category_chart(data: Charts, width: float, height: float | None = None) -> Drawing:
    """Opinions by category, most first, as horizontal bars."""
    register_pdf_fonts()
    bars = data.categories[:12] or []
    height = height or 26 + 15 * max(len(bars), 1) + 6
    row = min(15.0, (height - 30) / max(len(bars), 1))
    drawing = Drawing(width, height)
    _title(drawing, "群众意见分类（条）", width, height)
    label_w = 10 + 9 * max((len(b.label) for b in bars), default=2)
    left, right = label_w, width - 40
    biggest = max((b.value for b in bars), default=1) or 1
    y = height - 26
    for bar in bars:
        y -= row
        w = (right - left) * bar.value / biggest
        size = min(8.0, row - 4)
        drawing.add(_text(left - 5, y + (row - 4) / 2 - size / 3, bar.label, size, "end", colors.black))
        drawing.add(Rect(left, y, w, row * 0.7, fillColor=BLUE, strokeColor=None))
        drawing.add(_text(left + w + 4, y + (row - 4) / 2 - size / 3, str(bar.value), size))
    return drawing


def funnel_chart(data: Charts, width: float, height: float = 150) -> Drawing:
    """登记 → 认领 → 交办 → 办结 → 回复: centred bars as wide as their count, with the share of 登记."""
    register_pdf_fonts()
    drawing = Drawing(width, height)
    _title(drawing, "意见办理闭环（条）", width, height)
    stages = data.funnel
    first = stages[0].value if stages else 0
    row = (height - 22) / max(len(stages), 1)
    centre, full = width / 2 + 20, width - 150
    y = height - 20
    for index, bar in enumerate(stages):
        y -= row
        w = max(2.0, full * bar.value / first) if first else 2.0
        drawing.add(Rect(centre - w / 2, y + 1, w, row - 4, fillColor=FUNNEL_COLOURS[index % len(FUNNEL_COLOURS)],
                         strokeColor=None))
        share = f"{100 * bar.value / first:.1f}%" if first else "—"
        drawing.add(_text(centre, y + row / 2 - 3, str(bar.value), 8.5, "middle", colors.white))
        drawing.add(_text(centre - full / 2 - 8, y + row / 2 - 3, bar.label, 9, "end", colors.black))
        drawing.add(_text(centre + full / 2 + 8, y + row / 2 - 3, share if index else "100%", 8))
    return drawing


def close_time_chart(data: Charts, width: float, height: float = 150) -> Drawing:
    """How long from 登记 to 办结: bars per band, with the mean and the median."""
    register_pdf_fonts()
    drawing = Drawing(width, height)
    _title(drawing, "办理用时（从登记到办结，条）", width, height)
    bars = data.close_times
    left, right, bottom, top = 30, width - 6, 28, height - 34
    top_v, step = _nice_max(max((b.value for b in bars), default=0))
    for i in range(int(top_v / step) + 1):
        y = bottom + (top - bottom) * i * step / top_v
        drawing.add(Line(left, y, right, y, strokeColor=LIGHT, strokeWidth=0.5))
        drawing.add(_text(left - 4, y - 3, _number(i * step), 7, "end"))
    slot = (right - left) / max(len(bars), 1)
    for i, bar in enumerate(bars):
        x = left + slot * i + slot * 0.2
        h = (top - bottom) * bar.value / top_v
        drawing.add(Rect(x, bottom, slot * 0.6, h, fillColor=GREEN, strokeColor=None))
        drawing.add(_text(x + slot * 0.3, bottom + h + 2, str(bar.value), 7.5, "middle", GREEN))
        drawing.add(_text(x + slot * 0.3, bottom - 11, bar.label, 7.5, "middle"))
    drawing.add(Line(left, bottom, right, bottom, strokeColor=GREY, strokeWidth=0.6))
    if data.close_days_mean is not None:
        drawing.add(_text(width, height - 26, f"平均 {data.close_days_mean:g} 天，中位数 {data.close_days_median:g} 天",
                          8, "end", colors.black))
    return drawing


def satisfaction_chart(data: Charts, width: float, height: float = 150) -> Drawing:
    """The residents' verdicts at the follow-up call, as a ring with its legend."""
    register_pdf_fonts()
    drawing = Drawing(width, height)
    _title(drawing, "群众满意度（回访）", width, height)
    total = data.followed_up
    radius = min(height - 40, width / 2 - 20) / 2
    cx, cy = 16 + radius, (height - 16) / 2
    if not total:
        drawing.add(_text(cx, cy, "本期没有回访", 9, "middle"))
        return drawing
    angle = 90.0
    for bar in data.satisfaction:
        if not bar.value:
            continue
        sweep = 360.0 * bar.value / total
        drawing.add(_ring_segment(cx, cy, radius, radius * 0.55, angle - sweep, angle,
                                  SATISFACTION_COLOURS.get(bar.label, BLUE)))
        angle -= sweep
    content = sum(b.value for b in data.satisfaction if b.label != "不满意")
    drawing.add(_text(cx, cy + 1, f"{100 * content / total:.1f}%", 11, "middle", colors.black))
    drawing.add(_text(cx, cy - 11, "满意度", 7.5, "middle"))
    x, y = cx + radius + 18, cy + 18
    for bar in data.satisfaction:
        drawing.add(Rect(x, y - 1, 8, 8, fillColor=SATISFACTION_COLOURS.get(bar.label, BLUE), strokeColor=None))
        drawing.add(_text(x + 12, y, f"{bar.label} {bar.value}（{100 * bar.value / total:.1f}%）", 8.5, "start",
                          colors.black))
        y -= 16
    drawing.add(_text(x, y - 2, f"共回访 {total} 件", 8))
    return drawing


def _ring_segment(cx, cy, outer, inner, start_deg, end_deg, colour) -> Polygon:
    steps = max(2, int((end_deg - start_deg) / 4))
    points = []
    for i in range(steps + 1):
        a = math.radians(start_deg + (end_deg - start_deg) * i / steps)
        points += [cx + outer * math.cos(a), cy + outer * math.sin(a)]
    for i in range(steps, -1, -1):
        a = math.radians(start_deg + (end_deg - start_deg) * i / steps)
        points += [cx + inner * math.cos(a), cy + inner * math.sin(a)]
    return Polygon(points, fillColor=colour, strokeColor=colors.white, strokeWidth=0.8)


CHARTS = {
    "monthly": monthly_chart,
    "categories": category_chart,
    "funnel": funnel_chart,
    "close_times": close_time_chart,
    "satisfaction": satisfaction_chart,
}
