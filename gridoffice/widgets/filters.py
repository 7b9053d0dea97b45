"""Filter controls for long lists: a date range with presets, a deputy chooser, a drop-down with 全部."""
import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from gridoffice.db import Database

from .dates import from_qdate, to_qdate
from .deputy_picker import DeputyPickerDialog

ALL = "全部"


def _months_back(day: dt.date, months: int) -> dt.date:
    """The day after the same date `months` earlier: 2026-11-21, 3 → 2026-08-22."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    last_day = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day)) + dt.timedelta(days=1)


PRESETS: dict[str, Callable[[dt.date], tuple[dt.date | None, dt.date | None]]] = {
    "近三个月": lambda today: (_months_back(today, 3), today),
    "本月": lambda today: (today.replace(day=1), today),
    "本年": lambda today: (dt.date(today.year, 1, 1), today),
    "去年": lambda today: (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)),
    "近一年": lambda today: (_months_back(today, 12), today),
    "全部": lambda today: (None, None),
}
CUSTOM = "自定义"


class DateRangeFilter(QWidget):
    """[preset ▾] [from] – [to]; editing a date switches the preset to 自定义."""

    changed = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None, *, label: str = "日期"):
        super().__init__(parent)
        self._today = today
        self.preset = QComboBox(self)
        self.preset.addItems([*PRESETS, CUSTOM])
        self.preset.setToolTip("按日期范围读取记录；数据多时范围越小打开越快")
        self.start_edit = self._date_edit()
        self.end_edit = self._date_edit()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(QLabel(label, self))
        layout.addWidget(self.preset)
        layout.addWidget(self.start_edit)
        layout.addWidget(QLabel("至", self))
        layout.addWidget(self.end_edit)
        self.preset.currentTextChanged.connect(self._apply_preset)
        self.start_edit.dateChanged.connect(self._on_date_edited)
        self.end_edit.dateChanged.connect(self._on_date_edited)
        self._updating = False

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumWidth(110)
        return edit

    def set_preset(self, name: str) -> None:
        """Choose a preset (without emitting `changed` if it is already chosen)."""
        if self.preset.currentText() == name:
            self._apply_preset(name)
        else:
            self.preset.setCurrentText(name)

    def _apply_preset(self, name: str) -> None:
        if name == CUSTOM:
            return
        start, end = PRESETS[name](self._today())
        self._updating = True
        self.start_edit.setEnabled(start is not None)
        self.end_edit.setEnabled(end is not None)
        if start and end:
            self.start_edit.setDate(to_qdate(start))
            self.end_edit.setDate(to_qdate(end))
        self._updating = False
        self.changed.emit()

    def _on_date_edited(self, *_args) -> None:
        if self._updating:
            return
        if self.preset.currentText() != CUSTOM:
            self._updating = True
            self.preset.setCurrentText(CUSTOM)
            self._updating = False
        self.changed.emit()

    def set_range(self, start: dt.date, end: dt.date) -> None:
        self._updating = True
        self.preset.setCurrentText(CUSTOM)
        self.start_edit.setEnabled(True)
        self.end_edit.setEnabled(True)
        self.start_edit.setDate(to_qdate(start))
        self.end_edit.setDate(to_qdate(end))
        self._updating = False
        self.changed.emit()

    def show_span(self, first: dt.date | None, last: dt.date | None) -> None:
        """Under 全部, show the dates the records span (the edits stay disabled)."""
        if self.preset.currentText() != ALL or first is None or last is None:
            return
        self._updating = True
        self.start_edit.setDate(to_qdate(first))
        self.end_edit.setDate(to_qdate(last))
        self._updating = False

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        if self.preset.currentText() == ALL:
            return None, None
        start, end = from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())
        return (start, end) if start <= end else (end, start)

    def describe(self) -> str:
        start, end = self.date_range()
        return "全部日期" if start is None else f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d}"


class DeputyFilterButton(QPushButton):
    """代表：全部 ▸ opens the picker (name, pinyin or initials); choosing nobody means all."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__("代表：全部", parent)
        self.db = db
        self.deputy_id: int | None = None
        self.setToolTip("只看某位代表参加或认领的记录")
        self.clicked.connect(self.choose)

    def choose(self) -> None:
        dialog = DeputyPickerDialog(self.db, self, title="按代表筛选（不选表示全部）", single=True,
                                    include_retired=True, selected=[self.deputy_id] if self.deputy_id else [])
        if dialog.exec():
            ids, names = dialog.picker.selected_ids(), dialog.picker.selected_names()
            self.set_deputy(ids[0] if ids else None, names[0] if names else "")

    def set_deputy(self, deputy_id: int | None, name: str = "") -> None:
        self.deputy_id = deputy_id
        self.setText(f"代表：{name}" if deputy_id else "代表：全部")
        self.changed.emit()


class ChoiceCombo(QComboBox):
    """A drop-down of (value, label) with 全部 first; value() is None for 全部."""

    def __init__(self, all_label: str = ALL, parent: QWidget | None = None):
        super().__init__(parent)
        self._all_label = all_label

    def set_choices(self, choices: Sequence[tuple[object, str]]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._all_label, None)
        for value, label in choices:
            self.addItem(label, value)
        index = self.findData(current) if current is not None else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def value(self):
        return self.currentData()

    def set_value(self, value) -> None:
        index = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(index, 0))


class SearchableCombo(QComboBox):
    """An editable drop-down for long lists (700 grids): type any part of the text to narrow it.
    value() is the chosen entry's data, or None for the blank entry or text that matches nothing."""

    def __init__(self, blank_label: str = "（无）", parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._blank_label = blank_label
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_choices(self, choices: Sequence[tuple[object, str]], value=None) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(self._blank_label, None)
        for data, label in choices:
            self.addItem(label, data)
        self.blockSignals(False)
        self.set_value(value)

    def set_value(self, value) -> None:
        index = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(index, 0))

    def value(self):
        index = self.findText(self.currentText().strip())
        return self.itemData(index) if index >= 0 else None

    def is_blank_or_valid(self) -> bool:
        """False when the clerk typed text that is none of the entries."""
        text = self.currentText().strip()
        return not text or text == self._blank_label or self.value() is not None


def filter_bar(parent: QWidget, row: QHBoxLayout) -> QWidget:
    """The filter row as a widget that never widens the window: on a screen narrower than the
    row the last controls are cut off rather than forcing the window wider than the screen."""
    bar = QWidget(parent)
    row.setContentsMargins(0, 0, 0, 0)
    bar.setLayout(row)
    bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    bar.setMinimumWidth(0)
    return bar
