"""What every page of the guide is: a title, a sentence saying what the step is for, its fields,
and `save()` (the page's work, done on 下一步; False keeps the clerk on the page)."""
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from gridoffice.clock import Clock
    from gridoffice.db import Database

STATUS_STYLE = "color: #2e7d32;"
ERROR_STYLE = "color: #c62828;"


class GuidePage(QWidget):
    step = ""             # the GuideStatus step it fulfils ("stations", …)
    title = ""            # shown in the list of steps
    heading = ""          # the page's first line
    intro = ""            # what the step is for, in a sentence or two

    def __init__(self, db: "Database", clock: "Clock", parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.clock = clock
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 0, 4, 0)
        heading = QLabel(self.heading, self)
        heading.setStyleSheet("font-size: 17px; font-weight: bold;")
        intro = QLabel(self.intro, self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        for widget in (heading, intro):
            self.layout_.addWidget(widget)

    def add_message_line(self) -> None:
        """Where the page says what it did or why not (call once the fields are laid out)."""
        self.layout_.addWidget(self.message)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else STATUS_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def enter(self) -> None:
        """The page comes on screen: read what it shows again."""

    def save(self) -> bool:
        """下一步: do the page's work; False stays on the page (the reason is shown on it)."""
        return True

    def first_field(self) -> QWidget | None:
        return None
