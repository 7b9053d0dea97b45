"""工具 → 系统自检: run the self-test and show each check passed or failed."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def show_selftest(parent: QWidget) -> None:
    from gridoffice.services.office.selftest import run_selftest  # makes a PDF: ReportLab only when asked

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        checks = run_selftest()
    finally:
        QApplication.restoreOverrideCursor()
    lines = [f"{'✔' if c.ok else '✘'} {c.name}：{c.detail}" for c in checks]
    if all(c.ok for c in checks):
        QMessageBox.information(parent, "系统自检通过", "\n".join(lines))
    else:
        QMessageBox.warning(parent, "系统自检发现问题", "\n".join(lines))
