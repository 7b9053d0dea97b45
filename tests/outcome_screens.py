"""Helpers for the 履职成果 screen tests: the demo office open on a fixed day, dialogs answered
instead of waiting for a click, and what a list shows."""
import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialog

from gridoffice.clock import FixedClock
from gridoffice.views.outcomes.step_dialog import StepDialog

TODAY = dt.date(2026, 11, 20)
CLOCK = FixedClock(TODAY)


def shown(page) -> list:
    """The rows of a list as it shows them (filtered, sorted)."""
    return [page.proxy.source_row(r) for r in range(page.proxy.rowCount())]


def cells(page, key: str) -> list[str]:
    column = page.model.column_index(key)
    return [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]


def answer_steps(monkeypatch, *answers: dict | Callable) -> list[StepDialog]:
    """Each StepDialog opened gets the next answer: values to set (then OK), or a function given the
    dialog (it clicks what it wants). Returns the dialogs, to look at afterwards."""
    pending = list(answers)
    seen: list[StepDialog] = []

    def exec_(dialog: StepDialog) -> int:
        seen.append(dialog)
        answer = pending.pop(0)
        if callable(answer):
            return answer(dialog)
        for key, value in answer.items():
            dialog.set_value(key, value)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(StepDialog, "exec", exec_)
    return seen


def accept_with(action: Callable[[QDialog], None]) -> Callable[[QDialog], int]:
    """An exec that does `action(dialog)` and returns what the dialog ended with."""
    def exec_(dialog: QDialog) -> int:
        action(dialog)
        return dialog.result()
    return exec_
