"""走访记录 tab."""
from PySide6.QtCore import Qt

from gridoffice.db import Database
from gridoffice.models.activity_model import ActivityTableModel
from gridoffice.services.activities import list_activities
from gridoffice.widgets.list_tab import ListTab


class ActivitiesTab(ListTab):
    title = "走访记录"
    settings_key = "activities"
    search_hint = "搜索日期、类型、网格、地点、代表、内容…"
    default_sort = ("date", Qt.SortOrder.DescendingOrder)  # newest first

    def __init__(self, db: Database, parent=None):
        super().__init__(db, ActivityTableModel(), list_activities, parent)
