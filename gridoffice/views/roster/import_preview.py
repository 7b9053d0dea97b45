"""Before an import writes anything: what was read and what will happen, for the clerk to confirm.

    ┌ 导入前请核对：区里发来的名册.xls ─────────────────────────────────────┐
    │ 文件 / 工作表和表头行 / 导入的列 / 未导入的列                           │
    │ 将新增 3 人，更新 0 人，跳过重复 1 人。            (or, in red: refused) │
    │ [被拒绝的行 2] [可能重复 1] [重复 1] [警告 3] [说明 1]                   │
    │ ┌ table of the chosen tab ───────────────────────────────────────────┐ │
    │ └────────────────────────────────────────────────────────────────────┘ │
    │ 复制清单                                         取消    导入 3 人    │
    └──────────────────────────────────────────────────────────────────────┘

One dialog for every import: the roster adds its duplicate tabs (skip or update the exact
duplicates; for each possible duplicate skip, update or add), the grid import
(views/grids/excel_import.py) its lists and its question (create the communities the file
names). Nothing is written here: the caller writes the plan with the choices once the
dialog is accepted.
"""
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QPushButton, QRadioButton, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from gridoffice.domain.rules import mask_phone
from gridoffice.services.common.excel_io import Reading, RowError
from gridoffice.services.roster.excel import POSSIBLE_CHOICES, SKIP, UPDATE, ImportPlan
from gridoffice.widgets.base_dialog import BaseDialog

REFUSED_STYLE = "color: #c62828; font-weight: bold;"
OUTCOME_STYLE = "color: #1b5e20; font-weight: bold;"
UNUSED_STYLE = "color: #a15c00;"
WRAPPED_ROWS = 300      # longer lists keep one line a row (measuring every row's height is slow)


class ImportPreviewDialog(BaseDialog):
    """`outcome(dialog)` says in one sentence what the import will do with the choices made so far."""

    def __init__(self, parent: QWidget | None, *, what: str, reading: Reading, refused: Sequence[RowError],
                 warnings: Sequence[RowError], total_rows: int, outcome: Callable[["ImportPreviewDialog"], str],
                 confirm_text: str = "导入"):
        super().__init__(parent, settings_key="import_preview", title=f"导入{what}：请核对", default_size=(940, 600))
        self.reading, self.refused, self.warnings = reading, list(refused), list(warnings)
        self._outcome = outcome
        self.total_rows = total_rows
        self._extra_text: list[str] = []
        self._wrapped_tables: list[QTableWidget] = []
        title = QLabel(f"<b>导入前请核对：{reading.file_name}</b>", self)
        title.setTextFormat(Qt.TextFormat.RichText)
        self.source_label = QLabel("\n".join([f"{reading.file_label}。{reading.source}",
                                              f"导入的列：{reading.columns_text()}。"]), self)
        self.source_label.setWordWrap(True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unused_label = QLabel(reading.unused_text(), self)
        self.unused_label.setWordWrap(True)
        self.unused_label.setStyleSheet(UNUSED_STYLE)
        self.unused_label.setVisible(bool(reading.unused))
        self.outcome_label = QLabel(self)
        self.outcome_label.setWordWrap(True)
        self.options = QVBoxLayout()
        self._required: list[tuple[QCheckBox, str]] = []
        self.tabs = QTabWidget(self)
        self.refused_table = self._add_problem_tab(self.refused, f"被拒绝的行（{len(self._rows(self.refused))}）",
                                                   "问题") if self.refused else None
        self.notes_table = None
        self.warnings_table = None
        self._build_buttons(confirm_text)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.source_label)
        layout.addWidget(self.unused_label)
        layout.addWidget(self.outcome_label)
        layout.addLayout(self.options)
        layout.addWidget(self.tabs, stretch=1)
        layout.addLayout(self._bottom)

    def finish(self) -> "ImportPreviewDialog":
        """Add the warning and note tabs after the caller's own tabs, and say the outcome."""
        if self.warnings:
            self.warnings_table = self._add_problem_tab(self.warnings, f"警告（{len(self.warnings)}）", "说明")
        if self.reading.notes:
            self.notes_table = self._table(["说明"], [[note] for note in self.reading.notes], wrap_last=True)
            self.tabs.addTab(self.notes_table, f"读取说明（{len(self.reading.notes)}）")
        self.tabs.setVisible(self.tabs.count() > 0)
        self.refresh()
        return self

    # --- building ----------------------------------------------------------------------------
    def _build_buttons(self, confirm_text: str) -> None:
        self.copy_button = QPushButton("复制清单", self)
        self.copy_button.setToolTip("把这里列出的全部内容复制到剪贴板，可粘贴到微信或 Word 中")
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text()))
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(confirm_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._bottom = QHBoxLayout()
        self._bottom.addWidget(self.copy_button)
        self._bottom.addStretch(1)
        self._bottom.addWidget(self.buttons)

    def _table(self, headers: list[str], rows: list[list[str]], *, wrap_last: bool = False) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(wrap_last)
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        for c in range(len(headers) - 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        if wrap_last and len(rows) <= WRAPPED_ROWS:   # long sentences wrap (rows measured when the width is known)
            self._wrapped_tables.append(table)
        return table

    def _add_problem_tab(self, errors: Sequence[RowError], label: str, last: str) -> QTableWidget:
        rows = [[str(e.row), e.column or "整行", e.cell, e.reason] for e in errors]
        table = self._table(["行", "列", "单元格", last], rows, wrap_last=True)
        for r in range(table.rowCount()):
            for c in (0, 2):
                table.item(r, c).setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(table, label)
        return table

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_rows)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_rows)

    def _fit_rows(self) -> None:
        for table in self._wrapped_tables:
            table.resizeRowsToContents()

    @staticmethod
    def _rows(errors: Sequence[RowError]) -> set[int]:
        return {e.row for e in errors}

    # --- state ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.refused:
            rows = len(self._rows(self.refused))
            self.outcome_label.setText(f"文件中共 {self.total_rows} 行数据，其中 {rows} 行被拒绝（共 {len(self.refused)} 处问题），整个文件都不能导入，"
                                       "没有写入任何数据。请在表格中改正下面列出的问题后重新导入。")
            self.outcome_label.setStyleSheet(REFUSED_STYLE)
            self.import_button.setEnabled(False)
            self.import_button.setToolTip("有被拒绝的行时不能导入")
            self.cancel_button.setText("关闭")
            self.cancel_button.setDefault(True)
        else:
            waiting = [reason for checkbox, reason in self._required if not checkbox.isChecked()]
            self.outcome_label.setText(f"文件中共 {self.total_rows} 行数据：{self._outcome(self)}"
                                       + ("".join(waiting) if waiting else "确认无误后点“导入”写入。"))
            self.outcome_label.setStyleSheet(OUTCOME_STYLE if not waiting else REFUSED_STYLE)
            self.import_button.setEnabled(not waiting)
            self.import_button.setToolTip("".join(waiting))

    def add_option(self, checkbox: QCheckBox, *, required: str = "") -> None:
        """A question for the clerk above the tabs; with `required`, the import waits until it is ticked
        and the button's tooltip says why."""
        self.options.addWidget(checkbox)
        checkbox.toggled.connect(lambda _checked: self.refresh())
        if required:
            self._required.append((checkbox, required))

    def add_list_tab(self, label: str, headers: list[str], rows: list[list[str]]) -> QTableWidget:
        """A tab listing what will be done (the grids to add, to update…)."""
        table = self._table(headers, rows)
        self.tabs.addTab(table, label)
        return table

    def add_text(self, lines: Sequence[str]) -> None:
        """Lines a caller's own tab adds to the copied list."""
        self._extra_text.extend(lines)

    def text(self) -> str:
        lines = self.reading.lines() + [self.outcome_label.text()]
        if self.refused:
            lines.append("被拒绝的行：")
            lines += [f"  {e}" for e in self.refused]
        lines += self._extra_text
        if self.warnings:
            lines.append("警告：")
            lines += [f"  {e}" for e in self.warnings]
        return "\n".join(lines)


class RosterImportPreview(ImportPreviewDialog):
    """The roster's preview: exact duplicates (one choice for all) and possible duplicates (one each)."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None):
        super().__init__(parent, what="代表名册", reading=plan.reading, refused=plan.refused, warnings=plan.warnings,
                         total_rows=len(plan.rows) + len(plan.refused_rows),
                         outcome=lambda dialog: plan.outcome(dialog.on_duplicate, dialog.possible_choices).describe(will=True))
        self.plan = plan
        self.on_duplicate = SKIP
        self.possible_choices: dict[int, str] = {p.row: SKIP for p in plan.possible}
        self.possible_table = self.duplicates_table = None
        self.possible_combos: dict[int, QComboBox] = {}
        if plan.possible and not plan.refused:
            self._add_possible_tab()
        if plan.duplicates and not plan.refused:
            self._add_duplicates_tab()
        self.finish()
        if plan.possible and not plan.refused:
            self.tabs.setCurrentWidget(self.possible_page)

    def _add_possible_tab(self) -> None:
        page = QWidget(self)
        note = QLabel("这些行的手机与名册中（或文件前面）的代表相同，但姓名不同：可能是同一人（姓名写法不同或有错字），"
                      "也可能是手机填错了。请逐行决定；默认跳过，不会悄悄添加。", page)
        note.setWordWrap(True)
        table = self._table(["行", "姓名", "手机", "情况", "处理"],
                            [[str(p.row), p.name, mask_phone(p.mobile), p.reason, ""] for p in self.plan.possible])
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(4, 330)
        table.verticalHeader().setDefaultSectionSize(32)
        for r, suspect in enumerate(self.plan.possible):
            combo = QComboBox(table)
            for option in suspect.options:
                combo.addItem(POSSIBLE_CHOICES[option], option)
            combo.currentIndexChanged.connect(lambda _i, row=suspect.row, box=combo: self._choose_possible(row, box))
            table.setCellWidget(r, 4, combo)
            self.possible_combos[suspect.row] = combo
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(note)
        layout.addWidget(table, stretch=1)
        self.possible_page, self.possible_table = page, table
        self.tabs.addTab(page, f"可能重复（{len(self.plan.possible)}）")

    def _add_duplicates_tab(self) -> None:
        page = QWidget(self)
        note = QLabel("这些行与名册或文件前面的行姓名和手机都相同。请选择：", page)
        self.skip_radio = QRadioButton("跳过重复的行", page)
        self.update_radio = QRadioButton("用文件内容更新名册中的代表（文件中没有的列保持不变）", page)
        self.skip_radio.setChecked(True)
        group = QButtonGroup(page)
        group.addButton(self.skip_radio)
        group.addButton(self.update_radio)
        self.update_radio.toggled.connect(self._choose_duplicates)
        table = self._table(["行", "姓名", "手机", "情况"],
                            [[str(d.row), d.name, mask_phone(d.mobile), d.reason] for d in self.plan.duplicates])
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        choice = QHBoxLayout()
        for widget in (note, self.skip_radio, self.update_radio):
            choice.addWidget(widget)
        choice.addStretch(1)
        layout.addLayout(choice)
        layout.addWidget(table, stretch=1)
        self.duplicates_table = table
        self.tabs.addTab(page, f"重复（{len(self.plan.duplicates)}）")

    def _choose_possible(self, row: int, combo: QComboBox) -> None:
        self.possible_choices[row] = combo.currentData()
        self.refresh()

    def _choose_duplicates(self, update: bool) -> None:
        self.on_duplicate = UPDATE if update else SKIP
        self.refresh()

    def text(self) -> str:
        return "\n".join(self.plan.summary_lines(self.on_duplicate, self.possible_choices))


def choose_sheet(parent: QWidget, file_name: str, sheets: list[str]) -> str | None:
    """Several sheets of a workbook have the header: the clerk picks one (None when cancelled)."""
    name, chosen = QInputDialog.getItem(parent, "选择工作表", f"“{file_name}”中有 {len(sheets)} 个工作表都有所需的表头。\n"
                                        "请选择要导入的工作表：", sheets, 0, False)
    return name if chosen and name else None
