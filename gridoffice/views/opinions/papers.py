"""The papers of the loop (交办单, 督办单, 结果告知书), made and shown for printing."""
from PySide6.QtWidgets import QMessageBox, QWidget

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.paths import preview_file
from gridoffice.widgets.pdf_preview import PdfPreviewDialog


def preview_paper(db: Database, parent: QWidget, opinion_id: int, serial: str, which: str, *, clock: Clock,
                  with_contact: bool = False) -> None:
    """Make one of the papers (交办单, 督办单, 结果告知书) and show it for printing."""
    from gridoffice.services.opinions.papers import SlipError, write_paper  # ReportLab: not on the start-up path

    target = preview_file(f"{which}-{serial}.pdf")
    try:
        write_paper(db, which, opinion_id, target, today=clock.today(), with_contact=with_contact)
    except SlipError as error:
        QMessageBox.information(parent, f"不能打印{which}", str(error))
        return
    except OSError as error:
        QMessageBox.warning(parent, "无法生成 PDF", f"生成{which}失败：{error}")
        return
    PdfPreviewDialog(target, title=f"{which} {serial}", suggested_name=f"{which}-{serial}.pdf", parent=parent,
                     kind=which).exec()   # 另存为 starts where the last 交办单 went
