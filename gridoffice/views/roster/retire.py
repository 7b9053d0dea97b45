"""代表离任: the leaving date, and who takes over each grid and open opinion of the deputy."""
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.services.common.lookups import deputy_choices
from gridoffice.services.roster.deputies import DeputyActionError, handover_items, retire_deputy
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import date_edit, from_qdate
from gridoffice.widgets.form import ok_cancel_buttons


class RetireDialog(BaseDialog):
    """Hand-over tables (a successor combo on each row) and a one-click 全部交给这位代表."""

    def __init__(self, db: Database, clock: Clock, deputy_id: int, parent: QWidget | None = None):
        super().__init__(parent, settings_key="retire", title="代表离任", default_size=(900, 600))
        self.db = db
        self.clock = clock
        self.deputy_id = deputy_id
        handover = handover_items(db, deputy_id)
        self.deputy_name, self.grids, self.opinions = handover.deputy_name, handover.grids, handover.opinions
        self.successors = [c for c in deputy_choices(db) if c.id != deputy_id]
        self._init_widgets()

    def _successor_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem("不移交（仍记在原代表名下）", None)
        for choice in self.successors:
            combo.addItem(choice.label, choice.id)
        return combo

    def _init_widgets(self) -> None:
        intro = QLabel(f"<b>{self.deputy_name}</b> 离任后不再出现在默认名册、接待排班和选择代表的列表中，"
                       "记录仍然保留。请把所联系的网格和未办结的民情意见交给其他在任代表。", self)
        intro.setWordWrap(True)
        today = self.clock.today()
        self.date_edit = date_edit(self, today, latest=today)
        date_row = QHBoxLayout()
        date_row.addWidget(QLabel("离任日期：", self))
        date_row.addWidget(self.date_edit)
        date_row.addStretch(1)

        self.all_combo = self._successor_combo()
        self.all_combo.setItemText(0, "（请选择）")
        apply_all = QPushButton("全部交给这位代表", self)
        apply_all.clicked.connect(self._apply_to_all)
        all_row = QHBoxLayout()
        all_row.addWidget(QLabel("一键移交：", self))
        all_row.addWidget(self.all_combo, stretch=1)
        all_row.addWidget(apply_all)

        self.grid_table = self._table(["网格编号", "网格名称", "该网格其他在任代表", "交给"],
                                      [[g.code, g.name, g.other_deputies or "（无，移交后才有代表）"] for g in self.grids])
        self.opinion_table = self._table(
            ["编号", "登记日期", "类别", "状态", "内容", "交给"],
            [[o.serial, o.received_on.isoformat(), o.category, o.status, o.content.replace("\n", " ")]
             for o in self.opinions])
        self.grid_combos = self._add_combos(self.grid_table)
        self.opinion_combos = self._add_combos(self.opinion_table)
        grids_box = QGroupBox(f"所联系的网格（{len(self.grids)} 个）", self)
        QVBoxLayout(grids_box).addWidget(self.grid_table if self.grids else QLabel("没有网格需要移交。", self))
        opinions_box = QGroupBox(f"未办结的民情意见（{len(self.opinions)} 件）", self)
        QVBoxLayout(opinions_box).addWidget(self.opinion_table if self.opinions else QLabel("没有未办结的民情意见。", self))
        self.grid_table.setVisible(bool(self.grids))
        self.opinion_table.setVisible(bool(self.opinions))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(date_row)
        if self.grids or self.opinions:
            layout.addLayout(all_row)
        layout.addWidget(grids_box, stretch=1)
        layout.addWidget(opinions_box, stretch=1)
        layout.addWidget(ok_cancel_buttons(self, "确认离任"))

    def _table(self, headers: list[str], rows: list[list[str]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(len(headers) - 1, 300)
        return table

    def _add_combos(self, table: QTableWidget) -> list[QComboBox]:
        combos = []
        for row in range(table.rowCount()):
            combo = self._successor_combo()
            table.setCellWidget(row, table.columnCount() - 1, combo)
            combos.append(combo)
        return combos

    def _apply_to_all(self) -> None:
        successor = self.all_combo.currentData()
        if successor is None:
            return
        for combo in self.grid_combos + self.opinion_combos:
            combo.setCurrentIndex(combo.findData(successor))

    def choose(self, *, grid_successors: dict[int, int] | None = None,
               opinion_successors: dict[int, int] | None = None) -> None:
        """Set the successor combos (used by tests and by 一键移交)."""
        for items, combos, mapping in ((self.grids, self.grid_combos, grid_successors or {}),
                                       (self.opinions, self.opinion_combos, opinion_successors or {})):
            for item, combo in zip(items, combos):
                if item.id in mapping:
                    combo.setCurrentIndex(combo.findData(mapping[item.id]))

    def accept(self) -> None:
        grid_successors = {g.id: c.currentData() for g, c in zip(self.grids, self.grid_combos)}
        opinion_successors = {o.id: c.currentData() for o, c in zip(self.opinions, self.opinion_combos)}
        left_behind = sum(1 for v in (*grid_successors.values(), *opinion_successors.values()) if v is None)
        if left_behind and QMessageBox.question(
                self, "确认离任", f"还有 {left_behind} 项没有选择接手的代表，它们将仍记在{self.deputy_name}名下。"
                "确定继续吗？") != QMessageBox.StandardButton.Yes:
            return
        try:
            dropped = retire_deputy(self.db, self.deputy_id, on=from_qdate(self.date_edit.date()),
                                    today=self.clock.today(), grid_successors=grid_successors,
                                    opinion_successors=opinion_successors)
        except DeputyActionError as error:
            QMessageBox.warning(self, "无法离任", str(error))
            return
        if dropped:
            QMessageBox.information(self, "请补排接待日值班", f"{self.deputy_name}已从以下接待日的值班名单中去掉，"
                                    "请在“接待日历”中另行安排代表：\n\n" + "\n".join(dropped))
        super().accept()
