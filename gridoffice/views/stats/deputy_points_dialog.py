"""One deputy's points for a year: each item (how many, how many points, by which rule) and every line
("5月6日 联络站接待日值班 5分"), each opening the record it came from."""
from PySide6.QtWidgets import (QHeaderView, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.models.stats_model import ColumnsTableModel, text_columns
from gridoffice.services.stats.points import DeputyPoints, ItemSummary, PointLine, deputy_points, points_text
from gridoffice.widgets.base_dialog import BaseDialog

from .opening import open_record
from .tables import read_only_table


class DeputyPointsDialog(BaseDialog):
    def __init__(self, db: Database, clock: Clock, deputy_id: int, year: int, parent: QWidget | None = None):
        super().__init__(parent, settings_key="stats_deputy_points", title="积分明细", default_size=(1000, 680))
        self.db, self.clock, self.deputy_id, self.year = db, clock, deputy_id, year
        self.changed = False
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 14px;")
        self.items_model = ColumnsTableModel(self)
        self.items_model.set_columns(text_columns(("项目", "计分标准", "次数", "得分"), self._item_cell, numeric=[2, 3]))
        self.lines_model = ColumnsTableModel(self)
        self.lines_model.set_columns(text_columns(("日期", "项目", "得分", "记录", "说明"), self._line_cell, numeric=[2],
                                                  stretch=4))
        self.items = read_only_table(self, self.items_model, fit=True)
        self.items.horizontalHeader().setStretchLastSection(False)
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lines = read_only_table(self, self.lines_model, fit=True)
        self.lines.doubleClicked.connect(lambda index: self.open_line(index.row()))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.items)
        splitter.addWidget(self.lines)
        splitter.setStretchFactor(1, 2)
        adjust = QPushButton("加减分(&J)…", self)
        adjust.clicked.connect(self.adjust)
        print_file = QPushButton("打印履职档案…", self)
        print_file.clicked.connect(self.print_file)
        close = QPushButton("关闭", self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("双击一行打开它所依据的记录。", self))
        buttons.addStretch(1)
        for button in (adjust, print_file, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, stretch=1)
        layout.addLayout(buttons)
        self.reload()

    @staticmethod
    def _item_cell(item: ItemSummary, index: int) -> str:
        return (item.label, item.rule, str(item.count), points_text(item.points))[index]

    @staticmethod
    def _line_cell(line: PointLine, index: int) -> str:
        return (f"{line.on.month}月{line.on.day}日", line.label, points_text(line.points), line.text, line.note)[index]

    def reload(self) -> None:
        self.detail: DeputyPoints = deputy_points(self.db, self.deputy_id, self.year, today=self.clock.today())
        score = self.detail.score
        self.setWindowTitle(f"{score.name} {self.year}年积分明细")
        parts = [f"<b>{score.name}</b>（{score.station or '未进站'}）{self.year}年：履职得分 {points_text(score.period_points)} 分"
                 f"（其中加减分 {points_text(score.adjustments)}），基础分 {points_text(score.base)}"]
        if score.minimums:
            parts.append(f"底线要求扣分 {points_text(score.minimums)}（{'、'.join(score.unmet)}）")
        elif score.unmet:
            parts.append(f"尚未达到底线要求：{'、'.join(score.unmet)}")
        parts.append(f"全年总分 <b>{points_text(score.total)}</b> 分，等级：{score.grade}")
        quarters = "，".join(f"{q}季度 {points_text(v)}" for q, v in zip("一二三四", score.quarters))
        self.summary.setText("；".join(parts) + f"。<br>各季度：{quarters}。按{self.detail.rules.describe()}计分。")
        self.items_model.set_rows(self.detail.items)
        self.lines_model.set_rows(self.detail.lines)

    def open_line(self, row: int) -> None:
        line: PointLine = self.lines_model.row_at(row)
        if line.ref_kind and line.ref_id is not None:
            if open_record(self, self.db, self.clock, line.ref_kind, line.ref_id):
                self.changed = True
                self.reload()

    def adjust(self) -> None:
        from .adjustments_dialog import AdjustmentFormDialog

        if AdjustmentFormDialog(self.db, self.clock, self.year, self, deputy_id=self.deputy_id).exec():
            self.changed = True
            self.reload()

    def print_file(self) -> None:
        from .printing import preview_deputy_file

        preview_deputy_file(self, self.db, self.clock, self.deputy_id, self.detail.score.name, self.year)
