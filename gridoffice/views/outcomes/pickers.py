"""Choosing records to link: opinions for a suggestion or a project, activities and opinions for a
campaign, a campaign for records selected in another tab. Long lists are narrowed by typing."""
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QVBoxLayout,
                               QWidget)

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ok_cancel_buttons

ID_ROLE = Qt.ItemDataRole.UserRole
OPINION_YEARS = 2      # the opinion picker offers the last two years and every matter still open


class PickerDialog(BaseDialog):
    """Tick entries of a list, narrowed by what is typed (every word must appear)."""

    def __init__(self, parent: QWidget | None, *, title: str, entries: Sequence[tuple[int, str]], hint: str = "",
                 settings_key: str = "outcome_picker"):
        super().__init__(parent, settings_key=settings_key, title=title, default_size=(720, 520))
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText("输入编号、日期或内容中的字词筛选")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        for record_id, text in entries:
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(text)
        self.list.itemActivated.connect(self._toggle)
        layout = QVBoxLayout(self)
        if hint:
            label = QLabel(hint, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.search_box)
        layout.addWidget(self.list, stretch=1)
        if not entries:
            layout.addWidget(QLabel("没有可选的记录。", self))
        layout.addWidget(ok_cancel_buttons(self, "添加所选"))
        self.search_box.setFocus()

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not all(word in item.text().lower() for word in words))

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def check(self, record_ids: Sequence[int]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) in record_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def selected_ids(self) -> list[int]:
        return [self.list.item(r).data(ID_ROLE) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]


def opinion_entries(db: Database, today: dt.date, *, start: dt.date | None = None, end: dt.date | None = None,
                    exclude: Sequence[int] = ()) -> list[tuple[int, str]]:
    """Opinions as picker entries (resident masked, as on the list), newest first."""
    from gridoffice.services.opinions.listing import OpinionFilter, list_opinions

    if start is None:
        where = OpinionFilter(start=today - dt.timedelta(days=365 * OPINION_YEARS), end=today)
    else:
        where = OpinionFilter(start=start, end=end or today, include_unfinished=False)
    rows = list_opinions(db, today=today, where=where)
    return [(r.id, f"{r.serial}　{r.received_on:%Y-%m-%d}　{r.category}：{r.content[:60]}（{r.status}）")
            for r in rows if r.id not in set(exclude)]


def pick_opinions(db: Database, clock: Clock, parent: QWidget, *, exclude: Sequence[int] = (),
                  start: dt.date | None = None, end: dt.date | None = None) -> list[int] | None:
    entries = opinion_entries(db, clock.today(), start=start, end=end, exclude=exclude)
    hint = ("近两年登记的意见和所有未办结的意见；勾选后点“添加所选”。" if start is None else
            f"{start:%Y-%m-%d} 至 {(end or clock.today()):%Y-%m-%d} 登记的意见。")
    dialog = PickerDialog(parent, title="选择民情意见", entries=entries, hint=hint, settings_key="opinion_picker")
    return dialog.selected_ids() if dialog.exec() else None


def pick_activities(db: Database, parent: QWidget, *, start: dt.date, end: dt.date,
                    exclude: Sequence[int] = ()) -> list[int] | None:
    from gridoffice.services.activities.records import list_activities

    entries = [(r.id, f"{r.date:%Y-%m-%d}　{r.kind}　{r.grid}　{r.place}　{r.deputies}") for r in
               list_activities(db, start=start, end=end) if r.id not in set(exclude)]
    dialog = PickerDialog(parent, title="选择走访活动", entries=entries, settings_key="activity_picker",
                          hint=f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d} 的走访活动；勾选后点“添加所选”。")
    return dialog.selected_ids() if dialog.exec() else None


class CampaignChooser(BaseDialog):
    """Which campaign the selected activities or opinions belong to."""

    def __init__(self, db: Database, parent: QWidget | None, *, what: str):
        from gridoffice.services.common.lookups import campaign_choices

        super().__init__(parent, settings_key="campaign_chooser", title="归入专项活动", default_size=(440, 160))
        self.combo = QComboBox(self)
        for choice in campaign_choices(db):
            self.combo.addItem(choice.label, choice.id)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"把所选的{what}归入：", self))
        layout.addWidget(self.combo)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "归入"))

    def campaign_id(self) -> int | None:
        return self.combo.currentData()


def tag_to_campaign(db: Database, parent: QWidget, *, activity_ids: Sequence[int] = (),
                    opinion_ids: Sequence[int] = ()) -> bool:
    """Ask which campaign and tag the records; True when tagged. Used by the 走访记录 and 民情办理 tabs."""
    from gridoffice.domain.errors import FieldError
    from gridoffice.services.outcomes.campaigns import Tagged, tag

    what = "走访活动" if activity_ids else "民情意见"
    count = len(activity_ids) or len(opinion_ids)
    if not count:
        QMessageBox.information(parent, "归入专项活动", f"请先在列表中选中{what}（可按住 Ctrl 或 Shift 多选）。")
        return False
    chooser = CampaignChooser(db, parent, what=f"{count} 条{what}")
    if chooser.combo.count() == 0:
        QMessageBox.information(parent, "归入专项活动", "还没有专项活动：请先在“履职成果 → 专项活动”中新建。")
        return False
    if not chooser.exec() or chooser.campaign_id() is None:
        return False
    try:
        added = tag(db, chooser.campaign_id(), Tagged(activity_ids=list(activity_ids), opinion_ids=list(opinion_ids)))
    except (FieldError, LookupError) as error:
        QMessageBox.warning(parent, "不能归入", str(error))
        return False
    QMessageBox.information(parent, "归入专项活动", f"已把 {added} 条{what}归入“{chooser.combo.currentText()}”。"
                            + (f"（另有 {count - added} 条原已归入）" if added < count else ""))
    return True
