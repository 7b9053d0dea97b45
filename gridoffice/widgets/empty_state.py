"""What an empty list says: what belongs there, the buttons that fill it, and what the first-run
guide still misses ("还差：接待规则"), each with the button that fixes it.

It lies over the list's rows (the headers stay visible, so the clerk sees what a row will hold)
and hides itself as soon as there is a row.
"""
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

Action = tuple[str, Callable[[], object]]

STYLE = ("QWidget#empty_state { background: palette(base); }"
         " QLabel#empty_title { font-size: 16px; font-weight: bold; }"
         " QLabel#empty_missing { color: #8d4b00; }")


class EmptyState(QWidget):
    """A sentence, action buttons and the guide's checklist, centred over a list's viewport."""

    def __init__(self, cover: QWidget):
        super().__init__(cover)
        self.setObjectName("empty_state")
        self.setStyleSheet(STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.cover = cover
        self.title = QLabel(self)
        self.title.setObjectName("empty_title")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.missing = QLabel(self)
        self.missing.setObjectName("empty_missing")
        self.missing.setWordWrap(True)
        self.buttons_row = QHBoxLayout()
        self.missing_row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addStretch(1)
        for label in (self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label)
        column.addLayout(self.buttons_row)
        self.missing.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.missing)
        column.addLayout(self.missing_row)
        column.addStretch(2)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(column, stretch=4)
        layout.addStretch(1)
        cover.installEventFilter(self)
        self.hide()

    def show_state(self, title: str, text: str, actions: Sequence[Action] = (), missing: str = "",
                   remedies: Sequence[Action] = ()) -> None:
        """Fill and show: `missing` is the checklist sentence, `remedies` its buttons."""
        self.title.setText(title)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.missing.setText(missing)
        self.missing.setVisible(bool(missing))
        for button in self.buttons:
            button.hide()
            button.deleteLater()
        self.buttons = []
        for row, items in ((self.buttons_row, actions), (self.missing_row, remedies)):
            while row.count():
                row.takeAt(0)
            row.addStretch(1)
            for label, slot in items:
                button = QPushButton(label, self)
                button.clicked.connect(lambda _checked=False, s=slot: s())
                row.addWidget(button)
                self.buttons.append(button)
            row.addStretch(1)
        self._fit()
        self.show()
        self.raise_()

    def button(self, label: str) -> QPushButton | None:
        return next((b for b in self.buttons if b.text() == label), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.cover and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._fit()
        return False

    def _fit(self) -> None:
        self.setGeometry(self.cover.rect())
