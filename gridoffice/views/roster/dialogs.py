"""Dialogs of the roster: the deputy form, retiring with hand-over, and the Excel import and export."""
import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialogButtonBox,
                               QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QRadioButton, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Grid, Station
from gridoffice.domain.enums import DeputyLevel
from gridoffice.domain.rules import mask_phone, parse_levels
from gridoffice.services.roster.deputies import (DeputyActionError, DeputyData, DeputyInputError, create_deputy,
                                          handover_items, load_deputy, retire_deputy, update_deputy)
from gridoffice.services.common.excel_io import RowError
from gridoffice.services.roster.photos import PhotoError, photo_path, store_photo
from gridoffice.services.roster.excel import SKIP, UPDATE, ImportPlan
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.file_dialogs import start_path
from gridoffice.widgets.form import ValidatedForm, ok_cancel_buttons
from gridoffice.services.common.lookups import deputy_choices

PARTIES = ("中共党员", "中共预备党员", "共青团员", "民革党员", "民盟盟员", "民建会员", "民进会员", "农工党党员",
           "致公党党员", "九三学社社员", "台盟盟员", "无党派人士", "群众")
ETHNICITIES = ("汉族", "壮族", "回族", "满族", "维吾尔族", "苗族", "彝族", "土家族", "藏族", "蒙古族", "侗族", "布依族",
               "瑶族", "白族", "朝鲜族", "哈尼族", "黎族", "哈萨克族", "傣族", "畲族")
PHOTO_BOX = (120, 160)
ID_ROLE = Qt.ItemDataRole.UserRole


def parse_date_text(text: str) -> dt.date | None:
    """'2025-01-08', '2025.1.8' or '2025年1月8日' → a date; '' → None. Raises ValueError."""
    text = text.strip()
    if not text:
        return None
    parts = [p for p in re.split(r"[-./年月日\s]+", text) if p]
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError("日期应写成 2025-01-08")
    return dt.date(*(int(p) for p in parts))


# --- the form ----------------------------------------------------------------------------------
class DeputyFormDialog(BaseDialog):
    """Every field of a deputy; errors are shown beside the field they belong to."""

    def __init__(self, db: Database, deputy_id: int | None = None, parent: QWidget | None = None, *,
                 today: dt.date | None = None):
        title = "新增代表" if deputy_id is None else "编辑代表信息"
        super().__init__(parent, settings_key="deputy_form", title=title, default_size=(940, 660))
        self.db = db
        self.deputy_id = deputy_id
        self.today = today or dt.date.today()
        self.saved_id: int | None = None
        self._photo_file = ""          # stored photo (relative path), "" for none
        self._new_photo: Path | None = None
        with db.session() as session:
            data = load_deputy(session, deputy_id) if deputy_id is not None else DeputyData()
            stations = list(session.exec(select(Station.id, Station.name).order_by(Station.id)))
            grids = list(session.exec(select(Grid.id, Grid.code, Grid.name).order_by(Grid.code)))
        self._init_widgets(stations, grids)
        self._init_layout()
        self._show_data(data)

    # building
    def _init_widgets(self, stations, grids) -> None:
        self.name_edit = QLineEdit(self)
        self.gender_combo = QComboBox(self)
        self.gender_combo.addItems(["", "男", "女"])
        self.ethnicity_combo = QComboBox(self)
        self.ethnicity_combo.setEditable(True)
        self.ethnicity_combo.addItems(ETHNICITIES)
        self.birth_edit = QLineEdit(self)
        self.birth_edit.setPlaceholderText("如 1975-03")
        self.party_combo = QComboBox(self)
        self.party_combo.setEditable(True)
        self.party_combo.addItems(PARTIES)
        self.level_boxes = {level.value: QCheckBox(level.value, self) for level in DeputyLevel}
        self.work_unit_edit = QLineEdit(self)
        self.post_edit = QLineEdit(self)
        self.expertise_edit = QLineEdit(self)
        self.expertise_edit.setPlaceholderText("多个专长用、分隔，如 法律、调解")
        self.mobile_edit = QLineEdit(self)
        self.mobile_edit.setPlaceholderText("11 位手机号")
        self.mobile_public_box = QCheckBox("本人同意在公示牌上公开手机号", self)
        self.office_phone_edit = QLineEdit(self)
        self.office_phone_edit.setPlaceholderText("带区号，如 0395-1234567")
        self.took_office_edit = QLineEdit(self)
        self.took_office_edit.setPlaceholderText("如 2025-01-08，可不填")
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(56)
        self.status_label = QLabel(self)
        self.station_combo = QComboBox(self)
        self.station_combo.addItem("（未进站）", None)
        for station_id, name in stations:
            self.station_combo.addItem(name, station_id)
        self.grid_search = QLineEdit(self)
        self.grid_search.setPlaceholderText("输入网格编号或名称筛选")
        self.grid_search.setClearButtonEnabled(True)
        self.grid_search.textChanged.connect(self._filter_grids)
        self.grid_list = QListWidget(self)
        for grid_id, code, name in grids:
            item = QListWidgetItem(f"{code}　{name}", self.grid_list)
            item.setData(ID_ROLE, grid_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.grid_list.itemChanged.connect(self._update_grid_summary)
        # the theme draws no box for an unchecked list item: show check boxes as on the level row
        self.grid_list.setStyleSheet(
            "QListView::indicator:unchecked { image: url(icon:/primary/checkbox_unchecked.svg); }"
            "QListView::indicator:checked { image: url(icon:/primary/checkbox_checked.svg); }")
        self.grid_summary = QLabel(self)
        self.grid_summary.setWordWrap(True)
        self.photo_label = QLabel(self)
        self.photo_label.setFixedSize(*PHOTO_BOX)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #b0bec5; background: #eceff1; color: #78909c;")
        self.photo_button = QPushButton("选择照片…", self)
        self.photo_button.clicked.connect(self._choose_photo)
        self.remove_photo_button = QPushButton("移除照片", self)
        self.remove_photo_button.clicked.connect(self._remove_photo)

    def _init_layout(self) -> None:
        levels = QWidget(self)
        level_row = QHBoxLayout(levels)
        level_row.setContentsMargins(0, 0, 0, 0)
        for box in self.level_boxes.values():
            level_row.addWidget(box)
        level_row.addStretch(1)
        mobile = QWidget(self)
        mobile_column = QVBoxLayout(mobile)
        mobile_column.setContentsMargins(0, 0, 0, 0)
        mobile_column.addWidget(self.mobile_edit)
        mobile_column.addWidget(self.mobile_public_box)

        self.left = ValidatedForm()
        for key, label, widget in (
                ("name", "姓名 *", self.name_edit), ("gender", "性别", self.gender_combo),
                ("ethnicity", "民族", self.ethnicity_combo), ("birth_month", "出生年月", self.birth_edit),
                ("party", "政治面貌", self.party_combo), ("levels", "代表层级 *", levels),
                ("work_unit", "工作单位", self.work_unit_edit), ("post", "职务", self.post_edit),
                ("expertise", "专长", self.expertise_edit), ("mobile", "手机", mobile),
                ("office_phone", "办公电话", self.office_phone_edit), ("took_office_on", "任职日期", self.took_office_edit),
                ("notes", "备注", self.notes_edit)):
            self.left.add_field(key, label, widget)

        photo = QWidget(self)
        photo_row = QHBoxLayout(photo)
        photo_row.setContentsMargins(0, 0, 0, 0)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        hint = QLabel("JPG 或 PNG，\n自动缩小后保存", self)
        hint.setStyleSheet("color: #607d8b;")
        photo_buttons.addWidget(hint)
        photo_buttons.addStretch(1)
        photo_row.addWidget(self.photo_label, alignment=Qt.AlignmentFlag.AlignTop)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)
        photo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        grids = QWidget(self)
        grid_column = QVBoxLayout(grids)
        grid_column.setContentsMargins(0, 0, 0, 0)
        grid_column.addWidget(self.grid_search)
        grid_column.addWidget(self.grid_list, stretch=1)
        grid_column.addWidget(self.grid_summary)
        self.right = ValidatedForm()
        self.right.add_field("photo", "照片", photo)
        self.right.add_field("status", "状态", self.status_label)
        self.right.add_field("station_id", "所属联络站", self.station_combo)
        self.right.add_field("grid_ids", "所在网格", grids)

        columns = QHBoxLayout()
        columns.addLayout(self.left, stretch=5)
        columns.addSpacing(16)
        columns.addLayout(self.right, stretch=4)
        note = QLabel("带 * 的必须填写。本程序不保存身份证号码。", self)
        note.setStyleSheet("color: #607d8b;")
        layout = QVBoxLayout(self)
        layout.addLayout(columns, stretch=1)
        bottom = QHBoxLayout()
        bottom.addWidget(note)
        bottom.addStretch(1)
        bottom.addWidget(ok_cancel_buttons(self, "保存"))
        layout.addLayout(bottom)

    # showing and reading
    def _show_data(self, data: DeputyData) -> None:
        self.name_edit.setText(data.name)
        self.gender_combo.setCurrentText(data.gender)
        self.ethnicity_combo.setCurrentText(data.ethnicity or ("" if self.deputy_id else "汉族"))
        self.birth_edit.setText(data.birth_month)
        self.party_combo.setCurrentText(data.party)
        chosen = set(parse_levels(data.levels)) if data.levels else set()
        for level, box in self.level_boxes.items():
            box.setChecked(level in chosen)
        self.work_unit_edit.setText(data.work_unit)
        self.post_edit.setText(data.post)
        self.expertise_edit.setText(data.expertise)
        self.mobile_edit.setText(data.mobile)
        self.mobile_public_box.setChecked(data.mobile_public)
        self.office_phone_edit.setText(data.office_phone)
        self.took_office_edit.setText(data.took_office_on.isoformat() if data.took_office_on else "")
        self.notes_edit.setPlainText(data.notes)
        self.status_label.setText(data.status if self.deputy_id else "在任（离任请在名册中选择“离任…”）")
        self.station_combo.setCurrentIndex(max(self.station_combo.findData(data.station_id), 0))
        chosen_grids = set(data.grid_ids)
        self.grid_list.blockSignals(True)
        for index in range(self.grid_list.count()):
            item = self.grid_list.item(index)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in chosen_grids else Qt.CheckState.Unchecked)
        self.grid_list.blockSignals(False)
        self._update_grid_summary()
        self._photo_file = data.photo_file
        self._show_photo(photo_path(self.db.path, data.photo_file))

    def data(self) -> DeputyData:
        """What the form holds (unchecked; the service checks it)."""
        levels = "、".join(level for level, box in self.level_boxes.items() if box.isChecked())
        return DeputyData(
            name=self.name_edit.text(), gender=self.gender_combo.currentText(),
            ethnicity=self.ethnicity_combo.currentText(), birth_month=self.birth_edit.text(),
            party=self.party_combo.currentText(), levels=levels, work_unit=self.work_unit_edit.text(),
            post=self.post_edit.text(), expertise=self.expertise_edit.text(), mobile=self.mobile_edit.text(),
            office_phone=self.office_phone_edit.text(), mobile_public=self.mobile_public_box.isChecked(),
            station_id=self.station_combo.currentData(), grid_ids=self.checked_grid_ids(),
            notes=self.notes_edit.toPlainText(), photo_file=self._photo_file,
        )

    def checked_grid_ids(self) -> list[int]:
        return [self.grid_list.item(i).data(ID_ROLE) for i in range(self.grid_list.count())
                if self.grid_list.item(i).checkState() == Qt.CheckState.Checked]

    # grids
    def _filter_grids(self, text: str) -> None:
        text = text.strip().lower()
        for index in range(self.grid_list.count()):
            item = self.grid_list.item(index)
            item.setHidden(bool(text) and text not in item.text().lower())

    def _update_grid_summary(self, *_args) -> None:
        codes = [self.grid_list.item(i).text().split("　")[0] for i in range(self.grid_list.count())
                 if self.grid_list.item(i).checkState() == Qt.CheckState.Checked]
        self.grid_summary.setText(f"已选 {len(codes)} 个：{'、'.join(codes)}" if codes else "尚未选择网格")

    # photo
    def _choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择代表照片", start_path(), "图片 (*.jpg *.jpeg *.png)")
        if name:
            self.set_photo_file(Path(name))

    def set_photo_file(self, path: Path) -> None:
        pixmap = QPixmap(str(path))
        if pixmap.isNull():
            self.right.show_error("photo", f"“{path.name}”无法作为照片读取，请换一张 JPG 或 PNG 图片。")
            return
        self.right.fields["photo"].clear_error()
        self._new_photo = path
        self._show_photo(path)

    def _remove_photo(self) -> None:
        self._new_photo = None
        self._photo_file = ""
        self._show_photo(None)

    def _show_photo(self, path: Path | None) -> None:
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText("无照片")
        else:
            self.photo_label.setPixmap(pixmap.scaled(*PHOTO_BOX, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))
        self.remove_photo_button.setEnabled(path is not None)

    # saving
    def show_problem(self, field: str, message: str) -> None:
        form = self.right if field in self.right.fields else self.left
        form.show_error(field if field in form.fields else "name", message)

    def accept(self) -> None:
        self.left.clear_errors()
        self.right.clear_errors()
        data = self.data()
        try:
            data.took_office_on = parse_date_text(self.took_office_edit.text())
        except ValueError:
            self.show_problem("took_office_on", "任职日期应写成 2025-01-08，可以不填。")
            return
        if self._new_photo is not None:
            try:
                data.photo_file = store_photo(self.db.path, self._new_photo)
            except (PhotoError, OSError) as error:
                self.show_problem("photo", str(error))
                return
        try:
            if self.deputy_id is None:
                self.saved_id = create_deputy(self.db, data, today=self.today)
            else:
                update_deputy(self.db, self.deputy_id, data, today=self.today)
                self.saved_id = self.deputy_id
        except DeputyInputError as error:
            for problem in reversed(error.problems):   # the first problem ends with the focus
                self.show_problem(problem.field, problem.message)
            return
        except DeputyActionError as error:
            QMessageBox.warning(self, "无法保存", str(error))
            return
        super().accept()


# --- retiring (离任) -----------------------------------------------------------------------------
class RetireDialog(BaseDialog):
    """The leaving date, and who takes over each grid and open opinion of the deputy."""

    def __init__(self, db: Database, deputy_id: int, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent, settings_key="retire", title="代表离任", default_size=(900, 600))
        self.db = db
        self.deputy_id = deputy_id
        self.today = today or dt.date.today()
        with db.session() as session:
            self.deputy_name = load_deputy(session, deputy_id).name
            self.grids, self.opinions = handover_items(session, deputy_id)
            self.successors = [c for c in deputy_choices(self.db) if c.id != deputy_id]
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
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(self.today)
        self.date_edit.setMaximumDate(self.today)
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
            dropped = retire_deputy(self.db, self.deputy_id, on=self.date_edit.date().toPython(), today=self.today,
                                    grid_successors=grid_successors, opinion_successors=opinion_successors)
        except DeputyActionError as error:
            QMessageBox.warning(self, "无法离任", str(error))
            return
        if dropped:
            QMessageBox.information(self, "请补排接待日值班", f"{self.deputy_name}已从以下接待日的值班名单中去掉，"
                                    "请在“接待日历”中另行安排代表：\n\n" + "\n".join(dropped))
        super().accept()


# --- import and export -------------------------------------------------------------------------
class ImportErrorsDialog(BaseDialog):
    """Every problem of a refused file as (row, column, reason); nothing was imported."""

    def __init__(self, file_name: str, errors: Sequence[RowError], parent: QWidget | None = None):
        super().__init__(parent, settings_key="import_errors", title="导入失败：文件中有问题", default_size=(760, 520))
        self.errors = list(errors)
        rows = sorted({e.row for e in self.errors})
        summary = QLabel(f"“{file_name}”中有 {len(rows)} 行、共 {len(self.errors)} 处问题，<b>没有导入任何数据</b>。"
                         "请在 Excel 中改正后重新导入。", self)
        summary.setWordWrap(True)
        self.table = QTableWidget(len(self.errors), 3, self)
        self.table.setHorizontalHeaderLabels(["行", "列", "问题"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        for r, error in enumerate(self.errors):
            for c, text in enumerate((str(error.row), error.column or "整行", error.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(error.reason)
                if c < 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        self.table.setColumnWidth(0, 56)
        self.table.setColumnWidth(1, 110)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        copy_button = QPushButton("复制问题清单", self)
        copy_button.clicked.connect(self.copy_to_clipboard)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(copy_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(bottom)

    def text(self) -> str:
        return "\n".join(str(error) for error in self.errors)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


class DuplicatesDialog(BaseDialog):
    """The file is valid but repeats people: skip them, or update the roster from the file."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None):
        super().__init__(parent, settings_key="import_duplicates", title="发现重复的代表", default_size=(760, 480))
        self.choice: str | None = None
        summary = QLabel(f"“{plan.file_name}”共 {len(plan.rows)} 行，其中 {len(plan.duplicates)} 行与名册或文件中前面的行"
                         f"姓名和手机都相同（新代表 {plan.new_count} 人）。请选择如何处理重复的行：", self)
        summary.setWordWrap(True)
        table = QTableWidget(len(plan.duplicates), 4, self)
        table.setHorizontalHeaderLabels(["行", "姓名", "手机", "重复情况"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, duplicate in enumerate(plan.duplicates):
            for c, text in enumerate((str(duplicate.row), duplicate.name, mask_phone(duplicate.mobile), duplicate.reason)):
                table.setItem(r, c, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 56)
        table.setColumnWidth(2, 120)
        self.table = table
        buttons = QDialogButtonBox(self)
        self.skip_button = buttons.addButton("跳过重复的行", QDialogButtonBox.ButtonRole.AcceptRole)
        self.update_button = buttons.addButton("用文件内容更新", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton("取消导入", QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_button.clicked.connect(lambda: self._choose(SKIP))
        self.update_button.clicked.connect(lambda: self._choose(UPDATE))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, stretch=1)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class ExportDialog(BaseDialog):
    """Which deputies (as filtered or all) and whether phones are masked."""

    def __init__(self, shown: int, total: int, parent: QWidget | None = None):
        super().__init__(parent, settings_key="roster_export", title="导出代表名册", default_size=(440, 260))
        self.shown_choice = QRadioButton(f"当前筛选出的 {shown} 名代表", self)
        self.all_choice = QRadioButton(f"全部 {total} 名代表（含离任）", self)
        self.shown_choice.setChecked(True)
        self.masked_choice = QRadioButton("手机号隐藏中间四位（如 138****1234）", self)
        self.full_choice = QRadioButton("完整手机号（仅供内部使用，注意保管）", self)
        self.masked_choice.setChecked(True)
        scope_box = QGroupBox("导出哪些代表", self)
        scope = QVBoxLayout(scope_box)
        self._scope = QButtonGroup(self)
        phone_box = QGroupBox("手机号", self)
        phone = QVBoxLayout(phone_box)
        self._phone = QButtonGroup(self)
        for group, column, buttons in ((self._scope, scope, (self.shown_choice, self.all_choice)),
                                       (self._phone, phone, (self.masked_choice, self.full_choice))):
            for button in buttons:
                group.addButton(button)
                column.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addWidget(phone_box)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "选择保存位置…"))

    @property
    def all_rows(self) -> bool:
        return self.all_choice.isChecked()

    @property
    def full_phone(self) -> bool:
        return self.full_choice.isChecked()

