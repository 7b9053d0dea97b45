"""The live 两个全覆盖 panel: the two rates and the three lists of what is missing.

A click on a grid asks the tab to select and open it; a click on a deputy asks for the
dialog that places the deputy in grids.
"""
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gridoffice.models.grid_model import dot_icon
from gridoffice.services.grids.coverage import MAX_DEPUTIES_PER_GRID, CoverageReport

ID_ROLE = Qt.ItemDataRole.UserRole
RED, AMBER, BLUE = "#c62828", "#e65100", "#1565c0"


class CoveragePanel(QWidget):
    grid_chosen = Signal(int)
    deputy_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.empty_list = self._list("无代表联系的网格：单击打开网格")
        self.crowded_list = self._list(f"代表超过 {MAX_DEPUTIES_PER_GRID} 名的网格：单击打开网格")
        self.unplaced_list = self._list("尚未进网格的在任代表：单击为其分配网格")
        self.empty_list.itemClicked.connect(self._grid_clicked)
        self.crowded_list.itemClicked.connect(self._grid_clicked)
        self.unplaced_list.itemClicked.connect(lambda item: self.deputy_chosen.emit(item.data(ID_ROLE)))
        self.empty_title, self.crowded_title, self.unplaced_title = QLabel(self), QLabel(self), QLabel(self)
        lists = QGridLayout()
        lists.setHorizontalSpacing(8)
        lists.setVerticalSpacing(2)
        for column, (title, widget) in enumerate(((self.empty_title, self.empty_list),
                                                  (self.crowded_title, self.crowded_list),
                                                  (self.unplaced_title, self.unplaced_list))):
            lists.addWidget(title, 0, column)
            lists.addWidget(widget, 1, column)
            lists.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addLayout(lists, stretch=1)

    def _list(self, tip: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setToolTip(tip)
        widget.setCursor(Qt.CursorShape.PointingHandCursor)
        widget.setStyleSheet("QListView::item { min-height: 18px; padding: 1px 4px; }")
        return widget

    def set_report(self, report: CoverageReport) -> None:
        grid_color = "#2e7d32" if not report.empty_grids else RED
        deputy_color = "#2e7d32" if not report.unplaced_deputies else RED
        self.summary.setText(
            f"<b>两个全覆盖</b>　网格有代表联系 <b style='color:{grid_color}'>{report.grid_rate}</b>"
            f"（{report.grids_covered}/{report.grid_total}）　代表进网格 "
            f"<b style='color:{deputy_color}'>{report.deputy_rate}</b>"
            f"（{report.deputies_placed}/{report.deputy_total} 名在任代表）")
        self.empty_title.setText(f"<span style='color:{RED}'>● 无代表的网格（{len(report.empty_grids)}）</span>")
        self.crowded_title.setText(
            f"<span style='color:{AMBER}'>● 超过 {MAX_DEPUTIES_PER_GRID} 名代表（{len(report.crowded_grids)}）</span>")
        self.unplaced_title.setText(
            f"<span style='color:{BLUE}'>● 未进网格的在任代表（{len(report.unplaced_deputies)}）</span>")
        self._fill(self.empty_list, [(g.id, f"{g.code} {g.name}", g.community) for g in report.empty_grids], RED,
                   "全部网格都有代表")
        self._fill(self.crowded_list, [(g.id, f"{g.code}（{g.deputy_count} 名）", g.deputies)
                                       for g in report.crowded_grids], AMBER, "没有")
        self._fill(self.unplaced_list, [(d.id, d.label, d.station) for d in report.unplaced_deputies], BLUE,
                   "全部在任代表都已进网格")

    @staticmethod
    def _fill(widget: QListWidget, entries: list[tuple[int, str, str]], color: str, when_empty: str) -> None:
        widget.clear()
        for item_id, text, tip in entries:
            item = QListWidgetItem(text, widget)
            item.setData(ID_ROLE, item_id)
            item.setIcon(dot_icon(QColor(color)))   # the theme paints item text grey whatever its colour
            item.setToolTip(tip)
        if not entries:
            item = QListWidgetItem(f"✓ {when_empty}", widget)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _grid_clicked(self, item: QListWidgetItem) -> None:
        grid_id = item.data(ID_ROLE)
        if grid_id is not None:
            self.grid_chosen.emit(grid_id)
