"""Commands of the reception calendar: schedule, export reception, print duty-roster, print notice."""
import argparse
from typing import TYPE_CHECKING

from .arguments import MAX_YEAR, YEARS, date_arg, int_between, month_arg, name_arg, output_file
from .common import EXIT_OK, CliError, CommandGroups, open_db, say, warn

if TYPE_CHECKING:
    from gridoffice.db import Database

MAX_MONTHS = 24


def register(groups: CommandGroups) -> None:
    schedule = groups.add_command("schedule", "按接待规则排出接待日和值班代表（默认只显示，--save 才保存）", run_schedule)
    schedule.add_argument("--station", action="append", type=name_arg, metavar="NAME",
                          help="联络站名称（全称、简称或名称中独有的一部分）；可写多次；不写则排全部联络站")
    schedule.add_argument("--from", dest="first_month", type=month_arg, required=True, metavar="YYYY-MM",
                          help="从哪个月开始，如 2027-01")
    schedule.add_argument("--months", type=int_between(1, MAX_MONTHS), default=1, metavar="N",
                          help=f"排几个月（1-{MAX_MONTHS}，默认 1）")
    schedule.add_argument("--save", action="store_true",
                          help="保存排班：替换期间内计划中的接待日，已举行和已取消的保持不变")

    export = groups.add_export("reception", "导出接待安排到 Excel（.xlsx）", run_export)
    export.add_argument("file", type=output_file(".xlsx"), metavar="FILE.xlsx")

    roster = groups.add_print("duty-roster", "一个月的接待值班表（PDF）", run_duty_roster)
    roster.add_argument("--month", type=month_arg, required=True, metavar="YYYY-MM")
    roster.add_argument("--station", type=name_arg, metavar="NAME", help="只打印一个联络站（默认全部）")
    roster.add_argument("-o", "--output", type=output_file(".pdf"), required=True, metavar="FILE.pdf")

    notice = groups.add_print("notice", "接待日公告（PDF，每个接待日一页 A4）", run_notice)
    notice.add_argument("--date", type=date_arg, required=True, metavar="YYYY-MM-DD")
    notice.add_argument("--station", type=name_arg, metavar="NAME", help="只打印一个联络站（默认当天全部接待日）")
    notice.add_argument("-o", "--output", type=output_file(".pdf"), required=True, metavar="FILE.pdf")


# --- lookups ------------------------------------------------------------------------------------

def station_id_of(db: "Database", name: str | None) -> int | None:
    """The id of the station --station names (full or short name), None when not given."""
    from gridoffice.domain.errors import FieldError
    from gridoffice.services.common.lookups import find_station

    if name is None:
        return None
    try:
        return find_station(db, name).id
    except FieldError as error:
        raise CliError(str(error)) from None


# --- commands -----------------------------------------------------------------------------------

def run_schedule(args: argparse.Namespace) -> int:
    from gridoffice.services.reception.schedule import generate_plan, month_range, save_plan

    start, end = month_range(args.first_month, args.months)
    if end.year > MAX_YEAR:   # the holiday calendar, like every date a command takes, ends with 2100
        raise CliError(f"排班期间超出范围：从 {start:%Y-%m} 起 {args.months} 个月到了 {end:%Y-%m}，{YEARS}。")
    with open_db(args, lock=args.save) as db:   # a preview only reads: it may run beside the window
        station_ids = [station_id_of(db, name) for name in args.station] if args.station else None
        plan = generate_plan(db, start, end, station_ids=station_ids)
        _print_plan(plan)
        if args.save:
            result = save_plan(db, plan)
            say(f"已保存：新增 {result.added} 个接待日，替换 {result.removed} 个原计划中的接待日，"
                f"保留 {plan.kept} 个已举行、已取消或已登记意见的接待日。")
        else:
            say("（仅预览，未保存；加 --save 保存。）")
    return EXIT_OK


def _print_plan(plan) -> None:
    from gridoffice.domain.dates import weekday_name

    for message in plan.warnings:
        warn(f"注意：{message}")
    say(f"排班期间：{plan.start:%Y-%m-%d} 至 {plan.end:%Y-%m-%d}，共 {len(plan.days)} 个接待日")
    for day in plan.days:
        names = "、".join(plan.names.get(i, str(i)) for i in day.deputy_ids) or "（无人可排）"
        moved = f"  {day.notes}" if day.moved else ""
        say(f"{day.date:%Y-%m-%d}  {weekday_name(day.date)}  {day.start_time:%H:%M}-{day.end_time:%H:%M}  "
            f"{day.station_name}  {names}{moved}")
    say("")
    say("每位代表的值班次数：")
    for station_id, counts in plan.counts.items():
        listed = "，".join(f"{plan.names.get(i, i)} {n} 次" for i, n in counts.items()) or "（代表库为空）"
        say(f"{plan.station_names[station_id]}：{listed}")


def run_export(args: argparse.Namespace) -> int:
    from gridoffice.services.reception.excel import export_reception

    with open_db(args, lock=False) as db:
        count = export_reception(db, args.file)
    say(f"已导出 {count} 个接待日到 {args.file}")
    return EXIT_OK


def run_duty_roster(args: argparse.Namespace) -> int:
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.reception.pdf import duty_roster

    month, target = args.month, args.output
    with open_db(args, lock=False) as db:
        duty_roster(db, target, year=month.year, month=month.month, station_id=station_id_of(db, args.station),
                    today=SYSTEM_CLOCK.today())
    say(f"已生成值班表：{target}")
    return EXIT_OK


def run_notice(args: argparse.Namespace) -> int:
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.reception.notice import late_notice_warning, load_notices, notice_day_ids
    from gridoffice.services.reception.pdf import write_notices_pdf

    day, target = args.date, args.output
    today = SYSTEM_CLOCK.today()
    with open_db(args, lock=False) as db:
        station_id = station_id_of(db, args.station)
        day_ids = notice_day_ids(db, day, station_id)
        if not day_ids:
            raise CliError(f"{day:%Y-%m-%d} 没有{'该联络站的' if station_id else ''}接待日（已取消的不打印公告）。")
        notices = load_notices(db, day_ids)
    write_notices_pdf(target, notices, issued_on=today)
    late = late_notice_warning([day], today)
    if late:
        warn(f"注意：{late}")
    say(f"已生成 {len(notices)} 份公告：{target}")
    return EXIT_OK
