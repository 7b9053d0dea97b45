"""工具 → 联络站: an empty office can get its stations, and the roster sees them at once."""
from PySide6.QtWidgets import QMessageBox

from gridoffice.domain.clock import SYSTEM_CLOCK
from gridoffice.gui import create_application
from gridoffice.services.office.setup import create_empty_office
from gridoffice.views.shell.main_window import MainWindow
from gridoffice.views.office.stations import StationDialog, StationListDialog


def test_add_a_station_from_an_empty_office(qtbot, db, monkeypatch):
    create_application()
    create_empty_office(db, "东城街道人大工委")
    dialog = StationListDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0

    def fill_and_save(form: StationDialog) -> int:
        form.accept()  # empty name: refused beside the field
        assert form.form.fields["name"].error_label.text().startswith("请填写联络站名称")
        form.name_edit.setText("东城街道人大代表联络站")
        form.kind_box.setCurrentText("中心")
        form.room_edit.setText("一楼接待室")
        form.accept()
        return form.result()

    monkeypatch.setattr(StationDialog, "exec", fill_and_save)
    dialog.add()
    assert dialog.changed
    assert [dialog.table.item(0, c).text() for c in (0, 1, 3)] == ["东城街道人大代表联络站", "中心", "一楼接待室"]


def test_deleting_a_station_in_use_is_explained(qtbot, db, monkeypatch):
    from gridoffice.domain import Deputy
    from gridoffice.services.office.stations import StationForm, save_station

    create_application()
    with db.session() as session:
        station = save_station(session, None, StationForm("西城片区联络站"))
        session.add(Deputy(name="李明", levels="区", station_id=station.id))
    dialog = StationListDialog(db)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    told = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    dialog.delete_selected()
    assert "还有 1 名代表" in told[0]
    assert dialog.table.rowCount() == 1


def test_the_tools_menu_opens_the_station_list(qtbot, db, monkeypatch):
    create_application()
    create_empty_office(db, "东城街道人大工委")
    window = MainWindow(db, SYSTEM_CLOCK)
    qtbot.addWidget(window)
    opened = []
    monkeypatch.setattr(StationListDialog, "exec", lambda self: opened.append(self) or 0)
    assert window.actions.stations in window.menus["工具"].actions()
    window.actions.stations.trigger()
    assert opened
    window.close()
