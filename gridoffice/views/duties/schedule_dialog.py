"""排班: a duty kind, from which month, for how many months → the rota to look at (who, when,
each person's count, warnings), then saved or not."""
import datetime as dt

from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.domain.dates import weekday_name
from gridoffice.services.common.lookups import duty_kind_choices
from gridoffice.services.duties.schedule import Rota, generate_rota, rota_period, save_rota
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qdate, month_edit


class ScheduleDialog(BaseDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *, first_month: dt.date,
                 kind_id: int | None = None):
        super().__init__(parent, settings_key="duty_schedule", title="值守排班", default_size=(900, 620))
        self.db = db
        self.rota: Rota | None = None
        self.saved = None
        self.kind = QComboBox(self)
        for kind in duty_kind_choices(db):
            self.kind.addItem(kind.name, kind.id)
        self.kind.setCurrentIndex(max(self.kind.findData(kind_id), 0))
        self.month = month_edit(self, first_month)
        self.months = QSpinBox(self)
        self.months.setRange(1, 24)
        self.months.setValue(1)
        self.months.setSuffix(" 个月")
        preview = QPushButton("预览排班", self)
        preview.clicked.connect(self.preview)
        top = QHBoxLayout()
        for widget in (QLabel("值守类型", self), self.kind, QLabel("从", self), self.month, QLabel("排", self),
                       self.months, preview):
            top.addWidget(widget)
        top.addStretch(1)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(("日期", "星期", "时间", "岗位", "值守人员"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("保存排班")
        self.save_button.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("关闭")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.preview()

    def preview(self) -> None:
        if self.kind.currentData() is None:
            self.summary.setText("还没有值守类型。")
            return
        start, end = rota_period(from_qdate(self.month.date()), self.months.value())
        self.rota = rota = generate_rota(self.db, self.kind.currentData(), start, end)
        self.table.setRowCount(len(rota.shifts))
        for row, shift in enumerate(rota.shifts):
            cells = (f"{shift.date:%Y-%m-%d}", weekday_name(shift.date),
                     f"{shift.start_time:%H:%M}-{shift.end_time:%H:%M}", shift.duty_name,
                     "、".join(rota.label(k) for k in shift.member_keys) or "（无人可排）")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        counts = "；".join(f"{rota.duty_names[d]}：每人 {min(c.values())}–{max(c.values())} 次"
                          for d, c in rota.counts.items() if c)
        warnings = "".join(f"<br><span style='color:#b26a00'>注意：{w}</span>" for w in rota.warnings[:6])
        more = f"<br>……另有 {len(rota.warnings) - 6} 条提示" if len(rota.warnings) > 6 else ""
        self.summary.setText(f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d}，共 {len(rota.shifts)} 次值守。{counts}"
                             f"<br>保存会替换期间内计划中的值守，已完成、未到岗和已取消的保持不变（保留 {rota.kept} 次）。"
                             f"{warnings}{more}")
        self.save_button.setEnabled(bool(rota.shifts))

    def accept(self) -> None:
        if self.rota is None:
            return
        self.saved = save_rota(self.db, self.rota)
        super().accept()
