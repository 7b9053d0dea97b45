"""A 述职评议会: the form (ui/appraisal_form.ui) with the deputies in the order they report; the
results (voter representatives present, the votes for each deputy, the verdict worked out as it
is announced); the questions voters raised, each registered as an opinion (channel 述职会)."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.errors import FieldError
from gridoffice.domain.outcome_rules import RATING_WORDS, AppraisalScale, AppraisalStatus, appraisal_result
from gridoffice.services.common.lookups import deputy_choices, grid_choices, station_choices
from gridoffice.services.opinions.lists import category_names
from gridoffice.services.outcomes import appraisals as service
from gridoffice.views.forms.ui_appraisal_form import Ui_AppraisalForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qdate, to_qdate
from gridoffice.widgets.deputy_picker import pick_deputies
from gridoffice.widgets.form import ERROR_STYLE, FormErrors
from gridoffice.widgets.row_colors import RowColorDelegate

from .fields import fill_combo, prepare_time, scrolling, set_time, show_error, time_value
from .printing import paper_button
from .records import RecordList, open_opinion
from .step_dialog import CHOICE, TEXT, Field, StepDialog

AS = AppraisalStatus
ID_ROLE = Qt.ItemDataRole.UserRole
NAME, GOOD, FAIR, POOR, RESULT, REMARKS = range(6)
RESULT_COLORS = {"满意": "#2e7d32", "称职": "#2e7d32", "基本满意": "#ef6c00", "基本称职": "#ef6c00",
                 "不满意": "#c62828", "不称职": "#c62828"}


class AppraisalDialog(BaseDialog):
    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *,
                 appraisal_id: int | None = None, draft: service.AppraisalForm | None = None):
        super().__init__(parent, settings_key="appraisal_form", title="述职评议会", default_size=(1180, 680))
        self.db, self.clock, self.record_id = db, clock, appraisal_id
        self.changed = False
        self.detail: service.AppraisalDetail | None = None
        self._names = {c.id: c.name for c in deputy_choices(db, include_retired=True)}
        self._init_form()
        self._init_side()
        self.errors = FormErrors(self.ui)
        layout = QHBoxLayout(self)
        layout.addWidget(self.form_box, stretch=4)
        layout.addWidget(self.side, stretch=6)
        if appraisal_id is None:
            self._fill(draft or service.AppraisalForm(year=clock.today().year, date=clock.today(), deputy_ids=[]))
            self._show_detail()
        else:
            self.refresh()

    # --- building ---------------------------------------------------------------------------
    def _init_form(self) -> None:
        self.form_box = QGroupBox("会议安排", self)
        body = QWidget(self.form_box)
        self.ui = ui = Ui_AppraisalForm()
        ui.setupUi(body)
        prepare_time(ui.start_time)
        ui.scale.addItems([s.value for s in AppraisalScale])
        self.order = QListWidget(self)
        self.order.setToolTip("按述职的先后排列")
        ui.deputies_error = QLabel(self)
        buttons = QHBoxLayout()
        for text, slot in (("添加代表…", self.add_deputies), ("移除", self.remove_deputy),
                           ("上移", lambda: self.move(-1)), ("下移", lambda: self.move(1))):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.save_button = QPushButton("保存", self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self.form_box)
        layout.addWidget(scrolling(body, self.form_box))
        layout.addWidget(QLabel("述职代表（按述职顺序）", self))
        layout.addWidget(self.order, stretch=1)
        layout.addWidget(ui.deputies_error)
        layout.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def _init_side(self) -> None:
        ui = self.ui
        results = QWidget(self)
        self.voters = QSpinBox(self)
        self.voters.setRange(0, 10_000)
        self.voters.setSuffix(" 人")
        self.voters.valueChanged.connect(self._update_results)
        self.ratings = QTableWidget(0, 6, self)
        self.ratings.verticalHeader().setVisible(False)
        self.ratings.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.ratings.setItemDelegate(RowColorDelegate(self.ratings))   # the result's colour survives the theme
        header = self.ratings.horizontalHeader()
        header.setSectionResizeMode(REMARKS, QHeaderView.ResizeMode.Stretch)
        for column, width in ((NAME, 80), (GOOD, 80), (FAIR, 80), (POOR, 80), (RESULT, 80)):
            self.ratings.setColumnWidth(column, width)
        ui.voters_present_error = QLabel(self)
        ui.ratings_error = QLabel(self)
        self.tally = QLabel(self)
        self.results_button = QPushButton("保存测评结果", self)
        self.results_button.clicked.connect(self.save_results)
        column = QVBoxLayout(results)
        row = QHBoxLayout()
        row.addWidget(QLabel("到会选民代表", self))
        row.addWidget(self.voters)
        row.addWidget(self.tally, stretch=1)
        column.addLayout(row)
        column.addWidget(ui.voters_present_error)
        column.addWidget(self.ratings, stretch=1)
        column.addWidget(ui.ratings_error)
        hint = QLabel("填写每位代表的得票，结果按“满意（称职）票达到 80% 为满意（称职）”自动得出，与现场宣布一致。", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b;")
        column.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.results_button)
        column.addLayout(row)

        self.questions = RecordList(self, empty="（还没有登记选民提出的问题）",
                                    hint="选民在会上提出的问题登记为民情意见（渠道：述职会），进入办理流程。")
        self.questions.opened.connect(self._open_opinion)
        self.question_button = self.questions.add_button("登记问题…", self.add_question)
        self.questions.add_button("打开", self.questions.open_selected)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(results, "测评结果")
        self.tabs.addTab(self.questions, "选民提问")
        self.print_button = paper_button(self, "打印公告", "述职评议会公告", self._paper)
        self.cancel_button = QPushButton("取消评议会…", self)
        self.cancel_button.clicked.connect(self.cancel)
        self.delete_button = QPushButton("删除", self)
        self.delete_button.clicked.connect(self.delete)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        for widget in (self.print_button, self.cancel_button, self.delete_button):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(close)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.side = QWidget(self)
        column = QVBoxLayout(self.side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.status_label)
        column.addWidget(self.tabs, stretch=1)
        column.addLayout(bottom)

    # --- the plan ---------------------------------------------------------------------------
    def _fill(self, form: service.AppraisalForm) -> None:
        ui = self.ui
        ui.year.setValue(form.year)
        ui.date.setDate(to_qdate(form.date))
        set_time(ui.start_time, form.start_time)
        fill_combo(ui.station, [(s.id, s.name) for s in station_choices(self.db)], form.station_id, blank="（无）")
        ui.place.setText(form.place)
        ui.scale.setCurrentText(form.scale)
        ui.host.setText(form.host)
        ui.notes.setPlainText(form.notes)
        self._set_order(list(form.deputy_ids))

    def _set_order(self, deputy_ids: list[int]) -> None:
        self.order.clear()
        for number, deputy_id in enumerate(deputy_ids, start=1):
            item = QListWidgetItem(f"{number}. {self._names.get(deputy_id, '')}", self.order)
            item.setData(ID_ROLE, deputy_id)

    def order_ids(self) -> list[int]:
        return [self.order.item(r).data(ID_ROLE) for r in range(self.order.count())]

    def add_deputies(self) -> None:
        chosen = pick_deputies(self.db, self, title="选择述职代表", selected=self.order_ids())
        if chosen is not None:
            kept = [d for d in self.order_ids() if d in chosen]
            self._set_order(kept + [d for d in chosen if d not in kept])

    def remove_deputy(self) -> None:
        row = self.order.currentRow()
        if row >= 0:
            ids = self.order_ids()
            del ids[row]
            self._set_order(ids)

    def move(self, offset: int) -> None:
        row, ids = self.order.currentRow(), self.order_ids()
        target = row + offset
        if row < 0 or not 0 <= target < len(ids):
            return
        ids[row], ids[target] = ids[target], ids[row]
        self._set_order(ids)
        self.order.setCurrentRow(target)

    def form_input(self) -> service.AppraisalForm:
        ui = self.ui
        return service.AppraisalForm(
            year=ui.year.value(), date=from_qdate(ui.date.date()), deputy_ids=self.order_ids(),
            station_id=ui.station.currentData(), start_time=time_value(ui.start_time), place=ui.place.text(),
            scale=ui.scale.currentText(), host=ui.host.text(), notes=ui.notes.toPlainText())

    def save(self) -> bool:
        self.errors.clear()
        try:
            if self.record_id is None:
                self.record_id = service.plan_appraisal(self.db, self.form_input())
            else:
                service.update_appraisal(self.db, self.record_id, self.form_input())
        except (FieldError, ValueError, LookupError) as error:
            show_error(self, self.errors, error)
            return False
        self.changed = True
        self.refresh()
        return True

    def refresh(self) -> None:
        self.detail = service.appraisal_detail(self.db, self.record_id)
        self._fill(self.detail.form)
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.detail
        saved = detail is not None
        status = detail.row.status if saved else AS.PLANNED
        self.print_button.setEnabled(saved and status != AS.CANCELLED)
        self.cancel_button.setEnabled(saved and status == AS.PLANNED)
        self.delete_button.setEnabled(saved and status != AS.HELD)
        held_possible = saved and status != AS.CANCELLED and detail.form.date <= self.clock.today()
        self.results_button.setEnabled(held_possible)
        self.question_button.setEnabled(held_possible)
        self.ui.scale.setEnabled(status != AS.HELD)
        if not saved:
            self.setWindowTitle("安排述职评议会")
            self.status_label.setText("保存后，会议举行时在这里记录测评结果和选民提出的问题。")
            self._show_ratings([], RATING_WORDS[self.ui.scale.currentText()])
            return
        row = detail.row
        self.setWindowTitle(f"述职评议会 — {row.station or row.place}（{row.date:%Y-%m-%d}，{row.status}）")
        note = "" if held_possible or status != AS.PLANNED else "（会议日期还没到：举行后再记录测评结果）"
        self.status_label.setText(f'<span style="font-size:15px;">{row.year} 年度述职评议会　<b>{row.status}</b></span>'
                                  f'<span style="color:#607d8b;">{note}</span>')
        self.voters.blockSignals(True)
        self.voters.setValue(row.voters_present)
        self.voters.blockSignals(False)
        self._show_ratings(detail.reports, detail.rating_words)
        self.questions.set_entries([(q.opinion_id, f"{q.serial}　{q.deputy + '：' if q.deputy else ''}{q.content}"
                                                   f"（{q.status}）") for q in detail.questions])
        self.tabs.setTabText(1, f"选民提问 ({len(detail.questions)})")

    # --- results ------------------------------------------------------------------------------
    def _show_ratings(self, reports, words: tuple[str, str, str]) -> None:
        self.ratings.setHorizontalHeaderLabels(("代表", *words, "结果", "说明"))
        self.ratings.setRowCount(0)
        for report in reports:
            row = self.ratings.rowCount()
            self.ratings.insertRow(row)
            name = QTableWidgetItem(report.name)
            name.setData(ID_ROLE, report.deputy_id)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.ratings.setItem(row, NAME, name)
            for column, votes in zip((GOOD, FAIR, POOR), report.votes):
                box = QSpinBox(self.ratings)
                box.setRange(0, 10_000)
                box.setValue(votes)
                box.valueChanged.connect(self._update_results)
                self.ratings.setCellWidget(row, column, box)
            result = QTableWidgetItem(report.result)
            result.setFlags(Qt.ItemFlag.ItemIsEnabled)
            result.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.ratings.setItem(row, RESULT, result)
            self.ratings.setCellWidget(row, REMARKS, QLineEdit(report.remarks, self.ratings))
        self._update_results()

    def votes(self, row: int) -> tuple[int, int, int]:
        return tuple(self.ratings.cellWidget(row, column).value() for column in (GOOD, FAIR, POOR))

    def _update_results(self, *_args) -> None:
        """The verdict of each deputy as the votes are typed, as it will be announced."""
        scale = self.detail.form.scale if self.detail else self.ui.scale.currentText()
        over = []
        for row in range(self.ratings.rowCount()):
            good, fair, poor = self.votes(row)
            result = appraisal_result(scale, good, fair, poor)
            item = self.ratings.item(row, RESULT)
            item.setText(result)
            item.setForeground(QBrush(QColor(RESULT_COLORS.get(result, "#333333"))))
            if good + fair + poor > self.voters.value():
                over.append(self.ratings.item(row, NAME).text())
        self.tally.setText(f'<span style="{ERROR_STYLE}">{"、".join(over)}的票数多于到会人数</span>' if over else "")

    def save_results(self) -> None:
        self.errors.clear()
        ratings = {self.ratings.item(r, NAME).data(ID_ROLE): service.Rating(
            *self.votes(r), remarks=self.ratings.cellWidget(r, REMARKS).text()) for r in range(self.ratings.rowCount())}
        try:
            service.record_results(self.db, self.record_id, voters_present=self.voters.value(), ratings=ratings,
                                   today=self.clock.today())
        except FieldError as error:
            show_error(self, self.errors, error)
            return
        except (ValueError, LookupError) as error:
            QMessageBox.warning(self, "不能记录测评结果", str(error))
            return
        self.changed = True
        self.refresh()

    # --- questions, paper, cancelling -----------------------------------------------------------
    def add_question(self) -> None:
        reporting = [(r.deputy_id, r.name) for r in self.detail.reports]
        fields = [Field("content", "问题", TEXT, placeholder="选民提出的问题或意见", height=120),
                  Field("deputy", "向哪位代表提问", CHOICE, choices=[(None, "（未指定）"), *reporting]),
                  Field("category", "意见分类", CHOICE, default="其他", choices=[(c, c) for c in category_names(self.db)]),
                  Field("grid", "网格", CHOICE,
                        choices=[(None, "（不在某个网格）"), *((c.id, c.label) for c in grid_choices(self.db))])]
        today = self.clock.today()
        dialog = StepDialog(self, title="登记选民提出的问题", fields=fields, settings_key="appraisal_question",
                            intro="登记为民情意见（渠道：述职会，日期为会议日期），之后在民情办理中认领、交办。",
                            submit=lambda v: service.add_question(self.db, self.record_id, content=v["content"],
                                                                  today=today, deputy_id=v["deputy"],
                                                                  category=v["category"], grid_id=v["grid"]))
        if dialog.exec():
            self.changed = True
            self.refresh()
            self.tabs.setCurrentIndex(1)

    def _open_opinion(self, opinion_id: int) -> None:
        if open_opinion(self.db, self.clock, self, opinion_id):
            self.refresh()

    def _paper(self):
        from gridoffice.services.outcomes.papers import write_appraisal_notice

        row = self.detail.row
        return (f"述职评议会公告-{row.date:%Y%m%d}-{row.station[:12]}",
                lambda path: write_appraisal_notice(self.db, self.record_id, path, today=self.clock.today()))

    def cancel(self) -> None:
        dialog = StepDialog(self, title="取消述职评议会", fields=[Field("reason", "取消原因", TEXT, height=70)],
                            settings_key="appraisal_cancel", ok_text="取消评议会",
                            submit=lambda v: service.cancel_appraisal(self.db, self.record_id, reason=v["reason"]))
        if dialog.exec():
            self.changed = True
            self.refresh()

    def delete(self) -> None:
        if QMessageBox.question(self, "删除述职评议会", "删除这次述职评议会的安排吗？") != QMessageBox.StandardButton.Yes:
            return
        try:
            service.delete_appraisal(self.db, self.record_id)
        except (ValueError, LookupError) as error:
            QMessageBox.warning(self, "不能删除", str(error))
            return
        self.changed = True
        self.record_id = None
        super().accept()

    def reject(self) -> None:
        if self.changed:
            super().accept()
        else:
            super().reject()
