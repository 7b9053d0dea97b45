"""统计口径说明: what every figure of the 统计 tab counts (services/stats/help.py)."""
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from gridoffice.services.stats.help import definitions_html
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ok_cancel_buttons


class HelpDialog(BaseDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, settings_key="stats_help", title="统计口径说明", default_size=(820, 640))
        self.browser = QTextBrowser(self)
        self.browser.setHtml(definitions_html())
        self.browser.setOpenExternalLinks(False)
        buttons = ok_cancel_buttons(self, "关闭")
        buttons.button(buttons.StandardButton.Cancel).hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
