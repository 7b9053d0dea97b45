"""The month field (排班, 值班表, the guide): ▲ rolls 12月 over to next year's 1月, typing is understood."""
import datetime as dt

from PySide6.QtCore import Qt

from gridoffice.gui import create_application
from gridoffice.widgets.dates import MonthEdit, to_qdate


def field(qtbot, month: dt.date, today: dt.date) -> MonthEdit:
    create_application()
    edit = MonthEdit(month, reference=today)
    qtbot.addWidget(edit)
    edit.show()
    return edit


def test_up_from_december_is_next_january(qtbot):
    edit = field(qtbot, dt.date(2026, 12, 1), dt.date(2026, 12, 5))
    seen = []
    edit.month_changed.connect(seen.append)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.month() == dt.date(2027, 1, 1) and edit.text() == "2027年1月" and seen == [dt.date(2027, 1, 1)]
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert edit.month() == dt.date(2026, 11, 1)
    edit.stepBy(14)   # the wheel or PageUp: whole months, never a year jump by accident
    assert edit.month() == dt.date(2028, 1, 1)


def test_typing_a_month_the_way_it_is_said(qtbot):
    edit = field(qtbot, dt.date(2026, 12, 1), dt.date(2026, 12, 5))
    for typed, month in (("2027-03", dt.date(2027, 3, 1)), ("2027年5月", dt.date(2027, 5, 1)), ("1月", dt.date(2027, 1, 1))):
        edit.lineEdit().selectAll()
        qtbot.keyClicks(edit, typed) if typed.isascii() else edit.lineEdit().setText(typed)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert edit.month() == month, typed
        assert edit.text() == f"{month.year}年{month.month}月"


def test_nonsense_goes_back_to_the_month_shown(qtbot):
    edit = field(qtbot, dt.date(2027, 2, 1), dt.date(2026, 12, 5))
    edit.lineEdit().setText("13月")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.month() == dt.date(2027, 2, 1) and edit.text() == "2027年2月"


def test_it_stands_in_for_a_date_field(qtbot):
    edit = field(qtbot, dt.date(2026, 12, 1), dt.date(2026, 12, 5))
    dates = []
    edit.dateChanged.connect(dates.append)
    edit.setDate(edit.date().addMonths(1))
    assert edit.date() == to_qdate(dt.date(2027, 1, 1)) and dates == [to_qdate(dt.date(2027, 1, 1))]
