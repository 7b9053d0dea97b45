"""The activity form: record a visit in under a minute, with its deputies and photos,
and register the opinions residents raised during it.

The fields are drawn in ui/activity_form.ui; the photo thumbnails and the choices are filled here.
"""
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QListWidgetItem,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.enums import ActivityKind, OpinionChannel
from gridoffice.services.activities.records import (ActivityDetail, ActivityInput, ActivityInputError,
                                                    activity_detail, delete_activity, save_activity)
from gridoffice.services.common.lookups import deputy_choices, grid_choices, person_choices, station_choices, team_choices
from gridoffice.views.forms.ui_activity_form import Ui_ActivityForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qdate, to_qdate
from gridoffice.widgets.file_dialogs import start_path
from gridoffice.widgets.form import FormErrors
from gridoffice.widgets.ui_settings import ui_settings

from gridoffice.views.opinions.form_dialog import register_opinion_dialog

PHOTO_FILTER = "照片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic *.JPG *.JPEG *.PNG)"
PATH_ROLE = Qt.ItemDataRole.UserRole
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ActivityDialog(BaseDialog):
    """New (activity_id None) or existing activity. `changed` tells the list to reload."""

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *,
                 activity_id: int | None = None):
        super().__init__(parent, settings_key="activity_form",
                         title="新建走访记录" if activity_id is None else "走访记录", default_size=(1040, 660))
        self.db, self.clock, self.activity_id = db, clock, activity_id
        self.changed = False
        self.deleted = False
        self._removed_photo_ids: list[int] = []
        body = QWidget(self)
        self.ui = Ui_ActivityForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        self.ui.deputies.setFocusProxy(self.ui.deputies.search_box)
        self.ui.kind.addItems([k.value for k in ActivityKind])
        self.ui.date.setMaximumDate(to_qdate(clock.today()))
        self._init_people_rows()
        self.ui.add_photo.clicked.connect(self.add_photos)
        self.ui.remove_photo.clicked.connect(self.remove_selected_photos)
        layout = QVBoxLayout(self)
        layout.addWidget(body, stretch=1)
        layout.addLayout(self._bottom_row())
        self._load()

    def _bottom_row(self) -> QHBoxLayout:
        self.opinions_label = QLabel(self)
        self.opinions_label.setWordWrap(True)
        self.opinion_button = QPushButton("登记群众意见…", self)
        self.opinion_button.setToolTip("把这次活动中群众反映的问题登记为需求单（渠道：走访）")
        self.opinion_button.clicked.connect(self.register_opinion)
        self.delete_button = QPushButton("删除这条记录", self)
        self.delete_button.clicked.connect(self.delete)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.opinion_button)
        bottom.addWidget(self.opinions_label, stretch=1)
        bottom.addWidget(self.delete_button)
        bottom.addWidget(buttons)
        return bottom

    def _init_people_rows(self) -> None:
        """Two rows under 其他参加人员: people of the register (网格员, 志愿者…) and the team credited."""
        ui = self.ui
        self.person_ids: list[int] = []
        self._person_names = {c.id: c.name for c in person_choices(self.db, include_inactive=True)}
        people = QWidget(self)
        row = QHBoxLayout(people)
        row.setContentsMargins(0, 0, 0, 0)
        self.people_label = QLabel(people)
        self.people_label.setWordWrap(True)
        choose = QPushButton("选择…", people)
        choose.setToolTip("人员名册中的网格员、志愿者、律师、民警等（计入人员和队伍的统计）")
        choose.clicked.connect(self.choose_people)
        row.addWidget(self.people_label, stretch=1)
        row.addWidget(choose)
        self.team = QComboBox(self)
        self.team.addItem("（不记入队伍）", None)
        for team in team_choices(self.db, include_inactive=True):
            self.team.addItem(team.label, team.id)
        position, _role = ui.form.getWidgetPosition(ui.other_participants_error)
        ui.form.insertRow(position + 1, "名册中的人员", people)
        ui.form.insertRow(position + 2, "记入队伍", self.team)
        self._show_people()

    def _show_people(self) -> None:
        names = [self._person_names.get(i, "?") for i in self.person_ids]
        self.people_label.setText("、".join(names) if names else "（未选择）")

    def choose_people(self) -> None:
        from gridoffice.widgets.member_picker import MemberPickerDialog

        dialog = MemberPickerDialog(self.db, self, title="参加的其他人员（人员名册）", person_ids=self.person_ids)
        dialog.picker.load(self.db, person_ids=self.person_ids, deputies=False)
        if dialog.exec():
            self.person_ids = dialog.picker.selected()[1]
            self._show_people()

    # --- data -----------------------------------------------------------------------
    def _load(self) -> None:
        ui = self.ui
        ui.grid.set_choices([(c.id, c.label) for c in grid_choices(self.db)])
        ui.station.addItem("（无）", None)
        for choice in station_choices(self.db):
            ui.station.addItem(choice.label, choice.id)
        choices = deputy_choices(self.db, include_retired=True)
        detail = activity_detail(self.db, self.activity_id) if self.activity_id else None
        if detail is None:
            self.activity_id = None
            ui.date.setDate(to_qdate(self.clock.today()))
            remembered = ui_settings()
            ui.kind.setCurrentText(str(remembered.value("activity_form/kind", ActivityKind.HOME_VISIT.value)))
            station = remembered.value("activity_form/station")
            self._set_station(int(station) if station not in (None, "") else None)
            ui.deputies.set_choices(choices)
        else:
            ui.date.setDate(to_qdate(detail.date))
            ui.kind.setCurrentText(detail.kind)
            ui.grid.set_value(detail.grid_id)
            self._set_station(detail.station_id)
            ui.place.setText(detail.place)
            ui.other_participants.setText(detail.other_participants)
            ui.residents_contacted.setValue(detail.residents_contacted)
            ui.online.setChecked(detail.online)
            ui.summary.setPlainText(detail.summary)
            ui.deputies.set_choices(choices, detail.deputy_ids)
            self.person_ids = list(detail.person_ids)
            self._show_people()
            self.team.setCurrentIndex(max(self.team.findData(detail.team_id), 0))
            self._show_photos(detail)
        self._update_buttons(detail)

    def _set_station(self, station_id: int | None) -> None:
        index = self.ui.station.findData(station_id) if station_id is not None else 0
        self.ui.station.setCurrentIndex(max(index, 0))

    def _update_buttons(self, detail: ActivityDetail | None) -> None:
        self.delete_button.setVisible(self.activity_id is not None)
        self.setWindowTitle("新建走访记录" if self.activity_id is None else "走访记录")
        if detail is None:
            self.opinions_label.setText("保存后登记的意见会关联到这次活动。")
            return
        self.opinions_label.setText(
            f"已从这次活动登记意见 {len(detail.opinions)} 件：" + "、".join(
                f"{serial}（{status}）" for serial, status in detail.opinions)
            if detail.opinions else "这次活动还没有登记意见。")

    def input(self) -> ActivityInput:
        ui = self.ui
        return ActivityInput(
            date=from_qdate(ui.date.date()), kind=ui.kind.currentText(), deputy_ids=ui.deputies.selected_ids(),
            grid_id=ui.grid.value(), station_id=ui.station.currentData(), place=ui.place.text(),
            other_participants=ui.other_participants.text(), residents_contacted=ui.residents_contacted.value(),
            summary=ui.summary.toPlainText(), new_photos=self._new_photo_paths(),
            removed_photo_ids=list(self._removed_photo_ids), online=ui.online.isChecked(), person_ids=list(self.person_ids),
            team_id=self.team.currentData())

    def save(self) -> bool:
        """Validate and write; True when saved. Errors appear beside their field."""
        self.errors.clear()
        if not self.ui.grid.is_blank_or_valid():
            self.errors.show("grid", "没有这个网格：请从列表中选择，或清空。")
            return False
        try:
            self.activity_id = save_activity(self.db, self.input(), self.clock.today(), self.activity_id)
        except ActivityInputError as error:
            if error.field in self.errors.labels:
                self.errors.show(error.field, str(error))
            else:   # 名册中的人员 and 记入队伍 are rows made in code, without an error line
                QMessageBox.warning(self, "无法保存", str(error))
            return False
        self.changed = True
        remembered = ui_settings()
        remembered.setValue("activity_form/kind", self.ui.kind.currentText())
        remembered.setValue("activity_form/station", self.ui.station.currentData() or "")
        self._reload_detail()
        self.mark_saved()
        return True

    def _reload_detail(self) -> None:
        detail = activity_detail(self.db, self.activity_id)
        self._show_photos(detail)
        self._update_buttons(detail)

    def accept(self) -> None:
        if self.save():
            super().accept()

    def reject(self) -> None:
        if not self.may_discard():   # unsaved edits: ask before they are lost
            return
        if self.changed:  # saved part-way (登记意见): the list must still reload
            super().accept()
        else:
            super().reject()

    def register_opinion(self) -> None:
        """Save the activity first (the opinion links to it), then open the 需求单."""
        if not self.save():
            return
        register_opinion_dialog(self.db, self, clock=self.clock, channel=OpinionChannel.VISIT.value,
                                received_on=from_qdate(self.ui.date.date()), activity_id=self.activity_id,
                                grid_id=self.ui.grid.value())
        self._update_buttons(activity_detail(self.db, self.activity_id))

    def delete(self) -> None:
        if self.activity_id is None or not confirm_delete_activity(self, self.db, self.activity_id):
            return
        self.changed = self.deleted = True
        self.mark_saved()   # nothing left to save: closing must not ask
        super().accept()

    # --- photos ---------------------------------------------------------------------
    def add_photos(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, "选择照片", start_path(), PHOTO_FILTER)
        for name in files:
            self._add_photo_item(Path(name), None)

    def _add_photo_item(self, path: Path, photo_id: int | None) -> None:
        pixmap = QPixmap(str(path))
        icon = QIcon(pixmap.scaled(self.ui.photos.iconSize(), Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)) if not pixmap.isNull() else QIcon()
        item = QListWidgetItem(icon, path.stem[:12], self.ui.photos)
        item.setToolTip(str(path) if photo_id is None else f"{path.name}（已保存）")
        item.setData(PATH_ROLE, str(path))
        item.setData(PHOTO_ID_ROLE, photo_id)

    def remove_selected_photos(self) -> None:
        for item in self.ui.photos.selectedItems():
            photo_id = item.data(PHOTO_ID_ROLE)
            if photo_id is not None:
                self._removed_photo_ids.append(photo_id)
            self.ui.photos.takeItem(self.ui.photos.row(item))

    def _new_photo_paths(self) -> list[Path]:
        photos = self.ui.photos
        return [Path(photos.item(i).data(PATH_ROLE)) for i in range(photos.count())
                if photos.item(i).data(PHOTO_ID_ROLE) is None]

    def _show_photos(self, detail: ActivityDetail) -> None:
        """The saved photos (after a save: the copies beside the database, not the clerk's files)."""
        self._removed_photo_ids = []
        self.ui.photos.clear()
        for photo in detail.photos:
            self._add_photo_item(self.db.attachments_dir / photo.file, photo.id)


def confirm_delete_activity(parent: QWidget, db: Database, activity_id: int) -> bool:
    """删除这条记录, asked first (the form's button and the list's Delete key); True when deleted."""
    answer = QMessageBox.question(parent, "删除走访记录", "确定删除这条走访记录及其照片吗？从这次活动登记的意见会保留。")
    if answer != QMessageBox.StandardButton.Yes:
        return False
    delete_activity(db, activity_id)
    return True
