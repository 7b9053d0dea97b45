"""A save refused because another clerk changed the record meanwhile (ConflictError): say what each
of them wrote and offer to reload the record. Any form can use it:

    except ConflictError as error:
        if offer_reload(self, error):
            self._show_data(load_x(self.db, self.x_id))
"""
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from gridoffice.db.errors import ConflictError

MAX_ROWS = 12


def conflict_text(error: ConflictError) -> str:
    """The message as rich text: the sentence, then a table field / yours / stored now."""
    rows = "".join(f"<tr><td>{escape(label)}</td><td>{escape(mine)}</td><td><b>{escape(stored)}</b></td></tr>"
                   for label, mine, stored in error.differences[:MAX_ROWS])
    more = f"<p>……另有 {len(error.differences) - MAX_ROWS} 处不同。</p>" if len(error.differences) > MAX_ROWS else ""
    table = (f"<table cellspacing='0' cellpadding='4' border='1'><tr><th>项目</th><th>您填写的</th>"
             f"<th>现在保存的</th></tr>{rows}</table>{more}") if rows else ""
    return (f"<p>{escape(str(error))}</p>{table}"
            "<p>点“重新载入”显示现在保存的内容（您这次的修改将放弃，可以再改一次）；"
            "点“返回”回到您填写的内容（可以先抄下需要的文字）。</p>")


def offer_reload(parent: QWidget, error: ConflictError) -> bool:
    """Show the conflict; True when the clerk chose to reload the record."""
    box = QMessageBox(QMessageBox.Icon.Warning, "别人已修改这条记录", "", QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("conflict_box")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(conflict_text(error))
    reload_button = box.addButton("重新载入", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("返回", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload_button)
    box.exec()
    return box.clickedButton() is reload_button
