"""网格列表 table model, and the grid's card (shown on hover in the list and on the map).

The theme's item style paints over a model's foreground and background colours, so the
tab draws the tint itself (TintDelegate) and the code column carries a coloured dot.
"""
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate

from gridoffice.domain.rules import mask_phone
from gridoffice.services.grids.coverage import MAX_DEPUTIES_PER_GRID
from gridoffice.services.grids.rows import GridRow

from .table_model import CENTER, RIGHT, Column, RowStyle, RowTableModel, attr

NO_DEPUTY_RED = QColor("#c62828")
CROWDED_AMBER = QColor("#ef6c00")
COVERED_GREEN = QColor("#2e7d32")
NO_DEPUTY_TINT = QColor("#ffcdd2")
CROWDED_TINT = QColor("#ffe0b2")


def coverage_color(deputy_count: int) -> QColor:
    if deputy_count == 0:
        return NO_DEPUTY_RED
    return CROWDED_AMBER if deputy_count > MAX_DEPUTIES_PER_GRID else COVERED_GREEN


def dot_icon(color: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class GridTableModel(RowTableModel):
    COLUMNS = (
        Column("community", "所属社区", attr("community"), sort_key=attr("community_id"), width=92),
        Column("code", "网格编号", attr("code"), width=94),
        Column("name", "网格名称", attr("name"), width=124),
        Column("worker_name", "网格员", attr("worker_name"), width=62),
        # a grid worker's personal mobile is masked in the list, like every personal mobile (full in the editor)
        Column("worker_phone", "网格员电话", lambda r: mask_phone(r.worker_phone), width=100),
        Column("households", "户数", attr("households"), align=RIGHT, width=50),
        Column("population", "人口", attr("population"), align=RIGHT, width=52),
        Column("special", "重点户", lambda r: r.special_total, align=RIGHT, width=60, hidden_by_default=True),
        Column("open_opinions", "未办结意见", attr("open_opinions"), align=RIGHT, width=80, hidden_by_default=True),
        Column("area", "范围", lambda r: "有" if r.has_area else "", align=CENTER, width=50, hidden_by_default=True),
        Column("deputy_count", "代表数", attr("deputy_count"), align=CENTER, width=54),
        Column("deputies", "联系代表", attr("deputies"), width=160, stretch=True),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._dots = {name: dot_icon(color) for name, color in
                      (("none", NO_DEPUTY_RED), ("crowded", CROWDED_AMBER), ("ok", COVERED_GREEN))}

    def search_text(self, row: GridRow) -> str:
        return " ".join((row.community, row.code, row.name, row.worker_name, row.worker_phone, row.deputies,
                         row.boundary)).lower()

    def row_style(self, row: GridRow) -> RowStyle | None:
        if row.deputy_count == 0:
            return RowStyle(foreground=NO_DEPUTY_RED, background=NO_DEPUTY_TINT, tooltip="该网格还没有在任代表联系")
        if row.deputy_count > MAX_DEPUTIES_PER_GRID:
            return RowStyle(foreground=CROWDED_AMBER, background=CROWDED_TINT,
                            tooltip=f"该网格代表超过 {MAX_DEPUTIES_PER_GRID} 名")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            return grid_card_html(self.row_at(index.row()))
        if index.isValid() and role == Qt.ItemDataRole.DecorationRole and self.COLUMNS[index.column()].key == "code":
            count = self.row_at(index.row()).deputy_count
            return self._dots["none" if count == 0 else "crowded" if count > MAX_DEPUTIES_PER_GRID else "ok"]
        if role == Qt.ItemDataRole.BackgroundRole and self.COLUMNS[index.column()].key == "community":
            return None  # the merged community cell spans grids of every colour
        return super().data(index, role)

    def row_of_grid(self, grid_id: int) -> int | None:
        return next((r for r in range(self.rowCount()) if self.row_at(r).id == grid_id), None)


class TintDelegate(QStyledItemDelegate):
    """Paints the model's background colour under the item (the theme would hide it)."""

    def paint(self, painter: QPainter, option, index) -> None:
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        if brush is not None:
            painter.fillRect(option.rect, brush)
        super().paint(painter, option, index)


def grid_card_html(row: GridRow) -> str:
    """The grid's card: who looks after it, its people, its deputies, its special households."""
    color = coverage_color(row.deputy_count).name()
    deputies = (f"联系代表（{row.deputy_count} 名）：{escape(row.deputies)}" if row.deputy_count
                else "暂无在任代表联系")
    worker = "　".join(part for part in (escape(row.worker_name), escape(row.worker_phone)) if part) or "未填写"
    lines = [
        f"<b style='font-size:14px'>{escape(row.code)}　{escape(row.name)}</b>",
        f"{escape(row.community)}　网格员：{worker}",
        f"{row.households} 户　{row.population} 人",
        f"<span style='color:{color}'>{deputies}</span>",
    ]
    if row.special:
        parts = [f"<span style='color:{escape(c)}'>■</span>{escape(name)} {count}" for name, count, c in row.special]
        lines.append(f"重点户（五类十色）{row.special_total} 户：")
        lines += ["　".join(parts[i:i + 3]) for i in range(0, len(parts), 3)]
    lines.append(f"未办结民情意见：{row.open_opinions} 件")
    return "<div style='white-space:nowrap'>" + "<br>".join(lines) + "</div>"
