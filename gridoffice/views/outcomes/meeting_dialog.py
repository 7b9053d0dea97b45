"""A meeting: the form (ui/meeting_form.ui); the deputies invited, with a "did not come" tick once
it was held; the decisions, each of which can be registered as an opinion (channel 议事会) or form
or join a 代表建议 in one step; the notice before and the minutes after, as PDF or Word."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QListWidgetItem, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.enums import Urgency
from gridoffice.domain.errors import FieldError
from gridoffice.domain.outcome_rules import KindList, MeetingStatus
from gridoffice.services.common.lookups import (campaign_choices, deputy_choices, department_choices, grid_choices,
                                                kind_choices, station_choices, suggestion_choices)
from gridoffice.services.opinions.lists import category_names
from gridoffice.services.outcomes import meetings as service
from gridoffice.views.forms.ui_meeting_form import Ui_MeetingForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qdate, to_qdate
from gridoffice.widgets.deputy_picker import DeputyPicker
from gridoffice.widgets.form import FormErrors

from .fields import (NO_CAMPAIGN, fill_combo, fill_texts, prepare_time, scrolling, set_time, show_error, time_value,
                     wrap_summary)
from .printing import paper_button
from .records import open_opinion, open_suggestion
from .step_dialog import CHOICE, DEPUTY, LINE, Field, StepDialog

MS = MeetingStatus
ID_ROLE = Qt.ItemDataRole.UserRole
TEXT, OPINION, SUGGESTION = range(3)


class MeetingDialog(BaseDialog):
    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *, meeting_id: int | None = None):
        super().__init__(parent, settings_key="meeting_form", title="会议", default_size=(1180, 700))
        self.db, self.clock, self.record_id = db, clock, meeting_id
        self.changed = False
        self.detail: service.MeetingDetail | None = None
        self._deputies = deputy_choices(db, include_retired=True)
        self._absent: set[int] = set()      # invited deputies ticked "did not come"
        self._init_form()
        self._init_side()
        self.errors = FormErrors(self.ui)
        layout = QHBoxLayout(self)
        layout.addWidget(self.form_box, stretch=5)
        layout.addWidget(self.side, stretch=5)
        if meeting_id is None:
            self._fill(service.MeetingForm(kind=kind_choices(db, KindList.MEETING.value)[0], title="",
                                           date=clock.today()))
            self._show_detail()
        else:
            self.refresh()

    # --- building ---------------------------------------------------------------------------
    def _init_form(self) -> None:
        self.form_box = QGroupBox("会议", self)
        body = QWidget(self.form_box)
        self.ui = ui = Ui_MeetingForm()
        ui.setupUi(body)
        prepare_time(ui.start_time)
        ui.status.addItems([s.value for s in MS])
        ui.status.currentTextChanged.connect(self._status_changed)
        self.save_button = QPushButton("保存", self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self.form_box)
        layout.addWidget(scrolling(body, self.form_box), stretch=1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def _init_side(self) -> None:
        ui = self.ui
        self.invited = DeputyPicker(self)
        wrap_summary(self.invited)
        self.invited.selection_changed.connect(self._update_attendance)
        self.attendance = QListWidget(self)
        self.attendance.itemChanged.connect(self._attendance_ticked)
        self.attendance.setToolTip("会议召开后，勾选受邀但没有到会的代表；其余受邀代表计为到会")
        self.attendance_label = QLabel("会议召开后，勾选受邀但<b>未到会</b>的代表；其余受邀代表计为到会。", self)
        ui.deputies_error = QLabel(self)
        people = QWidget(self)
        column = QVBoxLayout(people)
        column.addWidget(QLabel("受邀代表（可多选，按姓名、拼音或首字母查找）", self))
        column.addWidget(self.invited, stretch=1)
        column.addWidget(ui.deputies_error)
        attendance = QWidget(self)
        column = QVBoxLayout(attendance)
        column.addWidget(self.attendance_label)
        column.addWidget(self.attendance, stretch=1)

        self.decisions = QTableWidget(0, 3, self)
        self.decisions.setHorizontalHeaderLabels(("议定事项", "民情意见", "代表建议"))
        self.decisions.verticalHeader().setVisible(False)
        self.decisions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.decisions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.decisions.setWordWrap(True)
        header = self.decisions.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.decisions.setColumnWidth(OPINION, 90)
        self.decisions.setColumnWidth(SUGGESTION, 100)
        self.decisions.cellDoubleClicked.connect(self._decision_clicked)
        ui.decisions_error = QLabel(self)
        decisions = QWidget(self)
        column = QVBoxLayout(decisions)
        column.addWidget(self.decisions, stretch=1)
        column.addWidget(ui.decisions_error)
        hint = QLabel("双击事项可修改文字；双击编号打开意见或建议。改动后请点“保存”。", self)
        hint.setStyleSheet("color: #607d8b;")
        column.addWidget(hint)
        row = QHBoxLayout()
        for text, slot in (("添加事项", self.add_decision), ("删除事项", self.remove_decision)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        row = QHBoxLayout()
        self.opinion_button = QPushButton("登记为民情意见…", self)
        self.opinion_button.setToolTip("把所选事项登记为一条民情意见（渠道：议事会），进入办理流程")
        self.opinion_button.clicked.connect(self.register_opinion)
        self.suggestion_button = QPushButton("形成代表建议…", self)
        self.suggestion_button.setToolTip("由所选事项形成一件新的代表建议")
        self.suggestion_button.clicked.connect(self.form_suggestion)
        self.link_button = QPushButton("关联已有建议…", self)
        self.link_button.clicked.connect(self.link_suggestion)
        for button in (self.opinion_button, self.suggestion_button, self.link_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(people, "受邀代表")
        self.tabs.addTab(attendance, "到会情况")
        self.tabs.addTab(decisions, "议定事项")
        self.notice_button = paper_button(self, "打印通知", "会议通知", lambda: self._paper("notice"))
        self.minutes_button = paper_button(self, "打印纪要", "会议纪要", lambda: self._paper("minutes"))
        self.cancel_button = QPushButton("取消会议…", self)
        self.cancel_button.clicked.connect(self.cancel_meeting)
        self.delete_button = QPushButton("删除", self)
        self.delete_button.clicked.connect(self.delete)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        for widget in (self.notice_button, self.minutes_button, self.cancel_button, self.delete_button):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(close)
        self.side = QWidget(self)
        column = QVBoxLayout(self.side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs, stretch=1)
        column.addLayout(bottom)

    # --- the form ---------------------------------------------------------------------------
    def _fill(self, form: service.MeetingForm) -> None:
        ui = self.ui
        fill_texts(ui.kind, kind_choices(self.db, KindList.MEETING.value), form.kind)
        ui.title.setText(form.title)
        ui.date.setDate(to_qdate(form.date))
        set_time(ui.start_time, form.start_time)
        ui.status.blockSignals(True)
        ui.status.setCurrentText(form.status)
        ui.status.blockSignals(False)
        ui.place.setText(form.place)
        fill_combo(ui.station, [(s.id, s.name) for s in station_choices(self.db)], form.station_id, blank="（无）")
        ui.grid.set_choices([(c.id, c.label) for c in grid_choices(self.db)], form.grid_id)
        ui.host.setText(form.host)
        ui.recorder.setText(form.recorder)
        ui.others.setText(form.others)
        ui.residents_present.setValue(form.residents_present)
        fill_combo(ui.campaign, [(c.id, c.label) for c in campaign_choices(self.db)], form.campaign_id,
                   blank=NO_CAMPAIGN)
        ui.agenda.setPlainText(form.agenda)
        ui.minutes.setPlainText(form.minutes)
        choices = self._deputies if self.record_id else [c for c in self._deputies if c.status == "在任"]
        self.invited.set_choices(choices, form.deputy_ids)
        self._absent = set(form.absent_ids)
        self._update_attendance()
        self._show_decisions(form.decisions)
        self._status_changed(form.status)

    def _status_changed(self, status: str) -> None:
        held = status == MS.HELD
        self.attendance.setEnabled(held)
        self.attendance_label.setEnabled(held)
        self.ui.minutes.setEnabled(held)

    def _update_attendance(self) -> None:
        """The invited deputies, each with a "did not come" tick (kept while the invitation changes)."""
        names = {c.id: c.name for c in self._deputies}
        self.attendance.blockSignals(True)
        self.attendance.clear()
        for deputy_id in self.invited.selected_ids():
            item = QListWidgetItem(f"{names.get(deputy_id, '')}　未到会", self.attendance)
            item.setData(ID_ROLE, deputy_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if deputy_id in self._absent else Qt.CheckState.Unchecked)
        self.attendance.blockSignals(False)

    def _attendance_ticked(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked:
            self._absent.add(item.data(ID_ROLE))
        else:
            self._absent.discard(item.data(ID_ROLE))

    def _show_decisions(self, decisions) -> None:
        entries = {d.id: d for d in (self.detail.decisions if self.detail else [])}
        self.decisions.setRowCount(0)
        for decision in decisions:
            entry = entries.get(decision.id)
            self._add_row(decision.text, decision.id, entry.opinion_serial if entry else "",
                          entry.suggestion_serial if entry else "")

    def _add_row(self, text: str, decision_id: int | None, opinion: str = "", suggestion: str = "") -> int:
        row = self.decisions.rowCount()
        self.decisions.insertRow(row)
        item = QTableWidgetItem(text)
        item.setData(ID_ROLE, decision_id)
        item.setToolTip(text)
        self.decisions.setItem(row, TEXT, item)
        for column, value in ((OPINION, opinion), (SUGGESTION, suggestion)):
            cell = QTableWidgetItem(value)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.decisions.setItem(row, column, cell)
        self.decisions.resizeRowToContents(row)
        return row

    def add_decision(self) -> None:
        if self.ui.status.currentText() != MS.HELD:
            QMessageBox.information(self, "添加议定事项", "会议召开后才能记录议定事项：请先把状态改为“已召开”。")
            return
        row = self._add_row("", None)
        self.tabs.setCurrentIndex(2)
        self.decisions.setCurrentCell(row, TEXT)
        self.decisions.editItem(self.decisions.item(row, TEXT))

    def remove_decision(self) -> None:
        row = self.decisions.currentRow()
        if row < 0:
            return
        item = self.decisions.item(row, OPINION)
        linked = item.text() or self.decisions.item(row, SUGGESTION).text()
        if linked and QMessageBox.question(self, "删除议定事项", "这项事项已登记意见或关联建议；删除事项不会删除意见和建议。继续吗？") \
                != QMessageBox.StandardButton.Yes:
            return
        self.decisions.removeRow(row)

    def form_input(self) -> service.MeetingForm:
        ui = self.ui
        items = [self.decisions.item(r, TEXT) for r in range(self.decisions.rowCount())]
        decisions = [service.DecisionInput(item.text(), item.data(ID_ROLE)) for item in items]
        return service.MeetingForm(
            kind=ui.kind.currentText(), title=ui.title.text(), date=from_qdate(ui.date.date()),
            status=ui.status.currentText(), start_time=time_value(ui.start_time), place=ui.place.text(),
            station_id=ui.station.currentData(), grid_id=ui.grid.value(), agenda=ui.agenda.toPlainText(),
            host=ui.host.text(), recorder=ui.recorder.text(), deputy_ids=self.invited.selected_ids(),
            absent_ids=sorted(self._absent & set(self.invited.selected_ids())), others=ui.others.text(),
            residents_present=ui.residents_present.value(), minutes=ui.minutes.toPlainText(), decisions=decisions,
            campaign_id=ui.campaign.currentData())

    def save(self) -> bool:
        self.errors.clear()
        if not self.ui.grid.is_blank_or_valid():
            self.errors.show("grid", "没有这个网格：请从列表中选择，或清空。")
            return False
        today = self.clock.today()
        try:
            if self.record_id is None:
                self.record_id = service.create_meeting(self.db, self.form_input(), today=today)
            else:
                service.update_meeting(self.db, self.record_id, self.form_input(), today=today)
        except (FieldError, LookupError) as error:
            show_error(self, self.errors, error)
            field = getattr(error, "field", "")
            if field in ("deputies", "decisions"):
                self.tabs.setCurrentIndex(0 if field == "deputies" else 2)
            return False
        self.changed = True
        self.refresh()
        return True

    def refresh(self) -> None:
        self.detail = service.meeting_detail(self.db, self.record_id)
        self._fill(self.detail.form)
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.detail
        saved = detail is not None
        status = detail.form.status if saved else MS.PLANNED
        self.notice_button.setEnabled(saved and status != MS.CANCELLED)
        self.minutes_button.setEnabled(saved and status == MS.HELD)
        self.cancel_button.setEnabled(saved and status == MS.PLANNED)
        self.delete_button.setEnabled(saved)
        for button in (self.opinion_button, self.suggestion_button, self.link_button):
            button.setEnabled(saved and status == MS.HELD)
        if not saved:
            self.setWindowTitle("新建会议")
            return
        row = detail.row
        self.setWindowTitle(f"{row.kind} — {row.title}（{row.date:%Y-%m-%d}，{row.status}）")
        self.tabs.setTabText(0, f"受邀代表 ({len(detail.invited)})")
        present = sum(1 for *_rest, attended in detail.invited if attended)
        self.tabs.setTabText(1, f"到会情况 ({present}/{len(detail.invited)})" if status == MS.HELD else "到会情况")
        self.tabs.setTabText(2, f"议定事项 ({len(detail.decisions)})")

    # --- decisions: an opinion or a suggestion in one step -----------------------------------------
    def _saved_decision(self, action: str) -> service.DecisionEntry | None:
        """The selected decision, once the form is saved (a new decision gets its id then)."""
        row = self.decisions.currentRow()
        if row < 0:
            QMessageBox.information(self, action, "请先在“议定事项”中选中一项。")
            return None
        if not self.save():
            return None
        return self.detail.decisions[row] if row < len(self.detail.decisions) else None

    def register_opinion(self) -> None:
        decision = self._saved_decision("登记为民情意见")
        if decision is None:
            return
        if decision.opinion_id:
            QMessageBox.information(self, "登记为民情意见", f"这项事项已登记为民情意见 {decision.opinion_serial}。")
            return
        today = self.clock.today()
        grid_id = self.detail.form.grid_id
        fields = [Field("category", "意见分类", CHOICE, default="其他",
                        choices=[(c, c) for c in category_names(self.db)]),
                  Field("grid", "网格", CHOICE, default=grid_id,
                        choices=[(None, "（不在某个网格）"), *((c.id, c.label) for c in grid_choices(self.db))]),
                  Field("urgency", "紧急程度", CHOICE, choices=[(u.value, u.value) for u in Urgency])]
        dialog = StepDialog(self, title="登记为民情意见", fields=fields, settings_key="decision_opinion",
                            intro=f"{decision.text}\n\n登记日期为会议日期，渠道为“议事会”，之后在民情办理中认领、交办。",
                            submit=lambda v: service.open_opinion(self.db, decision.id, today=today,
                                                                  category=v["category"], grid_id=v["grid"],
                                                                  urgency=v["urgency"]))
        if dialog.exec():
            self.changed = True
            self.refresh()
            self.tabs.setCurrentIndex(2)

    def form_suggestion(self) -> None:
        decision = self._saved_decision("形成代表建议")
        if decision is None:
            return
        if decision.suggestion_id:
            QMessageBox.information(self, "形成代表建议", f"这项事项已关联代表建议 {decision.suggestion_serial}。")
            return
        present = [d for d, _name, _levels, attended in self.detail.invited if attended]
        fields = [Field("lead", "领衔代表", DEPUTY, default=present[0] if present else None,
                        choices=[c for c in self._deputies if c.status == "在任"]),
                  Field("department", "承办部门", CHOICE,
                        choices=[(None, "（待定）"), *((c.id, c.label) for c in department_choices(self.db))])]
        today = self.clock.today()
        dialog = StepDialog(self, title="形成代表建议", fields=fields, settings_key="decision_suggestion",
                            intro=f"{decision.text}\n\n建议以会议日期提出，标题和内容可在随后打开的建议表中修改。",
                            submit=lambda v: service.suggestion_from_decision(
                                self.db, decision.id, today=today, lead_deputy_id=v["lead"],
                                department_id=v["department"]))
        if dialog.exec():
            self.changed = True
            open_suggestion(self.db, self.clock, self, dialog.result_value)
            self.refresh()
            self.tabs.setCurrentIndex(2)

    def link_suggestion(self) -> None:
        decision = self._saved_decision("关联代表建议")
        if decision is None:
            return
        fields = [Field("suggestion", "代表建议", CHOICE, default=decision.suggestion_id,
                        choices=[(None, "（不关联）"), *((c.id, c.label) for c in suggestion_choices(self.db))])]
        dialog = StepDialog(self, title="关联已有代表建议", fields=fields, intro=decision.text,
                            settings_key="decision_link",
                            submit=lambda v: service.link_suggestion(self.db, decision.id, v["suggestion"]))
        if dialog.exec():
            self.changed = True
            self.refresh()
            self.tabs.setCurrentIndex(2)

    def _decision_clicked(self, row: int, column: int) -> None:
        if column == TEXT or self.detail is None or row >= len(self.detail.decisions):
            return
        decision = self.detail.decisions[row]
        if column == OPINION and decision.opinion_id:
            open_opinion(self.db, self.clock, self, decision.opinion_id)
        elif column == SUGGESTION and decision.suggestion_id:
            open_suggestion(self.db, self.clock, self, decision.suggestion_id)
        else:
            return
        self.refresh()

    # --- papers and the end of a meeting ------------------------------------------------------------
    def _paper(self, which: str):
        from gridoffice.services.outcomes.papers import write_meeting_notice, write_minutes

        row = self.detail.row
        write = write_meeting_notice if which == "notice" else write_minutes
        stem = f"{'会议通知' if which == 'notice' else '会议纪要'}-{row.date:%Y%m%d}-{row.title[:20]}"
        return stem, lambda path: write(self.db, self.record_id, path, today=self.clock.today())

    def cancel_meeting(self) -> None:
        dialog = StepDialog(self, title="取消会议", fields=[Field("reason", "取消原因", LINE)],
                            intro=self.detail.row.title, settings_key="meeting_cancel", ok_text="取消会议",
                            submit=lambda v: service.cancel_meeting(self.db, self.record_id, reason=v["reason"]))
        if dialog.exec():
            self.changed = True
            self.refresh()

    def delete(self) -> None:
        if QMessageBox.question(self, "删除会议", f"删除“{self.detail.row.title}”吗？由它登记的意见和形成的建议会保留。") \
                != QMessageBox.StandardButton.Yes:
            return
        service.delete_meeting(self.db, self.record_id)
        self.changed = True
        self.record_id = None
        super().accept()

    def reject(self) -> None:
        if self.changed:
            super().accept()
        else:
            super().reject()
