"""回访与成果: beside an opinion's timeline, where the matter was settled (化解层级), the follow-up
calls (回访) with the resident's verdict, and what the opinion grew into (代表建议, 为民办实事, 专项活动,
the meeting or 述职评议会 it came from), with a 形成代表建议 and a 列为为民办实事 of its own."""
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.enums import OpinionStatus, Satisfaction
from gridoffice.domain.errors import FieldError
from gridoffice.domain.outcome_rules import FollowUpMethod, SettledLevel
from gridoffice.services.outcomes.followups import (delete_followup, opinion_outcome, record_followup,
                                                    set_settled_level)
from gridoffice.widgets.dates import date_edit, from_qdate, to_qdate
from gridoffice.widgets.form import ERROR_STYLE

S = OpinionStatus
SETTLED = (S.RESOLVED.value, S.CLOSED.value)
ID_ROLE = Qt.ItemDataRole.UserRole


class OutcomePanel(QWidget):
    changed = Signal()

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.clock = db, clock
        self.opinion_id: int | None = None
        self.status = ""
        today = clock.today()
        self.level = QComboBox(self)
        self.level.addItem("（未填）", "")
        for level in SettledLevel:
            self.level.addItem(level.value, level.value)
        self.level.setToolTip("办结后填写这件事在哪一级化解（小事不出格：网格内化解的比例是年度数字之一）")
        self.level.activated.connect(self._level_chosen)
        self.level_hint = QLabel(self)
        self.level_hint.setStyleSheet("color: #607d8b;")
        level_row = QHBoxLayout()
        level_row.addWidget(QLabel("化解层级", self))
        level_row.addWidget(self.level)
        level_row.addWidget(self.level_hint, stretch=1)

        self.call_on = date_edit(self, today, latest=today)
        self.call_method = QComboBox(self)
        self.call_method.addItems([m.value for m in FollowUpMethod])
        self.call_verdict = QComboBox(self)
        self.call_verdict.addItems([s.value for s in Satisfaction])
        self.call_caller = QLineEdit(self)
        self.call_caller.setPlaceholderText("回访人")
        self.call_caller.setMaximumWidth(90)
        self.call_note = QLineEdit(self)
        self.call_note.setPlaceholderText("群众怎么说")
        self.call_button = QPushButton("记录回访", self)
        self.call_button.clicked.connect(self.add_call)
        self.call_error = QLabel(self)
        self.call_error.setStyleSheet(ERROR_STYLE)
        self.call_error.setWordWrap(True)
        self.call_error.hide()
        self.calls = QTableWidget(0, 5, self)
        self.calls.setHorizontalHeaderLabels(("日期", "方式", "评价", "回访人", "记录"))
        self.calls.verticalHeader().setVisible(False)
        self.calls.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.calls.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.calls.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 95), (1, 50), (2, 75), (3, 70)):
            self.calls.setColumnWidth(column, width)
        self.delete_call_button = QPushButton("删除所选回访", self)
        self.delete_call_button.clicked.connect(self.delete_call)
        self.calls.setMinimumHeight(64)
        self.calls_hint = QLabel(self)
        self.calls_hint.setStyleSheet("color: #607d8b;")
        self.outcome = QLabel(self)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.setWordWrap(True)
        self.outcome.linkActivated.connect(self._open_link)
        self.suggestion_button = QPushButton("形成代表建议…", self)
        self.suggestion_button.setToolTip("以这条意见为来源新建代表建议")
        self.suggestion_button.clicked.connect(self.form_suggestion)
        self.project_button = QPushButton("列为为民办实事…", self)
        self.project_button.setToolTip("以这条意见为来源新建为民办实事项目")
        self.project_button.clicked.connect(self.form_project)

        calls_row = QHBoxLayout()
        calls_row.addWidget(QLabel("回访", self))
        for widget in (self.call_on, self.call_method, self.call_verdict, self.call_caller):
            calls_row.addWidget(widget)
        calls_row.addWidget(self.call_note, stretch=1)
        calls_row.addWidget(self.call_button)
        level_row.addWidget(self.calls_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_call_button)
        buttons.addStretch(1)
        buttons.addWidget(self.suggestion_button)
        buttons.addWidget(self.project_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(level_row)
        layout.addLayout(calls_row)
        layout.addWidget(self.call_error)
        layout.addWidget(self.calls, stretch=1)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)

    # --- showing ------------------------------------------------------------------------------
    def show_opinion(self, opinion_id: int, status: str) -> None:
        self.opinion_id, self.status = opinion_id, status
        outcome = opinion_outcome(self.db, opinion_id)
        settled = status in SETTLED
        self.level.setCurrentIndex(max(self.level.findData(outcome.settled_level), 0))
        self.level.setEnabled(settled)
        self.level_hint.setText("" if settled else "办结后填写")
        closed = status == S.CLOSED
        for widget in (self.call_on, self.call_method, self.call_verdict, self.call_caller, self.call_note,
                       self.call_button):
            widget.setEnabled(closed)
        self.calls.setRowCount(0)
        for call in outcome.followups:
            row = self.calls.rowCount()
            self.calls.insertRow(row)
            for column, text in enumerate((f"{call.on:%Y-%m-%d}", call.method, call.verdict, call.caller, call.note)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, call.id)
                item.setToolTip(text)
                self.calls.setItem(row, column, item)
        self.delete_call_button.setEnabled(bool(outcome.followups))
        self.calls_hint.setText("" if closed else "意见关闭（已回复群众）后可以回访。")
        parts = []
        if outcome.suggestions:
            parts.append(("代表建议", "、".join(f'<a href="suggestion:{i}">{escape(serial)}</a>（{escape(status)}）'
                                             for i, serial, status in outcome.suggestions)))
        if outcome.projects:
            parts.append(("为民办实事", "、".join(f'<a href="project:{i}">{escape(name)}</a>（{escape(status)}）'
                                              for i, name, status in outcome.projects)))
        if outcome.campaigns:
            parts.append(("专项活动", "、".join(escape(name) for _i, name in outcome.campaigns)))
        if outcome.source:
            parts.append(("来源", escape(outcome.source)))
        self.outcome.setText("　".join(f'<span style="color:#607d8b;">{label}：</span>{html}' for label, html in parts)
                             or '<span style="color:#90a4ae;">还没有形成代表建议或为民办实事，也没有归入专项活动。</span>')

    # --- actions ------------------------------------------------------------------------------
    def _level_chosen(self, _index: int) -> None:
        try:
            set_settled_level(self.db, self.opinion_id, self.level.currentData())
        except (FieldError, ValueError, LookupError) as error:
            QMessageBox.warning(self, "化解层级", str(error))
        self.changed.emit()

    def add_call(self) -> None:
        self.call_error.hide()
        try:
            record_followup(self.db, self.opinion_id, on=from_qdate(self.call_on.date()),
                            verdict=self.call_verdict.currentText(), today=self.clock.today(),
                            method=self.call_method.currentText(), caller=self.call_caller.text(),
                            note=self.call_note.text())
        except (FieldError, ValueError, LookupError) as error:
            self.call_error.setText(str(error))
            self.call_error.show()
            return
        self.call_note.clear()
        self.call_on.setDate(to_qdate(self.clock.today()))
        self.changed.emit()

    def delete_call(self) -> None:
        rows = sorted({index.row() for index in self.calls.selectionModel().selectedRows()})
        if not rows:
            QMessageBox.information(self, "删除回访", "请先选中要删除的回访记录。")
            return
        if QMessageBox.question(self, "删除回访", f"删除所选的 {len(rows)} 条回访记录吗？") != QMessageBox.StandardButton.Yes:
            return
        for row in rows:
            delete_followup(self.db, self.calls.item(row, 0).data(ID_ROLE))
        self.changed.emit()

    def form_suggestion(self) -> None:
        from gridoffice.services.outcomes.suggestions import draft_from_opinions
        from gridoffice.views.outcomes.records import open_suggestion

        draft = draft_from_opinions(self.db, [self.opinion_id], today=self.clock.today())
        if open_suggestion(self.db, self.clock, self, None, draft=draft) is not None:
            self.changed.emit()

    def form_project(self) -> None:
        from gridoffice.services.outcomes.projects import draft_from_opinions
        from gridoffice.views.outcomes.records import open_project

        draft = draft_from_opinions(self.db, [self.opinion_id], today=self.clock.today())
        if open_project(self.db, self.clock, self, None, draft=draft) is not None:
            self.changed.emit()

    def _open_link(self, link: str) -> None:
        from gridoffice.views.outcomes.records import open_project, open_suggestion

        kind, _colon, record_id = link.partition(":")
        opener = open_suggestion if kind == "suggestion" else open_project
        if opener(self.db, self.clock, self, int(record_id)) is not None:
            self.changed.emit()
