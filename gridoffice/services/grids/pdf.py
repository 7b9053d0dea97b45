"""Printed grid documents: the 网格责任表 and the one-page 两个全覆盖 summary, set by `typography`.

The 网格责任表 is handed out and posted: deputies' and grid workers' mobiles are masked
(138****1234), and every grid gives residents a number they can call: the phone of the station
its deputies belong to, or the office's hotline.
"""
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Deputy, DeputyGridLink, Grid, Station
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.rules import level_label, mask_phone
from gridoffice.domain.settings import HOTLINE
from gridoffice.domain.stations import short_station_name
from gridoffice.services.common.settings import get_setting, office_name
from gridoffice.services.common.typography import (SIZE_WUHAO, NothingToPrintError, chinese_number, fit_columns, paper_date,
                                                   paper_styles, paper_table, paragraph, signature_block,
                                                   write_paper)
from gridoffice.services.grids.coverage import MAX_DEPUTIES_PER_GRID, CoverageReport, percent_text, read_coverage

MARGIN_MM = 18
USABLE_WIDTH = 210 * mm - 2 * MARGIN_MM * mm
WARNING_RED = colors.HexColor("#b71c1c")
MAX_COMMUNITY_ROWS = 20   # more than this and the summary lists only communities with gaps


@dataclass(frozen=True)
class DutyRow:
    code: str
    name: str
    worker: str
    worker_phone: str       # masked
    deputies: list[str]     # "姓名（市、区人大代表）": residents reach them through the station
    call: str               # the number residents call: the deputies' station's phone, or the hotline
    call_label: str         # 中心站, 工委热线


def duty_rows(session: Session) -> list[tuple[str, list[DutyRow]]]:
    """(community, its grids) in the list's order; deputies are the serving ones, phones masked."""
    hotline = get_setting(session, HOTLINE)
    deputies: dict[int, list[str]] = defaultdict(list)
    stations: dict[int, Counter] = defaultdict(Counter)
    for grid_id, name, levels, station_id in session.exec(
            select(DeputyGridLink.grid_id, Deputy.name, Deputy.levels, Deputy.station_id)
            .join(Deputy, Deputy.id == DeputyGridLink.deputy_id)
            .where(Deputy.status == DeputyStatus.SERVING.value).order_by(Deputy.name_pinyin)):
        label = level_label(levels)
        deputies[grid_id].append(f"{name}（{label}）" if label else name)
        if station_id is not None:
            stations[grid_id][station_id] += 1
    phones = {s.id: (s.phone, short_station_name(s.name)) for s in session.exec(select(Station)) if s.phone}
    groups: dict[str, list[DutyRow]] = {}
    for grid, community in session.exec(select(Grid, Community.name).join(Community, Community.id == Grid.community_id)
                                        .order_by(Community.id, Grid.code)):
        call, label = _number_to_call(stations.get(grid.id, Counter()), phones, hotline)
        groups.setdefault(community, []).append(DutyRow(grid.code, grid.name, grid.worker_name,
                                                        mask_phone(grid.worker_phone), deputies.get(grid.id, []),
                                                        call, label))
    return list(groups.items())


def _number_to_call(stations: Counter, phones: dict[int, tuple[str, str]], hotline: str) -> tuple[str, str]:
    """The phone of the station most of the grid's deputies belong to, else the office's hotline."""
    for station_id, _count in stations.most_common():
        if station_id in phones:
            return phones[station_id]
    return (hotline, "工委热线") if hotline else ("", "")


def _duty_styles() -> dict[str, ParagraphStyle]:
    sheet = paper_styles()
    sheet["community"] = ParagraphStyle("duty_community", parent=sheet["heading"], fontSize=13, leading=19,
                                        spaceBefore=4 * mm, spaceAfter=1.5 * mm, keepWithNext=1)
    sheet["empty"] = ParagraphStyle("duty_empty", parent=sheet["cell"], textColor=WARNING_RED)
    return sheet


DUTY_HEADERS = ("网格编号", "网格名称", "网格员", "网格员电话", "联系代表", "居民联系电话")


def _duty_table(rows: list[DutyRow], sheet: dict[str, ParagraphStyle], widths: list[float]) -> Table:
    cells = []
    for r in rows:
        deputies = "\n".join(r.deputies) if r.deputies else ""
        deputy_cell = paragraph(deputies, sheet["cell"]) if deputies else paragraph("暂无联系代表", sheet["empty"])
        call = f"{r.call}\n（{r.call_label}）" if r.call else "—"
        cells.append([r.code, r.name, r.worker or "—", r.worker_phone or "—", deputy_cell, call])
    return paper_table(DUTY_HEADERS, cells, widths, styles=sheet, centred=(0, 2, 3, 5))


def write_grid_duty_pdf(db: Database, path: Path | str, *, today: dt.date) -> Path:
    """网格责任表: per community, each grid with its grid worker, its deputies and the number residents
    call; issued by the office, dated, with room for the seal. Raises NothingToPrintError when the
    office has no grid."""
    with db.session() as session:
        office = office_name(session)
        hotline = get_setting(session, HOTLINE)
        groups = duty_rows(session)
    if not groups:
        raise NothingToPrintError("还没有网格，没有生成网格责任表。请先在“网格”页新建或导入网格。")
    sheet = _duty_styles()
    total = sum(len(rows) for _c, rows in groups)
    every = [row for _c, rows in groups for row in rows]
    # every column on one line but the grid's name, which wraps if need be (a deputy's name and level
    # read badly over two lines)
    fixed = {0: [r.code for r in every], 2: [r.worker for r in every], 3: [r.worker_phone for r in every],
             4: [d for r in every for d in r.deputies] or ["暂无联系代表"],
             5: [r.call for r in every] + [f"（{r.call_label}）" for r in every]}
    widths = fit_columns(USABLE_WIDTH, [([DUTY_HEADERS[i]] + fixed[i] if i in fixed else None, 1)
                                        for i in range(len(DUTY_HEADERS))], sheet["header_cell"])
    story = [paragraph(f"{office}网格责任表", sheet["title"]),
             paragraph(f"共 {len(groups)} 个社区（村）、{total} 个网格", sheet["subtitle"])]
    for number, (community, rows) in enumerate(groups):
        heading = paragraph(f"{chinese_number(number + 1)}、{community}（{len(rows)} 个网格）", sheet["community"])
        table = _duty_table(rows, sheet, widths)
        story += [KeepTogether([heading, table])] if len(rows) <= 12 else [heading, table]
    reach = f"或拨打{office}热线{hotline}" if hotline else ""
    story.append(KeepTogether([
        Spacer(1, 4 * mm),
        paragraph(f"说明：居民如需联系网格代表，可拨打表中“居民联系电话”（代表所在联络站的电话）{reach}。"
                  "网格员电话已隐去中间四位。", sheet["small"]),
        signature_block(office, today, USABLE_WIDTH, style=sheet["sign"]),
    ]))
    return write_paper(path, story, title=f"{office}网格责任表", margins_mm=MARGIN_MM, author=office)


# --- 两个全覆盖 ---------------------------------------------------------------------------------------

def write_coverage_pdf(db: Database, path: Path | str, *, today: dt.date) -> Path:
    """The one-page summary of 两个全覆盖: the two rates, what is missing, community by community.
    Raises NothingToPrintError when there is neither a grid nor a serving deputy."""
    with db.session() as session:
        office = office_name(session)
        report = read_coverage(session)
    if not report.grid_total and not report.deputy_total:
        raise NothingToPrintError("还没有网格和在任代表，没有可汇总的“两个全覆盖”情况。")
    sheet = paper_styles(SIZE_WUHAO)    # one page: the body in 五号
    story = [paragraph(f"{office}“两个全覆盖”情况汇总", sheet["title"]),
             paragraph(f"每名代表进网格、每个网格有代表　　统计日期：{paper_date(today)}", sheet["subtitle"]),
             _figures_table(report, sheet), Spacer(1, 3 * mm)]
    story += _gaps(report, sheet)
    communities = report.communities
    heading = "各社区（村）情况"
    if len(communities) > MAX_COMMUNITY_ROWS:
        # a district has too many communities for one page: list those with something to fix
        communities = [c for c in communities if c.covered < c.grids or c.crowded]
        heading = (f"有缺口的社区（村）：{len(communities)} 个；其余 {len(report.communities) - len(communities)} 个"
                   f"社区（村）的网格全部有代表、且每格不超过 {MAX_DEPUTIES_PER_GRID} 名")
    headers = ("社区（村）", "网格数", "有代表的网格", "网格覆盖率", f"超过{MAX_DEPUTIES_PER_GRID}名代表", "联系代表人数")
    rows = [(c.name, str(c.grids), str(c.covered), percent_text(c.covered, c.grids), str(c.crowded), str(c.deputies))
            for c in communities]
    if rows:
        widths = fit_columns(USABLE_WIDTH, [(None, 1)] + [([h] + [r[i] for r in rows], 1)
                                                          for i, h in enumerate(headers) if i],
                             sheet["header_cell"])
        story += [paragraph(heading, sheet["heading"]),
                  paper_table(headers, rows, widths, styles=sheet, centred=(1, 2, 3, 4, 5), tight=True)]
    story.append(Spacer(1, 3 * mm))
    story.append(signature_block(office, today, USABLE_WIDTH, style=sheet["sign"], seal=False))
    return write_paper(path, story, title=f"{office}两个全覆盖情况汇总", margins_mm=MARGIN_MM,
                       footer_note="只统计在任代表", author=office)


def _figures_table(report: CoverageReport, sheet: dict[str, ParagraphStyle]) -> Table:
    big = ParagraphStyle("big", parent=sheet["title"], fontSize=24, leading=30, spaceAfter=0)
    label = ParagraphStyle("label", parent=sheet["body"], fontSize=10.5, leading=15, alignment=TA_CENTER)
    cells = [[paragraph(report.grid_rate, big), paragraph(report.deputy_rate, big)],
             [paragraph(f"网格有代表联系：{report.grids_covered} / {report.grid_total} 个网格", label),
              paragraph(f"代表进网格：{report.deputies_placed} / {report.deputy_total} 名在任代表", label)]]
    table = Table(cells, colWidths=[USABLE_WIDTH / 2] * 2)
    table.setStyle(TableStyle([("BOX", (0, 0), (0, -1), 0.6, colors.black),
                               ("BOX", (1, 0), (1, -1), 0.6, colors.black),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def _gap_table(headers: tuple[str, ...], rows: list[tuple[str, ...]], wrapped: int, sheet) -> Table:
    """A list of gaps: every column as wide as its content but `wrapped`, which takes the rest."""
    widths = fit_columns(USABLE_WIDTH, [(None if i == wrapped else [h] + [r[i] for r in rows], 1)
                                        for i, h in enumerate(headers)], sheet["header_cell"])
    return paper_table(headers, rows, widths, styles=sheet, tight=True)


def _gaps(report: CoverageReport, sheet: dict[str, ParagraphStyle]) -> list:
    story: list = []
    if report.complete and not report.crowded_grids:
        return [paragraph("全部网格都有在任代表联系，全部在任代表都已进网格，每个网格的代表不超过 "
                          f"{MAX_DEPUTIES_PER_GRID} 名。", sheet["body"])]
    heading = ParagraphStyle("gap_heading", parent=sheet["heading"], keepWithNext=1)
    if report.empty_grids:
        story.append(paragraph(f"没有代表联系的网格（{len(report.empty_grids)} 个）", heading))
        story.append(_gap_table(("网格编号", "网格名称", "所属社区（村）"),
                                [(g.code, g.name, g.community) for g in report.empty_grids], 2, sheet))
    if report.crowded_grids:
        story.append(paragraph(f"代表超过 {MAX_DEPUTIES_PER_GRID} 名的网格（{len(report.crowded_grids)} 个）", heading))
        story.append(_gap_table(("网格编号", "网格名称", "所属社区（村）", "代表"),
                                [(g.code, g.name, g.community, f"{g.deputy_count} 名：{g.deputies}")
                                 for g in report.crowded_grids], 3, sheet))
    if report.unplaced_deputies:
        story.append(paragraph(f"尚未进网格的在任代表（{len(report.unplaced_deputies)} 名）", heading))
        story.append(_gap_table(("姓名", "代表层级", "所属联络站"),
                                [(d.name, level_label(d.levels), d.station) for d in report.unplaced_deputies],
                                2, sheet))
    return story
