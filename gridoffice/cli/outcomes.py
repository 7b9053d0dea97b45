"""Commands of 履职成果: 代表建议, 为民办实事, meetings, 述职评议, campaigns, mediation, follow-ups.

    gridoffice suggestions list [--status 办理中] [--year 2026] [--overdue] [--json]
    gridoffice suggestions add --title T --opinions 2026-0001,2026-0002 --department 区交通运输局 [--deputies 张三,李四]
    gridoffice projects list [--year 2026] [--json]
    gridoffice meetings list [--from 2026-01-01 --to 2026-12-31] [--json]
    gridoffice campaigns list [--json]
    gridoffice followup 2026-0042 --date 2026-11-20 --verdict 满意
    gridoffice print minutes --meeting 12 -o 纪要.docx

Services are imported inside each command: parsing the arguments loads no database code.
Bad input exits 2 with a Chinese message, and nothing is written (each service is one transaction).
"""
import argparse
import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from .common import EXIT_OK, CliError, CommandGroups, add_db_option, open_db, say

VERDICTS = ("满意", "基本满意", "不满意")
FOLLOW_UP_METHODS = ("电话", "上门", "短信", "微信")


def register(groups: CommandGroups) -> None:
    suggestions = _group(groups, "suggestions", "代表建议：列出、新增")
    listing = _sub(suggestions, "list", "列出代表建议（超过答复期限的标“超期”）", list_suggestions)
    listing.add_argument("--status", metavar="状态", help="只列出这一状态：提出、交办、办理中、办结")
    listing.add_argument("--year", type=int, metavar="YYYY", help="只列出这一年提出的")
    listing.add_argument("--overdue", action="store_true", help="只列出超过答复期限的")
    _add_json(listing)
    _add_today(listing)
    add = _sub(suggestions, "add", "由民情意见形成一件代表建议（状态为“提出”）", add_suggestion)
    add.add_argument("--title", required=True, metavar="标题")
    add.add_argument("--opinions", required=True, metavar="编号[,编号]", help="所依据的民情意见编号，如 2026-0001,2026-0002")
    add.add_argument("--department", required=True, metavar="部门", help="承办的职能部门名称")
    add.add_argument("--deputies", metavar="姓名[,姓名]",
                     help="第一位为领衔代表，其余为附议代表（默认：认领这些意见的代表）")
    add.add_argument("--content", default="", metavar="内容", help="建议内容（默认：所依据意见的内容）")
    add.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="提出日期（默认今天）")
    _add_today(add)

    projects = _group(groups, "projects", "为民办实事项目")
    listing = _sub(projects, "list", "列出为民办实事项目", list_projects)
    listing.add_argument("--year", type=int, metavar="YYYY", help="只列出这一年度清单上的项目")
    listing.add_argument("--status", metavar="状态", help="计划、实施中、已完成或已取消")
    _add_json(listing)
    _add_today(listing)

    meetings = _group(groups, "meetings", "会议（例会、议事会、圆桌会、现场会、联席会议、恳谈会、培训）")
    listing = _sub(meetings, "list", "列出会议", list_meetings)
    listing.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD", help="会议日期不早于这一天")
    listing.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD", help="会议日期不晚于这一天")
    listing.add_argument("--kind", metavar="类型", help="只列出这一类会议，如 议事会")
    _add_json(listing)

    campaigns = _group(groups, "campaigns", "专项活动")
    listing = _sub(campaigns, "list", "列出专项活动及其成效（覆盖网格、联系群众、意见办理、实事）", list_campaigns)
    _add_json(listing)
    _add_today(listing)

    appraisals = _group(groups, "appraisals", "述职评议会")
    listing = _sub(appraisals, "list", "列出述职评议会（年度计划与测评结果）", list_appraisals)
    listing.add_argument("--year", type=int, metavar="YYYY", help="述职年度")
    _add_json(listing)

    disputes = _group(groups, "disputes", "矛盾纠纷调解")
    listing = _sub(disputes, "list", "列出矛盾纠纷调解记录（当事人姓名打码）", list_disputes)
    listing.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD", help="受理日期不早于这一天")
    listing.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD", help="受理日期不晚于这一天")
    listing.add_argument("--kind", metavar="类型", help="如 租赁、家事")
    _add_json(listing)

    followup = groups.add_command("followup", "记录对已关闭民情意见的回访（群众评价）", add_followup)
    followup.add_argument("serial", metavar="编号", help="民情意见编号，如 2026-0042")
    followup.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD", help="回访日期")
    followup.add_argument("--verdict", required=True, choices=VERDICTS, help="群众评价")
    followup.add_argument("--method", default="电话", choices=FOLLOW_UP_METHODS, help="回访方式（默认电话）")
    followup.add_argument("--caller", default="", metavar="姓名", help="回访人")
    followup.add_argument("--note", default="", metavar="内容", help="回访记录")
    _add_today(followup)

    figures = groups.add_command("outcome-figures", "履职成果的年度数字（与上年同比）：建议、实事、会议、述职、回访、调解",
                                 show_figures)
    figures.add_argument("--year", type=int, metavar="YYYY", help="年度（默认今年）")
    _add_json(figures)
    _add_today(figures)

    for name, help_text, option, what in (
            ("minutes", "会议纪要（PDF 或 Word）", "--meeting", "会议序号"),
            ("meeting-notice", "会议通知（PDF 或 Word）", "--meeting", "会议序号"),
            ("suggestion", "人大代表建议表（PDF 或 Word）", "--suggestion", "建议编号（如 JY2026-003）或序号"),
            ("appraisal-notice", "述职评议会公告（PDF 或 Word）", "--appraisal", "述职评议会序号"),
            ("projects", "年度为民办实事项目清单（PDF 或 Word）", "--year", "年度")):
        paper = groups.add_print(name, help_text, print_paper)
        paper.add_argument(option, required=True, metavar="ID" if option != "--year" else "YYYY", help=what)
        paper.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf|FILE.docx")
        _add_today(paper)
        paper.set_defaults(paper=name)


# --- parsing -------------------------------------------------------------------------------------

def _group(groups: CommandGroups, name: str, help_text: str) -> argparse._SubParsersAction:
    parser = groups.add_command(name, help_text, _needs_action)
    return parser.add_subparsers(dest=f"{name}_action", metavar="操作", required=True)


def _sub(actions: argparse._SubParsersAction, name: str, help_text: str, handler) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=help_text, description=help_text)
    add_db_option(parser)
    parser.set_defaults(func=handler)
    return parser


def _needs_action(_args: argparse.Namespace) -> int:   # argparse requires the action: never reached
    raise CliError("请给出操作，例如 list。")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式不对，应为 2026-03-04 这样的形式") from None


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="以 JSON 输出（{\"items\": [...]}，每项带 id）")


def _add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="按这一天计算（默认今天）")


def _today(args: argparse.Namespace) -> dt.date:
    from gridoffice.clock import SYSTEM_CLOCK

    return getattr(args, "today", None) or SYSTEM_CLOCK.today()


def _split(text: str | None) -> list[str]:
    from gridoffice.domain.rules import split_multi

    return split_multi(text or "")


def _refused(action: Callable):
    """Run a service call; the refusals the clerk must act on become exit 2 with their Chinese text."""
    from gridoffice.domain.errors import FieldError
    from gridoffice.domain.outcome_rules import OutcomeStateError
    from gridoffice.services.outcomes.common import OutcomeNotFoundError
    from gridoffice.services.outcomes.papers import PaperError

    try:
        return action()
    except (FieldError, OutcomeStateError, OutcomeNotFoundError, PaperError) as error:
        raise CliError(str(error)) from error


def _json_value(value):
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _items(rows) -> list[dict]:
    items = []
    for row in rows:
        fields = {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
        items.append({key: (_items([value])[0] if dataclasses.is_dataclass(value) else _json_value(value))
                      for key, value in fields.items()})
    return items


def _emit_json(rows) -> None:
    say(json.dumps({"items": _items(rows)}, ensure_ascii=False, indent=2))


def _day(day: dt.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else "—"


# --- 代表建议 ------------------------------------------------------------------------------------

def list_suggestions(args: argparse.Namespace) -> int:
    from gridoffice.domain.outcome_rules import SuggestionStatus
    from gridoffice.services.outcomes.suggestions import SuggestionFilter, list_suggestions as rows_of

    if args.status and args.status not in {s.value for s in SuggestionStatus}:
        raise CliError(f"状态“{args.status}”不对，应为 {'、'.join(s.value for s in SuggestionStatus)} 之一。")
    today = _today(args)
    with open_db(args, lock=False) as db:
        rows = rows_of(db, today=today, where=SuggestionFilter(year=args.year, status=args.status,
                                                               overdue_only=args.overdue))
    if args.json:
        _emit_json(rows)
        return EXIT_OK
    say(f"代表建议 {len(rows)} 件" + (f"，其中超期 {sum(r.overdue for r in rows)} 件" if rows else ""))
    for r in rows:
        late = f"  超期 {r.days_overdue} 天" if r.overdue else ""
        say(f"{r.id:>4}  {r.serial}  {r.submitted_on:%Y-%m-%d}  {r.status}  {r.title}  领衔：{r.lead or '—'}  "
            f"承办：{r.department or '—'}  期限：{_day(r.due_on)}{late}")
    return EXIT_OK


def add_suggestion(args: argparse.Namespace) -> int:
    from gridoffice.services.outcomes.common import (department_id_by_name, deputy_ids_by_name,
                                                     opinion_ids_by_serial)
    from gridoffice.services.outcomes.suggestions import SuggestionForm, create_suggestion, suggestion_detail

    today = _today(args)
    serials = _split(args.opinions)
    if not serials:
        raise CliError("请用 --opinions 给出至少一条民情意见编号，如 2026-0001。")
    with open_db(args) as db:
        opinion_ids = _refused(lambda: opinion_ids_by_serial(db, serials))
        department_id = _refused(lambda: department_id_by_name(db, args.department))
        deputies = _refused(lambda: deputy_ids_by_name(db, _split(args.deputies))) if args.deputies else []
        form = SuggestionForm(title=args.title, submitted_on=args.date or today, content=args.content,
                              department_id=department_id, lead_deputy_id=deputies[0] if deputies else None,
                              cosigner_ids=deputies[1:], opinion_ids=opinion_ids)
        suggestion_id = _refused(lambda: create_suggestion(db, form, today=today))
        row = suggestion_detail(db, suggestion_id, today=today).row
    say(f"已形成代表建议 {row.serial}（序号 {row.id}）：{row.title}；领衔代表 {row.lead}"
        + (f"，附议 {row.cosigners}" if row.cosigners else "") + f"；依据民情意见 {'、'.join(serials)}")
    return EXIT_OK


# --- lists -------------------------------------------------------------------------------------------

def list_projects(args: argparse.Namespace) -> int:
    from gridoffice.services.outcomes.projects import ProjectFilter, list_projects as rows_of

    with open_db(args, lock=False) as db:
        rows = rows_of(db, today=_today(args), where=ProjectFilter(year=args.year, status=args.status))
    if args.json:
        _emit_json(rows)
        return EXIT_OK
    say(f"为民办实事项目 {len(rows)} 个，已完成 {sum(r.status == '已完成' for r in rows)} 个")
    for r in rows:
        where = " ".join(p for p in (r.community, r.grid) if p)
        say(f"{r.id:>4}  {r.year}  {r.status}  {r.name}  {r.quantity}  {where}  责任单位：{r.responsible_unit or '—'}")
    return EXIT_OK


def list_meetings(args: argparse.Namespace) -> int:
    from gridoffice.services.outcomes.meetings import MeetingFilter, list_meetings as rows_of

    if args.start and args.end and args.start > args.end:
        raise CliError(f"开始日期 {args.start} 晚于结束日期 {args.end}。")
    with open_db(args, lock=False) as db:
        rows = rows_of(db, where=MeetingFilter(start=args.start, end=args.end, kind=args.kind))
    if args.json:
        _emit_json(rows)
        return EXIT_OK
    say(f"会议 {len(rows)} 次，代表参加 {sum(r.deputy_count for r in rows)} 人次")
    for r in rows:
        say(f"{r.id:>4}  {r.date:%Y-%m-%d}  {r.kind}  {r.status}  {r.title}  出席代表 {r.deputy_count} 人  "
            f"议定事项 {r.decisions} 项")
    return EXIT_OK


def list_campaigns(args: argparse.Namespace) -> int:
    from gridoffice.services.outcomes.campaigns import list_campaigns as rows_of

    with open_db(args, lock=False) as db:
        rows = rows_of(db, today=_today(args))
    if args.json:
        _emit_json(rows)
        return EXIT_OK
    say(f"专项活动 {len(rows)} 项")
    for r in rows:
        f = r.figures
        rate = "—" if f.satisfaction_rate is None else f"{f.satisfaction_rate}%"
        say(f"{r.id:>4}  {r.name}（{_day(r.start_on)} 至 {_day(r.end_on) if r.end_on else '今'}）  覆盖网格 {f.grids_covered} 个，"
            f"活动 {f.activities} 次，联系群众 {f.residents_reached} 人次，意见 {f.opinions} 条（办结 {f.opinions_handled}），"
            f"满意度 {rate}，实事 {f.projects_done}/{f.projects} 件")
    return EXIT_OK


def list_appraisals(args: argparse.Namespace) -> int:
    from gridoffice.services.outcomes.appraisals import list_appraisals as rows_of

    with open_db(args, lock=False) as db:
        rows = rows_of(db, year=args.year)
    if args.json:
        _emit_json(rows)
        return EXIT_OK
    say(f"述职评议会 {len(rows)} 场")
    for r in rows:
        say(f"{r.id:>4}  {r.date:%Y-%m-%d}  {r.year}年度  {r.station or r.place}  {r.status}  述职：{r.deputies}  "
            f"{r.results}")
    return EXIT_OK


def list_disputes(args: argparse.Namespace) -> int:
    from gridoffice.services.outcomes.disputes import DisputeFilter, list_disputes as rows_of

    with open_db(args, lock=False) as db:
        rows = rows_of(db, where=DisputeFilter(start=args.start, end=args.end, kind=args.kind))
    if args.json:
        _emit_json(rows)
        return EXIT_OK
    say(f"矛盾纠纷 {len(rows)} 件，调解成功 {sum(r.status == '调解成功' for r in rows)} 件")
    for r in rows:
        say(f"{r.id:>4}  {r.serial}  {r.received_on:%Y-%m-%d}  {r.kind}  {r.parties}  {r.status}  {r.mediators}")
    return EXIT_OK


# --- follow-up, figures, papers ----------------------------------------------------------------------

def add_followup(args: argparse.Namespace) -> int:
    from gridoffice.services.outcomes.followups import find_opinion, record_followup

    today = _today(args)
    with open_db(args) as db:
        opinion_id = _refused(lambda: find_opinion(db, args.serial))
        _refused(lambda: record_followup(db, opinion_id, on=args.date, verdict=args.verdict, today=today,
                                         method=args.method, caller=args.caller, note=args.note))
    say(f"已记录回访：民情意见 {args.serial}，{args.date:%Y-%m-%d} {args.method}回访，群众评价：{args.verdict}"
        + ("。群众不满意：如需重新办理，请在“民情办理”中操作“重办”。" if args.verdict == "不满意" else ""))
    return EXIT_OK


def show_figures(args: argparse.Namespace) -> int:
    from gridoffice.services.outcomes.figures import figures_json, year_figures

    year = args.year or _today(args).year
    with open_db(args, lock=False) as db:
        figures = year_figures(db, year)
    if args.json:
        say(json.dumps({"year": year, **figures_json(figures)}, ensure_ascii=False, indent=2))
        return EXIT_OK
    say(f"{year} 年履职成果（括号内为上年同期）")
    for figure in figures:
        say(f"  {figure.describe()}")
    return EXIT_OK


def print_paper(args: argparse.Namespace) -> int:
    from gridoffice.services.outcomes import papers
    from gridoffice.services.outcomes.render import check_target
    from gridoffice.services.outcomes.suggestions import find_suggestion

    _refused(lambda: check_target(args.output))
    if args.output.exists() and args.output.is_dir():
        raise CliError(f"“{args.output}”是一个文件夹，请给出文件名。")
    today = _today(args)
    with open_db(args, lock=False) as db:
        if args.paper in ("minutes", "meeting-notice"):
            write = papers.write_minutes if args.paper == "minutes" else papers.write_meeting_notice
            _refused(lambda: write(db, _number(args.meeting, "会议"), args.output, today=today))
        elif args.paper == "suggestion":
            suggestion_id = _refused(lambda: find_suggestion(db, args.suggestion))
            _refused(lambda: papers.write_suggestion_form(db, suggestion_id, args.output, today=today))
        elif args.paper == "appraisal-notice":
            _refused(lambda: papers.write_appraisal_notice(db, _number(args.appraisal, "述职评议会"), args.output,
                                                           today=today))
        else:
            _refused(lambda: papers.write_project_list(db, _number(args.year, "年度"), args.output, today=today))
    say(f"已生成：{args.output}")
    return EXIT_OK


def _number(text: str, what: str) -> int:
    if not str(text).strip().isdigit():
        raise CliError(f"{what}“{text}”应为数字（列表中的序号）。")
    return int(text)
