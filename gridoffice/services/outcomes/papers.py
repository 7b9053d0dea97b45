"""The papers of 履职成果, each as PDF or Word (.docx, by the file's suffix):

- 人大代表建议 (the suggestion form: what, who, to whom, the reply and the deputies' verdict);
- 会议通知 before a meeting, 会议纪要 after it;
- the year's 为民办实事项目清单;
- 述职评议会公告 (posted at the station).

Privacy (个人信息保护法): no resident's name, phone or address is printed on any of these. A
suggestion names the opinions it grew from by number and subject only; a notice goes on a wall.
"""
import datetime as dt
from pathlib import Path

from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Deputy, Station
from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.domain.outcome_rules import MeetingStatus
from gridoffice.domain.rules import level_label
from gridoffice.domain.settings import HOTLINE
from gridoffice.services.common.settings import get_setting, office_name

from .appraisals import appraisal_detail
from .common import first_sentence
from .meetings import meeting_detail
from .projects import ProjectFilter, list_projects
from .render import (Form, FormRow, Gap, Heading, ListTable, Paper, Signatures, Subtitle, Text, Title, check_target,
                     write_paper)
from .suggestions import suggestion_detail

CHINESE_NUMBERS = "一二三四五六七八九十"


class PaperError(ValueError):
    """The paper does not fit the record's state; the message is Chinese."""


def _office(db: Database) -> tuple[str, str]:
    with db.session() as session:
        return office_name(session), get_setting(session, HOTLINE)


def _footer(name: str, hotline: str) -> str:
    return f"{name}　联系电话：{hotline}" if hotline else name


def _numbered(index: int) -> str:
    return CHINESE_NUMBERS[index] if index < len(CHINESE_NUMBERS) else str(index + 1)


def _time(value: dt.time | None) -> str:
    if value is None:
        return ""
    return f"{'上午' if value.hour < 12 else '下午'}{value.hour if value.hour <= 12 else value.hour - 12}:{value:%M}"


def _when(day: dt.date, start: dt.time | None) -> str:
    return f"{chinese_date(day)}（{weekday_name(day)}）{_time(start)}"


def _deputy_label(name: str, levels: str) -> str:
    label = level_label(levels)
    return f"{name}（{label}）" if label else name


def _mark(chosen: str, options: tuple[str, ...]) -> str:
    return "　　".join(f"{'■' if option == chosen else '□'} {option}" for option in options)


# --- 人大代表建议 -----------------------------------------------------------------------------------

def write_suggestion_form(db: Database, suggestion_id: int, path: Path | str, *, today: dt.date) -> Path:
    check_target(path)
    detail = suggestion_detail(db, suggestion_id, today=today)
    row = detail.row
    name, hotline = _office(db)
    with db.session() as session:
        levels = dict(session.exec(select(Deputy.id, Deputy.levels)
                                   .where(Deputy.id.in_([d for d in (detail.lead_deputy_id, *detail.cosigner_ids)
                                                         if d]))).all())
    lead = _deputy_label(row.lead, levels.get(detail.lead_deputy_id, "")) if row.lead else "—"
    sources = "\n".join(f"民情意见 {o.serial}（{chinese_date(o.received_on)}，{o.category}）：{first_sentence(o.content, 40)}"
                        for o in detail.opinions) or "代表履职中了解的情况"
    if row.status == "提出":
        handling = "尚未交办"
    elif row.assigned_on and row.due_on:
        handling = (f"{row.status}（{row.department}，交办日期{chinese_date(row.assigned_on)}，"
                    f"答复期限{chinese_date(row.due_on)}）")
    else:
        handling = row.status
    rows = [
        FormRow([("建议标题", row.title)]),
        FormRow([("领衔代表", lead), ("提出日期", chinese_date(row.submitted_on))]),
        FormRow([("附议代表", row.cosigners or "—")]),
        FormRow([("建议分类", row.category or "—"), ("承办部门", row.department or "（待定）")]),
        FormRow([("建议内容", detail.content or "—")], height_mm=None if detail.content else 50),
        FormRow([("来源", sources)]),
        FormRow([("办理情况", handling)]),
        FormRow([("部门答复", detail.reply or "")], height_mm=None if detail.reply else 35),
        FormRow([("代表评价", _mark(row.verdict, ("满意", "基本满意", "不满意")))]),
    ]
    paper = Paper(f"人大代表建议 {row.serial}", footer=_footer(name, hotline), blocks=[
        Subtitle(name), Title("人大代表建议"), Text(f"编号：{row.serial}", "right"), Form(rows), Gap(6),
        Signatures(["领衔代表（签名）", "日期", "工委经办人（签字）", "日期"]),
    ])
    return write_paper(paper, path)


# --- meetings -------------------------------------------------------------------------------------------

def write_meeting_notice(db: Database, meeting_id: int, path: Path | str, *, today: dt.date) -> Path:
    """The notice sent before the meeting: when, where, who, the agenda."""
    check_target(path)
    detail = meeting_detail(db, meeting_id)
    form = detail.form
    if form.status == MeetingStatus.CANCELLED:
        raise PaperError("会议已取消，不能打印会议通知。")
    name, hotline = _office(db)
    with db.session() as session:
        station = session.get(Station, form.station_id) if form.station_id else None
    place = form.place or (f"{station.name}{station.reception_room}" if station else "另行通知")
    deputies = "、".join(_deputy_label(n, levels) for _id, n, levels, _attended in detail.invited)
    people = "；".join(part for part in (f"人大代表：{deputies}" if deputies else "", form.others) if part) or "另行通知"
    agenda = [line.strip() for line in form.agenda.splitlines() if line.strip()] or [form.title]
    sections = [("会议时间", _when(form.date, form.start_time)), ("会议地点", place), ("参会人员", people),
                ("会议议程", "\n".join(agenda)),
                ("有关要求", "请参会人员准时出席；因故不能参加的，请提前向工委请假。")]
    blocks = [Subtitle(name), Title(f"关于召开{form.title}的通知"), Text("各位代表、有关单位：", "plain"),
              Text(f"经研究，定于{_when(form.date, form.start_time)}在{place}召开{form.kind}。现将有关事项通知如下：")]
    for index, (heading, text) in enumerate(sections):
        blocks += [Heading(f"{_numbered(index)}、{heading}"), *(Text(line) for line in text.splitlines())]
    blocks += [Gap(10), Text(name, "right"), Text(chinese_date(today), "right")]
    return write_paper(Paper(f"会议通知 {form.title}", blocks, footer=_footer(name, hotline)), path)


def write_minutes(db: Database, meeting_id: int, path: Path | str, *, today: dt.date) -> Path:
    """会议纪要: who came, what was discussed, each decision and what it opened."""
    check_target(path)
    detail = meeting_detail(db, meeting_id)
    form = detail.form
    if form.status != MeetingStatus.HELD:
        raise PaperError(f"会议“{form.title}”还没有召开（{form.status}），不能打印纪要：请先记录会议情况。")
    name, hotline = _office(db)
    present = [_deputy_label(n, levels) for _id, n, levels, attended in detail.invited if attended]
    absent = [n for _id, n, _levels, attended in detail.invited if not attended]
    rows = [
        FormRow([("会议时间", _when(form.date, form.start_time)), ("会议地点", form.place or "—")]),
        FormRow([("主持人", form.host or "—"), ("记录人", form.recorder or "—")]),
        FormRow([("出席代表", "、".join(present) or "—")]),
        *([FormRow([("缺席代表", "、".join(absent))])] if absent else []),
        FormRow([("其他参会", form.others or "—"), ("到会群众", f"{form.residents_present} 人次")]),
        FormRow([("会议议程", form.agenda or form.title)]),
    ]
    blocks = [Subtitle(name), Title(f"{form.kind}纪要"), Subtitle(form.title), Form(rows)]
    if form.minutes:
        blocks += [Heading("一、会议情况"), Text(form.minutes)]
    blocks.append(Heading(f"{'二' if form.minutes else '一'}、议定事项"))
    if not detail.decisions:
        blocks.append(Text("本次会议未形成议定事项。"))
    for index, decision in enumerate(detail.decisions, start=1):
        follow = "；".join(part for part in (
            f"已登记为民情意见 {decision.opinion_serial}" if decision.opinion_serial else "",
            f"已形成代表建议 {decision.suggestion_serial}" if decision.suggestion_serial else "") if part)
        blocks.append(Text(f"{index}. {decision.text}" + (f"（{follow}）" if follow else "")))
    blocks += [Gap(10), Text(name, "right"), Text(chinese_date(today), "right")]
    return write_paper(Paper(f"会议纪要 {form.title}", blocks, footer=_footer(name, hotline)), path)


# --- 为民办实事 ----------------------------------------------------------------------------------------

def write_project_list(db: Database, year: int, path: Path | str, *, today: dt.date) -> Path:
    """The year's list (landscape): every project on it with where, how much, who, when and its status."""
    check_target(path)
    rows = [r for r in list_projects(db, today=today, where=ProjectFilter(year=year)) if r.status != "已取消"]
    if not rows:
        raise PaperError(f"{year} 年还没有为民办实事项目，清单为空。")
    name, hotline = _office(db)
    done = sum(1 for r in rows if r.status == "已完成")
    table = ListTable(
        ("序号", "项目名称", "类别", "社区/网格", "数量", "责任单位", "开工日期", "计划完成", "实际完成", "状态", "来源"),
        [(index, r.name, r.kind, " ".join(p for p in (r.community, r.grid) if p), r.quantity, r.responsible_unit,
          _day(r.started_on), _day(r.planned_on), _day(r.completed_on), r.status,
          "；".join(p for p in (f"代表建议 {r.suggestion}" if r.suggestion else "",
                                 f"民情意见 {r.opinions} 条" if r.opinions else "") if p))
         for index, r in enumerate(rows, start=1)],
        (4, 22, 8, 14, 7, 12, 9, 9, 9, 7, 18))
    blocks = [Title(f"{name}{year}年为民办实事项目清单"),
              Subtitle(f"共 {len(rows)} 项，已完成 {done} 项　　制表日期：{chinese_date(today)}"), table]
    return write_paper(Paper(f"{year}年为民办实事项目清单", blocks, landscape=True, footer=_footer(name, hotline)),
                       path)


def _day(day: dt.date | None) -> str:
    return chinese_date(day) if day else ""      # the papers' one date style


# --- 述职评议 ----------------------------------------------------------------------------------------

def write_appraisal_notice(db: Database, appraisal_id: int, path: Path | str, *, today: dt.date) -> Path:
    """The public notice of a 述职评议会, posted at least three days before at the station."""
    check_target(path)
    detail = appraisal_detail(db, appraisal_id)
    form, row = detail.form, detail.row
    if row.status == "已取消":
        raise PaperError("这次述职评议会已取消，不能打印公告。")
    name, hotline = _office(db)
    place = form.place or row.station or "另行通知"
    deputies = "、".join(_deputy_label(r.name, r.levels) for r in detail.reports)
    rating = "、".join(detail.rating_words)
    blocks = [
        Subtitle(name), Title(f"关于召开{form.year}年度人大代表述职评议会的公告"),
        Text("广大选民：", "plain"),
        Text(f"为加强人大代表与选民的联系，接受选民监督，定于{_when(form.date, form.start_time)}在{place}召开人大代表"
             f"述职评议会，由{deputies}向选民报告{form.year}年度履职情况，并接受选民评议。"),
        Heading("一、会议议程"),
        Text("（一）代表述职：报告学习宣传法律法规、参加人代会审议、闭会期间活动、联系选民和办实事等情况；"),
        Text("（二）选民提问，代表现场回应；"),
        Text(f"（三）选民代表无记名测评（{rating}）；"),
        Text("（四）当场宣布测评结果。"),
        Heading("二、参加人员"),
        Text("选区选民代表，欢迎选民群众列席旁听。"),
        Gap(10), Text(name, "right"), Text(chinese_date(today), "right"),
    ]
    return write_paper(Paper(f"述职评议会公告 {form.year}", blocks, footer=_footer(name, hotline)), path)
