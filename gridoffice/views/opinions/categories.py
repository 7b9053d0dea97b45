"""意见分类: the categories the clerk files opinions under."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gridoffice.db import Database
from gridoffice.services.opinions.lists import CategoryEntry, list_categories, save_categories
from gridoffice.widgets.editable_list import EditableListDialog


class CategoryListDialog(EditableListDialog):
    """Add, rename (double-click), remove unused ones, reorder."""
    new_entry = "新分类"
    new_entry_tip = "尚无意见使用"

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent, settings_key="opinion_categories", title="意见分类", default_size=(420, 480),
                         hint="双击可改名；改名后已有意见一并改过来。已有意见使用的分类不能删除。")
        self.db = db
        for entry in list_categories(db):
            self.add_entry(entry.name, entry.id, f"已有 {entry.used} 条意见" if entry.used else "尚无意见使用")

    def entries(self) -> list[CategoryEntry]:
        return [CategoryEntry(item.data(Qt.ItemDataRole.UserRole), item.text()) for item in self.items()]

    def save(self) -> None:
        save_categories(self.db, self.entries())
