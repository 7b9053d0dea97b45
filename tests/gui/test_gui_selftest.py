"""工具 → 系统自检 shows the lines `gridoffice selftest` prints, for the database the window has open."""
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from gridoffice.cli import main as cli_main
from gridoffice.db import Database
from gridoffice.gui import create_application
from gridoffice.views.office.selftest import show_selftest

from tests.backup_support import add_dangling_reference, make_office


class _Window(QWidget):
    """Stands for the main window: it has the office's Database as `db`."""

    def __init__(self, db: Database):
        super().__init__()
        self.db = db


@pytest.mark.parametrize("dangling", [False, True], ids=["sound", "dangling"])
def test_the_window_shows_the_same_lines_as_the_command(qtbot, monkeypatch, capsys, tmp_path: Path, dangling):
    create_application()
    office = make_office(tmp_path / "办公 室" / "台账.sqlite", "锦塘街道人大工委", stations=2)
    if dangling:
        add_dangling_reference(office)
    shown = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, title, text, kind=kind: shown.append((kind, title, text)))
    with Database.open(office) as db:   # the window has it open while the check runs
        window = _Window(db)
        qtbot.addWidget(window)
        show_selftest(window)
    cli_main(["selftest", "--db", str(office)])
    printed = capsys.readouterr().out.splitlines()

    (kind, title, text), = shown
    assert text.splitlines() == printed
    assert f"办公室数据库 {office}：" in text
    if dangling:
        assert kind == "warning" and title == "系统自检发现问题" and "引用了不存在的记录" in text
    else:
        assert kind == "information" and title == "系统自检通过" and "：完好。" in text
