"""办理情况: the right half of an opinion's form. Where the loop stands, a button per step,
the three papers, and the timeline of every step taken."""
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from gridoffice.domain.enums import OpinionStatus
from gridoffice.domain.opinion_rules import Step
from gridoffice.services.opinions.detail import OpinionDetail
from gridoffice.widgets.base_dialog import mark_transient

from .steps import STEPS

S = OpinionStatus
STATUS_COLORS = {S.REGISTERED: "#6a1b9a", S.CLAIMED: "#1565c0", S.ASSIGNED: "#00695c", S.RESOLVED: "#ef6c00",
                 S.CLOSED: "#2e7d32", S.REJECTED: "#757575"}
STEP_COLORS = {"登记": "#6a1b9a", "认领": "#1565c0", "交办": "#00695c", "进展": "#546e7a", "督办": "#c62828",
               "办结": "#ef6c00", "回复": "#2e7d32", "评价": "#2e7d32", "重办": "#c62828", "不予受理": "#757575",
               "标记": "#8d6e63"}


class HandlingPanel(QGroupBox):
    step_requested = Signal(object)    # the Step whose button was clicked
    print_requested = Signal(str)      # 交办单, 督办单 or 结果告知书
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__("办理情况", parent)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.facts = QLabel(self)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step_buttons: dict[Step, QPushButton] = {}
        steps = QGridLayout()
        for index, spec in enumerate(STEPS.values()):
            button = QPushButton(spec.button_text, self)
            button.clicked.connect(lambda _checked=False, s=spec.step: self.step_requested.emit(s))
            self.step_buttons[spec.step] = button
            steps.addWidget(button, index // 5, index % 5)
        self.print_assignment = self._print_button("打印交办单", "交办单")
        self.print_supervision = self._print_button("打印督办单", "督办单")
        self.print_reply = self._print_button("打印结果告知书", "结果告知书")
        self.print_reply.setToolTip("办结的意见：办理结果告知书（附评价回执）；不予受理的意见：不予受理告知书")
        self.contact_check = mark_transient(QCheckBox("交办单、督办单附群众联系方式", self))
        self.contact_check.setToolTip("只在承办部门需要直接联系群众时勾选（如入户维修）；默认不印群众个人信息")
        prints = QHBoxLayout()
        for widget in (self.print_assignment, self.print_supervision, self.print_reply, self.contact_check):
            prints.addWidget(widget)
        prints.addStretch(1)
        self.timeline = QTextBrowser(self)
        self.timeline.setOpenLinks(False)
        self.pages = QTabWidget(self)   # the form adds 回访与成果 beside the timeline
        self.pages.addTab(self.timeline, "办理记录")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.close_requested)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.facts)
        layout.addLayout(steps)
        layout.addLayout(prints)
        layout.addWidget(self.pages, stretch=1)
        layout.addWidget(close)

    def _print_button(self, text: str, which: str) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda: self.print_requested.emit(which))
        return button

    def show_detail(self, detail: OpinionDetail) -> None:
        opinion = detail.opinion
        color = STATUS_COLORS.get(opinion.status, "#333333")
        late = f'　<span style="color:#c62828;">已超期 {detail.days_overdue} 天</span>' if detail.overdue else ""
        self.status_label.setText(f'<span style="font-size:16px;">编号 {opinion.serial}　'
                                  f'<b style="color:{color};">{opinion.status}</b>{late}</span>')
        self.facts.setText(facts_html(detail))
        for step, button in self.step_buttons.items():
            button.setEnabled(step in detail.allowed)
        self.print_assignment.setEnabled(bool(opinion.department_id))
        self.print_supervision.setEnabled(opinion.status == S.ASSIGNED and (detail.overdue or
                                                                           opinion.handling_mode == "督办"))
        self.print_reply.setEnabled(bool(opinion.result) or opinion.status == S.REJECTED)   # 不予受理告知书
        self.timeline.setHtml(timeline_html(detail))


def facts_html(detail: OpinionDetail) -> str:
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
