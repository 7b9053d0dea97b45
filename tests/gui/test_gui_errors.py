"""An error no dialog caught: logged and said in Chinese (the packaged program has no console)."""
import sys

from PySide6.QtWidgets import QMessageBox

from gridoffice import gui
from gridoffice.gui import create_application, report_unexpected_error


def test_an_uncaught_error_is_logged_and_said_in_chinese(qtbot, monkeypatch, caplog):
    create_application()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text)))
    try:
        raise PermissionError(13, "拒绝访问", "导出.xlsx")
    except PermissionError as error:
        report_unexpected_error(type(error), error, error.__traceback__)
    assert shown[0][0] == "程序出现意外错误"
    assert "拒绝访问" in shown[0][1] and "gridoffice.log" in shown[0][1]
    assert "PermissionError" in caplog.text


def test_the_window_installs_the_error_report(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # put back after the test
    monkeypatch.setattr(gui, "open_or_explain", lambda _path: None)   # stop before any window opens
    assert gui.run_gui(tmp_path / "数据.sqlite") == 2
    assert sys.excepthook is report_unexpected_error
