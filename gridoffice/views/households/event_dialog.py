"""登记必访事由: what happened in the household and when; the visit's due date is shown before saving."""
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.services.households.events import EventInputError, kinds_for_household, record_event, visit_due_on
from gridoffice.services.households.kinds import list_kinds
from gridoffice.services.reception.holidays import load_calendar
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import date_edit, from_qdate
from gridoffice.widgets.form import ValidatedForm, ok_cancel_buttons


class EventDialog(BaseDialog):
    def __init__(self, db: Database, clock: Clock, household_id: int, parent: QWidget | None = None):
        super().__init__(parent, settings_key="household_event", title="登记必访事由", default_size=(460, 260))
        self.db, self.clock, self.household_id = db, clock, household_id
        self.holidays = load_calendar(db)
        self.days = {k.event: k.within_days for k in list_kinds(db)}
        self.kind = QComboBox(self)
        self.kind.addItems(kinds_for_household(db, household_id))
        self.date = date_edit(self, clock.today(), latest=clock.today())
        self.notes = QLineEdit(self)
        self.notes.setPlaceholderText("如：因肺炎住院，女儿在外地")
        self.due_label = QLabel(self)
        self.form = ValidatedForm()
        self.form.add_field("kind", "事由(&K)", self.kind)
        self.form.add_field("date", "发生日期(&D)", self.date)
        self.form.add_field("notes", "说明(&N)", self.notes)
        self.form.addRow("应走访", self.due_label)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "登记"))
        self.kind.currentTextChanged.connect(self._show_due)
        self.date.dateChanged.connect(self._show_due)
        self._show_due()

    def _show_due(self, *_args) -> None:
        days = self.days.get(self.kind.currentText())
        if days is None:
            self.due_label.setText("（先在“必访事由设置”中设置事由）")
            return
        due = visit_due_on(self.holidays, from_qdate(self.date.date()), days)
        self.due_label.setText(f"{days} 天内，应于 {chinese_date(due)}（{weekday_name(due)}）前走访（遇节假日顺延）")

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            record_event(self.db, self.household_id, self.kind.currentText(), from_qdate(self.date.date()),
                         today=self.clock.today(), notes=self.notes.text())
        except EventInputError as error:
            self.form.show_error(error.field if error.field in self.form.fields else "kind", str(error))
            return
        super().accept()


