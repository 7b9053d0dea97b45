"""Step 3: the deputies, typed one by one (name, level, mobile: the rest can wait) or imported
from the district's roster spreadsheet. Each joins the station chosen here unless the file names
one, and the station's reception pool (定人) takes them."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from gridoffice.domain.enums import DeputyStatus
from gridoffice.services.common.lookups import station_choices
from gridoffice.services.office.guide import place_deputies
from gridoffice.services.roster.deputies import DeputyData, DeputyInputError, create_deputy
from gridoffice.services.roster.rows import list_deputies
from gridoffice.views.forms.ui_guide_deputy import Ui_GuideDeputyForm
from gridoffice.widgets.form import FormErrors
from gridoffice.widgets.remedies import main_window

from .page import GuidePage

LEVEL_CHOICES = ("区", "市、区", "市", "省", "全国", "乡镇")


class DeputiesPage(GuidePage):
    step = "deputies"
    title = "代表"
    heading = "第 3 步：录入或导入代表"
    intro = ("逐个录入：填姓名，按回车或点“添加”（层级默认“区”，手机可以以后再填）。"
             "有区人大的 Excel 名册，就点“从 Excel 导入…”（需要“姓名”“代表层级”两列）。"
             "代表进入下面选的联络站，并自动进入它的轮值代表库。")

    def __init__(self, db, clock, parent: QWidget | None = None):
        super().__init__(db, clock, parent)
        self.station_box = QComboBox(self)
        self.station_box.setMinimumWidth(280)
        station_row = QHBoxLayout()
        station_label = QLabel("代表进入的联络站(&Z)", self)
        station_label.setBuddy(self.station_box)
        station_row.addWidget(station_label)
        station_row.addWidget(self.station_box)
        station_row.addStretch(1)
        body = QWidget(self)
        self.ui = Ui_GuideDeputyForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        self.ui.levels.addItems(LEVEL_CHOICES)
        self.ui.name.returnPressed.connect(self.add_typed)
        self.ui.mobile.returnPressed.connect(self.add_typed)
        self.add_button = QPushButton("添加", self)
        self.add_button.clicked.connect(self.add_typed)
        self.import_button = QPushButton("从 Excel 导入…", self)
        self.import_button.setToolTip("导入区人大的代表名册（.xlsx），全部无误才导入")
        self.import_button.clicked.connect(self.import_roster)
        self.template_button = QPushButton("保存导入模板…", self)
        self.template_button.clicked.connect(self.save_template)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.template_button)
        self.list = QListWidget(self)
        self.count_label = QLabel(self)
        entry = QVBoxLayout()
        entry.addLayout(station_row)
        entry.addWidget(body)
        entry.addLayout(buttons)
        self.layout_.addLayout(entry)
        self.layout_.addWidget(self.count_label)
        self.layout_.addWidget(self.list, stretch=1)
        self.add_message_line()
        QWidget.setTabOrder(self.ui.mobile, self.add_button)

    def enter(self) -> None:
        current = self.station_box.currentData()
        self.station_box.clear()
        for station in station_choices(self.db):
            self.station_box.addItem(station.name, station.id)
        self.station_box.setCurrentIndex(max(0, self.station_box.findData(current)))
        self.station_box.setEnabled(self.station_box.count() > 0)
        window = main_window(self)
        self.import_button.setVisible(window is not None)
        self.template_button.setVisible(window is not None)
        if not self.station_box.count():
            self.say("还没有联络站：代表可以先录入，以后再分到联络站（上一步可以新增联络站）。", error=True)
        self._show_deputies()

    def first_field(self) -> QWidget:
        return self.ui.name

    def _show_deputies(self) -> None:
        rows = [r for r in list_deputies(self.db) if r.status == DeputyStatus.SERVING.value]
        self.list.clear()
        for row in rows:
            self.list.addItem(f"{row.name}　{row.levels}　{row.station or '（未进站）'}")
        self.count_label.setText(f"名册中现有 {len(rows)} 名在任代表：" if rows else "名册中还没有代表。")
        if rows:
            self.list.scrollToBottom()

    def add_typed(self) -> bool:
        """添加 (or Enter): the typed deputy into the roster and the chosen station's pool."""
        self.errors.clear()
        name = self.ui.name.text().strip()
        if not name:
            self.errors.show("name", "请填写姓名。")
            return False
        data = DeputyData(name=name, levels=self.ui.levels.currentText(), mobile=self.ui.mobile.text(),
                          station_id=self.station_box.currentData())
        try:
            create_deputy(self.db, data, today=self.clock.today())
        except DeputyInputError as error:
            for problem in error.problems:
                self.errors.show(problem.field if problem.field in self.errors.labels else "name", problem.message)
            return False
        place_deputies(self.db, self.station_box.currentData())
        self.ui.name.clear()
        self.ui.mobile.clear()
        self.ui.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.say(f"已添加{name}。")
        self._show_deputies()
        return True

    def import_roster(self) -> None:
        """The roster's own import (the file, its check, duplicates), then the new deputies placed."""
        window = main_window(self)
        if window is None or not window.import_roster():
            return
        station = self.station_box.currentData()
        placed = place_deputies(self.db, station)
        said = placed.describe(self.station_box.currentText())
        self.say(f"导入完成。{said}。" if said else "导入完成。")
        self._show_deputies()

    def save_template(self) -> None:
        window = main_window(self)
        roster = window.show_tab("RosterTab") if window is not None else None
        if roster is not None:
            roster.save_template()

    def save(self) -> bool:
        if self.ui.name.text().strip() and not self.add_typed():
            return False   # a name typed but not added: add it first (or say why not)
        placed = place_deputies(self.db, self.station_box.currentData())
        if placed.attached or placed.pooled:
            self.say(placed.describe(self.station_box.currentText()))
        return True
