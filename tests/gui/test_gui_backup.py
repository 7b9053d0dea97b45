"""Backup and restore in the window: menus, the status-bar label, the dialogs, reloading after a restore."""
import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

import gridoffice.views.backup.controller as controller_module
import gridoffice.views.backup.restore_dialog as restore_module
import gridoffice.views.backup.usb_dialog as usb_module
from gridoffice.clock import FixedClock
from gridoffice.db import Database
from gridoffice.domain import Station
from gridoffice.gui import create_application
from gridoffice.services.backup.auto import auto_backup_folder, read_state, record_usb_backup
from gridoffice.services.backup.create import create_backup
from gridoffice.services.backup.verify import verify_backup
from gridoffice.services.demo.build import build_demo
from gridoffice.services.backup.drives import Drive
from gridoffice.views.backup.restore_dialog import RestoreDialog
from gridoffice.views.backup.usb_dialog import BackupDialog
from gridoffice.views.shell.main_window import MainWindow

from tests.backup_support import make_office

pytestmark = pytest.mark.sqlite_only   # file backups, restores and storage faults of the SQLite file

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 15, 0)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("演示") / "演示 办公室.sqlite"
    with Database.open(path) as db:
        build_demo(db, today=TODAY)
    path.with_name(path.name + ".lock").unlink()
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path) -> Path:
    path = tmp_path / "办公 数据" / demo_template.name
    path.parent.mkdir()
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def usb_drives(tmp_path, monkeypatch) -> list[Drive]:
    """Two sticks: one with room, one too small for the backup."""
    roomy, small = tmp_path / "KINGSTON", tmp_path / "小U盘"
    roomy.mkdir()
    small.mkdir()
    drives = [Drive(roomy, "KINGSTON (E:)", 12_000_000_000, 16_000_000_000), Drive(small, "小U盘 (F:)", 1000, 2000)]
    monkeypatch.setattr(usb_module, "removable_drives", lambda: drives)
    monkeypatch.setattr(controller_module, "removable_drives", lambda: drives)
    return drives


@pytest.fixture
def window(qtbot, demo_path):
    create_application()
    db = Database.open(demo_path)
    main = MainWindow(db, FixedClock(NOW))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    main.db.close()
    db.close()


def _menu_texts(window, title: str) -> list[str]:
    return [action.text() for action in window.menus[title].actions()]


def test_file_menu_offers_backup_and_restore_before_quit(window):
    texts = _menu_texts(window, "文件")
    assert texts.index("备份到U盘(&B)…") < texts.index("从备份恢复(&R)…") < texts.index("退出(&Q)")


def test_status_bar_says_when_the_last_usb_backup_was_made(window, tmp_path):
    label = window.backup_controller.label
    assert "还没有备份过" in label.text() and "做第一次备份" in label.text() and "很久" not in label.text()
    window.backup_controller.remind_if_overdue()   # a new office is not told it went long without one
    assert "很久" not in window.statusBar().currentMessage()
    result = create_backup(window.db.path, tmp_path, now=NOW)
    record_usb_backup(window.db, result, NOW - dt.timedelta(hours=2))
    window.backup_controller.refresh_label()
    assert label.text() == "上次U盘备份：今天 13:00"
    assert str(result.path) in label.toolTip()
    window.clock.set(NOW + dt.timedelta(days=3))
    window.backup_controller.refresh_label()
    assert label.text() == "上次U盘备份：11月20日 13:00"


def test_after_7_days_with_changes_the_label_reminds(window, tmp_path):
    result = create_backup(window.db.path, tmp_path, now=NOW)
    record_usb_backup(window.db, result, NOW)
    with window.db.session() as session:
        session.add(Station(name="新设联络站"))
    controller = window.backup_controller
    window.clock.set(NOW + dt.timedelta(days=6))
    controller.refresh_label()
    assert "立即备份" not in controller.label.text()
    window.clock.set(NOW + dt.timedelta(days=8))
    controller.refresh_label()
    assert "已 8 天没有备份到U盘" in controller.label.text() and "立即备份" in controller.label.text()
    controller.remind_if_overdue()
    assert "很久没有备份到U盘" in window.statusBar().currentMessage()


def test_backup_dialog_lists_removable_drives_first_with_free_space(qtbot, window, usb_drives):
    dialog = BackupDialog(window.db.path, window.clock, window, last_folder="")
    qtbot.addWidget(dialog)
    texts = [dialog.ui.targets.item(row).text() for row in range(dialog.ui.targets.count())]
    assert texts[0].startswith("KINGSTON (E:)") and "可用 12.0 GB" in texts[0]
    assert texts[1].startswith("小U盘 (F:)") and "空间不足" in texts[1]
    assert texts[-1] == "其他文件夹…"
    assert not dialog.ui.targets.item(1).flags() & Qt.ItemFlag.ItemIsEnabled
    assert dialog.ui.targets.currentRow() == 0


def test_backup_dialog_without_sticks_says_so(qtbot, window, monkeypatch):
    monkeypatch.setattr(usb_module, "removable_drives", lambda: [])
    dialog = BackupDialog(window.db.path, window.clock, window)
    qtbot.addWidget(dialog)
    assert "没有找到U盘" in dialog.ui.targets.item(0).text()
    assert dialog.ui.targets.currentItem().text() == "其他文件夹…"


def test_backup_runs_in_a_worker_and_reports_a_verified_file(qtbot, window, usb_drives):
    dialog = BackupDialog(window.db.path, window.clock, window)
    qtbot.addWidget(dialog)
    steps = []
    dialog.ui.use_password.setChecked(True)
    dialog.ui.password.setText("secret-2026")
    dialog.ui.password_again.setText("secret-2026")
    dialog.start()
    assert dialog.running and not dialog.start_button.isEnabled() and not dialog.close_button.isEnabled()
    dialog._worker.progressed.connect(lambda what, done, total: steps.append(what))
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert dialog.result is not None
    assert dialog.result.path.parent == usb_drives[0].path
    assert dialog.result.path.name.endswith("-20261120-1500.gobak")   # named by the window's clock
    assert "读回校验无误" in dialog.ui.status.text() and dialog.ui.progress.value() == 1000
    assert verify_backup(dialog.result.path, "secret-2026").manifest.encrypted
    assert dialog.close_button.text() == "完成"


def test_passwords_that_differ_are_refused_before_anything_runs(qtbot, window, usb_drives):
    dialog = BackupDialog(window.db.path, window.clock, window)
    qtbot.addWidget(dialog)
    dialog.ui.use_password.setChecked(True)
    dialog.ui.password.setText("secret-2026")
    dialog.ui.password_again.setText("secret-2025")
    dialog.start()
    assert not dialog.running and "两次输入的密码不一样" in dialog.ui.status.text()
    dialog.ui.password_again.setText("secret-2026")
    dialog.ui.password.setText("abc")
    dialog.ui.password_again.setText("abc")
    dialog.start()
    assert not dialog.running and "至少" in dialog.ui.status.text()
    assert list(usb_drives[0].path.iterdir()) == []


def test_a_failed_backup_is_said_in_chinese(qtbot, window, usb_drives, monkeypatch):
    import gridoffice.services.backup.create as backup_module

    monkeypatch.setattr(backup_module.shutil, "disk_usage", lambda _p: shutil._ntuple_diskusage(10, 0, 10))
    dialog = BackupDialog(window.db.path, window.clock, window)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert dialog.result is None and "剩余空间不够" in dialog.ui.status.text()
    assert dialog.close_button.isEnabled() and dialog.start_button.isEnabled()


def test_menu_backup_records_the_time_and_updates_the_label(qtbot, window, usb_drives, monkeypatch):
    def run_and_wait(dialog):
        dialog.start()
        qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
        return 1

    monkeypatch.setattr(BackupDialog, "exec", run_and_wait)
    assert window.backup_controller.back_up_to_usb()
    state = read_state(window.db)
    assert state.usb_last_at is not None and Path(state.usb_last_path).parent == usb_drives[0].path
    assert window.backup_controller.label.text().startswith("上次U盘备份：")


@pytest.fixture
def other_office_backup(tmp_path) -> Path:
    source = make_office(tmp_path / "别处" / "新办公室.sqlite", "城南街道人大工委", stations=3,
                         photos={"照片/新.jpg": b"photo" * 100})
    return create_backup(source, tmp_path / "别处", now=NOW, password="恢复密码123").path


def test_restore_from_the_menu_swaps_the_data_and_reloads_the_window(qtbot, window, other_office_backup,
                                                                      monkeypatch):
    old_db = window.db
    old_path = window.db.path
    roster = window.pages[0]
    assert roster.proxy.rowCount() > 0
    old_photo = window.db.attachments_dir / "照片" / "旧.jpg"
    old_photo.parent.mkdir(parents=True)
    old_photo.write_bytes(b"old")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other_office_backup), ""))
    monkeypatch.setattr(restore_module, "ask", lambda *a: True)
    shown = []
    monkeypatch.setattr(controller_module, "inform", lambda _parent, title, text: shown.append(text))

    def check_and_restore(dialog):
        assert dialog.ui.password_row.isVisibleTo(dialog)
        dialog.ui.password.setText("恢复密码123")
        dialog.start_check()
        qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=10_000)
        assert "城南街道人大工委" in [dialog.ui.summary_form.itemAt(r, dialog.ui.summary_form.ItemRole.FieldRole)
                                   .widget().text() for r in range(dialog.ui.summary_form.rowCount())]
        dialog.start_restore()
        qtbot.waitUntil(lambda: dialog.restore_result is not None, timeout=10_000)
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", check_and_restore)
    window.backup_controller.restore_from_backup()
    assert window.db is not old_db and window.db.path == old_path
    assert all(tab.db is window.db for tab in window.pages)
    assert "城南街道人大工委" in window.windowTitle()
    assert roster.proxy.rowCount() == 0          # the restored office has no deputies yet
    assert (window.db.attachments_dir / "照片" / "新.jpg").read_bytes() == b"photo" * 100
    assert not old_photo.exists()
    assert shown and "恢复前的数据库已另存为" in shown[0] and "附件文件夹已改名为" in shown[0]
    assert list(old_path.parent.glob("*.恢复前-20261120-150000.sqlite"))   # stamped by the window's clock
    assert [p.read_bytes() for p in old_path.parent.glob("*-附件.恢复前-*/照片/旧.jpg")] == [b"old"]


def test_restore_dialog_refuses_a_bad_file_and_keeps_the_data(qtbot, window, tmp_path):
    bad = tmp_path / "坏的.gobak"
    bad.write_bytes(b"not a backup at all" * 10)
    released = []
    dialog = RestoreDialog(bad, window.db.path, window.clock, lambda: released.append(True), window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "不是 gridoffice 备份文件" in dialog.ui.status.text()
    assert not dialog.restore_button.isEnabled() and not released


def test_restore_dialog_says_a_wrong_password(qtbot, window, other_office_backup):
    dialog = RestoreDialog(other_office_backup, window.db.path, window.clock, lambda: None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.password.setText("别的密码")
    dialog.start_check()
    qtbot.waitUntil(lambda: dialog._worker is None, timeout=10_000)
    assert "密码错误" in dialog.ui.status.text() and not dialog.restore_button.isEnabled()


def test_automatic_backup_on_the_timer_after_changes(qtbot, window):
    controller = window.backup_controller
    with window.db.session() as session:
        session.add(Station(name="定时备份联络站"))
    folder = auto_backup_folder(window.db.path)
    before = set(folder.glob("*.gobak")) if folder.exists() else set()
    controller.tick()
    qtbot.waitUntil(lambda: controller._auto_worker is None, timeout=20_000)
    made = set(folder.glob("*.gobak")) - before
    assert len(made) == 1 and made.pop().name.startswith("自动备份-20261120-150000")
    assert read_state(window.db).auto_last_at == NOW
    controller.tick()   # nothing changed since: no second backup
    assert controller._auto_worker is None


def test_exit_after_changes_makes_a_local_backup_and_offers_the_usb_stick(qtbot, window, usb_drives, monkeypatch):
    asked = []
    monkeypatch.setattr(controller_module, "ask", lambda _parent, _title, text, *_: asked.append(text) and False)
    with window.db.session() as session:
        session.add(Station(name="退出前新增"))
    folder = auto_backup_folder(window.db.path)
    before = set(folder.glob("*.gobak")) if folder.exists() else set()
    window.close()
    assert len(set(folder.glob("*.gobak")) - before) == 1
    assert asked and "KINGSTON (E:)" in asked[0]


def test_exit_when_the_local_backup_folder_cannot_be_written_still_offers_the_stick(qtbot, window, usb_drives,
                                                                                     monkeypatch):
    asked = []
    monkeypatch.setattr(controller_module, "ask", lambda _parent, _title, text, *_: asked.append(text) and False)

    def folder_refused(_db_path, _now):
        raise PermissionError(13, "拒绝访问。", "本机备份")

    monkeypatch.setattr(controller_module, "make_auto_backup", folder_refused)
    with window.db.session() as session:
        session.add(Station(name="退出前新增"))
    window.close()
    assert asked and "KINGSTON (E:)" in asked[0]


def test_exit_without_changes_asks_nothing(qtbot, window, usb_drives, monkeypatch):
    asked = []
    monkeypatch.setattr(controller_module, "ask", lambda *a: asked.append(a) and False)
    window.close()
    assert asked == []
