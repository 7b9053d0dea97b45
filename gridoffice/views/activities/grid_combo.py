"""The activity form's grid field: the searchable grid list, made with only a parent so the
Designer form (ui/activity_form.ui) can create it."""
from PySide6.QtWidgets import QWidget

from gridoffice.widgets.filters import SearchableCombo


class GridCombo(SearchableCombo):
    def __init__(self, parent: QWidget | None = None):
        super().__init__("（不在某个网格）", parent)
        self.lineEdit().setPlaceholderText("输入网格编号或名称")
