"""The papers of 履职成果 (代表建议表, 会议通知, 会议纪要, 年度实事清单, 述职评议会公告), each as a
PDF previewed for printing or as a Word document saved where the clerk says.

    paper_button(self, "打印建议表", lambda: (f"代表建议-{serial}", lambda path: write(db, id, path, today=…)))

The paper is described when the button is pressed (the record may have changed since the form opened).
"""
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from gridoffice.domain.errors import FieldError
from gridoffice.paths import preview_file
from gridoffice.widgets.file_dialogs import start_path

Writer = Callable[[Path], object]
_NOT_IN_FILE_NAMES = str.maketrans({c: "_" for c in '\\/:*?"<>|'})
Paper = Callable[[], tuple[str, Writer] | None]   # → (file name without suffix, writer), or None to do nothing


def _write(parent: QWidget, title: str, write: Writer, path: Path) -> bool:
    from gridoffice.services.outcomes.papers import PaperError   # ReportLab and python-docx: not at start-up

    try:
        write(path)
    except (PaperError, FieldError, LookupError) as error:
        QMessageBox.information(parent, f"不能打印{title}", str(error))
        return False
    except OSError as error:
        QMessageBox.warning(parent, f"无法生成{title}", f"写入“{path}”失败：{error.strerror or error}。"
                            "文件可能正在 Word 或 WPS 中打开，请关闭后再试，或换一个文件名。")
        return False
    return True


def file_stem(text: str) -> str:
    """A record's words as a file name Windows accepts (no / : * ? " < > |)."""
    return text.translate(_NOT_IN_FILE_NAMES).strip(" .") or "未命名"


def preview_pdf(parent: QWidget, title: str, stem: str, write: Writer) -> None:
    """Make the PDF in the preview folder and show it (print, save as, open)."""
    from gridoffice.widgets.pdf_preview import PdfPreviewDialog

    target = preview_file(f"{stem}.pdf")
    if _write(parent, title, write, target):
        PdfPreviewDialog(target, title=title, suggested_name=f"{stem}.pdf", parent=parent).exec()


def ask_save_docx(parent: QWidget, title: str, stem: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(parent, f"保存{title}（Word 文档）", start_path(f"{stem}.docx"),
                                                  "Word 文档 (*.docx)")
    if not chosen:
        return None
    return Path(chosen if chosen.lower().endswith(".docx") else chosen + ".docx")


def save_word(parent: QWidget, title: str, stem: str, write: Writer) -> Path | None:
    """Ask where (starting in Documents), write the .docx, say where it went."""
    path = ask_save_docx(parent, title, stem)
    if path is None or not _write(parent, title, write, path):
        return None
    QMessageBox.information(parent, "已保存", f"{title}已保存为 Word 文档：\n{path}\n\n可用 Word 或 WPS 打开修改后打印。")
    return path


def paper_menu(parent: QWidget, title: str, paper: Paper) -> QMenu:
    """预览和打印（PDF）… / 保存为 Word 文档…"""
    menu = QMenu(parent)

    def run(kind: str) -> None:
        described = paper()
        if described is None:
            return
        stem, write = described
        stem = file_stem(stem)
        (preview_pdf if kind == "pdf" else save_word)(parent, title, stem, write)

    menu.addAction("预览和打印（PDF）…", lambda: run("pdf"))
    menu.addAction("保存为 Word 文档…", lambda: run("docx"))
    return menu


def paper_button(parent: QWidget, text: str, title: str, paper: Paper) -> QPushButton:
    button = QPushButton(text, parent)
    button.setMenu(paper_menu(parent, title, paper))
    return button
