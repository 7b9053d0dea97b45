"""The activity form: record a visit in under a minute, with its deputies and photos,
and register the opinions residents raised during it."""
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListView, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from gridoffice.db import Database
from gridoffice.domain.enums import ActivityKind, OpinionChannel
from gridoffice.paths import attachments_dir
from gridoffice.services.activities.records import (ActivityInput, ActivityInputError, activity_detail, delete_activity,
                                            save_activity)
from gridoffice.services.opinions.listing import opinions_of_activity
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.deputy_picker import DeputyPicker
from gridoffice.widgets.file_dialogs import start_path
from gridoffice.widgets.dates import from_qdate, to_qdate
from gridoffice.widgets.filters import SearchableCombo
from gridoffice.widgets.form import FieldWithError, ValidatedForm
from gridoffice.widgets.ui_settings import ui_settings

from gridoffice.views.opinions.form_dialog import register_opinion_dialog
from gridoffice.services.common.lookups import deputy_choices, grid_choices, station_choices

PHOTO_FILTER = "照片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic *.JPG *.JPEG *.PNG)"
THUMBNAIL = QSize(96, 72)
PATH_ROLE = Qt.ItemDataRole.UserRole
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ActivityDialog(BaseDialog):
    """New (activity_id None) or existing activity. `changed` tells the list to reload."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date,
                 activity_id: int | None = None):
        super().__init__(parent, settings_key="activity_form",
                         title="新建走访记录" if activity_id is None else "走访记录", default_size=(1040, 660))
        self.db, self.today, self.activity_id = db, today, activity_id
        self.changed = False
        self.deleted = False
        self._removed_photo_ids: list[int] = []
        self._init_fields()
        self._init_layout()
        self._load()

    # --- building -------------------------------------------------------------------
    def _init_fields(self) -> None:
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(to_qdate(self.today))
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItems([k.value for k in ActivityKind])
        self.grid_combo = SearchableCombo("（不在某个网格）", self)
        self.grid_combo.lineEdit().setPlaceholderText("输入网格编号或名称")
        self.station_combo = QComboBox(self)
        self.place_edit = QLineEdit(self)
        self.place_edit.setPlaceholderText("小区、村组、企业或联络站")
        self.others_edit = QLineEdit(self)
        self.others_edit.setPlaceholderText("网格员、民警、律师…（用顿号分隔）")
        self.residents_spin = QSpinBox(self)
        self.residents_spin.setRange(0, 100_000)
        self.residents_spin.setSuffix(" 人")
        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setPlaceholderText("做了什么，听到了什么，答应了什么")
        self.summary_edit.setMinimumHeight(80)
        self.picker = DeputyPicker(self)
        self.photos = QListWidget(self)
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(THUMBNAIL)
        self.photos.setGridSize(QSize(THUMBNAIL.width() + 16, THUMBNAIL.height() + 26))
        self.photos.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos.setMaximumHeight(THUMBNAIL.height() + 44)
        self.photos.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.opinions_label = QLabel(self)
        self.opinions_label.setWordWrap(True)

    def _init_layout(self) -> None:
        self.form = ValidatedForm()
        self.form.add_field("date", "日期", self.date_edit)
        self.form.add_field("kind", "活动类型", self.kind_combo)
        self.form.add_field("grid", "网格", self.grid_combo)
        self.form.add_field("station", "联络站", self.station_combo)
        self.form.add_field("place", "地点", self.place_edit)
        self.form.add_field("other_participants", "其他参加人员", self.others_edit)
        self.form.add_field("residents_contacted", "联系群众", self.residents_spin)
        self.form.add_field("summary", "内容摘要", self.summary_edit)
        self.form.fields["deputies"] = FieldWithError(self.picker)

        add_photo = QPushButton("添加照片…", self)
        add_photo.clicked.connect(self.add_photos)
        remove_photo = QPushButton("移除所选照片", self)
        remove_photo.clicked.connect(self.remove_selected_photos)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(add_photo)
        photo_buttons.addWidget(remove_photo)
        photo_buttons.addStretch(1)
        photo_box = QGroupBox("照片（复制到数据库旁的“走访照片”文件夹）", self)
        photo_layout = QVBoxLayout(photo_box)
        photo_layout.addWidget(self.photos)
        photo_layout.addLayout(photo_buttons)
        self.form.fields["photos"] = FieldWithError(photo_box)

        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.form.fields["photos"])
        deputies_box = QGroupBox("参加代表（可多选，按姓名、拼音或首字母查找）", self)
        deputies_layout = QVBoxLayout(deputies_box)
        deputies_layout.addWidget(self.form.fields["deputies"])
        columns = QHBoxLayout()
        columns.addLayout(left, stretch=3)
        columns.addWidget(deputies_box, stretch=2)

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

        layout = QVBoxLayout(self)
        layout.addLayout(columns, stretch=1)
        layout.addLayout(bottom)

    # --- data -----------------------------------------------------------------------
    def _load(self) -> None:
        with self.db.session() as session:
            self.grid_combo.set_choices([(c.id, c.label) for c in grid_choices(self.db)])
            self.station_combo.addItem("（无）", None)
            for choice in station_choices(self.db):
                self.station_combo.addItem(choice.label, choice.id)
            choices = deputy_choices(self.db, include_retired=True)
            detail = activity_detail(session, self.activity_id) if self.activity_id else None
        if detail is None:
            self.activity_id = None
            self.date_edit.setDate(to_qdate(self.today))
            remembered = ui_settings()
            self.kind_combo.setCurrentText(str(remembered.value("activity_form/kind", ActivityKind.HOME_VISIT.value)))
            station = remembered.value("activity_form/station")
            self._set_station(int(station) if station not in (None, "") else None)
            self.picker.set_choices(choices)
        else:
            self.date_edit.setDate(to_qdate(detail.date))
            self.kind_combo.setCurrentText(detail.kind)
            self.grid_combo.set_value(detail.grid_id)
            self._set_station(detail.station_id)
            self.place_edit.setText(detail.place)
            self.others_edit.setText(detail.other_participants)
            self.residents_spin.setValue(detail.residents_contacted)
            self.summary_edit.setPlainText(detail.summary)
            self.picker.set_choices(choices, detail.deputy_ids)
            for photo in detail.photos:
                self._add_photo_item(attachments_dir(self.db.path) / photo.file, photo.id)
        self._update_buttons()

    def _set_station(self, station_id: int | None) -> None:
        index = self.station_combo.findData(station_id) if station_id is not None else 0
        self.station_combo.setCurrentIndex(max(index, 0))

    def _update_buttons(self) -> None:
        self.delete_button.setVisible(self.activity_id is not None)
        self.setWindowTitle("新建走访记录" if self.activity_id is None else "走访记录")
        if self.activity_id is None:
            self.opinions_label.setText("保存后登记的意见会关联到这次活动。")
            return
        opinions = opinions_of_activity(self.db, self.activity_id)
        self.opinions_label.setText(
            f"已从这次活动登记意见 {len(opinions)} 件：" + "、".join(f"{serial}（{status}）" for _id, serial, status in opinions)
            if opinions else "这次活动还没有登记意见。")

    def input(self) -> ActivityInput:
        return ActivityInput(
            date=from_qdate(self.date_edit.date()), kind=self.kind_combo.currentText(),
            deputy_ids=self.picker.selected_ids(), grid_id=self.grid_combo.value(),
            station_id=self.station_combo.currentData(), place=self.place_edit.text(),
            other_participants=self.others_edit.text(), residents_contacted=self.residents_spin.value(),
            summary=self.summary_edit.toPlainText(), new_photos=self._new_photo_paths(),
            removed_photo_ids=list(self._removed_photo_ids))

    def save(self) -> bool:
        """Validate and write; True when saved. Errors appear beside their field."""
        self.form.clear_errors()
        if not self.grid_combo.is_blank_or_valid():
            self.form.show_error("grid", "没有这个网格：请从列表中选择，或清空。")
            return False
        try:
            with self.db.session() as session:
                activity = save_activity(session, self.db.path, self.input(), self.today, self.activity_id)
                self.activity_id = activity.id
        except ActivityInputError as error:
            self.form.show_error(error.field, str(error))
            return False
        self.changed = True
        remembered = ui_settings()
        remembered.setValue("activity_form/kind", self.kind_combo.currentText())
        remembered.setValue("activity_form/station", self.station_combo.currentData() or "")
        self._reload_photos()
        self._update_buttons()
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def reject(self) -> None:
        if self.changed:  # saved part-way (登记意见): the list must still reload
            super().accept()
        else:
            super().reject()

    def register_opinion(self) -> None:
        """Save the activity first (the opinion links to it), then open the 需求单."""
        if not self.save():
            return
        from gridoffice.domain.clock import FixedClock  # this dialog knows its day, not yet a clock

        register_opinion_dialog(self.db, self, clock=FixedClock(self.today), channel=OpinionChannel.VISIT.value,
                                received_on=from_qdate(self.date_edit.date()), activity_id=self.activity_id,
                                grid_id=self.grid_combo.value())
        self._update_buttons()

    def delete(self) -> None:
        if self.activity_id is None:
            return
        answer = QMessageBox.question(self, "删除走访记录", "确定删除这条走访记录及其照片吗？从这次活动登记的意见会保留。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.db.session() as session:
            delete_activity(session, self.db.path, self.activity_id)
        self.changed = self.deleted = True
        super().accept()

    # --- photos ---------------------------------------------------------------------
    def add_photos(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, "选择照片", start_path(), PHOTO_FILTER)
        for name in files:
            self._add_photo_item(Path(name), None)

    def _add_photo_item(self, path: Path, photo_id: int | None) -> None:
        pixmap = QPixmap(str(path))
        icon = QIcon(pixmap.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)) if not pixmap.isNull() else QIcon()
        item = QListWidgetItem(icon, path.stem[:12], self.photos)
        item.setToolTip(str(path) if photo_id is None else f"{path.name}（已保存）")
        item.setData(PATH_ROLE, str(path))
        item.setData(PHOTO_ID_ROLE, photo_id)

    def remove_selected_photos(self) -> None:
        for item in self.photos.selectedItems():
            photo_id = item.data(PHOTO_ID_ROLE)
            if photo_id is not None:
                self._removed_photo_ids.append(photo_id)
            self.photos.takeItem(self.photos.row(item))

    def _new_photo_paths(self) -> list[Path]:
        return [Path(self.photos.item(i).data(PATH_ROLE)) for i in range(self.photos.count())
                if self.photos.item(i).data(PHOTO_ID_ROLE) is None]

    def _reload_photos(self) -> None:
        self._removed_photo_ids = []
        self.photos.clear()
        with self.db.session() as session:
            detail = activity_detail(session, self.activity_id)
        for photo in detail.photos:
            self._add_photo_item(attachments_dir(self.db.path) / photo.file, photo.id)
