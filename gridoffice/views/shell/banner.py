"""The line across the top of the main window while the database is read-only.

Red when the file is damaged, with the ways out (从备份恢复…, 保存能读出的数据…); amber when it
only lies where nothing can be written (a write-protected stick, a CD): then it says so, and
that viewing, printing, exporting and backing up elsewhere still work.
"""
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from gridoffice.widgets.read_only import EDITS

DAMAGED_STYLE = """
QFrame#storage_banner { background: #c62828; border: none; }
QFrame#storage_banner QLabel { color: white; font-size: 13px; }
QFrame#storage_banner QLabel#banner_title { font-size: 15px; font-weight: bold; }
QFrame#storage_banner QPushButton { background: white; color: #b71c1c; border: 1px solid white; border-radius: 4px;
                                    padding: 5px 14px; font-weight: bold; }
QFrame#storage_banner QPushButton:hover { background: #ffebee; }
"""
READ_ONLY_STYLE = """
QFrame#storage_banner { background: #fff3e0; border: none; border-bottom: 2px solid #ef6c00; }
QFrame#storage_banner QLabel { color: #5d3200; font-size: 13px; }
QFrame#storage_banner QLabel#banner_title { font-size: 15px; font-weight: bold; color: #e65100; }
"""
DAMAGED_ADVICE = ("可以继续查看、打印和导出，但不能修改。要继续录入，请从备份恢复（恢复前，损坏的文件会另存一份），"
                  "或把还能读出的数据保存为新文件。")


class StorageBanner(QFrame):
    restore_requested = Signal()
    salvage_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("storage_banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel(self)
        self.title.setObjectName("banner_title")
        self.text = QLabel(self)
        self.text.setObjectName("banner_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)   # wraps, never widens
        self.restore_button = self._button("从备份恢复…", "列出本机自动备份和U盘备份，逐个检查，选一份完好的恢复",
                                           self.restore_requested)
        self.salvage_button = self._button("保存能读出的数据…", "把损坏的数据库中还能读出的记录保存为一个新文件，"
                                           "并检查新文件；损坏的文件不会被改动", self.salvage_requested)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.text)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.salvage_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(16)
        layout.addLayout(words, stretch=1)
        layout.addLayout(buttons)
        self.hide()

    def _button(self, text: str, tip: str, signal) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setProperty(EDITS, False)   # the ways out: they never write into the damaged file
        button.clicked.connect(lambda _checked=False: signal.emit())
        return button

    def show_damaged(self, reason: str, *, can_restore: bool, can_salvage: bool) -> None:
        """Red: what is wrong and the ways out (a server's database has neither here: its IT restores it)."""
        self.setStyleSheet(DAMAGED_STYLE)
        self.title.setText("数据库已损坏，现在只读")
        advice = DAMAGED_ADVICE if can_restore or can_salvage else "可以继续查看、打印和导出，但不能修改。请联系技术人员。"
        self.text.setText(f"{reason}{advice}")
        self.restore_button.setVisible(can_restore)
        self.salvage_button.setVisible(can_salvage)
        self.show()

    def show_read_only(self, reason: str) -> None:
        """Amber: the file is sound but cannot be written where it lies."""
        self.setStyleSheet(READ_ONLY_STYLE)
        self.title.setText("只读")
        self.text.setText(reason)
        self.restore_button.hide()
        self.salvage_button.hide()
        self.show()

    @property
    def damaged(self) -> bool:
        return self.isVisibleTo(self.parentWidget()) and self.title.text().startswith("数据库已损坏")
