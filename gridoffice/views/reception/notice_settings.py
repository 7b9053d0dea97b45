"""公告设置: the notice's title, what residents may raise, the QR code's text (the form is ui/notice_settings.ui)."""
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.services.reception.notice import (NoticeInputError, NoticeSettings, read_notice_settings,
                                                  save_notice_settings)
from gridoffice.views.forms.ui_notice_settings import Ui_NoticeSettingsForm
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import FormErrors, ok_cancel_buttons


class NoticeSettingsDialog(BaseDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="reception_notice_settings", title="接待日公告设置",
                         default_size=(560, 380))
        self.db = db
        body = QWidget(self)
        self.ui = Ui_NoticeSettingsForm()
        self.ui.setupUi(body)
        self.errors = FormErrors(self.ui)
        current = read_notice_settings(db)
        self.ui.title.setText(current.title)
        self.ui.topics.setPlainText(current.topics)
        self.ui.qr_text.setText(current.qr_text)
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "保存"))

    def settings(self) -> NoticeSettings:
        return NoticeSettings(self.ui.title.text(), self.ui.topics.toPlainText(), self.ui.qr_text.text())

    def accept(self) -> None:
        self.errors.clear()
        try:
            save_notice_settings(self.db, self.settings())
        except NoticeInputError as error:
            self.errors.show(error.field, str(error))
            return
        super().accept()
