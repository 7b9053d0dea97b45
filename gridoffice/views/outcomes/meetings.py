"""Meetings list (例会, 议事会, 圆桌会, 现场会…): who came, what was decided, the opinions it opened;
the notice before and the minutes after, as PDF or Word."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.domain.outcome_rules import KindList, MeetingStatus
from gridoffice.models.outcome_models import MeetingTableModel
from gridoffice.services.common.lookups import campaign_choices, kind_choices, station_choices
from gridoffice.services.outcomes.meetings import MeetingFilter, MeetingRow, list_meetings
from gridoffice.widgets.filters import ChoiceCombo, DateRangeFilter, DeputyFilterButton

from .lists import OutcomeList
from .printing import paper_button


class MeetingsList(OutcomeList):
    title = "会议"
    settings_key = "outcome_meetings"
    search_hint = "搜索：会议名称、类型、联络站、网格、代表…"
    default_sort = ("date", Qt.SortOrder.DescendingOrder)
    new_text = "新建会议"
    unit = "次会议"
    what = "会议"

    def __init__(self, db: Database, clock: Clock, parent: QWidget | None = None):
        super().__init__(db, clock, MeetingTableModel(), parent)
        self.notice_button = paper_button(self, "打印通知", "会议通知", lambda: self._paper("notice"))
        self.minutes_button = paper_button(self, "打印纪要", "会议纪要", lambda: self._paper("minutes"))
        self.toolbar.insertWidget(1, self.notice_button)
        self.toolbar.insertWidget(2, self.minutes_button)

    def _init_filters(self) -> None:
        dates = DateRangeFilter(self.clock.today, self, label="会议日期")
        dates.set_preset("全部")
        self.dates = self.add_filter(dates)
        self.kind = self.add_filter(ChoiceCombo("全部类型", self))
        self.status = self.add_filter(ChoiceCombo("全部状态", self))
        self.status.set_choices([(s.value, s.value) for s in MeetingStatus])
        self.station = self.add_filter(ChoiceCombo("全部联络站", self))
        self.station.setMaximumWidth(200)
        self.deputy = self.add_filter(DeputyFilterButton(self.db, self))
        self.campaign = self.add_filter(ChoiceCombo("全部专项活动", self))
        self.campaign.setMaximumWidth(200)

    def reload(self) -> None:
        self.kind.set_choices([(k, k) for k in kind_choices(self.db, KindList.MEETING.value)])
        self.station.set_choices([(s.id, s.short) for s in station_choices(self.db)])
        self.campaign.set_choices([(c.id, c.label) for c in campaign_choices(self.db)])
        super().reload()

    def load(self) -> list[MeetingRow]:
        start, end = self.dates.date_range()
        rows = list_meetings(self.db, where=MeetingFilter(
            start=start, end=end, kind=self.kind.value(), status=self.status.value(), station_id=self.station.value(),
            deputy_id=self.deputy.deputy_id, campaign_id=self.campaign.value()))
        if start is None and rows:
            self.dates.show_span(min(r.date for r in rows), max(r.date for r in rows))
        return rows

    def open_record(self, record_id: int | None) -> None:
        from .meeting_dialog import MeetingDialog

        self.run_dialog(MeetingDialog(self.db, self.clock, self, meeting_id=record_id))

    def _paper(self, which: str):
        from gridoffice.services.outcomes.papers import write_meeting_notice, write_minutes

        row = self.require_selected("打印会议通知" if which == "notice" else "打印会议纪要")
        if row is None:
            return None
        write = write_meeting_notice if which == "notice" else write_minutes
        stem = f"{'会议通知' if which == 'notice' else '会议纪要'}-{row.date:%Y%m%d}-{row.title[:20]}"
        return stem, lambda path: write(self.db, row.id, path, today=self.today())
