"""专项活动: the form with its figures and the records tagged to it."""
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.errors import FieldError
from gridoffice.services.outcomes import campaigns as service
from gridoffice.views.forms.ui_campaign_form import Ui_CampaignForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qdate, to_qdate
from gridoffice.widgets.form import FormErrors

from .fields import OptionalDate, scrolling, show_error
from .pickers import pick_activities, pick_opinions
from .campaigns import figures_html
from .records import RecordList, open_opinion


class CampaignDialog(BaseDialog):
    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *, campaign_id: int | None = None):
        super().__init__(parent, settings_key="campaign_form", title="专项活动", default_size=(1060, 640))
        self.db, self.clock, self.record_id = db, clock, campaign_id
        self.changed = False
        self.form_box = QGroupBox("专项活动", self)
        body = QWidget(self.form_box)
        self.ui = ui = Ui_CampaignForm()
        ui.setupUi(body)
        self.end = OptionalDate(ui.end_set, ui.end_on, clock.today())
        self.errors = FormErrors(ui)
        self.figures = QLabel(self)
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.save_button = QPushButton("保存", self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("删除专项活动", self)
        self.delete_button.clicked.connect(self.delete)
        column = QVBoxLayout(self.form_box)
        column.addWidget(scrolling(body, self.form_box))
        figures_box = QGroupBox("本专项活动的数字", self)
        QVBoxLayout(figures_box).addWidget(self.figures)
        column.addWidget(figures_box)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        column.addLayout(row)

        self.activities = RecordList(self, empty="（还没有归入的走访活动）")
        self.activities.opened.connect(self._open_activity)
        self.activities.add_button("添加走访活动…", self.add_activities)
        self.activities.add_button("移出所选", lambda: self.untag("activity_ids", self.activities))
        self.activities.add_button("打开", self.activities.open_selected)
        self.opinions = RecordList(self, empty="（还没有归入的民情意见）")
        self.opinions.opened.connect(self._open_opinion)
        self.opinions.add_button("添加民情意见…", self.add_opinions)
        self.opinions.add_button("移出所选", lambda: self.untag("opinion_ids", self.opinions))
        self.opinions.add_button("打开", self.opinions.open_selected)
        self.others = QTextBrowser(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.activities, "走访活动")
        self.tabs.addTab(self.opinions, "民情意见")
        self.tabs.addTab(self.others, "会议、实事、建议、调解")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs, stretch=1)
        column.addWidget(close)
        layout = QHBoxLayout(self)
        layout.addWidget(self.form_box, stretch=4)
        layout.addWidget(side, stretch=5)
        self.refresh()

    def refresh(self) -> None:
        ui = self.ui
        if self.record_id is None:
            ui.start_on.setDate(to_qdate(self.clock.today()))
            self.end.set(None)
            self.setWindowTitle("新建专项活动")
            self.figures.setText("保存后，归入的活动、意见、会议、实事、建议和调解在这里汇总。")
            self.tabs.setEnabled(False)
            self.delete_button.setEnabled(False)
            return
        row = next(r for r in service.list_campaigns(self.db, today=self.clock.today()) if r.id == self.record_id)
        ui.name.setText(row.name)
        ui.start_on.setDate(to_qdate(row.start_on))
        self.end.set(row.end_on)
        ui.description.setPlainText(row.description)
        self.setWindowTitle(f"专项活动 — {row.name}")
        self.figures.setText(figures_html(row.figures))
        self.tabs.setEnabled(True)
        self.delete_button.setEnabled(True)
        tagged = service.tagged_records(self.db, self.record_id)
        self.activities.set_entries([(i, f"{on:%Y-%m-%d}　{text}") for i, on, text in tagged.activities])
        self.opinions.set_entries([(i, f"{on:%Y-%m-%d}　{text}") for i, on, text in tagged.opinions])
        sections = []
        for title, entries in (("会议", tagged.meetings), ("为民办实事", tagged.projects), ("代表建议", tagged.suggestions),
                               ("矛盾调解", tagged.disputes)):
            lines = "".join(f"<li>{on:%Y-%m-%d}　{escape(text)}</li>" if on else f"<li>{escape(text)}</li>"
                            for _i, on, text in entries) or "<li style='color:#90a4ae;'>（无）</li>"
            sections.append(f"<p><b>{title}（{len(entries)}）</b></p><ul>{lines}</ul>")
        self.others.setHtml("".join(sections) + "<p style='color:#607d8b;'>会议、为民办实事、代表建议和矛盾调解在各自的表单中"
                            "选择“专项活动”归入。</p>")
        self.tabs.setTabText(0, f"走访活动 ({len(tagged.activities)})")
        self.tabs.setTabText(1, f"民情意见 ({len(tagged.opinions)})")
        others = len(tagged.meetings) + len(tagged.projects) + len(tagged.suggestions) + len(tagged.disputes)
        self.tabs.setTabText(2, f"会议、实事、建议、调解 ({others})")

    def form_input(self) -> service.CampaignForm:
        ui = self.ui
        return service.CampaignForm(name=ui.name.text(), start_on=from_qdate(ui.start_on.date()),
                                    end_on=self.end.value(), description=ui.description.toPlainText())

    def save(self) -> bool:
        self.errors.clear()
        try:
            if self.record_id is None:
                self.record_id = service.create_campaign(self.db, self.form_input())
            else:
                service.update_campaign(self.db, self.record_id, self.form_input())
        except (FieldError, LookupError) as error:
            show_error(self, self.errors, error)
            return False
        self.changed = True
        self.refresh()
        return True

    def _window(self):
        form = self.form_input()
        return form.start_on, form.end_on or self.clock.today()

    def add_activities(self) -> None:
        start, end = self._window()
        chosen = pick_activities(self.db, self, start=start, end=end, exclude=self.activities.ids())
        if chosen:
            self._tag(service.Tagged(activity_ids=chosen))

    def add_opinions(self) -> None:
        start, end = self._window()
        chosen = pick_opinions(self.db, self.clock, self, start=start, end=end, exclude=self.opinions.ids())
        if chosen:
            self._tag(service.Tagged(opinion_ids=chosen))

    def _tag(self, records: service.Tagged) -> None:
        try:
            service.tag(self.db, self.record_id, records)
        except (FieldError, LookupError) as error:
            QMessageBox.warning(self, "不能归入", str(error))
            return
        self.changed = True
        self.refresh()

    def untag(self, key: str, records: RecordList) -> None:
        chosen = records.selected_ids()
        if chosen:
            service.untag(self.db, self.record_id, service.Tagged(**{key: chosen}))
            self.changed = True
            self.refresh()

    def _open_activity(self, activity_id: int) -> None:
        from gridoffice.views.activities.form import ActivityDialog

        dialog = ActivityDialog(self.db, self.clock, self, activity_id=activity_id)
        if dialog.exec() or dialog.changed:
            self.refresh()

    def _open_opinion(self, opinion_id: int) -> None:
        if open_opinion(self.db, self.clock, self, opinion_id):
            self.refresh()

    def delete(self) -> None:
        if QMessageBox.question(self, "删除专项活动", "删除这个专项活动吗？归入它的活动、意见和其他记录都会保留，只是不再归入。") \
                != QMessageBox.StandardButton.Yes:
            return
        service.delete_campaign(self.db, self.record_id)
        self.changed = True
        self.record_id = None
        super().accept()

    def reject(self) -> None:
        if self.changed:
            super().accept()
        else:
            super().reject()
