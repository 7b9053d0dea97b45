"""Printed grid documents: the 网格责任表 and the one-page 两个全覆盖 summary.

Phone numbers are masked (138****1234): both documents are meant to be handed out or posted.
"""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Deputy, DeputyGridLink, Grid
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.rules import level_label, mask_phone

from gridoffice.services.grids.coverage import MAX_DEPUTIES_PER_GRID, CoverageReport, percent_text, read_coverage
from gridoffice.services.common.pdf import data_table, para, styles, write_pdf
from gridoffice.services.common.settings import office_name

USABLE_WIDTH = 180 * mm   # A4 portrait less 15 mm margins
WARNING_RED = colors.HexColor("#c62828")
MAX_COMMUNITY_ROWS = 20   # more than this and the summary lists only communities with gaps


@dataclass(frozen=True)
class DutyRow:
    code: str
    name: str
    worker: str
    worker_phone: str
    deputies: list[str]     # "姓名　市、区人大代表　138****1234"


def duty_rows(session: Session) -> list[tuple[str, list[DutyRow]]]:
    """(community, its grids) in the list's order; deputies are the serving ones, phones masked."""
    deputies: dict[int, list[str]] = defaultdict(list)
    for grid_id, name, levels, mobile, office_phone in session.exec(
            select(DeputyGridLink.grid_id, Deputy.name, Deputy.levels, Deputy.mobile, Deputy.office_phone)
            .join(Deputy, Deputy.id == DeputyGridLink.deputy_id)
            .where(Deputy.status == DeputyStatus.SERVING.value).order_by(Deputy.name_pinyin)):
        parts = (name, level_label(levels), mask_phone(mobile or office_phone))
        deputies[grid_id].append("　".join(part for part in parts if part))
    groups: dict[str, list[DutyRow]] = {}
    for grid, community in session.exec(select(Grid, Community.name).join(Community, Community.id == Grid.community_id)
                                        .order_by(Community.id, Grid.code)):
        groups.setdefault(community, []).append(DutyRow(grid.code, grid.name, grid.worker_name,
                                                        mask_phone(grid.worker_phone), deputies.get(grid.id, [])))
    return list(groups.items())


def write_grid_duty_pdf(db: Database, path: Path | str, *, today: dt.date) -> Path:
    """网格责任表: per community, each grid with its grid worker and its deputies."""
    with db.session() as session:
        office = office_name(session)
        groups = duty_rows(session)
    sheet = styles()
    total = sum(len(rows) for _c, rows in groups)
    story = [para(f"{office}网格责任表", sheet["title"]),
             para(f"共 {len(groups)} 个社区（村）、{total} 个网格　　制表日期：{chinese_date(today)}", sheet["subtitle"])]
    header = ("网格编号", "网格名称", "网格员", "网格员电话", "联系代表（层级、电话）")
    widths = [24 * mm, 38 * mm, 18 * mm, 27 * mm, USABLE_WIDTH - 107 * mm]
    for community, rows in groups:
        cells = [(r.code, r.name, r.worker, r.worker_phone, "\n".join(r.deputies) or "暂无联系代表") for r in rows]
        table = data_table(header, cells, widths, font_size=9)
        empty_rows = [number for number, r in enumerate(rows, start=1) if not r.deputies]
        table.setStyle(TableStyle([("TEXTCOLOR", (4, n), (4, n), WARNING_RED) for n in empty_rows]))
        heading = para(f"{community}（{len(rows)} 个网格）", sheet["heading"])
        story.append(KeepTogether([heading, table]) if len(rows) <= 12 else heading)
        if len(rows) > 12:
            story.append(table)
    if not groups:
        story.append(para("还没有网格。", sheet["body"]))
    note = "电话号码已隐去中间四位。"
    return write_pdf(path, story, title=f"{office}网格责任表", footer_note=note)


def write_coverage_pdf(db: Database, path: Path | str, *, today: dt.date) -> Path:
    """The one-page summary of 两个全覆盖: the two rates, what is missing, community by community."""
    with db.session() as session:
        office = office_name(session)
        report = read_coverage(session)
    sheet = styles()
    story = [para(f"{office}“两个全覆盖”情况汇总", sheet["title"]),
             para(f"每名代表进网格、每个网格有代表　　统计日期：{chinese_date(today)}", sheet["subtitle"]),
             _figures_table(report, sheet), Spacer(1, 4 * mm)]
    story += _gaps(report, sheet)
    communities = report.communities
    heading = "各社区（村）情况"
    if len(communities) > MAX_COMMUNITY_ROWS:
        # a district has too many communities for one page: list those with something to fix
        communities = [c for c in communities if c.covered < c.grids or c.crowded]
        heading = (f"有缺口的社区（村）：{len(communities)} 个；其余 {len(report.communities) - len(communities)} 个"
                   f"网格全部有代表、且每格不超过 {MAX_DEPUTIES_PER_GRID} 名")
    story.append(para(heading, sheet["heading"]))
    rows = [(c.name, c.grids, c.covered, percent_text(c.covered, c.grids), c.crowded, c.deputies)
            for c in communities]
    story.append(data_table(("社区（村）", "网格数", "有代表的网格", "网格覆盖率", f"超过{MAX_DEPUTIES_PER_GRID}名代表",
                             "联系代表人数"), rows, [50 * mm, 20 * mm, 28 * mm, 27 * mm, 28 * mm, 27 * mm],
                            font_size=8.5))
    return write_pdf(path, story, title=f"{office}两个全覆盖情况汇总", footer_note="只统计在任代表")


def _figures_table(report: CoverageReport, sheet: dict[str, ParagraphStyle]) -> Table:
    big = ParagraphStyle("big", parent=sheet["body"], fontSize=22, leading=28, alignment=1)
    label = ParagraphStyle("label", parent=sheet["body"], fontSize=10, leading=14, alignment=1)
    cells = [[para(report.grid_rate, big), para(report.deputy_rate, big)],
             [para(f"网格有代表联系：{report.grids_covered} / {report.grid_total} 个网格", label),
              para(f"代表进网格：{report.deputies_placed} / {report.deputy_total} 名在任代表", label)]]
    table = Table(cells, colWidths=[USABLE_WIDTH / 2] * 2)
    table.setStyle(TableStyle([("BOX", (0, 0), (0, -1), 0.6, colors.HexColor("#7a8899")),
                               ("BOX", (1, 0), (1, -1), 0.6, colors.HexColor("#7a8899")),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2f6fa")),
                               ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return table


def _gaps(report: CoverageReport, sheet: dict[str, ParagraphStyle]) -> list:
    story: list = []
    if report.complete and not report.crowded_grids:
        return [para("全部网格都有在任代表联系，全部在任代表都已进网格，每个网格的代表不超过 "
                     f"{MAX_DEPUTIES_PER_GRID} 名。", sheet["body"])]
    if report.empty_grids:
        story.append(para(f"没有代表联系的网格（{len(report.empty_grids)} 个）", sheet["heading"]))
        story.append(data_table(("网格编号", "网格名称", "所属社区（村）"),
                                [(g.code, g.name, g.community) for g in report.empty_grids],
                                [35 * mm, 80 * mm, 65 * mm], font_size=9))
    if report.crowded_grids:
        story.append(para(f"代表超过 {MAX_DEPUTIES_PER_GRID} 名的网格（{len(report.crowded_grids)} 个）", sheet["heading"]))
        story.append(data_table(("网格编号", "网格名称", "所属社区（村）", "代表"),
                                [(g.code, g.name, g.community, f"{g.deputy_count} 名：{g.deputies}")
                                 for g in report.crowded_grids],
                                [28 * mm, 45 * mm, 35 * mm, 72 * mm], font_size=9))
    if report.unplaced_deputies:
        story.append(para(f"尚未进网格的在任代表（{len(report.unplaced_deputies)} 名）", sheet["heading"]))
        story.append(data_table(("姓名", "代表层级", "所属联络站"),
                                [(d.name, level_label(d.levels), d.station) for d in report.unplaced_deputies],
                                [35 * mm, 45 * mm, 100 * mm], font_size=9))
    return story
