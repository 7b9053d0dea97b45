"""代表建议 list: every suggestion with where its handling stands; overdue ones in red with the days late."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.outcome_rules import SuggestionStatus
from gridoffice.models.outcome_models import SuggestionTableModel
from gridoffice.services.common.lookups import campaign_choices, department_choices
from gridoffice.services.outcomes.suggestions import SuggestionFilter, SuggestionForm, SuggestionRow, list_suggestions
from gridoffice.widgets.filters import ChoiceCombo, DeputyFilterButton

from .lists import OutcomeList
from .printing import paper_button


class SuggestionsList(OutcomeList):
    title = "代表建议"
    settings_key = "outcome_suggestions"
    search_hint = "搜索：编号、标题、代表、承办部门、状态…"
    default_sort = ("submitted_on", Qt.SortOrder.DescendingOrder)
    new_text = "新建建议"
    unit = "件代表建议"
    what = "代表建议"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, SuggestionTableModel(), parent)
        self.print_button = paper_button(self, "打印建议表", "代表建议表", self._paper)
        self.print_button.setToolTip("打印所选建议的《人大代表建议》表（PDF 或 Word）")
        self.toolbar.insertWidget(1, self.print_button)

    def _init_filters(self) -> None:
        self.year = self.add_filter(self.year_filter())
        self.status = self.add_filter(ChoiceCombo("全部状态", self))
        self.status.set_choices([(s.value, s.value) for s in SuggestionStatus])
        self.department = self.add_filter(ChoiceCombo("全部承办部门", self))
        self.department.setMinimumWidth(130)
        self.deputy = self.add_filter(DeputyFilterButton(self.db, self))
        self.campaign = self.add_filter(ChoiceCombo("全部专项活动", self))
        self.campaign.setMaximumWidth(220)
        self.overdue = self.add_filter(QCheckBox("只看超期", self))

    def reload(self) -> None:
        self.department.set_choices([(c.id, c.label) for c in department_choices(self.db)])
        self.campaign.set_choices([(c.id, c.label) for c in campaign_choices(self.db)])
        super().reload()

    def where(self) -> SuggestionFilter:
        return SuggestionFilter(year=self.year.value(), status=self.status.value(),
                                department_id=self.department.value(), deputy_id=self.deputy.deputy_id,
                                campaign_id=self.campaign.value(), overdue_only=self.overdue.isChecked())

    def load(self) -> list[SuggestionRow]:
        return list_suggestions(self.db, today=self.today(), where=self.where())

    def open_record(self, record_id: int | None, draft: SuggestionForm | None = None) -> None:
        from .suggestion_dialog import SuggestionDialog

        self.run_dialog(SuggestionDialog(self.db, self.clock, self, suggestion_id=record_id, draft=draft))

    def _paper(self):
        from gridoffice.services.outcomes.papers import write_suggestion_form

        row = self.require_selected("打印建议表")
        if row is None:
            return None
        return (f"代表建议-{row.serial}",
                lambda path: write_suggestion_form(self.db, row.id, path, today=self.today()))

