"""工具 → 数据库连接: the form, the password file, the choice remembered for the next start."""
import os
import sys

import pytest

from gridoffice.gui import create_application
from gridoffice.services.office.connection import ServerConnection, check_connection, pgpass_file, save_password
from gridoffice.views.office.connection import SERVER, DatabaseConnectionDialog, saved_location


def test_the_url_carries_no_password_and_reads_back():
    connection = ServerConnection("10.1.2.3", 5433, "jinxi", "干事 张", "require")
    url = connection.url()
    assert url.startswith("postgresql://") and "sslmode=require" in url and ":5433/jinxi" in url
    assert ServerConnection.from_url(url) == connection


def test_the_password_goes_into_the_postgresql_password_file(tmp_path, monkeypatch):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass.conf"))
    connection = ServerConnection("10.1.2.3", 5432, "jinxi", "ganshi")
    save_password(connection, "旧:密码")
    path = save_password(connection, "新:密码\\1")   # the same server again: its line replaced
    assert path == pgpass_file() == tmp_path / "pgpass.conf"
    assert path.read_text(encoding="utf-8") == "10.1.2.3:5432:jinxi:ganshi:新\\:密码\\\\1\n"
    if sys.platform != "win32":
        assert os.stat(path).st_mode & 0o077 == 0   # libpq ignores a file others can read


def test_missing_fields_are_said_under_the_field():
    with pytest.raises(Exception, match="服务器的地址"):
        check_connection(ServerConnection("", 5432, "jinxi", "ganshi"))
    with pytest.raises(Exception, match="数据库名"):
        check_connection(ServerConnection("rdserver", 5432, " ", "ganshi"))


def test_the_dialog_shows_the_open_database_and_refuses_an_empty_server(qtbot, db):
    create_application()
    dialog = DatabaseConnectionDialog(db, None)
    qtbot.addWidget(dialog)
    assert db.describe() in dialog.ui.hint.text() and "pgpass" in dialog.ui.save_password.text()
    assert dialog.ui.host.isEnabled() == db.is_server
    dialog.ui.mode.setCurrentIndex(SERVER)
    dialog.ui.host.setText("")
    dialog.ui.database.setText("jinxi")
    dialog.ui.user.setText("ganshi")
    dialog.accept()
    assert dialog.opened is None and dialog.errors.labels["host"].isVisibleTo(dialog)
    assert "服务器的地址" in dialog.errors.labels["host"].text()
    assert saved_location() == ""   # nothing remembered


def test_an_unreachable_server_chosen_earlier_offers_this_pcs_file(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from gridoffice.gui import open_chosen
    from gridoffice.views.office.connection import SETTING
    from gridoffice.widgets.ui_settings import ui_settings

    create_application()
    ui_settings().setValue(SETTING, f"postgresql://ganshi@/jinxi?host={tmp_path / '没有服务器'}")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *args: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    db = open_chosen(tmp_path / "本机.sqlite", demo=False, named=False)
    try:
        assert not db.is_server and db.path == (tmp_path / "本机.sqlite").absolute()
        assert "无法打开" in asked[0] and "改用本机的数据库文件" in asked[0]
        assert saved_location() == ""   # the next start opens the file without asking
    finally:
        db.close()
