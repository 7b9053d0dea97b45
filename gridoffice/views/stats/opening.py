"""Open the record a figure, a check or a point came from, in the form where it is corrected:
an activity, an opinion, a reception day, a deputy, and the records of 履职成果 (suggestions,
projects, meetings, mediation, 述职评议会). Points adjustments are described, with where to change them.
"""
import importlib
from PySide6.QtWidgets import QMessageBox, QWidget

from gridoffice.clock import Clock
from gridoffice.db import Database

# the 履职成果 records: kind → (module, dialog class, the dialog's record keyword)
OUTCOME_DIALOGS = {
    "suggestion": ("suggestion_dialog", "SuggestionDialog", "suggestion_id"),
    "project": ("project_dialog", "ProjectDialog", "project_id"),
    "meeting": ("meeting_dialog", "MeetingDialog", "meeting_id"),
    "dispute": ("dispute_dialog", "DisputeDialog", "dispute_id"),
    "appraisal": ("appraisal_dialog", "AppraisalDialog", "appraisal_id"),
}
OPENABLE = ("activity", "opinion", "reception_day", "deputy", *OUTCOME_DIALOGS)


def open_record(parent: QWidget, db: Database, clock: Clock, kind: str, record_id: int) -> bool:
    """Show the record; True when it may have changed (the figures should be counted again)."""
    if kind == "activity":
        from gridoffice.views.activities.form import ActivityDialog

        dialog = ActivityDialog(db, clock, parent, activity_id=record_id)
        return bool(dialog.exec()) or dialog.changed
    if kind == "opinion":
        from gridoffice.views.opinions.form_dialog import OpinionDialog

        dialog = OpinionDialog(db, parent, clock=clock, opinion_id=record_id)
        return bool(dialog.exec()) or dialog.changed
    if kind == "reception_day":
        from gridoffice.views.reception.day_dialog import DayDialog

        return bool(DayDialog(db, clock, parent, day_id=record_id).exec())
    if kind == "deputy":
        from gridoffice.views.roster.deputy_form import DeputyFormDialog

        return bool(DeputyFormDialog(db, clock, record_id, parent).exec())
    if kind in OUTCOME_DIALOGS:
        module, name, keyword = OUTCOME_DIALOGS[kind]
        dialog_class = getattr(importlib.import_module(f"gridoffice.views.outcomes.{module}"), name)
        dialog = dialog_class(db, clock, parent, **{keyword: record_id})
        return bool(dialog.exec()) or dialog.changed
    from gridoffice.services.stats.records import KIND_NAMES, record_summary

    QMessageBox.information(parent, KIND_NAMES.get(kind, "记录"), record_summary(db, kind, record_id))
    return False
