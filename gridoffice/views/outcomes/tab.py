"""履职成果 tab: six lists on tabs of their own (代表建议, 为民办实事, 会议, 述职评议, 专项活动, 矛盾调解).

The window's keys act on the list on show: Ctrl+N its form, Ctrl+F its search, Ctrl+P the list as
shown. A list is read when it is first shown, and again after a change elsewhere (a meeting
decision that forms a suggestion, a reload with F5).
"""
import importlib

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.outcome_rules import KIND_LIST_LABELS, KindList
from gridoffice.widgets.tab_page import TabPage
from gridoffice.widgets.ui_settings import ui_settings

from .lists import OutcomeList

# (module, class) of each list, in the order of its tab
LISTS = (
    ("gridoffice.views.outcomes.suggestions", "SuggestionsList"),
    ("gridoffice.views.outcomes.projects", "ProjectsList"),
    ("gridoffice.views.outcomes.meetings", "MeetingsList"),
    ("gridoffice.views.outcomes.appraisals", "AppraisalsList"),
    ("gridoffice.views.outcomes.campaigns", "CampaignsList"),
    ("gridoffice.views.outcomes.disputes", "DisputesList"),
)


class OutcomesTab(TabPage):
    title = "履职成果"
    help_page = "outcomes"
    settings_key = "outcomes"
    can_create = True

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, parent)
        self.lists: list[OutcomeList] = []
        self._stale: set[int] = set()
        self._loaded = False
        self.tabs = QTabWidget(self)
        for module, name in LISTS:
            page: OutcomeList = getattr(importlib.import_module(module), name)(db, clock, self)
            page.records_changed.connect(lambda p=page: self._others_changed(p))
            self.lists.append(page)
            self.tabs.addTab(page, page.title)
        self.tabs.currentChanged.connect(self._on_list_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tabs)
        self._init_actions()

    def _init_actions(self) -> None:
        self.export_action = self.make_action("导出当前履职成果列表到 Excel…", lambda: self.current().export_shown(),
                                              "代表建议、为民办实事等列表按当前的筛选和列导出")
        self.kind_actions = [
            self.make_action(f"{KIND_LIST_LABELS[kind.value]}…", lambda k=kind.value: self.edit_kinds(k),
                             f"编辑{KIND_LIST_LABELS[kind.value]}的列表")
            for kind in (KindList.MEETING, KindList.DISPUTE, KindList.PROJECT)]

    def menu_actions(self) -> dict[str, list[QAction]]:
        return {"文件": [self.export_action], "工具": self.kind_actions}

    # --- the list on show ------------------------------------------------------------------
    def current(self) -> OutcomeList:
        return self.tabs.currentWidget()

    def show_list(self, title: str) -> OutcomeList:
        page = next(p for p in self.lists if p.title == title)
        self.tabs.setCurrentWidget(page)
        return page

    def _on_list_shown(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            self.lists[index].reload()

    def _others_changed(self, changed: OutcomeList) -> None:
        self._stale |= {i for i, page in enumerate(self.lists) if page is not changed}

    # --- what the window asks --------------------------------------------------------------
    def reload(self) -> None:
        """The list on show now; the others when they are next shown."""
        current = self.tabs.currentIndex()
        self._stale = set(range(len(self.lists))) - {current}
        self.lists[current].reload()
        self._loaded = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Records made from other tabs (a suggestion formed in 民情办理) appear when the tab is shown."""
        super().showEvent(event)
        if self._loaded:
            self.reload()

    def new_record(self) -> None:
        self.current().new_record()

    def focus_search(self) -> None:
        self.current().focus_search()

    def print_current(self) -> None:
        self.current().print_current()

    def restore_state(self) -> None:
        for page in self.lists:
            page.restore_state()
        index = int(ui_settings().value("tabs/outcomes/list", 0))
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(index if 0 <= index < len(self.lists) else 0)
        self.tabs.blockSignals(False)

    def save_state(self) -> None:
        for page in self.lists:
            page.save_state()
        ui_settings().setValue("tabs/outcomes/list", self.tabs.currentIndex())

    def edit_kinds(self, list_name: str) -> None:
        from .kinds import KindListDialog

        if KindListDialog(self.db, list_name, self).exec():
            self.reload()
