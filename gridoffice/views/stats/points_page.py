"""履职积分: the ranking for the period (a year, a quarter or a month of one year), with the rule table,
the adjustments, each deputy's lines and the papers (履职档案, 季度亮分表)."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget)

from gridoffice.domain.errors import FieldError
from gridoffice.models.stats_model import ColumnsTableModel, text_columns
from gridoffice.models.table_model import SearchProxy
from gridoffice.services.stats.period import Period, Scope
from gridoffice.services.stats.points import DeputyScore, Ranking, points_text, rank_deputies
from .tables import read_only_table


def ranking_columns(ranking: Ranking) -> list:
    headers = ["名次", "代表", "联络站", "期间得分", "其中加减分"]
    if ranking.whole_year:
        headers += ["基础分", "底线扣分", "全年总分", "等级", "未达底线"]

    def cell(score: DeputyScore, index: int) -> str:
        values = [str(score.rank), score.name, score.station, points_text(score.period_points),
                  points_text(score.adjustments), points_text(score.base), points_text(score.minimums),
                  points_text(score.total), score.grade, "、".join(score.unmet)]
        return values[index]

    return text_columns(headers, cell, numeric=[0, 3, 4, 5, 6, 7], stretch=len(headers) - 1)


class PointsPage(QWidget):
    def __init__(self, tab):
        super().__init__(tab)
        self.tab = tab
        self.ranking: Ranking | None = None
        self.rules_label = QLabel(self)
        self.rules_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, tip, slot in (
                ("积分规则(&R)…", "查看和修改各年度的计分规则", self.edit_rules),
                ("加减分(&J)…", "登记加分、扣分或接待日缺岗（必须写明理由）", self.edit_adjustments),
                ("积分明细(&M)…", "选中代表的每一项得分从哪里来", self.show_detail),
                ("打印履职档案…", "选中代表这一年的履职档案（PDF 或 Word）", self.print_deputy_file)):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(QLabel("双击代表查看积分明细", self))
        self.model = ColumnsTableModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table(self, self.proxy, sortable=True)
        self.table.doubleClicked.connect(lambda _index: self.show_detail())
        layout = QVBoxLayout(self)
        layout.addWidget(self.rules_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table, stretch=1)

    def count(self, period: Period, scope: Scope) -> None:
        try:
            self.ranking = rank_deputies(self.tab.db, period, scope, today=self.tab.clock.today())
        except FieldError as error:
            self.ranking = None
            self.rules_label.setText(f"<span style='color:#b26a00'>{error}</span>")
            self.model.set_rows([])
            return
        ranking = self.ranking
        text = f"{period.label()}　{scope.name or '全部代表'}　{len(ranking.scores)} 名代表　按{ranking.rules.describe()}计分。"
        if ranking.whole_year:
            text += "全年总分含基础分和底线要求扣分。" + ("" if ranking.year_over else "年度尚未结束：底线要求暂不扣分，等级按目前得分计。")
        else:
            text += "季度、月份只计期间内的得分和加减分（各项上限按全年累计），不含基础分。"
        self.rules_label.setText(text)
        self.model.set_columns(ranking_columns(ranking))
        self.model.set_rows(ranking.scores)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def selected(self) -> DeputyScore | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.proxy.source_row(rows[0].row()) if rows else None

    def _year(self) -> int:
        return self.tab.period().start.year

    def edit_rules(self) -> None:
        from .rules_dialog import RulesDialog

        dialog = RulesDialog(self.tab.db, self._year(), self)
        dialog.exec()
        if dialog.saved:
            self.tab.recount()

    def edit_adjustments(self) -> None:
        from .adjustments_dialog import AdjustmentsDialog

        score = self.selected()
        dialog = AdjustmentsDialog(self.tab.db, self.tab.clock, self._year(), self,
                                   deputy_id=score.deputy_id if score else None)
        dialog.exec()
        if dialog.changed:
            self.tab.recount()

    def _need_deputy(self) -> DeputyScore | None:
        from PySide6.QtWidgets import QMessageBox

        score = self.selected()
        if score is None:
            QMessageBox.information(self, "履职积分", "请先在列表中选中一位代表。")
        return score

    def show_detail(self) -> None:
        from .deputy_points_dialog import DeputyPointsDialog

        score = self._need_deputy()
        if score is None:
            return
        dialog = DeputyPointsDialog(self.tab.db, self.tab.clock, score.deputy_id, self._year(), self)
        dialog.exec()
        if dialog.changed:
            self.tab.recount()

    def print_deputy_file(self) -> None:
        score = self._need_deputy()
        if score is not None:
            self.tab.papers.deputy_file(score.deputy_id, score.name, self._year())
