"""The fields the 履职成果 forms share: searchable drop-downs the Designer forms create, optional
dates and times, the campaign and kind lists, and errors shown beside their field."""
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFrame, QMessageBox, QScrollArea, QSizePolicy,
                               QTimeEdit, QWidget)

from gridoffice.services.common.lookups import DeputyChoice
from gridoffice.widgets.dates import from_qdate, to_qdate
from gridoffice.widgets.filters import SearchableCombo
from gridoffice.widgets.form import FormErrors

NO_CAMPAIGN = "（不属于专项活动）"


class SearchCombo(SearchableCombo):
    """A long list typed into (代表建议), made with only a parent so a Designer form can create it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("（无）", parent)
        self.lineEdit().setPlaceholderText("输入编号或标题查找")


class DeputyCombo(SearchableCombo):
    """One deputy, found by typing part of the name; value() is the id or None."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("（未选择）", parent)
        self.lineEdit().setPlaceholderText("输入姓名查找")

    def set_deputies(self, choices: Sequence[DeputyChoice], value: int | None = None) -> None:
        self.set_choices([(c.id, c.label) for c in choices], value)


def fill_combo(combo: QComboBox, choices: Sequence[tuple[object, str]], value=None, *,
               blank: str | None = None) -> None:
    """(value, label) entries, a blank entry (value None) first when `blank` is given."""
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for data, label in choices:
        combo.addItem(label, data)
    combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
    combo.blockSignals(False)


def set_combo(combo: QComboBox, value) -> None:
    index = combo.findData(value) if value is not None else 0
    combo.setCurrentIndex(max(index, 0))


def fill_texts(combo: QComboBox, texts: Sequence[str], current: str = "") -> None:
    """A list of words (会议类型, 纠纷类型…); a word since dropped from the list is kept for the record."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItems(list(texts))
    if current and combo.findText(current) < 0:
        combo.addItem(current)
    if current:
        combo.setCurrentText(current)
    combo.blockSignals(False)


class OptionalDate:
    """A tick and a date field side by side: no date until ticked (开工日期, 结束日期…)."""

    def __init__(self, check: QCheckBox, edit: QDateEdit, default: dt.date):
        self.check, self.edit, self.default = check, edit, default
        check.toggled.connect(edit.setEnabled)
        self.set(None)

    def set(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.edit.setDate(to_qdate(value or self.default))

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None


def prepare_time(edit: QTimeEdit) -> None:
    """00:00 stands for 时间未定 (no meeting starts at midnight)."""
    edit.setMinimumTime(QTime(0, 0))


def set_time(edit: QTimeEdit, value: dt.time | None) -> None:
    edit.setTime(QTime(value.hour, value.minute) if value else QTime(0, 0))


def time_value(edit: QTimeEdit) -> dt.time | None:
    time = edit.time()
    return None if (time.hour(), time.minute()) == (0, 0) else dt.time(time.hour(), time.minute())


def show_error(parent: QWidget, errors: FormErrors, error: Exception, title: str = "无法保存") -> None:
    """Beside the field it is about when the form has that field, else in a message box."""
    field = getattr(error, "field", "")
    if field in errors.labels:
        errors.show(field, str(error))
    else:
        QMessageBox.warning(parent, title, str(error))


def scrolling(body: QWidget, parent: QWidget) -> QScrollArea:
    """The form's fields in a frameless scroll area: at 125 % on a 1366x768 screen a long form scrolls
    instead of pushing the dialog's buttons off the screen."""
    area = QScrollArea(parent)
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def wrap_summary(picker) -> None:
    """A deputy picker's "已选 14 人：…" line wraps instead of widening the dialog."""
    picker.summary.setWordWrap(True)
    picker.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
