"""代表名册 commands: import and export deputies, print the roster and the wall board."""
import argparse

from .arguments import name_arg, os_reason, output_file
from .common import EXIT_OK, CliError, CommandGroups, open_db, say, station_id_of

# the services (openpyxl, ReportLab) are imported inside each command: building the parser,
# which every start of the program does, stays fast
SKIP, UPDATE = "skip", "update"


def register(groups: CommandGroups) -> None:
    importing = groups.add_import("deputies", "从 Excel 导入代表名册（全部成功才写入）", run_import)
    importing.add_argument("file", metavar="FILE.xlsx", help="代表名册 Excel 文件")
    importing.add_argument("--duplicates", choices=(SKIP, UPDATE), default=None,
                           help="姓名和手机都相同的重复记录：skip 跳过，update 用文件内容更新；不指定时列出重复并且不导入")
    exporting = groups.add_export("deputies", "把代表名册导出为 Excel", run_export)
    exporting.add_argument("file", type=output_file(".xlsx"), metavar="FILE.xlsx", help="要写入的 Excel 文件")
    exporting.add_argument("--full-phone", action="store_true", help="导出完整手机号（默认隐藏中间四位）")
    roster = groups.add_print("roster", "代表名册 PDF（A4 横向）", run_print_roster)
    roster.add_argument("-o", "--output", type=output_file(".pdf"), required=True, metavar="FILE.pdf", help="要写入的 PDF 文件")
    roster.add_argument("--include-retired", action="store_true", help="包括已离任的代表")
    roster.add_argument("--full-phone", action="store_true", help="打印完整手机号（默认隐藏中间四位）")
    board = groups.add_print("board", "代表信息公示牌 PDF（每人一张卡片，在任代表）", run_print_board)
    board.add_argument("-o", "--output", type=output_file(".pdf"), required=True, metavar="FILE.pdf", help="要写入的 PDF 文件")
    board.add_argument("--station", type=name_arg, metavar="NAME",
                       help="只打印这个联络站的代表（全称、简称或名称中独有的一部分）")


def run_import(args: argparse.Namespace) -> int:
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError
    from gridoffice.services.roster.excel import DuplicatesFound, import_deputies

    with open_db(args) as db:
        try:
            result = import_deputies(db, args.file, today=SYSTEM_CLOCK.today(), on_duplicate=args.duplicates)
        except (ExcelFileError, ExcelImportError) as error:
            raise CliError(str(error)) from error
        except DuplicatesFound as error:
            raise CliError(f"{error}\n请用 --duplicates skip 跳过重复记录，或 --duplicates update 用文件内容更新。") from error
    say(result.describe())
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from gridoffice.services.roster.excel import export_deputies
    from gridoffice.services.roster.rows import list_deputies

    with open_db(args, lock=False) as db:
        rows = list_deputies(db)
    try:
        path = export_deputies(args.file, rows, full_phone=args.full_phone)
    except OSError as error:
        raise CliError(f"无法写入“{args.file}”：{os_reason(error)}") from error
    say(f"已导出 {len(rows)} 名代表到 {path}" + ("（完整手机号）" if args.full_phone else "（手机号已隐藏中间四位）"))
    return EXIT_OK


def run_print_roster(args: argparse.Namespace) -> int:
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.common.typography import NothingToPrintError
    from gridoffice.services.roster.pdf import write_roster_for
    from gridoffice.services.roster.rows import list_deputies

    note = "全部代表（含离任）" if args.include_retired else "在任代表"
    with open_db(args, lock=False) as db:
        rows = list_deputies(db, include_retired=args.include_retired)
        try:
            path = write_roster_for(db, args.output, rows, today=SYSTEM_CLOCK.today(), filter_note=note,
                                    full_phone=args.full_phone)
        except NothingToPrintError as error:
            raise CliError(str(error)) from None
        except OSError as error:
            raise CliError(f"无法写入“{args.output}”：{os_reason(error)}") from error
    say(f"已生成代表名册（{len(rows)} 人）：{path}")
    return EXIT_OK


def run_print_board(args: argparse.Namespace) -> int:
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.common.typography import NothingToPrintError
    from gridoffice.services.roster.pdf import write_board_for

    with open_db(args, lock=False) as db:
        station_id = station_id_of(db, args.station)
        try:
            path = write_board_for(db, args.output, station_id=station_id, today=SYSTEM_CLOCK.today())
        except NothingToPrintError as error:
            raise CliError(str(error)) from None
        except OSError as error:
            raise CliError(f"无法写入“{args.output}”：{os_reason(error)}") from error
    say(f"已生成代表信息公示牌：{path}")
    return EXIT_OK
