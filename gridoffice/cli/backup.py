"""Commands for IT staff and scheduled tasks: backup, verify, restore.

Exit 0 only when the backup is verified (or restored); a refused file, a damaged office, a
target that is not there and every other bad value exit 2 with the reason, having written
nothing; a backup that could not be written, or a restore that could not be completed, exits 1.
"""
import argparse
import sys
from pathlib import Path

from .arguments import os_reason
from .common import EXIT_FAILED, EXIT_OK, CliError, CommandGroups, db_path, say, warn

PASSWORD_HELP = "密码文件：第一行是备份的密码（不要把密码写在命令行上）"


def register(groups: CommandGroups) -> None:
    backup = groups.add_command("backup", "把数据库和附件备份到一个文件夹（如U盘），写完后读回校验", run_backup)
    backup.add_argument("--to", type=Path, required=True, metavar="DIR", help="目标文件夹")
    backup.add_argument("--password-file", type=Path, metavar="F", help=PASSWORD_HELP)
    verify = groups.add_command("verify", "完整检查一个备份文件（.gobak）是否可以恢复", run_verify)
    verify.add_argument("file", type=Path, metavar="FILE", help="备份文件")
    verify.add_argument("--password-file", type=Path, metavar="F", help=PASSWORD_HELP)
    restore = groups.add_command("restore", "从备份文件恢复（当前数据先另存，图形界面须先关闭）", run_restore)
    restore.add_argument("file", type=Path, metavar="FILE", help="备份文件")
    restore.add_argument("--password-file", type=Path, metavar="F", help=PASSWORD_HELP)
    restore.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    export = groups.add_command("export-office", "把办公室的全部数据和附件导出为一个经过校验的单机备份文件（.gobak），"
                                                 "可在一台电脑上恢复使用（区库中的数据带回街道）", run_export_office)
    export.add_argument("--to", type=Path, required=True, metavar="FILE.gobak", help="要写入的备份文件")
    export.add_argument("--password-file", type=Path, metavar="F", help=PASSWORD_HELP)
    merge = groups.add_command("import-office", "把一个街道单机办公室的备份（.gobak）合并进当前数据库（通常是区库）："
                                                "编号重新分配，已有的联络站、网格、代表等沿用并列出，全部成功或全部不做",
                               run_import_office)
    merge.add_argument("file", type=Path, metavar="FILE.gobak", help="街道的备份文件")
    merge.add_argument("--password-file", type=Path, metavar="F", help=PASSWORD_HELP)


def read_password(args: argparse.Namespace) -> str | None:
    if not getattr(args, "password_file", None):
        return None
    try:
        text = args.password_file.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise CliError(f"无法读取密码文件“{args.password_file}”：{os_reason(error)}") from error
    password = text.splitlines()[0] if text else ""
    if not password:
        raise CliError(f"密码文件“{args.password_file}”的第一行是空的。")
    return password


def describe_manifest(manifest) -> list[str]:
    from gridoffice.services.backup.verify import manifest_lines

    return manifest_lines(manifest)


def run_backup(args: argparse.Namespace) -> int:
    from gridoffice.db import Database
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.backup.auto import record_usb_backup
    from gridoffice.services.backup.create import BackupError, BackupRefused, create_backup, refusal_for

    password = read_password(args)
    now = SYSTEM_CLOCK.now()
    source = db_path(args)
    refuse_server(source)
    if not source.is_file():
        raise CliError(f"找不到数据库文件“{source}”，没有备份。")
    # lock=False: the window may have the database open; the snapshot uses SQLite's backup API
    with Database.open(source, lock=False) as db:
        if db.damaged:   # the quick check on open found it: refused before the target is touched
            raise CliError(refusal_for(db.health, args.to))
        try:
            result = create_backup(db.path, args.to, password=password, now=now)
        except BackupRefused as error:
            raise CliError(str(error)) from error
        except BackupError as error:
            raise CliError(str(error), code=EXIT_FAILED) from error
        if db.writable:
            record_usb_backup(db, result, now)
        if password is None:
            from gridoffice.services.households.ledger import SENSITIVE_BACKUP_ADVICE, sensitive_household_count

            households = sensitive_household_count(db)
            if households:
                warn("提示：" + SENSITIVE_BACKUP_ADVICE.format(count=households) + "可加 --password-file 指定密码文件。")
    say(f"备份完成并已读回校验：{result.path}")
    for line in describe_manifest(result.manifest):
        say(line)
    if result.leftovers_removed:
        say(f"已删除以前中断的备份留下的 {len(result.leftovers_removed)} 个临时文件。")
    if not db.writable:
        say(f"注意：{db.read_only_reason}这次备份没有记入数据库的“上次备份时间”。")
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    from gridoffice.services.backup.container import BackupFileError
    from gridoffice.services.backup.verify import verify_backup

    try:
        verified = verify_backup(args.file, read_password(args))
    except BackupFileError as error:
        raise CliError(f"“{args.file.name}”：{error}") from error
    say(f"备份完好，可以用于恢复：{args.file}")
    for line in describe_manifest(verified.manifest):
        say(line)
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from gridoffice.db import Database, DatabaseLockedError, DatabaseOpenError
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.backup.container import BackupFileError
    from gridoffice.services.backup.verify import verify_backup
    from gridoffice.services.backup.restore import RestoreError, RestoreRefused, refuse_target, restore_backup

    password = read_password(args)
    refuse_server(db_path(args))
    target = db_path(args).expanduser().absolute()
    try:
        refuse_target(target)   # a network share, a folder: said before the backup is even read
        verified = verify_backup(args.file, password)
    except RestoreRefused as error:
        raise CliError(str(error)) from error
    except BackupFileError as error:
        raise CliError(f"“{args.file.name}”：{error}没有做任何改动。") from error
    for line in describe_manifest(verified.manifest):
        say(line)
    if not args.yes and not _confirm(target):
        raise CliError("已取消，没有做任何改动。")
    try:
        result = restore_backup(args.file, target, now=SYSTEM_CLOCK.now(), password=password)
    except BackupFileError as error:
        raise CliError(f"“{args.file.name}”：{error}没有做任何改动。") from error
    except DatabaseLockedError as error:
        raise CliError(f"{error}没有做任何改动。") from error
    except RestoreRefused as error:
        raise CliError(str(error)) from error
    except RestoreError as error:
        raise CliError(str(error), code=EXIT_FAILED) from error
    say(f"已恢复到“{target}”。")
    if result.database_aside:
        say(f"恢复前的数据已另存为：{result.database_aside}")
    try:
        with Database.open(target) as db:   # migrates a backup of an older version, copying it aside first
            migrated = db.migration_backup
    except DatabaseOpenError as error:
        raise CliError(f"已恢复，但打开恢复后的数据库时出错：{error}", code=EXIT_FAILED) from error
    if migrated:
        say(f"备份来自较早的版本，已升级数据结构（升级前的副本：{migrated.name}）。")
    return EXIT_OK


def _confirm(target: Path) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError("恢复会替换当前数据：请在命令后加 --yes 确认（没有交互式终端时必须加）。没有做任何改动。")
    answer = input(f"用这个备份替换“{target}”中的数据吗？当前数据会先另存。输入 yes 继续：")
    return answer.strip().lower() in ("yes", "y", "是")


SERVER_BACKUP = ("区里共用的数据库由服务器备份（数据库管理员每晚运行 pg_dump，见 README），不在各台电脑上备份或恢复。"
                 "要把数据带到一台电脑上，请用：gridoffice export-office --to 文件.gobak")


def refuse_server(location) -> None:
    from gridoffice.paths import is_server_url

    if is_server_url(location):
        raise CliError(SERVER_BACKUP)


def run_export_office(args: argparse.Namespace) -> int:
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.backup.create import BackupError
    from gridoffice.services.backup.offices import OfficeTransferError, export_office

    from .common import open_db

    password = read_password(args)
    if args.to.suffix.lower() != ".gobak":
        raise CliError(f"“{args.to.name}”：备份文件的扩展名应为 .gobak，没有导出。")
    db = open_db(args, lock=False)
    try:
        result = export_office(db, args.to, now=SYSTEM_CLOCK.now(), password=password)
    except (BackupError, OfficeTransferError) as error:
        raise CliError(str(error), EXIT_FAILED) from error
    finally:
        db.close()
    say(f"已导出并校验：{result.path}（{db.describe()}）")
    return EXIT_OK


def run_import_office(args: argparse.Namespace) -> int:
    from gridoffice.services.backup.offices import import_office
    from gridoffice.services.backup.verify import UnpackError
    from gridoffice.services.backup.container import BackupFileError

    from .common import open_db

    password = read_password(args)
    if not args.file.is_file():
        raise CliError(f"找不到备份文件“{args.file}”，没有做任何改动。")
    db = open_db(args)
    try:
        report = import_office(db, args.file, password=password)
    except (BackupFileError, UnpackError) as error:
        raise CliError(f"“{args.file.name}”：{error}没有做任何改动。") from error
    finally:
        db.close()
    say(report.describe())
    return EXIT_OK
