"""图表: the five charts of the report, drawn with QtCharts. QtCharts is imported when the page is
first shown (chart_views.py), never at start-up. Clicking a bar or a slice opens its records."""
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from gridoffice.services.stats.period import Period, Scope
from gridoffice.services.stats.series import Charts, charts


class ChartsPage(QWidget):
    def __init__(self, tab):
        super().__init__(tab)
        self.tab = tab
        self.data: Charts | None = None
        self.views: list[QWidget] = []
        self.note = QLabel("点击柱形或扇形，查看它统计的记录。", self)
        self.note.setStyleSheet("color:#607d8b;")
        body = QWidget(self)
        self.grid = QGridLayout(body)
        self.grid.setSpacing(10)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(scroll, stretch=1)

    def count(self, period: Period, scope: Scope) -> None:
        from . import chart_views   # QtCharts: loaded the first time the charts are shown

        self.data = charts(self.tab.db, period, scope)
        for view in self.views:
            self.grid.removeWidget(view)
            view.deleteLater()
        self.views = chart_views.chart_views(self.data, self._open, self)
        for index, view in enumerate(self.views):
            if index == 0:
                self.grid.addWidget(view, 0, 0, 1, 2)
            else:
                self.grid.addWidget(view, 1 + (index - 1) // 2, (index - 1) % 2)

    def _open(self, bar) -> None:
        self.tab.open_records(bar.figure, bar.dimension, bar.group, group_label=bar.label)
