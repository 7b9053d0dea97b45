"""The 统计 tab's papers: 年度工作统计报告 (PDF to preview and print, or Word to edit), 代表履职档案
(PDF or Word) and 季度亮分表 (PDF or Excel). Before the yearly report the checks are run: the clerk is
told what is still to correct and may go and correct it first."""
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gridoffice.clock import Clock
from gridoffice.db import Database
from gridoffice.paths import preview_file
from gridoffice.widgets.file_dialogs import start_path


def _failed(parent: QWidget, what: str, error: Exception) -> None:
    from gridoffice.domain.errors import FieldError

    if isinstance(error, FieldError):
        QMessageBox.information(parent, what, str(error))
    else:
        QMessageBox.warning(parent, what, f"生成“{what}”失败：{getattr(error, 'strerror', None) or error}。"
                                          "文件可能正在 Word、WPS 或 PDF 阅读器中打开，请关闭后再试，或换一个文件名。")


def preview_pdf(parent: QWidget, title: str, file_name: str, write: Callable[[Path], object]) -> None:
    """Write the PDF to the preview folder and show it for printing or saving."""
    from gridoffice.domain.errors import FieldError
    from gridoffice.widgets.pdf_preview import PdfPreviewDialog

    target = preview_file(file_name)
    try:
        write(target)
    except (FieldError, OSError) as error:
        _failed(parent, title, error)
        return
    PdfPreviewDialog(target, title=title, suggested_name=file_name, parent=parent).exec()


def save_as(parent: QWidget, title: str, file_name: str, kind: str, write: Callable[[Path], object]) -> Path | None:
    """Ask where (starting in Documents), write, say where it went. kind: "docx" or "xlsx"."""
    from gridoffice.domain.errors import FieldError

    label = {"docx": "Word 文档 (*.docx)", "xlsx": "Excel 工作簿 (*.xlsx)"}[kind]
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, start_path(file_name), label)
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(f".{kind}") else f"{chosen}.{kind}")
    try:
        write(path)
    except (FieldError, OSError) as error:
        _failed(parent, title, error)
        return None
    QMessageBox.information(parent, title, f"已保存到：\n{path}")
    return path


def preview_deputy_file(parent: QWidget, db: Database, clock: Clock, deputy_id: int, name: str, year: int,
                        *, word: bool = False) -> None:
    from gridoffice.services.stats.deputy_file import write_deputy_file

    title = f"{name}代表{year}年度履职档案"
    def write(path):
        return write_deputy_file(db, deputy_id, year, path, today=clock.today())
    if word:
        save_as(parent, title, f"{title}.docx", "docx", write)
    else:
        preview_pdf(parent, title, f"{title}.pdf", write)


def ask_print_anyway(parent: QWidget, text: str) -> bool:
    """仍然生成 or 先去核对."""
    box = QMessageBox(QMessageBox.Icon.Warning, "生成报告前的核对", text, parent=parent)
    go_on = box.addButton("仍然生成", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("先去核对", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is go_on


def ask_paper_kind(parent: QWidget, text: str) -> str | None:
    """"pdf", "docx" or None (cancelled)."""
    box = QMessageBox(QMessageBox.Icon.Question, "代表履职档案", text, parent=parent)
    pdf = box.addButton("预览和打印（PDF）", QMessageBox.ButtonRole.AcceptRole)
    word = box.addButton("导出 Word", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return {pdf: "pdf", word: "docx"}.get(box.clickedButton())


class PaperActions:
    """The tab's 打印 menu."""

    def __init__(self, tab):
        self.tab = tab

    def actions(self) -> list[QAction]:
        tab = self.tab
        return [
            tab.make_action("打印年度工作统计报告(&N)…", self.annual_report_pdf, "所选年度的工作统计报告（PDF，含图表），预览后打印"),
            tab.make_action("导出年度工作统计报告（Word）…", self.annual_report_docx, "可在 Word 或 WPS 中修改后上报"),
            tab.make_action("打印代表履职档案…", self.deputy_file_chosen, "一位代表一年的履职情况，用于述职评议"),
            tab.make_action("打印季度亮分表…", self.scoreboard_pdf, "各代表每季度的积分，按联络站分组"),
            tab.make_action("导出季度亮分表（Excel）…", self.scoreboard_xlsx, "各代表每季度的积分，一行一位代表"),
        ]

    def _year(self) -> int:
        return self.tab.period().start.year

    def _checks_first(self, year: int) -> bool:
        """True to go on: the checks pass, or the clerk chose to print anyway."""
        from gridoffice.services.stats.checks import checks_summary, run_checks
        from gridoffice.services.stats.period import Period

        checks = run_checks(self.tab.db, Period.year(year), self.tab.scope(), today=self.tab.clock.today())
        if all(check.passed for check in checks):
            return True
        if ask_print_anyway(self.tab, checks_summary(checks) + "\n\n这些记录会让报告的数字多算或少算。"):
            return True
        self.tab.pages.setCurrentWidget(self.tab.checks_page)
        return False

    def _report_writer(self, year: int):
        from gridoffice.services.stats.report import write_annual_report

        scope = self.tab.scope()
        return lambda path: write_annual_report(self.tab.db, year, path, today=self.tab.clock.today(), scope=scope)

    def _report_name(self, year: int) -> str:
        scope = self.tab.scope()
        return f"{year}年度工作统计报告" + (f"-{scope.name}" if scope.name else "")

    def annual_report_pdf(self) -> None:
        year = self._year()
        if self._checks_first(year):
            name = self._report_name(year)
            preview_pdf(self.tab, name, f"{name}.pdf", self._report_writer(year))

    def annual_report_docx(self) -> None:
        year = self._year()
        if self._checks_first(year):
            name = self._report_name(year)
            save_as(self.tab, name, f"{name}.docx", "docx", self._report_writer(year))

    def deputy_file(self, deputy_id: int, name: str, year: int) -> None:
        kind = ask_paper_kind(self.tab, f"{name}代表{year}年度履职档案：")
        if kind:
            preview_deputy_file(self.tab, self.tab.db, self.tab.clock, deputy_id, name, year, word=kind == "docx")

    def deputy_file_chosen(self) -> None:
        from gridoffice.widgets.deputy_picker import DeputyPickerDialog

        dialog = DeputyPickerDialog(self.tab.db, self.tab, title="选择代表（打印履职档案）", single=True,
                                    include_retired=True, selected=[])
        if dialog.exec() and dialog.picker.selected_ids():
            self.deputy_file(dialog.picker.selected_ids()[0], dialog.picker.selected_names()[0], self._year())

    def _quarter(self) -> int:
        period, today = self.tab.period(), self.tab.clock.today()
        if period.quarter_number:
            return period.quarter_number
        if period.within_one_year and period.is_month:
            return (period.start.month + 2) // 3
        return 4 if period.start.year < today.year else (today.month + 2) // 3

    def _scoreboard(self, kind: str) -> None:
        from gridoffice.services.stats.scoreboard import write_scoreboard

        year, quarter, scope = self._year(), self._quarter(), self.tab.scope()
        name = f"{year}年第{quarter}季度亮分表" + (f"-{scope.name}" if scope.name else "")

        def write(path):
            return write_scoreboard(self.tab.db, year, quarter, path, today=self.tab.clock.today(), scope=scope)
        if kind == "pdf":
            preview_pdf(self.tab, name, f"{name}.pdf", write)
        else:
            save_as(self.tab, name, f"{name}.xlsx", "xlsx", write)

    def scoreboard_pdf(self) -> None:
        self._scoreboard("pdf")

    def scoreboard_xlsx(self) -> None:
        self._scoreboard("xlsx")
