"""代表名册 commands: import and export deputies, print the roster and the wall board."""
import argparse

from .arguments import name_arg, os_reason, output_file
from .common import EXIT_OK, CliError, CommandGroups, open_db, say, station_id_of

# the services (openpyxl, ReportLab) are imported inside each command: building the parser,
# which every start of the program does, stays fast
SKIP, UPDATE, ADD = "skip", "update", "add"


def register(groups: CommandGroups) -> None:
    importing = groups.add_import(
        "deputies", "从表格文件导入代表名册（.xlsx、.xls、.et、.ods、.csv；先列出将做的事，全部无误才写入）", run_import)
    importing.add_argument("file", metavar="FILE", help="代表名册文件：.xlsx、.xlsm、.xls、.et、.ods 或 .csv（按内容识别格式）")
    importing.add_argument("--sheet", metavar="工作表", help="工作簿中有多个工作表都像名册时，要导入的工作表名称")
    importing.add_argument("--dry-run", action="store_true", help="只检查并列出将新增、更新、跳过的人和每个问题，不写入任何数据")
    importing.add_argument("--duplicates", choices=(SKIP, UPDATE), default=None,
                           help="姓名和手机都相同的重复记录：skip 跳过，update 用文件内容更新；不指定时列出重复并且不导入")
    importing.add_argument("--possible-duplicates", choices=(SKIP, UPDATE, ADD), default=None,
                           help="手机与已有代表相同而姓名不同的行：skip 跳过，update 视为同一人并更新（保留名册中的姓名），"
                                "add 作为新代表添加；不指定时列出这些行并且不导入")
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
    """Print what the file holds and what would happen (the GUI's preview), then write it unless --dry-run."""
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.common.excel_io import ExcelFileError, refused_lines
    from gridoffice.services.roster.excel import apply_import, read_import

    on_duplicate, possible = args.duplicates or SKIP, args.possible_duplicates or SKIP
    with open_db(args, lock=not args.dry_run) as db:
        try:
            plan = read_import(db, args.file, today=SYSTEM_CLOCK.today(), sheet=args.sheet)
        except ExcelFileError as error:
            raise CliError(str(error)) from error
        say("\n".join(plan.summary_lines(on_duplicate, possible, refused=False)))
        if plan.refused:
            raise CliError("\n".join([f"文件中有 {len(plan.refused_rows)} 行被拒绝，没有导入任何数据。请改正后重新导入。",
                                      *refused_lines(plan.refused)]))
        if args.dry_run:
            say("试运行：没有写入任何数据。")
            return EXIT_OK
        if plan.duplicates and args.duplicates is None:
            raise CliError(f"文件中有 {len(plan.duplicates)} 条重复记录（见上），没有导入任何数据。"
                           "请用 --duplicates skip 跳过重复记录，或 --duplicates update 用文件内容更新。")
        if plan.possible and args.possible_duplicates is None:
            raise CliError(f"文件中有 {len(plan.possible)} 行可能重复（手机与已有代表相同、姓名不同，见上），没有导入任何数据。"
                           "请核对后用 --possible-duplicates skip（跳过）、update（视为同一人并更新）或 add（作为新代表添加）。")
        result = apply_import(db, plan, on_duplicate=on_duplicate, possible=possible)
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
