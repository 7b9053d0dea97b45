"""An error no dialog caught: logged and said in Chinese (the packaged program has no console)."""
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from gridoffice import gui
from gridoffice.gui import create_application, report_unexpected_error
from gridoffice.views.shell.main_window import MainWindow


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


def test_the_error_report_is_installed_before_anything_can_fail(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # put back after the test
    monkeypatch.setattr("gridoffice.logs.setup_logging", lambda: True)   # the test run's logging stays as it is

    def broken_qt(*_args):
        raise RuntimeError("Qt 平台插件无法加载")

    monkeypatch.setattr(gui, "create_application", broken_qt)
    with pytest.raises(RuntimeError):
        gui.run_gui(tmp_path / "数据.sqlite")
    assert sys.excepthook is report_unexpected_error


def test_a_database_that_cannot_be_opened_exits_2_after_the_window_showed(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr("gridoffice.logs.setup_logging", lambda: True)
    shown = []
    monkeypatch.setattr(gui, "open_or_explain", lambda _path: shown.extend(QApplication.topLevelWidgets()))
    assert gui.run_gui(tmp_path / "数据.sqlite") == 2
    assert any(isinstance(widget, MainWindow) and widget.painted_once for widget in shown)
    assert not any(isinstance(widget, MainWindow) and widget.isVisible() for widget in QApplication.topLevelWidgets())
