"""工具 → 系统自检: the installation and the open office database, the same lines as `gridoffice selftest`."""
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def show_selftest(parent: QWidget, db_path: Path | None = None) -> None:
    """Run the self-test on this PC and the office database at `db_path` (by default the one the
    main window has open), and show each line; nothing is written to the database."""
    from gridoffice.services.office.selftest import run_selftest  # makes a PDF: ReportLab only when asked

    if db_path is None:
        db = getattr(parent, "db", None)   # the main window's Database
        db_path = getattr(db, "path", None)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = run_selftest(db_path)
    finally:
        QApplication.restoreOverrideCursor()
    text = "\n".join(report.lines())
    if report.ok:
        QMessageBox.information(parent, "系统自检通过", text)
    else:
        QMessageBox.warning(parent, "系统自检发现问题", text)
