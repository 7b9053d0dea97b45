"""The 统计 tab's period picker (全年, a quarter, a month or any range) and its station / community
choice. Both say `changed` once the clerk has picked."""
import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QWidget

from gridoffice.services.stats.period import QUARTER_NAMES, Period, Scope
from gridoffice.widgets.dates import from_qdate, to_qdate

YEAR = "全年"
QUARTER = "季度"
MONTH = "月份"
RANGE = "自定义"


class PeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = QComboBox(self)
        self.kind.addItems([YEAR, QUARTER, MONTH, RANGE])
        self.kind.setToolTip("统计全年、某一季度、某一月份，或任意起止日期")
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2099)
        self.year.setSuffix(" 年")
        self.year.setValue(today.year)
        self.part = QComboBox(self)
        self.start_edit, self.end_edit = QDateEdit(self), QDateEdit(self)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit.setDate(to_qdate(dt.date(today.year, 1, 1)))
        self.end_edit.setDate(to_qdate(today))
        self.to_label = QLabel("至", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        label = QLabel("统计期间(&Q)", self)
        label.setBuddy(self.kind)
        for widget in (label, self.kind, self.year, self.part, self.start_edit, self.to_label, self.end_edit):
            layout.addWidget(widget)
        self._today = today
        self._updating = False
        self.kind.currentTextChanged.connect(self._on_kind)
        for signal in (self.year.valueChanged, self.part.currentIndexChanged, self.start_edit.dateChanged,
                       self.end_edit.dateChanged):
            signal.connect(self._emit)
        self._on_kind(YEAR)

    def _on_kind(self, kind: str) -> None:
        self._updating = True
        self.part.clear()
        if kind == QUARTER:
            self.part.addItems(QUARTER_NAMES)
            self.part.setCurrentIndex((self._today.month - 1) // 3 if self.year.value() == self._today.year else 0)
        elif kind == MONTH:
            self.part.addItems([f"{m}月" for m in range(1, 13)])
            self.part.setCurrentIndex(self._today.month - 1 if self.year.value() == self._today.year else 0)
        ranged = kind == RANGE
        self.part.setVisible(kind in (QUARTER, MONTH))
        self.year.setVisible(not ranged)
        for widget in (self.start_edit, self.to_label, self.end_edit):
            widget.setVisible(ranged)
        self._updating = False
        self.changed.emit()

    def _emit(self, *_args) -> None:
        if not self._updating:
            self.changed.emit()

    def period(self) -> Period:
        kind, year = self.kind.currentText(), self.year.value()
        if kind == QUARTER:
            return Period.quarter(year, self.part.currentIndex() + 1)
        if kind == MONTH:
            return Period.month(year, self.part.currentIndex() + 1)
        if kind == RANGE:
            start, end = from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())
            return Period(min(start, end), max(start, end))
        return Period.year(year)

    def set_period(self, kind: str, year: int, part: int = 1) -> None:
        """Choose programmatically (tests, remembered state): part is the quarter or month."""
        self.blockSignals(True)
        self.year.setValue(year)
        self.kind.setCurrentText(kind)
        if kind in (QUARTER, MONTH):
            self.part.setCurrentIndex(part - 1)
        self.blockSignals(False)
        self.changed.emit()

    def set_range(self, start: dt.date, end: dt.date) -> None:
        self.blockSignals(True)
        self.kind.setCurrentText(RANGE)
        self.start_edit.setDate(to_qdate(start))
        self.end_edit.setDate(to_qdate(end))
        self.blockSignals(False)
        self.changed.emit()


class ScopeCombo(QComboBox):
    """全部, each station, each community."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setToolTip("统计全部，或只统计一个联络站、一个社区/村")
        self.setMinimumContentsLength(10)

    def set_choices(self, office: str, stations, communities) -> None:
        """The entries, keeping the choice (as long as that station or community is still there)."""
        entries = [(f"全部（{office}）", Scope())]
        entries += [(f"联络站：{s.short}", Scope.station(s.id, s.short)) for s in stations]
        entries += [(f"社区：{c.label}", Scope.community(c.id, c.label)) for c in communities]
        if [self.itemText(i) for i in range(self.count())] == [text for text, _scope in entries]:
            return
        current = self.scope()
        self.blockSignals(True)
        self.clear()
        for text, scope in entries:
            self.addItem(text, scope)
        self.setCurrentIndex(next((i for i, (_text, scope) in enumerate(entries) if scope == current), 0))
        self.blockSignals(False)

    def scope(self) -> Scope:
        return self.currentData() or Scope()
