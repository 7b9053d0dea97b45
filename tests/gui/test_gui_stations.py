"""工具 → 联络站: an empty office can get its stations, and the roster sees them at once."""
from PySide6.QtWidgets import QMessageBox

from gridoffice.clock import SYSTEM_CLOCK
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
        assert form.errors.shown()["name"].startswith("请填写联络站名称")
        form.ui.name.setText("东城街道人大代表联络站")
        form.ui.kind.setCurrentText("代表联络站")
        form.ui.scope.setCurrentIndex(form.ui.scope.findData("中心"))
        form.ui.reception_room.setText("一楼接待室")
        form.accept()
        return form.result()

    monkeypatch.setattr(StationDialog, "exec", fill_and_save)
    dialog.add()
    assert dialog.changed
    assert [dialog.table.item(0, c).text() for c in (0, 1, 2, 4)] == ["东城街道人大代表联络站", "代表联络站", "中心",
                                                                        "一楼接待室"]


def test_edit_a_station_and_a_bad_phone_is_shown_under_its_field(qtbot, db, monkeypatch):
    from gridoffice.services.office.stations import StationForm, save_station

    create_application()
    save_station(db, None, StationForm("西城片区联络站", "代表联络站", "西城路 2 号", scope="片区"))
    dialog = StationListDialog(db)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)

    def change_and_save(form: StationDialog) -> int:
        assert form.ui.address.text() == "西城路 2 号"
        form.ui.name.setText("西城街道人大代表联络站")
        form.ui.phone.setText("电话")
        form.accept()
        assert form.errors.shown() == {"phone": "电话格式不对：可填带区号的固定电话（如 0395-1234567）、手机号或短号。"}
        form.ui.phone.setText("0395-7654321")
        form.accept()
        return form.result()

    monkeypatch.setattr(StationDialog, "exec", change_and_save)
    dialog.edit_selected()
    assert [dialog.table.item(0, c).text() for c in (0, 3, 5)] == ["西城街道人大代表联络站", "西城路 2 号", "0395-7654321"]
    assert dialog.table.rowCount() == 1


def test_deleting_a_station_in_use_is_explained(qtbot, db, monkeypatch):
    from gridoffice.domain import Deputy
    from gridoffice.services.office.stations import StationForm, save_station

    create_application()
    station_id = save_station(db, None, StationForm("西城片区联络站"))
    with db.session() as session:
        session.add(Deputy(name="李明", levels="区", station_id=station_id))
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
