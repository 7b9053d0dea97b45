"""代表履职档案: one deputy's year for 述职评议 and the file (PDF and Word): the basic facts, the year in
one paragraph, the activities, reception duties, meetings, the opinions claimed with their outcome,
suggestions and practical deeds, the 述职 result and the duty points with where they came from.

    write_deputy_file(db, deputy_id, 2026, "张利霞-2026年履职档案.pdf", today=today)

Privacy: residents are never named: an opinion is its number, category and subject.
"""
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from gridoffice.db import Database
from gridoffice.domain import Deputy, DeputyGridLink, Grid, Opinion, ReceptionDay, ReceptionDutyLink, Station
from gridoffice.domain.enums import ReceptionStatus
from gridoffice.domain.rules import level_label
from gridoffice.services.activities.records import list_activities
from gridoffice.services.outcomes.common import first_sentence
from gridoffice.services.outcomes.figures import DeputyOutcomes, deputy_outcomes

from .paper import Form, Heading, Note, Paper, Para, Signature, Subtitle, Table, Title, check_target, write
from .period import Period, Scope
from .points import DeputyPoints, PointsInputError, deputy_points, points_text, rank_deputies
from .selection import FINISHED


@dataclass(frozen=True)
class DeputyFacts:
    id: int
    name: str
    gender: str
    levels: str
    party: str
    station: str
    grids: str
    work_unit: str
    post: str
    took_office_on: dt.date | None
    left_office_on: dt.date | None


def _facts(db: Database, deputy_id: int) -> DeputyFacts:
    with db.session() as session:
        c = session.connection()
        row = c.execute(select(Deputy.id, Deputy.name, Deputy.gender, Deputy.levels, Deputy.party, Station.name,
                               Deputy.work_unit, Deputy.post, Deputy.took_office_on, Deputy.left_office_on)
                        .outerjoin(Station, Station.id == Deputy.station_id).where(Deputy.id == deputy_id)).first()
        if row is None:
            raise PointsInputError("deputy", "找不到这位代表，可能已被删除。")
        grids = "、".join(f"{code} {name}" for code, name in c.execute(
            select(Grid.code, Grid.name).join(DeputyGridLink, DeputyGridLink.grid_id == Grid.id)
            .where(DeputyGridLink.deputy_id == deputy_id).order_by(Grid.code)))
    id_, name, gender, levels, party, station, unit, post, took, left = row
    return DeputyFacts(id_, name, gender, levels, party, station or "", grids, unit, post, took, left)


def _duties(db: Database, deputy_id: int, period: Period) -> list[tuple]:
    with db.session() as session:
        return [tuple(r) for r in session.connection().execute(
            select(ReceptionDay.date, Station.name, ReceptionDay.status, ReceptionDay.residents_received)
            .join(ReceptionDutyLink, ReceptionDutyLink.reception_day_id == ReceptionDay.id)
            .join(Station, Station.id == ReceptionDay.station_id)
            .where(ReceptionDutyLink.deputy_id == deputy_id, ReceptionDay.date >= period.start,
                   ReceptionDay.date <= period.end, ReceptionDay.status != ReceptionStatus.CANCELLED.value)
            .order_by(ReceptionDay.date))]


def _opinions(db: Database, deputy_id: int, period: Period) -> list[tuple]:
    with db.session() as session:
        return [tuple(r) for r in session.connection().execute(
            select(Opinion.serial, Opinion.received_on, Opinion.category, Opinion.content, Opinion.status,
                   Opinion.result, Opinion.resolved_on)
            .where(Opinion.deputy_id == deputy_id, Opinion.received_on >= period.start,
                   Opinion.received_on <= period.end).order_by(Opinion.received_on, Opinion.serial))]


def _md(day: dt.date | None) -> str:
    return f"{day.month}月{day.day}日" if day else ""


def deputy_file(db: Database, deputy_id: int, year: int, *, today: dt.date, office: str) -> Paper:
    period = Period.year(year)
    facts = _facts(db, deputy_id)
    activities = list_activities(db, start=period.start, end=period.end, deputy_id=deputy_id)
    duties = _duties(db, deputy_id, period)
    held = [d for d in duties if d[2] == ReceptionStatus.HELD.value]
    opinions = _opinions(db, deputy_id, period)
    outcomes: DeputyOutcomes = deputy_outcomes(db, deputy_id, year)
    points: DeputyPoints = deputy_points(db, deputy_id, year, today=today)
    ranking = rank_deputies(db, period, Scope(), today=today)
    rank = next((s.rank for s in ranking.scores if s.deputy_id == deputy_id), None)
    resolved = sum(1 for o in opinions if o[4] in FINISHED and o[6] and o[6] <= period.end)
    residents = sum(a.residents_contacted for a in activities)

    blocks: list = [Title(f"{facts.name}代表{year}年度履职档案"), Subtitle(office)]
    blocks += [Heading("一、基本情况"), Form(
        [["姓名", facts.name, "性别", facts.gender],
         ["代表层级", level_label(facts.levels) or "—", "政治面貌", facts.party or "—"],
         ["所在联络站", facts.station or "—", "任职日期", f"{facts.took_office_on:%Y-%m-%d}" if facts.took_office_on
          else "—"],
         ["工作单位及职务", " ".join(p for p in (facts.work_unit, facts.post) if p) or "—", "联系网格",
          facts.grids or "—"]],
        [17, 33, 14, 36])]

    summary = (f"{year}年，{facts.name}代表参加走访等活动{len(activities)}次（联系群众{residents}人次），"
               f"在联络站接待日值班{len(held)}次，出席会议{outcomes.meetings_attended}次；"
               f"认领群众意见{len(opinions)}条，办结{resolved}条；")
    if outcomes.suggestions_led or outcomes.suggestions_cosigned:
        summary += f"领衔提出代表建议{outcomes.suggestions_led}件、附议{outcomes.suggestions_cosigned}件；"
    if outcomes.projects_followed:
        summary += f"监督为民办实事项目{outcomes.projects_followed}个；"
    if outcomes.disputes_mediated:
        summary += f"参与调解矛盾纠纷{outcomes.disputes_mediated}件（成功{outcomes.disputes_settled}件）；"
    if outcomes.appraisal_result:
        summary += f"向选民述职，测评结果为“{outcomes.appraisal_result}”；"
    score = points.score
    grade = f"，等级“{score.grade}”" if score.grade else ""
    place = f"，在{len(ranking.scores)}名代表中列第{rank}名" if rank else ""
    summary = summary.rstrip("；") + f"。全年履职积分{points_text(score.total)}分{grade}{place}。"
    blocks += [Heading("二、履职概况"), Para([(summary, False)])]

    blocks.append(Heading(f"三、参加活动（{len(activities)}次）"))
    if activities:
        blocks.append(Table(["日期", "类型", "地点", "内容"],
                            [[_md(a.date), a.kind, a.place or a.grid, first_sentence(a.summary, 36)]
                             for a in sorted(activities, key=lambda a: (a.date, a.id))], [13, 13, 28, 46],
                            centred=(0,)))
    else:
        blocks.append(Para([("本年没有参加走访活动的记录。", False)]))

    blocks.append(Heading(f"四、接待日值班（{len(held)}次）"))
    if duties:
        blocks.append(Table(["日期", "联络站", "状态", "接待群众（人次）"],
                            [[_md(day), station, status, str(received) if status == ReceptionStatus.HELD.value else ""]
                             for day, station, status, received in duties], [16, 44, 16, 24], centred=(0, 2),
                            numeric=(3,)))
    else:
        blocks.append(Para([("本年没有接待日值班的记录。", False)]))

    blocks.append(Heading(f"五、出席会议（{outcomes.meetings_attended}次）"))
    if outcomes.meetings:
        blocks.append(Table(["日期", "类型", "会议"], [[_md(day), kind, title] for day, kind, title in outcomes.meetings],
                            [14, 14, 72], centred=(0,)))
    if outcomes.meetings_missed:
        blocks.append(Note(f"受邀未出席会议{outcomes.meetings_missed}次。"))
    if not outcomes.meetings and not outcomes.meetings_missed:
        blocks.append(Para([("本年没有会议出席记录。", False)]))

    blocks.append(Heading(f"六、认领的群众意见及办理结果（{len(opinions)}条）"))
    if opinions:
        blocks.append(Table(["编号", "登记", "分类", "反映的问题", "办理情况"],
                            [[serial, _md(received), category, first_sentence(content, 30),
                              (f"{status}：{first_sentence(result, 30)}" if result else status)]
                             for serial, received, category, content, status, result, _resolved in opinions],
                            [14, 10, 10, 33, 33], centred=(1,)))
    else:
        blocks.append(Para([("本年没有认领群众意见。", False)]))

    rest = []
    for serial, title, role, status in outcomes.suggestions:
        rest.append(["代表建议", f"{serial} {title}", role, status])
    if rest:
        blocks += [Heading("七、代表建议"), Table(["类别", "名称", "身份", "状态"], rest, [14, 58, 12, 16], centred=(2, 3))]

    number_word = "八" if rest else "七"
    appraisal = "本年没有参加述职评议。"
    if outcomes.appraisal_result:
        votes = outcomes.appraisal_votes or (0, 0, 0)
        words = ("称职", "基本称职", "不称职") if outcomes.appraisal_scale == "称职度" else ("满意", "基本满意", "不满意")
        counted = "、".join(f"{word}{count}票" for word, count in zip(words, votes))
        appraisal = f"向选民述职（{year}年度），测评{counted}，结果为“{outcomes.appraisal_result}”。"
    blocks += [Heading(f"{number_word}、述职评议"), Para([(appraisal, False)])]

    number_word = "九" if rest else "八"
    rows = [[item.label, item.rule, str(item.count), points_text(item.points)] for item in points.items]
    rows.append(["基础分", "", "", points_text(score.base)])
    if score.minimums:
        rows.append(["底线要求未达到", "、".join(score.unmet), "", points_text(score.minimums)])
    rows.append(["全年合计", f"等级：{score.grade}" if score.grade else "", "", points_text(score.total)])
    quarters = "，".join(f"{name}{points_text(value)}分" for name, value in zip(("一季度", "二季度", "三季度", "四季度"),
                                                                             score.quarters))
    blocks += [Heading(f"{number_word}、履职积分"), Table(["项目", "计分标准", "次数", "得分"], rows, [34, 40, 10, 16],
                                                   numeric=(2, 3), bold_last=True, keep_together=True),
               Note(f"各季度得分（不含基础分）：{quarters}。按{points.rules.describe()}计分。"
                    + ("" if score.base == 0 or ranking.year_over else "年度尚未结束，底线要求暂不扣分。")),
               Signature(office, today, keep_with=3)]
    return Paper(f"{facts.name}代表{year}年度履职档案", blocks, footer=f"{office}　{facts.name}代表履职档案", author=office)


def write_deputy_file(db: Database, deputy_id: int, year: int, path: Path | str, *, today: dt.date) -> Path:
    from gridoffice.services.common.settings import read_office_name

    path = check_target(path)
    paper = deputy_file(db, deputy_id, year, today=today, office=read_office_name(db))
    return write(paper, path)

