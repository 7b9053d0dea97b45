"""网格地图: a community's grids drawn as areas, coloured by coverage or by open opinions.

One QGraphicsPathItem per grid (y flipped so north is up) with its code as a label that
keeps its size at any zoom. Hover shows the grid's card, a click selects the grid in the
list, the wheel zooms and dragging pans. Areas traced on a scanned map are in the image's
pixels and are drawn over the image; imported areas are drawn without it. The colours are in
map_legend; the printed map is drawn by services/grids/map_pdf.py.

A district (700 grids) is built and drawn in well under 100 ms, and pans and zooms at 60 frames
a second (bench/bench_map.py):
- once the clerk pans, each area and label keeps its picture at the current zoom
  (DeviceCoordinateCache): a pan only moves pictures (a quarter of the time of drawing them);
- while the wheel turns, frames are drawn plainly (no antialiasing, no pictures kept); at rest,
  finely again;
- outlines are simplified for the zoom: points closer than half a pixel on screen are dropped,
  one level of detail for every fourfold zoom, worked out when first needed (a traced or imported
  outline of hundreds of points draws as fast as a simple one);
- a code is shown only where it fits inside its area on screen (sizes kept, not asked of Qt).
"""
import contextlib
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap,
                           QPolygonF, QTransform, QWheelEvent)
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPathItem, QGraphicsPixmapItem, QGraphicsScene,
                               QGraphicsSimpleTextItem, QGraphicsView, QWidget)

from gridoffice.models.grid_model import grid_card_html
from gridoffice.services.grids.areas import GridArea, label_point, planar_mapping
from gridoffice.services.grids.rows import GridRow

from gridoffice.views.grids.map_legend import COVERAGE, OUTLINE, fill_color

SELECTED = QColor("#0d47a1")
HOVER = QColor("#1e88e5")
FILL_ALPHA = 170
FILL_ALPHA_OVER_IMAGE = 110
ZOOM_STEP = 1.0015            # per unit of wheel angle: one notch (120) ≈ ×1.2
LABEL_POINTS = 9
LABEL_MARGIN = 6              # a label shows only where its area is this much wider than the text
SIMPLIFY_PX = 0.5             # outline points closer than this on screen are not drawn
LEVEL_STEP = 4                # a level of detail for every fourfold zoom
LEVELS = 4                    # levels simplified; past them (64 times the whole map) every point
SETTLE_MS = 250               # the wheel at rest this long: the map is drawn finely again


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCosmetic(True)  # the same width at any zoom
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


_PENS = {"plain": _pen(OUTLINE, 1.0), "hover": _pen(HOVER, 2.5), "selected": _pen(SELECTED, 3.0)}


class GridAreaItem(QGraphicsPathItem):
    """One grid's area; highlights under the mouse and shows the grid's card as its tooltip.

    `rings` are in scene coordinates; `path_for(level)` is the outline simplified for a zoom level
    (each level keeps the points at least `tolerances[level]` apart; past the last, every point)."""

    def __init__(self, grid_id: int, rings: list[list[tuple[float, float]]], tolerances: Sequence[float],
                 label: QGraphicsSimpleTextItem, card: Callable[[], str]):
        self.rings = rings
        self.tolerances = tolerances
        self._paths: dict[int, QPainterPath] = {}
        self._simplified: dict[int, list[list[tuple[float, float]]]] = {}
        self.level = 0
        super().__init__(self.path_for(0))
        self.grid_id = grid_id
        self.label = label
        self.label_size = label.boundingRect().size()
        box = self.path().boundingRect()
        self.box_size = (box.width(), box.height())
        self.selected = False
        self._card = card   # the card is written when first hovered: 700 cards up front cost 30 ms
        self.setAcceptHoverEvents(True)
        self.setPen(_PENS["plain"])

    def path_for(self, level: int) -> QPainterPath:
        path = self._paths.get(level)
        if path is None:
            rings = self._rings_at(level)
            same = level > 0 and [len(r) for r in rings] == [len(r) for r in self._rings_at(level - 1)]
            # nothing more to show at this zoom (points are only ever dropped): the same outline
            path = self._paths[level] = self.path_for(level - 1) if same else rings_path(rings)
        return path

    def _rings_at(self, level: int) -> list[list[tuple[float, float]]]:
        rings = self._simplified.get(level)
        if rings is None:
            tolerance = self.tolerances[level] if level < len(self.tolerances) else 0.0
            rings = self._simplified[level] = [simplified(ring, tolerance) for ring in self.rings]
        return rings

    def show_level(self, level: int) -> None:
        path = self.path_for(level)
        if path is not self.path():
            self.setPath(path)
        self.level = level

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


def simplified(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """The ring without the points closer than `tolerance` to the last point kept (first and last
    kept; a ring that would fall below a triangle is left whole)."""
    if tolerance <= 0 or len(ring) <= 4:
        return ring
    limit = tolerance * tolerance
    last_x, last_y = ring[0]
    kept = [ring[0]]
    for x, y in ring[1:-1]:
        if (x - last_x) ** 2 + (y - last_y) ** 2 >= limit:
            kept.append((x, y))
            last_x, last_y = x, y
    kept.append(ring[-1])
    return kept if len(kept) >= 4 else ring


def rings_path(rings: Sequence[Sequence[tuple[float, float]]]) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)  # holes stay holes
    for ring in rings:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring]))
        path.closeSubpath()
    return path


def scene_mapping(areas: Sequence[GridArea]):
    """Map units → scene: y flipped (north up); degrees (lon/lat) stretched to metres so shapes keep their form."""
    planar = planar_mapping(areas)

    def to_scene(x: float, y: float) -> tuple[float, float]:
        px, py = planar(x, y)
        return px, -py

    return to_scene


class GridMapView(QGraphicsView):
    grid_clicked = Signal(int)
    trace_finished = Signal(list)     # [(x, y)] in image pixels
    trace_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        # no BSP index: building it for 1,400 items slows the first paint, and walking them all to
        # find those on screen or under the mouse takes a fraction of a millisecond
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
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
        self._levels: list[float] = []
        self._pictures_kept = False
        self._placing = False     # the view itself is moving the map (fitting, centring): not the clerk
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.settle)

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
        scene_rings = [[[to_scene(x, y) for x, y in ring] for polygon in area.polygons for ring in polygon]
                       for area in areas]
        bounds = _bounds(scene_rings)
        self._levels = self._detail_levels(bounds)
        font = self._label_font(1.0)
        self._brushes: dict[int, QBrush] = {}
        self._pictures_kept = False
        for area, rings in zip(areas, scene_rings):
            self._add_area(scene, area, rings, to_scene, font)
        if image is not None:
            bounds = bounds.united(QRectF(image.rect()))
        self._content = bounds
        margin = max(bounds.width(), bounds.height()) * 0.05
        with self._placing_map():
            scene.setSceneRect(bounds.adjusted(-margin, -margin, margin, margin))
        if self._selected in self.items_by_grid:
            self.items_by_grid[self._selected].set_selected(True)
        if kept is None:
            self._auto_fit = True
            self.fit()
        else:
            with self._placing_map():
                self.setTransform(kept[0])
                self.centerOn(kept[1])
            self.update_labels()

    @contextlib.contextmanager
    def _placing_map(self) -> Iterator[None]:
        """The view moves the map itself (fitting, restoring the clerk's view): no pictures kept yet."""
        self._placing = True
        try:
            yield
        finally:
            self._placing = False

    def _label_font(self, factor: float) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(LABEL_POINTS * factor)
        font.setBold(True)
        return font

    def clear(self) -> None:
        self.cancel_tracing()
        self.items_by_grid = {}
        self._content = QRectF()
        self.scene().clear()

    def _detail_levels(self, bounds: QRectF) -> list[float]:
        """Simplification tolerances in scene units, one per level: level 0 for the whole map in the
        view, each next one for a fourfold zoom; past the last, every point."""
        if bounds.isEmpty():
            return []
        view = self.viewport().rect()
        fitted = min(max(view.width(), 100) / bounds.width(), max(view.height(), 100) / bounds.height())
        return [SIMPLIFY_PX / (fitted * LEVEL_STEP ** level) for level in range(LEVELS)]

    def _level_for(self, scale: float) -> int:
        """The coarsest level whose points are still half a pixel apart at this zoom."""
        for level, tolerance in enumerate(self._levels):
            if tolerance * scale <= SIMPLIFY_PX * 1.0001:
                return level
        return len(self._levels)

    def _add_area(self, scene: QGraphicsScene, area: GridArea, rings, to_scene, font: QFont) -> None:
        """Adds the grid's area (rings in scene coordinates) and its label."""
        label = QGraphicsSimpleTextItem()
        label.setFont(font)        # before the text: its layout is worked out once
        label.setText(area.code)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        size = label.boundingRect()
        label.setTransform(QTransform.fromTranslate(-size.width() / 2, -size.height() / 2))
        label.setPos(QPointF(*to_scene(*label_point(area.polygons))))
        label.setZValue(5)   # above every area
        row = self._rows.get(area.grid_id)
        card = (lambda r=row: grid_card_html(r)) if row is not None else (lambda code=area.code: code)
        item = GridAreaItem(area.grid_id, rings, self._levels, label, card)
        item.setBrush(self._fill(row))
        scene.addItem(item)
        scene.addItem(label)
        self.items_by_grid[area.grid_id] = item

    def _keep_pictures(self, keep: bool = True) -> None:
        """Each area and label keeps its picture at the current zoom: a pan then only moves pictures.
        Turned on when the clerk first pans (the first frame is drawn sooner without filling 1,400
        pictures), off while zooming (every notch would draw them all again)."""
        if self._pictures_kept == keep:
            return
        self._pictures_kept = keep
        mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if keep else QGraphicsItem.CacheMode.NoCache
        for item in self.items_by_grid.values():
            item.setCacheMode(mode)
            item.label.setCacheMode(mode)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt's name)
        if not self._placing and not self._settle.isActive():
            self._keep_pictures()
        super().scrollContentsBy(dx, dy)

    def _draft_while_zooming(self) -> None:
        """While the wheel turns, frames are drawn plainly (no antialiasing, no kept pictures), several
        times faster; once it rests for a moment, the map is drawn finely again."""
        if not self._settle.isActive():
            self._keep_pictures(False)
            self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._settle.start()

    def settle(self) -> None:
        """The zoom has come to rest: draw finely, keep the pictures for panning."""
        self._settle.stop()
        if not self.renderHints() & QPainter.RenderHint.Antialiasing:
            self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._keep_pictures()
            self.viewport().update()

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

    @property
    def selected_grid(self) -> int | None:
        return self._selected

    @property
    def content_rect(self) -> QRectF:
        """The bounds of the areas (and image) shown, in scene units."""
        return QRectF(self._content)

    # --- zoom and pan ---------------------------------------------------------------------
    def fit(self) -> None:
        rect = self._content
        if rect.isEmpty():
            return
        with self._placing_map():
            self.fitInView(rect.adjusted(-rect.width() * 0.03, -rect.height() * 0.03, rect.width() * 0.03,
                                         rect.height() * 0.03), Qt.AspectRatioMode.KeepAspectRatio)
        self.update_labels()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom_by(ZOOM_STEP ** event.angleDelta().y())

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out, between a quarter of the whole map and 60 times it."""
        scale = self.transform().m11() * factor
        fitted = self._fit_scale()
        if fitted and not (fitted / 4 <= scale <= fitted * 60):
            return
        self._auto_fit = False
        self._draft_while_zooming()
        self.scale(factor, factor)
        self.update_labels()

    def _fit_scale(self) -> float:
        rect = self._content
        if rect.isEmpty():
            return 0.0
        view = self.viewport().rect()
        return min(view.width() / rect.width(), view.height() / rect.height())

    def update_labels(self, scale: float | None = None) -> None:
        """Codes only where they fit inside their area on screen, so a zoomed-out district stays
        readable; outlines at the detail of this zoom."""
        on_screen = scale is None
        scale = self.transform().m11() if scale is None else scale
        level = self._level_for(scale) if on_screen else len(self._levels)   # paper: every point
        for item in self.items_by_grid.values():
            width, height = item.box_size
            text = item.label_size
            # the bounding box of an irregular cell is wider than its middle, where the label sits
            fits = width * scale * 0.85 >= text.width() + LABEL_MARGIN and height * scale * 0.85 >= text.height()
            if fits != item.label.isVisible():
                item.label.setVisible(fits)
            if item.level != level:
                item.show_level(level)

    def resizeEvent(self, event) -> None:
        with self._placing_map():
            super().resizeEvent(event)
        if self._auto_fit:
            self.fit()
        else:
            self.update_labels()

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


def _bounds(scene_rings) -> QRectF:
    xs = [x for rings in scene_rings for ring in rings for x, _y in ring]
    ys = [y for rings in scene_rings for ring in rings for _x, y in ring]
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)) if xs else QRectF()
