"""A community (社区/村): its name, kind and notes; an empty one can be deleted."""
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from gridoffice.db import Database
from gridoffice.domain.enums import CommunityKind
from gridoffice.services.grids.communities import CommunityInput, delete_community, read_community, save_community
from gridoffice.services.grids.values import GridInputError
from gridoffice.widgets.base_dialog import BaseDialog
from gridoffice.widgets.form import ValidatedForm, save_bar


class CommunityDialog(BaseDialog):
    def __init__(self, db: Database, community_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent, settings_key="community_editor", title="编辑社区" if community_id else "新建社区",
                         default_size=(440, 260))
        self.db = db
        self.community_id = community_id
        self.deleted = False
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("如：幸福社区、龙塘村")
        self.kind_box = QComboBox(self)
        for kind in CommunityKind:
            self.kind_box.addItem(kind.value, kind.value)
        self.notes_edit = QLineEdit(self)
        community = read_community(db, community_id) if community_id else None
        if community is not None:
            self.name_edit.setText(community.name)
            self.kind_box.setCurrentIndex(self.kind_box.findData(community.kind))
            self.notes_edit.setText(community.notes)
        self.form = ValidatedForm()
        self.form.add_field("name", "名称", self.name_edit)
        self.form.add_field("kind", "类型", self.kind_box)
        self.form.add_field("notes", "备注", self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addLayout(save_bar(self, "删除社区…" if community_id else None, self.delete))

    def accept(self) -> None:
        self.form.clear_errors()
        data = CommunityInput(self.name_edit.text(), self.kind_box.currentData(), self.notes_edit.text())
        try:
            self.community_id = save_community(self.db, data, self.community_id)
        except GridInputError as error:
            self.form.show_error(error.field if error.field in self.form.fields else "name", str(error))
            return
        super().accept()

    def delete(self) -> None:
        answer = QMessageBox.question(self, "删除社区", f"确定删除“{self.name_edit.text()}”吗？")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_community(self.db, self.community_id)
        except GridInputError as error:
            QMessageBox.warning(self, "不能删除", str(error))
            return
        self.deleted = True
        super().accept()
