"""统计 tab: the office's figures for a period and a station or community, as the director reads them.

Pages: 概况 (the sentence in the office's words, the main figures with last year's, the checks'
verdict), 分类统计 (breakdowns), 图表 (QtCharts, imported when the page is first shown), 核对 (records
to correct before the director sees the figures) and 履职积分. Every number opens the records behind
it. Nothing is counted until the tab is on screen; each page counts when it is first shown after a
change (a district's figures take a fraction of a second, its ranking about one).
"""
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout, QLabel, QMenu, QPushButton,
                               QScrollArea, QTabWidget, QToolButton, QVBoxLayout, QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.services.common.lookups import community_choices, station_choices
from gridoffice.services.common.settings import read_office_name
from gridoffice.services.stats.checks import Check, checks_summary, run_checks
from gridoffice.services.stats.figures import (OfficeFigures, change_text, figure_text, incomplete_note,
                                               office_figures)
from gridoffice.services.stats.period import Period, Scope
from gridoffice.services.stats.records import records_behind
from gridoffice.widgets.tab_page import TabPage

from .period_picker import PeriodPicker, ScopeCombo

CARDS = (("activities", "开展活动"), ("person_times", "组织代表参加活动"), ("residents", "接待（联系）群众"),
         ("opinions_collected", "收集群众意见"), ("opinions_resolved", "办结"), ("resolve_rate", "办结率"),
         ("reply_rate", "回复率"), ("satisfaction_rate", "群众满意度"), ("suggestions_formed", "形成代表建议"),
         ("projects_done", "为民办实事"), ("reception_held", "接待日举行"), ("meetings_held", "召开会议"))
CARD_COLUMNS = 4
LINK_STYLE = "color:#1f5fa8; font-weight:bold; text-decoration:none;"


def wait_cursor(work):
    """Run `work()` with the busy cursor (a district's ranking takes about a second)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    finally:
        QApplication.restoreOverrideCursor()


class FigureCard(QFrame):
    """One figure: its name, the number (a button opening its records) and last year's."""

    def __init__(self, key: str, title: str, open_records, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName("figure_card")
        self.setStyleSheet("#figure_card { background: #f7f9fc; border: 1px solid #d6dde8; border-radius: 6px; }")
        self.title = QLabel(title, self)
        self.title.setStyleSheet("color:#455a64;")
        self.value = QPushButton(self)
        self.value.setFlat(True)
        self.value.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value.setStyleSheet("QPushButton { font-size: 22px; font-weight: bold; color: #1f5fa8; text-align: left;"
                                 " border: none; padding: 0; } QPushButton:hover { text-decoration: underline; }")
        self.value.setToolTip("点击查看统计的记录")
        self.value.clicked.connect(lambda: open_records(key))
        self.change = QLabel(self)
        self.change.setStyleSheet("color:#78909c;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.change)

    def show_figure(self, figures: OfficeFigures) -> None:
        figure = figures[self.key]
        self.value.setText(figure_text(figure))
        self.value.setEnabled(figure.value is not None)
        self.change.setText(change_text(figure))
        self.change.setToolTip(incomplete_note(figure))


class OverviewPage(QWidget):
    def __init__(self, tab: "StatsTab"):
        super().__init__(tab)
        self.tab = tab
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.sentence.setStyleSheet("font-size: 16px; line-height: 160%; padding: 10px 12px; background: #ffffff;"
                                    " border: 1px solid #d6dde8; border-radius: 6px;")
        self.sentence.linkActivated.connect(lambda key: tab.open_records(key))
        self.banner = QPushButton(self)
        self.banner.setCursor(Qt.CursorShape.PointingHandCursor)
        self.banner.clicked.connect(lambda: tab.pages.setCurrentWidget(tab.checks_page))
        self.cards = {key: FigureCard(key, title, tab.open_records, self) for key, title in CARDS}
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // CARD_COLUMNS, index % CARD_COLUMNS)
        self.more = QLabel(self)
        self.more.setWordWrap(True)
        self.more.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.more.linkActivated.connect(lambda key: tab.open_records(key))
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(self.heading)
        column.addWidget(self.sentence)
        column.addWidget(self.banner)
        column.addLayout(grid)
        column.addWidget(self.more)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def show_figures(self, figures: OfficeFigures, checks: list[Check]) -> None:
        self.heading.setText(f"{figures.period.label()}　{figures.scope_label}　（{figures.period.start:%Y-%m-%d} 至 "
                             f"{figures.period.end:%Y-%m-%d}）")
        html = "".join(f'<a href="{key}" style="{LINK_STYLE}">{text}</a>' if key else text
                       for text, key in figures.sentence_parts())
        self.sentence.setText(html)
        for card in self.cards.values():
            card.show_figure(figures)
        failing = [check for check in checks if check.items]
        self.banner.setText(("⚠ " if failing else "✓ ") + checks_summary(checks) + ("　查看并改正 ›" if failing else ""))
        self.banner.setStyleSheet(
            "QPushButton { text-align: left; padding: 8px 12px; border-radius: 6px; font-size: 14px; "
            + ("background: #fff4e0; border: 1px solid #f0b34a; color: #8a5a00; }" if failing else
               "background: #eaf6ec; border: 1px solid #9ccfa6; color: #2e6b3a; }"))
        extra = [("deputies_involved", "参加活动的代表"), ("online_activities", "网上履职"),
                 ("opinions_replied", "回复群众"), ("opinions_rejected", "不予受理（已引导）"), ("opinions_open", "尚未办结"),
                 ("opinions_earlier_resolved", "另办结以前收集的意见"), ("suggestions_closed", "办结代表建议"),
                 ("reception_scheduled", "接待日计划"), ("reception_duty", "接待日值班代表"),
                 ("meeting_person_times", "代表参加会议"), ("followups", "回访群众")]
        links = [f'{label} <a href="{key}" style="{LINK_STYLE}">{figure_text(figures[key])}</a>'
                 for key, label in extra if figures[key].value is not None]
        self.more.setText("其他数字：" + "；".join(links) + "。点击任一数字查看它统计的记录；口径见“口径说明”（F1）。")


class StatsTab(TabPage):
    title = "统计"
    help_page = "stats"
    settings_key = "stats"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, parent)
        self.figures: OfficeFigures | None = None
        self.checks: list[Check] = []
        self._stale = True
        self._counted: set[int] = set()       # pages counted for the current period and scope
        self._init_widgets()
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, self.show_help,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- building -------------------------------------------------------------------------------------
    def _init_widgets(self) -> None:
        from .breakdown_page import BreakdownPage
        from .charts_page import ChartsPage
        from .checks_page import ChecksPage
        from .points_page import PointsPage

        self.picker = PeriodPicker(self.clock.today(), self)
        self.scope_box = ScopeCombo(self)
        scope_label = QLabel("范围(&W)", self)
        scope_label.setBuddy(self.scope_box)
        help_button = QPushButton("口径说明", self)
        help_button.setToolTip("每个数字统计什么（F1）")
        help_button.clicked.connect(self.show_help)
        self.print_button = QToolButton(self)
        self.print_button.setText("打印和导出")
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self)
        self.paper_actions = self._paper_actions()
        self.print_menu.addActions(self.paper_actions)
        self.print_button.setMenu(self.print_menu)
        bar = QHBoxLayout()
        bar.addWidget(self.picker)
        bar.addSpacing(12)
        bar.addWidget(scope_label)
        bar.addWidget(self.scope_box)
        bar.addStretch(1)
        bar.addWidget(help_button)
        bar.addWidget(self.print_button)
        self.pages = QTabWidget(self)
        self.overview = OverviewPage(self)
        self.breakdown_page = BreakdownPage(self)
        self.charts_page = ChartsPage(self)
        self.checks_page = ChecksPage(self)
        self.points_page = PointsPage(self)
        for page, name in ((self.overview, "概况"), (self.breakdown_page, "分类统计"), (self.charts_page, "图表"),
                           (self.checks_page, "核对"), (self.points_page, "履职积分")):
            self.pages.addTab(page, name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(bar)
        layout.addWidget(self.pages, stretch=1)
        self.picker.changed.connect(self.reload)
        self.scope_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.pages.currentChanged.connect(lambda _i: self._count_shown())

    def _paper_actions(self) -> list[QAction]:
        from .printing import PaperActions

        self.papers = PaperActions(self)
        return self.papers.actions()

    def menu_actions(self) -> dict[str, list[QAction]]:
        help_action = self.make_action("统计口径说明(&K)", self.show_help, "统计页每个数字统计什么")
        return {"打印": self.paper_actions, "帮助": [help_action]}

    # --- what is shown ----------------------------------------------------------------------------------
    def period(self) -> Period:
        return self.picker.period()

    def scope(self) -> Scope:
        return self.scope_box.scope()

    def reload(self) -> None:
        """Count again, now if the tab is on screen, else when it is next shown."""
        self._stale = True
        self._counted.clear()
        if self.isVisible():
            self._count_shown()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale or self.pages.currentIndex() not in self._counted:
            self._count_shown()

    def _count_shown(self) -> None:
        if not self.isVisible() and not self._stale:
            return
        if self._stale:
            self._stale = False
            office = read_office_name(self.db)
            self.scope_box.set_choices(office, station_choices(self.db), community_choices(self.db))
            wait_cursor(self._count_overview)
            self._counted.add(self.pages.indexOf(self.overview))
        index = self.pages.currentIndex()
        if index not in self._counted:
            self._counted.add(index)
            wait_cursor(lambda: self.pages.currentWidget().count(self.period(), self.scope()))

    def _count_overview(self) -> None:
        period, scope = self.period(), self.scope()
        self.figures = office_figures(self.db, period, scope)
        self.checks = run_checks(self.db, period, scope, today=self.clock.today())
        self.overview.show_figures(self.figures, self.checks)
        failing = sum(len(check.items) for check in self.checks)
        self.pages.setTabText(self.pages.indexOf(self.checks_page), f"核对（{failing}）" if failing else "核对")
        self.checks_page.show_checks(self.checks)

    def recount(self) -> None:
        """After a record was corrected: everything again, on this page first."""
        self.reload()

    # --- records behind a figure -------------------------------------------------------------------------
    def open_records(self, key: str, dimension: str | None = None, group=None, group_label: str = "") -> None:
        from .records_dialog import RecordsDialog

        period, scope = self.period(), self.scope()
        dialog = RecordsDialog(self.db, self.clock, lambda: records_behind(
            self.db, period, scope, key, dimension, group, group_label=group_label), self)
        dialog.exec()
        if dialog.changed:
            self.recount()

    def show_help(self) -> None:
        from .help_dialog import HelpDialog

        HelpDialog(self).exec()

    def print_current(self) -> None:
        self.papers.annual_report_pdf()
