"""矛盾调解: disputes deputies mediate, counted apart from opinions. The list shows the parties
masked; the form shows them in full. A matter already before a court, an arbitration commission or
the petition office is recorded as 不予受理 with where the parties were referred."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QPushButton,
                               QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.outcome_rules import DisputeStatus, KindList
from gridoffice.models.outcome_models import DisputeTableModel
from gridoffice.services.common.lookups import campaign_choices, grid_choices, kind_choices
from gridoffice.services.outcomes import disputes as service
from gridoffice.widgets.filters import ChoiceCombo, DateRangeFilter, DeputyFilterButton, SearchableCombo

from .lists import OutcomeList

DS = DisputeStatus
NOT_IN_PROCEEDINGS = "否，由代表调解"


class DisputesList(OutcomeList):
    title = "矛盾调解"
    settings_key = "outcome_disputes"
    search_hint = "搜索：编号、类型、网格、调解人员、状态…（当事人只显示姓氏）"
    default_sort = ("received_on", Qt.SortOrder.DescendingOrder)
    new_text = "登记纠纷"
    unit = "件矛盾纠纷"
    what = "纠纷"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, DisputeTableModel(), parent)
        for index, (text, slot, tip) in enumerate((
                ("记录调解结果…", self.record_result, "所选纠纷调解成功、未成功或转交"),
                ("不予受理…", self.refuse, "所选纠纷已在诉讼、仲裁或信访程序中，引导当事人到相应渠道"))):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            self.toolbar.insertWidget(1 + index, button)

    def _init_filters(self) -> None:
        dates = DateRangeFilter(self.clock.today, self, label="受理日期")
        dates.set_preset("全部")
        self.dates = self.add_filter(dates)
        self.kind = self.add_filter(ChoiceCombo("全部类型", self))
        self.status = self.add_filter(ChoiceCombo("全部状态", self))
        self.status.set_choices([(s.value, s.value) for s in DS])
        self.grid = self.add_filter(SearchableCombo("全部网格", self))
        self.grid.setMinimumWidth(140)
        self.deputy = self.add_filter(DeputyFilterButton(self.db, self))
        self.campaign = self.add_filter(ChoiceCombo("全部专项活动", self))
        self.campaign.setMaximumWidth(200)

    def reload(self) -> None:
        self.kind.set_choices([(k, k) for k in kind_choices(self.db, KindList.DISPUTE.value)])
        self.campaign.set_choices([(c.id, c.label) for c in campaign_choices(self.db)])
        grids = [(c.id, c.label) for c in grid_choices(self.db)]
        if self.grid.count() != len(grids) + 1:
            self.grid.blockSignals(True)
            self.grid.set_choices(grids, self.grid.value())
            self.grid.blockSignals(False)
        super().reload()

    def load(self) -> list[service.DisputeRow]:
        start, end = self.dates.date_range()
        rows = service.list_disputes(self.db, where=service.DisputeFilter(
            start=start, end=end, kind=self.kind.value(), status=self.status.value(), grid_id=self.grid.value(),
            deputy_id=self.deputy.deputy_id, campaign_id=self.campaign.value()))
        if start is None and rows:
            self.dates.show_span(min(r.received_on for r in rows), max(r.received_on for r in rows))
        return rows

    def open_record(self, record_id: int | None) -> None:
        from .dispute_dialog import DisputeDialog

        self.run_dialog(DisputeDialog(self.db, self.clock, self, dispute_id=record_id))

    def record_result(self) -> None:
        from .dispute_dialog import result_dialog

        row = self.require_selected("记录调解结果")
        if row is not None and result_dialog(self, self.db, self.clock, row.id, row.received_on, row.serial).exec():
            self._changed(row.id)

    def refuse(self) -> None:
        from .dispute_dialog import refuse_dialog

        row = self.require_selected("不予受理")
        if row is not None and refuse_dialog(self, self.db, self.clock, row.id, row.serial).exec():
            self._changed(row.id)

    def _changed(self, record_id: int) -> None:
        self.reload()
        self.select_id(record_id)
        self.records_changed.emit()
