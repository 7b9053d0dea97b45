"""Preview a PDF the program made, then print it, save it, or open it in the system viewer.

Printing renders each page at the printer's resolution onto a QPrinter (design.md:
`os.startfile(path, "print")` fails when Edge is the PDF handler).
"""
import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from gridoffice.services.common.files import atomic_output

from .base_dialog import BaseDialog
from .file_dialogs import start_path


class PdfPreviewDialog(BaseDialog):
    def __init__(self, pdf_path: Path, *, title: str, suggested_name: str, parent=None):
        super().__init__(parent, settings_key="pdf_preview", title=f"打印预览 — {title}", default_size=(900, 680))
        self.pdf_path = Path(pdf_path)
        self.suggested_name = suggested_name
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf_path))
        self._init_widgets()

    def _init_widgets(self) -> None:
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = QLabel(f"共 {self.document.pageCount()} 页", self)
        print_button = QPushButton("打印…", self)
        print_button.setDefault(True)
        print_button.clicked.connect(self.print_document)
        save_button = QPushButton("另存为 PDF…", self)
        save_button.clicked.connect(self.save_as)
        open_button = QPushButton("用系统程序打开", self)
        open_button.clicked.connect(self.open_in_system_viewer)
        close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close_buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close_buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_as)

        buttons = QHBoxLayout()
        buttons.addWidget(pages)
        buttons.addStretch(1)
        for button in (print_button, save_button, open_button):
            buttons.addWidget(button)
        buttons.addWidget(close_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, stretch=1)
        layout.addLayout(buttons)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            render_to_printer(self.document, printer)
        except OSError as error:
            QMessageBox.warning(self, "打印失败", f"{error}。请检查打印机是否开机、已连接，或先“另存为 PDF”。")

    def save_as(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, "另存为 PDF", start_path(self.suggested_name), "PDF 文件 (*.pdf)")
        if not target:
            return
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        try:
            with atomic_output(Path(target)) as temporary:   # a failed copy never leaves half a PDF
                shutil.copyfile(self.pdf_path, temporary)
        except OSError as error:
            QMessageBox.warning(self, "保存失败", f"无法保存到“{target}”：{error.strerror or error}")

    def open_in_system_viewer(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path))):
            QMessageBox.information(self, "无法打开", f"系统没有可以打开 PDF 的程序。文件在：\n{self.pdf_path}")


def render_to_printer(document: QPdfDocument, printer: QPrinter) -> None:
    """Each page rendered at printer resolution, scaled to fit the printable area."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法连接打印机")
    try:
        dpi = printer.resolution()
        area = printer.pageLayout().paintRectPixels(dpi)
        first, last = _page_range(printer, document.pageCount())
        for page in range(first, last + 1):
            if page > first:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            size = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(page, size)
            target = QRect(0, 0, size.width(), size.height())
            painter.drawImage(QPointF(0, 0), image, target)
    finally:
        painter.end()


def _page_range(printer: QPrinter, count: int) -> tuple[int, int]:
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return printer.fromPage() - 1, min(printer.toPage(), count) - 1
    return 0, count - 1
