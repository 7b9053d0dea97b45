"""帮助 → 关于: version, database file and schema version, bundled fonts."""
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from gridoffice import APP_TITLE, __version__
from gridoffice.db.migrate import head_revision
from gridoffice.widgets.base_dialog import BaseDialog


class AboutDialog(BaseDialog):
    def __init__(self, db_path: Path | str, parent: QWidget | None = None):
        super().__init__(parent, settings_key="about", title="关于 gridoffice", default_size=(520, 320))
        text = QLabel(
            f"<h3>{APP_TITLE}（gridoffice）{__version__}</h3>"
            "<p>街道人大工委的桌面程序：代表名册、网格、走访记录、民情办理、接待日历与打印。全部数据保存在本机，无需联网。</p>"
            f"<p>数据库：{db_path}<br>数据库结构版本：{head_revision()}</p>"
            "<p>内置字体：文泉驿微米黑（Apache-2.0）、霞鹜文楷（SIL OFL 1.1），许可证见 resources/fonts。</p>",
            self,
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addWidget(buttons)
