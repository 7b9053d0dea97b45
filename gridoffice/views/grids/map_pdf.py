"""The grid map on paper: the whole map on one A4 landscape page with its title and legend
(vector, fonts embedded), drawn from the map view's scene."""
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from gridoffice.services.common.files import atomic_output

from gridoffice.views.grids.map_legend import OUTLINE, LegendEntry
from gridoffice.views.grids.map_view import LABEL_POINTS, GridMapView

PRINT_LABEL_POINTS = (12, 10, 8, 6.5)  # tried from the largest


def write_map_pdf(view: GridMapView, path: Path, *, title: str, subtitle: str,
                  legend: Sequence[LegendEntry]) -> Path:
    """The map as `view` shows it (its community, colours and image), not zoomed: all of it."""
    selected = view.selected_grid
    view.select_grid(None)
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
                with view.drawn_for_paper():
                    _paint_page(view, painter, writer, title, subtitle, legend)
            finally:
                painter.end()
    finally:
        view.size_labels(1.0)
        view.update_labels()
        view.select_grid(selected, center=False)
    return Path(path)


def _paint_page(view: GridMapView, painter: QPainter, writer: QPdfWriter, title: str, subtitle: str,
                legend: Sequence[LegendEntry]) -> None:
    page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
    page.moveTo(0, 0)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    font = QFont(view.font())
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
    content = view.content_rect
    margin = content.width() * 0.02
    source = content.adjusted(-margin, -margin, margin, margin)
    room = map_box.adjusted(4, 4, -4, -4)
    scale = min(room.width() / source.width(), room.height() / source.height())
    target = QRectF(0, 0, source.width() * scale, source.height() * scale)
    target.moveCenter(room.center())
    _size_print_labels(view, writer.resolution() / max(view.logicalDpiY(), 1), scale)
    view.scene().render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    _paint_legend(painter, QRectF(page.left(), page.bottom() - legend_height, page.width(), legend_height), legend)


def _size_print_labels(view: GridMapView, resolution_factor: float, scale: float) -> None:
    """The largest label size at which nearly every code fits its area on paper; the rest are left out.

    Labels are drawn in device pixels, so their font is scaled to the page's resolution.
    """
    items = view.items_by_grid.values()
    for points in PRINT_LABEL_POINTS:
        view.size_labels(resolution_factor * points / LABEL_POINTS)
        view.update_labels(scale)
        shown = sum(1 for item in items if item.label.isVisible())
        if shown >= 0.9 * len(items):
            return


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
