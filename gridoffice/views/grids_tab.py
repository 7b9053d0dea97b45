"""网格列表 tab."""
from gridoffice.db import Database
from gridoffice.models.grid_model import GridTableModel
from gridoffice.services.grids import list_grids
from gridoffice.widgets.list_tab import ListTab


class GridsTab(ListTab):
    title = "网格列表"
    settings_key = "grids"
    search_hint = "搜索网格编号、名称、社区、网格员、代表…"

    def __init__(self, db: Database, parent=None):
        super().__init__(db, GridTableModel(), list_grids, parent)
