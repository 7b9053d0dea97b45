"""工具 → 数据库连接 (ui/database_connection.ui): this PC's database file, or the district's shared
database on a PostgreSQL server. The choice is remembered for the next start (the password only in
the PostgreSQL password file); the window switches to the other database at once when it opens."""
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from gridoffice.db import Database, DatabaseOpenError
from gridoffice.domain.errors import FieldError
from gridoffice.services.office.connection import (SSL_LABELS, ServerConnection, check_connection, pgpass_file,
                                                   save_password, try_connection)
from gridoffice.views.forms.ui_database_connection import Ui_DatabaseConnectionForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import FormErrors, ok_cancel_buttons
from gridoffice.widgets.ui_settings import ui_settings

SETTING = "database/location"   # a postgresql:// URL without password, or "" for the file on this PC
LOCAL, SERVER = 0, 1


def saved_location() -> str:
    """The server chosen in this dialog earlier, or "" (the database file on this PC)."""
    return str(ui_settings().value(SETTING, "") or "")


class DatabaseConnectionDialog(BaseDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="database_connection", title="数据库连接", default_size=(620, 460))
        self.db = db
        self.opened: Database | None = None   # the database to switch to, once OK succeeded
        body = QWidget(self)
        self.ui = Ui_DatabaseConnectionForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        ui = self.ui
        ui.mode.addItem("本机的数据库文件（一台电脑使用）", LOCAL)
        ui.mode.addItem("区里共用的数据库（PostgreSQL 服务器，多位干事同时使用）", SERVER)
        for mode, label in SSL_LABELS.items():
            ui.sslmode.addItem(label, mode)
        ui.hint.setText(f"现在打开的是：{db.describe()}。\n密码不会保存在程序的设置里：勾选后写入本机的 PostgreSQL 密码文件"
                        f"（{pgpass_file()}），以后连接时由数据库驱动自己读取。")
        ui.mode.currentIndexChanged.connect(self._mode_changed)
        self.test_button = QPushButton("测试连接(&T)", self)
        self.test_button.clicked.connect(self.test_connection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(ok_cancel_buttons(self, "连接"))
        layout = QVBoxLayout(self)
        layout.addWidget(body, stretch=1)
        layout.addLayout(buttons)
        self._show_current()

    def _show_current(self) -> None:
        location = self.db.location if self.db.is_server else saved_location()
        if location:
            connection = ServerConnection.from_url(location)
            self.ui.host.setText(connection.host)
            self.ui.port.setValue(connection.port)
            self.ui.database.setText(connection.database)
            self.ui.user.setText(connection.user)
            self.ui.sslmode.setCurrentIndex(max(self.ui.sslmode.findData(connection.sslmode), 0))
        self.ui.mode.setCurrentIndex(SERVER if self.db.is_server else LOCAL)
        self._mode_changed()

    def _mode_changed(self, *_args) -> None:
        server = self.ui.mode.currentData() == SERVER
        for widget in (self.ui.host, self.ui.port, self.ui.database, self.ui.user, self.ui.password,
                       self.ui.sslmode, self.ui.save_password, self.test_button):
            widget.setEnabled(server)

    def connection(self) -> ServerConnection:
        ui = self.ui
        return ServerConnection(ui.host.text(), ui.port.value(), ui.database.text(), ui.user.text(),
                                ui.sslmode.currentData())

    def _open_server(self) -> Database | None:
        """The form checked, the password saved if asked, the server's database opened (or None, said)."""
        self.errors.clear()
        try:
            connection = check_connection(self.connection())
        except FieldError as error:
            self.errors.show(error.field, str(error))
            return None
        if self.ui.password.text() and self.ui.save_password.isChecked():
            try:
                save_password(connection, self.ui.password.text())
            except OSError as error:
                self.errors.show("password", f"无法写入密码文件 {pgpass_file()}：{error.strerror or error}")
                return None
        try:
            return try_connection(connection.url())
        except DatabaseOpenError as error:
            QMessageBox.warning(self, "无法连接", str(error))
            return None

    def test_connection(self) -> None:
        db = self._open_server()
        if db is not None:
            where = db.describe()
            db.close()
            QMessageBox.information(self, "连接成功", f"已连接到{where}，数据结构是本程序的版本，可以使用。")

    def accept(self) -> None:
        if self.ui.mode.currentData() == LOCAL:
            if self.db.is_server:
                ui_settings().setValue(SETTING, "")
                QMessageBox.information(self, "数据库连接", "已改为使用本机的数据库文件，下次启动程序时生效。")
            super().accept()
            return
        db = self._open_server()
        if db is None:
            return
        ui_settings().setValue(SETTING, self.connection().url())
        self.opened = db
        super().accept()
