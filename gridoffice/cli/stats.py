"""Commands of 统计与履职积分: what the 统计 tab shows, the duty points, and their papers.

    gridoffice stats --from 2026-01-01 --to 2026-12-31 [--station 西园片区 | --community 文昌社区] [--json]
    gridoffice stats --year 2026 [--quarter 3 | --month 7]
    gridoffice points --year 2026 [--quarter 3] [--json]
    gridoffice print annual-report --year 2026 -o 报告.pdf|报告.docx
    gridoffice print deputy-file --deputy 张利霞 --year 2026 -o 档案.pdf|档案.docx
    gridoffice print scoreboard --year 2026 --quarter 3 -o 亮分表.pdf|亮分表.xlsx

They only read: they run while the window has the database open. Bad input exits 2 with a Chinese
message before anything is written.
"""
import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from .arguments import MAX_YEAR, MIN_YEAR, date_arg, int_between, name_arg
from .common import EXIT_OK, CliError, CommandGroups, open_db, say, warn


def output_of(*suffixes: str) -> Callable[[str], Path]:
    """A file to write ending in one of `suffixes`, not a folder."""
    wanted = " 或 ".join(suffixes)

    def parse(text: str) -> Path:
        path = Path(text)
        if not text.strip() or path.is_dir():
            raise argparse.ArgumentTypeError(f"“{text}”是一个文件夹，请给出文件名（以 {wanted} 结尾）")
        if path.suffix.lower() not in suffixes:
            raise argparse.ArgumentTypeError(f"输出文件“{text}”应以 {wanted} 结尾")
        return path
    parse.__name__ = "文件名"
    return parse


YEAR = int_between(MIN_YEAR, MAX_YEAR)


def _period_options(parser: argparse.ArgumentParser, *, ranges: bool) -> None:
    if ranges:
        parser.add_argument("--from", dest="start", type=date_arg, metavar="YYYY-MM-DD", help="开始日期（含）")
        parser.add_argument("--to", dest="end", type=date_arg, metavar="YYYY-MM-DD", help="结束日期（含）")
    parser.add_argument("--year", type=YEAR, metavar="YYYY", help="年度（默认今年）")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--quarter", type=int_between(1, 4), metavar="1-4", help="只看这一季度")
    which.add_argument("--month", type=int_between(1, 12), metavar="1-12", help="只看这一月")


def _scope_options(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--station", type=name_arg, metavar="联络站", help="只看这一联络站（可写简称，如 西园片区）")
    where.add_argument("--community", type=name_arg, metavar="社区", help="只看这一社区/村")


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")


def _add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=date_arg, metavar="YYYY-MM-DD", help="按这一天计算（默认今天）")


def register(groups: CommandGroups) -> None:
    stats = groups.add_command("stats", "统计：一段时间（或某联络站、社区）的活动、意见办理、建议和实事的数字、分类统计和核对", show_stats)
    _period_options(stats, ranges=True)
    _scope_options(stats)
    _add_json(stats)
    _add_today(stats)

    points = groups.add_command("points", "履职积分排名（全年含基础分、底线要求和等级；季度或月份只计期间得分）", show_points)
    _period_options(points, ranges=False)
    _scope_options(points)
    _add_json(points)
    _add_today(points)

    report = groups.add_print("annual-report", "年度工作统计报告（PDF 或 Word，含图表）", print_annual_report)
    report.add_argument("--year", type=YEAR, required=True, metavar="YYYY")
    report.add_argument("--station", type=name_arg, metavar="联络站", help="只写这一联络站的报告")
    report.add_argument("-o", "--output", required=True, type=output_of(".pdf", ".docx"), metavar="FILE.pdf|FILE.docx")
    _add_today(report)

    file = groups.add_print("deputy-file", "代表履职档案（一位代表一年的履职情况，PDF 或 Word）", print_deputy_file)
    file.add_argument("--deputy", type=name_arg, required=True, metavar="姓名")
    file.add_argument("--year", type=YEAR, required=True, metavar="YYYY")
    file.add_argument("-o", "--output", required=True, type=output_of(".pdf", ".docx"), metavar="FILE.pdf|FILE.docx")
    _add_today(file)

    board = groups.add_print("scoreboard", "季度亮分表（各代表每季度积分，按联络站分组；PDF 或 Excel）", print_scoreboard)
    board.add_argument("--year", type=YEAR, required=True, metavar="YYYY")
    board.add_argument("--quarter", type=int_between(1, 4), required=True, metavar="1-4", help="到这一季度为止")
    board.add_argument("--station", type=name_arg, metavar="联络站", help="只列这一联络站的代表")
    board.add_argument("-o", "--output", required=True, type=output_of(".pdf", ".xlsx"), metavar="FILE.pdf|FILE.xlsx")
    _add_today(board)


# --- helpers -----------------------------------------------------------------------------------------

def _today(args: argparse.Namespace) -> dt.date:
    from gridoffice.clock import SYSTEM_CLOCK

    return getattr(args, "today", None) or SYSTEM_CLOCK.today()


def _period(args: argparse.Namespace, today: dt.date):
    from gridoffice.services.stats.period import Period

    start, end = getattr(args, "start", None), getattr(args, "end", None)
    if start or end:
        if args.year or args.quarter or args.month:
            raise CliError("请用 --from/--to 给出日期范围，或用 --year（可加 --quarter 或 --month），两者不能同时使用。")
        if not (start and end):
            raise CliError("--from 和 --to 要一起给出。")
        if start > end:
            raise CliError(f"开始日期 {start:%Y-%m-%d} 晚于结束日期 {end:%Y-%m-%d}。")
        return Period(start, end)
    year = args.year or today.year
    if args.quarter:
        return Period.quarter(year, args.quarter)
    if args.month:
        return Period.month(year, args.month)
    return Period.year(year)


def _scope(db, args: argparse.Namespace):
    from gridoffice.domain.errors import FieldError
    from gridoffice.services.common.lookups import community_choices, find_station
    from gridoffice.services.stats.period import Scope

    if getattr(args, "station", None):
        try:
            station = find_station(db, args.station)
        except FieldError as error:
            raise CliError(str(error)) from error
        return Scope.station(station.id, station.short)
    if getattr(args, "community", None):
        matching = [c for c in community_choices(db) if c.label == args.community] or \
                   [c for c in community_choices(db) if args.community in c.label]
        if len(matching) != 1:
            known = "、".join(c.label for c in community_choices(db)) or "（还没有社区）"
            raise CliError(f"没有名为“{args.community}”的社区/村（或有多个同名）。已有的社区/村：{known}")
        return Scope.community(matching[0].id, matching[0].label)
    return Scope()


def _refused(action: Callable):
    from gridoffice.domain.errors import FieldError

    try:
        return action()
    except FieldError as error:
        raise CliError(str(error)) from error


def _table(headers, rows) -> list[str]:
    """Columns padded for a console (a Chinese character is two columns wide)."""
    def width(text: str) -> int:
        return sum(2 if ord(ch) > 0x2e7f else 1 for ch in text)

    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(width(row[i]) for row in cells) for i in range(len(headers))]
    return ["  ".join(cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(row)).rstrip() for row in cells]


# --- stats -------------------------------------------------------------------------------------------

def show_stats(args: argparse.Namespace) -> int:
    from gridoffice.services.stats.breakdowns import breakdowns
    from gridoffice.services.stats.checks import checks_summary, run_checks
    from gridoffice.services.stats.figures import change_text, figure_text, office_figures
    from gridoffice.services.stats.series import charts

    today = _today(args)
    period = _refused(lambda: _period(args, today))
    with open_db(args, lock=False) as db:
        scope = _scope(db, args)
        figures = office_figures(db, period, scope)
        tables = breakdowns(db, period, scope)
        checks = run_checks(db, period, scope, today=today)
        chart_data = charts(db, period, scope) if args.json else None
    if args.json:
        say(json.dumps({**figures.as_json(), "breakdowns": [t.as_json() for t in tables],
                        "charts": chart_data.as_json(), "checks": [c.as_json() for c in checks]},
                       ensure_ascii=False, indent=2))
        return EXIT_OK
    say(figures.sentence())
    say("")
    say(f"主要数字（{period.label()}，括号内为上年同期）")
    for figure in figures.figures.values():
        say(f"  {figure.label}：{figure_text(figure)}（{change_text(figure)}）")
    for table in tables:
        say("")
        say(f"{table.title}" + (f"（{table.note}）" if table.note else ""))
        headers = [table.first_header] + [column.header for column in table.columns]
        rows = [[row.label, *(_value(v, c.is_rate) for v, c in zip(row.values, table.columns))] for row in table.rows]
        if table.total is not None:
            rows.append(["合计", *(_value(v, c.is_rate) for v, c in zip(table.total, table.columns))])
        for line in _table(headers, rows):
            say(f"  {line}")
    say("")
    say(checks_summary(checks))
    for check in checks:
        for item in check.items[:20]:
            say(f"  {check.title}：{item.text}")
        if len(check.items) > 20:
            say(f"  {check.title}：……另有 {len(check.items) - 20} 条，请在“统计”页的“核对”中查看")
    return EXIT_OK


def _value(value, is_rate: bool) -> str:
    from gridoffice.services.stats.figures import number

    if value is None:
        return "—"
    return f"{value:.1f}%" if is_rate else (value if isinstance(value, str) else number(value))


# --- points ------------------------------------------------------------------------------------------

def show_points(args: argparse.Namespace) -> int:
    from gridoffice.services.stats.points import points_text, rank_deputies

    today = _today(args)
    period = _refused(lambda: _period(args, today))
    with open_db(args, lock=False) as db:
        scope = _scope(db, args)
        ranking = _refused(lambda: rank_deputies(db, period, scope, today=today))
    if args.json:
        say(json.dumps(ranking.as_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    say(f"{period.label()}{scope.name}代表履职积分，按{ranking.rules.describe()}计分")
    if ranking.whole_year and not ranking.year_over:
        say("年度尚未结束：底线要求暂不扣分，等级按目前得分计。")
    headers = ["名次", "代表", "联络站", "期间得分", "其中加减分"]
    if ranking.whole_year:
        headers += ["基础分", "底线扣分", "全年总分", "等级", "未达底线"]
    rows = []
    for s in ranking.scores:
        row = [s.rank, s.name, s.station, points_text(s.period_points), points_text(s.adjustments)]
        if ranking.whole_year:
            row += [points_text(s.base), points_text(s.minimums), points_text(s.total), s.grade, "、".join(s.unmet)]
        rows.append(row)
    for line in _table(headers, rows):
        say(f"  {line}")
    return EXIT_OK


# --- papers -----------------------------------------------------------------------------------------

def print_annual_report(args: argparse.Namespace) -> int:
    from gridoffice.services.stats.checks import checks_summary, run_checks
    from gridoffice.services.stats.period import Period
    from gridoffice.services.stats.report import write_annual_report

    today = _today(args)
    with open_db(args, lock=False) as db:
        scope = _scope(db, args)
        failing = [c for c in run_checks(db, Period.year(args.year), scope, today=today) if c.items]
        _refused(lambda: write_annual_report(db, args.year, args.output, today=today, scope=scope))
    if failing:
        warn("注意：" + checks_summary(failing) + "报告已生成，建议先在“统计”页的“核对”中改正后重新生成。")
    say(f"已生成：{args.output}")
    return EXIT_OK


def print_deputy_file(args: argparse.Namespace) -> int:
    from gridoffice.services.outcomes.common import deputy_ids_by_name
    from gridoffice.services.stats.deputy_file import write_deputy_file

    today = _today(args)
    with open_db(args, lock=False) as db:
        deputy_id = _refused(lambda: deputy_ids_by_name(db, [args.deputy]))[0]
        _refused(lambda: write_deputy_file(db, deputy_id, args.year, args.output, today=today))
    say(f"已生成：{args.output}")
    return EXIT_OK


def print_scoreboard(args: argparse.Namespace) -> int:
    from gridoffice.services.stats.scoreboard import write_scoreboard

    today = _today(args)
    with open_db(args, lock=False) as db:
        scope = _scope(db, args)
        _refused(lambda: write_scoreboard(db, args.year, args.quarter, args.output, today=today, scope=scope))
    say(f"已生成：{args.output}")
    return EXIT_OK
