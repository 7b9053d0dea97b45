"""What the reception dialogs share: the warning styles and the question "go on despite the conflicts?"."""
from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from gridoffice.services.reception.schedule import Conflict

WARNING_STYLE = "background: #fff8e1; color: #8d4b00; border: 1px solid #ffe082; padding: 6px;"
CONFLICT_STYLE = "color: #c62828;"


def warning_label(parent: QWidget) -> QLabel:
    """A yellow note, hidden until it has something to say."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(WARNING_STYLE)
    label.hide()
    return label


def ask_to_override(parent: QWidget, title: str, conflicts: Sequence[Conflict], question: str) -> bool:
    """The conflicts listed; True when the clerk goes on anyway."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, "发现以下冲突：\n\n" + "\n".join(
        f"• {c.message}" for c in conflicts) + f"\n\n{question}", parent=parent)
    go_on = box.addButton("仍然继续", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("返回修改", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is go_on
