"""述职评议 list: the year's 述职评议会 by station, and beside it the serving deputies the plan does not
yet include (a deputy reports once a year), from whom a new meeting can be planned."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QGroupBox, QLabel, QPushButton, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.stations import short_station_name
from gridoffice.models.outcome_models import AppraisalTableModel
from gridoffice.services.common.lookups import station_choices
from gridoffice.services.outcomes.appraisals import AppraisalForm, AppraisalRow, deputies_not_planned, list_appraisals
from gridoffice.widgets.filters import ChoiceCombo

from .lists import OutcomeList
from .printing import paper_button

ID_ROLE = Qt.ItemDataRole.UserRole
STATION_ROLE = Qt.ItemDataRole.UserRole + 1


class AppraisalsList(OutcomeList):
    title = "述职评议"
    settings_key = "outcome_appraisals"
    search_hint = "搜索：联络站、代表、测评结果…"
    default_sort = ("station", Qt.SortOrder.AscendingOrder)   # the plan by station, each by date
    new_text = "安排述职评议会"
    unit = "次述职评议会"
    what = "述职评议会"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, AppraisalTableModel(), parent)
        self.print_button = paper_button(self, "打印公告", "述职评议会公告", self._paper)
        self.print_button.setToolTip("打印所选述职评议会的公告（会前三天在联络站张贴）")
        self.toolbar.insertWidget(1, self.print_button)
        self._init_plan_panel()

    def _init_filters(self) -> None:
        year = self.year_filter("全部年度")
        year.set_value(self.clock.today().year)
        self.year = self.add_filter(year, "述职年度")
        self.station = self.add_filter(ChoiceCombo("全部联络站", self))
        self.station.setMaximumWidth(220)

    def clear_filters(self) -> None:
        super().clear_filters()
        self.year.set_value(self.clock.today().year)

    def _init_plan_panel(self) -> None:
        """The deputies not yet planned, beside the list (a splitter: the clerk can narrow it)."""
        self.unplanned_box = QGroupBox(self)
        self.unplanned = QTreeWidget(self)
        self.unplanned.setHeaderHidden(True)
        self.unplanned.setToolTip("勾选代表后点下面的按钮，为他们安排一次述职评议会")
        self.plan_button = QPushButton("为勾选的代表安排述职…", self)
        self.plan_button.clicked.connect(self.plan_for_ticked)
        hint = QLabel("每位在任代表每年述职一次。", self)
        hint.setStyleSheet("color: #607d8b;")
        column = QVBoxLayout(self.unplanned_box)
        column.addWidget(hint)
        column.addWidget(self.unplanned, stretch=1)
        column.addWidget(self.plan_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.layout().removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(self.unplanned_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 260])
        self.layout().addWidget(splitter, stretch=1)

    def reload(self) -> None:
        self.station.set_choices([(s.id, s.short) for s in station_choices(self.db)])
        super().reload()
        self._show_unplanned()

    def load(self) -> list[AppraisalRow]:
        return list_appraisals(self.db, year=self.year.value(), station_id=self.station.value())

    def plan_year(self) -> int:
        return self.year.value() or self.clock.today().year

    def _show_unplanned(self) -> None:
        year = self.plan_year()
        rows = deputies_not_planned(self.db, year)
        self.unplanned_box.setTitle(f"{year} 年度尚未安排述职的代表（{len(rows)} 人）")
        self.unplanned.clear()
        stations: dict[str, QTreeWidgetItem] = {}
        for deputy_id, name, station in rows:
            parent = stations.get(station)
            if parent is None:
                label = short_station_name(station) if station else "（未进站）"
                parent = stations[station] = QTreeWidgetItem(self.unplanned, [label])
                parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
                parent.setCheckState(0, Qt.CheckState.Unchecked)
                parent.setData(0, ID_ROLE, None)
                parent.setData(0, STATION_ROLE, station)
                parent.setToolTip(0, station)
            item = QTreeWidgetItem(parent, [name])
            item.setData(0, ID_ROLE, deputy_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
        for parent in stations.values():
            parent.setText(0, f"{parent.text(0)}（{parent.childCount()}）")
        self.unplanned.expandAll()
        self.plan_button.setEnabled(bool(rows))

    def ticked_deputies(self) -> tuple[list[int], str]:
        """The deputies ticked, and the station of the first of them."""
        ids, station = [], ""
        for top in range(self.unplanned.topLevelItemCount()):
            parent = self.unplanned.topLevelItem(top)
            for child in range(parent.childCount()):
                item = parent.child(child)
                if item.checkState(0) == Qt.CheckState.Checked:
                    ids.append(item.data(0, ID_ROLE))
                    station = station or parent.data(0, STATION_ROLE)
        return ids, station

    def plan_for_ticked(self) -> None:
        ids, station = self.ticked_deputies()
        station_id = next((s.id for s in station_choices(self.db) if s.name == station), None)
        today = self.clock.today()
        self.open_record(None, AppraisalForm(year=self.plan_year(), date=today, deputy_ids=ids, station_id=station_id))

    def open_record(self, record_id: int | None, draft: AppraisalForm | None = None) -> None:
        from .appraisal_dialog import AppraisalDialog

        if record_id is None and draft is None:
            draft = AppraisalForm(year=self.plan_year(), date=self.clock.today(), deputy_ids=[])
        self.run_dialog(AppraisalDialog(self.db, self.clock, self, appraisal_id=record_id, draft=draft))
        self._show_unplanned()

    def _paper(self):
        from gridoffice.services.outcomes.papers import write_appraisal_notice

        row = self.require_selected("打印述职评议会公告")
        if row is None:
            return None
        return (f"述职评议会公告-{row.date:%Y%m%d}-{row.station[:12]}",
                lambda path: write_appraisal_notice(self.db, row.id, path, today=self.today()))
