"""A damaged, read-only or full database in the window: the banner, editing disabled with the reason,
工具 → 检查数据库, the ways out (restore the newest good backup, save what can be read), and the
Chinese message of a full disk. Dialogs are driven or patched, never left waiting."""
import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMenu, QMessageBox

import gridoffice.views.backup.restore_dialog as restore_module
from gridoffice.clock import FixedClock
from gridoffice.db import Database, ReadOnlyDatabaseError, storage
from gridoffice.domain import Station
from gridoffice.gui import create_application, report_unexpected_error
from gridoffice.services.backup.auto import make_auto_backup, record_usb_backup
from gridoffice.services.backup.create import create_backup
from gridoffice.services.office.setup import read_office_settings
from gridoffice.views.backup.db_check import DatabaseCheckDialog
from gridoffice.views.backup.known_backups import ChooseBackupDialog
from gridoffice.views.backup.restore_dialog import RestoreDialog
from gridoffice.views.backup.salvage_dialog import SalvageDialog
from gridoffice.views.office.settings import OfficeSettingsDialog
from gridoffice.views.roster.deputy_form import DeputyFormDialog
from gridoffice.views.shell.main_window import MainWindow
from gridoffice.widgets.read_only import edits

from tests.backup_support import add_dangling_reference
from tests.storage_support import flip_bytes_in_page, make_read_only, tiny_filesystem

pytestmark = pytest.mark.sqlite_only   # damaged pages, read-only media and full disks of the SQLite file

NOW = dt.datetime(2026, 11, 20, 15, 0)
ENGLISH = ("database", "disk image", "malformed", "Error", "FOREIGN KEY", "Traceback", "readonly", "sqlite")


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path: Path, monkeypatch):
    """Automatic backups and previews in a data folder of this test's own."""
    monkeypatch.setenv("GRIDOFFICE_DATA_DIR", str(tmp_path / "数据 文件夹"))


@pytest.fixture
def office(demo_template, tmp_path) -> Path:
    path = tmp_path / "办公 数据" / "锦塘 台账.sqlite"
    path.parent.mkdir()
    shutil.copyfile(demo_template, path)
    return path


def damage(path: Path, table: str) -> None:
    """Flip bytes in one of the table's pages in the middle: a bad sector under its rows."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = [page for (page,) in connection.execute(
        "SELECT pageno FROM dbstat WHERE name=? AND pagetype='leaf' ORDER BY pageno", (table,))]
    connection.close()
    flip_bytes_in_page(path, pages[len(pages) // 2])


def _count(path: Path, table: str) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def open_window(qtbot):
    """open_window(path) → the main window on that database (closed after the test)."""
    create_application()
    opened = []

    def open_(path: Path) -> MainWindow:
        db = Database.open(path)
        window = MainWindow(db, FixedClock(NOW))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, db))
        return window

    yield open_
    for window, db in opened:
        window.close()
        window.db.close()
        db.close()


def _no_english(text: str) -> None:
    for word in ENGLISH:
        assert word not in text, text


def _button(widget, text: str):
    from PySide6.QtWidgets import QAbstractButton

    found = [b for b in widget.findChildren(QAbstractButton) if b.text() == text]
    assert found, f"no button {text}"
    return found[0]


def _action(window, text: str):
    from PySide6.QtGui import QAction

    found = [a for a in window.findChildren(QAction) if a.text() == text]
    assert found, f"no action {text}"
    return found[0]


def restore_through_the_dialogs(monkeypatch, qtbot, looked_at=lambda dialog: None) -> None:
    """The clerk's part of a restore from the known backups, done at once: the chooser restores the
    backup it selected once every backup is checked (`looked_at` sees it first), the restore dialog
    checks it and restores."""
    def choose(dialog):
        qtbot.waitUntil(lambda: len(dialog.checks) == len(dialog.backups), timeout=30_000)
        looked_at(dialog)
        dialog.restore_chosen()
        return dialog.result()

    def check_and_restore(dialog):
        dialog.start_check()
        qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
        dialog.start_restore()
        qtbot.waitUntil(lambda: dialog.restore_result is not None, timeout=20_000)
        return 1

    monkeypatch.setattr(ChooseBackupDialog, "exec", choose)
    monkeypatch.setattr(RestoreDialog, "exec", check_and_restore)


def _says_read_only(thing) -> bool:
    return "只读" in thing.toolTip() and "损坏" in thing.toolTip()


# --- a damaged file ----------------------------------------------------------------------------------
def test_a_damaged_page_opens_with_the_red_banner_and_editing_disabled(office, open_window, qtbot, monkeypatch):
    damage(office, "household")   # a list read whole (the long lists read only what is seen)
    window = open_window(office)
    assert not window.db.writable and window.db.damaged
    banner = window.storage.banner
    assert banner.isVisible() and banner.title.text() == "数据库已损坏，现在只读"
    assert "数据库文件已损坏" in banner.text.text() and "从备份恢复" in banner.text.text()
    _no_english(banner.text.text())
    assert banner.restore_button.isVisible() and banner.restore_button.isEnabled()
    assert banner.salvage_button.isVisible() and banner.salvage_button.isEnabled()
    assert window.storage.read_only_label.isVisible() and window.storage.read_only_label.text() == "只读"
    assert not window.backup_controller.label.isVisible()   # no offer to back up what cannot be backed up

    roster, opinions = window.pages[0], window.show_tab("OpinionsTab")
    for button in (roster.new_button, roster.retire_button, _button(opinions, "登记意见")):
        assert not button.isEnabled() and _says_read_only(button), button.text()
    roster.retire_button.setEnabled(True)   # what a selection would do: kept disabled while read-only
    assert not roster.retire_button.isEnabled()
    a = window.actions
    window.tabs.setCurrentIndex(0)          # the tab change enables 新建 for a tab with a form: not now
    assert not a.new_record.isEnabled() and not a.office_settings.isEnabled() and not a.guide.isEnabled()
    for text in ("导入代表名册…", "意见分类…", "从所选活动登记群众意见…"):
        assert not _action(window, text).isEnabled(), text
    for text in ("导出代表名册…", "代表名册（按当前筛选）…", "保存导入模板…", "导出民情意见到 Excel…"):
        assert _action(window, text).isEnabled(), text
    assert a.print_list.isEnabled() and a.find.isEnabled() and a.check_database.isEnabled()
    assert window.backup_controller.restore_action.isEnabled()

    # the tab whose rows sit on the damaged page says so, instead of "empty" (or stopping the window)
    households = window.show_tab("HouseholdsTab")
    assert "重点户" in window.storage.unreadable_tabs
    assert households.empty_state.isVisibleTo(households)
    assert households.empty_state.title.text() == "这一页的数据无法读出"

    # the row menu: editing greyed, printing not
    shown = {}

    class LookingMenu(QMenu):   # told it shows and looked at, never left waiting for a click
        def exec(self, *_args):
            QApplication.sendEvent(self, QShowEvent())
            shown.update({action.text(): action.isEnabled() for action in self.actions() if action.text()})

    monkeypatch.setattr("gridoffice.views.roster.tab.QMenu", LookingMenu)
    window.tabs.setCurrentIndex(0)
    roster.table.selectRow(0)
    roster._show_row_menu(roster.table.visualRect(roster.proxy.index(0, 0)).center())
    assert shown["编辑…"] is False and shown["删除（仅限录入错误）…"] is False and shown["离任…"] is False
    assert shown["打印所选代表的公示牌…"] is True

    # a record still opens for reading; its 保存 is disabled and says why
    def look_at_form(dialog):
        dialog.show()
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        shown["保存"] = (save.isEnabled(), save.toolTip())
        dialog.ui.name.setText("改过的名字")
        shown["asks"] = dialog.has_unsaved_changes()   # nothing can be saved: closing asks nothing
        dialog.save_by_key()                           # Ctrl+S saves nothing either
        dialog.hide()
        return 0

    monkeypatch.setattr(DeputyFormDialog, "exec", look_at_form)
    roster.edit_deputy(roster.current_row().id)
    enabled, tip = shown["保存"]
    assert not enabled and "只读" in tip and shown["asks"] is False

    # Delete on a row: nothing asked, nothing deleted, the status bar says why
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a))
    qtbot.keyClick(roster.table, Qt.Key.Key_Delete)
    assert not asked and "只读" in window.statusBar().currentMessage()

    with pytest.raises(ReadOnlyDatabaseError), window.db.session() as session:   # and the database refuses
        session.add(Station(name="不该写入的站"))


@pytest.mark.parametrize("damaged", [False, True])
def test_the_start_up_reminder_of_due_opinions_is_not_shown_over_the_banner(office, qtbot, damaged):
    """A sound office starts with its list of due opinions; a damaged one with the banner alone."""
    from gridoffice.views.opinions.due_reminder import DueReminderDialog

    if damaged:
        damage(office, "household")
    create_application()
    window = MainWindow()
    window.full_check_delay_ms = None
    qtbot.addWidget(window)
    window.show()
    db = Database.open(office)
    try:
        window.start(db, FixedClock(NOW))
        reminders = [dialog for dialog in window.findChildren(DueReminderDialog) if dialog.isVisible()]
        assert len(reminders) == (0 if damaged else 1)
        assert window.storage.banner.isVisible() == damaged
    finally:
        window.close()
        db.close()


def test_check_database_reports_a_dangling_reference_and_makes_the_window_read_only(office, open_window, qtbot,
                                                                                     monkeypatch):
    add_dangling_reference(office)
    window = open_window(office)
    assert window.db.writable and not window.storage.banner.isVisible()   # the quick check sees sound pages
    assert window.pages[0].new_button.isEnabled() and window.actions.new_record.isEnabled()
    dialogs = []

    def run(dialog):
        dialogs.append(dialog)
        qtbot.waitUntil(lambda: dialog.health is not None, timeout=20_000)
        return 0

    monkeypatch.setattr(DatabaseCheckDialog, "exec", run)
    assert window.actions.check_database.text() in [a.text() for a in window.menus["工具"].actions()]
    window.actions.check_database.trigger()
    said = dialogs[0].status.text()
    assert "有 1 条记录引用了不存在的记录" in said and "只读" in said and "从备份恢复" in said
    _no_english(said)
    assert not window.db.writable and window.storage.banner.isVisible()
    assert "引用了不存在的记录" in window.storage.banner.text.text()
    assert not window.pages[0].new_button.isEnabled() and not window.actions.new_record.isEnabled()
    with pytest.raises(ReadOnlyDatabaseError), window.db.session() as session:
        session.add(Station(name="不该写入的站"))


def test_a_sound_database_checks_sound(office, open_window, qtbot, monkeypatch):
    window = open_window(office)
    dialogs = []
    monkeypatch.setattr(DatabaseCheckDialog, "exec",
                        lambda dialog: dialogs.append(dialog) or qtbot.waitUntil(lambda: dialog.health is not None,
                                                                                 timeout=20_000))
    window.storage.show_check_dialog()
    assert dialogs[0].status.text().startswith("数据库完好")
    assert window.db.writable and not window.storage.banner.isVisible()


def test_the_background_check_after_start_up_finds_damage(office, qtbot, monkeypatch):
    """Start-up as the program does it: the window first, the check a moment later, in the background."""
    add_dangling_reference(office)
    monkeypatch.setattr(MainWindow, "full_check_delay_ms", 0)
    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    db = Database.open(office)
    try:
        window.start(db, FixedClock(NOW))
        assert db.writable   # start-up did not wait for the check
        qtbot.waitUntil(lambda: window.storage.banner.isVisible(), timeout=20_000)
        assert not db.writable and window.storage.last_health.dangling == 1
        assert not window.actions.new_record.isEnabled()
    finally:
        window.close()
        db.close()


def test_no_background_check_unless_asked(office, open_window):
    window = open_window(office)   # a test's window (not start-up): the check runs only when a test asks
    assert window.storage.worker is None and not window.storage._timer.isActive()


# --- the ways out ---------------------------------------------------------------------------------------
def test_restore_from_the_banner_lists_the_backups_and_restores_the_newest_good_one(office, open_window, qtbot,
                                                                                    tmp_path, monkeypatch):
    older, _removed = make_auto_backup(office, NOW - dt.timedelta(days=3))
    newest, _removed = make_auto_backup(office, NOW - dt.timedelta(hours=2))
    broken = newest.path.with_name("自动备份-20261120-140000.gobak")   # newer still, but damaged
    data = bytearray(newest.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    broken.write_bytes(bytes(data))
    stick = tmp_path / "U盘"
    stick.mkdir()
    usb = create_backup(office, stick, now=NOW - dt.timedelta(days=1))
    with Database.open(office) as db:
        record_usb_backup(db, usb, NOW - dt.timedelta(days=1))
    damage(office, "opinion")
    window = open_window(office)
    chooser = []
    restore_through_the_dialogs(monkeypatch, qtbot, chooser.append)
    monkeypatch.setattr(restore_module, "ask", lambda *a: True)
    monkeypatch.setattr("gridoffice.views.backup.controller.inform", lambda *a: None)
    monkeypatch.setattr("gridoffice.services.backup.recover.removable_drives", lambda: [])
    window.storage.banner.restore_button.click()

    dialog = chooser[0]
    rows = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text(), dialog.table.item(r, 3).text())
            for r in range(dialog.table.rowCount())]
    assert [row[1] for row in rows] == ["本机自动备份", "本机自动备份", "U盘备份", "本机自动备份"]
    assert rows[0][0] == "2026-11-20 14:00" and "已损坏" in rows[0][2]
    assert rows[1][0] == "2026-11-20 13:00" and rows[1][2] == "完好，可以用于恢复"
    assert dialog.chosen == newest.path          # the newest good one
    assert not window.db.damaged and window.db.writable   # restored: sound again
    assert not window.storage.banner.isVisible() and not window.storage.read_only_label.isVisible()
    assert window.pages[0].new_button.isEnabled() and window.actions.new_record.isEnabled()
    assert window.show_tab("OpinionsTab").model.rowCount() > 0
    assert list(office.parent.glob("*.恢复前-*.sqlite"))   # the damaged file kept aside


def test_save_what_can_be_read_and_use_the_new_file(office, open_window, qtbot, tmp_path, monkeypatch):
    before, opinions = _count(office, "opinion_history"), _count(office, "opinion")
    damage(office, "opinion_history")
    window = open_window(office)
    target = tmp_path / "另存 的" / "读出的数据.sqlite"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    reports = []

    def salvage_and_replace(dialog):
        assert dialog.target.parent == office.parent and "读出的数据" in dialog.target.name   # beside it by default
        dialog.choose_target()
        assert dialog.target == target
        dialog.start()
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
        qtbot.waitUntil(lambda: dialog._worker is None, timeout=10_000)
        reports.append((dialog.status.text(), dialog.report.text()))
        assert not dialog.replace_button.isHidden() and dialog.replace_button.isEnabled()
        dialog.replace_damaged()
        qtbot.waitUntil(lambda: dialog.replacement is not None, timeout=30_000)
        return 1

    def check_and_restore(dialog):
        dialog.start_check()
        qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
        dialog.start_restore()
        qtbot.waitUntil(lambda: dialog.restore_result is not None, timeout=20_000)
        return 1

    monkeypatch.setattr(SalvageDialog, "exec", salvage_and_replace)
    monkeypatch.setattr(RestoreDialog, "exec", check_and_restore)
    monkeypatch.setattr(restore_module, "ask", lambda *a: True)
    monkeypatch.setattr("gridoffice.views.backup.controller.inform", lambda *a: None)
    window.storage.banner.salvage_button.click()

    status, report = reports[0]
    assert status == "新文件完好，但有一部分记录没能读出（见下面的说明）。"
    assert str(target) in report and "意见办理记录中有损坏的部分" in report and "新文件已检查（完整性和关联）：完好" in report
    _no_english(report.replace(str(target), ""))
    saved = _count(target, "opinion_history")
    assert 0 < before - saved < 40            # only the rows of the damaged page are missing
    assert _count(target, "opinion") == opinions   # the tables around it entirely
    # the new file replaced the damaged one through a verified backup and the restore dialog
    assert window.db.writable and not window.db.damaged and not window.storage.banner.isVisible()
    assert _count(window.db.path, "opinion_history") == saved
    assert list(target.parent.glob("*.gobak"))


# --- a read-only place ----------------------------------------------------------------------------------
def _check_editing_off_and_viewing_on(window, monkeypatch, tmp_path):
    banner = window.storage.banner
    assert banner.isVisible() and banner.title.text() == "只读" and "只读位置" in banner.text.text()
    assert not banner.restore_button.isVisible() and not banner.salvage_button.isVisible()
    assert window.storage.read_only_label.isVisible()
    roster = window.pages[0]
    assert not roster.new_button.isEnabled() and "只读位置" in roster.new_button.toolTip()
    assert not window.actions.new_record.isEnabled() and not _action(window, "导入代表名册…").isEnabled()
    # printing works: the list as a PDF (in the data folder), previewed
    previews = []
    monkeypatch.setattr("gridoffice.widgets.pdf_preview.PdfPreviewDialog.exec", lambda dialog: previews.append(dialog))
    assert window.actions.print_list.isEnabled()
    window.tabs.setCurrentIndex(0)
    window.actions.print_list.trigger()
    assert previews and previews[0].pdf_path.stat().st_size > 1000
    # exporting works, to a writable place
    target = tmp_path / "导出" / "代表名册.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr("gridoffice.views.roster.export_options.ExportDialog.exec", lambda dialog: 1)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    _action(window, "导出代表名册…").trigger()
    assert target.stat().st_size > 1000
    # backing up elsewhere works, and is not recorded in the read-only database
    assert window.backup_controller.backup_action.isEnabled()
    backup = create_backup(window.db.path, target.parent, now=NOW)
    assert backup.path.exists()


def test_a_read_only_file_opens_read_only_with_editing_off_and_printing_on(office, open_window, monkeypatch,
                                                                            tmp_path):
    """A file the clerk may not write (the tests run as root, who may write anything: as the clerk sees it)."""
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if mode == os.W_OK and Path(path) == office
                        else real_access(path, mode, **kw))
    window = open_window(office)
    assert not window.db.writable and not window.db.damaged
    _check_editing_off_and_viewing_on(window, monkeypatch, tmp_path)


def test_a_write_protected_stick_opens_read_only_and_checks_sound(demo_template, open_window, qtbot, monkeypatch,
                                                                  tmp_path):
    with tiny_filesystem(tmp_path / "U盘", 12_288) as folder:
        path = folder / "台账.sqlite"
        shutil.copyfile(demo_template, path)
        make_read_only(folder)
        window = open_window(path)
        assert not window.db.writable and window.db.on_read_only_medium
        _check_editing_off_and_viewing_on(window, monkeypatch, tmp_path)
        dialogs = []
        monkeypatch.setattr(DatabaseCheckDialog, "exec",
                            lambda dialog: dialogs.append(dialog) or qtbot.waitUntil(lambda: dialog.health is not None,
                                                                                     timeout=20_000))
        window.storage.show_check_dialog()
        assert dialogs[0].status.text().startswith("数据库完好")   # not "damaged": it only cannot be written
        assert window.storage.banner.title.text() == "只读"
        window.close()
        window.db.close()


# --- a full disk ---------------------------------------------------------------------------------------
def test_a_full_disk_during_a_save_says_so_in_chinese_and_keeps_the_form(tmp_path, open_window, qtbot, monkeypatch):
    from tests.backup_support import make_office

    with tiny_filesystem(tmp_path / "小盘", 3072) as folder:
        path = make_office(folder / "台账.sqlite", "锦塘街道人大工委", stations=2)
        window = open_window(path)
        qtbot.wait(50)   # the lists' totals lines, counted just after the window shows
        filler = folder / "占满.bin"
        with filler.open("wb", buffering=0) as handle:   # the disk fills up while the clerk works
            for size in (65536, 4096, 1):
                try:
                    while True:
                        handle.write(b"\0" * size)
                except OSError:
                    continue
        dialog = OfficeSettingsDialog(window.db, window)
        dialog.show()
        dialog.ui.office_name.setText("改了名字的街道人大工委")
        with qtbot.capture_exceptions() as caught:
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        filler.unlink()
        assert caught and isinstance(caught[0][1], storage.StorageError)
        shown = []
        monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text)))
        report_unexpected_error(*caught[0])
        title, text = shown[0]
        assert title == "读写数据时出错" and text.startswith(storage.DISK_FULL)
        assert "刚才的修改没有保存" in text
        _no_english(text.split("详细情况")[0])
        assert dialog.isVisible() and dialog.ui.office_name.text() == "改了名字的街道人大工委"   # the typing is kept
        dialog.mark_saved()   # closing asks nothing
        dialog.close()
        assert read_office_settings(window.db).office_name == "锦塘街道人大工委"
        window.close()
        window.db.close()


# --- what the error report says ------------------------------------------------------------------------
def test_a_damaged_page_met_while_working_is_said_in_chinese_and_checked(office, open_window, qtbot, monkeypatch):
    window = open_window(office)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text)))
    checks = []
    monkeypatch.setattr(window.storage, "start_check", lambda: checks.append(True))
    error = sqlite3.DatabaseError("database disk image is malformed")
    report_unexpected_error(type(error), error, None)
    assert shown[-1][0] == "读写数据时出错" and shown[-1][1].startswith(storage.DAMAGED)
    assert checks   # the full check runs: its banner follows
    odd = sqlite3.OperationalError("no such column: foo")   # nothing translates it: still no English
    report_unexpected_error(type(odd), odd, None)
    assert shown[-1][1].startswith("读写数据库时出错，刚才的操作没有完成") and "foo" not in shown[-1][1]
    refused = ReadOnlyDatabaseError("数据库位于只读位置……不能修改。")
    report_unexpected_error(type(refused), refused, None)
    assert shown[-1] == ("数据库是只读的", "数据库位于只读位置……不能修改。刚才的修改没有保存。")


@pytest.mark.parametrize("text, in_dialog, form, expected", [
    ("新增代表", False, False, True), ("删除（仅限录入错误）…", False, False, True),
    ("从 Excel 导入…", False, False, True), ("加减分(&J)…", False, False, True), ("完成", False, False, True),
    ("在这一天新增接待日…", False, False, True), ("记为完成（记入走访记录）", False, False, True),
    ("打印公告…", False, False, False), ("导出代表名册…", False, False, False), ("保存导入模板…", False, False, False),
    ("保存为 Word 文档…", False, False, False), ("重点户台账", False, False, False), ("检查数据库(&C)…", False, False, False),
    ("从备份恢复(&R)…", False, False, False), ("备份到U盘(&B)…", False, False, False),
    ("保存", True, True, True), ("登记", True, True, True), ("确认离任", True, True, True), ("确定", True, True, True),
    ("确定", True, False, False), ("取消", True, True, False), ("关闭", True, False, False), ("生成预览", True, False, False),
    ("选择保存位置…", True, False, False),
])
def test_which_words_edit(text, in_dialog, form, expected):
    assert edits(text, in_dialog=in_dialog, form=form) is expected


# --- a file that cannot be opened at all ------------------------------------------------------------
def test_a_file_that_cannot_be_opened_at_all_offers_the_backups(office, qtbot, monkeypatch):
    from gridoffice import gui

    backup, _removed = make_auto_backup(office, NOW - dt.timedelta(hours=1))
    connection = sqlite3.connect(office)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    flip_bytes_in_page(office, 1, count=300)   # the schema itself: nothing can be read, no window can show it
    damaged = office.read_bytes()
    offered = []
    monkeypatch.setattr("gridoffice.views.backup.unreadable.ask",
                        lambda _parent, title, text, yes, no: offered.append((title, text, yes)) or False)
    monkeypatch.setattr("gridoffice.services.backup.recover.removable_drives", lambda: [])
    create_application()
    assert gui.open_or_explain(office) is None                 # the clerk chose 退出: nothing was touched
    title, text, yes = offered[0]
    assert title == "无法打开数据库" and "已严重损坏" in text and "没有做任何改动" in text and yes == "从备份恢复…"
    _no_english(text.replace(office.name, ""))
    assert office.read_bytes() == damaged

    monkeypatch.setattr("gridoffice.views.backup.unreadable.ask", lambda *a: True)
    monkeypatch.setattr(restore_module, "ask", lambda *a: True)

    def the_newest_is_chosen(dialog):
        assert dialog.chosen_row() == 0 and dialog.backups[0].path == backup.path

    restore_through_the_dialogs(monkeypatch, qtbot, the_newest_is_chosen)
    db = gui.open_or_explain(office)
    try:
        assert db is not None and db.writable and not db.damaged
        assert read_office_settings(db).office_name
    finally:
        db.close()
    assert [path.read_bytes() for path in office.parent.glob("*.恢复前-*.sqlite")] == [damaged]   # kept aside


@pytest.mark.parametrize("error, said", [
    (OSError(28, "No space left on device"), "磁盘（或U盘）已满"),
    (OSError(5, "Input/output error"), "U盘可能已被拔出"),
    (OSError(30, "Read-only file system"), "这个位置是只读的"),
])
def test_an_export_that_the_disk_refuses_is_said_in_chinese(qtbot, tmp_path, monkeypatch, error, said):
    from PySide6.QtWidgets import QWidget

    from gridoffice.widgets.exports import export_to_workbook

    create_application()
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "导出.xlsx"), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append(text))

    def write(_path):
        raise error

    assert export_to_workbook(parent, "导出", "导出.xlsx", "条", write) is None
    assert said in shown[0] and "Excel 或 WPS" not in shown[0]
    _no_english(shown[0])
    for word in ("No space", "Input/output", "Read-only"):
        assert word not in shown[0]


def test_the_file_menu_restore_still_asks_for_a_file(office, open_window, monkeypatch):
    window = open_window(office)
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a) or ("", ""))
    window.backup_controller.restore_action.trigger()   # its "checked" flag is no backup path
    assert asked and window.db.writable
