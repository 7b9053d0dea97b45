"""An opinion's form: the 需求单 (drawn in ui/opinion_form.ui) and, once registered, where the
loop stands (handling.py) with a button per step.

Other tabs register opinions through `register_opinion_dialog` (a visit, a reception day).
"""
import datetime as dt

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.enums import OpinionChannel, Urgency
from gridoffice.domain.opinion_rules import OpinionRuleError, Step, TransitionError
from gridoffice.services.common.lookups import grid_choices
from gridoffice.services.opinions.detail import OpinionDetail, opinion_detail
from gridoffice.services.opinions.lists import category_names
from gridoffice.services.opinions.loop import OpinionNotFoundError
from gridoffice.services.opinions.register import OpinionForm, form_of, register_opinion, update_form
from gridoffice.views.forms.ui_opinion_form import Ui_OpinionForm
from gridoffice.views.outcomes.fields import scrolling
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qdate, to_qdate
from gridoffice.widgets.filters import SearchableCombo
from gridoffice.widgets.form import FormErrors, ok_cancel_buttons

from .handling import HandlingPanel
from .outcome_panel import OutcomePanel
from .papers import preview_paper
from .step_dialog import StepDialog
from .steps import STEPS


def register_opinion_dialog(db: Database, parent: QWidget | None, *, clock: Clock, channel: str,
                            received_on: dt.date, reception_day_id: int | None = None,
                            activity_id: int | None = None, grid_id: int | None = None) -> int | None:
    """Open the 需求单 registration form prefilled; returns the new opinion's id, or None if cancelled."""
    prefill = OpinionForm(received_on=received_on, channel=channel, content="", grid_id=grid_id,
                          activity_id=activity_id, reception_day_id=reception_day_id)
    dialog = OpinionDialog(db, parent, clock=clock, prefill=prefill)
    return dialog.opinion_id if dialog.exec() else None


class OpinionDialog(BaseDialog):
    """A new 需求单 (opinion_id None, optionally prefilled) or an existing opinion with its loop."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, clock: Clock,
                 opinion_id: int | None = None, prefill: OpinionForm | None = None):
        super().__init__(parent, settings_key="opinion_form" if opinion_id else "opinion_register",
                         title="登记群众意见（需求单）" if opinion_id is None else "民情意见",
                         default_size=(1180, 700) if opinion_id else (560, 620))
        self.db, self.clock, self.opinion_id = db, clock, opinion_id
        self.changed = False
        self.detail: OpinionDetail | None = None
        self._prefill = prefill or OpinionForm(received_on=clock.today(), channel=OpinionChannel.PHONE.value,
                                               content="")
        self._init_form()
        layout = QHBoxLayout(self)
        layout.addWidget(self.form_box, stretch=4)
        if opinion_id is not None:
            self.handling = HandlingPanel(self)
            self.handling.step_requested.connect(self.take_step)
            self.handling.print_requested.connect(self.print_paper)
            self.handling.close_requested.connect(self.reject)
            self.outcome = OutcomePanel(db, clock, self)
            self.outcome.changed.connect(self._outcome_changed)
            # scrolled, so that at 125 % the page never makes the form taller than the screen
            self.handling.pages.addTab(scrolling(self.outcome, self), "回访与成果")
            layout.addWidget(self.handling, stretch=6)
            self.refresh()
        else:
            self._fill_form(self._prefill, source="")

    # --- 需求单 ---------------------------------------------------------------------------
    def _init_form(self) -> None:
        self.form_box = QGroupBox("需求单（群众的个人信息只在本表单中完整显示）", self)
        body = QWidget(self.form_box)
        self.ui = ui = Ui_OpinionForm()
        ui.setupUi(body)
        ui.grid = SearchableCombo("（未指定网格）", body)   # 700 grids: typed into, so not a Designer widget
        ui.grid_box.addWidget(ui.grid)
        ui.grid_label.setBuddy(ui.grid)
        QWidget.setTabOrder(ui.resident_address, ui.grid)
        QWidget.setTabOrder(ui.grid, ui.category)
        self.errors = FormErrors(ui)
        ui.received_on.setMaximumDate(to_qdate(self.clock.today()))
        ui.channel.addItems([c.value for c in OpinionChannel])
        ui.urgency.addItems([u.value for u in Urgency])
        ui.grid.set_choices([(c.id, c.label) for c in grid_choices(self.db)])
        ui.category.addItems(category_names(self.db))

        layout = QVBoxLayout(self.form_box)
        layout.addWidget(body)
        layout.addStretch(1)
        if self.opinion_id is None:
            layout.addWidget(ok_cancel_buttons(self, "登记"))
        else:
            save = QPushButton("保存需求单的修改", self)
            save.clicked.connect(self.save_form)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(save)
            layout.addLayout(row)

    def _fill_form(self, form: OpinionForm, *, source: str) -> None:
        ui = self.ui
        ui.received_on.setDate(to_qdate(form.received_on))
        ui.channel.setCurrentText(form.channel)
        ui.resident_name.setText(form.resident_name)
        ui.resident_phone.setText(form.resident_phone)
        ui.resident_address.setText(form.resident_address)
        ui.grid.set_value(form.grid_id)
        if ui.category.findText(form.category) < 0:
            ui.category.addItem(form.category)  # a category since removed from the list
        ui.category.setCurrentText(form.category)
        ui.urgency.setCurrentText(form.urgency)
        ui.content.setPlainText(form.content)
        if not source and form.activity_id:
            source = "走访活动（保存后关联）"
        if not source and form.reception_day_id:
            source = "接待日（保存后关联）"
        ui.source.setText(source or "—")

    def form_input(self) -> OpinionForm:
        ui = self.ui
        return OpinionForm(
            received_on=from_qdate(ui.received_on.date()), channel=ui.channel.currentText(),
            content=ui.content.toPlainText(), resident_name=ui.resident_name.text(),
            resident_phone=ui.resident_phone.text(), resident_address=ui.resident_address.text(),
            grid_id=ui.grid.value(), category=ui.category.currentText(), urgency=ui.urgency.currentText(),
            activity_id=self._prefill.activity_id, reception_day_id=self._prefill.reception_day_id)

    def _check_grid(self) -> bool:
        if self.ui.grid.is_blank_or_valid():
            return True
        self.errors.show("grid", "没有这个网格：请从列表中选择，或清空。")
        return False

    def _show_error(self, error: Exception) -> None:
        """Beside the field it is about when the form has that field, else in a message box."""
        field = getattr(error, "field", "")
        if field in self.errors.labels:
            self.errors.show(field, str(error))
        else:
            QMessageBox.warning(self, "无法保存", str(error))

    def accept(self) -> None:
        """Registering a new 需求单."""
        if self.opinion_id is not None:
            super().accept()
            return
        self.errors.clear()
        if not self._check_grid():
            return
        try:
            self.opinion_id = register_opinion(self.db, self.form_input(), self.clock.today()).id
        except OpinionRuleError as error:
            self._show_error(error)
            return
        self.changed = True
        super().accept()

    def save_form(self) -> None:
        self.errors.clear()
        if not self._check_grid():
            return
        try:
            update_form(self.db, self.opinion_id, self.form_input(), self.clock.today())
        except (OpinionRuleError, TransitionError, OpinionNotFoundError) as error:
            self._show_error(error)
            return
        self.changed = True
        self.refresh()

    # --- 办理 -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.detail = opinion_detail(self.db, self.opinion_id, self.clock.today())
        opinion = self.detail.opinion
        self.setWindowTitle(f"民情意见 {opinion.serial} — {opinion.status}")
        self._fill_form(form_of(opinion), source=self.detail.source)
        self._prefill = self.form_input()
        self.handling.show_detail(self.detail)
        self.outcome.show_opinion(opinion.id, opinion.status)
        self.mark_saved()

    def _outcome_changed(self) -> None:
        self.changed = True
        self.refresh()

    def take_step(self, step: Step) -> None:
        dialog = StepDialog(self.db, self, clock=self.clock, spec=STEPS[step], detail=self.detail)
        if dialog.exec():
            self.changed = True
        self.refresh()

    def print_paper(self, which: str) -> None:
        opinion = self.detail.opinion
        preview_paper(self.db, self, opinion.id, opinion.serial, which, clock=self.clock,
                      with_contact=self.handling.contact_check.isChecked())

    def save_changes(self) -> None:
        """Ctrl+S, or 保存 when closing with changes: register a new 需求单, or save an existing one's."""
        if self.opinion_id is None:
            self.accept()
            return
        self.save_form()
        if not self.has_unsaved_changes():
            super().accept()

    def reject(self) -> None:
        if not self.may_discard():   # unsaved edits of the 需求单: ask before they are lost
            return
        if self.changed:
            super().accept()   # the list behind reloads when the dialog was accepted
        else:
            super().reject()
