"""Commands of the household ledger (重点户, 九必访):

    gridoffice households import 重点户.xlsx [--duplicates skip|update]
    gridoffice households export 重点户.xlsx [--grid JT-01-01] [--with-contact]
    gridoffice households event 幸福花园3栋2单元501室 --kind 生病住院 --date 2026-11-18
    gridoffice households visit 12 --date 2026-11-20 --by 张利霞,陈网格
    gridoffice households due [--today 2026-11-20] [--grid JT-01-01] [--json]
    gridoffice households kinds [--json]
    gridoffice print household-ledger --grid JT-01-01 -o 台账.pdf [--with-contact]

HOUSEHOLD is the household's number or its address exactly as stored. Names, phones and door numbers
are masked in every output unless --with-contact is given (export and print only).
"""
import argparse
import datetime as dt
import json
from pathlib import Path

from .arguments import date_arg
from .common import EXIT_OK, CliError, CommandGroups, add_db_option, open_db, say


def group(groups: CommandGroups, name: str, help_text: str) -> argparse._SubParsersAction:
    """A top-level command with actions under it (gridoffice households due …)."""
    parser = groups.commands.add_parser(name, help=help_text, description=help_text)
    add_db_option(parser)
    return parser.add_subparsers(dest=f"{name}_action", metavar="操作", required=True)


def action(actions: argparse._SubParsersAction, name: str, help_text: str, handler) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=help_text, description=help_text)
    add_db_option(parser)
    parser.set_defaults(func=handler)
    return parser


def register(groups: CommandGroups) -> None:
    actions = group(groups, "households", "重点户台账：导入导出、登记必访事由和走访、列出超期和本周到期的走访")
    imported = action(actions, "import", "从 Excel 导入重点户（表头：所属网格、地址、楼栋、单元、房号、姓名、电话、类别…；有错则整个文件不导入）",
                      run_import)
    imported.add_argument("file", type=Path, metavar="FILE.xlsx")
    imported.add_argument("--duplicates", choices=("skip", "update"), default="skip",
                          help="台账中已有同一地址时：skip 跳过（默认）或 update 用文件中的内容更新")
    exported = action(actions, "export", "把重点户台账导出为 Excel（姓名、电话、门牌默认打码）", run_export)
    exported.add_argument("file", type=Path, metavar="FILE.xlsx")
    exported.add_argument("--grid", metavar="CODE", help="只导出一个网格（网格编号）")
    exported.add_argument("--with-contact", action="store_true", help="包含完整的姓名、电话和门牌（仅供工委内部留存）")
    event = action(actions, "event", "为一户登记必访事由（如生病住院），按时限算出应访日期", run_event)
    event.add_argument("household", metavar="HOUSEHOLD", help="重点户编号，或与台账一致的地址")
    event.add_argument("--kind", required=True, metavar="KIND", help="必访事由，见 gridoffice households kinds")
    event.add_argument("--date", required=True, type=date_arg, metavar="YYYY-MM-DD", help="事由发生的日期")
    event.add_argument("--notes", default="", metavar="TEXT", help="说明")
    visit = action(actions, "visit", "登记一次入户走访（关闭到这一天为止的必访事由；有代表参加的同时记入走访记录）", run_visit)
    visit.add_argument("household", metavar="HOUSEHOLD", help="重点户编号，或与台账一致的地址")
    visit.add_argument("--date", required=True, type=date_arg, metavar="YYYY-MM-DD")
    visit.add_argument("--by", required=True, metavar="NAME[,NAME]", help="走访的代表和其他人员，用逗号或顿号分隔")
    visit.add_argument("--summary", default="", metavar="TEXT", help="走访情况")
    visit.add_argument("--services", default="", metavar="TEXT", help="提供的服务或设备，如“安装烟感报警器、送医送药”")
    due = action(actions, "due", "列出超期和本周到期的走访（必访事由和定期走访）", run_due)
    due.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD", help="按这一天计算（默认今天）")
    due.add_argument("--grid", metavar="CODE", help="只看一个网格（网格编号）")
    due.add_argument("--json", action="store_true", help="以 JSON 输出（items 数组）")
    kinds = action(actions, "kinds", "列出必访事由及其走访时限", run_kinds)
    kinds.add_argument("--json", action="store_true", help="以 JSON 输出（items 数组）")

    ledger = groups.add_print("household-ledger", "一个网格的重点户走访台账（PDF，内部资料；姓名、电话、门牌默认隐去）",
                              run_print_ledger)
    ledger.add_argument("--grid", required=True, metavar="CODE", help="网格编号")
    ledger.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    ledger.add_argument("--with-contact", action="store_true", help="印出完整的姓名、电话和门牌")
    ledger.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD", help="按这一天计算下次应访（默认今天）")


# --- helpers ---------------------------------------------------------------------------------------

def _today(args: argparse.Namespace) -> dt.date:
    from gridoffice.clock import SYSTEM_CLOCK

    return getattr(args, "today", None) or SYSTEM_CLOCK.today()


def _target(path: Path, suffix: str) -> Path:
    if path.suffix.lower() != suffix:
        raise CliError(f"输出文件“{path.name}”应以 {suffix} 结尾。")
    if path.is_dir():
        raise CliError(f"“{path}”是一个文件夹，请给出文件名。")
    return path


def _grid_id(db, code: str | None) -> int | None:
    from gridoffice.domain.errors import FieldError
    from gridoffice.services.common.lookups import find_grid

    if code is None:
        return None
    try:
        return find_grid(db, code).id
    except FieldError as error:
        raise CliError(str(error)) from None


def _household_id(db, reference: str) -> int:
    from gridoffice.services.households.ledger import HouseholdInputError, find_household

    try:
        return find_household(db, reference)
    except HouseholdInputError as error:
        raise CliError(str(error)) from None


def _print_json(payload: dict) -> None:
    say(json.dumps(payload, ensure_ascii=False, indent=2))


# --- commands ---------------------------------------------------------------------------------------

def run_import(args: argparse.Namespace) -> int:
    from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError
    from gridoffice.services.households.excel import apply_households, read_households

    with open_db(args) as db:
        try:
            plan = read_households(db, args.file)
        except (ExcelFileError, ExcelImportError) as error:
            raise CliError(str(error)) from None
        result = apply_households(db, plan, today=_today(args), on_duplicate=args.duplicates)
    for duplicate in plan.duplicates:
        say(f"第 {duplicate.row} 行：台账中已有“{duplicate.address}”（编号 {duplicate.existing_id}），"
            + ("已用文件内容更新。" if args.duplicates == "update" else "已跳过。"))
    say(result.describe())
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from gridoffice.services.households.excel import export_households

    target = _target(args.file, ".xlsx")
    with open_db(args, lock=False) as db:
        count = export_households(db, target, today=_today(args), grid_id=_grid_id(db, args.grid),
                                  with_contact=args.with_contact)
    say(f"已导出 {count} 户重点户：{target}" + ("（含完整联系方式，请妥善保管）" if args.with_contact else ""))
    return EXIT_OK


def run_event(args: argparse.Namespace) -> int:
    from gridoffice.services.households.events import EventInputError, record_event

    with open_db(args) as db:
        household_id = _household_id(db, args.household)
        try:
            result = record_event(db, household_id, args.kind, args.date, today=_today(args), notes=args.notes)
        except EventInputError as error:
            raise CliError(str(error)) from None
    closed = f"；{result.closed_by_visit:%Y-%m-%d} 已走访，随即关闭" if result.closed_by_visit else ""
    say(f"已登记：重点户 {household_id} {result.kind}（{result.date:%Y-%m-%d}），应于 {result.due_on:%Y-%m-%d} 前走访{closed}。")
    return EXIT_OK


def run_visit(args: argparse.Namespace) -> int:
    from gridoffice.domain.rules import split_multi
    from gridoffice.services.households.visits import VisitInput, VisitInputError, record_visit, resolve_visitors

    names = split_multi(args.by)
    if not names:
        raise CliError("请用 --by 写出走访的代表或其他人员的姓名。")
    with open_db(args) as db:
        household_id = _household_id(db, args.household)
        try:
            deputy_ids, person_ids = resolve_visitors(db, names)
            result = record_visit(db, VisitInput(household_id, args.date, deputy_ids, person_ids, args.summary,
                                                 args.services), today=_today(args))
        except VisitInputError as error:
            raise CliError(str(error)) from None
    logged = ("并入当天同一批走访记录" if result.joined_activity else "记入走访记录") if result.activity_id else "（无代表参加，未记入代表走访记录）"
    closed = f"；关闭必访事由：{'、'.join(result.closed)}" if result.closed else ""
    say(f"已登记重点户 {household_id} 的走访（{args.date:%Y-%m-%d}），{logged}{closed}。")
    return EXIT_OK


def run_due(args: argparse.Namespace) -> int:
    from gridoffice.services.households.due import due_list

    today = _today(args)
    with open_db(args, lock=False) as db:
        due = due_list(db, today, grid_id=_grid_id(db, args.grid))
    items = [("超期", item) for item in due.overdue] + [("本周到期", item) for item in due.due_soon]
    if args.json:
        _print_json({"today": today.isoformat(), "overdue": len(due.overdue), "due_soon": len(due.due_soon),
                     "items": [{"status": label, "household": item.household_id, "grid": item.grid_code,
                                "address": item.address, "name": item.name, "categories": item.categories,
                                "type": item.kind, "reason": item.reason, "due_on": item.due_on.isoformat(),
                                "days_late": item.days_late(today)} for label, item in items]})
        return EXIT_OK
    say(f"截至 {today:%Y-%m-%d}：{due.describe()}")
    for label, item in items:
        late = f"，超期 {item.days_late(today)} 天" if item.overdue else ""
        say(f"{label}  {item.due_on:%Y-%m-%d}  {item.grid_code}  {item.address}  {item.name}  "
            f"{item.kind}：{item.reason}{late}")
    return EXIT_OK


def run_kinds(args: argparse.Namespace) -> int:
    from gridoffice.services.households.kinds import list_kinds

    with open_db(args, lock=False) as db:
        kinds = list_kinds(db)
    if args.json:
        _print_json({"items": [{"event": k.event, "within_days": k.within_days,
                                "categories": [c for c in k.categories.split("、") if c]} for k in kinds]})
        return EXIT_OK
    for kind in kinds:
        say(f"{kind.event}：{kind.within_days} 天内走访（遇节假日顺延），适用于{kind.applies_to}")
    return EXIT_OK


def run_print_ledger(args: argparse.Namespace) -> int:
    from gridoffice.services.households.papers import write_household_ledger

    target = _target(args.output, ".pdf")
    with open_db(args, lock=False) as db:
        write_household_ledger(db, target, grid_id=_grid_id(db, args.grid), today=_today(args),
                               with_contact=args.with_contact)
    say(f"已生成重点户走访台账：{target}" + ("（含完整联系方式，请勿张贴）" if args.with_contact else ""))
    return EXIT_OK
