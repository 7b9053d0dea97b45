"""Dates and times between Python and Qt, and the date, month and time fields every form uses.

The month field (MonthEdit) is a spin box of whole months: ▲/▼, the arrow keys and the wheel step
one month and roll over the year (2026年12月 ▲ → 2027年1月), and the clerk may type the month
the way it is said: 2027-01, 2027年1月, or just 1月 (the next January).
"""
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QTimeEdit, QWidget

from gridoffice.domain.dates import add_months, month_index, parse_month

if TYPE_CHECKING:
    from gridoffice.db import Database
    from gridoffice.services.reception.holidays import HolidayCalendar


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def to_qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def date_edit(parent: QWidget, day: dt.date, *, latest: dt.date | None = None) -> QDateEdit:
    """A date field written as the clerk writes it (2026年3月4日), with a calendar to pick from."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat("yyyy年M月d日")
    edit.setCalendarPopup(True)
    if latest:
        edit.setMaximumDate(to_qdate(latest))
    edit.setDate(to_qdate(day))
    return edit


def month_text(month: dt.date) -> str:
    return f"{month.year}年{month.month}月"


class MonthEdit(QAbstractSpinBox):
    """A month: stepping rolls over the year; typing 2027-01, 2027年1月 or 1月 is understood.

    `month()` is the first day of the month shown. `date()`, `setDate()` and `dateChanged` are
    there too, so it stands in for the QDateEdit the month fields used to be."""

    month_changed = Signal(object)   # the new month's first day (dt.date)
    dateChanged = Signal(QDate)      # noqa: N815 (QDateEdit's name)

    def __init__(self, month: dt.date, parent: QWidget | None = None, *, reference: dt.date | None = None):
        super().__init__(parent)
        self._month = month.replace(day=1)
        self._reference = (reference or month).replace(day=1)   # what "1月" alone means is counted from here
        self.setAccelerated(False)
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setToolTip("可直接输入，如 2027-01、2027年1月 或 1月；▲▼、方向键或滚轮逐月翻动，跨年自动进位")
        self.lineEdit().setText(month_text(self._month))
        self.editingFinished.connect(self._read_typed)
        width = self.fontMetrics().horizontalAdvance("2026年12月") + 48
        self.setMinimumWidth(width)

    # --- the value ------------------------------------------------------------------------
    def month(self) -> dt.date:
        return self._month

    def set_month(self, month: dt.date) -> None:
        month = month.replace(day=1)
        self.lineEdit().setText(month_text(month))
        if month != self._month:
            self._month = month
            self.month_changed.emit(month)
            self.dateChanged.emit(to_qdate(month))

    def date(self) -> QDate:
        return to_qdate(self._month)

    def setDate(self, day: QDate) -> None:  # noqa: N802 (QDateEdit's name)
        self.set_month(from_qdate(day))

    def text_month(self, text: str) -> dt.date | None:
        return parse_month(text, reference=self._reference)

    # --- QAbstractSpinBox ------------------------------------------------------------------
    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt's name)
        typed = self.text_month(self.lineEdit().text())
        self.set_month(add_months(typed or self._month, steps))
        self.selectAll()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 (Qt's name)
        return QAbstractSpinBox.StepEnabledFlag.StepUpEnabled | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled

    def validate(self, text: str, position: int) -> object:
        if self.text_month(text) is not None:
            return QValidator.State.Acceptable, text, position
        return QValidator.State.Intermediate, text, position

    def fixup(self, text: str) -> str:
        return month_text(self._month)

    def _read_typed(self) -> None:
        typed = self.text_month(self.lineEdit().text())
        self.set_month(typed or self._month)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._read_typed()
        super().focusOutEvent(event)


def month_edit(parent: QWidget, first: dt.date, *, reference: dt.date | None = None) -> MonthEdit:
    """The month field of every form (排班, 值班表): see MonthEdit."""
    return MonthEdit(first, parent, reference=reference)


def months_between(first: dt.date, last: dt.date) -> int:
    return month_index(last) - month_index(first)


def time_edit(parent: QWidget, value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(to_qtime(value), parent)
    edit.setDisplayFormat("HH:mm")
    return edit


# --- the day a new plan starts on -------------------------------------------------------------
def next_working_day(after: dt.date, holidays: "HolidayCalendar") -> dt.date:
    """The first working day after `after`: never a weekend day off nor a holiday (a 调休上班
    Saturday counts as a working day)."""
    return holidays.next_workday(after + dt.timedelta(days=1))


def default_plan_day(db: "Database", today: dt.date, *, not_before: dt.date | None = None) -> dt.date:
    """The date a new reception day or plan opens on: the next working day after today, or the
    first working day from `not_before` on (the first of the month the calendar shows)."""
    from gridoffice.services.reception.holidays import load_calendar   # the data layer: not at start-up

    holidays = load_calendar(db)
    day = next_working_day(today, holidays)
    if not_before is not None and not_before > day:
        day = holidays.next_workday(not_before)
    return day
