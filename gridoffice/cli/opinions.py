"""Commands of the visit log and the opinions: exports, the three papers, the overdue list.

    gridoffice export activities 走访.xlsx [--from 2026-01-01 --to 2026-12-31]
    gridoffice export opinions 意见.xlsx [--status 办理中] [--with-contact]
    gridoffice print assignment --opinion 2026-0042 -o 交办单.pdf
    gridoffice overdue
"""
import argparse
import datetime as dt
from pathlib import Path

from gridoffice.domain.enums import ActivityKind, OpinionStatus

from .arguments import date_arg
from .common import EXIT_OK, CliError, CommandGroups, open_db, say


def register(groups: CommandGroups) -> None:
    activities = groups.add_export("activities", "导出走访记录到 Excel（含参与人次、联系群众人数和合计）", export_activities)
    activities.add_argument("file", type=Path, metavar="FILE.xlsx")
    _add_dates(activities, "活动日期")
    activities.add_argument("--kind", choices=[k.value for k in ActivityKind], help="只导出这一类活动")

    opinions = groups.add_export("opinions", "导出民情意见及其当前办理状态到 Excel", export_opinions)
    opinions.add_argument("file", type=Path, metavar="FILE.xlsx")
    _add_dates(opinions, "登记日期")
    opinions.add_argument("--status", choices=[s.value for s in OpinionStatus], help="只导出这一状态的意见")
    opinions.add_argument("--with-contact", action="store_true",
                          help="包含群众完整的姓名、电话和住址（默认打码，与列表一致）")
    _add_today(opinions)

    for name, help_text in (("assignment", "打印交办单（交给承办部门）"), ("supervision", "打印督办单（超期未办结的事项）"),
                            ("reply-notice", "打印办理结果告知书（交给反映问题的群众本人）")):
        paper = groups.add_print(name, help_text, print_paper)
        paper.add_argument("--opinion", required=True, metavar="编号", help="意见编号（如 2026-0042）或内部序号")
        paper.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
        if name != "reply-notice":
            paper.add_argument("--with-contact", action="store_true",
                               help="附群众联系方式（仅在承办部门需要直接联系群众时使用）")
        _add_today(paper)
        paper.set_defaults(paper=name)

    overdue = groups.add_command("overdue", "列出超过办理期限和本周内到期的民情意见", list_due)
    _add_today(overdue)


def _add_dates(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--from", dest="start", type=date_arg, metavar="YYYY-MM-DD", help=f"{what}不早于这一天")
    parser.add_argument("--to", dest="end", type=date_arg, metavar="YYYY-MM-DD", help=f"{what}不晚于这一天")


def _add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD", help="按这一天计算是否超期（默认今天）")


def _check_target(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise CliError(f"输出文件“{path.name}”应以 {suffix} 结尾。")
    if path.exists() and path.is_dir():
        raise CliError(f"“{path}”是一个文件夹，请给出文件名。")


def _check_dates(args: argparse.Namespace) -> None:
    if args.start and args.end and args.start > args.end:
        raise CliError(f"开始日期 {args.start} 晚于结束日期 {args.end}。")


def export_activities(args: argparse.Namespace) -> int:
    from gridoffice.services.activities.excel import export_activities as export

    _check_target(args.file, ".xlsx")
    _check_dates(args)
    with open_db(args, lock=False) as db:
        count = export(db, args.file, start=args.start, end=args.end, kind=args.kind)
    say(f"已导出 {count} 条走访记录：{args.file}")
    return EXIT_OK


def _today(args: argparse.Namespace) -> dt.date:
    """--today, else the PC's date."""
    from gridoffice.clock import SYSTEM_CLOCK

    return args.today or SYSTEM_CLOCK.today()


def export_opinions(args: argparse.Namespace) -> int:
    from gridoffice.services.opinions.excel import export_opinions as export
    from gridoffice.services.opinions.listing import OpinionFilter

    _check_target(args.file, ".xlsx")
    _check_dates(args)
    where = OpinionFilter(start=args.start, end=args.end, include_unfinished=False, status=args.status)
    with open_db(args, lock=False) as db:
        count = export(db, args.file, today=_today(args), where=where, with_contact=args.with_contact)
    say(f"已导出 {count} 条民情意见：{args.file}" + ("（含群众联系方式，请妥善保管）" if args.with_contact else ""))
    return EXIT_OK


def print_paper(args: argparse.Namespace) -> int:
    from gridoffice.services.opinions.listing import SERIAL_RE, find_opinion_id, is_internal_number
    from gridoffice.services.opinions.papers import SlipError, write_paper

    _check_target(args.output, ".pdf")
    reference = args.opinion.strip()
    if not (SERIAL_RE.match(reference) or is_internal_number(reference)):
        raise CliError(f"“{reference}”不是意见编号：应为 2026-0042 这样的编号。")
    which = {"assignment": "交办单", "supervision": "督办单", "reply-notice": "结果告知书"}[args.paper]
    with open_db(args, lock=False) as db:
        opinion_id = find_opinion_id(db, reference)
        if opinion_id is None:
            raise CliError(f"找不到编号为“{reference}”的意见。")
        try:
            write_paper(db, which, opinion_id, args.output, today=_today(args),
                        with_contact=getattr(args, "with_contact", False))
        except SlipError as error:
            raise CliError(str(error)) from error
    say(f"已生成：{args.output}")
    return EXIT_OK


def list_due(args: argparse.Namespace) -> int:
    from gridoffice.services.opinions.listing import due_summary

    today = _today(args)
    with open_db(args, lock=False) as db:
        summary = due_summary(db, today)
    say(f"截至 {today:%Y-%m-%d}：{summary.describe()}")
    for label, rows in (("超期", summary.overdue), ("本周到期", summary.due_soon)):
        for row in rows:
            say(f"{label}  {row.serial}  期限 {row.due_on:%Y-%m-%d}  {row.department}  {row.deputy}代表  {row.content}")
    return EXIT_OK
