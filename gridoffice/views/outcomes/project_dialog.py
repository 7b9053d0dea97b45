"""A 为民办实事 project: the form (ui/project_form.ui), the opinions it answers, the deputies who
follow it (监督代表), and photos before, during and after the work."""
from pathlib import Path

from PySide6.QtCore import QMargins, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QListView, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.errors import FieldError
from gridoffice.domain.outcome_rules import KindList, PhotoStage, ProjectStatus
from gridoffice.services.common.lookups import (campaign_choices, community_choices, deputy_choices, grid_choices,
                                                kind_choices, suggestion_choices)
from gridoffice.services.outcomes import projects as service
from gridoffice.services.outcomes.common import opinion_summaries
from gridoffice.views.forms.ui_project_form import Ui_ProjectForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.deputy_picker import DeputyPicker
from gridoffice.widgets.file_dialogs import start_path
from gridoffice.widgets.form import FormErrors

from .fields import NO_CAMPAIGN, OptionalDate, fill_combo, fill_texts, scrolling, show_error, wrap_summary
from .pickers import pick_opinions
from .records import RecordList, open_opinion, open_suggestion

PHOTO_FILTER = "照片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic *.JPG *.JPEG *.PNG)"
ID_ROLE = Qt.ItemDataRole.UserRole


class PhotoStrip(QWidget):
    """The photos of one stage as thumbnails, with add, remove and open."""

    def __init__(self, dialog: "ProjectDialog", stage: str):
        super().__init__(dialog)
        self.dialog, self.stage = dialog, stage
        self.list = QListWidget(self)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setIconSize(dialog.THUMB)
        self.list.setGridSize(dialog.THUMB.grownBy(dialog.THUMB_MARGINS))
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.itemActivated.connect(self.open)
        buttons = QHBoxLayout()
        for text, slot in ((f"添加{stage}照片…", self.add), ("删除所选", self.remove)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, stretch=1)
        layout.addLayout(buttons)

    def show_photos(self, photos) -> None:
        self.list.clear()
        for photo in photos:
            path = self.dialog.db.attachments_dir / photo.file
            pixmap = QPixmap(str(path))
            icon = QIcon(pixmap.scaled(self.list.iconSize(), Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)) if not pixmap.isNull() else QIcon()
            item = QListWidgetItem(icon, photo.caption[:12] or path.stem[:12], self.list)
            item.setToolTip(str(path))
            item.setData(ID_ROLE, photo.id)
            item.setData(ID_ROLE + 1, str(path))

    def add(self) -> None:
        if not self.dialog.ensure_saved("添加照片"):
            return
        files, _filter = QFileDialog.getOpenFileNames(self, f"选择{self.stage}照片", start_path(), PHOTO_FILTER)
        if not files:
            return
        try:
            service.add_photos(self.dialog.db, self.dialog.record_id, [Path(f) for f in files], stage=self.stage)
        except (FieldError, LookupError) as error:
            QMessageBox.warning(self, "无法添加照片", str(error))
            return
        self.dialog.changed = True
        self.dialog.refresh()

    def remove(self) -> None:
        chosen = [item.data(ID_ROLE) for item in self.list.selectedItems()]
        if not chosen or QMessageBox.question(self, "删除照片", f"删除所选的 {len(chosen)} 张照片吗？") \
                != QMessageBox.StandardButton.Yes:
            return
        for photo_id in chosen:
            service.remove_photo(self.dialog.db, photo_id)
        self.dialog.changed = True
        self.dialog.refresh()

    def open(self, item: QListWidgetItem) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(item.data(ID_ROLE + 1)))


class ProjectDialog(BaseDialog):
    THUMB = QSize(96, 72)
    THUMB_MARGINS = QMargins(8, 4, 8, 22)

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *,
                 project_id: int | None = None, draft: service.ProjectForm | None = None):
        super().__init__(parent, settings_key="project_form", title="为民办实事项目", default_size=(1120, 680))
        self.db, self.clock, self.record_id = db, clock, project_id
        self.changed = False
        self.detail: service.ProjectDetail | None = None
        self._init_form()
        self._init_side()
        layout = QHBoxLayout(self)
        layout.addWidget(self.form_box, stretch=5)
        layout.addWidget(self.side, stretch=4)
        if project_id is None:
            self._fill(draft or service.ProjectForm(name="", year=clock.today().year))
            self._show_detail()
        else:
            self.refresh()

    def _init_form(self) -> None:
        today = self.clock.today()
        self.form_box = QGroupBox("项目", self)
        body = QWidget(self.form_box)
        self.ui = ui = Ui_ProjectForm()
        ui.setupUi(body)
        ui.year.setMaximum(today.year + 1)
        ui.status.addItems([s.value for s in ProjectStatus])
        self.started = OptionalDate(ui.started_set, ui.started_on, today)
        self.planned = OptionalDate(ui.planned_set, ui.planned_on, today)
        self.completed = OptionalDate(ui.completed_set, ui.completed_on, today)
        ui.status.currentTextChanged.connect(self._status_changed)
        self.save_button = QPushButton("保存", self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("删除项目", self)
        self.delete_button.clicked.connect(self.delete)
        self.suggestion_button = QPushButton("打开代表建议", self)
        self.suggestion_button.clicked.connect(self.open_suggestion)
        layout = QVBoxLayout(self.form_box)
        layout.addWidget(scrolling(body, self.form_box), stretch=1)
        row = QHBoxLayout()
        row.addWidget(self.suggestion_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def _status_changed(self, status: str) -> None:
        """A status asks for its dates: 实施中 a start, 已完成 a start and an end; the others none of the end."""
        if status in (ProjectStatus.UNDERWAY, ProjectStatus.DONE) and self.started.value() is None:
            self.started.set(self.clock.today())
        if status == ProjectStatus.DONE and self.completed.value() is None:
            self.completed.set(self.clock.today())
        if status != ProjectStatus.DONE:
            self.completed.set(None)

    def _init_side(self) -> None:
        self.side_tabs = QTabWidget(self)
        self.opinions = RecordList(self, hint="这个项目回应的群众意见；添加或移除后请点“保存”。",
                                   empty="（没有关联民情意见）")
        self.opinions.opened.connect(self._open_opinion)
        self.opinions.add_button("添加意见…", self.add_opinions)
        self.opinions.add_button("移除所选", self.remove_opinions)
        self.opinions.add_button("打开", self.opinions.open_selected)
        self.deputies = DeputyPicker(self)
        wrap_summary(self.deputies)
        self.ui.deputies_error = QLabel(self)
        deputies_page = QWidget(self)
        column = QVBoxLayout(deputies_page)
        column.addWidget(self.deputies)
        column.addWidget(self.ui.deputies_error)
        self.ui.opinions_error = QLabel(self)
        self.opinions.layout().insertWidget(1, self.ui.opinions_error)
        self.errors = FormErrors(self.ui)   # the form's error labels and the side's
        self.photos = QTabWidget(self)
        self.strips = {stage.value: PhotoStrip(self, stage.value) for stage in PhotoStage}
        for stage, strip in self.strips.items():
            self.photos.addTab(strip, stage)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        photos_page = QWidget(self)
        column = QVBoxLayout(photos_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.photos)
        self.side_tabs.addTab(self.opinions, "回应的意见")
        self.side_tabs.addTab(deputies_page, "监督代表")
        self.side_tabs.addTab(photos_page, "照片")
        self.side = QWidget(self)
        column = QVBoxLayout(self.side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.side_tabs, stretch=1)
        column.addWidget(close)

    def _fill(self, form: service.ProjectForm) -> None:
        ui = self.ui
        ui.name.setText(form.name)
        ui.year.setValue(form.year)
        fill_texts(ui.kind, kind_choices(self.db, KindList.PROJECT.value), form.kind)
        ui.status.blockSignals(True)
        ui.status.setCurrentText(form.status)
        ui.status.blockSignals(False)
        fill_combo(ui.community, [(c.id, c.label) for c in community_choices(self.db)], form.community_id,
                   blank="（按网格）")
        ui.grid.set_choices([(c.id, c.label) for c in grid_choices(self.db)], form.grid_id)
        ui.quantity.setValue(form.quantity or 0)
        ui.unit.setText(form.unit)
        ui.responsible_unit.setText(form.responsible_unit)
        ui.suggestion.set_choices([(c.id, c.label) for c in suggestion_choices(self.db)], form.suggestion_id)
        self.started.set(form.started_on)
        self.planned.set(form.planned_on)
        self.completed.set(form.completed_on)
        fill_combo(ui.campaign, [(c.id, c.label) for c in campaign_choices(self.db)], form.campaign_id,
                   blank=NO_CAMPAIGN)
        ui.description.setPlainText(form.description)
        self.opinions.set_entries(opinion_summaries(self.db, form.opinion_ids))
        self.deputies.set_choices(deputy_choices(self.db, include_retired=self.record_id is not None),
                                  form.deputy_ids)

    def form_input(self) -> service.ProjectForm:
        ui = self.ui
        quantity = ui.quantity.value()
        return service.ProjectForm(
            name=ui.name.text(), year=ui.year.value(), kind=ui.kind.currentText(), status=ui.status.currentText(),
            community_id=ui.community.currentData(), grid_id=ui.grid.value(),
            quantity=quantity if quantity > 0 else None, unit=ui.unit.text(),
            responsible_unit=ui.responsible_unit.text(), suggestion_id=ui.suggestion.value(),
            opinion_ids=self.opinions.ids(), deputy_ids=self.deputies.selected_ids(),
            started_on=self.started.value(), planned_on=self.planned.value(), completed_on=self.completed.value(),
            campaign_id=ui.campaign.currentData(), description=ui.description.toPlainText())

    def save(self) -> bool:
        self.errors.clear()
        for field, combo, what in (("grid", self.ui.grid, "网格"), ("suggestion", self.ui.suggestion, "代表建议")):
            if not combo.is_blank_or_valid():
                self.errors.show(field, f"没有这个{what}：请从列表中选择，或清空。")
                return False
        today = self.clock.today()
        try:
            if self.record_id is None:
                self.record_id = service.create_project(self.db, self.form_input(), today=today)
            else:
                service.update_project(self.db, self.record_id, self.form_input(), today=today)
        except (FieldError, LookupError) as error:
            show_error(self, self.errors, error)
            if getattr(error, "field", "") == "deputies":
                self.side_tabs.setCurrentIndex(1)
            return False
        self.changed = True
        self.refresh()
        return True

    def ensure_saved(self, action: str) -> bool:
        if self.record_id is not None:
            return True
        if QMessageBox.question(self, action, "要先保存项目才能添加照片。现在保存吗？") != QMessageBox.StandardButton.Yes:
            return False
        return self.save()

    def refresh(self) -> None:
        self.detail = service.project_detail(self.db, self.record_id, today=self.clock.today())
        self._fill(self.detail.form)
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.detail
        self.delete_button.setEnabled(detail is not None)
        self.suggestion_button.setEnabled(bool(detail and detail.form.suggestion_id))
        if detail is None:
            self.setWindowTitle("新建为民办实事项目")
            self.side_tabs.setTabText(0, f"回应的意见 ({len(self.opinions.ids())})")
            return
        row = detail.row
        late = "（逾期）" if row.late else ""
        self.setWindowTitle(f"为民办实事 — {row.name}（{row.status}{late}）")
        for stage, strip in self.strips.items():
            strip.show_photos([p for p in detail.photos if p.stage == stage])
            count = sum(1 for p in detail.photos if p.stage == stage)
            self.photos.setTabText(list(self.strips).index(stage), f"{stage} ({count})")
        self.side_tabs.setTabText(0, f"回应的意见 ({len(detail.opinions)})")
        self.side_tabs.setTabText(1, f"监督代表 ({len(detail.deputies)})")
        self.side_tabs.setTabText(2, f"照片 ({len(detail.photos)})")

    def add_opinions(self) -> None:
        chosen = pick_opinions(self.db, self.clock, self, exclude=self.opinions.ids())
        if chosen:
            self.opinions.set_entries(opinion_summaries(self.db, [*self.opinions.ids(), *chosen]))

    def remove_opinions(self) -> None:
        removed = set(self.opinions.selected_ids())
        self.opinions.set_entries(opinion_summaries(self.db, [i for i in self.opinions.ids() if i not in removed]))

    def _open_opinion(self, opinion_id: int) -> None:
        if open_opinion(self.db, self.clock, self, opinion_id):
            self.opinions.set_entries(opinion_summaries(self.db, self.opinions.ids()))

    def open_suggestion(self) -> None:
        if self.detail and self.detail.form.suggestion_id:
            open_suggestion(self.db, self.clock, self, self.detail.form.suggestion_id)

    def delete(self) -> None:
        if self.record_id is None or QMessageBox.question(
                self, "删除项目", f"删除“{self.detail.row.name}”及其照片吗？所回应的意见和建议会保留。") \
                != QMessageBox.StandardButton.Yes:
            return
        service.delete_project(self.db, self.record_id)
        self.changed = True
        self.record_id = None
        super().accept()

    def reject(self) -> None:
        if self.changed:
            super().accept()
        else:
            super().reject()
