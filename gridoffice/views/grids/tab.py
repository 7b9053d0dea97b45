"""网格列表 tab: grids grouped by community, the live 两个全覆盖 panel, and the grid map.

    ┌ search · community ─────────────┬ map tools ───────────────┐
    │ grids (grouped by community)    │                          │
    │ buttons                         │  map                     │
    ├─────────────────────────────────┤                          │
    │ coverage: rates and three lists │  legend                  │
    └─────────────────────────────────┴──────────────────────────┘
"""
from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.models.grid_model import GridTableModel, TintDelegate
from gridoffice.paths import preview_file
from gridoffice.services.grids.editing import serving_deputy_ids, set_grid_deputies
from gridoffice.services.grids.excel import export_grids
from gridoffice.services.grids.rows import CommunityRow, GridRow, grids_overview, list_grids
from gridoffice.services.grids.values import GridInputError
from gridoffice.widgets.exports import export_to_workbook
from gridoffice.widgets.list_tab import ListTab
from gridoffice.widgets.ui_settings import ui_settings

from gridoffice.views.grids.coverage_panel import CoveragePanel
from gridoffice.views.grids.map_panel import GridMapPanel

ALL_COMMUNITIES = "全部社区"


class GridsTab(ListTab):
    title = "网格列表"
    settings_key = "grids"
    help_page = "grids"
    search_hint = "搜索网格编号、名称、网格员、代表…"
    can_create = True
    households_requested = Signal(int)   # a grid's households, one by one (the 重点户 tab shows them)

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        self._communities: list[CommunityRow] = []
        self._areas = []
        super().__init__(db, clock, GridTableModel(), list_grids, parent)   # reload() reads more: the overview
        self.table.setItemDelegate(TintDelegate(self.table))
        self.table.setSelectionMode(self.table.SelectionMode.ExtendedSelection)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_row_menu)
        self.row_activated.connect(lambda row: self.edit_grid(row.id))
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved):
            signal.connect(self._group_by_community)
        self._actions = self._create_actions()

    # --- building -----------------------------------------------------------------------
    def _init_widgets(self) -> None:
        super()._init_widgets()
        self.community_box = QComboBox(self)
        self.community_box.setMinimumWidth(120)
        self.community_box.setToolTip("只看一个社区的网格和地图")
        self.community_box.currentIndexChanged.connect(self._on_community_changed)
        self.toolbar.addWidget(self.community_box)
        self.coverage = CoveragePanel(self)
        self.coverage.grid_chosen.connect(lambda grid_id: self.select_grid(grid_id, open_editor=True))
        self.coverage.deputy_chosen.connect(self.edit_deputy_grids)
        self.map_panel = GridMapPanel(self.db, self.clock, self)
        self.map_panel.grid_clicked.connect(self.select_grid)
        self.map_panel.data_changed.connect(self.reload)
        self.status_label = QLabel(self)

    def _init_layout(self) -> None:
        self.toolbar.addWidget(self.count_label)
        list_side = QWidget(self)
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(4)
        list_layout.addLayout(self.toolbar)
        list_layout.addWidget(self.table, stretch=1)
        list_layout.addLayout(self._button_row())
        self.left_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.left_splitter.addWidget(list_side)
        self.left_splitter.addWidget(self.coverage)
        self.left_splitter.setStretchFactor(0, 3)
        self.left_splitter.setStretchFactor(1, 1)
        self.left_splitter.setSizes([430, 170])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.left_splitter)
        self.splitter.addWidget(self.map_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([800, 540])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.splitter)

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        for text, slot, tip in (("新建网格", self.new_record, "Ctrl+N"),
                                ("编辑", self.edit_current, "编辑选中的网格（也可双击）"),
                                ("联系代表…", self.edit_current_deputies, "为选中的网格选择联系代表"),
                                ("代表的网格…", self.choose_deputy_for_grids, "先选一名代表，再勾选他联系的网格"),
                                ("重点户台账", self.show_households, "选中网格的重点户：逐户登记、必访事由和走访"),
                                ("重点户户数…", self.edit_households, "五类十色：类别和各网格户数（未逐户登记的部分）")):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
        self.more_button = QPushButton("更多", self)
        self.more_button.setToolTip("社区、Excel 导入导出、GeoJSON、打印")
        row.addWidget(self.more_button)
        row.addStretch(1)
        return row

    def _create_actions(self) -> dict[str, list[QAction]]:
        action = self.make_action
        actions = {
            "文件": [action("导入网格（Excel）…", self.import_excel, "按网格编号新增或更新网格，有错则整个文件不导入"),
                   action("导出网格（Excel）…", self.export_excel),
                   action("导入网格范围（GeoJSON）…", self.map_panel.import_geojson, "为一个社区导入网格的多边形范围")],
            "编辑": [action("新建社区…", self.new_community), action("编辑社区…", self.edit_community),
                   action("代表的网格…", self.choose_deputy_for_grids),
                   action("重点户（五类十色）…", self.edit_households),
                   action("重点户台账", self.show_households, "选中网格的重点户：逐户登记、必访事由和走访")],
            "打印": [action("网格责任表…", self.print_duty_table, "每个社区：网格、网格员、联系代表（电话隐去中间四位）"),
                   action("两个全覆盖情况汇总…", self.print_coverage),
                   action("网格地图…", self.map_panel.print_map)],
        }
        more = QMenu(self)
        for group in ("编辑", "文件", "打印"):
            more.addActions(actions[group][:2] if group == "编辑" else actions[group])
            more.addSeparator()
        self.more_button.setMenu(more)
        return actions

    def minimumSizeHint(self) -> QSize:
        # the two sides' buttons add up to more than a small window: let the window shrink anyway
        return QSize(400, 300)

    # --- TabPage --------------------------------------------------------------------------
    def menu_actions(self) -> dict[str, list[QAction]]:
        return self._actions

    def status_widgets(self) -> list[QWidget]:
        return [self.status_label]

    def reload(self) -> None:
        selected = self.current_row()
        overview = grids_overview(self.db)
        self._communities, self._areas = overview.communities, overview.areas
        report = overview.coverage
        self.model.set_rows(overview.rows)
        self._fill_community_box()
        self.coverage.set_report(report)
        self.status_label.setText(f"两个全覆盖：网格 {report.grid_rate} · 代表 {report.deputy_rate}")
        self._show_map()
        self._update_count()
        if selected is not None:
            self.select_grid(selected.id)

    def empty_state_content(self):
        return ("还没有网格", "这里是各社区的网格：编号、名称、网格员、户数和联系代表，以及“两个全覆盖”（每名代表进网格、"
                "每个网格有代表）的情况。可以逐个新建，也可以导入街道的网格 Excel 表。",
                [("新建网格…", self.new_record), ("新建社区…", self.new_community), ("导入网格（Excel）…", self.import_excel)])

    def delete_row(self, row: GridRow) -> bool:
        """Delete: the editor's 删除网格…, with its question."""
        from gridoffice.views.grids.editor import confirm_delete_grid

        return confirm_delete_grid(self, self.db, row.id, row.code)

    def new_record(self) -> None:
        from gridoffice.views.grids.editor import GridEditorDialog

        dialog = GridEditorDialog(self.db, None, self, community_id=self.community_box.currentData())
        if dialog.exec():
            self.reload()
            self.select_grid(dialog.grid_id)

    def restore_state(self) -> None:
        super().restore_state()
        settings = ui_settings()
        for key, splitter in (("splitter", self.splitter), ("left_splitter", self.left_splitter)):
            state = settings.value(f"tabs/grids/{key}")
            if state is not None:
                splitter.restoreState(state)
        self.map_panel.set_mode(str(settings.value("tabs/grids/map_colour", "")))

    def save_state(self) -> None:
        super().save_state()
        settings = ui_settings()
        settings.setValue("tabs/grids/splitter", self.splitter.saveState())
        settings.setValue("tabs/grids/left_splitter", self.left_splitter.saveState())
        settings.setValue("tabs/grids/map_colour", self.map_panel.mode)

    # --- communities and the map -----------------------------------------------------------------
    def _fill_community_box(self) -> None:
        chosen = self.community_box.currentData()
        self.community_box.blockSignals(True)
        self.community_box.clear()
        self.community_box.addItem(ALL_COMMUNITIES, None)
        for community in self._communities:
            self.community_box.addItem(f"{community.name}（{community.grid_count}）", community.id)
        self.community_box.setCurrentIndex(max(self.community_box.findData(chosen), 0))
        self.community_box.blockSignals(False)
        self._apply_community_filter()

    def current_community(self) -> CommunityRow | None:
        chosen = self.community_box.currentData()
        return next((c for c in self._communities if c.id == chosen), None)

    def _on_community_changed(self, _index: int) -> None:
        self._apply_community_filter()
        self._show_map()

    def _apply_community_filter(self) -> None:
        chosen = self.community_box.currentData()
        self.proxy.set_extra_filter(None if chosen is None else (lambda row: row.community_id == chosen))

    def _show_map(self) -> None:
        community = self.current_community()
        rows = [self.model.row_at(r) for r in range(self.model.rowCount())]
        if community is not None:
            rows = [row for row in rows if row.community_id == community.id]
        areas = [a for a in self._areas if community is None or a.community_id == community.id]
        self.map_panel.show_data(community, self._communities, rows, areas)
        current = self.current_row()
        self.map_panel.select_grid(current)

    def _group_by_community(self, *_args) -> None:
        """Merge the community cells of neighbouring rows: the table reads as groups."""
        self.table.clearSpans()
        column = self.model.column_index("community")
        if self.table.isColumnHidden(column):
            return
        count = self.proxy.rowCount()
        start, previous = 0, None
        for row in range(count + 1):
            community = self.proxy.source_row(row).community_id if row < count else None
            if row == count or community != previous:
                if previous is not None and row - start > 1:
                    self.table.setSpan(start, column, row - start, 1)
                start, previous = row, community

    # --- selection --------------------------------------------------------------------------------
    def current_row(self) -> GridRow | None:
        index = self.table.currentIndex()
        return self.proxy.source_row(index.row()) if index.isValid() else None

    def selected_rows(self) -> list[GridRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.proxy.source_row(r) for r in rows] or ([self.current_row()] if self.current_row() else [])

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.map_panel.select_grid(self.proxy.source_row(current.row()) if current.isValid() else None)

    def select_grid(self, grid_id: int | None, *, open_editor: bool = False) -> None:
        """Select a grid in the list (clearing a search or community filter that hides it)."""
        source = self.model.row_of_grid(grid_id) if grid_id is not None else None
        if source is None:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(source, 1))
        if not proxy_index.isValid():
            self.search_box.clear()
            row = self.model.row_at(source)
            if self.community_box.currentData() not in (None, row.community_id):
                self.community_box.setCurrentIndex(self.community_box.findData(row.community_id))
            proxy_index = self.proxy.mapFromSource(self.model.index(source, 1))
        self.table.setCurrentIndex(proxy_index)
        self.table.selectRow(proxy_index.row())
        self.table.scrollTo(proxy_index)
        if open_editor:
            self.edit_grid(grid_id)

    # --- editing -------------------------------------------------------------------------------------
    def edit_grid(self, grid_id: int) -> None:
        from gridoffice.views.grids.editor import GridEditorDialog

        dialog = GridEditorDialog(self.db, grid_id, self)
        if dialog.exec():
            self.reload()
            if not dialog.deleted:
                self.select_grid(grid_id)

    def edit_current(self) -> None:
        row = self.current_row()
        if row is None:
            QMessageBox.information(self, "编辑网格", "请先在列表中选中一个网格。")
            return
        self.edit_grid(row.id)

    def edit_current_deputies(self) -> None:
        from gridoffice.widgets.deputy_picker import pick_deputies

        row = self.current_row()
        if row is None:
            QMessageBox.information(self, "联系代表", "请先在列表中选中一个网格。")
            return
        current = serving_deputy_ids(self.db, row.id)
        chosen = pick_deputies(self.db, self, title=f"{row.code} {row.name} 的联系代表", selected=current)
        if chosen is None:
            return
        try:
            set_grid_deputies(self.db, row.id, chosen)
        except GridInputError as error:
            QMessageBox.warning(self, "无法保存", str(error))
            return
        self.reload()

    def choose_deputy_for_grids(self) -> None:
        from gridoffice.widgets.deputy_picker import pick_deputies

        chosen = pick_deputies(self.db, self, title="选择代表，再为其分配网格", single=True)
        if chosen:
            self.edit_deputy_grids(chosen[0])

    def edit_deputy_grids(self, deputy_id: int) -> None:
        from gridoffice.views.grids.deputy_grids import DeputyGridsDialog

        if DeputyGridsDialog(self.db, deputy_id, self).exec():
            self.reload()

    def show_households(self) -> None:
        row = self.current_row()
        if row is None:
            QMessageBox.information(self, "重点户台账", "请先在列表中选中一个网格。")
            return
        self.households_requested.emit(row.id)

    def edit_households(self) -> None:
        from gridoffice.views.grids.households import HouseholdsDialog

        if HouseholdsDialog(self.db, self, community_id=self.community_box.currentData()).exec():
            self.reload()

    def new_community(self) -> None:
        from gridoffice.views.grids.community import CommunityDialog

        dialog = CommunityDialog(self.db, None, self)
        if dialog.exec():
            self.reload()
            self.community_box.setCurrentIndex(self.community_box.findData(dialog.community_id))

    def edit_community(self) -> None:
        from gridoffice.views.grids.community import CommunityDialog

        community = self.current_community()
        row = self.current_row()
        community_id = community.id if community else (row.community_id if row else None)
        if community_id is None:
            QMessageBox.information(self, "编辑社区", "请先在左上方选择一个社区，或在列表中选中它的一个网格。")
            return
        dialog = CommunityDialog(self.db, community_id, self)
        if dialog.exec():
            if dialog.deleted:
                self.community_box.setCurrentIndex(0)
            self.reload()

    def move_selected(self) -> None:
        from gridoffice.views.grids.move import move_grids_to

        rows = self.selected_rows()
        if rows and move_grids_to(self.db, self, [r.id for r in rows], [r.code for r in rows]):
            self.reload()

    def _show_row_menu(self, position) -> None:
        menu = QMenu(self)
        if self.current_row() is not None:
            menu.addAction("编辑网格…", self.edit_current)
            menu.addAction("联系代表…", self.edit_current_deputies)
            menu.addAction("重点户台账", self.show_households)
            menu.addAction("移到其他社区…", self.move_selected)
            menu.addSeparator()
        menu.addAction("新建网格…", self.new_record)
        menu.addAction("新建社区…", self.new_community)
        menu.exec(self.table.viewport().mapToGlobal(position))

    # --- files and printing ---------------------------------------------------------------------------
    def import_excel(self) -> None:
        from gridoffice.views.grids.excel_import import import_grids_from_excel

        summary = import_grids_from_excel(self.db, self)
        if summary is not None:
            self.reload()
            QMessageBox.information(self, "导入完成", summary.describe())

    def export_excel(self) -> None:
        export_to_workbook(self, "导出网格", f"网格-{self.clock.today():%Y%m%d}.xlsx", "个网格",
                           lambda path: export_grids(self.db, path))

    def print_duty_table(self) -> None:
        from gridoffice.services.grids.pdf import write_grid_duty_pdf  # ReportLab: not on the start-up path

        self._preview("网格责任表", write_grid_duty_pdf)

    def print_coverage(self) -> None:
        from gridoffice.services.grids.pdf import write_coverage_pdf

        self._preview("两个全覆盖情况汇总", write_coverage_pdf)

    def _preview(self, title: str, writer) -> None:
        from gridoffice.services.common.typography import NothingToPrintError
        from gridoffice.widgets.pdf_preview import PdfPreviewDialog

        target = preview_file(f"{title}.pdf")
        try:
            writer(self.db, target, today=self.clock.today())
        except NothingToPrintError as error:
            QMessageBox.information(self, f"没有可打印的{title}", str(error))
            return
        except OSError as error:
            QMessageBox.warning(self, "无法生成 PDF", f"生成“{title}”失败：{error}")
            return
        PdfPreviewDialog(target, title=title, suggested_name=f"{title}-{self.clock.today():%Y%m%d}.pdf", parent=self).exec()
