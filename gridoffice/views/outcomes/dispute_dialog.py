"""矛盾调解: the dispute form, and the result and refusal steps."""
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.enums import RejectReason
from gridoffice.domain.errors import FieldError
from gridoffice.domain.outcome_rules import DISPUTE_RESULTS, PROCEEDINGS, DisputeStatus, KindList
from gridoffice.services.common.lookups import campaign_choices, deputy_choices, grid_choices, kind_choices
from gridoffice.services.outcomes import disputes as service
from gridoffice.views.forms.ui_dispute_form import Ui_DisputeForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import from_qdate, to_qdate
from gridoffice.widgets.deputy_picker import DeputyPicker
from gridoffice.widgets.form import FormErrors

from .fields import NO_CAMPAIGN, fill_combo, fill_texts, scrolling, set_combo, show_error, wrap_summary
from .records import facts_html
from .step_dialog import CHOICE, DATE, LINE, TEXT, Field, StepDialog

DS = DisputeStatus
NOT_IN_PROCEEDINGS = "否，由代表调解"


def result_dialog(parent: QWidget, db: Database, clock: Clock, dispute_id: int, received_on, serial: str) -> StepDialog:
    today = clock.today()
    fields = [Field("result", "调解结果", CHOICE, choices=[(r.value, r.value) for r in DISPUTE_RESULTS]),
              Field("on", "日期", DATE, default=today, latest=today),
              Field("agreement", "协议或情况", TEXT, height=110,
                    placeholder="调解成功：达成的协议；未成功：分歧所在和下一步"),
              Field("referred_to", "转交给", LINE, placeholder="例如：区司法局人民调解中心",
                    enabled_by=("result", lambda value: value == DS.REFERRED))]
    return StepDialog(parent, title=f"调解结果 — {serial}", fields=fields, settings_key="dispute_result",
                      submit=lambda v: service.record_result(
                          db, dispute_id, result=v["result"], on=v["on"], today=today, agreement=v["agreement"] or "",
                          referred_to=v["referred_to"] or ""))


def refuse_dialog(parent: QWidget, db: Database, clock: Clock, dispute_id: int, serial: str) -> StepDialog:
    today = clock.today()
    fields = [Field("reason", "原因", CHOICE, choices=[(r.value, r.value) for r in RejectReason]),
              Field("referred_to", "引导至", LINE,
                    placeholder="例如：区人民法院诉讼服务中心、区劳动人事争议仲裁院、区信访局"),
              Field("note", "说明", TEXT, height=80, placeholder="原因为“其他”时必填"),
              Field("on", "日期", DATE, default=today, latest=today)]
    return StepDialog(parent, title=f"不予受理 — {serial}", fields=fields, settings_key="dispute_refuse",
                      intro="已进入诉讼、仲裁或信访程序的矛盾不由代表调解：记录原因，并引导当事人到相应渠道。",
                      submit=lambda v: service.refuse_dispute(db, dispute_id, reason=v["reason"],
                                                              referred_to=v["referred_to"], on=v["on"], today=today,
                                                              note=v["note"]))


class DisputeDialog(BaseDialog):
    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None, *, dispute_id: int | None = None):
        super().__init__(parent, settings_key="dispute_form", title="矛盾纠纷", default_size=(1040, 640))
        self.db, self.clock, self.record_id = db, clock, dispute_id
        self.changed = False
        self.detail: service.DisputeDetail | None = None
        self.form_box = QGroupBox("纠纷（当事人姓名只在本表单中完整显示）", self)
        body = QWidget(self.form_box)
        self.ui = ui = Ui_DisputeForm()
        ui.setupUi(body)
        ui.received_on.setMaximumDate(to_qdate(clock.today()))
        ui.proceeding.addItem(NOT_IN_PROCEEDINGS, "")
        for proceeding in PROCEEDINGS:
            ui.proceeding.addItem(f"已进入{proceeding}程序：不予受理", proceeding)
        ui.proceeding.currentIndexChanged.connect(self._proceeding_changed)
        self.deputies = DeputyPicker(self)
        wrap_summary(self.deputies)
        ui.deputies_error = QLabel(self)
        self.errors = FormErrors(ui)
        self.save_button = QPushButton("保存", self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        column = QVBoxLayout(self.form_box)
        column.addWidget(scrolling(body, self.form_box), stretch=1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        column.addLayout(row)

        deputies_box = QGroupBox("调解的代表（可多选）", self)
        column = QVBoxLayout(deputies_box)
        column.addWidget(self.deputies)
        column.addWidget(ui.deputies_error)
        self.result_box = QGroupBox("调解结果", self)
        self.result = QLabel(self)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setWordWrap(True)
        self.result_button = QPushButton("记录调解结果…", self)
        self.result_button.clicked.connect(self.record_result)
        self.refuse_button = QPushButton("不予受理…", self)
        self.refuse_button.clicked.connect(self.refuse)
        column = QVBoxLayout(self.result_box)
        column.addWidget(self.result)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result_button)
        buttons.addWidget(self.refuse_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.delete_button = QPushButton("删除", self)
        self.delete_button.clicked.connect(self.delete)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(deputies_box, stretch=1)
        column.addWidget(self.result_box)
        column.addLayout(bottom)
        layout = QHBoxLayout(self)
        layout.addWidget(self.form_box, stretch=5)
        layout.addWidget(side, stretch=4)
        if dispute_id is None:
            self._fill(service.DisputeForm(received_on=clock.today(), kind="", parties=""))
            self._show_detail()
        else:
            self.refresh()

    def _fill(self, form: service.DisputeForm) -> None:
        ui = self.ui
        ui.serial.setText(self.detail.row.serial if self.detail else "（保存后编号）")
        ui.received_on.setDate(to_qdate(form.received_on))
        fill_texts(ui.kind, kind_choices(self.db, KindList.DISPUTE.value), form.kind)
        ui.parties.setText(form.parties)
        ui.grid.set_choices([(c.id, c.label) for c in grid_choices(self.db)], form.grid_id)
        ui.other_mediators.setText(form.other_mediators)
        fill_combo(ui.campaign, [(c.id, c.label) for c in campaign_choices(self.db)], form.campaign_id,
                   blank=NO_CAMPAIGN)
        set_combo(ui.proceeding, form.proceeding or "")
        ui.referred_to.setText(form.referred_to)
        ui.summary.setPlainText(form.summary)
        self.deputies.set_choices(deputy_choices(self.db, include_retired=self.record_id is not None), form.deputy_ids)
        self._proceeding_changed()

    def _proceeding_changed(self, *_args) -> None:
        new = self.record_id is None
        self.ui.proceeding.setEnabled(new)
        self.ui.referred_to.setEnabled(new and bool(self.ui.proceeding.currentData()))

    def form_input(self) -> service.DisputeForm:
        ui = self.ui
        return service.DisputeForm(
            received_on=from_qdate(ui.received_on.date()), kind=ui.kind.currentText(), parties=ui.parties.text(),
            summary=ui.summary.toPlainText(), grid_id=ui.grid.value(), deputy_ids=self.deputies.selected_ids(),
            other_mediators=ui.other_mediators.text(), campaign_id=ui.campaign.currentData(),
            proceeding=ui.proceeding.currentData() or "", referred_to=ui.referred_to.text())

    def save(self) -> bool:
        self.errors.clear()
        if not self.ui.grid.is_blank_or_valid():
            self.errors.show("grid", "没有这个网格：请从列表中选择，或清空。")
            return False
        today = self.clock.today()
        try:
            if self.record_id is None:
                self.record_id = service.register_dispute(self.db, self.form_input(), today=today)
            else:
                service.update_dispute(self.db, self.record_id, self.form_input(), today=today)
        except (FieldError, LookupError) as error:
            show_error(self, self.errors, error)
            return False
        self.changed = True
        self.refresh()
        return True

    def refresh(self) -> None:
        self.detail = service.dispute_detail(self.db, self.record_id)
        self._fill(self.detail.form)
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.detail
        self.delete_button.setEnabled(detail is not None)
        if detail is None:
            self.setWindowTitle("登记矛盾纠纷")
            self.result.setText("保存后记录调解结果。")
            self.result_button.setEnabled(False)
            self.refuse_button.setEnabled(False)
            return
        row = detail.row
        self.setWindowTitle(f"矛盾纠纷 {row.serial} — {row.status}")
        facts = [("状态", f"<b>{escape(row.status)}</b>")]
        if row.result_on:
            facts.append(("日期", f"{row.result_on:%Y-%m-%d}"))
        if detail.agreement:
            facts.append(("情况" if row.status != DS.SETTLED else "协议", escape(detail.agreement)))
        if row.referred_to:
            facts.append(("转交／引导至", escape(row.referred_to)))
        self.result.setText(facts_html(facts))
        self.result_button.setEnabled(row.status in (DS.PENDING, DS.FAILED))
        self.refuse_button.setEnabled(row.status == DS.PENDING)

    def record_result(self) -> None:
        row = self.detail.row
        if result_dialog(self, self.db, self.clock, self.record_id, row.received_on, row.serial).exec():
            self.changed = True
            self.refresh()

    def refuse(self) -> None:
        if refuse_dialog(self, self.db, self.clock, self.record_id, self.detail.row.serial).exec():
            self.changed = True
            self.refresh()

    def delete(self) -> None:
        if QMessageBox.question(self, "删除纠纷", f"删除纠纷 {self.detail.row.serial} 的记录吗？") \
                != QMessageBox.StandardButton.Yes:
            return
        service.delete_dispute(self.db, self.record_id)
        self.changed = True
        self.record_id = None
        super().accept()

    def reject(self) -> None:
        if self.changed:
            super().accept()
        else:
            super().reject()
