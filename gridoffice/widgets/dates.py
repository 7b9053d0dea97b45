"""Dates and times between Python and Qt, and the date, month and time fields every form uses."""
import datetime as dt

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit, QTimeEdit, QWidget


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


def month_edit(parent: QWidget, first: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(first.replace(day=1)), parent)
    edit.setDisplayFormat("yyyy年M月")
    edit.setCalendarPopup(False)
    return edit


def time_edit(parent: QWidget, value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(to_qtime(value), parent)
    edit.setDisplayFormat("HH:mm")
    return edit
