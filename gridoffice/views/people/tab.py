"""人员与队伍 tab: the register of people who are not deputies (网格员, 志愿者, 居民议事代表, 律师, 民警,
社区工作者…) and the teams they form with deputies, with each team's figures for the period chosen."""
import datetime as dt


from PySide6.QtCore import QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.models.person_model import PersonTableModel, TeamTableModel
from gridoffice.services.common.lookups import person_role_choices
from gridoffice.services.people.register import PersonRow, list_people
from gridoffice.services.people.teams import TeamRow, list_teams
from gridoffice.widgets.list_tab import ListTab
from gridoffice.widgets.tab_page import TabPage

PEOPLE, TEAMS = 0, 1
PERIODS = ("本年", "近一年", "全部")


class PeopleList(ListTab):
    title = "人员名册"
    settings_key = "people"
    search_hint = "搜索姓名、拼音首字母、身份、社区、网格、单位、队伍…"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, PersonTableModel(), list_people, parent)
        self.role_box = QComboBox(self)
        self.role_box.addItem("全部身份", None)
        for role in person_role_choices():
            self.role_box.addItem(role, role)
        self.role_box.currentIndexChanged.connect(self._apply_filter)
        self.toolbar.insertWidget(0, self.role_box)
        self.hint = QLabel("还没有登记人员。网格员、志愿者、居民议事代表、律师、民警等可在这里登记，之后就能在走访、值守和队伍中选择他们。", self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("background: #e3f2fd; color: #0d47a1; padding: 6px 8px;")
        self.hint.hide()
        self.layout().insertWidget(1, self.hint)

    def reload(self) -> None:
        self.model.set_rows(self._loader(self.db))
        self.hint.setVisible(self.model.rowCount() == 0)
        self._update_count()

    def _apply_filter(self, *_args) -> None:
        role = self.role_box.currentData()
        self.proxy.set_extra_filter(None if role is None else (lambda row: row.role == role))


class TeamList(ListTab):
    title = "队伍"
    settings_key = "teams"
    search_hint = "搜索队伍、网格、任务、成员…"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, TeamTableModel(), self._load, parent)
        self.period = QComboBox(self)
        self.period.addItems(PERIODS)
        self.period.setToolTip("活动次数、代表人次、入户走访次数和户数的统计期间")
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.toolbar.insertWidget(0, QLabel("统计期间", self))
        self.toolbar.insertWidget(1, self.period)

    def _load(self, db: Database) -> list[TeamRow]:
        today = self.clock.today()
        start = {"本年": dt.date(today.year, 1, 1), "近一年": today - dt.timedelta(days=364)}.get(self.period.currentText())
        return list_teams(db, start=start, end=today if start else None)

    def reload(self) -> None:
        self.model.set_rows(self._loader(self.db))
        self._update_count()


class PeopleTab(TabPage):
    title = "人员与队伍"
    help_page = "people"
    settings_key = "people_teams"
    can_create = True

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, parent)
        self.people = PeopleList(db, clock, self)
        self.people.row_activated.connect(lambda row: self.edit_person(row))
        self.teams = TeamList(db, clock, self)
        self.teams.row_activated.connect(lambda row: self.edit_team(row))
        for page, buttons in ((self.people, (("新增人员", self.new_person), ("编辑", self.edit_current_person))),
                              (self.teams, (("新建队伍", self.new_team), ("编辑", self.edit_current_team)))):
            for text, slot in reversed(buttons):
                button = QPushButton(text, page)
                button.clicked.connect(lambda _checked=False, s=slot: s())
                page.toolbar.addWidget(button)
        self.inner = QTabWidget(self)
        self.inner.addTab(self.people, "人员名册")
        self.inner.addTab(self.teams, "队伍")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inner)

    def _page(self) -> ListTab:
        return self.people if self.inner.currentIndex() == PEOPLE else self.teams

    # --- the main list's pieces, as the main window and its tests know them from list tabs ---
    @property
    def model(self):
        return self.people.model

    @property
    def proxy(self):
        return self.people.proxy

    @property
    def table(self):
        return self.people.table

    @property
    def search_box(self):
        return self.people.search_box

    @property
    def count_label(self):
        return self.people.count_label

    def minimumSizeHint(self) -> QSize:
        # the bars add up to more than a small window: let the window shrink anyway (as the grid tab does)
        return QSize(400, 300)

    # --- TabPage -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.people.db = self.teams.db = self.db
        self.people.reload()
        self.teams.reload()

    def focus_search(self) -> None:
        self._page().focus_search()

    def new_record(self) -> None:
        self.new_person() if self.inner.currentIndex() == PEOPLE else self.new_team()

    def print_current(self) -> None:
        self._page().print_current()

    def restore_state(self) -> None:
        self.people.restore_state()
        self.teams.restore_state()

    def save_state(self) -> None:
        self.people.save_state()
        self.teams.save_state()

    def menu_actions(self) -> dict[str, list[QAction]]:
        return {"编辑": [self.make_action("新增人员…", self.new_person, "登记网格员、志愿者、居民议事代表等"),
                       self.make_action("新建队伍…", self.new_team, "代表和其他人员组成的队伍")]}

    # --- people and teams ---------------------------------------------------------------------------------
    def new_person(self) -> None:
        from gridoffice.views.people.person_form import PersonDialog

        self.inner.setCurrentIndex(PEOPLE)
        if PersonDialog(self.db, self, role=self.people.role_box.currentData()).exec():
            self.reload()

    def edit_person(self, row: PersonRow) -> None:
        from gridoffice.views.people.person_form import PersonDialog

        if PersonDialog(self.db, self, person_id=row.id).exec():
            self.reload()

    def edit_current_person(self) -> None:
        index = self.people.table.currentIndex()
        if index.isValid():
            self.edit_person(self.people.proxy.source_row(index.row()))

    def new_team(self) -> None:
        from gridoffice.views.people.team_dialog import TeamDialog

        self.inner.setCurrentIndex(TEAMS)
        if TeamDialog(self.db, self).exec():
            self.reload()

    def edit_team(self, row: TeamRow) -> None:
        from gridoffice.views.people.team_dialog import TeamDialog

        if TeamDialog(self.db, self, team=row).exec():
            self.reload()

    def edit_current_team(self) -> None:
        index = self.teams.table.currentIndex()
        if index.isValid():
            self.edit_team(self.teams.proxy.source_row(index.row()))


