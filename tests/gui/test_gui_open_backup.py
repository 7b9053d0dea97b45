"""A .gobak given to the program (double-clicked on a USB stick): `gridoffice "<stick>\\U盘 备份\\x.gobak"`.

The window opens on the office, then offers to check or restore the backup; a new PC's first
start offers to restore it; a missing file or one that is no backup is said in Chinese and the
program stays usable. The message boxes and dialogs are answered by the test, never left waiting.
"""
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from gridoffice import gui
from gridoffice.clock import FixedClock
from gridoffice.db import Database
from gridoffice.gui import create_application
from gridoffice.services.backup.create import create_backup
from gridoffice.services.backup.verify import verify_backup
from gridoffice.views.backup.restore_dialog import RestoreDialog
from gridoffice.views.backup.running_window import BackupFileReceiver
from gridoffice.views.office.first_start import FirstStartDialog
from gridoffice.views.shell.main_window import MainWindow
from tests.backup_support import make_office, office_content
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.sqlite_only   # backups and restores of the SQLite file

NOW = dt.datetime(2026, 12, 1, 17, 30)
PASSWORD = "锦塘备份2026"


def _backup_of(demo_template: Path, folder: Path, name: str, password: str | None = None) -> Path:
    source = folder.parent / "源" / "锦塘.sqlite"
    source.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_template, source)
    folder.mkdir(exist_ok=True)
    return create_backup(source, folder, now=NOW, password=password, file_name=name).path


@pytest.fixture(scope="module")
def stick(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("U盘") / "U盘 备份"


@pytest.fixture(scope="module")
def demo_backup(demo_template, stick) -> Path:
    """The demo office (锦塘街道人大工委) backed up to the stick, in a folder with Chinese and spaces."""
    return _backup_of(demo_template, stick, "锦塘 2026-12-01.gobak")


@pytest.fixture(scope="module")
def locked_backup(demo_template, stick) -> Path:
    return _backup_of(demo_template, stick, "锦塘 加密 2026-12-01.gobak", password=PASSWORD)


@pytest.fixture
def small_office(tmp_path) -> Path:
    """This PC's office: set up, two stations, no deputies yet."""
    return make_office(tmp_path / "办公 数据" / "gridoffice.sqlite", "东城街道人大工委", stations=2)


class Clerk:
    """Answers the message boxes and dialogs the start-up opens, and notes what they said."""

    def __init__(self, qtbot, monkeypatch, answers: dict[str, str]):
        self.qtbot = qtbot
        self.answers = answers          # message box title → the button's text to click
        self.boxes: list[tuple[str, str]] = []
        self.errors: list[BaseException] = []
        self.seen: dict = {}
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._answer(box))
        monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # run_gui sets its own: put back after
        monkeypatch.setattr(gui, "report_unexpected_error", lambda _kind, error, _trace: self.errors.append(error))
        monkeypatch.setattr("gridoffice.logs.setup_logging", lambda: True)
        monkeypatch.setattr(QApplication, "exec", lambda app: self._look_and_close(app))

    def _answer(self, box: QMessageBox) -> int:
        self.boxes.append((box.windowTitle(), box.text()))
        wanted = self.answers.get(box.windowTitle())
        button = next((b for b in box.buttons() if b.text() == wanted), None)
        if button is None:   # not expected: the way out (不用了, 确定)
            button = box.escapeButton() or box.buttons()[-1]
        button.click()
        return 0

    def _look_and_close(self, app) -> int:
        """Instead of the event loop: let the start-up's offer run, note the window, close it all."""
        for _ in range(3):
            app.processEvents()
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        self.seen.update(window=window, title=window.windowTitle(), deputies=window.pages[0].model.rowCount(),
                         usable=window.actions.new_record.isEnabled() and window.db is not None)
        for widget in app.topLevelWidgets():
            widget.close()
        return 0

    def titles(self) -> list[str]:
        return [title for title, _text in self.boxes]

    def text_of(self, title: str) -> str:
        return next(text for shown, text in self.boxes if shown == title)


def _drive_restore(qtbot, *, password: str | None = None, restore: bool = True, seen: list | None = None):
    """RestoreDialog.exec: check the backup (with the password), note what it shows, restore."""

    def drive(dialog: RestoreDialog) -> int:
        if password:
            dialog.ui.password.setText(password)
        dialog.start_check()
        qtbot.waitUntil(lambda: dialog._worker is None, timeout=20_000)
        if seen is not None:
            seen.append({"title": dialog.windowTitle(), "status": dialog.ui.status.text(),
                         "summary": _summary(dialog), "button": dialog.restore_button.text(),
                         "can_restore": dialog.restore_button.isEnabled()})
        if restore and dialog.restore_button.isEnabled():
            dialog.restore_button.click()
            qtbot.waitUntil(lambda: dialog.restore_result is not None or dialog._worker is None and
                            "没有完成" in dialog.ui.status.text(), timeout=20_000)
        return int(dialog.restore_result is not None)

    return drive


def _summary(dialog: RestoreDialog) -> dict[str, str]:
    form = dialog.ui.summary_form
    return {form.itemAt(row, form.ItemRole.LabelRole).widget().text(): form.itemAt(row, form.ItemRole.FieldRole)
            .widget().text() for row in range(form.rowCount())}


def _deputies_in(backup: Path) -> int:
    return verify_backup(backup, PASSWORD if "加密" in backup.name else None).manifest.row_counts["deputy"]


# --- the office is set up: the window first, then the offer ---------------------------------------
def test_a_backup_given_as_argument_is_offered_and_a_verified_restore_replaces_the_data(
        qtbot, monkeypatch, small_office, demo_backup):
    clerk = Clerk(qtbot, monkeypatch, {"打开备份文件": "用它恢复(&R)…", "确认恢复": "恢复"})
    checked = []
    monkeypatch.setattr(RestoreDialog, "exec", _drive_restore(qtbot, seen=checked))
    assert " " in str(demo_backup.parent) and "U盘" in str(demo_backup)

    result = run_cli(str(demo_backup), env={"GRIDOFFICE_DB": str(small_office)})

    assert result.returncode == 0 and not clerk.errors
    assert clerk.titles() == ["打开备份文件", "确认恢复", "恢复完成"]
    offer = clerk.text_of("打开备份文件")
    assert "锦塘 2026-12-01.gobak" in offer and str(demo_backup.parent) in offer and "检查" in offer
    assert checked[0]["title"] == "从备份恢复" and checked[0]["status"].startswith("备份完好")
    assert checked[0]["summary"]["办公室："] == "锦塘街道人大工委"
    assert checked[0]["summary"]["备份时间："] == "2026-12-01 17:30"
    assert "锦塘街道人大工委" in clerk.text_of("恢复完成") and "恢复前的数据库已另存为" in clerk.text_of("恢复完成")
    # the window works on the restored office: its title, its deputies on show
    assert clerk.seen["title"] == "锦塘街道人大工委" and clerk.seen["usable"]
    assert clerk.seen["deputies"] == _deputies_in(demo_backup) > 0
    assert office_content(small_office)[0] == "锦塘街道人大工委"
    assert list(small_office.parent.glob("gridoffice.恢复前-*.sqlite"))   # the data before, set aside
    assert demo_backup.exists()   # the stick's file is only read


def test_checking_a_backup_with_a_password_shows_what_it_holds_and_changes_nothing(
        qtbot, monkeypatch, small_office, locked_backup):
    clerk = Clerk(qtbot, monkeypatch, {"打开备份文件": "检查备份(&C)"})
    seen = []
    wrong = _drive_restore(qtbot, password="别的密码", restore=False, seen=seen)
    right = _drive_restore(qtbot, password=PASSWORD, restore=False, seen=seen)
    monkeypatch.setattr(RestoreDialog, "exec", lambda dialog: (wrong(dialog), right(dialog))[1])
    before = office_content(small_office)

    assert gui.run_gui(small_office, backup_file=locked_backup) == 0

    assert not clerk.errors and clerk.titles() == ["打开备份文件"]
    assert "设有密码" in clerk.text_of("打开备份文件")
    refused, verified = seen
    assert refused["title"] == "检查备份" and "密码错误" in refused["status"] and not refused["can_restore"]
    assert verified["status"] == "备份完好：校验值、密码、数据库完整性和版本都已检查。"
    assert verified["summary"]["办公室："] == "锦塘街道人大工委" and verified["summary"]["密码保护："] == "有"
    assert verified["button"] == "用它恢复(&R)…" and verified["can_restore"]   # restoring is one click away
    assert clerk.seen["title"] == "东城街道人大工委" and clerk.seen["deputies"] == 0
    assert office_content(small_office) == before and not list(small_office.parent.glob("*恢复前*"))


def test_a_missing_backup_is_said_in_chinese_and_the_window_stays_usable(qtbot, monkeypatch, small_office, stick):
    clerk = Clerk(qtbot, monkeypatch, {})
    gone = stick / "已拔出 的U盘" / "锦塘 2026-11-01.gobak"

    assert gui.run_gui(small_office, backup_file=gone) == 0

    assert not clerk.errors and clerk.titles() == ["打开备份文件"]
    said = clerk.text_of("打开备份文件")
    assert "找不到备份文件“锦塘 2026-11-01.gobak”" in said and "U盘可能已被拔出" in said and str(gone) in said
    assert "当前数据没有任何改动" in said
    assert clerk.seen["title"] == "东城街道人大工委" and clerk.seen["usable"]


@pytest.mark.parametrize("name, content, said", [
    ("会议 纪要.txt", "12月1日 网格议事会纪要".encode(), "不是 gridoffice 的备份文件"),
    ("假的 备份.gobak", b"not a backup at all" * 10, "不是 gridoffice 的备份文件"),
    ("拷了一半.gobak", None, "备份文件不完整"),
], ids=["text file", "random bytes", "cut off"])
def test_a_file_that_is_no_backup_is_said_in_chinese_and_nothing_changes(
        qtbot, monkeypatch, small_office, demo_backup, tmp_path, name, content, said):
    clerk = Clerk(qtbot, monkeypatch, {})
    path = tmp_path / "U盘 文件" / name
    path.parent.mkdir()
    path.write_bytes(content if content is not None else demo_backup.read_bytes()[:-100])
    before = office_content(small_office)

    result = run_cli(str(path), env={"GRIDOFFICE_DB": str(small_office)})

    assert result.returncode == 0 and not clerk.errors and result.stderr == ""
    assert clerk.titles() == ["打开备份文件"] and said in clerk.text_of("打开备份文件")
    assert name in clerk.text_of("打开备份文件")
    assert clerk.seen["usable"] and office_content(small_office) == before


def test_a_backup_double_clicked_while_the_window_is_open_goes_to_that_window(
        qtbot, monkeypatch, small_office, demo_backup):
    clerk = Clerk(qtbot, monkeypatch, {"打开备份文件": "检查备份(&C)"})
    checked = []
    monkeypatch.setattr(RestoreDialog, "exec", _drive_restore(qtbot, restore=False, seen=checked))
    create_application()
    db = Database.open(small_office)
    window = MainWindow(db, FixedClock(NOW))
    qtbot.addWidget(window)
    window.show()
    receiver = BackupFileReceiver(window, small_office)
    # the second program, as the double-click starts it: it cannot have the database, the window can
    second = subprocess.Popen([sys.executable, "-m", "gridoffice", "--db", str(small_office), str(demo_backup)],
                              cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        qtbot.waitUntil(lambda: second.poll() is not None and bool(checked), timeout=60_000)
    finally:
        second.kill()
        output = second.communicate()[0].decode("utf-8", "replace")
        receiver.server.close()
        window.close()
        db.close()
    assert second.returncode == 0 and output == ""
    assert clerk.titles() == ["打开备份文件"] and "锦塘 2026-12-01.gobak" in clerk.text_of("打开备份文件")
    assert checked[0]["title"] == "检查备份" and checked[0]["summary"]["办公室："] == "锦塘街道人大工委"
    assert not clerk.errors


# --- a new PC: the first start offers to restore the backup ---------------------------------------
def _first_start(answer: str, seen: list):
    def exec_(dialog: FirstStartDialog) -> int:
        seen.append({"intro": dialog.ui.intro.text(), "offered": dialog.ui.restore_choice.isVisibleTo(dialog),
                     "chosen": dialog.choice()})
        if answer == "restore":
            dialog.ui.restore_choice.setChecked(True)
        elif answer == "empty":
            dialog.ui.empty_choice.setChecked(True)
            dialog.ui.office_name.setText("新桥街道人大工委")
        dialog.accept()
        return int(dialog.result())

    return exec_


def test_first_start_with_a_backup_offers_to_restore_it(qtbot, monkeypatch, tmp_path, demo_backup):
    clerk = Clerk(qtbot, monkeypatch, {"确认恢复": "恢复"})
    first = []
    monkeypatch.setattr(FirstStartDialog, "exec", _first_start("restore", first))
    monkeypatch.setattr(RestoreDialog, "exec", _drive_restore(qtbot))
    new_pc = tmp_path / "新 电脑" / "数据 文件夹" / "gridoffice.sqlite"

    result = run_cli(str(demo_backup), env={"GRIDOFFICE_DB": str(new_pc)})

    assert result.returncode == 0 and not clerk.errors
    assert len(first) == 1 and first[0]["offered"] and first[0]["chosen"] == FirstStartDialog.RESTORE   # by default
    assert str(demo_backup) in first[0]["intro"]
    assert clerk.titles() == ["确认恢复", "恢复完成"]
    assert clerk.seen["title"] == "锦塘街道人大工委" and clerk.seen["deputies"] == _deputies_in(demo_backup)
    assert office_content(new_pc)[0] == "锦塘街道人大工委"


def test_first_start_comes_back_when_the_restore_is_cancelled(qtbot, monkeypatch, tmp_path, demo_backup):
    clerk = Clerk(qtbot, monkeypatch, {})
    answers = iter(["restore", "empty"])
    first = []
    monkeypatch.setattr(FirstStartDialog, "exec", lambda dialog: _first_start(next(answers), first)(dialog))
    monkeypatch.setattr(RestoreDialog, "exec", lambda dialog: 0)   # the clerk closes it: 取消
    monkeypatch.setattr(MainWindow, "open_guide", lambda *_a, **_k: None)
    new_pc = tmp_path / "新 电脑" / "gridoffice.sqlite"

    assert gui.run_gui(new_pc, backup_file=demo_backup) == 0

    assert not clerk.errors and len(first) == 2 and first[1]["offered"]
    assert clerk.seen["title"] == "新桥街道人大工委" and clerk.seen["deputies"] == 0


def test_first_start_with_a_missing_backup_says_so_and_offers_the_usual_choices(qtbot, monkeypatch, tmp_path, stick):
    clerk = Clerk(qtbot, monkeypatch, {})
    first = []
    monkeypatch.setattr(FirstStartDialog, "exec", _first_start("empty", first))
    monkeypatch.setattr(MainWindow, "open_guide", lambda *_a, **_k: None)
    new_pc = tmp_path / "新 电脑" / "gridoffice.sqlite"

    assert gui.run_gui(new_pc, backup_file=stick / "没有 这个.gobak") == 0

    assert not clerk.errors and clerk.titles() == ["打开备份文件"]
    assert "找不到备份文件“没有 这个.gobak”" in clerk.text_of("打开备份文件")
    assert first[0]["offered"] is False and first[0]["chosen"] == FirstStartDialog.DEMO
    assert clerk.seen["title"] == "新桥街道人大工委"


# --- the icon -----------------------------------------------------------------------------------
def test_every_window_and_dialog_has_the_program_icon(qtbot):
    app = create_application()
    icon = app.windowIcon()
    assert not icon.isNull() and icon.availableSizes()
    assert not icon.pixmap(32, 32).isNull()
    box = QMessageBox()
    qtbot.addWidget(box)
    assert box.windowIcon().cacheKey() == icon.cacheKey()


# --- the command line: which arguments start the window with a file --------------------------------
@pytest.fixture
def started(monkeypatch) -> list[dict]:
    calls = []

    def run_gui(path, *, demo=False, named=True, backup_file=None):
        calls.append({"path": path, "demo": demo, "backup_file": backup_file})
        return 0

    monkeypatch.setattr(gui, "run_gui", run_gui)
    return calls


def test_the_command_line_starts_the_window_with_a_backup(started, tmp_path):
    backup = Path("D:/U盘 备份/锦塘 2026-12-01.GOBAK")   # need not exist: the window says so
    assert run_cli(backup).returncode == 0
    assert run_cli("--demo", backup).returncode == 0
    assert run_cli(backup, "--db", tmp_path / "办公.sqlite").returncode == 0
    assert [call["backup_file"] for call in started] == [backup] * 3
    assert [call["demo"] for call in started] == [False, True, False]
    assert started[2]["path"] == tmp_path / "办公.sqlite"


def test_the_command_line_gives_the_window_any_other_file_to_refuse(started, tmp_path, monkeypatch):
    notes = tmp_path / "会议 纪要.txt"
    assert run_cli(notes).returncode == 0
    monkeypatch.chdir(tmp_path)
    (tmp_path / "纪要").write_text("纪要")   # no dot, no folder: a file because it exists
    assert run_cli("纪要").returncode == 0
    assert [call["backup_file"] for call in started] == [notes, Path("纪要")]


def test_the_command_line_still_runs_commands_and_plain_starts(started, tmp_path, demo_backup):
    assert run_cli().returncode == 0 and run_cli("--demo").returncode == 0
    assert [(call["demo"], call["backup_file"]) for call in started] == [(False, None), (True, None)]
    verified = run_cli("verify", demo_backup)
    assert verified.returncode == 0 and "锦塘街道人大工委" in verified.stdout
    typo = run_cli("selftst")
    assert typo.returncode == 2 and "无效的选项：'selftst'" in typo.stderr
    assert run_cli("--version").returncode == 0
    assert len(started) == 2
