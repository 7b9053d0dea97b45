"""Pieces the 履职成果 forms share: a list of linked records with its buttons (the opinions a
suggestion grew from, a project's photos…), the history as a timeline, and opening another record's
form from a link (an opinion, a suggestion, a project, a meeting)."""
import datetime as dt
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from gridoffice.clock import Clock
from gridoffice.db import Database

ID_ROLE = Qt.ItemDataRole.UserRole


class RecordList(QWidget):
    """A list of (id, text) with buttons under it; double-click or Enter opens an entry."""

    opened = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, hint: str = "", empty: str = "（无）"):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.itemActivated.connect(lambda item: self._open(item))
        self.empty = empty
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, stretch=1)
        if hint:
            label = QLabel(hint, self)
            label.setWordWrap(True)
            label.setStyleSheet("color: #607d8b;")
            layout.addWidget(label)
        layout.addLayout(self.buttons)
        self.buttons.addStretch(1)

    def add_button(self, text: str, slot: Callable[[], None], tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    def set_entries(self, entries: Sequence[tuple[int, str]]) -> None:
        self.list.clear()
        for record_id, text in entries:
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, record_id)
            item.setToolTip(text)
        if not entries:
            item = QListWidgetItem(self.empty, self.list)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def ids(self) -> list[int]:
        return [i for i in (self.list.item(r).data(ID_ROLE) for r in range(self.list.count())) if i is not None]

    def selected_ids(self) -> list[int]:
        return [item.data(ID_ROLE) for item in self.list.selectedItems() if item.data(ID_ROLE) is not None]

    def _open(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE) is not None:
            self.opened.emit(item.data(ID_ROLE))

    def open_selected(self) -> None:
        for record_id in self.selected_ids()[:1]:
            self.opened.emit(record_id)


STEP_COLORS = {"提出": "#6a1b9a", "交办": "#00695c", "办理": "#546e7a", "答复": "#ef6c00", "评价": "#2e7d32",
               "重办": "#c62828", "关联": "#8d6e63"}


def timeline_html(entries: Sequence[tuple[dt.date, str, str, str, str]]) -> str:
    """(date, action, from status, to status, note), oldest first, as the opinion form shows its loop."""
    rows = []
    for on, action, before, after, note in entries:
        color = STEP_COLORS.get(action, "#546e7a")
        change = (f'<br><span style="color:#90a4ae;">{escape(before)} → {escape(after)}</span>'
                  if before and after and before != after else "")
        rows.append(f'<tr><td style="color:#455a64; white-space:nowrap; padding-right:6px;">{on:%Y-%m-%d}</td>'
                    f'<td style="white-space:nowrap; padding-right:6px;"><span style="color:white; '
                    f'background-color:{color};">&nbsp;{escape(action)}&nbsp;</span></td>'
                    f'<td style="color:#263238;">{escape(note)}{change}</td></tr>')
    return "<table cellspacing='0' cellpadding='4' width='100%'>" + "".join(rows) + "</table>"


def facts_html(rows: Sequence[tuple[str, str]]) -> str:
    """Label and value lines (values already escaped or plain HTML)."""
    cells = "".join(f'<tr><td style="color:#607d8b; padding-right:8px; white-space:nowrap;">{label}</td>'
                    f"<td>{value}</td></tr>" for label, value in rows)
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


# --- opening another record's form --------------------------------------------------------------

def open_opinion(db: Database, clock: Clock, parent: QWidget, opinion_id: int) -> bool:
    from gridoffice.views.opinions.form_dialog import OpinionDialog

    dialog = OpinionDialog(db, parent, clock=clock, opinion_id=opinion_id)
    return bool(dialog.exec()) or dialog.changed


def open_suggestion(db: Database, clock: Clock, parent: QWidget, suggestion_id: int | None, *,
                    draft=None) -> int | None:
    """The suggestion's form (or a new one from a draft); its id when something was saved."""
    from .suggestion_dialog import SuggestionDialog

    dialog = SuggestionDialog(db, clock, parent, suggestion_id=suggestion_id, draft=draft)
    dialog.exec()
    return dialog.record_id if dialog.changed else None


def open_project(db: Database, clock: Clock, parent: QWidget, project_id: int | None, *, draft=None) -> int | None:
    from .project_dialog import ProjectDialog

    dialog = ProjectDialog(db, clock, parent, project_id=project_id, draft=draft)
    dialog.exec()
    return dialog.record_id if dialog.changed else None


def open_meeting(db: Database, clock: Clock, parent: QWidget, meeting_id: int | None) -> int | None:
    from .meeting_dialog import MeetingDialog

    dialog = MeetingDialog(db, clock, parent, meeting_id=meeting_id)
    dialog.exec()
    return dialog.record_id if dialog.changed else None
