"""One step of the loop (认领, 交办, 办结…): a dialog built from the step's spec (steps.py)."""
from PySide6.QtWidgets import (QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.domain.opinion_rules import OpinionRuleError, TransitionError
from gridoffice.services.common.lookups import deputy_choices
from gridoffice.services.opinions.detail import OpinionDetail
from gridoffice.services.opinions.loop import OpinionNotFoundError
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.dates import date_edit, from_qdate
from gridoffice.widgets.deputy_picker import DeputyPicker
from gridoffice.widgets.form import ValidatedForm, ok_cancel_buttons

from .steps import ON, Kind, StepField, StepSpec, Values


class StepDialog(BaseDialog):
    """The fields one step needs; the service checks them and writes the history entry."""

    def __init__(self, db: Database, parent: QWidget | None, *, clock: Clock, spec: StepSpec, detail: OpinionDetail):
        super().__init__(parent, settings_key=f"opinion_step_{spec.step.name.lower()}",
                         title=f"{spec.title} — {detail.opinion.serial}", default_size=(520, 420))
        self.db, self.clock, self.spec, self.detail = db, clock, spec, detail
        self.today = clock.today()
        opinion = detail.opinion
        intro = QLabel(f"{opinion.serial}　{opinion.category}：{opinion.content}", self)
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #455a64;")
        self.form = ValidatedForm()
        self.widgets: dict[str, QWidget] = {}
        for field in (ON, *spec.fields):
            self.widgets[field.key] = self._make(field)
            self.form.add_field(field.key, "" if field.kind is Kind.CHECK else field.label, self.widgets[field.key])
        for field in spec.fields:
            if field.enabled_by:
                self._enable_with(field)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self, "确定"))

    # --- the fields ---------------------------------------------------------------------
    def _make(self, field: StepField) -> QWidget:
        default = field.default(self.detail, self.today) if field.default else None
        if field.kind is Kind.DATE:
            widget = date_edit(self, default or self.today, latest=self.today if field.not_after_today else None)
        elif field.kind is Kind.CHOICE:
            widget = QComboBox(self)
            for value, text in field.choices(self.db):
                widget.addItem(text, value)
            widget.setCurrentIndex(max(widget.findData(default), 0) if default is not None else 0)
        elif field.kind is Kind.CHECK:
            widget = QCheckBox(field.label, self)
            widget.setChecked(bool(default))
        elif field.kind is Kind.DEPUTY:
            widget = DeputyPicker(self, single=True)
            widget.set_choices(deputy_choices(self.db))
            widget.setMinimumHeight(220)
        elif field.kind is Kind.LINE:
            widget = QLineEdit(default or "", self)
            widget.setPlaceholderText(field.placeholder)
        else:
            widget = QPlainTextEdit(default or "", self)
            widget.setPlaceholderText(field.placeholder)
            if field.max_height:
                widget.setMaximumHeight(field.max_height)
        if field.tooltip:
            widget.setToolTip(field.tooltip)
        return widget

    def _enable_with(self, field: StepField) -> None:
        """A field that only counts in some cases (a new due date when 不满意) is greyed otherwise."""
        key, enables = field.enabled_by
        source, target = self.widgets[key], self.widgets[field.key]
        signal = source.toggled if isinstance(source, QCheckBox) else source.currentIndexChanged

        def update(*_args) -> None:
            target.setEnabled(bool(enables(self.value(key))))
        signal.connect(update)
        update()

    def value(self, key: str) -> object:
        widget = self.widgets[key]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, DeputyPicker):
            return next(iter(widget.selected_ids()), None)
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return from_qdate(widget.date())

    def values(self) -> Values:
        return {key: self.value(key) for key in self.widgets}

    # --- doing the step -----------------------------------------------------------------
    def accept(self) -> None:
        self.form.clear_errors()
        values = self.values()
        try:
            self.spec.call(self.db, self.detail.opinion.id, on=values.pop("on"), today=self.today,
                           **self.spec.arguments(values))
        except OpinionRuleError as error:
            if error.field in self.form.fields:
                self.form.show_error(error.field, str(error))
            else:
                QMessageBox.warning(self, "无法保存", str(error))
            return
        except (TransitionError, OpinionNotFoundError) as error:
            QMessageBox.warning(self, "不能办理", str(error))
            super().reject()
            return
        super().accept()
