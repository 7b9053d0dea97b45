"""The household papers, previewed before printing: names, phones and door numbers hidden unless the
clerk ticks otherwise (the question is asked each time)."""
from PySide6.QtWidgets import QMessageBox, QWidget

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.paths import preview_file
from gridoffice.widgets.pdf_preview import PdfPreviewDialog


def ask_with_contact(parent: QWidget, what: str) -> bool | None:
    """True to print names and phones in full, False masked, None when the clerk cancels."""
    box = QMessageBox(QMessageBox.Icon.Question, f"打印{what}",
                      f"{what}是内部资料。印出重点户的完整姓名、电话和门牌吗？\n\n"
                      "选“隐去”则与列表一样打码（刘*、154****1234、3栋2单元***），适合报送和传阅；"
                      "完整信息只在走访时随身携带，用后收回，不得张贴。", parent=parent)
    masked = box.addButton("隐去（推荐）", QMessageBox.ButtonRole.AcceptRole)
    full = box.addButton("印出完整信息", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(masked)
    box.exec()
    if box.clickedButton() is masked:
        return False
    if box.clickedButton() is full:
        return True
    return None


def preview_ledger(parent: QWidget, db: Database, clock: Clock, grid_id: int, grid_label: str) -> None:
    from gridoffice.services.households.papers import write_household_ledger   # ReportLab: not at start-up

    with_contact = ask_with_contact(parent, "重点户走访台账")
    if with_contact is None:
        return
    title = f"重点户走访台账-{grid_label.split(' ')[0]}"
    target = preview_file(f"{title}.pdf")
    try:
        write_household_ledger(db, target, grid_id=grid_id, today=clock.today(), with_contact=with_contact)
    except OSError as error:
        QMessageBox.warning(parent, "无法生成 PDF", f"生成台账失败：{error}")
        return
    PdfPreviewDialog(target, title="重点户走访台账", suggested_name=f"{title}-{clock.today():%Y%m%d}.pdf",
                     parent=parent).exec()


def preview_due_list(parent: QWidget, db: Database, clock: Clock, grid_id: int | None = None) -> None:
    from gridoffice.services.households.papers import write_due_list

    with_contact = ask_with_contact(parent, "走访提醒清单")
    if with_contact is None:
        return
    target = preview_file("重点户走访提醒.pdf")
    try:
        write_due_list(db, target, today=clock.today(), grid_id=grid_id, with_contact=with_contact)
    except OSError as error:
        QMessageBox.warning(parent, "无法生成 PDF", f"生成清单失败：{error}")
        return
    PdfPreviewDialog(target, title="重点户走访提醒", suggested_name=f"重点户走访提醒-{clock.today():%Y%m%d}.pdf",
                     parent=parent).exec()
