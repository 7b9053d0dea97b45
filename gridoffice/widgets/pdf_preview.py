"""Preview a PDF the program made, then print it, save it, or open it in the system viewer.

Printing: every page goes out in its own size and orientation (a landscape duty roster on
landscape paper): the printer's page layout is set from each page before it is drawn. Where the
system prints PDF files itself (CUPS's `lp` on Linux) the file is handed over whole, as vectors;
otherwise (Windows: `os.startfile(path, "print")` fails when Edge is the PDF handler) QtPdf
renders each page to an image at the printer's resolution, at most PRINT_DPI.

After printing or saving a message says what went where, with a button that opens the folder;
另存为 starts in the folder last used for that kind of paper (first time: Documents).
"""
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QApplication, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from gridoffice.services.common.files import atomic_output

from .base_dialog import BaseDialog
from .file_dialogs import paper_start_path, remember_paper_folder

PRINT_DPI = 300        # pages drawn as images never finer than this: the spool stays small
SIZE_TOLERANCE_PT = 3  # a page within 3 pt of A4 is A4


class PdfPreviewDialog(BaseDialog):
    is_form = False

    def __init__(self, pdf_path: Path, *, title: str, suggested_name: str, parent=None, kind: str = ""):
        """`kind` names the paper for the folder 另存为 remembers (the title when not given)."""
        super().__init__(parent, settings_key="pdf_preview", title=f"打印预览 — {title}", default_size=(900, 680))
        self.pdf_path = Path(pdf_path)
        self.paper_title = title
        self.kind = kind or title
        self.suggested_name = suggested_name
        self.saved_to: Path | None = None
        self.printed = False
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf_path))
        self._init_widgets()

    def _init_widgets(self) -> None:
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = QLabel(f"共 {self.document.pageCount()} 页", self)
        self.print_button = QPushButton("打印…", self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton("另存为 PDF…", self)
        self.save_button.clicked.connect(self.save_as)
        open_button = QPushButton("用系统程序打开", self)
        open_button.clicked.connect(self.open_in_system_viewer)
        close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close_buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close_buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_document)

        buttons = QHBoxLayout()
        buttons.addWidget(pages)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, open_button):
            buttons.addWidget(button)
        buttons.addWidget(close_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, stretch=1)
        layout.addLayout(buttons)

    def save_by_key(self) -> None:
        """Ctrl+S: 另存为 PDF."""
        self.save_as()

    def print_document(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        first_layout = page_layout(self.document, 0)
        if first_layout is not None:
            printer.setPageLayout(first_layout)   # the print dialog shows the paper the first page wants
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        try:
            how = print_pdf(self.pdf_path, self.document, printer)
        except OSError as error:
            QMessageBox.warning(self, "打印失败", f"{error}。请检查打印机是否开机、已连接，或先“另存为 PDF”。")
            return False
        self.printed = True
        first, last = page_range(printer, self.document.pageCount())
        pages = last - first + 1
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            target = Path(printer.outputFileName())
            announce_file(self, "已打印到文件", f"“{self.paper_title}”共 {pages} 页已打印到文件：\n{target}", target)
        else:
            name = printer.printerName() or "默认打印机"
            QMessageBox.information(self, "已发送到打印机",
                                    f"“{self.paper_title}”共 {pages} 页已发送到打印机“{name}”{how}。\n"
                                    "如果没有打印出来，请查看打印机是否缺纸，或先“另存为 PDF”。")
        return True

    def save_as(self) -> Path | None:
        target = save_pdf_copy(self, self.pdf_path, self.suggested_name, self.kind)
        if target is not None:
            self.saved_to = target
            announce_file(self, "已保存", f"“{self.paper_title}”已保存到：\n{target}", target)
        return target

    def open_in_system_viewer(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path))):
            QMessageBox.information(self, "无法打开", f"系统没有可以打开 PDF 的程序。文件在：\n{self.pdf_path}")


# --- saving -------------------------------------------------------------------------------------
def ask_save_pdf(parent: QWidget, suggested_name: str, kind: str) -> Path | None:
    """Where to save a paper, starting in the folder last used for this kind; ".pdf" added."""
    target, _ = QFileDialog.getSaveFileName(parent, "另存为 PDF", paper_start_path(kind, suggested_name),
                                            "PDF 文件 (*.pdf)")
    if not target:
        return None
    if not target.lower().endswith(".pdf"):
        target += ".pdf"
    return Path(target)


def save_pdf_copy(parent: QWidget, source: Path, suggested_name: str, kind: str) -> Path | None:
    """Ask where, copy the made PDF there (never half a file), remember the folder; None when the
    clerk cancelled or the copy failed (said)."""
    target = ask_save_pdf(parent, suggested_name, kind)
    if target is None:
        return None
    try:
        with atomic_output(target) as temporary:   # a failed copy never leaves half a PDF
            shutil.copyfile(source, temporary)
    except OSError as error:
        from .exports import disk_trouble

        QMessageBox.warning(parent, "保存失败", f"无法保存到“{target}”：{disk_trouble(error) or error.strerror or error}")
        return None
    remember_paper_folder(kind, target.parent)
    return target


def open_folder(path: Path) -> bool:
    """Show a file's folder in the file manager; False when the system has none to open."""
    folder = path if path.is_dir() else path.parent
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def announce_file(parent: QWidget, title: str, text: str, path: Path) -> None:
    """"Saved to …" with 打开文件夹 (and 复制路径 when no file manager can be opened)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent)
    folder_button = box.addButton("打开文件夹", QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(box.addButton("确定", QMessageBox.ButtonRole.AcceptRole))
    box.exec()
    if box.clickedButton() is folder_button and not open_folder(path):
        QApplication.clipboard().setText(str(path.parent))
        QMessageBox.information(parent, "无法打开文件夹", f"这台电脑没有可以打开文件夹的程序。文件夹的位置已复制，"
                                "可以粘贴到资源管理器的地址栏：\n" f"{path.parent}")


# --- printing -------------------------------------------------------------------------------------
def page_layout(document: QPdfDocument, page: int) -> QPageLayout | None:
    """The page's own size and orientation as a printer page layout (A4 landscape for the roster),
    no margins: the PDF has its own."""
    points = document.pagePointSize(page)
    if points.isEmpty():
        return None
    width, height = points.width(), points.height()
    orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    portrait = QSizeF(min(width, height), max(width, height))
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    if abs(size.sizePoints().width() - portrait.width()) > SIZE_TOLERANCE_PT:
        size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def print_pdf(path: Path, document: QPdfDocument, printer: QPrinter) -> str:
    """Print the file as the printer dialog left the printer; returns how ("" or "（矢量）")."""
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and system_prints_pdf():
        system_print(path, printer, document.pageCount())
        return ""
    render_to_printer(document, printer)
    return ""


def system_prints_pdf() -> bool:
    """CUPS prints PDF files itself (vectors, each page rotated to fit); Windows has no such
    command that works with every PDF viewer."""
    return sys.platform != "win32" and shutil.which("lp") is not None


def system_print(path: Path, printer: QPrinter, count: int) -> None:
    command = ["lp", "-n", str(max(1, printer.copyCount())), "-o", "fit-to-page"]
    if printer.printerName():
        command += ["-d", printer.printerName()]
    first, last = page_range(printer, count)
    if (first, last) != (0, count - 1):
        command += ["-P", f"{first + 1}-{last + 1}"]
    try:
        subprocess.run([*command, "--", str(path)], check=True, capture_output=True, timeout=60)
    except (subprocess.SubprocessError, OSError) as error:
        raise OSError(f"无法把文件交给打印系统：{error}") from error


def render_to_printer(document: QPdfDocument, printer: QPrinter) -> None:
    """Each page in its own size and orientation, rendered at the printer's resolution (at most
    PRINT_DPI) and drawn over the whole sheet the page asked for."""
    first, last = page_range(printer, document.pageCount())
    layout = page_layout(document, first)
    if layout is not None:
        printer.setFullPage(True)
        printer.setPageLayout(layout)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法连接打印机")
    try:
        for page in range(first, last + 1):
            if page > first:
                layout = page_layout(document, page)
                if layout is not None:
                    printer.setPageLayout(layout)   # before newPage: the next sheet takes it
                if not printer.newPage():
                    raise OSError("打印机不接受新的一页")
            _draw_page(document, page, printer, painter)
    finally:
        painter.end()


def _draw_page(document: QPdfDocument, page: int, printer: QPrinter, painter: QPainter) -> None:
    """The page as an image over the sheet (full page: the painter's origin is the paper's corner)."""
    dpi = printer.resolution()
    sheet = QRectF(printer.pageLayout().fullRectPixels(dpi))
    points = document.pagePointSize(page)
    image_dpi = min(dpi, PRINT_DPI)
    image = render_on_white(document, page, QSize(round(points.width() / 72 * image_dpi),
                                                  round(points.height() / 72 * image_dpi)))
    if image.isNull():
        raise OSError(f"第 {page + 1} 页无法生成")
    target = QRectF(0, 0, points.width() / 72 * dpi, points.height() / 72 * dpi)
    scale = min(sheet.width() / target.width(), sheet.height() / target.height(), 1.0)
    target.setSize(target.size() * scale)     # a page larger than the paper is shrunk, never cut
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, image)


def render_on_white(document: QPdfDocument, page: int, size: QSize) -> QImage:
    """The page as an opaque image on white paper (QtPdf leaves the paper transparent, which
    turns black once the alpha channel is dropped), without an alpha channel: smaller to spool."""
    rendered = document.render(page, size)
    if rendered.isNull():
        return rendered
    sheet = QImage(rendered.size(), QImage.Format.Format_RGB888)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return sheet


def page_range(printer: QPrinter, count: int) -> tuple[int, int]:
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return printer.fromPage() - 1, min(printer.toPage(), count) - 1
    return 0, count - 1
