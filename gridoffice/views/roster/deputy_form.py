"""The deputy form (ui/deputy_form.ui): every field of a deputy, errors under the field they belong to."""
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QListWidgetItem, QMenu,
                               QMessageBox, QVBoxLayout, QWidget)

from gridoffice.db import ConflictError, Database
from gridoffice.clock import Clock
from gridoffice.domain.dates import parse_date
from gridoffice.domain.enums import DeputyLevel
from gridoffice.domain.rules import parse_levels
from gridoffice.services.common.lookups import deputy_role_choices, grid_choices, station_choices
from gridoffice.services.roster.deputies import (DeputyActionError, DeputyData, DeputyInputError, create_deputy,
                                                 load_deputy, update_deputy)
from gridoffice.services.roster.photos import photo_path
from gridoffice.views.forms.ui_deputy_form import Ui_DeputyForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.conflict import offer_reload
from gridoffice.widgets.file_dialogs import start_path
from gridoffice.widgets.form import FormErrors, ok_cancel_buttons

PHOTO_BOX = (120, 160)
ID_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class DeputyFormDialog(BaseDialog):
    """New deputy (deputy_id None) or edit one. The service checks the data; its problems are shown
    under their fields, the first one focused."""

    def __init__(self, db: Database, clock: Clock, deputy_id: int | None = None, parent: QWidget | None = None):
        title = "新增代表" if deputy_id is None else "编辑代表信息"
        super().__init__(parent, settings_key="deputy_form", title=title, default_size=(940, 660))
        self.db = db
        self.clock = clock
        self.deputy_id = deputy_id
        self.saved_id: int | None = None
        self._photo_file = ""          # the stored photo (relative path), "" for none
        self._version: int | None = None   # the record's version when loaded: a save over a newer one is refused
        self._new_photo: Path | None = None   # a file chosen now, stored when saving
        body = QWidget(self)
        self.ui = Ui_DeputyForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        self.level_boxes = {level.value: getattr(self.ui, f"level_{level.name.lower()}") for level in DeputyLevel}
        self._init_choices()
        self._init_signals()
        note = QLabel("带 * 的必须填写。本程序不保存身份证号码。", self)
        note.setStyleSheet("color: #607d8b;")
        bottom = QHBoxLayout()
        bottom.addWidget(note)
        bottom.addStretch(1)
        bottom.addWidget(ok_cancel_buttons(self, "保存"))
        layout = QVBoxLayout(self)
        layout.addWidget(body, stretch=1)
        layout.addLayout(bottom)
        self._show_data(load_deputy(db, deputy_id) if deputy_id is not None else DeputyData())

    def _init_choices(self) -> None:
        self.ui.station_id.addItem("（未进站）", None)
        self._stations = station_choices(self.db)
        for station in self._stations:
            self.ui.station_id.addItem(station.name, station.id)
        self.other_station_ids: list[int] = []
        self.role_boxes: dict[str, QCheckBox] = {}
        roles_layout = QGridLayout(self.ui.roles)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        for n, role in enumerate(deputy_role_choices(self.db)):
            box = QCheckBox(role, self.ui.roles)
            roles_layout.addWidget(box, n // 5, n % 5)
            self.role_boxes[role] = box
        self.ui.other_stations_row.setStretch(0, 1)
        for grid in grid_choices(self.db):
            code, _, name = grid.label.partition(" ")
            item = QListWidgetItem(f"{code}　{name}", self.ui.grid_ids)
            item.setData(ID_ROLE, grid.id)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        # the theme draws no box for an unchecked list item: show check boxes as on the level row
        self.ui.grid_ids.setStyleSheet(
            "QListView::indicator:unchecked { image: url(icon:/primary/checkbox_unchecked.svg); }"
            "QListView::indicator:checked { image: url(icon:/primary/checkbox_checked.svg); }")

    def _init_signals(self) -> None:
        self.ui.grid_search.textChanged.connect(self._filter_grids)
        self.ui.grid_ids.itemChanged.connect(self._update_grid_summary)
        self.ui.choose_photo.clicked.connect(self._choose_photo)
        self.ui.remove_photo.clicked.connect(self._remove_photo)
        self.ui.choose_stations.clicked.connect(self._choose_stations)
        self.ui.station_id.currentIndexChanged.connect(lambda _i: self._show_other_stations())

    # --- showing and reading --------------------------------------------------------------
    def _show_data(self, data: DeputyData) -> None:
        ui = self.ui
        ui.name.setText(data.name)
        ui.gender.setCurrentText(data.gender)
        ui.ethnicity.setCurrentText(data.ethnicity or ("" if self.deputy_id else "汉族"))
        ui.birth_month.setText(data.birth_month)
        ui.party.setCurrentText(data.party)
        chosen = set(parse_levels(data.levels)) if data.levels else set()
        for level, box in self.level_boxes.items():
            box.setChecked(level in chosen)
        ui.work_unit.setText(data.work_unit)
        ui.post.setText(data.post)
        ui.expertise.setText(data.expertise)
        ui.mobile.setText(data.mobile)
        ui.mobile_public.setChecked(data.mobile_public)
        ui.office_phone.setText(data.office_phone)
        ui.took_office_on.setText(data.took_office_on.isoformat() if data.took_office_on else "")
        ui.notes.setPlainText(data.notes)
        ui.status.setText(data.status if self.deputy_id else "在任（离任请在名册中选择“离任…”）")
        ui.station_id.setCurrentIndex(max(ui.station_id.findData(data.station_id), 0))
        self.other_station_ids = list(data.other_station_ids or [])
        self._show_other_stations()
        roles = set(data.roles.split("、")) if data.roles else set()
        for role in sorted(roles - set(self.role_boxes)):   # a tag no longer in the office's list stays shown
            box = QCheckBox(role, self.ui.roles)
            self.ui.roles.layout().addWidget(box, len(self.role_boxes) // 5, len(self.role_boxes) % 5)
            self.role_boxes[role] = box
        for role, box in self.role_boxes.items():
            box.setChecked(role in roles)
        chosen_grids = set(data.grid_ids)
        ui.grid_ids.blockSignals(True)
        for item in self._grid_items():
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in chosen_grids else Qt.CheckState.Unchecked)
        ui.grid_ids.blockSignals(False)
        self._update_grid_summary()
        self._photo_file = data.photo_file
        self._version = data.version
        self._new_photo = None
        self._show_photo(photo_path(self.db.attachments_dir, data.photo_file))

    def data(self) -> DeputyData:
        """What the form holds (unchecked: the service checks it; the 任职日期 is read in accept)."""
        ui = self.ui
        levels = "、".join(level for level, box in self.level_boxes.items() if box.isChecked())
        return DeputyData(
            name=ui.name.text(), gender=ui.gender.currentText(), ethnicity=ui.ethnicity.currentText(),
            birth_month=ui.birth_month.text(), party=ui.party.currentText(), levels=levels,
            work_unit=ui.work_unit.text(), post=ui.post.text(), expertise=ui.expertise.text(),
            mobile=ui.mobile.text(), office_phone=ui.office_phone.text(), mobile_public=ui.mobile_public.isChecked(),
            station_id=ui.station_id.currentData(), grid_ids=self.checked_grid_ids(),
            notes=ui.notes.toPlainText(), photo_file=self._photo_file, version=self._version,
            other_station_ids=[i for i in self.other_station_ids if i != ui.station_id.currentData()],
            roles="、".join(role for role, box in self.role_boxes.items() if box.isChecked()),
        )

    # --- other sites ------------------------------------------------------------------------
    def _show_other_stations(self) -> None:
        primary = self.ui.station_id.currentData()
        names = [s.name for s in self._stations if s.id in self.other_station_ids and s.id != primary]
        self.ui.other_station_ids_names.setText("、".join(names) if names else "（只在所属联络站）")

    def _choose_stations(self) -> None:
        menu = QMenu(self)
        primary = self.ui.station_id.currentData()
        actions = {}
        for station in self._stations:
            if station.id == primary:
                continue
            action = menu.addAction(station.name)
            action.setCheckable(True)
            action.setChecked(station.id in self.other_station_ids)
            actions[station.id] = action
        menu.exec(self.ui.choose_stations.mapToGlobal(self.ui.choose_stations.rect().bottomLeft()))
        self.other_station_ids = [station_id for station_id, action in actions.items() if action.isChecked()]
        self._show_other_stations()

    # --- grids ----------------------------------------------------------------------------
    def _grid_items(self) -> list[QListWidgetItem]:
        return [self.ui.grid_ids.item(i) for i in range(self.ui.grid_ids.count())]

    def checked_grid_ids(self) -> list[int]:
        return [item.data(ID_ROLE) for item in self._grid_items() if item.checkState() == Qt.CheckState.Checked]

    def _filter_grids(self, text: str) -> None:
        text = text.strip().lower()
        for item in self._grid_items():
            item.setHidden(bool(text) and text not in item.text().lower())

    def _update_grid_summary(self, *_args) -> None:
        codes = [item.data(CODE_ROLE) for item in self._grid_items() if item.checkState() == Qt.CheckState.Checked]
        self.ui.grid_summary.setText(f"已选 {len(codes)} 个：{'、'.join(codes)}" if codes else "尚未选择网格")

    # --- photo ------------------------------------------------------------------------------
    def _choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择代表照片", start_path(), "图片 (*.jpg *.jpeg *.png)")
        if name:
            self.set_photo_file(Path(name))

    def set_photo_file(self, path: Path) -> None:
        """Show a chosen photo; it is stored (scaled down) when the form is saved."""
        if QPixmap(str(path)).isNull():
            self.errors.show("photo", f"“{path.name}”无法作为照片读取，请换一张 JPG 或 PNG 图片。")
            return
        self.errors.labels["photo"].hide()
        self._new_photo = path
        self._show_photo(path)

    def _remove_photo(self) -> None:
        self._new_photo = None
        self._photo_file = ""
        self._show_photo(None)

    def _show_photo(self, path: Path | None) -> None:
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.ui.photo.setPixmap(QPixmap())
            self.ui.photo.setText("无照片")
        else:
            self.ui.photo.setPixmap(pixmap.scaled(*PHOTO_BOX, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))
        self.ui.remove_photo.setEnabled(path is not None)

    # --- saving -------------------------------------------------------------------------------
    def show_problem(self, field: str, message: str) -> None:
        self.errors.show(field if field in self.errors.labels else "name", message)

    def accept(self) -> None:
        self.errors.clear()
        data = self.data()
        try:
            data.took_office_on = parse_date(self.ui.took_office_on.text())
        except ValueError:
            self.show_problem("took_office_on", "任职日期应写成 2025-01-08，可以不填。")
            return
        today = self.clock.today()
        try:
            if self.deputy_id is None:
                self.saved_id = create_deputy(self.db, data, today=today, new_photo=self._new_photo)
            else:
                update_deputy(self.db, self.deputy_id, data, today=today, new_photo=self._new_photo)
                self.saved_id = self.deputy_id
        except DeputyInputError as error:
            for problem in reversed(error.problems):   # the first problem ends with the focus
                self.show_problem(problem.field, problem.message)
            return
        except DeputyActionError as error:
            QMessageBox.warning(self, "无法保存", str(error))
            return
        except ConflictError as error:   # another clerk saved this deputy after the form was opened
            if offer_reload(self, error):
                self._show_data(load_deputy(self.db, self.deputy_id))
            return
        super().accept()
