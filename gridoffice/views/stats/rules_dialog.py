"""积分规则: a year's rule table, edited and saved as that year's own rules (earlier years keep theirs).
A table of values, so it is built in code (Designer forms are for fixed fields)."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialogButtonBox, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.domain.points import RuleSpec
from gridoffice.services.stats.points import (PointsInputError, RuleTable, RuleValue, delete_rule_table, rule_table,
                                              save_rule_table)
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ERROR_STYLE

COLUMNS = ("类别", "项目", "分值", "年度上限（分）", "底线次数 / 分数线", "说明")
NO_CAP = "不设上限"


def _points_box(parent: QWidget, value: float, deduction: bool) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setDecimals(1)
    box.setRange(-100, 0) if deduction else box.setRange(0, 100)
    box.setSingleStep(0.5)
    box.setValue(value)
    box.setSuffix(" 分")
    return box


class RulesDialog(BaseDialog):
    def __init__(self, db: Database, year: int, parent: QWidget | None = None):
        super().__init__(parent, settings_key="stats_rules", title="履职积分规则", default_size=(1100, 680))
        self.db = db
        self.saved = False
        self.year_box = QSpinBox(self)
        self.year_box.setRange(2000, 2099)
        self.year_box.setValue(year)
        self.year_box.setSuffix(" 年")
        self.year_box.valueChanged.connect(lambda _v: self.load())
        year_label = QLabel("年度(&Y)", self)
        year_label.setBuddy(self.year_box)
        self.source = QLabel(self)
        self.table = QTableWidget(self)
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        note = QLabel("每年一套规则：保存后只改变这一年（以及之后尚未单独保存规则的年份）的积分，往年的积分和排名不变。"
                      "扣分项目填 0 或负数；年度上限为 0 表示不设上限。", self)
        note.setWordWrap(True)
        note.setStyleSheet("color:#607d8b;")
        self.reset_button = QPushButton("删除本年单独的规则", self)
        self.reset_button.setToolTip("这一年改为沿用之前最近一年的规则（都没有时用默认规则）")
        self.reset_button.clicked.connect(self.reset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year_box)
        top.addSpacing(12)
        top.addWidget(self.source, stretch=1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reset_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.editors: dict[str, tuple] = {}
        self.load()

    @property
    def year(self) -> int:
        return self.year_box.value()

    def load(self) -> None:
        self.rules: RuleTable = rule_table(self.db, self.year)
        self.source.setText(f"{self.year}年：{self.rules.describe()}" + ("" if self.rules.own else
                            "（本年尚未单独保存规则；保存后，往年的积分不变）"))
        self.save_button.setText(f"保存为{self.year}年的规则")
        self.reset_button.setEnabled(self.rules.own)
        self.error.hide()
        self.table.setRowCount(len(self.rules.rules))
        self.editors.clear()
        for row, rule in enumerate(self.rules.rules):
            self._fill_row(row, rule)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)

    def _fill_row(self, row: int, rule: RuleSpec) -> None:
        for column, text in ((0, rule.group), (1, rule.label), (5, rule.note)):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(text)
            self.table.setItem(row, column, item)
        points = cap = threshold = None
        if not rule.is_grade:
            points = _points_box(self.table, rule.points, rule.group == "扣分" or rule.is_minimum)
            self.table.setCellWidget(row, 2, points)
        if not rule.is_grade and not rule.is_minimum and rule.unit and rule.points >= 0:
            cap = QDoubleSpinBox(self.table)
            cap.setRange(0, 1000)
            cap.setDecimals(0)
            cap.setSpecialValueText(NO_CAP)
            cap.setValue(rule.cap or 0)
            self.table.setCellWidget(row, 3, cap)
        if rule.is_minimum or rule.is_grade:
            threshold = QSpinBox(self.table)
            threshold.setRange(0, 1000)
            threshold.setValue(rule.threshold or 0)
            threshold.setSuffix(f" {rule.unit}" if rule.is_minimum else " 分")
            self.table.setCellWidget(row, 4, threshold)
        self.editors[rule.key] = (points, cap, threshold)

    def values(self) -> dict[str, RuleValue]:
        result = {}
        for key, (points, cap, threshold) in self.editors.items():
            result[key] = RuleValue(points.value() if points else 0, (cap.value() or None) if cap else None,
                                    threshold.value() if threshold else None)
        return result

    def save(self) -> None:
        try:
            self.rules = save_rule_table(self.db, self.year, self.values())
        except PointsInputError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.saved = True
        self.load()
        QMessageBox.information(self, "积分规则", f"已保存{self.year}年的积分规则。")

    def reset(self) -> None:
        answer = QMessageBox.question(self, "删除本年的规则",
                                      f"删除{self.year}年单独保存的规则后，这一年改为沿用之前最近一年的规则（都没有时用默认规则），"
                                      "积分会重新计算。确定吗？")
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete_rule_table(self.db, self.year)
        self.saved = True
        self.load()
