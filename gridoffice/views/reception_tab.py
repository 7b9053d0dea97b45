"""接待日历 tab."""
from gridoffice.db import Database
from gridoffice.models.reception_model import ReceptionTableModel
from gridoffice.services.reception import list_reception_days
from gridoffice.widgets.list_tab import ListTab


class ReceptionTab(ListTab):
    title = "接待日历"
    settings_key = "reception"
    search_hint = "搜索日期（如 2026-03）、联络站、值班代表、状态…"

    def __init__(self, db: Database, parent=None):
        super().__init__(db, ReceptionTableModel(), list_reception_days, parent)
