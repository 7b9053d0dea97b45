"""The PDF preview's own buttons: saving a copy and printing, when the disk or the printer fails."""
import shutil
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog

from gridoffice.gui import create_application
from gridoffice.services.common.pdf import para, styles, write_pdf
from gridoffice.widgets import pdf_preview
from gridoffice.widgets.pdf_preview import PdfPreviewDialog


@pytest.fixture
def preview(qtbot, tmp_path: Path):
    create_application()
    pdf = write_pdf(tmp_path / "预览 文件.pdf", [para("代表名册", styles()["title"])], title="代表名册")
    dialog = PdfPreviewDialog(pdf, title="代表名册", suggested_name="代表名册.pdf")
    qtbot.addWidget(dialog)
    return dialog


def test_a_failed_save_leaves_the_earlier_copy_whole(preview, tmp_path, monkeypatch):
    target = tmp_path / "另存 为.pdf"
    target.write_bytes(b"%PDF- the copy saved last week")
    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    warnings = []
    monkeypatch.setattr(pdf_preview.QMessageBox, "warning", lambda *args: warnings.append(args[2]))

    def disk_full_halfway(source, destination):
        Path(destination).write_bytes(Path(source).read_bytes()[:100])
        raise OSError(28, "磁盘空间不足")

    monkeypatch.setattr(shutil, "copyfile", disk_full_halfway)
    preview.save_as()
    assert warnings and "磁盘（或U盘）已满，文件没有写完" in warnings[0]   # said in Chinese whatever the system says
    assert target.read_bytes() == b"%PDF- the copy saved last week"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_printer_that_cannot_be_reached_is_said_not_raised(preview, monkeypatch):
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Accepted)

    def offline(_document, _printer):
        raise OSError("无法连接打印机")

    monkeypatch.setattr(pdf_preview, "render_to_printer", offline)
    warnings = []
    monkeypatch.setattr(pdf_preview.QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    preview.print_document()
    assert warnings and "无法连接打印机" in warnings[0]


# --- issue 15, point 4: each page in its own orientation; saying what was printed or saved, where ---
from PySide6.QtCore import QPoint, QSize  # noqa: E402
from PySide6.QtGui import QColor, QPageLayout  # noqa: E402
from PySide6.QtPdf import QPdfDocument  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from gridoffice.widgets.pdf_preview import page_layout, render_on_white, render_to_printer  # noqa: E402


def portrait_then_landscape(path: Path) -> Path:
    """Page 1 A4 portrait, page 2 A4 landscape; each with a black square in its bottom-right corner."""
    canvas = Canvas(str(path))
    for size in (A4, landscape(A4)):
        canvas.setPageSize(size)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.rect(size[0] - 80, 20, 60, 60, fill=1, stroke=0)
        canvas.showPage()
    canvas.save()
    return path


def pdf_printer(target: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setResolution(150)
    return printer


def test_a_landscape_page_is_printed_on_landscape_paper_without_shrinking(qtbot, tmp_path):
    create_application()
    source = QPdfDocument()
    source.load(str(portrait_then_landscape(tmp_path / "横竖 混排.pdf")))
    assert page_layout(source, 1).orientation() == QPageLayout.Orientation.Landscape
    printed = tmp_path / "打印 到文件.pdf"
    render_to_printer(source, pdf_printer(printed))

    pages = PdfReader(printed).pages
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in pages]
    assert len(sizes) == 2
    assert sizes[0][0] < sizes[0][1] and sizes[1][0] > sizes[1][1]          # portrait, then landscape
    assert abs(max(sizes[1]) - 842) < 3 and abs(min(sizes[1]) - 595) < 3    # A4, not shrunk onto a portrait sheet
    output = QPdfDocument()
    output.load(str(printed))
    image = render_on_white(output, 1, QSize(842, 595))
    assert QColor(image.pixel(QPoint(842 - 50, 595 - 50))).lightness() < 60   # the mark still in its corner
    assert QColor(image.pixel(QPoint(400, 300))).lightness() > 240           # the paper is white, not black


def test_printing_says_where_a_file_went(preview, tmp_path, monkeypatch):
    target = tmp_path / "打印 结果.pdf"

    def choose_file(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_file)
    told = []
    monkeypatch.setattr(pdf_preview, "announce_file", lambda _parent, title, text, path: told.append((title, text, path)))
    assert preview.print_document()
    assert target.is_file() and told == [("已打印到文件", f"“代表名册”共 1 页已打印到文件：\n{target}", target)]


def test_save_as_says_where_and_starts_next_time_where_the_last_one_went(preview, tmp_path, monkeypatch):
    from gridoffice.widgets.file_dialogs import start_path

    folder = tmp_path / "公告 存档"
    folder.mkdir()
    asked_in = []

    def save_dialog(_parent, _caption, suggested, _filter):
        asked_in.append(Path(suggested).parent)
        return str(folder / "代表名册"), ""

    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName", save_dialog)
    told = []
    monkeypatch.setattr(pdf_preview, "announce_file", lambda _parent, title, text, path: told.append((title, path)))
    saved = preview.save_as()
    assert saved == folder / "代表名册.pdf" and saved.is_file()
    assert told == [("已保存", saved)] and asked_in == [Path(start_path())]   # the first time: Documents
    preview.save_as()
    assert asked_in[-1] == folder   # the folder last used for this kind of paper


def test_the_saved_message_opens_the_folder_or_copies_its_path(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication, QMessageBox

    create_application()
    saved = tmp_path / "公告.pdf"
    saved.write_bytes(b"%PDF-")
    def click_open_folder(box):
        next(b for b in box.buttons() if b.text() == "打开文件夹").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_open_folder)
    monkeypatch.setattr(pdf_preview, "open_folder", lambda _path: False)             # no file manager here
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(text))
    pdf_preview.announce_file(None, "已保存", f"已保存到：\n{saved}", saved)
    assert QApplication.clipboard().text() == str(tmp_path)
    assert str(tmp_path) in said[0]
