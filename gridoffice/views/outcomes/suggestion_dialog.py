"""A 代表建议: the form (ui/suggestion_form.ui) on the left; on the right where its handling stands,
a button per step (交办, 办理, 答复, 评价: 不满意 sends it back with a new deadline), its history, the
opinions it grew from, its attachments and the projects that answer it; the 建议表 as PDF or Word."""
import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.enums import Satisfaction
from gridoffice.domain.errors import FieldError
from gridoffice.domain.outcome_rules import REOPEN_DUE_DAYS, SUGGESTION_DUE_DAYS, SuggestionStatus, SuggestionStep
from gridoffice.services.common.lookups import campaign_choices, deputy_choices, department_choices
from gridoffice.services.opinions.lists import category_names
from gridoffice.services.outcomes import suggestions as service
from gridoffice.services.outcomes.common import opinion_summaries
from gridoffice.views.forms.ui_suggestion_form import Ui_SuggestionForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qdate, to_qdate
from gridoffice.widgets.deputy_picker import pick_deputies
from gridoffice.widgets.file_dialogs import start_path
from gridoffice.widgets.form import FormErrors

from .fields import NO_CAMPAIGN, fill_combo, fill_texts, scrolling, show_error
from .pickers import pick_opinions
from .printing import paper_button
from .records import RecordList, facts_html, open_opinion, open_project, timeline_html
from .step_dialog import CHOICE, DATE, Field, StepDialog

SS = SuggestionStatus
STATUS_COLORS = {SS.SUBMITTED: "#6a1b9a", SS.ASSIGNED: "#00695c", SS.HANDLING: "#1565c0", SS.DONE: "#2e7d32"}
STEP_BUTTONS = {SuggestionStep.ASSIGN.value: "交办…", SuggestionStep.PROGRESS.value: "记录办理情况…",
                SuggestionStep.REPLY.value: "记录部门答复…", SuggestionStep.VERDICT.value: "代表评价…"}


class SuggestionDialog(BaseDialog):
    """An existing suggestion (suggestion_id), or a new one (from a draft: 形成代表建议 in 民情办理)."""

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *,
                 suggestion_id: int | None = None, draft: service.SuggestionForm | None = None):
        super().__init__(parent, settings_key="suggestion_form", title="代表建议", default_size=(1180, 700))
        self.db, self.clock, self.record_id = db, clock, suggestion_id
        self.changed = False
        self.detail: service.SuggestionDetail | None = None
        self._cosigner_ids: list[int] = []
        self._deputies = deputy_choices(db, include_retired=True)
        self._init_form()
        self._init_handling()
        layout = QHBoxLayout(self)
        layout.addWidget(self.form_box, stretch=5)
        layout.addWidget(self.handling_box, stretch=6)
        if suggestion_id is None:
            self._fill(draft or service.SuggestionForm(title="", submitted_on=clock.today()), serial="（保存后编号）")
            self._show_detail()
        else:
            self.refresh()

    # --- the form ---------------------------------------------------------------------------
    def _init_form(self) -> None:
        self.form_box = QGroupBox("建议", self)
        body = QWidget(self.form_box)
        self.ui = ui = Ui_SuggestionForm()
        ui.setupUi(body)
        ui.submitted_on.setMaximumDate(to_qdate(self.clock.today()))
        ui.lead_deputy.set_deputies(self._deputies)
        ui.choose_cosigners.clicked.connect(self.choose_cosigners)
        self.opinions = RecordList(self, hint="建议所依据的群众意见；添加或移除后请点“保存”。", empty="（代表自行提出，未关联意见）")
        self.opinions.opened.connect(self._open_opinion)
        self.opinions.add_button("添加意见…", self.add_opinions)
        self.opinions.add_button("移除所选", self.remove_opinions)
        self.opinions.add_button("打开", self.opinions.open_selected)
        ui.opinions_error = QLabel(self)   # FormErrors finds it by name: the "opinions" field's message
        self.opinions.layout().insertWidget(1, ui.opinions_error)
        self.errors = FormErrors(ui)
        self.save_button = QPushButton("保存", self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self.form_box)
        layout.addWidget(scrolling(body, self.form_box), stretch=1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def _fill(self, form: service.SuggestionForm, *, serial: str) -> None:
        ui = self.ui
        ui.serial.setText(serial)
        ui.title.setText(form.title)
        ui.submitted_on.setDate(to_qdate(form.submitted_on))
        fill_texts(ui.category, category_names(self.db), form.category)
        if not form.category:
            ui.category.setCurrentText("")
        ui.lead_deputy.set_value(form.lead_deputy_id)
        self._set_cosigners(list(form.cosigner_ids))
        fill_combo(ui.department, [(c.id, c.label) for c in department_choices(self.db)], form.department_id,
                   blank="（待定）")
        fill_combo(ui.campaign, [(c.id, c.label) for c in campaign_choices(self.db)], form.campaign_id,
                   blank=NO_CAMPAIGN)
        ui.content.setPlainText(form.content)
        ui.notes.setPlainText(form.notes)
        self.opinions.set_entries(opinion_summaries(self.db, form.opinion_ids))

    def _set_cosigners(self, deputy_ids: list[int]) -> None:
        self._cosigner_ids = deputy_ids
        names = {c.id: c.name for c in self._deputies}
        self.ui.cosigner_names.setText("、".join(names.get(d, "") for d in deputy_ids))

    def form_input(self) -> service.SuggestionForm:
        ui = self.ui
        return service.SuggestionForm(
            title=ui.title.text(), submitted_on=from_qdate(ui.submitted_on.date()), content=ui.content.toPlainText(),
            category=ui.category.currentText().strip(), department_id=ui.department.currentData(),
            lead_deputy_id=ui.lead_deputy.value(), cosigner_ids=list(self._cosigner_ids),
            opinion_ids=self.opinions.ids(), campaign_id=ui.campaign.currentData(), notes=ui.notes.toPlainText())

    def choose_cosigners(self) -> None:
        chosen = pick_deputies(self.db, self, title="选择附议代表", selected=self._cosigner_ids)
        if chosen is not None:
            self._set_cosigners(chosen)

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

    def save(self) -> bool:
        self.errors.clear()
        if not self.ui.lead_deputy.is_blank_or_valid():
            self.errors.show("lead_deputy", "没有这位代表：请从列表中选择。")
            return False
        today = self.clock.today()
        try:
            if self.record_id is None:
                self.record_id = service.create_suggestion(self.db, self.form_input(), today=today)
            else:
                service.update_suggestion(self.db, self.record_id, self.form_input(), today=today)
        except (FieldError, LookupError) as error:
            show_error(self, self.errors, error)
            return False
        self.changed = True
        self.refresh()
        return True

    # --- handling ---------------------------------------------------------------------------
    def _init_handling(self) -> None:
        self.handling_box = QGroupBox("办理情况", self)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.facts = QLabel(self)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        steps = QHBoxLayout()
        self.step_buttons: dict[str, QPushButton] = {}
        for step, text in STEP_BUTTONS.items():
            button = QPushButton(text, self)
            button.clicked.connect(lambda _checked=False, s=step: self.take_step(s))
            self.step_buttons[step] = button
            steps.addWidget(button)
        steps.addStretch(1)
        self.history = QTextBrowser(self)
        self.history.setOpenLinks(False)
        self.attachments = RecordList(self, hint="书面建议、部门答复函、现场照片等，复制到数据库旁的“代表建议附件”文件夹。")
        self.attachments.opened.connect(self.open_attachment)
        self.attachments.add_button("添加附件…", self.add_attachments)
        self.attachments.add_button("删除所选", self.remove_attachments)
        self.attachments.add_button("打开", self.attachments.open_selected)
        self.projects = RecordList(self, empty="（还没有为民办实事项目回应这件建议）")
        self.projects.opened.connect(self._open_project)
        self.projects.add_button("列为为民办实事…", self.new_project,
                                 "以这件建议为来源新建为民办实事项目（建议的意见、代表一并带入）")
        self.projects.add_button("打开", self.projects.open_selected)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.history, "办理记录")
        self.tabs.addTab(self.opinions, "来源意见")
        self.tabs.addTab(self.attachments, "附件")
        self.tabs.addTab(self.projects, "为民办实事")
        self.print_button = paper_button(self, "打印建议表", "代表建议表", self._paper)
        self.delete_button = QPushButton("删除建议", self)
        self.delete_button.setToolTip("只有尚未交办的建议可以删除")
        self.delete_button.clicked.connect(self.delete)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self.handling_box)
        layout.addWidget(self.status_label)
        layout.addWidget(self.facts)
        layout.addLayout(steps)
        layout.addWidget(self.tabs, stretch=1)
        layout.addLayout(bottom)

    def refresh(self) -> None:
        self.detail = service.suggestion_detail(self.db, self.record_id, today=self.clock.today())
        self._fill(self.detail.form(), serial=self.detail.row.serial)
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.detail
        saved = detail is not None
        for widget in (self.print_button, *self.step_buttons.values()):
            widget.setEnabled(saved)
        self.delete_button.setEnabled(saved and detail.row.status == SS.SUBMITTED)
        for index in (2, 3):
            self.tabs.setTabEnabled(index, saved)
        if not saved:
            self.setWindowTitle("新建代表建议")
            self.status_label.setText('<span style="font-size:15px;">新建代表建议</span>')
            self.facts.setText("保存后可以交办承办部门，记录部门的答复和代表的评价。")
            self.history.clear()
            self.tabs.setTabText(1, f"来源意见 ({len(self.opinions.ids())})")
            return
        row = detail.row
        self.setWindowTitle(f"代表建议 {row.serial} — {row.status}")
        color = STATUS_COLORS.get(row.status, "#333333")
        late = f'　<span style="color:#c62828;">已超过答复期限 {row.days_overdue} 天</span>' if row.overdue else ""
        self.status_label.setText(f'<span style="font-size:15px;">编号 {escape(row.serial)}　'
                                  f'<b style="color:{color};">{escape(row.status)}</b>{late}</span>')
        facts = [("领衔代表", escape(row.lead) or "—"), ("承办部门", escape(row.department) or "（待定）")]
        if row.assigned_on:
            due = f"{row.due_on:%Y-%m-%d}" if row.due_on else "—"
            if row.overdue:
                due = f'<span style="color:#c62828;">{due}（已超期 {row.days_overdue} 天）</span>'
            facts += [("交办日期", f"{row.assigned_on:%Y-%m-%d}"), ("答复期限", due)]
        if detail.reply:
            facts.append(("部门答复", f"{row.replied_on:%Y-%m-%d}：{escape(detail.reply)}"))
        if row.verdict:
            facts.append(("代表评价", f"{escape(row.verdict)}（{detail.verdict_on:%Y-%m-%d}）"
                          if detail.verdict_on else escape(row.verdict)))
        self.facts.setText(facts_html(facts))
        for step, button in self.step_buttons.items():
            button.setEnabled(step in detail.allowed)
        self.history.setHtml(timeline_html([(h.on, h.action, h.from_status, h.to_status, h.note)
                                            for h in detail.history]))
        self.attachments.set_entries([(a.id, a.caption or Path(a.file).name) for a in detail.attachments])
        self.projects.set_entries([(i, f"{name}（{status}）") for i, name, status in detail.projects])
        self.tabs.setTabText(1, f"来源意见 ({len(detail.opinions)})")
        self.tabs.setTabText(2, f"附件 ({len(detail.attachments)})")
        self.tabs.setTabText(3, f"为民办实事 ({len(detail.projects)})")

    def take_step(self, step: str) -> None:
        today = self.clock.today()
        row = self.detail.row
        suggestion_id = self.record_id
        on = Field("on", "日期", DATE, default=today, latest=today)
        intro = f"{row.serial}　{row.title}"
        if step == SuggestionStep.ASSIGN:
            again = row.status != SS.SUBMITTED
            fields = [on, Field("department", "承办部门", CHOICE, default=row.department_id,
                                choices=[(c.id, c.label) for c in department_choices(self.db)]),
                      Field("due_on", "答复期限", DATE, default=today + dt.timedelta(days=SUGGESTION_DUE_DAYS)),
                      Field("note", "交办意见")]

            def submit(v):
                service.assign_suggestion(self.db, suggestion_id, on=v["on"], today=today,
                                          department_id=v["department"], due_on=v["due_on"], note=v["note"])
            title = "转交其他部门" if again else "交办"
        elif step == SuggestionStep.PROGRESS:
            fields = [on, Field("note", "办理情况", placeholder="例如：部门已现场调研，正在制定方案")]

            def submit(v):
                service.record_progress(self.db, suggestion_id, note=v["note"], on=v["on"], today=today)
            title = "记录办理情况"
        elif step == SuggestionStep.REPLY:
            fields = [on, Field("reply", "部门答复", placeholder="承办部门书面答复的要点", height=200)]

            def submit(v):
                service.record_reply(self.db, suggestion_id, reply=v["reply"], on=v["on"], today=today)
            title = "记录部门答复"
        else:
            unsatisfied = Satisfaction.UNSATISFIED.value
            fields = [on, Field("verdict", "代表评价", CHOICE, choices=[(s.value, s.value) for s in Satisfaction]),
                      Field("due_on", "新的答复期限", DATE, default=today + dt.timedelta(days=REOPEN_DUE_DAYS),
                            enabled_by=("verdict", lambda value: value == unsatisfied)),
                      Field("note", "说明", placeholder="不满意时写明代表的意见")]

            def submit(v):
                return service.record_verdict(self.db, suggestion_id, verdict=v["verdict"], on=v["on"], today=today,
                                              new_due_on=v["due_on"], note=v["note"])
            title = "代表对答复的评价"
            intro += "\n选择“不满意”时，建议退回承办部门重新办理，请定一个新的答复期限。"
        dialog = StepDialog(self, title=title, fields=fields, submit=submit, intro=intro,
                            settings_key=f"suggestion_step_{step}")
        if dialog.exec():
            self.changed = True
        self.refresh()

    # --- attachments, projects, paper ---------------------------------------------------------
    def add_attachments(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, "选择附件", start_path(),
                                                      "文档和照片 (*.pdf *.doc *.docx *.wps *.xls *.xlsx *.et *.txt *.ofd "
                                                      "*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic);;所有文件 (*)")
        if not files:
            return
        try:
            service.add_attachments(self.db, self.record_id, [Path(f) for f in files])
        except (FieldError, LookupError) as error:
            QMessageBox.warning(self, "无法添加附件", str(error))
            return
        self.changed = True
        self.refresh()
        self.tabs.setCurrentWidget(self.attachments)

    def remove_attachments(self) -> None:
        chosen = self.attachments.selected_ids()
        if not chosen or QMessageBox.question(self, "删除附件", f"删除所选的 {len(chosen)} 个附件吗？文件也会一并删除。") \
                != QMessageBox.StandardButton.Yes:
            return
        for attachment_id in chosen:
            service.remove_attachment(self.db, attachment_id)
        self.changed = True
        self.refresh()

    def open_attachment(self, attachment_id: int) -> None:
        entry = next(a for a in self.detail.attachments if a.id == attachment_id)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db.attachments_dir / entry.file)))

    def new_project(self) -> None:
        from gridoffice.services.outcomes.projects import ProjectForm

        detail = self.detail
        draft = ProjectForm(name=detail.row.title.removeprefix("关于").removesuffix("的建议"),
                            year=self.clock.today().year, suggestion_id=self.record_id,
                            opinion_ids=[o.id for o in detail.opinions],
                            deputy_ids=[d for d in (detail.lead_deputy_id, *detail.cosigner_ids) if d],
                            responsible_unit=detail.row.department, campaign_id=detail.campaign_id,
                            description=detail.content)
        if open_project(self.db, self.clock, self, None, draft=draft) is not None:
            self.changed = True
            self.refresh()

    def _open_project(self, project_id: int) -> None:
        if open_project(self.db, self.clock, self, project_id) is not None:
            self.changed = True
            self.refresh()

    def _paper(self):
        from gridoffice.services.outcomes.papers import write_suggestion_form

        row = self.detail.row
        return (f"代表建议-{row.serial}",
                lambda path: write_suggestion_form(self.db, self.record_id, path, today=self.clock.today()))

    def delete(self) -> None:
        row = self.detail.row
        if QMessageBox.question(self, "删除代表建议", f"删除建议 {row.serial}“{row.title}”吗？所依据的意见会保留。") \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            service.delete_suggestion(self.db, self.record_id)
        except (ValueError, LookupError) as error:
            QMessageBox.warning(self, "不能删除", str(error))
            return
        self.changed = True
        self.record_id = None
        super().accept()

    def reject(self) -> None:
        if self.changed:
            super().accept()
        else:
            super().reject()
