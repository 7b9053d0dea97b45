"""加减分: the year's manual adjustments (加分, 扣分, 接待日缺岗), each with its reason; add one (a Designer
form, ui/point_adjustment.ui) or delete one entered by mistake. Every change is in the audit log."""
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.points import AdjustmentKind
from gridoffice.models.stats_model import ColumnsTableModel, text_columns
from gridoffice.services.common.lookups import deputy_choices
from gridoffice.services.stats.points import (AdjustmentForm, AdjustmentRow, PointsInputError, add_adjustment,
                                              delete_adjustment, list_adjustments, points_text, rule_table)
from gridoffice.views.forms.ui_point_adjustment import Ui_PointAdjustmentForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qdate, to_qdate
from gridoffice.widgets.form import FormErrors, ok_cancel_buttons
from .tables import read_only_table


class AdjustmentFormDialog(BaseDialog):
    """A new adjustment for the year; `saved_id` once written."""

    def __init__(self, db: Database, clock: Clock, year: int, parent: QWidget | None = None, *,
                 deputy_id: int | None = None):
        super().__init__(parent, settings_key="stats_adjustment", title="登记加减分", default_size=(560, 420))
        self.db, self.clock = db, clock
        self.saved_id: int | None = None
        body = QWidget(self)
        self.ui = Ui_PointAdjustmentForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        ui = self.ui
        ui.deputy.setEditable(True)
        ui.deputy.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        for choice in deputy_choices(db, include_retired=True):
            ui.deputy.addItem(choice.label, choice.id)
        ui.deputy.setCurrentIndex(max(ui.deputy.findData(deputy_id), 0) if deputy_id else -1)
        today = clock.today()
        last = min(today, dt.date(year, 12, 31))
        ui.on.setDateRange(to_qdate(dt.date(year, 1, 1)), to_qdate(last))
        ui.on.setDate(to_qdate(last))
        ui.kind.addItems([kind.value for kind in AdjustmentKind])
        missed = rule_table(db, year)["missed_duty"].points
        self._missed_text = f"接待日缺岗按{year}年的规则扣 {points_text(-missed)} 分"
        ui.kind.currentTextChanged.connect(self._on_kind)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color:#607d8b;")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(body, stretch=1)
        layout.addWidget(self.hint)
        layout.addWidget(ok_cancel_buttons(self, "保存"))
        self._on_kind(ui.kind.currentText())

    def _on_kind(self, kind: str) -> None:
        missed = kind == AdjustmentKind.MISSED_DUTY
        self.ui.points.setEnabled(not missed)
        self.hint.setText(self._missed_text if missed else
                          "分数填正数：“加分”加上、“扣分”减去。理由会写进积分明细和操作日志，不能省略。")

    def form(self) -> AdjustmentForm:
        ui = self.ui
        deputy = ui.deputy.itemData(ui.deputy.findText(ui.deputy.currentText().strip())) \
            if ui.deputy.currentText().strip() else None
        return AdjustmentForm(deputy, from_qdate(ui.on.date()), ui.kind.currentText(), ui.points.value(),
                              ui.reason.toPlainText())

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.saved_id = add_adjustment(self.db, self.form(), today=self.clock.today())
        except PointsInputError as error:
            self.errors.show(error.field if error.field in self.errors.labels else "reason", str(error))
            return
        super().accept()


class AdjustmentsDialog(BaseDialog):
    def __init__(self, db: Database, clock: Clock, year: int, parent: QWidget | None = None, *,
                 deputy_id: int | None = None):
        super().__init__(parent, settings_key="stats_adjustments", title=f"{year}年加减分", default_size=(900, 520))
        self.db, self.clock, self.year, self.deputy_id = db, clock, year, deputy_id
        self.changed = False
        self.model = ColumnsTableModel(self)
        headers = ("日期", "代表", "类别", "分数", "理由")
        self.model.set_columns(text_columns(headers, self._cell, numeric=[3], stretch=4))
        self.table = read_only_table(self, self.model, fit=True)
        add = QPushButton("新增加减分(&A)…", self)
        add.clicked.connect(self.add)
        remove = QPushButton("删除所选", self)
        remove.setToolTip("删除登记错的一条（操作日志保留原来的内容）")
        remove.clicked.connect(self.remove)
        close = QPushButton("关闭", self)
        close.clicked.connect(self.accept)
        self.count = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addWidget(self.count, stretch=1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(buttons)
        self.reload()

    @staticmethod
    def _cell(row: AdjustmentRow, index: int) -> str:
        return (f"{row.on:%Y-%m-%d}", row.deputy, row.kind, points_text(row.points), row.reason)[index]

    def reload(self) -> None:
        rows = list_adjustments(self.db, self.year)
        self.model.set_rows(rows)
        self.count.setText(f"　{self.year}年共 {len(rows)} 条加减分")

    def add(self) -> None:
        dialog = AdjustmentFormDialog(self.db, self.clock, self.year, self, deputy_id=self.deputy_id)
        if dialog.exec():
            self.changed = True
            self.reload()

    def remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, "删除加减分", "请先选中一条加减分。")
            return
        row: AdjustmentRow = self.model.row_at(rows[0].row())
        answer = QMessageBox.question(self, "删除加减分", f"删除 {row.on:%Y-%m-%d} {row.deputy} 的{row.kind}"
                                      f"（{points_text(row.points)} 分，理由：{row.reason}）？操作日志会保留这条记录。")
        if answer == QMessageBox.StandardButton.Yes:
            delete_adjustment(self.db, row.id)
            self.changed = True
            self.reload()
