"""Step 2: a station and its reception rule on one page (三定: 定时、定点、定人).

The stations already there are listed with their rules; the form adds one (or gives a rule to the
first station still without one). Left empty once the office has stations, the step is done."""
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from gridoffice.domain.enums import StationScope
from gridoffice.services.common.lookups import deputy_choices, station_kind_choices, station_scope_choices
from gridoffice.services.office.guide import default_rule, place_deputies, save_station_with_rule
from gridoffice.services.office.stations import StationForm, StationInputError, StationRow, list_stations
from gridoffice.services.reception.days import ReceptionInputError, describe_recurrence, read_rule
from gridoffice.services.reception.holidays import load_calendar
from gridoffice.services.reception.schedule import load_rules
from gridoffice.views.forms.ui_station_form import Ui_StationForm
from gridoffice.views.reception.rule_editor import RuleForm, pool_choices
from gridoffice.widgets.form import FormErrors

from .page import GuidePage


class StationPage(GuidePage):
    step = "stations"
    title = "联络站和接待规则"
    heading = "第 2 步：联络站和它的接待规则"
    intro = ("联络站是代表接待群众的地方。在同一页写好它的接待规则（“三定”）：<b>定时</b>（如每月第一个周三上午），"
             "<b>定点</b>（接待室），<b>定人</b>（每次几名代表轮流值班）。以后可以在“工具 → 联络站”里再添加。")

    def __init__(self, db, clock, parent: QWidget | None = None):
        super().__init__(db, clock, parent)
        self.station: StationRow | None = None     # the station the form edits; None: a new one
        self.existing = QLabel(self)
        self.existing.setWordWrap(True)
        body = QWidget(self)
        self.ui = Ui_StationForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        self.ui.kind.addItems(station_kind_choices())
        for value, label in station_scope_choices():
            self.ui.scope.addItem(label, value)
        self.ui.notes.hide()
        self.ui.notes_label.hide()
        self.rule = RuleForm(load_calendar(db), clock.today(), self)
        self.place_follows_name = True
        self.ui.name.textChanged.connect(self._follow_name)
        self.ui.reception_room.textChanged.connect(self._follow_name)
        self.rule.ui.place.textEdited.connect(self._place_edited)
        station_box = QGroupBox("联络站", self)
        QVBoxLayout(station_box).addWidget(body)
        rule_box = QGroupBox("接待规则（三定）", self)
        QVBoxLayout(rule_box).addWidget(self.rule)
        QWidget.setTabOrder(self.ui.phone, self.rule.ui.recurrence)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(station_box)
        left.addWidget(self.existing)
        left.addStretch(1)
        columns.addLayout(left, stretch=2)
        columns.addWidget(rule_box, stretch=3)
        inner = QWidget(self)
        inner.setLayout(columns)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        self.layout_.addWidget(scroll, stretch=1)
        self.add_message_line()

    # --- what the page shows ------------------------------------------------------------------
    def enter(self) -> None:
        stations = list_stations(self.db)
        rules = {rule.station_id: rule for rule in load_rules(self.db)}
        self.station = next((s for s in stations if s.id not in rules), None)
        if stations:
            lines = [f"• {s.name}：" + (describe_recurrence(r.recurrence, r.nth, r.weekday, r.day_of_month, r.months)
                                       + f" {r.start_time:%H:%M}-{r.end_time:%H:%M}，每次 {r.per_day} 人"
                                       if (r := rules.get(s.id)) else "还没有接待规则") for s in stations]
            what = (f"下面为“{self.station.name}”设置接待规则。" if self.station else
                    "要再添加一个联络站，就在上面填写；不需要就点“下一步”。")
            self.existing.setText("已有的联络站：\n" + "\n".join(lines) + "\n\n" + what)
        self.existing.setVisible(bool(stations))
        form = self.station.form() if self.station else StationForm("", scope=StationScope.CENTRAL.value if not stations
                                                                    else StationScope.AREA.value)
        for widget, text in ((self.ui.name, form.name), (self.ui.address, form.address),
                             (self.ui.reception_room, form.reception_room), (self.ui.phone, form.phone)):
            widget.blockSignals(True)
            widget.setText(text)
            widget.blockSignals(False)
        self.ui.kind.setCurrentText(form.kind)
        self.ui.scope.setCurrentIndex(max(self.ui.scope.findData(form.scope), 0))
        rule = read_rule(self.db, self.station.id) if self.station else default_rule(form.name, form.reception_room)
        self.rule.load(rule, pool_choices(deputy_choices(self.db), form.name))
        self.place_follows_name = True
        self._follow_name()
        self.errors.clear()

    def first_field(self) -> QWidget:
        return self.ui.name

    def _follow_name(self, *_args) -> None:
        if self.place_follows_name:
            self.rule.set_place(default_rule(self.ui.name.text().strip(), self.ui.reception_room.text().strip()).place)

    def _place_edited(self, _text: str) -> None:
        self.place_follows_name = False

    # --- 下一步 ---------------------------------------------------------------------------------
    def save(self) -> bool:
        self.errors.clear()
        self.rule.errors.clear()
        if not self.ui.name.text().strip() and self.station is None and list_stations(self.db):
            return True   # the office has its stations and the clerk adds none: go on
        form = StationForm(self.ui.name.text(), self.ui.kind.currentText(), self.ui.address.text(),
                           self.ui.reception_room.text(), self.ui.phone.text(),
                           self.station.notes if self.station else "", self.ui.scope.currentData())
        try:
            station_id = save_station_with_rule(self.db, self.station.id if self.station else None, form,
                                                self.rule.value())
        except StationInputError as error:
            self.errors.show(error.field, str(error))
            return False
        except ReceptionInputError as error:
            self.rule.show_error(error)
            return False
        place_deputies(self.db, None)   # deputies already in the station fill its pool
        self.saved_station_id = station_id
        self.say(f"已保存“{form.name.strip()}”和它的接待规则。")
        return True
