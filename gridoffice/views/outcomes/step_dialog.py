"""A small dialog for one step (交办, 答复, 评价, 调解结果, 不予受理, 开工…): a few fields and a service
call. The fields' keys are the services' FieldError fields, so an error shows beside its field.

    dialog = StepDialog(self, title="交办", fields=[Field("on", "交办日期", DATE, default=today), …],
                        submit=lambda v: assign_suggestion(db, id, on=v["on"], …))
    if dialog.exec(): …
"""
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from gridoffice.domain.errors import FieldError
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import date_edit, from_qdate
from gridoffice.widgets.form import ValidatedForm, ok_cancel_buttons

from .fields import DeputyCombo

TEXT, LINE, DATE, CHOICE, NUMBER, CHECK, DEPUTY = "text", "line", "date", "choice", "number", "check", "deputy"


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = TEXT
    default: object = None
    choices: Sequence[tuple[object, str]] = ()     # CHOICE: (value, text); DEPUTY: DeputyChoice entries
    placeholder: str = ""
    latest: dt.date | None = None                  # DATE: no later than this
    enabled_by: tuple[str, Callable[[object], bool]] | None = None   # (another field, when its value enables this)
    height: int = 90                               # TEXT: at most this high


class StepDialog(BaseDialog):
    def __init__(self, parent: QWidget | None, *, title: str, fields: Sequence[Field], submit: Callable[[dict], object],
                 intro: str = "", ok_text: str = "确定", settings_key: str = ""):
        super().__init__(parent, settings_key=settings_key or f"outcome_step_{title}", title=title,
                         default_size=(520, 360))
        self._submit = submit
        self.result_value: object = None
        self.form = ValidatedForm()
        self.widgets: dict[str, QWidget] = {}
        for field in fields:
            self.widgets[field.key] = self._make(field)
            self.form.add_field(field.key, "" if field.kind == CHECK else field.label, self.widgets[field.key])
        for field in fields:
            if field.enabled_by:
                self._enable_with(field)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            label.setStyleSheet("color: #455a64;")
            layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, ok_text))

    def _make(self, field: Field) -> QWidget:
        if field.kind == DATE:
            widget = date_edit(self, field.default or dt.date.min, latest=field.latest)
        elif field.kind == CHOICE:
            widget = QComboBox(self)
            for value, text in field.choices:
                widget.addItem(text, value)
            widget.setCurrentIndex(max(widget.findData(field.default), 0) if field.default is not None else 0)
        elif field.kind == DEPUTY:
            widget = DeputyCombo(self)
            widget.set_deputies(field.choices, field.default)
        elif field.kind == NUMBER:
            widget = QSpinBox(self)
            widget.setRange(0, 100_000)
            widget.setValue(int(field.default or 0))
        elif field.kind == CHECK:
            widget = QCheckBox(field.label, self)
            widget.setChecked(bool(field.default))
        elif field.kind == LINE:
            widget = QLineEdit(str(field.default or ""), self)
            widget.setPlaceholderText(field.placeholder)
        else:
            widget = QPlainTextEdit(str(field.default or ""), self)
            widget.setPlaceholderText(field.placeholder)
            widget.setTabChangesFocus(True)
            widget.setMaximumHeight(field.height)
        return widget

    def _enable_with(self, field: Field) -> None:
        key, enables = field.enabled_by
        source, target = self.widgets[key], self.widgets[field.key]
        signal = source.toggled if isinstance(source, QCheckBox) else source.currentIndexChanged

        def update(*_args) -> None:
            target.setEnabled(bool(enables(self.value(key))))
        signal.connect(update)
        update()

    def value(self, key: str) -> object:
        widget = self.widgets[key]
        if isinstance(widget, DeputyCombo):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return from_qdate(widget.date())

    def values(self) -> dict:
        return {key: self.value(key) if self.widgets[key].isEnabled() else None for key in self.widgets}

    def set_value(self, key: str, value) -> None:
        """For tests and for fields filled after the dialog is made."""
        widget = self.widgets[key]
        if isinstance(widget, (QLineEdit,)):
            widget.setText(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, DeputyCombo):
            widget.set_value(value)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(value), 0))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        else:
            from gridoffice.widgets.dates import to_qdate
            widget.setDate(to_qdate(value))

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            self.result_value = self._submit(self.values())
        except FieldError as error:
            if error.field in self.form.fields:
                self.form.show_error(error.field, str(error))
            else:
                QMessageBox.warning(self, "无法保存", str(error))
            return
        except (ValueError, LookupError) as error:   # the record's state does not allow it, or it is gone
            QMessageBox.warning(self, "不能办理", str(error))
            super().reject()
            return
        super().accept()
