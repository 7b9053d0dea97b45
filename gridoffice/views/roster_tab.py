"""代表名册 tab."""
from gridoffice.db import Database
from gridoffice.models.roster_model import RosterTableModel
from gridoffice.services.roster import list_deputies
from gridoffice.widgets.list_tab import ListTab


class RosterTab(ListTab):
    title = "代表名册"
    settings_key = "roster"
    search_hint = "搜索姓名、拼音或首字母（如 zlx）、手机尾号、单位、联络站、网格…"

    def __init__(self, db: Database, parent=None):
        super().__init__(db, RosterTableModel(), list_deputies, parent)
