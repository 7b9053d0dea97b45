"""Commands of the reception calendar: schedule, export reception, print duty-roster, print notice,
holidays import."""
import argparse
from pathlib import Path

from .arguments import MAX_YEAR, YEARS, date_arg, int_between, month_arg, name_arg, output_file
from .common import EXIT_OK, CliError, CommandGroups, add_db_option, open_db, say, station_id_of, warn

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

    holidays = groups.add_command("holidays", "节假日：导入国务院办公厅每年公布的放假安排通知", run_holidays_import)
    actions = holidays.add_subparsers(dest="holidays_what", metavar="操作", required=True)
    imported = actions.add_parser("import", help="从通知全文（.txt）导入一年的放假和调休上班日期",
                                  description="从通知全文（国务院办公厅关于20XX年部分节假日安排的通知，.txt）"
                                              "导入一年的放假和调休上班日期，替换该年原有的录入")
    add_db_option(imported)
    imported.add_argument("file", type=Path, metavar="FILE.txt")
    imported.add_argument("--year", type=int, metavar="YYYY", help="年份（粘贴的文字没有标题时必填）")
    imported.set_defaults(func=run_holidays_import)

    notice = groups.add_print("notice", "接待日公告（PDF，每个接待日一页 A4）", run_notice)
    notice.add_argument("--date", type=date_arg, required=True, metavar="YYYY-MM-DD")
    notice.add_argument("--station", type=name_arg, metavar="NAME", help="只打印一个联络站（默认当天全部接待日）")
    notice.add_argument("-o", "--output", type=output_file(".pdf"), required=True, metavar="FILE.pdf")


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
    from gridoffice.services.reception.duty import EmptyRosterError
    from gridoffice.services.reception.pdf import duty_roster

    month, target = args.month, args.output
    with open_db(args, lock=False) as db:
        station_id = station_id_of(db, args.station)
        try:
            duty_roster(db, target, year=month.year, month=month.month, station_id=station_id,
                        today=SYSTEM_CLOCK.today())
        except EmptyRosterError as error:
            raise CliError(str(error)) from None
    say(f"已生成值班表：{target}")
    return EXIT_OK


def run_notice(args: argparse.Namespace) -> int:
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.services.reception.notice import (late_notice_warning, load_notices, notice_day_ids,
                                                      past_notice_refusal)
    from gridoffice.services.reception.pdf import write_notices_pdf

    day, target = args.date, args.output
    today = SYSTEM_CLOCK.today()
    refusal = past_notice_refusal([day], today)
    if refusal:
        raise CliError(refusal)
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


def read_text_file(path: Path) -> str:
    """A text file as saved on a Chinese Windows PC: UTF-8 (with or without BOM) or GB18030."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CliError(f"无法读取文件“{path}”：{error.strerror or error}") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CliError(f"文件“{path}”不是文本文件（应为 UTF-8 或 GBK 编码的 .txt）。")


def run_holidays_import(args: argparse.Namespace) -> int:
    from gridoffice.clock import SYSTEM_CLOCK
    from gridoffice.domain.holiday_notice import NoticeParseError
    from gridoffice.services.reception.holidays import (HolidayInputError, describe_span, import_holiday_notice,
                                                        read_holiday_notice)

    try:
        notice = read_holiday_notice(read_text_file(args.file), args.year)
    except NoticeParseError as error:
        raise CliError(str(error)) from None
    with open_db(args) as db:
        try:
            result = import_holiday_notice(db, notice, today=SYSTEM_CLOCK.today())
        except HolidayInputError as error:
            raise CliError(str(error)) from None
    say(f"已导入 {result.year} 年放假安排：放假 {result.days_off} 天，调休上班 {result.workdays} 天"
        + (f"（替换了该年原有的 {result.replaced} 条录入）。" if result.replaced else "。"))
    for item in notice.breaks:
        workdays = "、".join(f"{d.month}月{d.day}日" for d in item.workdays)
        say(f"  {item.name}：{describe_span(item.first, item.last, with_year=False)}放假"
            + (f"；{workdays}上班" if workdays else ""))
    return EXIT_OK
