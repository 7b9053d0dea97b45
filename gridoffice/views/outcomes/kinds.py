"""会议类型, 纠纷类型, 实事类别: the lists the clerk edits (工具 menu). An entry records use cannot
be removed; the order here is the order of the drop-downs."""
from PySide6.QtWidgets import QWidget

from gridoffice.db import Database
from gridoffice.domain.outcome_rules import KIND_LIST_LABELS
from gridoffice.services.outcomes.common import list_kinds, save_kinds
from gridoffice.widgets.editable_list import EditableListDialog


class KindListDialog(EditableListDialog):
    """Add, rename (double-click), remove, reorder; saved as a whole."""
    new_entry = "新类型"

    def __init__(self, db: Database, list_name: str, parent: QWidget | None = None):
        label = KIND_LIST_LABELS[list_name]
        super().__init__(parent, settings_key=f"kinds_{list_name}", title=label, default_size=(400, 460),
                         hint=f"双击可改名。已有记录使用的{label}不能删除；排在前面的在下拉列表中也在前面。")
        self.db, self.list_name = db, list_name
        for name in list_kinds(db, list_name):
            self.add_entry(name)

    def names(self) -> list[str]:
        return [item.text() for item in self.items()]

    def save(self) -> None:
        save_kinds(self.db, self.list_name, self.names())
