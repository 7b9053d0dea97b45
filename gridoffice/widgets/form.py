"""Form helpers: an error label shown beside the field it belongs to (forms built in code, and
Designer forms from ui/), and the OK/cancel buttons every dialog shares."""
from collections.abc import Callable

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

ERROR_STYLE = "color: #c62828; font-size: 12px;"


class FieldWithError(QWidget):
    """A field with a red message line under it, hidden until `show_error`."""

    def __init__(self, field: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error_label)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.field.setFocus()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()


class ValidatedForm(QFormLayout):
    """A form layout whose rows can show errors by field key."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, FieldWithError] = {}

    def add_field(self, key: str, label: str, field: QWidget) -> QWidget:
        wrapper = FieldWithError(field)
        self.fields[key] = wrapper
        self.addRow(label, wrapper)
        return field

    def clear_errors(self) -> None:
        for wrapper in self.fields.values():
            wrapper.clear_error()

    def show_error(self, key: str, message: str) -> None:
        self.fields[key].show_error(message)


class FormErrors:
    """Red messages in a Designer form: the label `<field>_error` belongs to the widget `<field>`.

    The keys are the `field` names the services' FieldError carries, so
    `errors.show(error.field, str(error))` puts the sentence under the right field.
    """

    def __init__(self, ui: object):
        self.ui = ui
        self.labels: dict[str, QLabel] = {
            name.removesuffix("_error"): label for name, label in vars(ui).items()
            if name.endswith("_error") and isinstance(label, QLabel)}
        for label in self.labels.values():
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()

    def show(self, key: str, message: str) -> None:
        label = self.labels[key]
        label.setText(message)
        label.show()
        field = getattr(self.ui, key, None)
        if isinstance(field, QWidget):
            field.setFocus()

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def shown(self) -> dict[str, str]:
        """The messages on screen, by field (for tests and screen readers)."""
        return {key: label.text() for key, label in self.labels.items() if not label.isHidden()}


def ok_cancel_buttons(dialog: QDialog, ok_text: str = "确定") -> QDialogButtonBox:
    """确定/取消 (or another word for OK) wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def save_bar(dialog: QDialog, delete_text: str | None = None, on_delete: Callable[[], None] | None = None,
             delete_tip: str = "") -> QHBoxLayout:
    """The bottom row of a record's form: a delete button on the left (for a record that exists:
    `delete_text` given), 保存/取消 on the right."""
    bar = QHBoxLayout()
    if delete_text:
        delete = QPushButton(delete_text, dialog)
        delete.setToolTip(delete_tip)
        delete.clicked.connect(lambda _checked=False: on_delete())
        bar.addWidget(delete)
    bar.addStretch(1)
    bar.addWidget(ok_cancel_buttons(dialog, "保存"))
    return bar
