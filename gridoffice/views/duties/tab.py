"""网格值守 tab: the posts (网格巡查, 护学岗, 板凳议事会, 以案说法…) above, the month's shifts below; a
shift is marked done (it becomes an activity), missed or cancelled, its people changed by hand;
clashes with reception duty are shown in a banner; shifts missed are one click away."""
import datetime as dt

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton,
                               QSplitter, QTabWidget, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.enums import DutyStatus
from gridoffice.models.duty_model import DutyTableModel, ShiftTableModel
from gridoffice.paths import preview_file
from gridoffice.services.common.lookups import duty_kind_choices
from gridoffice.services.duties.plans import DutyRow, list_duties
from gridoffice.services.duties.schedule import split_keys
from gridoffice.services.duties.shifts import (ShiftInputError, ShiftRow, duty_month, mark_done, missed_shifts,
                                               set_people, set_status)
from gridoffice.widgets.list_tab import ListTab
from gridoffice.widgets.pdf_preview import PdfPreviewDialog
from gridoffice.widgets.tab_page import TabPage
from gridoffice.widgets.ui_settings import ui_settings

BANNER_STYLE = "background: #fff8e1; color: #8d4b00; border: 1px solid #ffe082; padding: 4px 8px;"
EMPTY_HINT = ("还没有值守岗位。点“新增岗位”设置每周网格巡查、上学日护学岗、每月板凳议事会等，"
              "选好代表和其他人员，再点“排班…”公平轮值。")


class DutyList(ListTab):
    title = "值守岗位"
    settings_key = "duties"
    search_hint = "搜索岗位、类型、地点…"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, DutyTableModel(), list_duties, parent)

    def reload(self) -> None:
        self.model.set_rows(self._loader(self.db))
        self._update_count()


class ShiftList(ListTab):
    title = "值守安排"
    settings_key = "duty_shifts"
    search_hint = "搜索日期、岗位、值守人员、状态…"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, ShiftTableModel(), lambda _db: [], parent)
        self.table.setSelectionMode(self.table.SelectionMode.ExtendedSelection)

    def reload(self) -> None:   # the tab hands the rows over (a month, or the shifts missed)
        self._update_count()

    def selected_rows(self) -> list[ShiftRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.proxy.source_row(r) for r in rows]


class DutiesTab(TabPage):
    title = "网格值守"
    help_page = "duties"
    settings_key = "duties_tab"
    can_create = True

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, parent)
        today = clock.today()
        self.year, self.month = today.year, today.month
        self.clashes = []
        self._init_widgets()
        self._init_layout()
        self._actions = {
            "打印": [self.make_action("值守表…", self.print_rota, "一种值守一个月的值守表（PDF）")],
            "工具": [self.make_action("值守排班…", self.schedule, "按岗位规则为一种值守排班，代表和其他人员公平轮值")],
        }

    # --- building ------------------------------------------------------------------------------------
    def _init_widgets(self) -> None:
        self.kind_box = QComboBox(self)
        self.kind_box.setToolTip("只看一种值守")
        self.kind_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.posts = DutyList(self.db, self.clock, self)
        self.posts.row_activated.connect(lambda row: self.edit_duty(row))
        self.shifts = ShiftList(self.db, self.clock, self)
        self.shifts.row_activated.connect(lambda row: self.adjust_people([row]))
        self.month_label = QLabel(self)
        self.month_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.missed_check = QCheckBox("只看漏岗（近一年未记为完成）", self)
        self.missed_check.toggled.connect(lambda _c: self.reload_shifts())
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.hint = QLabel(EMPTY_HINT, self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("background: #e3f2fd; color: #0d47a1; padding: 6px 8px;")
        self.hint.hide()
        self.missed_label = QLabel(self)
        self.missed_label.setTextFormat(Qt.TextFormat.RichText)
        self.missed_label.linkActivated.connect(lambda _link: self.show_missed())
        self.missed_label.setMinimumWidth(40)   # gives way in a narrow window (the status bar is shared)

    def _button(self, text: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _init_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("值守类型", self))
        top.addWidget(self.kind_box)
        top.addStretch(1)
        for text, slot, tip in (("新增岗位", self.new_record, "Ctrl+N"), ("编辑岗位", self.edit_current_duty, ""),
                                ("排班…", self.schedule, "按岗位规则排一个月到一年的值守"),
                                ("打印值守表…", self.print_rota, "所显示月份、所选类型的值守表")):
            top.addWidget(self._button(text, slot, tip))
        self.posts.toolbar.insertLayout(0, top)
        shift_bar = QHBoxLayout()
        for widget in (self._button("◀ 上月", lambda: self.step_month(-1)), self.month_label,
                       self._button("下月 ▶", lambda: self.step_month(1)), self._button("本月", self.go_today)):
            shift_bar.addWidget(widget)
        shift_bar.addWidget(self.missed_check)
        shift_bar.addStretch(1)
        for text, slot, tip in (("记为完成…", self.mark_done, "值守已进行：记入走访记录（有代表参加时）"),
                                ("未到岗", lambda: self.set_status(DutyStatus.MISSED.value), "记为未到岗"),
                                ("取消", lambda: self.set_status(DutyStatus.CANCELLED.value), "这次值守取消"),
                                ("调整人员…", lambda: self.adjust_people(self.shifts.selected_rows()),
                                 "换人值守（也可双击）；与接待值班冲突的会提示")):
            shift_bar.addWidget(self._button(text, slot, tip))
        self.shifts.layout().insertLayout(0, shift_bar)
        self.shifts.layout().insertWidget(1, self.banner)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.posts)
        self.splitter.addWidget(self.shifts)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.splitter)

    # --- the main list's pieces, as the main window and its tests know them from list tabs ---
    @property
    def model(self):
        return self.shifts.model

    @property
    def proxy(self):
        return self.shifts.proxy

    @property
    def table(self):
        return self.shifts.table

    @property
    def search_box(self):
        return self.shifts.search_box

    @property
    def count_label(self):
        return self.shifts.count_label

    def minimumSizeHint(self) -> QSize:
        # the bars add up to more than a small window: let the window shrink anyway (as the grid tab does)
        return QSize(400, 300)

    # --- TabPage -------------------------------------------------------------------------------------------
    def menu_actions(self) -> dict[str, list[QAction]]:
        return self._actions

    def status_widgets(self) -> list[QWidget]:
        return [self.missed_label]

    def reload(self) -> None:
        self.posts.db = self.shifts.db = self.db
        chosen = self.kind_box.currentData()
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        self.kind_box.addItem("全部类型", None)
        for kind in duty_kind_choices(self.db):
            self.kind_box.addItem(kind.name, kind.id)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(chosen), 0))
        self.kind_box.blockSignals(False)
        self.posts.reload()
        kind = self.kind_box.currentData()
        self.posts.proxy.set_extra_filter(None if kind is None else (lambda row: row.kind_id == kind))
        self.hint.setVisible(self.posts.model.rowCount() == 0)
        self.reload_shifts()

    def reload_shifts(self) -> None:
        today = self.clock.today()
        kind = self.kind_box.currentData()
        month = duty_month(self.db, self.year, self.month, today=today, kind_id=kind)
        missed = missed_shifts(self.db, today=today)
        if self.missed_check.isChecked():
            rows = [r for r in missed if kind is None or r.kind == self.kind_box.currentText()]
            self.month_label.setText("漏岗和未到岗")
        else:
            rows = month.shifts
            self.month_label.setText(f"{self.year}年{self.month}月")
        self.shifts.model.set_rows(rows)
        self.shifts._update_count()
        self.clashes = month.clashes
        if self.clashes:
            listed = "<br>".join(c.message for c in self.clashes[:5])
            more = f"<br>……共 {len(self.clashes)} 处" if len(self.clashes) > 5 else ""
            self.banner.setText(f"⚠ 与接待日值班冲突：<br>{listed}{more}")
        self.banner.setVisible(bool(self.clashes))
        color = "#c62828" if missed else "#455a64"
        self.missed_label.setText(f'<a href="missed" style="color:{color}; text-decoration:none;">'
                                  f"值守：漏岗 {len(missed)} 次</a>")

    def focus_search(self) -> None:
        self.shifts.focus_search()

    def new_record(self) -> None:
        from gridoffice.views.duties.duty_form import DutyDialog

        if DutyDialog(self.db, self, kind_id=self.kind_box.currentData()).exec():
            self.reload()

    def print_current(self) -> None:
        self.print_rota()

    def restore_state(self) -> None:
        self.posts.restore_state()
        self.shifts.restore_state()
        state = ui_settings().value("tabs/duties_tab/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def save_state(self) -> None:
        self.posts.save_state()
        self.shifts.save_state()
        ui_settings().setValue("tabs/duties_tab/splitter", self.splitter.saveState())

    # --- months -----------------------------------------------------------------------------------------------
    def step_month(self, step: int) -> None:
        index = self.year * 12 + self.month - 1 + step
        self.year, self.month = index // 12, index % 12 + 1
        self.missed_check.setChecked(False)
        self.reload_shifts()

    def go_today(self) -> None:
        today = self.clock.today()
        self.year, self.month = today.year, today.month
        self.missed_check.setChecked(False)
        self.reload_shifts()

    def show_missed(self) -> None:
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QTabWidget):
            widget = widget.parentWidget()
        if widget is not None:
            widget.setCurrentWidget(self)
        self.missed_check.setChecked(True)

    # --- posts -------------------------------------------------------------------------------------------------
    def edit_duty(self, row: DutyRow) -> None:
        from gridoffice.views.duties.duty_form import DutyDialog

        if DutyDialog(self.db, self, duty_id=row.id).exec():
            self.reload()

    def edit_current_duty(self) -> None:
        index = self.posts.table.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, "编辑岗位", "请先在上方列表中选中一个岗位。")
            return
        self.edit_duty(self.posts.proxy.source_row(index.row()))

    def schedule(self) -> None:
        from gridoffice.views.duties.schedule_dialog import ScheduleDialog

        dialog = ScheduleDialog(self.db, self, first_month=dt.date(self.year, self.month, 1),
                                kind_id=self.kind_box.currentData())
        if dialog.exec() and dialog.saved is not None:
            self.reload()
            QMessageBox.information(self, "排班已保存", f"新增 {dialog.saved.added} 次值守，替换 {dialog.saved.removed} 次原计划。")

    # --- shifts -------------------------------------------------------------------------------------------------
    def _selected(self, what: str) -> list[ShiftRow]:
        rows = self.shifts.selected_rows()
        if not rows:
            QMessageBox.information(self, what, "请先在下方列表中选中值守（可按住 Ctrl 多选）。")
        return rows

    def mark_done(self) -> None:
        rows = self._selected("记为完成")
        if not rows:
            return
        residents, ok = QInputDialog.getInt(self, "记为完成", f"选中的 {len(rows)} 次值守已进行。每次联系群众多少人？"
                                            "（有代表参加的每次记为一条走访记录）", 0, 0, 100_000)
        if not ok:
            return
        problems = []
        for row in rows:
            try:
                mark_done(self.db, row.id, today=self.clock.today(), residents=residents)
            except ShiftInputError as error:
                problems.append(f"{row.date:%m-%d} {row.duty}：{error}")
        self.reload_shifts()
        if problems:
            QMessageBox.warning(self, "部分未记录", "\n".join(problems))

    def set_status(self, status: str) -> None:
        rows = self._selected(status)
        if not rows:
            return
        note, ok = QInputDialog.getText(self, status, "说明（可不填）：")
        if not ok:
            return
        problems = []
        for row in rows:
            try:
                set_status(self.db, row.id, status, note=note)
            except ShiftInputError as error:
                problems.append(f"{row.date:%m-%d} {row.duty}：{error}")
        self.reload_shifts()
        if problems:
            QMessageBox.warning(self, "部分未修改", "\n".join(problems))

    def adjust_people(self, rows: list[ShiftRow]) -> None:
        from gridoffice.widgets.member_picker import pick_members

        if len(rows) != 1:
            QMessageBox.information(self, "调整人员", "请选中一次值守。")
            return
        row = rows[0]
        deputies, people = split_keys(row.member_keys)
        chosen = pick_members(self.db, self, title=f"{row.date:%Y-%m-%d} {row.duty} 的值守人员", deputy_ids=deputies,
                              person_ids=people)
        if chosen is None:
            return
        try:
            clashes = set_people(self.db, row.id, *chosen)
        except ShiftInputError as error:
            QMessageBox.warning(self, "不能调整", str(error))
            return
        self.reload_shifts()
        if clashes:
            QMessageBox.warning(self, "与接待值班冲突", "\n".join(c.message for c in clashes))

    def print_rota(self) -> None:
        from gridoffice.services.duties.pdf import write_rota_pdf   # ReportLab: not at start-up

        kind_id = self.kind_box.currentData()
        if kind_id is None:
            kinds = duty_kind_choices(self.db)
            names = [k.name for k in kinds]
            name, ok = QInputDialog.getItem(self, "打印值守表", "打印哪一种值守？", names, 0, False)
            if not ok:
                return
            kind_id = kinds[names.index(name)].id
        title = f"{self.year}年{self.month}月值守表"
        target = preview_file(f"{title}.pdf")
        try:
            write_rota_pdf(self.db, target, kind_id=kind_id, year=self.year, month=self.month, today=self.clock.today())
        except OSError as error:
            QMessageBox.warning(self, "无法生成 PDF", f"生成值守表失败：{error}")
            return
        PdfPreviewDialog(target, title="值守表", suggested_name=f"值守表-{self.year}{self.month:02d}.pdf", parent=self).exec()
