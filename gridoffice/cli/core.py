"""Commands of the foundation: demo, selftest (the installation and the office database)."""
import argparse
import os

from gridoffice.paths import DB_ENV, db_location, demo_db_path

from .arguments import guard_database
from .common import EXIT_FAILED, EXIT_OK, CliError, CommandGroups, db_path, say


def register(groups: CommandGroups) -> None:
    demo = groups.add_command("demo", "生成演示办公室的数据（确定性的示例数据）", run_demo)
    demo.add_argument("--scale", choices=("office", "district"), default="office",
                      help="office：一个街道（约 111 名代表、51 个网格）；district：一个区（约 415 名代表、700 个网格、五年数据）")
    demo.add_argument("--force", action="store_true", help="数据库已有数据时，清空后重建")
    groups.add_command("selftest", "系统自检：本机安装（临时数据库、迁移、内嵌字体的 PDF），"
                                   "以及办公室的数据库（只读：完整性和关联检查；--db 指定，默认数据文件夹中的数据库）",
                       run_selftest)
    groups._add_under("db", "数据库维护", "upgrade",
                      "建立或升级数据库的数据结构。区里共用的 PostgreSQL 数据库只能这样升级（由数据库管理员在升级程序后运行一次，"
                      "先用 pg_dump 备份）；本机的数据库文件在打开时会自动升级", run_db_upgrade)


def run_demo(args: argparse.Namespace) -> int:
    from gridoffice.db import Database
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.demo.build import DemoRefusedError, build_demo

    # the demo goes into its own file unless a database is named (--db or GRIDOFFICE_DB)
    path = getattr(args, "db", None) or (db_location(os.environ[DB_ENV]) if os.environ.get(DB_ENV) else demo_db_path())
    with Database.open(path) as db:
        guard_database(db, writing=True)
        try:
            summary = build_demo(db, scale=args.scale, today=SYSTEM_CLOCK.today(), force=args.force, progress=say)
        except DemoRefusedError as error:
            raise CliError(str(error)) from error
    say(summary.describe())
    say(f"数据库：{db.describe()}")
    return EXIT_OK


def run_selftest(args: argparse.Namespace) -> int:
    from gridoffice.services.office.selftest import run_selftest as selftest

    # the office's database too: --db, GRIDOFFICE_DB, or the default one (which may not exist yet)
    named = getattr(args, "db", None) is not None or bool(os.environ.get(DB_ENV))
    report = selftest(db_path(args), db_required=named)
    for line in report.lines():
        say(line)
    return EXIT_OK if report.ok else EXIT_FAILED


def run_db_upgrade(args: argparse.Namespace) -> int:
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.db import Database
    from gridoffice.db.migrate import expected_version
    from gridoffice.paths import is_server_url

    location = db_path(args)
    if is_server_url(location):
        before, after = Database.upgrade_server(location, now=SYSTEM_CLOCK.now())
        with Database.open(location) as db:
            where = db.describe()
        if before == after:
            say(f"{where}已是第 {after} 版数据结构，不需要升级。")
        elif before is None:
            say(f"已在{where}中建立数据表（第 {after} 版数据结构）。")
        else:
            say(f"已将{where}从第 {before} 版升级到第 {after} 版数据结构。")
        return EXIT_OK
    with Database.open(location) as db:   # a file is upgraded on open, a copy set aside first
        guard_database(db, writing=True)
        if db.migration_backup:
            say(f"已升级到第 {expected_version()} 版数据结构；升级前的数据库已另存为：{db.migration_backup}")
        else:
            say(f"数据库“{db.describe()}”是第 {expected_version()} 版数据结构。")
    return EXIT_OK
