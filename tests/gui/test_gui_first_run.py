"""Issue 15, point 1: a new clerk, a fresh install, an empty office: from the first start to a saved
notice for next month's first reception day, through the GUI, counting what the clerk does.

An action is a click, or a field typed (one each), as the issue measured it (82 before the
guide). The modal pieces the system draws (file dialogs, message boxes) are answered here and
counted the same way: choosing a file is two actions (the file, 打开), saving where the dialog
suggests is one (保存), closing a message is one (确定).
"""
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from gridoffice.clock import FixedClock
from gridoffice.db import Database
from gridoffice.gui import create_application, open_office
from gridoffice.services.office.guide import guide_status
from gridoffice.services.reception.days import list_reception_days
from gridoffice.services.roster.rows import list_deputies
from gridoffice.views.office.first_start import FirstStartDialog
from gridoffice.views.office.guide.wizard import GuideWizard
from gridoffice.views.shell.main_window import MainWindow
from gridoffice.widgets.file_dialogs import start_path

TODAY = dt.date(2026, 12, 10)            # December: next month is next year's January
FIRST_RECEPTION = dt.date(2027, 1, 6)    # the first Wednesday of January 2027 (the default rule)
DISTRICT_ROSTER = [("王建国", "男", "市、区", "13912340001", "东城街道办事处主任"),
                   ("李秀英", "女", "区", "13912340002", "东城社区党委书记"),
                   ("张伟", "男", "区", "13912340003", "东城派出所所长"),
                   ("刘芳", "女", "区", "13912340004", "东城小学校长"),
                   ("陈明", "男", "区", "13912340005", "明德律师事务所律师"),
                   ("赵丽", "女", "区", "13912340006", "东城卫生服务中心医生")]


class Clerk:
    """Does what the clerk does, and counts it."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.actions = 0
        self.log: list[str] = []

    def _count(self, what: str, n: int = 1) -> None:
        self.actions += n
        self.log.append(what)

    def click(self, widget: QWidget) -> None:
        assert widget.isEnabled() and widget.isVisibleTo(widget.window()), f"{widget.text()} cannot be clicked"
        self._count(f"点击“{widget.text()}”")
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def type(self, field: QWidget, text: str) -> None:
        """Digits typed key by key; Chinese as the input method hands it over (a committed string)."""
        self._count(f"填写“{text}”")
        field.setFocus()
        field.clear()
        if text.isascii():
            self.qtbot.keyClicks(field, text)
            return
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(field, event)

    def choose_file(self, path: Path):
        """QFileDialog.getOpenFileName: the file (1), 打开 (1)."""
        def answer(*_args, **_kwargs):
            self._count(f"选择文件“{path.name}”", 2)
            return str(path), ""
        return answer

    def save_where_suggested(self, folder: Path, saved: list):
        """QFileDialog.getSaveFileName: 保存 (1) with the name the program suggests, in `folder`
        (the test's Documents)."""
        def answer(_parent, _caption, suggested, *_args, **_kwargs):
            self._count("另存为：保存")
            target = folder / Path(suggested).name
            saved.append((suggested, target))
            return str(target), ""
        return answer

    def confirm_preview(self, preview_class):
        """The import preview: the clerk reads what will happen and clicks 导入 (1)."""
        def answer(preview):
            self._count("导入预览：导入")
            assert preview.import_button.isEnabled(), "the preview refuses the file"
            return 1
        return answer

    def close_message(self, told: list):
        def answer(_parent, title, text, *_args, **_kwargs):
            self._count(f"关闭消息“{title}”")
            told.append(text)
            return QMessageBox.StandardButton.Ok
        return answer


def district_roster(path: Path) -> Path:
    """The district's roster as it comes: name, gender, level, mobile, unit; no station column."""
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "代表层级", "手机", "工作单位及职务"])
    for row in DISTRICT_ROSTER:
        sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture
def fresh(qtbot, tmp_path, monkeypatch):
    """A fresh install: an empty database, the first-start dialog answered by the clerk."""
    create_application()
    clerk = Clerk(qtbot)
    documents = tmp_path / "我的 文档"
    documents.mkdir()
    saved: list = []
    told: list = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", clerk.save_where_suggested(documents, saved))
    monkeypatch.setattr(QMessageBox, "information", clerk.close_message(told))

    def first_start(dialog: FirstStartDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        clerk.click(dialog.ui.empty_choice)
        clerk.type(dialog.ui.office_name, "东城街道人大工委")
        clerk.type(dialog.ui.hotline, "0395-1234567")
        clerk.click(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
        return dialog.result()

    monkeypatch.setattr(FirstStartDialog, "exec", first_start)
    db = Database.open(tmp_path / "新 办公室.sqlite")
    db, new_office = open_office(db, demo=False)
    assert new_office
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.start(db, FixedClock(TODAY))
    yield window, clerk, saved, told
    window.close()
    db.close()


def drive_guide(clerk: Clerk, monkeypatch, enter_deputies) -> None:
    def run(wizard: GuideWizard) -> int:
        clerk.qtbot.addWidget(wizard)
        wizard.show()
        stations = wizard.current_page()
        assert stations.step == "stations"      # the office was named in the first-start dialog
        clerk.type(stations.ui.name, "东城街道人大代表联络站")
        assert stations.rule.ui.place.text() == "东城街道人大代表联络站接待室"
        clerk.click(wizard.next_button)
        deputies = wizard.current_page()
        assert deputies.step == "deputies", deputies.message.text()
        enter_deputies(deputies)
        clerk.click(wizard.next_button)
        schedule = wizard.current_page()
        assert schedule.step == "schedule"
        assert schedule.month_edit.month() == dt.date(2027, 1, 1)   # next month, over the new year
        assert schedule.table.rowCount() == 1
        clerk.click(wizard.next_button)
        notice = wizard.current_page()
        assert notice.step == "notice", schedule.message.text()
        assert "2027年1月6日" in notice.day_label.text()
        clerk.click(notice.save_button)
        assert "公告已保存到" in notice.message.text() and notice.folder_button.isVisible()
        clerk.click(wizard.next_button)   # 完成
        return wizard.result()

    monkeypatch.setattr(GuideWizard, "exec", run)


def assert_notice_saved(window: MainWindow, saved: list) -> Path:
    (suggested, target), = saved
    assert Path(suggested).parent == Path(start_path())    # the first time: Documents
    assert target.is_file() and target.name.startswith("接待日公告-20270106")
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "接待时间：2027年1月6日（星期三）上午 09:00—11:30" in text
    assert "东城街道人大代表联络站接待室" in text and "0395-1234567" in text
    status = guide_status(window.db, TODAY)
    assert status.complete, status.sentence()
    days = list_reception_days(window.db)
    assert days[0].date == FIRST_RECEPTION and len(days[0].deputy_ids) == 2
    return target


def test_with_the_districts_spreadsheet_a_notice_is_saved_in_at_most_20_actions(fresh, tmp_path, monkeypatch):
    window, clerk, saved, told = fresh
    roster_file = district_roster(tmp_path / "区人大 代表名册.xlsx")

    def import_spreadsheet(page) -> None:
        from gridoffice.views.roster.import_preview import RosterImportPreview

        monkeypatch.setattr(QFileDialog, "getOpenFileName", clerk.choose_file(roster_file))
        monkeypatch.setattr(RosterImportPreview, "exec", clerk.confirm_preview(RosterImportPreview))
        clerk.click(page.import_button)
        assert "导入" in told[-1]
        assert page.list.count() == len(DISTRICT_ROSTER)

    drive_guide(clerk, monkeypatch, import_spreadsheet)
    window.open_guide(start_after_office=True)
    assert_notice_saved(window, saved)
    assert {row.station for row in list_deputies(window.db)} == {"东城街道人大代表联络站"}
    assert clerk.actions <= 20, "\n".join(clerk.log)
    print(f"\n{clerk.actions} actions:", "；".join(clerk.log))


def test_typing_two_deputies_a_notice_is_saved_in_at_most_30_actions(fresh, monkeypatch):
    window, clerk, saved, _told = fresh

    def type_two(page) -> None:
        for name, mobile in (("王建国", "13912340001"), ("李秀英", "13912340002")):
            clerk.type(page.ui.name, name)
            clerk.type(page.ui.mobile, mobile)
            clerk.click(page.add_button)
        assert page.list.count() == 2

    drive_guide(clerk, monkeypatch, type_two)
    window.open_guide(start_after_office=True)
    assert_notice_saved(window, saved)
    assert clerk.actions <= 30, "\n".join(clerk.log)
    print(f"\n{clerk.actions} actions:", "；".join(clerk.log))
