"""民情办理 dialogs: the opinion form (需求单 in full, the loop's state, its timeline), one small
dialog per step, the papers it prints, and the two lists the clerk keeps (categories, departments).

Other tabs register opinions through `register_opinion_dialog` (a visit, a reception day).
"""
import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialogButtonBox, QGridLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout,
                               QWidget)

from gridoffice.db import Database
from gridoffice.domain.enums import (HandlingMode, OpinionChannel, OpinionStatus, RejectReason, ReplyMethod,
                                     Satisfaction, Urgency)
from gridoffice.domain.opinion_rules import OpinionRuleError, Step, TransitionError, reopens
from gridoffice.paths import preview_file
from gridoffice.services.opinions import loop as service
from gridoffice.services.opinions.lists import (CategoryEntry, DepartmentEntry, ListInputError, delete_department,
                                               department_names, list_categories, list_departments, save_categories,
                                               save_department)
from gridoffice.services.opinions.loop import OpinionDetail, OpinionForm, OpinionNotFoundError
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.deputy_picker import DeputyPicker
from gridoffice.widgets.dates import from_qdate, to_qdate
from gridoffice.widgets.filters import SearchableCombo
from gridoffice.widgets.form import ValidatedForm
from gridoffice.widgets.pdf_preview import PdfPreviewDialog
from gridoffice.widgets.row_colors import RowColorDelegate
from gridoffice.services.common.lookups import deputy_choices, grid_choices

S = OpinionStatus
STATUS_COLORS = {S.REGISTERED: "#6a1b9a", S.CLAIMED: "#1565c0", S.ASSIGNED: "#00695c", S.RESOLVED: "#ef6c00",
                 S.CLOSED: "#2e7d32", S.REJECTED: "#757575"}
STEP_COLORS = {"登记": "#6a1b9a", "认领": "#1565c0", "交办": "#00695c", "进展": "#546e7a", "督办": "#c62828",
               "办结": "#ef6c00", "回复": "#2e7d32", "评价": "#2e7d32", "重办": "#c62828", "不予受理": "#757575",
               "标记": "#8d6e63"}
# the buttons of the form, in the order of the loop
STEP_BUTTONS = (
    (Step.CLAIM, "代表认领…"), (Step.ASSIGN, "交办部门…"), (Step.PROGRESS, "记录进展…"), (Step.SUPERVISE, "督办…"),
    (Step.RESOLVE, "办结…"), (Step.REPLY, "回复群众…"), (Step.RATE, "群众评价…"), (Step.REOPEN, "重新办理…"),
    (Step.REJECT, "不予受理…"),
)
DUE_DAYS = {Urgency.URGENT.value: 7, Urgency.NORMAL.value: 15}


def _date_edit(parent: QWidget, day: dt.date, *, latest: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if latest:
        edit.setMaximumDate(to_qdate(latest))
    edit.setDate(to_qdate(day))
    return edit


def _buttons(dialog: BaseDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _show_rule_error(parent: QWidget, form: ValidatedForm, error: Exception) -> None:
    """Beside the field it is about when the form has that field, else in a message box."""
    field = getattr(error, "field", "")
    if field in form.fields:
        form.show_error(field, str(error))
    else:
        QMessageBox.warning(parent, "无法保存", str(error))


def register_opinion_dialog(db: Database, parent: QWidget | None, *, channel: str, received_on: dt.date,
                            reception_day_id: int | None = None, activity_id: int | None = None,
                            grid_id: int | None = None) -> int | None:
    """Open the 需求单 registration form prefilled; returns the new opinion's id, or None if cancelled."""
    prefill = OpinionForm(received_on=received_on, channel=channel, content="", grid_id=grid_id,
                          activity_id=activity_id, reception_day_id=reception_day_id)
    dialog = OpinionDialog(db, parent, today=max(dt.date.today(), received_on), prefill=prefill)
    return dialog.opinion_id if dialog.exec() else None


# --- the opinion form -----------------------------------------------------------------------

class OpinionDialog(BaseDialog):
    """A new 需求单 (opinion_id None, optionally prefilled) or an existing opinion with its loop."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date,
                 opinion_id: int | None = None, prefill: OpinionForm | None = None):
        super().__init__(parent, settings_key="opinion_form" if opinion_id else "opinion_register",
                         title="登记群众意见（需求单）" if opinion_id is None else "民情意见",
                         default_size=(1180, 700) if opinion_id else (560, 620))
        self.db, self.today, self.opinion_id = db, today, opinion_id
        self.changed = False
        self.detail: OpinionDetail | None = None
        self._prefill = prefill or OpinionForm(received_on=today, channel=OpinionChannel.PHONE.value, content="")
        self._init_form()
        layout = QHBoxLayout(self)
        layout.addWidget(self.form_box, stretch=4)
        if opinion_id is not None:
            self._init_handling()
            layout.addWidget(self.handling_box, stretch=6)
            self.refresh()
        else:
            self._fill_form(self._prefill, source="")

    # --- 需求单 ---------------------------------------------------------------------------
    def _init_form(self) -> None:
        self.form_box = QGroupBox("需求单（群众的个人信息只在本表单中完整显示）", self)
        self.received_edit = _date_edit(self, self.today, latest=self.today)
        self.channel_combo = QComboBox(self)
        self.channel_combo.addItems([c.value for c in OpinionChannel])
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("可不填（匿名）")
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setPlaceholderText("手机或固定电话，用于回复")
        self.address_edit = QLineEdit(self)
        self.grid_combo = SearchableCombo("（未指定网格）", self)
        self.category_combo = QComboBox(self)
        self.urgency_combo = QComboBox(self)
        self.urgency_combo.addItems([u.value for u in Urgency])
        self.content_edit = QPlainTextEdit(self)
        self.content_edit.setPlaceholderText("群众反映的问题或意见，尽量写清地点和诉求")
        self.content_edit.setMinimumHeight(90)
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)

        self.form = ValidatedForm()
        self.form.add_field("received_on", "登记日期", self.received_edit)
        self.form.add_field("channel", "来源渠道", self.channel_combo)
        self.form.addRow("来源", self.source_label)
        self.form.add_field("resident_name", "群众姓名", self.name_edit)
        self.form.add_field("resident_phone", "联系电话", self.phone_edit)
        self.form.add_field("resident_address", "住址", self.address_edit)
        self.form.add_field("grid", "所属网格", self.grid_combo)
        self.form.add_field("category", "意见分类", self.category_combo)
        self.form.add_field("urgency", "紧急程度", self.urgency_combo)
        self.form.add_field("content", "反映问题", self.content_edit)

        layout = QVBoxLayout(self.form_box)
        layout.addLayout(self.form)
        layout.addStretch(1)
        if self.opinion_id is None:
            layout.addWidget(_buttons(self, "登记"))
        else:
            save = QPushButton("保存需求单的修改", self)
            save.clicked.connect(self.save_form)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(save)
            layout.addLayout(row)
        with self.db.session() as session:
            self.grid_combo.set_choices([(c.id, c.label) for c in grid_choices(self.db)])
            self.category_combo.addItems(service.category_names(session))

    def _fill_form(self, form: OpinionForm, *, source: str) -> None:
        self.received_edit.setDate(to_qdate(form.received_on))
        self.channel_combo.setCurrentText(form.channel)
        self.name_edit.setText(form.resident_name)
        self.phone_edit.setText(form.resident_phone)
        self.address_edit.setText(form.resident_address)
        self.grid_combo.set_value(form.grid_id)
        if self.category_combo.findText(form.category) < 0:
            self.category_combo.addItem(form.category)  # a category since removed from the list
        self.category_combo.setCurrentText(form.category)
        self.urgency_combo.setCurrentText(form.urgency)
        self.content_edit.setPlainText(form.content)
        if not source and form.activity_id:
            source = "走访活动（保存后关联）"
        if not source and form.reception_day_id:
            source = "接待日（保存后关联）"
        self.source_label.setText(source or "—")

    def form_input(self) -> OpinionForm:
        return OpinionForm(
            received_on=from_qdate(self.received_edit.date()), channel=self.channel_combo.currentText(),
            content=self.content_edit.toPlainText(), resident_name=self.name_edit.text(),
            resident_phone=self.phone_edit.text(), resident_address=self.address_edit.text(),
            grid_id=self.grid_combo.value(), category=self.category_combo.currentText(),
            urgency=self.urgency_combo.currentText(), activity_id=self._prefill.activity_id,
            reception_day_id=self._prefill.reception_day_id)

    def _check_grid(self) -> bool:
        if self.grid_combo.is_blank_or_valid():
            return True
        self.form.show_error("grid", "没有这个网格：请从列表中选择，或清空。")
        return False

    def accept(self) -> None:
        """Registering a new 需求单."""
        if self.opinion_id is not None:
            super().accept()
            return
        self.form.clear_errors()
        if not self._check_grid():
            return
        try:
            with self.db.session() as session:
                self.opinion_id = service.register_opinion(session, self.form_input(), self.today).id
        except OpinionRuleError as error:
            _show_rule_error(self, self.form, error)
            return
        self.changed = True
        super().accept()

    def save_form(self) -> None:
        self.form.clear_errors()
        if not self._check_grid():
            return
        try:
            with self.db.session() as session:
                service.update_form(session, self.opinion_id, self.form_input(), self.today)
        except (OpinionRuleError, TransitionError, OpinionNotFoundError) as error:
            _show_rule_error(self, self.form, error)
            return
        self.changed = True
        self.refresh()

    # --- 办理 -------------------------------------------------------------------------------
    def _init_handling(self) -> None:
        self.handling_box = QGroupBox("办理情况", self)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.facts = QLabel(self)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step_buttons: dict[Step, QPushButton] = {}
        steps = QGridLayout()
        for index, (step, text) in enumerate(STEP_BUTTONS):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _checked=False, s=step: self.take_step(s))
            self.step_buttons[step] = button
            steps.addWidget(button, index // 5, index % 5)
        self.print_assignment = QPushButton("打印交办单", self)
        self.print_assignment.clicked.connect(lambda: self.print_paper("交办单"))
        self.print_supervision = QPushButton("打印督办单", self)
        self.print_supervision.clicked.connect(lambda: self.print_paper("督办单"))
        self.print_reply = QPushButton("打印结果告知书", self)
        self.print_reply.clicked.connect(lambda: self.print_paper("结果告知书"))
        self.contact_check = QCheckBox("交办单、督办单附群众联系方式", self)
        self.contact_check.setToolTip("只在承办部门需要直接联系群众时勾选（如入户维修）；默认不印群众个人信息")
        prints = QHBoxLayout()
        for widget in (self.print_assignment, self.print_supervision, self.print_reply, self.contact_check):
            prints.addWidget(widget)
        prints.addStretch(1)
        self.timeline = QTextBrowser(self)
        self.timeline.setOpenLinks(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self.handling_box)
        layout.addWidget(self.status_label)
        layout.addWidget(self.facts)
        layout.addLayout(steps)
        layout.addLayout(prints)
        layout.addWidget(QLabel("办理记录", self))
        layout.addWidget(self.timeline, stretch=1)
        layout.addWidget(close)

    def refresh(self) -> None:
        with self.db.session() as session:
            self.detail = service.opinion_detail(session, self.opinion_id, self.today)
        detail, opinion = self.detail, self.detail.opinion
        self.setWindowTitle(f"民情意见 {opinion.serial} — {opinion.status}")
        self._fill_form(OpinionForm(
            received_on=opinion.received_on, channel=opinion.channel, content=opinion.content,
            resident_name=opinion.resident_name, resident_phone=opinion.resident_phone,
            resident_address=opinion.resident_address, grid_id=opinion.grid_id, category=opinion.category,
            urgency=opinion.urgency, activity_id=opinion.activity_id, reception_day_id=opinion.reception_day_id),
            source=detail.source)
        self._prefill = self.form_input()
        color = STATUS_COLORS.get(opinion.status, "#333333")
        late = f'　<span style="color:#c62828;">已超期 {detail.days_overdue} 天</span>' if detail.overdue else ""
        self.status_label.setText(f'<span style="font-size:16px;">编号 {opinion.serial}　'
                                  f'<b style="color:{color};">{opinion.status}</b>{late}</span>')
        self.facts.setText(_facts_html(detail))
        for step, button in self.step_buttons.items():
            button.setEnabled(step in detail.allowed)
        self.print_assignment.setEnabled(bool(opinion.department_id))
        self.print_supervision.setEnabled(opinion.status == S.ASSIGNED and (detail.overdue or
                                                                           opinion.handling_mode == "督办"))
        self.print_reply.setEnabled(bool(opinion.result))
        self.timeline.setHtml(timeline_html(detail))

    def take_step(self, step: Step) -> None:
        dialog = StepDialog(self.db, self, step=step, detail=self.detail, today=self.today)
        if dialog.exec():
            self.changed = True
        self.refresh()

    def print_paper(self, which: str) -> None:
        preview_paper(self.db, self, self.detail.opinion.id, which, today=self.today,
                      with_contact=self.contact_check.isChecked())

    def reject(self) -> None:
        if self.changed:
            super().accept()   # the list behind reloads when the dialog was accepted
        else:
            super().reject()


def preview_paper(db: Database, parent: QWidget, opinion_id: int, which: str, *, today: dt.date,
                  with_contact: bool = False) -> None:
    """Make one of the papers (交办单, 督办单, 结果告知书) and show it for printing."""
    from gridoffice.services.opinions.papers import (SlipError, write_assignment_slip, write_reply_notice,
                                                 write_supervision_slip)  # ReportLab: not on the start-up path

    writers = {"交办单": write_assignment_slip, "督办单": write_supervision_slip, "结果告知书": write_reply_notice}
    with db.session() as session:
        serial = service.get_opinion(session, opinion_id).serial
    target = preview_file(f"{which}-{serial}.pdf")
    options = {"with_contact": with_contact} if which != "结果告知书" else {}
    try:
        with db.session() as session:
            writers[which](session, opinion_id, target, today=today, **options)
    except SlipError as error:
        QMessageBox.information(parent, f"不能打印{which}", str(error))
        return
    except OSError as error:
        QMessageBox.warning(parent, "无法生成 PDF", f"生成{which}失败：{error}")
        return
    PdfPreviewDialog(target, title=f"{which} {serial}", suggested_name=f"{which}-{serial}.pdf", parent=parent).exec()


def _facts_html(detail: OpinionDetail) -> str:
    """The state of the loop in a few lines: who, which department, until when, what came of it."""
    opinion = detail.opinion
    rows = [("认领代表", escape(detail.deputy) or "—")]
    if opinion.department_id:
        due = opinion.due_on.isoformat() if opinion.due_on else "—"
        if detail.overdue:
            due = f'<span style="color:#c62828;">{due}（已超期 {detail.days_overdue} 天）</span>'
        rows += [("承办部门", f"{escape(detail.department)}　{escape(opinion.handling_mode)}"), ("办理期限", due)]
    if opinion.result:
        rows.append(("办理结果", f"{escape(opinion.result)}（{opinion.resolved_on:%Y-%m-%d}）"))
    if opinion.reply:
        rows.append(("回复群众", f"{opinion.replied_on:%Y-%m-%d} {escape(opinion.reply_method)}回复：{escape(opinion.reply)}"))
    if opinion.satisfaction:
        rows.append(("群众评价", escape(opinion.satisfaction)))
    if opinion.reject_reason:
        rows.append(("不予受理", f"原因：{escape(opinion.reject_reason)}；已引导至{escape(opinion.referred_to)}"))
    cells = "".join(f'<tr><td style="color:#607d8b; padding-right:8px; white-space:nowrap;">{label}</td>'
                    f"<td>{html}</td></tr>" for label, html in rows)
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


def timeline_html(detail: OpinionDetail) -> str:
    """Every step with its date, oldest first: what the clerk reads to follow the matter."""
    rows = []
    for entry in detail.history:
        color = STEP_COLORS.get(entry.action, "#546e7a")
        change = (f'<br><span style="color:#90a4ae;">{escape(entry.from_status)} → {escape(entry.to_status)}</span>'
                  if entry.from_status and entry.from_status != entry.to_status else "")
        rows.append(
            f'<tr><td style="color:#455a64; white-space:nowrap; padding-right:6px;">{entry.on:%Y-%m-%d}</td>'
            f'<td style="white-space:nowrap; padding-right:6px;"><span style="color:white; background-color:{color};">'
            f'&nbsp;{escape(entry.action)}&nbsp;</span></td>'
            f'<td style="color:#263238;">{escape(entry.note)}{change}</td></tr>')
    return "<table cellspacing='0' cellpadding='4' width='100%'>" + "".join(rows) + "</table>"


# --- one step of the loop -------------------------------------------------------------------

class StepDialog(BaseDialog):
    """The fields one step needs; the service checks them and writes the history entry."""

    def __init__(self, db: Database, parent: QWidget | None, *, step: Step, detail: OpinionDetail,
                 today: dt.date):
        title = dict(STEP_BUTTONS).get(step, step.value).rstrip("…")
        super().__init__(parent, settings_key=f"opinion_step_{step.name.lower()}",
                         title=f"{title} — {detail.opinion.serial}", default_size=(520, 420))
        self.db, self.step, self.detail, self.today = db, step, detail, today
        opinion = detail.opinion
        self.form = ValidatedForm()
        intro = QLabel(f"{opinion.serial}　{opinion.category}：{opinion.content}", self)
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #455a64;")
        self.on_edit = _date_edit(self, today, latest=today)
        self.form.add_field("on", "日期", self.on_edit)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setMaximumHeight(90)
        getattr(self, f"_fields_{step.name.lower()}")()
        if "note" not in self.form.fields:
            self.note_edit.hide()   # this step has no note: keep the spare editor out of sight
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(_buttons(self, "确定"))

    # the fields of each step
    def _fields_claim(self) -> None:
        self.picker = DeputyPicker(self, single=True)
        with self.db.session() as session:
            self.picker.set_choices(deputy_choices(self.db))
        self.picker.setMinimumHeight(220)
        self.form.add_field("deputy", "认领代表", self.picker)
        self.form.add_field("note", "说明", self.note_edit)

    def _fields_assign(self) -> None:
        self.department_combo = QComboBox(self)
        with self.db.session() as session:
            for id_, name in department_names(session):
                self.department_combo.addItem(name, id_)
        opinion = self.detail.opinion
        if opinion.department_id:
            self.department_combo.setCurrentIndex(max(self.department_combo.findData(opinion.department_id), 0))
        self.mode_combo = QComboBox(self)
        self.mode_combo.addItems([m.value for m in HandlingMode])
        self.mode_combo.setCurrentText(opinion.handling_mode or HandlingMode.ASSIGN.value)
        days = DUE_DAYS.get(opinion.urgency, 15)
        self.due_edit = _date_edit(self, self.today + dt.timedelta(days=days))
        self.form.add_field("department", "承办部门", self.department_combo)
        self.form.add_field("mode", "办理方式", self.mode_combo)
        self.form.add_field("due_on", "办理期限", self.due_edit)
        self.form.add_field("note", "交办意见", self.note_edit)

    def _fields_progress(self) -> None:
        self.note_edit.setPlaceholderText("例如：已现场查看，部门答复本月底前完成")
        self.form.add_field("note", "办理进展", self.note_edit)

    def _fields_supervise(self) -> None:
        self.change_due = QCheckBox("同时改定办理期限", self)
        self.due_edit = _date_edit(self, self.today + dt.timedelta(days=7))
        self.due_edit.setEnabled(False)
        self.change_due.toggled.connect(self.due_edit.setEnabled)
        self.form.add_field("change_due", "", self.change_due)
        self.form.add_field("due_on", "新的期限", self.due_edit)
        self.note_edit.setPlaceholderText("例如：已电话督促，要求一周内办结")
        self.form.add_field("note", "督办意见", self.note_edit)

    def _fields_resolve(self) -> None:
        self.result_edit = QPlainTextEdit(self)
        self.result_edit.setPlaceholderText("承办部门的办理结果")
        self.form.add_field("result", "办理结果", self.result_edit)

    def _fields_reply(self) -> None:
        self.reply_edit = QPlainTextEdit(self)
        self.reply_edit.setPlainText(self.detail.opinion.result)
        self.method_combo = QComboBox(self)
        self.method_combo.addItems([m.value for m in ReplyMethod])
        self._satisfaction_fields(optional=True)
        self.form.add_field("reply", "回复内容", self.reply_edit)
        self.form.add_field("reply_method", "回复方式", self.method_combo)
        self.form.add_field("satisfaction", "群众评价", self.satisfaction_combo)
        self.form.add_field("due_on", "重办期限", self.due_edit)

    def _fields_rate(self) -> None:
        self._satisfaction_fields(optional=False)
        self.form.add_field("satisfaction", "群众评价", self.satisfaction_combo)
        self.form.add_field("due_on", "重办期限", self.due_edit)
        self.form.add_field("note", "说明", self.note_edit)

    def _satisfaction_fields(self, *, optional: bool) -> None:
        self.satisfaction_combo = QComboBox(self)
        if optional:
            self.satisfaction_combo.addItem("（暂未评价）", "")
        for value in Satisfaction:
            self.satisfaction_combo.addItem(value.value, value.value)
        self.due_edit = _date_edit(self, self.today + dt.timedelta(days=15))
        self.due_edit.setToolTip("群众不满意时重新交办的期限")

        def update(_index=0) -> None:
            self.due_edit.setEnabled(reopens(self.satisfaction_combo.currentData()))
        self.satisfaction_combo.currentIndexChanged.connect(update)
        update()

    def _fields_reopen(self) -> None:
        self.due_edit = _date_edit(self, self.today + dt.timedelta(days=15))
        self.note_edit.setPlaceholderText("为什么要重新办理")
        self.form.add_field("due_on", "新的期限", self.due_edit)
        self.form.add_field("note", "原因", self.note_edit)

    def _fields_reject(self) -> None:
        self.reason_combo = QComboBox(self)
        self.reason_combo.addItems([r.value for r in RejectReason])
        self.referred_edit = QLineEdit(self)
        self.referred_edit.setPlaceholderText("例如：区人民法院诉讼服务中心、区劳动人事争议仲裁院、区信访局")
        self.form.add_field("reason", "原因", self.reason_combo)
        self.form.add_field("referred_to", "引导至", self.referred_edit)
        self.form.add_field("note", "说明", self.note_edit)

    # doing the step
    def _call(self, session):
        on, note, opinion_id = from_qdate(self.on_edit.date()), self.note_edit.toPlainText(), self.detail.opinion.id
        common = {"on": on, "today": self.today}
        step = self.step
        if step == Step.CLAIM:
            ids = self.picker.selected_ids()
            if not ids:
                raise OpinionRuleError("deputy", "请选择认领的代表。")
            return service.claim(session, opinion_id, deputy_id=ids[0], note=note, **common)
        if step == Step.ASSIGN:
            return service.assign(session, opinion_id, department_id=self.department_combo.currentData(),
                                  mode=self.mode_combo.currentText(), due_on=from_qdate(self.due_edit.date()),
                                  note=note, **common)
        if step == Step.PROGRESS:
            return service.add_progress(session, opinion_id, note=note, **common)
        if step == Step.SUPERVISE:
            new_due = from_qdate(self.due_edit.date()) if self.change_due.isChecked() else None
            return service.supervise(session, opinion_id, note=note, new_due_on=new_due, **common)
        if step == Step.RESOLVE:
            return service.resolve(session, opinion_id, result=self.result_edit.toPlainText(), **common)
        if step == Step.REPLY:
            return service.reply(session, opinion_id, text=self.reply_edit.toPlainText(),
                                 method=self.method_combo.currentText(),
                                 satisfaction=self.satisfaction_combo.currentData(),
                                 new_due_on=from_qdate(self.due_edit.date()), **common)
        if step == Step.RATE:
            return service.rate(session, opinion_id, satisfaction=self.satisfaction_combo.currentData(), note=note,
                                new_due_on=from_qdate(self.due_edit.date()), **common)
        if step == Step.REOPEN:
            return service.reopen(session, opinion_id, due_on=from_qdate(self.due_edit.date()), reason=note,
                                  **common)
        if step == Step.REJECT:
            return service.reject(session, opinion_id, reason=self.reason_combo.currentText(),
                                  referred_to=self.referred_edit.text(), note=note, **common)
        raise ValueError(step)

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            with self.db.session() as session:
                self._call(session)
        except OpinionRuleError as error:
            _show_rule_error(self, self.form, error)
            return
        except (TransitionError, OpinionNotFoundError) as error:
            QMessageBox.warning(self, "不能办理", str(error))
            super().reject()
            return
        super().accept()


# --- the clerk's lists ------------------------------------------------------------------------

class CategoryListDialog(BaseDialog):
    """意见分类: add, rename (double-click), remove unused ones, reorder."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="opinion_categories", title="意见分类", default_size=(420, 480))
        self.db = db
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(self.list.editItem)
        with db.session() as session:
            for entry in list_categories(session):
                self._add_item(entry)
        hint = QLabel("双击可改名；改名后已有意见一并改过来。已有意见使用的分类不能删除。", self)
        hint.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        side = QVBoxLayout()
        for text, slot in (("添加", self.add), ("删除", self.remove), ("上移", lambda: self.move(-1)),
                           ("下移", lambda: self.move(1))):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            side.addWidget(button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, stretch=1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(body)
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self, "保存"))

    def _add_item(self, entry: CategoryEntry) -> QListWidgetItem:
        item = QListWidgetItem(entry.name, self.list)
        item.setData(Qt.ItemDataRole.UserRole, entry.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(f"已有 {entry.used} 条意见" if entry.used else "尚无意见使用")
        return item

    def add(self) -> None:
        item = self._add_item(CategoryEntry(None, "新分类"))
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def entries(self) -> list[CategoryEntry]:
        return [CategoryEntry(self.list.item(i).data(Qt.ItemDataRole.UserRole), self.list.item(i).text())
                for i in range(self.list.count())]

    def accept(self) -> None:
        try:
            with self.db.session() as session:
                save_categories(session, self.entries())
        except ListInputError as error:
            self.error_label.setText(str(error))
            return
        super().accept()


class DepartmentListDialog(BaseDialog):
    """职能部门: the departments opinions are assigned to, with a contact and a phone."""

    HEADERS = ("部门名称", "联系人", "电话", "备注", "承办意见")

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="departments", title="职能部门", default_size=(760, 480))
        self.db = db
        self._deleted: list[int] = []
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 90), (2, 130), (3, 160), (4, 80)):
            self.table.setColumnWidth(column, width)
        with db.session() as session:
            for entry in list_departments(session):
                self._add_row(entry)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        add = QPushButton("添加部门", self)
        add.clicked.connect(lambda: self._add_row(DepartmentEntry(None, ""), edit=True))
        remove = QPushButton("删除所选部门", self)
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("交办意见时从这里选择承办部门。已承办意见的部门不能删除，可以改名。", self))
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self, "保存"))

    def _add_row(self, entry: DepartmentEntry, *, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((entry.name, entry.contact, entry.phone, entry.notes)):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.table.setItem(row, column, item)
        used = QTableWidgetItem(str(entry.used))
        used.setFlags(used.flags() & ~Qt.ItemFlag.ItemIsEditable)
        used.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 4, used)
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        if int(self.table.item(row, 4).text() or 0):
            self.error_label.setText(f"“{self.table.item(row, 0).text()}”已承办意见，不能删除；可以改名。")
            return
        department_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if department_id is not None:
            self._deleted.append(department_id)
        self.table.removeRow(row)

    def entries(self) -> list[DepartmentEntry]:
        return [DepartmentEntry(self.table.item(r, 0).data(Qt.ItemDataRole.UserRole),
                                *(self.table.item(r, c).text() if self.table.item(r, c) else "" for c in range(4)))
                for r in range(self.table.rowCount())]

    def accept(self) -> None:
        try:
            with self.db.session() as session:
                for department_id in self._deleted:
                    delete_department(session, department_id)
                for row, entry in enumerate(self.entries(), start=1):
                    try:
                        save_department(session, entry)
                    except ListInputError as error:
                        raise ListInputError(error.field, f"第 {row} 行：{error}") from error
        except ListInputError as error:
            self.error_label.setText(str(error))
            return
        super().accept()


# --- start-up reminder ------------------------------------------------------------------------

class DueReminderDialog(BaseDialog):
    """At start-up: the matters past their due date and those due this week. Not modal."""

    def __init__(self, summary: service.DueSummary, parent: QWidget | None = None, *, on_open=None):
        super().__init__(parent, settings_key="due_reminder", title="民情意见办理提醒", default_size=(760, 420))
        self.setModal(False)
        self._on_open = on_open
        header = QLabel(f"<b style='color:#c62828;'>超过办理期限 {len(summary.overdue)} 件</b>　　"
                        f"<b style='color:#b26a00;'>本周内到期 {len(summary.due_soon)} 件</b>", self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(("", "编号", "办理期限", "承办部门", "认领代表", "反映问题"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 70), (1, 85), (2, 95), (3, 120), (4, 75)):
            self.table.setColumnWidth(column, width)
        for label, rows in (("已超期", summary.overdue), ("本周到期", summary.due_soon)):
            for entry in rows:
                self._add(label, entry)
        self.table.setItemDelegate(RowColorDelegate(self.table))
        self.table.cellDoubleClicked.connect(self._open)
        hint = QLabel("双击一行打开这条意见；状态栏随时显示超期和本周到期的件数。", self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("知道了")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(hint)
        layout.addWidget(close)

    def _add(self, label: str, entry: service.OpinionRow) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        texts = (label, entry.serial, entry.due_on.isoformat() if entry.due_on else "", entry.department, entry.deputy,
                 entry.content)
        color = QColor("#c62828" if entry.overdue else "#b26a00")
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            if column == 0:
                item.setForeground(color)
            self.table.setItem(row, column, item)

    def _open(self, row: int, _column: int) -> None:
        if self._on_open:
            self._on_open(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))

