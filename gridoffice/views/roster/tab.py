"""代表名册 tab: filters above the table, the deputy form, retiring, Excel in and out, printing.

The dialogs are imported when they open (views/roster/*.py, one module each).
"""
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QMenu, QMessageBox, QPushButton, QToolButton,
                               QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.enums import DeputyLevel, DeputyStatus
from gridoffice.models.roster_model import ModelSortedProxy, RosterTableModel
from gridoffice.paths import preview_file
from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError, SheetChoiceNeeded
from gridoffice.services.common.lookups import deputy_role_choices, grid_choices, station_choices
from gridoffice.services.roster.deputies import DeputyActionError, delete_deputy, reinstate_deputy
from gridoffice.services.roster.excel import apply_import, export_deputies, read_import, write_template
from gridoffice.services.roster.rows import DeputyRow, list_deputies
from gridoffice.widgets.exports import export_to_workbook
from gridoffice.widgets.file_dialogs import ask_open_table, ask_save_xlsx
from gridoffice.widgets.list_tab import ListTab

ALL = "__all__"
NONE = "__none__"   # 未进站 / 未进网格: the gaps 两个全覆盖 asks the clerk to close


@dataclass(frozen=True)
class RosterFilter:
    """The choices of the filter bar; ALL means no restriction."""
    level: str = ALL
    station: object = ALL      # a station id, NONE or ALL
    grid: object = ALL         # a grid id, NONE or ALL
    party: str = ALL
    status: str = DeputyStatus.SERVING.value
    role: str = ALL            # a 五员 tag

    def accepts(self, row: DeputyRow) -> bool:
        if self.status != ALL and row.status != self.status:
            return False
        if self.level != ALL and self.level not in row.levels.split("、"):
            return False
        if self.station == NONE and row.station_id is not None:
            return False
        if self.station not in (ALL, NONE) and self.station not in (row.station_ids or (row.station_id,)):
            return False   # a deputy serves at the station chosen, as primary station or another site
        if self.role != ALL and self.role not in row.roles.split("、"):
            return False
        if self.grid == NONE and row.grid_ids:
            return False
        if self.grid not in (ALL, NONE) and self.grid not in row.grid_ids:
            return False
        return self.party == ALL or row.party == self.party


class RosterTab(ListTab):
    title = "代表名册"
    settings_key = "roster"
    help_page = "roster"
    search_hint = "搜索姓名、拼音或首字母（如 zlx）、手机尾号、单位、联络站、网格…"
    can_create = True
    proxy_class = ModelSortedProxy

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, RosterTableModel(), list_deputies, parent)
        self._init_filter_bar()
        self._init_actions()
        self.row_activated.connect(lambda row: self.edit_deputy(row.id))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_row_menu)
        self._apply_filter()

    # --- building -----------------------------------------------------------------------
    def _filter_combo(self, tip: str, characters: int) -> QComboBox:
        combo = QComboBox(self)
        combo.setToolTip(tip)
        # sized by a few characters, not by the longest item, so the window stays narrow enough
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(characters)
        combo.view().setMinimumWidth(combo.fontMetrics().horizontalAdvance("中") * 18)
        combo.setMaxVisibleItems(20)
        return combo

    def _init_filter_bar(self) -> None:
        self.status_filter = self._filter_combo("在任、离任或全部代表", 6)
        for text, value in (("在任代表", DeputyStatus.SERVING.value), ("离任代表", DeputyStatus.RETIRED.value),
                            ("全部（含离任）", ALL)):
            self.status_filter.addItem(text, value)
        self.level_filter = self._filter_combo("代表层级", 6)
        self.level_filter.addItem("全部层级", ALL)
        for level in DeputyLevel:
            self.level_filter.addItem(f"{level.value}人大代表", level.value)
        self.station_filter = self._filter_combo("所属联络站", 9)
        self.grid_filter = self._filter_combo("所在网格", 9)
        self.party_filter = self._filter_combo("政治面貌", 6)
        self.role_filter = self._filter_combo("五员角色：宣传员、联络员、监督员、调解员、守护员", 4)
        clear = QPushButton("清除筛选", self)
        clear.clicked.connect(self.clear_filters)
        self.columns_button = QToolButton(self)
        self.columns_button.setText("显示的列")
        self.columns_button.setToolTip("选择表格中显示哪些列（也可以在表头上点右键）")
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_menu = QMenu(self.columns_button)
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        self.columns_button.setMenu(self.columns_menu)
        self.new_button = QPushButton("新增代表", self)
        self.new_button.clicked.connect(self.new_record)
        self.retire_button = QPushButton("离任…", self)
        self.retire_button.clicked.connect(lambda: self._with_selected(self.retire_deputy))
        row = QHBoxLayout()
        for combo, stretch in zip(self._filter_combos()[:5], (2, 2, 4, 4, 2)):
            combo.currentIndexChanged.connect(self._apply_filter)
            combo.setMaximumWidth(combo.fontMetrics().horizontalAdvance("中") * (10 + 2 * stretch))
            row.addWidget(combo, stretch=stretch)
        row.addWidget(clear)
        row.addStretch(1)
        # the role filter sits beside the search box, which gives way on a narrow window
        self.role_filter.currentIndexChanged.connect(self._apply_filter)
        self.role_filter.setMaximumWidth(self.role_filter.fontMetrics().horizontalAdvance("中") * 9)
        self.toolbar.insertWidget(1, self.role_filter)
        for widget in (self.columns_button, self.new_button, self.retire_button):
            self.toolbar.addWidget(widget)
        self.layout().insertLayout(1, row)

    def _init_actions(self) -> None:
        action = self.make_action
        self.import_action = action("导入代表名册…", self.import_file,
                                    "从 Excel、WPS、.ods 或 CSV 文件导入代表：先列出将做的事，确认后才写入")
        self.export_action = action("导出代表名册…", self.export_file, "把代表名册导出为 Excel")
        self.template_action = action("保存导入模板…", self.save_template, "保存一个带表头的空白 Excel 模板")
        self.print_roster_action = action("代表名册（按当前筛选）…", self.print_current, "A4 横向的代表名册表格")
        self.print_board_action = action("代表信息公示牌…", self.print_board, "每位在任代表一张卡片，用于联络站上墙公示")
        self.roles_action = action("代表角色（五员）…", self.edit_roles, "宣传员、联络员、监督员、调解员、守护员：可增删改名")

    def menu_actions(self) -> dict[str, list[QAction]]:
        return {"文件": [self.import_action, self.export_action, self.template_action],
                "打印": [self.print_roster_action, self.print_board_action], "工具": [self.roles_action]}

    def edit_roles(self) -> None:
        """The office's list of role tags; a tag removed stays on the deputies who have it."""
        from PySide6.QtWidgets import QInputDialog

        from gridoffice.domain.errors import FieldError
        from gridoffice.services.roster.sites import save_role_choices

        text, ok = QInputDialog.getText(self, "代表角色（五员）", "代表可勾选的角色，用顿号分隔：",
                                        text="、".join(deputy_role_choices(self.db)))
        if not ok:
            return
        try:
            save_role_choices(self.db, [part for part in text.replace("，", "、").replace(",", "、").split("、")])
        except FieldError as error:
            QMessageBox.warning(self, "无法保存", str(error))
            return
        self._refill_filter_choices()

    # --- data and filters ------------------------------------------------------------------
    def reload(self) -> None:
        # not ListTab.reload, which hands its loader a session: list_deputies opens its own
        self.model.set_rows(list_deputies(self.db))
        self._update_count()
        self._refill_filter_choices()

    def _refill_filter_choices(self) -> None:
        parties = sorted({self.model.row_at(r).party for r in range(self.model.rowCount())} - {""})
        self._refill(self.station_filter, "全部联络站",
                     [("（未进站）", NONE)] + [(s.name, s.id) for s in station_choices(self.db)])
        self._refill(self.grid_filter, "全部网格",
                     [("（未进网格）", NONE)] + [(g.label, g.id) for g in grid_choices(self.db)])
        self._refill(self.party_filter, "全部政治面貌", [(party, party) for party in parties])
        self._refill(self.role_filter, "全部角色", [(role, role) for role in deputy_role_choices(self.db)])
        self._apply_filter()

    @staticmethod
    def _refill(combo: QComboBox, all_text: str, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, ALL)
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def current_filter(self) -> RosterFilter:
        return RosterFilter(level=self.level_filter.currentData() or ALL, station=self.station_filter.currentData() or ALL,
                            grid=self.grid_filter.currentData() or ALL, party=self.party_filter.currentData() or ALL,
                            status=self.status_filter.currentData() or ALL, role=self.role_filter.currentData() or ALL)

    def _apply_filter(self, *_args) -> None:
        # decided once per change of the filter bar, so typing in the search box costs a set lookup a row
        choice = self.current_filter()
        accepted = {row.id for row in map(self.model.row_at, range(self.model.rowCount())) if choice.accepts(row)}
        self.proxy.set_extra_filter(None if choice == RosterFilter(status=ALL) else lambda row: row.id in accepted)
        self._update_count()

    def _filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.status_filter, self.level_filter, self.station_filter, self.grid_filter, self.party_filter,
                self.role_filter)

    def clear_filters(self) -> None:
        for combo in self._filter_combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_box.clear()
        self._apply_filter()

    def filter_note(self) -> str:
        """The filters in words, for the title of a printout: 在任代表，区人大代表，搜索“zlx”."""
        parts = [combo.currentText() for combo in self._filter_combos()
                 if combo is self.status_filter or combo.currentData() != ALL]
        if self.search_box.text().strip():
            parts.append(f"搜索“{self.search_box.text().strip()}”")
        return "，".join(parts)

    def _fill_columns_menu(self) -> None:
        self.columns_menu.clear()
        for index, column in enumerate(self.model.COLUMNS):
            item = self.columns_menu.addAction(column.header)
            item.setCheckable(True)
            item.setChecked(not self.table.isColumnHidden(index))
            item.toggled.connect(lambda shown, i=index: self.show_column(i, shown))

    # --- selection ----------------------------------------------------------------------------
    def selected_rows(self) -> list[DeputyRow]:
        return [self.proxy.source_row(index.row()) for index in self.table.selectionModel().selectedRows()]

    def _with_selected(self, action) -> None:
        rows = self.selected_rows()
        if not rows:
            QMessageBox.information(self, "请先选择代表", "请先在名册中点选一位代表。")
            return
        action(rows[0].id)

    def select_deputy(self, deputy_id: int) -> None:
        for proxy_row in range(self.proxy.rowCount()):
            if self.proxy.source_row(proxy_row).id == deputy_id:
                self.table.selectRow(proxy_row)
                self.table.scrollTo(self.proxy.index(proxy_row, 0))
                return

    def _show_row_menu(self, position) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        row = self.proxy.source_row(index.row())
        menu = QMenu(self)
        menu.addAction("编辑…", lambda: self.edit_deputy(row.id))
        if row.status == DeputyStatus.SERVING.value:
            menu.addAction("离任…", lambda: self.retire_deputy(row.id))
        else:
            menu.addAction("恢复在任", lambda: self.reinstate(row.id))
        menu.addAction("删除（仅限录入错误）…", lambda: self.delete(row.id))
        menu.addSeparator()
        menu.addAction("打印所选代表的公示牌…", self.print_selected_board)
        menu.exec(self.table.viewport().mapToGlobal(position))

    # --- the list's habits: what an empty roster says, Delete ---------------------------------
    def empty_state_content(self):
        return ("还没有代表", "这里是本街道的人大代表名册：姓名、层级、单位职务、所属联络站和网格。"
                "可以逐个录入，也可以导入区人大的 Excel 名册（先点“保存导入模板”看需要哪些列）。",
                [("新增代表…", self.new_record), ("从 Excel 导入…", self.import_file),
                 ("保存导入模板…", self.save_template)])

    def delete_row(self, row: DeputyRow) -> bool:
        """Delete: the 删除（仅限录入错误） of the row menu, with its question."""
        return self.delete(row.id)

    # --- changes ----------------------------------------------------------------------------------
    def _after_change(self, deputy_id: int | None = None) -> None:
        # the grid list and the reception tab show deputies too: reload every tab
        reload_all = getattr(self.window(), "reload_all", None)
        if callable(reload_all):
            reload_all()
        else:
            self.reload()
        if deputy_id is not None:
            self.select_deputy(deputy_id)

    def new_record(self) -> None:
        from .deputy_form import DeputyFormDialog

        dialog = DeputyFormDialog(self.db, self.clock, None, self)
        if dialog.exec():
            self._after_change(dialog.saved_id)

    def edit_deputy(self, deputy_id: int) -> None:
        from .deputy_form import DeputyFormDialog

        dialog = DeputyFormDialog(self.db, self.clock, deputy_id, self)
        if dialog.exec():
            self._after_change(deputy_id)

    def retire_deputy(self, deputy_id: int) -> None:
        from .retire import RetireDialog

        row = next((r for r in self.visible_rows() if r.id == deputy_id), None)
        if row is not None and row.status != DeputyStatus.SERVING.value:
            QMessageBox.information(self, "已离任", f"{row.name}已经是离任状态。")
            return
        if RetireDialog(self.db, self.clock, deputy_id, self).exec():
            self._after_change()

    def reinstate(self, deputy_id: int) -> None:
        try:
            reinstate_deputy(self.db, deputy_id)
        except DeputyActionError as error:
            QMessageBox.warning(self, "无法恢复", str(error))
            return
        self._after_change(deputy_id)

    def delete(self, deputy_id: int) -> bool:
        row = next(r for r in (self.model.row_at(i) for i in range(self.model.rowCount())) if r.id == deputy_id)
        answer = QMessageBox.question(
            self, "删除代表记录",
            f"确定删除“{row.name}”的记录吗？\n\n删除只用于录入错误的记录，删除后记入操作日志。"
            "代表不再履职时请使用“离任”，记录会保留。")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            delete_deputy(self.db, deputy_id)
        except DeputyActionError as error:
            QMessageBox.warning(self, "不能删除", str(error))
            return False
        self._after_change()
        return True

    # --- Excel ---------------------------------------------------------------------------------------
    def import_file(self) -> None:
        path = ask_open_table(self, "导入代表名册")
        if path:
            self.import_path(path)

    def import_path(self, path: Path, sheet: str | None = None) -> None:
        """Read and check the whole file, show what will happen, and write it when the clerk confirms."""
        from .import_preview import RosterImportPreview, choose_sheet

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = read_import(self.db, path, today=self.clock.today(), sheet=sheet)
        except SheetChoiceNeeded as error:
            QApplication.restoreOverrideCursor()
            chosen = choose_sheet(self, path.name, error.sheets)
            if chosen:
                self.import_path(path, chosen)
            return
        except ExcelFileError as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, "无法导入", str(error))
            return
        QApplication.restoreOverrideCursor()
        preview = RosterImportPreview(plan, self)
        if not preview.exec():
            return
        try:
            result = apply_import(self.db, plan, on_duplicate=preview.on_duplicate, possible=preview.possible_choices)
        except ExcelImportError as error:    # the preview does not let a refused file through; kept for safety
            QMessageBox.warning(self, "无法导入", str(error))
            return
        self._after_change()
        QMessageBox.information(self, "导入完成", result.describe())

    def export_file(self) -> None:
        from .export_options import ExportDialog

        shown = self.visible_rows()
        dialog = ExportDialog(len(shown), self.model.rowCount(), self)
        if not dialog.exec():
            return
        rows = [self.model.row_at(r) for r in range(self.model.rowCount())] if dialog.all_rows else shown

        def write(target: Path) -> int:
            export_deputies(target, rows, full_phone=dialog.full_phone)
            return len(rows)

        export_to_workbook(self, "导出代表名册", f"代表名册-{self.clock.today():%Y%m%d}.xlsx", "名代表", write)

    def save_template(self) -> None:
        name = ask_save_xlsx(self, "保存导入模板", "代表名册导入模板.xlsx")
        if not name:
            return
        try:
            target = write_template(name)
        except OSError as error:
            QMessageBox.warning(self, "保存失败", f"无法写入“{name}”：{error.strerror or error}")
            return
        QMessageBox.information(self, "模板已保存", f"模板已保存到：\n{target}\n\n填好后用“文件 → 导入代表名册…”导入。")

    # --- printing ------------------------------------------------------------------------------------
    def print_current(self) -> None:
        """Ctrl+P: the roster as filtered, A4 landscape."""
        from gridoffice.services.roster.pdf import write_roster_for  # ReportLab: not on the start-up path

        rows, note = self.visible_rows(), self.filter_note()
        self._preview("代表名册", lambda target: write_roster_for(self.db, target, rows, today=self.clock.today(),
                                                              filter_note=note))

    def print_board(self) -> None:
        """The wall board of the serving deputies shown (as filtered)."""
        ids = [r.id for r in self.visible_rows() if r.status == DeputyStatus.SERVING.value]
        self._print_board_of(ids)

    def print_selected_board(self) -> None:
        self._print_board_of([r.id for r in self.selected_rows() if r.status == DeputyStatus.SERVING.value])

    def _print_board_of(self, ids: list[int]) -> None:
        from gridoffice.services.roster.pdf import write_board_for  # ReportLab: not on the start-up path

        if not ids:
            QMessageBox.information(self, "没有可公示的代表", "当前没有选中或筛选出在任代表，离任代表不上公示牌。")
            return
        self._preview("代表信息公示牌", lambda target: write_board_for(self.db, target, deputy_ids=ids,
                                                                today=self.clock.today()))

    def _preview(self, title: str, build) -> None:
        from gridoffice.services.common.typography import NothingToPrintError
        from gridoffice.widgets.pdf_preview import PdfPreviewDialog

        target = preview_file(f"{title}.pdf")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            try:
                build(target)
            finally:
                QApplication.restoreOverrideCursor()
        except NothingToPrintError as error:
            QMessageBox.information(self, f"没有可打印的{title}", str(error))
            return
        except OSError as error:
            QMessageBox.warning(self, "无法生成 PDF", f"生成“{title}”失败：{error.strerror or error}")
            return
        PdfPreviewDialog(target, title=title, suggested_name=f"{title}-{self.clock.today():%Y%m%d}.pdf", parent=self).exec()
