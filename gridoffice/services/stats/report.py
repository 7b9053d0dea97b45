"""年度工作统计报告: the office's year in two to four pages, as PDF and as an editable Word document:
the sentence, the main figures with last year's, the activities, the opinions' loop, the outcomes,
the stations, the duty points, with the charts of the 统计 tab.

    write_annual_report(db, 2026, "2026年度工作统计报告.docx", today=today)

Privacy: no resident's name, phone or address is printed (the report goes up to the district).
"""
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from gridoffice.db import Database
from gridoffice.services.outcomes.figures import period_figures

from .breakdowns import Breakdown, by_activity_kind, by_station, some_breakdowns
from .figures import OfficeFigures, change_text, figure_text, incomplete_note, number, office_figures
from .paper import ChartRow, Heading, Note, Paper, Para, Signature, Subtitle, Table, Title, check_target, write
from .period import Period, Scope
from .points import Ranking, points_text, rank_deputies
from .series import Charts, charts

TOP_DEPUTIES = 10
MAIN_FIGURES = ("activities", "person_times", "residents", "opinions_collected", "opinions_resolved", "resolve_rate",
                "reply_rate", "suggestions_formed", "projects_done", "satisfaction_rate")


@dataclass(frozen=True)
class AnnualReport:
    paper: Paper
    figures: OfficeFigures
    charts: Charts
    ranking: Ranking


def _parts(figures: OfficeFigures) -> list[tuple[str, bool]]:
    return [(text, key is not None) for text, key in figures.sentence_parts()]


def _with_total(table: Breakdown, columns: list[int], label_total: str = "合计") -> list[list]:
    rows = [[row.label, *(_cell(row.values[i], table.columns[i].is_rate) for i in columns)] for row in table.rows]
    if table.total is not None:
        rows.append([label_total, *(_cell(table.total[i], table.columns[i].is_rate) for i in columns)])
    return rows


def _cell(value, is_rate: bool = False) -> str:
    if value is None:
        return "—"
    if is_rate:
        return f"{value:.1f}%"
    return number(value)


def annual_report(db: Database, year: int, *, today: dt.date, scope: Scope = Scope()) -> AnnualReport:
    period = Period.year(year)
    figures = office_figures(db, period, scope)
    tables = {table.key: table for table in some_breakdowns(db, period, scope, by_activity_kind, by_station)}
    data = charts(db, period, scope)
    ranking = rank_deputies(db, period, scope, today=today)
    outcomes = {f.key: f for f in period_figures(db, period.start, period.end)} if scope.is_whole else {}
    office = figures.office
    who = office if scope.is_whole else f"{office}{scope.name}"
    blocks: list = [Title(f"{who}{year}年度工作统计报告")]
    until = f"，数据截至{today.year}年{today.month}月{today.day}日" if today < period.end else ""
    blocks.append(Subtitle(f"（{year}年1月1日至12月31日{until}）"))

    # 一、总体情况
    blocks += [Heading("一、总体情况"), Para(_parts(figures))]
    rows = []
    for key in MAIN_FIGURES:
        figure = figures[key]
        if figure.value is None:
            continue
        before = "—" if figure.previous is None else f"{number(figure.previous)}{figure.unit}"
        rows.append([figure.label.replace("组织代表参加活动", "代表参加活动"), figure_text(figure), before,
                     change_text(figure).split("，", 1)[1] if "，" in change_text(figure) else "—"])
    blocks.append(Table(["项目", f"{year}年", "上年同期", "同比"], rows, [34, 18, 18, 30], numeric=(1, 2)))
    partial = incomplete_note(figures[MAIN_FIGURES[0]])
    if partial:   # the first year with the program: last year is only partly recorded
        blocks.append(Note(f"注：{partial}"))

    # 二、代表活动
    kinds = tables["kind"]
    top = "、".join(f"{row.label}{row.values[0]}次" for row in kinds.rows[:3])
    involved = figures.value("deputies_involved")
    per_head = figures.value("person_times") / involved if involved else 0
    blocks += [Heading("二、代表活动情况"), Para([(
        f"全年开展活动{number(figures.value('activities'))}次，组织代表参加{number(figures.value('person_times'))}人次，"
        f"参加活动的代表{number(involved)}名，人均{per_head:.1f}人次；"
        + (f"活动较多的是{top}。" if top else "")
        + f"走访活动中联系群众{number(figures.value('residents_in_activities'))}人次"
        + (f"，联络站接待日接待群众{number(figures.value('residents_at_reception'))}人次。"
           if figures.value("residents_at_reception") is not None else "。"), False)]),
        ChartRow([("monthly", 1.0)], height_pt=125),
        Table(["活动类型", "活动次数", "代表人次", "联系群众（人次）"], _with_total(kinds, [0, 1, 2]), [30, 20, 20, 24],
              numeric=(1, 2, 3), bold_last=True, keep_together=True)]

    # 三、民情意见办理
    categories = "、".join(f"{bar.label}（{bar.value}条）" for bar in data.categories[:3])
    mean = f"，从登记到办结平均{data.close_days_mean:g}天" if data.close_days_mean is not None else ""
    earlier = figures.value("opinions_earlier_resolved")
    satisfaction = figures["satisfaction_rate"]
    blocks += [Heading("三、民情意见办理情况"), Para([(
        f"收集群众意见{number(figures.value('opinions_collected'))}条，办结{number(figures.value('opinions_resolved'))}条，"
        f"办结率{figure_text(figures['resolve_rate'])}；回复群众{number(figures.value('opinions_replied'))}条，"
        f"回复率{figure_text(figures['reply_rate'])}{mean}"
        + (f"；另办结以前年度收集的意见{number(earlier)}条" if earlier else "") + "。"
        + (f"反映较多的是{categories}。" if categories else "")
        + (f"回访群众{number(figures.value('followups'))}件，群众满意度{figure_text(satisfaction)}。"
           if figures.value("followups") else ""), False)]),
        ChartRow([("funnel", 0.5), ("categories", 0.5)], height_pt=150),
        ChartRow([("close_times", 0.5), ("satisfaction", 0.5)], height_pt=125)]

    # 四、履职成果
    outcome = (f"形成代表建议{number(figures.value('suggestions_formed'))}件，办结{number(figures.value('suggestions_closed'))}件；"
               f"为民办实事{number(figures.value('projects_done'))}件；召开会议{number(figures.value('meetings_held'))}次，"
               f"代表参加{number(figures.value('meeting_person_times'))}人次")
    if outcomes:
        outcome += (f"；召开述职评议会{number(outcomes['appraisals_held'].value)}场，"
                    f"{number(outcomes['deputies_reported'].value)}名代表向选民述职；"
                    f"受理矛盾纠纷{number(outcomes['disputes_received'].value)}件，"
                    f"调解成功{number(outcomes['disputes_settled'].value)}件；"
                    f"网上履职活动{number(outcomes['online_activities'].value)}次")
    blocks += [Heading("四、履职成果"), Para([(outcome + "。", False)])]

    # 五、各联络站
    if scope.is_whole:
        stations = tables["station"]
        blocks += [Heading("五、各联络站情况"),
                   Table(["联络站", "活动次数", "代表人次", "接待日", "接待群众", "收集意见", "办结", "办结率"],
                         _with_total(stations, [0, 1, 3, 4, 5, 6, 7]), [24, 11, 11, 10, 11, 11, 10, 12],
                         numeric=(1, 2, 3, 4, 5, 6, 7), bold_last=True, font_size=10)]

    # 六、履职积分
    grades: dict[str, int] = {}
    for score in ranking.scores:
        grades[score.grade] = grades.get(score.grade, 0) + 1
    spread = "、".join(f"{grade}{count}名" for grade, count in grades.items() if grade)
    heading = "六、代表履职积分" if scope.is_whole else "五、代表履职积分"
    pending = "" if ranking.year_over else "年度尚未结束，底线要求暂不扣分，等级按目前得分计。"
    blocks += [Heading(heading), Para([(
        f"按{ranking.rules.describe()}计分，{len(ranking.scores)}名代表中"
        f"{spread}。{pending}", False)]),
        Table(["名次", "代表", "联络站", "履职得分", "全年总分", "等级"],
              [[str(s.rank), s.name, s.station, points_text(s.period_points), points_text(s.total), s.grade]
               for s in ranking.scores[:TOP_DEPUTIES]], [10, 16, 24, 16, 16, 12], numeric=(3, 4), centred=(0, 5),
              keep_together=True),
        Note("履职得分为全年各项得分和加减分之和；全年总分另含基础分和底线要求扣分。各项分值见积分规则表。"),
        Signature(office, today)]
    paper = Paper(f"{who}{year}年度工作统计报告", blocks, footer=office, author=office)
    return AnnualReport(paper, figures, data, ranking)


def write_annual_report(db: Database, year: int, path: Path | str, *, today: dt.date, scope: Scope = Scope()) -> Path:
    path = check_target(path)
    report = annual_report(db, year, today=today, scope=scope)
    return write(report.paper, path, charts=report.charts)
