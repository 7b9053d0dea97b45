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
    assert warnings and "磁盘空间不足" in warnings[0]
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
