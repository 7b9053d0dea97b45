"""Issue 15, point 5: a form with changes asks before they are lost (Esc, 取消, the window's ✕), and
Ctrl+S saves it; a dialog that only chooses what to do never asks."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from gridoffice.clock import FixedClock
from gridoffice.gui import create_application
from gridoffice.services.office.setup import create_empty_office
from gridoffice.services.office.stations import list_stations
from gridoffice.views.office.settings import OfficeSettingsDialog
from gridoffice.views.office.stations import StationDialog
from gridoffice.views.reception.roster_print import RosterPrintDialog
from tests.conftest import DEMO_TODAY

CLOCK = FixedClock(DEMO_TODAY)


@pytest.fixture
def office(qtbot, db):
    create_application()
    create_empty_office(db, "东城街道人大工委")
    return db


@pytest.fixture
def answers(monkeypatch):
    """What the clerk answers to 未保存的修改 (and what was asked)."""
    asked = []

    def answer_with(button):
        def question(_parent, title, text, *args, **kwargs):
            asked.append((title, text))
            return button
        monkeypatch.setattr(QMessageBox, "question", question)
    return asked, answer_with


def station_form(qtbot, db) -> StationDialog:
    dialog = StationDialog(db, None, clock=CLOCK)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_escape_on_an_untouched_form_closes_without_asking(office, qtbot, answers):
    asked, answer_with = answers
    answer_with(QMessageBox.StandardButton.Cancel)
    dialog = station_form(qtbot, office)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_escape_on_a_filled_form_asks_and_cancel_keeps_it_open(office, qtbot, answers):
    asked, answer_with = answers
    answer_with(QMessageBox.StandardButton.Cancel)
    dialog = station_form(qtbot, office)
    dialog.ui.name.setText("东城街道人大代表联络站")
    qtbot.keyClick(dialog.ui.name, Qt.Key.Key_Escape)
    assert asked == [("未保存的修改", "填写的内容已修改但还没保存，要保存吗？")]
    assert dialog.isVisible() and dialog.ui.name.text() == "东城街道人大代表联络站"


def test_discarding_closes_and_saves_nothing(office, qtbot, answers):
    asked, answer_with = answers
    answer_with(QMessageBox.StandardButton.Discard)
    dialog = station_form(qtbot, office)
    dialog.ui.name.setText("东城街道人大代表联络站")
    dialog.close()   # the window's ✕
    assert len(asked) == 1 and not dialog.isVisible() and list_stations(office) == []


def test_saving_from_the_question_saves_or_shows_why_not(office, qtbot, answers):
    asked, answer_with = answers
    answer_with(QMessageBox.StandardButton.Save)
    dialog = station_form(qtbot, office)
    dialog.ui.phone.setText("电话")            # no name, a bad phone: refused beside the field, still open
    dialog.reject()
    assert dialog.isVisible() and "name" in dialog.errors.shown()
    dialog.ui.name.setText("东城街道人大代表联络站")
    dialog.ui.phone.setText("0395-1234567")
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    assert [s.name for s in list_stations(office)] == ["东城街道人大代表联络站"]


def test_ctrl_s_saves_the_form(office, qtbot, answers):
    answers[1](QMessageBox.StandardButton.Discard)   # were it not saved, closing must not wait for an answer
    dialog = OfficeSettingsDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()   # shortcuts answer in the active window
    qtbot.wait(50)
    dialog.ui.hotline.setFocus()
    dialog.ui.hotline.setText("0395-7654321")
    qtbot.keyClick(dialog.ui.hotline, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    from gridoffice.services.office.setup import read_office_settings
    assert read_office_settings(office).hotline == "0395-7654321"


def test_a_dialog_that_only_chooses_never_asks(office, qtbot, answers):
    asked, answer_with = answers
    answer_with(QMessageBox.StandardButton.Cancel)
    dialog = RosterPrintDialog(office, month=DEMO_TODAY.replace(day=1))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.month_edit.stepBy(2)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()
    assert not dialog.saves_input() and station_form(qtbot, office).saves_input()


def test_the_rule_editor_asks_once_with_its_own_changes(office, qtbot, answers):
    from gridoffice.services.office.stations import StationForm, save_station
    from gridoffice.views.reception.rule_editor import RuleEditorDialog

    save_station(office, None, StationForm("西城片区联络站"))
    asked, answer_with = answers
    answer_with(QMessageBox.StandardButton.Discard)
    dialog = RuleEditorDialog(office, CLOCK)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.day_of_month.setValue(3)
    dialog.reject()
    assert len(asked) == 1 and not dialog.isVisible()
