"""网格地图: a community's grids drawn as areas, coloured by coverage or by open opinions.

One QGraphicsPathItem per grid (y flipped so north is up) with its code as a label that
keeps its size at any zoom. Hover shows the grid's card, a click selects the grid in the
list, the wheel zooms and dragging pans. Areas traced on a scanned map are in the image's
pixels and are drawn over the image; imported areas are drawn without it.
"""
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QKeyEvent, QMouseEvent, QPageLayout, QPageSize, QPainter,
                           QPainterPath, QPdfWriter, QPen, QPixmap, QPolygonF, QTransform, QWheelEvent)
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPathItem, QGraphicsPixmapItem, QGraphicsScene,
                               QGraphicsSimpleTextItem, QGraphicsView, QWidget)

from gridoffice.models.grid_model import grid_card_html
from gridoffice.services.grids.coverage import MAX_DEPUTIES_PER_GRID
from gridoffice.services.common.files import atomic_output
from gridoffice.services.grids.areas import IMAGE_FRAME, GridArea, Polygon, label_point
from gridoffice.services.grids.rows import GridRow

COVERAGE = "coverage"
OPINIONS = "opinions"
COLOR_MODES = {COVERAGE: "按覆盖情况", OPINIONS: "按未办结意见"}
METRES_PER_DEGREE = 111_320.0
OUTLINE = QColor("#37474f")
SELECTED = QColor("#0d47a1")
HOVER = QColor("#1e88e5")
NO_AREA_GREY = QColor("#b0bec5")
FILL_ALPHA = 170
FILL_ALPHA_OVER_IMAGE = 110
ZOOM_STEP = 1.0015            # per unit of wheel angle: one notch (120) ≈ ×1.2
LABEL_POINTS = 9
PRINT_LABEL_POINTS = (12, 10, 8, 6.5)  # tried from the largest
LABEL_MARGIN = 6              # a label shows only where its area is this much wider than the text


@dataclass(frozen=True)
class LegendEntry:
    color: QColor
    text: str


def coverage_legend() -> list[LegendEntry]:
    return [LegendEntry(QColor("#e53935"), "无代表"),
            LegendEntry(QColor("#43a047"), f"1–{MAX_DEPUTIES_PER_GRID} 名代表"),
            LegendEntry(QColor("#ffb300"), f"超过 {MAX_DEPUTIES_PER_GRID} 名代表")]


OPINION_BINS = ((0, 0, "#c8e6c9", "无未办结意见"), (1, 2, "#fff176", "1–2 件"), (3, 5, "#ffb74d", "3–5 件"),
                (6, math.inf, "#e53935", "6 件及以上"))


def opinion_legend() -> list[LegendEntry]:
    return [LegendEntry(QColor(color), text) for _low, _high, color, text in OPINION_BINS]


def legend_for(mode: str) -> list[LegendEntry]:
    return opinion_legend() if mode == OPINIONS else coverage_legend()


def fill_color(row: GridRow | None, mode: str) -> QColor:
    if row is None:
        return NO_AREA_GREY
    if mode == OPINIONS:
        color = next(c for low, high, c, _text in OPINION_BINS if low <= row.open_opinions <= high)
        return QColor(color)
    entries = coverage_legend()
    if row.deputy_count == 0:
        return entries[0].color
    return entries[2].color if row.deputy_count > MAX_DEPUTIES_PER_GRID else entries[1].color


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCosmetic(True)  # the same width at any zoom
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


_PENS = {"plain": _pen(OUTLINE, 1.0), "hover": _pen(HOVER, 2.5), "selected": _pen(SELECTED, 3.0)}


class GridAreaItem(QGraphicsPathItem):
    """One grid's area; highlights under the mouse and shows the grid's card as its tooltip."""

    def __init__(self, grid_id: int, path: QPainterPath, label: QGraphicsSimpleTextItem, card: Callable[[], str]):
        super().__init__(path)
        self.grid_id = grid_id
        self.label = label
        self.selected = False
        self._card = card   # the card is written when first hovered: 700 cards up front cost 30 ms
        self.setAcceptHoverEvents(True)
        self._set_outline(False)

    def _set_outline(self, hovered: bool) -> None:
        self.setPen(_PENS["selected" if self.selected else "hover" if hovered else "plain"])
        self.setZValue(2 if self.selected else 1 if hovered else 0)

    def set_selected(self, selected: bool) -> None:
        self.selected = selected
        self._set_outline(False)

    def hoverEnterEvent(self, event) -> None:
        if not self.toolTip():
            self.setToolTip(self._card())
        self._set_outline(True)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._set_outline(False)
        super().hoverLeaveEvent(event)


def polygons_path(polygons: Sequence[Polygon], to_scene) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)  # holes stay holes
    for polygon in polygons:
        for ring in polygon:
            path.addPolygon(QPolygonF([QPointF(*to_scene(x, y)) for x, y in ring]))
            path.closeSubpath()
    return path


def scene_mapping(areas: Sequence[GridArea]):
    """Map units → scene: y flipped (north up); degrees (lon/lat) stretched to metres so shapes keep their form."""
    xs = [x for area in areas for polygon in area.polygons for x, _y in polygon[0]]
    ys = [y for area in areas for polygon in area.polygons for _x, y in polygon[0]]
    degrees = (xs and all(-180 <= x <= 180 for x in xs) and all(-90 <= y <= 90 for y in ys)
               and max(xs) - min(xs) < 5 and max(ys) - min(ys) < 5 and areas[0].frame != IMAGE_FRAME)
    if degrees:
        kx = METRES_PER_DEGREE * math.cos(math.radians((min(ys) + max(ys)) / 2))
        return lambda x, y: (x * kx, -y * METRES_PER_DEGREE)
    return lambda x, y: (x, -y)


class GridMapView(QGraphicsView):
    grid_clicked = Signal(int)
    trace_finished = Signal(list)     # [(x, y)] in image pixels
    trace_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setBackgroundBrush(QColor("#f4f6f8"))
        self.items_by_grid: dict[int, GridAreaItem] = {}
        self._rows: dict[int, GridRow] = {}
        self._mode = COVERAGE
        self._over_image = False
        self._press_pos = None
        self._trace_points: list[QPointF] = []
        self._trace_item: QGraphicsPathItem | None = None
        self._selected: int | None = None
        self._auto_fit = True   # keep fitting while the view is resized, until the clerk zooms
        self._content = QRectF()  # the bounds of the areas (and image) shown
        self._brushes: dict[int, QBrush] = {}

    # --- content ------------------------------------------------------------------------
    def show_areas(self, areas: Sequence[GridArea], rows: dict[int, GridRow], *, mode: str = COVERAGE,
                   image: QPixmap | None = None, keep_view: bool = False) -> None:
        """Draw the areas; `keep_view` keeps the clerk's zoom and position (e.g. after tracing one more grid)."""
        kept = (self.transform(), self.mapToScene(self.viewport().rect().center())) \
            if keep_view and not self._auto_fit else None
        self.clear()
        scene = self.scene()
        self._rows = rows
        self._mode = mode
        self._over_image = image is not None
        if image is not None:
            picture = QGraphicsPixmapItem(image)
            picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            picture.setZValue(-10)
            scene.addItem(picture)
        to_scene = scene_mapping(areas) if areas else (lambda x, y: (x, -y))
        font = self._label_font(1.0)
        self._brushes: dict[int, QBrush] = {}
        bounds = QRectF()
        for area in areas:
            bounds = bounds.united(self._add_area(scene, area, to_scene, font))
        if image is not None:
            bounds = bounds.united(QRectF(image.rect()))
        self._content = bounds
        margin = max(bounds.width(), bounds.height()) * 0.05
        scene.setSceneRect(bounds.adjusted(-margin, -margin, margin, margin))
        if self._selected in self.items_by_grid:
            self.items_by_grid[self._selected].set_selected(True)
        if kept is None:
            self._auto_fit = True
            self.fit()
        else:
            self.setTransform(kept[0])
            self.centerOn(kept[1])
            self._update_labels()

    def _label_font(self, factor: float) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(LABEL_POINTS * factor)
        font.setBold(True)
        return font

    def _size_labels(self, factor: float) -> None:
        """Labels ignore the view's zoom, so on paper they are sized by hand (factor 1: the screen size)."""
        font = self._label_font(factor)
        for item in self.items_by_grid.values():
            label = item.label
            label.setFont(font)
            size = label.boundingRect()
            label.setTransform(QTransform.fromTranslate(-size.width() / 2, -size.height() / 2))

    def clear(self) -> None:
        self.cancel_tracing()
        self.items_by_grid = {}
        self._content = QRectF()
        self.scene().clear()

    def _add_area(self, scene: QGraphicsScene, area: GridArea, to_scene, font: QFont) -> QRectF:
        """Adds the grid's area and its label; returns the area's bounds."""
        label = QGraphicsSimpleTextItem(area.code)
        label.setFont(font)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        size = label.boundingRect()
        label.setTransform(QTransform.fromTranslate(-size.width() / 2, -size.height() / 2))
        label.setPos(QPointF(*to_scene(*label_point(area.polygons))))
        label.setZValue(5)
        row = self._rows.get(area.grid_id)
        card = (lambda r=row: grid_card_html(r)) if row is not None else (lambda code=area.code: code)
        path = polygons_path(area.polygons, to_scene)
        item = GridAreaItem(area.grid_id, path, label, card)
        item.setBrush(self._fill(row))
        scene.addItem(item)
        scene.addItem(label)
        self.items_by_grid[area.grid_id] = item
        return path.boundingRect()

    def _fill(self, row: GridRow | None) -> QBrush:
        """One brush per colour, shared by every area of that colour."""
        color = fill_color(row, self._mode)
        brush = self._brushes.get(color.rgb())
        if brush is None:
            shaded = QColor(color)
            shaded.setAlpha(FILL_ALPHA_OVER_IMAGE if self._over_image else FILL_ALPHA)
            brush = self._brushes[color.rgb()] = QBrush(shaded)
        return brush

    def set_color_mode(self, mode: str) -> None:
        self._mode = mode
        for grid_id, item in self.items_by_grid.items():
            item.setBrush(self._fill(self._rows.get(grid_id)))

    def select_grid(self, grid_id: int | None, *, center: bool = True) -> None:
        if self._selected in self.items_by_grid:
            self.items_by_grid[self._selected].set_selected(False)
        self._selected = grid_id
        item = self.items_by_grid.get(grid_id) if grid_id is not None else None
        if item is None:
            return
        item.set_selected(True)
        if center and not self.mapToScene(self.viewport().rect()).boundingRect().contains(item.sceneBoundingRect()):
            self.centerOn(item)

    # --- zoom and pan ---------------------------------------------------------------------
    def fit(self) -> None:
        rect = self._content
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-rect.width() * 0.03, -rect.height() * 0.03, rect.width() * 0.03,
                                     rect.height() * 0.03), Qt.AspectRatioMode.KeepAspectRatio)
        self._update_labels()

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = ZOOM_STEP ** event.angleDelta().y()
        scale = self.transform().m11() * factor
        fitted = self._fit_scale()
        if fitted and not (fitted / 4 <= scale <= fitted * 60):
            return
        self._auto_fit = False
        self.scale(factor, factor)
        self._update_labels()

    def _fit_scale(self) -> float:
        rect = self._content
        if rect.isEmpty():
            return 0.0
        view = self.viewport().rect()
        return min(view.width() / rect.width(), view.height() / rect.height())

    def _update_labels(self, scale: float | None = None) -> None:
        """Codes only where they fit inside their area on screen, so a zoomed-out district stays readable."""
        scale = self.transform().m11() if scale is None else scale
        for item in self.items_by_grid.values():
            box, text = item.boundingRect(), item.label.boundingRect()
            # the bounding box of an irregular cell is wider than its middle, where the label sits
            item.label.setVisible(box.width() * scale * 0.85 >= text.width() + LABEL_MARGIN
                                  and box.height() * scale * 0.85 >= text.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()
        else:
            self._update_labels()

    # --- clicks and tracing ----------------------------------------------------------------
    def tracing(self) -> bool:
        return self._trace_item is not None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position()
        if self.tracing() and event.button() == Qt.MouseButton.LeftButton:
            self._trace_points.append(self.mapToScene(event.position().toPoint()))
            self._draw_trace(None)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.tracing():
            self._draw_trace(self.mapToScene(event.position().toPoint()))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self.tracing() and self._press_pos is not None and event.button() == Qt.MouseButton.LeftButton:
            moved = (event.position() - self._press_pos).manhattanLength()
            if moved >= 5:
                self._auto_fit = False  # the clerk panned: leave the view where it is
            else:
                grid_id = self.grid_at(event.position().toPoint())
                if grid_id is not None:
                    self.grid_clicked.emit(grid_id)
        self._press_pos = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.tracing():
            self.finish_tracing()  # the double-click's first press already added the last vertex
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.tracing():
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.finish_tracing()
                return
            if event.key() == Qt.Key.Key_Escape:
                self.cancel_tracing()
                self.trace_cancelled.emit()
                return
            if event.key() == Qt.Key.Key_Backspace and self._trace_points:
                self._trace_points.pop()
                self._draw_trace(None)
                return
        super().keyPressEvent(event)

    def grid_at(self, position) -> int | None:
        for item in self.items(position):
            if isinstance(item, GridAreaItem):
                return item.grid_id
        return None

    def start_tracing(self) -> None:
        self.cancel_tracing()
        self._trace_points = []
        self._trace_item = QGraphicsPathItem()
        pen = QPen(QColor("#d50000"), 2)
        pen.setCosmetic(True)
        self._trace_item.setPen(pen)
        self._trace_item.setBrush(QColor(213, 0, 0, 40))
        self._trace_item.setZValue(20)
        self.scene().addItem(self._trace_item)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.setMouseTracking(True)
        self.setFocus()

    def _draw_trace(self, cursor: QPointF | None) -> None:
        points = self._trace_points + ([cursor] if cursor is not None else [])
        path = QPainterPath()
        if points:
            path.addPolygon(QPolygonF(points))
            for point in self._trace_points:
                size = 4 / max(self.transform().m11(), 1e-9)
                path.addEllipse(point, size, size)
        self._trace_item.setPath(path)

    def finish_tracing(self) -> None:
        points = [(p.x(), p.y()) for p in self._trace_points]
        if len(points) < 3:
            return  # keep clicking: a polygon needs three corners
        self.cancel_tracing()
        self.trace_finished.emit(points)

    def cancel_tracing(self) -> None:
        if self._trace_item is not None:
            self.scene().removeItem(self._trace_item)
            self._trace_item = None
        self._trace_points = []
        self.setMouseTracking(False)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().unsetCursor()

    # --- printing -------------------------------------------------------------------------------
    def write_pdf(self, path: Path, *, title: str, subtitle: str, legend: Sequence[LegendEntry]) -> Path:
        """The whole map on one A4 landscape page, with its title and legend (vector, fonts embedded)."""
        selected = self._selected
        self.select_grid(None)
        try:
            with atomic_output(Path(path)) as temporary:
                writer = QPdfWriter(str(temporary))
                writer.setTitle(title)
                writer.setCreator("gridoffice")
                writer.setResolution(144)
                writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                                 QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
                painter = QPainter(writer)
                try:
                    self._paint_page(painter, writer, title, subtitle, legend)
                finally:
                    painter.end()
        finally:
            self._size_labels(1.0)
            self._update_labels()
            self.select_grid(selected, center=False)
        return Path(path)

    def _paint_page(self, painter: QPainter, writer: QPdfWriter, title: str, subtitle: str,
                    legend: Sequence[LegendEntry]) -> None:
        page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        page.moveTo(0, 0)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        font = QFont(self.font())
        font.setPointSizeF(16)
        font.setBold(True)
        painter.setFont(font)
        title_box = QRectF(page.left(), page.top(), page.width(), page.height() * 0.06)
        painter.drawText(title_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, title)
        font.setPointSizeF(9.5)
        font.setBold(False)
        painter.setFont(font)
        sub_box = QRectF(page.left(), title_box.bottom(), page.width(), page.height() * 0.04)
        painter.drawText(sub_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, subtitle)
        legend_height = page.height() * 0.05
        map_box = QRectF(page.left(), sub_box.bottom() + page.height() * 0.01, page.width(),
                         page.bottom() - sub_box.bottom() - legend_height - page.height() * 0.02)
        painter.setPen(QPen(QColor("#90a4ae"), 1))
        painter.drawRect(map_box)
        margin = self._content.width() * 0.02
        source = self._content.adjusted(-margin, -margin, margin, margin)
        room = map_box.adjusted(4, 4, -4, -4)
        scale = min(room.width() / source.width(), room.height() / source.height())
        target = QRectF(0, 0, source.width() * scale, source.height() * scale)
        target.moveCenter(room.center())
        self._size_print_labels(writer.resolution() / max(self.logicalDpiY(), 1), scale)
        self.scene().render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        self._paint_legend(painter, QRectF(page.left(), page.bottom() - legend_height, page.width(), legend_height),
                           legend)

    def _size_print_labels(self, resolution_factor: float, scale: float) -> None:
        """The largest label size at which nearly every code fits its area on paper; the rest are left out.

        Labels are drawn in device pixels, so their font is scaled to the page's resolution.
        """
        for points in PRINT_LABEL_POINTS:
            self._size_labels(resolution_factor * points / LABEL_POINTS)
            self._update_labels(scale)
            shown = sum(1 for item in self.items_by_grid.values() if item.label.isVisible())
            if shown >= 0.9 * len(self.items_by_grid):
                return

    @staticmethod
    def _paint_legend(painter: QPainter, box: QRectF, legend: Sequence[LegendEntry]) -> None:
        metrics = painter.fontMetrics()
        swatch = metrics.height() * 0.9
        x = box.left()
        y = box.center().y()
        painter.setPen(QColor("#263238"))
        painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), "图例：")
        x += metrics.horizontalAdvance("图例：") + swatch / 2
        for entry in legend:
            painter.setPen(QPen(OUTLINE, 0.8))
            painter.setBrush(entry.color)
            painter.drawRect(QRectF(x, y - swatch / 2, swatch, swatch))
            x += swatch * 1.4
            painter.setPen(QColor("#263238"))
            painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), entry.text)
            x += metrics.horizontalAdvance(entry.text) + swatch * 1.6
