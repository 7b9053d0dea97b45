"""The grid map on paper: one community's grids (or all communities') on an A4 landscape page,
coloured by coverage or by open opinions, every grid labelled with its code, every community
named, with its legend, the issuing office and the date. Drawn with ReportLab from the stored
areas, so the window and the command line (`gridoffice print map`) make the same paper."""
import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Community
from gridoffice.services.common.fonts import font_runs
from gridoffice.services.common.settings import office_name
from gridoffice.services.common.typography import (HEI_FACE, NothingToPrintError, TickBox, paper_date, paper_styles,
                                                   paragraph, write_paper)
from gridoffice.services.grids.areas import (GEO_FRAME, IMAGE_FRAME, GridArea, label_point, map_image_path,
                                            planar_mapping, read_grid_areas)
from gridoffice.services.grids.legend import COLOR_MODES, COVERAGE, OUTLINE, fill_hex, swatches_for
from gridoffice.services.grids.rows import GridRow, read_grid_rows

MARGIN_MM = 12
LEGEND_HEIGHT = 11 * mm
LABEL_SIZES = (14.0, 12.0, 10.0, 9.0, 8.0, 7.0, 6.0)    # one size for the whole map: the largest most codes fit
SMALLEST_LABEL = 4.5                         # a grid too small for that size gets a smaller label, never none
FILL_SHARE = 0.62                            # how much of a grid's colour shows (the rest is paper or the scan)
LABEL_INK = colors.HexColor("#1f2a30")
COMMUNITY_INK = colors.HexColor("#0d2c54")


@dataclass(frozen=True)
class MapData:
    title: str
    office: str
    where: str                  # the community's name, or 全部社区
    mode: str
    areas: list[GridArea]
    rows: dict[int, GridRow]
    communities: dict[int, str]
    image: Path | None          # the scanned map the areas were traced on
    missing: list[str]          # codes of the community's grids with no area to draw


def read_map(db: Database, *, community_id: int | None, mode: str = COVERAGE, with_image: bool = True) -> MapData:
    """What the printed map shows: the areas of one community (or all) and the grids' figures. Areas
    traced on a scanned map are drawn over it (when `with_image` and the scan is there), imported
    ones on white paper, as the map view does."""
    if mode not in COLOR_MODES:
        raise ValueError(mode)
    with db.session() as session:
        office = office_name(session)
        community = session.get(Community, community_id) if community_id is not None else None
        communities = dict(session.exec(select(Community.id, Community.name)).all())
        rows = {row.id: row for row in read_grid_rows(session)
                if community_id is None or row.community_id == community_id}
        areas = read_grid_areas(session, community_id)
    image = None
    if community is not None and community.map_file and with_image:
        path = map_image_path(db.attachments_dir, community.map_file)
        image = path if path is not None and path.is_file() else None
    frame = IMAGE_FRAME if image is not None else GEO_FRAME
    shown = [area for area in areas if area.frame == frame]
    drawn = {area.grid_id for area in shown}
    where = community.name if community is not None else "全部社区"
    return MapData(f"{office}{where}网格图", office, where, mode, shown, rows, communities, image,
                   [row.code for row in rows.values() if row.id not in drawn])


def write_map_pdf(db: Database, path: Path | str, *, community_id: int | None, today: dt.date,
                  mode: str = COVERAGE, with_image: bool = True) -> Path:
    """The map of one community (or all) as a one-page PDF. Raises NothingToPrintError, writing
    nothing, when none of its grids has an area."""
    data = read_map(db, community_id=community_id, mode=mode, with_image=with_image)
    if not data.areas:
        raise NothingToPrintError(f"{data.where}的网格还没有范围，无法打印网格地图。请先导入 GeoJSON 或在扫描地图上描绘网格范围。")
    return write_map_data(path, data, today=today)


def write_map_data(path: Path | str, data: MapData, *, today: dt.date) -> Path:
    sheet = paper_styles()
    title = ParagraphStyle("map_title", parent=sheet["title"], fontSize=20, leading=26, spaceAfter=0)
    count = f"共 {len(data.areas)} 个网格"
    if data.missing:
        shown = "、".join(data.missing[:3]) + ("等" if len(data.missing) > 3 else "")
        count += f"（另有{shown} {len(data.missing)} 个网格尚无范围，未画出）"
    story = [paragraph(data.title, title),
             paragraph(f"{COLOR_MODES[data.mode]}着色　　{count}", sheet["subtitle"]),
             GridMap(data, reserve=LEGEND_HEIGHT),
             _legend(data, today, landscape(A4)[0] - 2 * MARGIN_MM * mm - 12, sheet)]   # the frame's padding
    return write_paper(path, story, title=data.title, pagesize=landscape(A4), margins_mm=MARGIN_MM,
                       page_numbers=False, author=data.office)


def _legend(data: MapData, today: dt.date, width: float, sheet) -> Table:
    """图例 with 5 mm swatches at the left; the issuing office and the date at the right."""
    cells: list = [paragraph("图例：", sheet["body"])]
    widths = [15 * mm]
    for swatch in swatches_for(data.mode):
        cells += [Swatch(swatch.color, faded=data.image is None), paragraph(swatch.text, sheet["body"])]
        widths += [7 * mm, 31 * mm]
    cells.append(paragraph(f"{data.office}　制图日期：{paper_date(today)}", sheet["right"]))
    widths.append(max(60 * mm, width - sum(widths)))
    table = Table([cells], colWidths=widths, rowHeights=[LEGEND_HEIGHT - 2 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _tint(hex_color: str, share: float = FILL_SHARE) -> colors.Color:
    """The colour as it shows over white paper at `share` (the map's fills are see-through)."""
    color = colors.HexColor(hex_color)
    return colors.Color(1 - share + color.red * share, 1 - share + color.green * share, 1 - share + color.blue * share)


class Swatch(TickBox):
    """A legend's 5 mm square in a fill colour, outlined as the areas are."""

    def __init__(self, color: str, *, faded: bool = True):
        super().__init__()
        self.color = _tint(color) if faded else colors.HexColor(color)

    def draw(self):
        self.canv.setFillColor(self.color)
        self.canv.setStrokeColor(colors.HexColor(OUTLINE))
        self.canv.setLineWidth(0.6)
        self.canv.rect(0, 0, self.width, self.height, stroke=1, fill=1)


# --- the map itself ------------------------------------------------------------------------------

@dataclass
class _Label:
    text: str
    x: float
    y: float
    size: float
    room: tuple[float, float]     # the width and height the label may take inside its area


class GridMap(Flowable):
    """The areas scaled into the room the page leaves (less `reserve` for the legend below),
    centred, with a thin frame."""

    def __init__(self, data: MapData, *, reserve: float = 0):
        super().__init__()
        self.data = data
        self.reserve = reserve
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):
        self.width, self.height = availWidth, max(availHeight - self.reserve, 40 * mm)
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.setStrokeColor(colors.HexColor("#90a4ae"))
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        to_page, scale = self._placement()
        if self.data.image is not None:
            self._draw_image(to_page, scale)
        self._draw_areas(to_page)
        labels = self._grid_labels(to_page, scale)
        for label in labels:
            _draw_label(canvas, label.text, label.x, label.y, HEI_FACE, label.size, LABEL_INK)
        self._draw_communities(to_page, labels)
        self._draw_note()

    # where the map goes on the page
    def _placement(self) -> tuple[Callable[[float, float], tuple[float, float]], float]:
        planar = planar_mapping(self.data.areas)
        points = [planar(x, y) for area in self.data.areas for polygon in area.polygons for x, y in polygon[0]]
        if self.data.image is not None:
            width, height = _image_size(self.data.image)
            points += [(0.0, 0.0), (float(width), -float(height))]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
        room_w, room_h = self.width - 8 * mm, self.height - 8 * mm
        scale = min(room_w / max(right - left, 1e-9), room_h / max(top - bottom, 1e-9))
        x0 = (self.width - (right - left) * scale) / 2
        y0 = (self.height - (top - bottom) * scale) / 2

        def to_page(x: float, y: float) -> tuple[float, float]:
            px, py = planar(x, y)
            return x0 + (px - left) * scale, y0 + (py - bottom) * scale

        return to_page, scale

    def _draw_image(self, to_page, scale: float) -> None:
        width, height = _image_size(self.data.image)
        x, y = to_page(0.0, -float(height))
        self.canv.drawImage(str(self.data.image), x, y, width * scale, height * scale)

    def _draw_areas(self, to_page) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor(OUTLINE))
        canvas.setLineWidth(0.5)
        canvas.setLineJoin(1)
        over_image = self.data.image is not None
        for area in self.data.areas:
            color = fill_hex(self.data.rows.get(area.grid_id), self.data.mode)
            if over_image:
                canvas.setFillColor(colors.HexColor(color))
                canvas.setFillAlpha(0.43)
            else:
                canvas.setFillColor(_tint(color))
            path = canvas.beginPath()
            for polygon in area.polygons:
                for ring in polygon:
                    points = [to_page(x, y) for x, y in ring]
                    path.moveTo(*points[0])
                    for point in points[1:]:
                        path.lineTo(*point)
                    path.close()
            canvas.drawPath(path, stroke=1, fill=1, fillMode=0)   # even-odd: holes stay holes
        canvas.restoreState()

    def _grid_labels(self, to_page, scale: float) -> list[_Label]:
        """Every grid's code at its centroid: one size for the map, the largest at which nine codes in
        ten fit their areas; the others a little smaller, as far as SMALLEST_LABEL. Where even the
        smallest size leaves most codes too wide (a whole district on one page), each code is cut to
        what follows its community's common part (JT-05-01 → 01) and the map says so."""
        labels = []
        for area in self.data.areas:
            xs = [x for polygon in area.polygons for x, _y in polygon[0]]
            ys = [y for polygon in area.polygons for _x, y in polygon[0]]
            corners = [to_page(min(xs), min(ys)), to_page(max(xs), max(ys))]
            room = (abs(corners[1][0] - corners[0][0]) * 0.8, abs(corners[1][1] - corners[0][1]) * 0.8)
            labels.append(_Label(area.code, *to_page(*label_point(area.polygons)), LABEL_SIZES[-1], room))
        self.short_labels = sum(_fits(l.text, LABEL_SIZES[-1], l.room) for l in labels) < 0.5 * len(labels)
        if self.short_labels:
            tails = _code_tails(self.data.areas)
            for area, label in zip(self.data.areas, labels):
                label.text = tails[area.grid_id]
        size = next((s for s in LABEL_SIZES if sum(_fits(l.text, s, l.room) for l in labels) >= 0.9 * len(labels)),
                    LABEL_SIZES[-1])
        for label in labels:
            label.size = size
            while label.size > SMALLEST_LABEL and not _fits(label.text, label.size, label.room):
                label.size = max(SMALLEST_LABEL, label.size - 0.5)
        return labels

    def _draw_note(self) -> None:
        if not getattr(self, "short_labels", False):
            return
        first = self.data.areas[0]
        note = f"注：网格较小，图中只标网格编号的末段（如 {_code_tails(self.data.areas)[first.grid_id]} 即 {first.code}）。"
        self.canv.setFont(HEI_FACE, 8)
        self.canv.setFillColor(LABEL_INK)
        self.canv.drawString(2 * mm, 2 * mm, note)

    def _draw_communities(self, to_page, labels: Sequence[_Label]) -> None:
        """Each community's name inside its grids, where it covers the fewest codes."""
        taken = [_box(label.x, label.y, _text_width(label.text, label.size), label.size) for label in labels]
        by_community: dict[int, list[GridArea]] = {}
        for area in self.data.areas:
            by_community.setdefault(area.community_id, []).append(area)
        for community_id, areas in by_community.items():
            name = self.data.communities.get(community_id, "")
            if not name:
                continue
            corners = [to_page(x, y) for area in areas for polygon in area.polygons for x, y in polygon[0]]
            left, right = min(p[0] for p in corners), max(p[0] for p in corners)
            bottom, top = min(p[1] for p in corners), max(p[1] for p in corners)
            size = min(22.0, max(14.0, 1.5 * max((label.size for label in labels), default=0)))
            while size > 7 and _text_width(name, size) > (right - left) * 0.9:
                size -= 0.5
            width = _text_width(name, size)
            x, y = _best_place(left, right, bottom, top, width, size, taken)
            taken.append(_box(x, y, width, size))
            _draw_label(self.canv, name, x, y, HEI_FACE, size, COMMUNITY_INK, halo=size * 0.35)


def _code_tails(areas: Sequence[GridArea]) -> dict[int, str]:
    """Grid id → its code without the part every code of its community starts with, cut at a
    separator (JT-05-01 → 01); the whole code where nothing is common."""
    by_community: dict[int, list[GridArea]] = {}
    for area in areas:
        by_community.setdefault(area.community_id, []).append(area)
    tails = {}
    for members in by_community.values():
        common = os.path.commonprefix([area.code for area in members]) if len(members) > 1 else ""
        cut = max(common.rfind(mark) for mark in "-_./ ") + 1 if common else 0
        for area in members:
            tails[area.grid_id] = area.code[cut:] or area.code
    return tails


def _image_size(path: Path) -> tuple[int, int]:
    from reportlab.lib.utils import ImageReader

    return ImageReader(str(path)).getSize()


def _text_width(text: str, size: float) -> float:
    return sum(stringWidth(run, font, size) for font, run in font_runs(text, HEI_FACE))


def _fits(text: str, size: float, room: tuple[float, float]) -> bool:
    return _text_width(text, size) <= room[0] and size * 1.1 <= room[1]


def _box(x: float, y: float, width: float, size: float) -> tuple[float, float, float, float]:
    """The box of a label centred on (x, y): left, bottom, right, top."""
    return x - width / 2, y - size * 0.5, x + width / 2, y + size * 0.5


def _overlap(a, b) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _best_place(left: float, right: float, bottom: float, top: float, width: float, size: float,
                taken: Sequence[tuple]) -> tuple[float, float]:
    """Of the points on a 5 × 5 lattice over the community (the middle first), the one whose label
    covers the least of the labels already placed."""
    centre = ((left + right) / 2, (bottom + top) / 2)
    # the label's centre stays where the whole label is inside the community (or centred, if wider)
    low_x, high_x = (left + width / 2, right - width / 2) if width < right - left else (centre[0], centre[0])
    low_y, high_y = (bottom + size / 2, top - size / 2) if size < top - bottom else (centre[1], centre[1])
    candidates = sorted({(min(max(left + (right - left) * i / 6, low_x), high_x),
                          min(max(bottom + (top - bottom) * j / 6, low_y), high_y))
                         for i in range(1, 6) for j in range(1, 6)},
                        key=lambda p: ((p[0] - centre[0]) ** 2 + (p[1] - centre[1]) ** 2, p))
    return min(candidates, key=lambda p: sum(_overlap(_box(*p, width, size), box) for box in taken))


def _draw_label(canvas, text: str, x: float, y: float, font: str, size: float, ink, *, halo: float | None = None):
    """Text centred on (x, y) with a white halo, so it reads over any fill or line; characters the
    face lacks are set in one that has them."""
    runs = font_runs(text, font)
    width = sum(stringWidth(run, face, size) for face, run in runs)
    for mode in (1, 0):     # 1: the stroked halo; 0: the filled text over it
        canvas.saveState()  # the text render mode is graphics state: restored after each pass
        text_object = canvas.beginText(x - width / 2, y - size * 0.35)
        text_object.setTextRenderMode(mode)
        if mode == 1:
            canvas.setStrokeColor(colors.white)
            canvas.setLineWidth(halo if halo is not None else size * 0.22)
            canvas.setLineJoin(1)
        else:
            canvas.setFillColor(ink)
        for face, run in runs:
            text_object.setFont(face, size)
            text_object.textOut(run)
        canvas.drawText(text_object)
        canvas.restoreState()
