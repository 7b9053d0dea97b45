"""Printouts of the roster: the 代表名册 table (filed, not posted) and the 代表信息公示牌 for the
station wall, both set by `typography` (Song faces, Chinese line breaking).

The board is posted station by station: each station's pages carry its name, address, phone and
contact person, are numbered on their own (第 1 页，共 2 页 within the station), and end with the
issuing office and the 公示 date. A deputy's mobile appears only with the deputy's consent
(`mobile_public`); residents are pointed to the station's phone and the office's hotline.
"""
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepInFrame, KeepTogether, PageBreak, Spacer, Table, TableStyle
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Deputy, DeputyGridLink, Grid, ReceptionRule, Station
from gridoffice.domain.enums import DeputyStatus, RecurrenceKind
from gridoffice.domain.rules import level_label, mask_phone
from gridoffice.domain.settings import DEFAULT_RECEPTION_TIME, HOTLINE
from gridoffice.domain.stations import short_station_name
from gridoffice.services.common.settings import get_setting, office_name
from gridoffice.services.common.typography import (BOLD_FACE, HEI_FACE, KAI_FACE, OFFICIAL_RED, TITLE_FACE,
                                                   NothingToPrintError, PageGroup, fit_columns, paper_date,
                                                   paper_styles, paper_table, paragraph, photo_or_placeholder,
                                                   time_range, write_paper)
from gridoffice.services.reception.duty import unit_and_post
from gridoffice.services.reception.notice import contact_key
from gridoffice.services.roster.photos import photo_path
from gridoffice.services.roster.rows import DeputyRow

ROSTER_MARGIN_MM = 12
BOARD_MARGIN_MM = 14
CARD_HEIGHT = 66 * mm
CARD_GAP = 4 * mm
CARDS_PER_ROW = 2
CARD_ROWS_PER_PAGE = 3
PHOTO_SIZE = (24 * mm, 32 * mm)
CHINESE_NUMBERS = "一二三四五"
WEEKDAY_NAMES = "一二三四五六日"
ODD_MONTHS, EVEN_MONTHS = "1,3,5,7,9,11", "2,4,6,8,10,12"


# --- 代表名册 ------------------------------------------------------------------------------------
ROSTER_HEADERS = ["序号", "姓名", "性别", "出生年月", "政治面貌", "代表层级", "工作单位及职务", "手机", "所属联络站",
                  "所在网格"]
ROSTER_WRAPPED = {6: 3.0, 9: 1.0}     # the text columns (unit and post, grids), by share of what is left


def write_roster_pdf(path: Path | str, rows: Sequence[DeputyRow], *, office: str, today: dt.date,
                     filter_note: str = "", full_phone: bool = False) -> Path:
    """An A4 landscape table of the rows given (the roster as filtered), each column as wide as its
    content (names, dates and phones never wrap), the header repeated and every page numbered.
    Raises NothingToPrintError when there are no rows."""
    if not rows:
        raise NothingToPrintError("没有可打印的代表：当前筛选条件下名册为空。请改变筛选条件后再打印。")
    with_status = any(r.status != DeputyStatus.SERVING.value for r in rows)
    header = ROSTER_HEADERS + (["状态"] if with_status else [])
    cells = []
    for number, r in enumerate(rows, start=1):
        row = [str(number), r.name, r.gender, r.birth_month, r.party, r.levels, unit_and_post(r.work_unit, r.post),
               r.mobile if full_phone else mask_phone(r.mobile), r.station, r.grids]
        cells.append(row + [r.status] if with_status else row)
    sheet = paper_styles()
    page = landscape(A4)
    width = page[0] - 2 * ROSTER_MARGIN_MM * mm
    columns = [(None if index in ROSTER_WRAPPED else [title] + [row[index] for row in cells],
                ROSTER_WRAPPED.get(index, 1)) for index, title in enumerate(header)]
    widths = fit_columns(width, columns, sheet["header_cell"])
    summary = "　".join(part for part in (filter_note, f"共 {len(rows)} 人", f"制表日期：{paper_date(today)}") if part)
    story = [
        paragraph(f"{office}人大代表名册", ParagraphStyle("roster_title", parent=sheet["title"], fontSize=20,
                                                       leading=28)),
        paragraph(summary, sheet["subtitle"]),
        paper_table(header, cells, widths, styles=sheet, centred=(0, 2, 3, 5) + ((len(header) - 1,) if with_status
                                                                                    else ())),
    ]
    note = "内部资料　手机号码完整，请妥善保管" if full_phone else "内部资料　手机号码已隐去中间四位"
    return write_paper(path, story, title=f"{office}人大代表名册", pagesize=page, margins_mm=ROSTER_MARGIN_MM,
                       footer_note=note, author=office)


def write_roster_for(db: Database, path: Path | str, rows: Sequence[DeputyRow], *, today: dt.date,
                     filter_note: str = "", full_phone: bool = False) -> Path:
    """The roster of the rows given, titled with the office's name."""
    with db.session() as session:
        office = office_name(session)
    return write_roster_pdf(path, rows, office=office, today=today, filter_note=filter_note, full_phone=full_phone)


# --- 代表信息公示牌 ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class BoardCard:
    name: str
    levels: str
    work: str
    station: str
    reception: str
    phones: tuple[tuple[str, str], ...]   # (label, number): never a mobile without consent
    photo: Path | None
    grids: str = ""                       # the grids the deputy serves: 西园社区第1网格、西园社区第2网格


@dataclass(frozen=True)
class BoardStation:
    """A station's part of the board: posted on its own wall, numbered on its own."""
    name: str
    address: str = ""
    phone: str = ""
    contact: str = ""
    cards: tuple[BoardCard, ...] = ()

    @property
    def short(self) -> str:
        return short_station_name(self.name) if self.name else ""


def describe_rule(rule: ReceptionRule) -> str:
    """A station's reception rule in words: 每月第一个周三 09:00—11:30, 每单月15日 14:30—17:00."""
    times = time_range(rule.start_time, rule.end_time)
    weekday = f"周{WEEKDAY_NAMES[rule.weekday % 7]}"
    if rule.recurrence == RecurrenceKind.WEEKLY.value:
        when = f"每{weekday}"
    elif rule.recurrence == RecurrenceKind.MONTH_DAY.value:
        months = rule.months.replace(" ", "")
        if not months:
            month_text = "每月"
        elif months == ODD_MONTHS:
            month_text = "每单月"
        elif months == EVEN_MONTHS:
            month_text = "每双月"
        else:
            month_text = "、".join(months.split(",")) + "月"
        when = f"{month_text}{rule.day_of_month}日"
    elif rule.nth < 0:
        when = f"每月最后一个{weekday}"
    else:
        when = f"每月第{CHINESE_NUMBERS[min(max(rule.nth, 1), 5) - 1]}个{weekday}"
    return f"{when} {times}"


def board_phones(deputy: Deputy) -> tuple[tuple[str, str], ...]:
    """The office phone; the mobile only where the deputy consented to show it."""
    phones = []
    if deputy.office_phone:
        phones.append(("办公电话", deputy.office_phone))
    if deputy.mobile and deputy.mobile_public:
        phones.append(("手机", deputy.mobile))
    return tuple(phones)


def board_cards(db: Database, *, deputy_ids: Sequence[int] | None = None,
                station_id: int | None = None) -> list[BoardCard]:
    """Cards of serving deputies (those given, or all), ordered by station then pinyin."""
    with db.session() as session:
        return [card for station in _board_stations(session, db.attachments_dir, deputy_ids=deputy_ids, station_id=station_id)
                for card in station.cards]


def _board_stations(session: Session, attachments: Path, *, deputy_ids: Sequence[int] | None,
                    station_id: int | None) -> list[BoardStation]:
    query = (select(Deputy, Station).join(Station, Station.id == Deputy.station_id, isouter=True)
             .where(Deputy.status == DeputyStatus.SERVING.value).order_by(Station.id, Deputy.name_pinyin))
    if deputy_ids is not None:
        query = query.where(Deputy.id.in_(list(deputy_ids)))
    if station_id is not None:
        query = query.where(Deputy.station_id == station_id)
    rules = {rule.station_id: rule for rule in session.exec(select(ReceptionRule))}
    grids: dict[int, list[str]] = {}
    for deputy_id, grid_name in session.exec(select(DeputyGridLink.deputy_id, Grid.name)
                                             .join(Grid, Grid.id == DeputyGridLink.grid_id).order_by(Grid.code)):
        grids.setdefault(deputy_id, []).append(grid_name)
    default_time = f"{get_setting(session, DEFAULT_RECEPTION_TIME)}（接待日期以联络站公告为准）"
    groups: dict[int | None, tuple[Station | None, list[BoardCard]]] = {}
    for deputy, station in session.exec(query):
        rule = rules.get(deputy.station_id)
        card = BoardCard(
            name=deputy.name, levels=level_label(deputy.levels), work=unit_and_post(deputy.work_unit, deputy.post),
            station=station.name if station else "", reception=describe_rule(rule) if rule else default_time,
            phones=board_phones(deputy), photo=photo_path(attachments, deputy.photo_file),
            grids="、".join(grids.get(deputy.id, [])),
        )
        groups.setdefault(station.id if station else None, (station, []))[1].append(card)
    return [BoardStation(station.name, station.address, station.phone, get_setting(session, contact_key(station.id)),
                         tuple(cards)) if station else BoardStation("", cards=tuple(cards))
            for station, cards in groups.values()]


def _board_styles() -> dict[str, ParagraphStyle]:
    sheet = paper_styles(11)
    body = sheet["body"]
    sheet.update({
        "board_title": ParagraphStyle("board_title", parent=body, fontName=TITLE_FACE, fontSize=24, leading=32,
                                      alignment=TA_CENTER, textColor=OFFICIAL_RED),
        "station": ParagraphStyle("board_station", parent=body, fontName=HEI_FACE, fontSize=14, leading=20,
                                  alignment=TA_CENTER),
        "facts": ParagraphStyle("board_facts", parent=body, fontName=KAI_FACE, fontSize=11, leading=15,
                                alignment=TA_CENTER),
        "name": ParagraphStyle("card_name", parent=body, fontName=BOLD_FACE, fontSize=19, leading=25),
        "level": ParagraphStyle("card_level", parent=body, fontSize=11, leading=15, textColor=OFFICIAL_RED),
        "work": ParagraphStyle("card_work", parent=body, fontSize=10.5, leading=14.5),
        "line": ParagraphStyle("card_line", parent=body, fontSize=10.5, leading=13.5),
        "foot": ParagraphStyle("board_foot", parent=body, fontSize=10.5, leading=15),
        "issuer": ParagraphStyle("board_issuer", parent=body, fontSize=12, leading=18, alignment=TA_CENTER),
        "right": ParagraphStyle("board_right", parent=body, alignment=TA_RIGHT),
    })
    return sheet


def station_facts(station: BoardStation) -> str:
    """地址：…　电话：…　联系人：… (what is known of the station)."""
    return "　".join(part for part in (f"地址：{station.address}" if station.address else "",
                                        f"电话：{station.phone}" if station.phone else "",
                                        f"联系人：{station.contact}" if station.contact else "") if part)


def _label_line(label: str, value: str, sheet) -> Flowable:
    return paragraph(f"{label}：{value}", sheet["line"])


def _card(card: BoardCard, width: float, sheet: dict[str, ParagraphStyle]) -> Flowable:
    info = [paragraph(card.name, sheet["name"]), paragraph(card.levels, sheet["level"]), Spacer(1, 1.5 * mm)]
    if card.work:
        info.append(paragraph(card.work, sheet["work"]))
    lines = [_label_line("接待时间", card.reception, sheet)]
    if card.grids:
        lines.append(_label_line("联系网格", card.grids, sheet))
    lines += [_label_line(label, number, sheet) for label, number in card.phones]
    photo_column = PHOTO_SIZE[0] + 3 * mm
    data = [[photo_or_placeholder(card.photo, *PHOTO_SIZE), info]] + [[line, ""] for line in lines]
    table = Table(data, colWidths=[photo_column, width - photo_column - 6 * mm])
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (1, 0), (1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0.4 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.4 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 2.5 * mm),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.HexColor("#9a9a9a")),
        ("TOPPADDING", (0, 1), (-1, 1), 2 * mm),
    ]
    style += [("SPAN", (0, row), (1, row)) for row in range(1, len(data))]
    table.setStyle(TableStyle(style))
    # a long work unit shrinks the card's text rather than spilling out of its box
    return KeepInFrame(width - 6 * mm, CARD_HEIGHT - 6 * mm, [table], mode="shrink")


def _card_grid(cards: Sequence[BoardCard], card_width: float, sheet) -> Table:
    """Cards in a grid of equal ruled boxes, with gaps between them."""
    cells = [_card(card, card_width, sheet) for card in cards]
    rows: list[list] = []
    boxes = []
    for start in range(0, len(cells), CARDS_PER_ROW):
        if rows:
            rows.append([""] * (2 * CARDS_PER_ROW - 1))
        row: list = []
        for column, cell in enumerate(cells[start:start + CARDS_PER_ROW]):
            if column:
                row.append("")
            boxes.append(("BOX", (len(row), len(rows)), (len(row), len(rows)), 0.8, colors.HexColor("#333333")))
            row.append(cell)
        rows.append(row + [""] * (2 * CARDS_PER_ROW - 1 - len(row)))
    widths = [card_width if i % 2 == 0 else CARD_GAP for i in range(2 * CARDS_PER_ROW - 1)]
    heights = [CARD_HEIGHT if i % 2 == 0 else CARD_GAP for i in range(len(rows))]
    grid = Table(rows, colWidths=widths, rowHeights=heights)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm), ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 0), *boxes]))
    return grid


def _board_foot(station: BoardStation, office: str, hotline: str, today: dt.date, width: float, sheet) -> Table:
    """How residents reach the deputies (the station's phone, the office's hotline), and the issuing
    office with the 公示 date, right-aligned as on an official notice."""
    reach = []
    if station.phone:
        reach.append(f"联络站电话{station.phone}")
    if hotline:
        reach.append(f"{office}热线{hotline}")
    contact = (f"如需联系以上代表，请拨打{'或'.join(reach)}。" if reach else "如需联系以上代表，请在接待时间到联络站。")
    issuer = [paragraph(office, sheet["issuer"]), paragraph(f"公示日期：{paper_date(today)}", sheet["issuer"])]
    table = Table([[paragraph(contact, sheet["foot"]), issuer]], colWidths=[width * 0.55, width * 0.45])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    return table


def write_board_pdf(path: Path | str, stations: Sequence[BoardStation], *, office: str, today: dt.date,
                    hotline: str = "") -> Path:
    """Six cards to an A4 page. Each station starts a page under its own title and facts, and its
    pages are numbered on their own; every page ends with the issuing office and the 公示 date.
    Raises NothingToPrintError when there is no card."""
    if not any(station.cards for station in stations):
        raise NothingToPrintError("没有可公示的在任代表：公示牌只印在任代表。请选择在任代表或其他联络站后再打印。")
    sheet = _board_styles()
    page_width = A4[0] - 2 * BOARD_MARGIN_MM * mm
    card_width = (page_width - (CARDS_PER_ROW - 1) * CARD_GAP) / CARDS_PER_ROW
    per_page = CARDS_PER_ROW * CARD_ROWS_PER_PAGE
    story: list[Flowable] = []
    for station in stations:
        if not station.cards:
            continue
        if story:
            story.append(PageBreak())
        story.append(PageGroup(station.name or "未分配联络站", note=station.short or office))
        for start in range(0, len(station.cards), per_page):
            if start:
                story.append(PageBreak())
            head = [paragraph("人大代表信息公示", sheet["board_title"]),
                    HRFlowable(width="100%", thickness=1.6, color=OFFICIAL_RED, spaceBefore=1 * mm,
                               spaceAfter=2.5 * mm),
                    paragraph(station.name or f"{office}（未分配联络站的代表）", sheet["station"])]
            facts = station_facts(station)
            if facts:
                head.append(paragraph(facts, sheet["facts"]))
            head.append(Spacer(1, 3 * mm))
            story.append(KeepTogether(head + [
                _card_grid(station.cards[start:start + per_page], card_width, sheet),
                Spacer(1, 3 * mm),
                _board_foot(station, office, hotline, today, page_width, sheet)]))
    return write_paper(path, story, title=f"{office}人大代表信息公示", pagesize=A4, margins_mm=BOARD_MARGIN_MM,
                       author=office)


def write_board_for(db: Database, path: Path | str, *, today: dt.date, deputy_ids: Sequence[int] | None = None,
                    station_id: int | None = None) -> Path:
    """The board of the serving deputies selected (those given, a station's, or all), station by
    station; raises NothingToPrintError, writing nothing, when none is serving."""
    with db.session() as session:
        stations = _board_stations(session, db.attachments_dir, deputy_ids=deputy_ids, station_id=station_id)
        office, hotline = office_name(session), get_setting(session, HOTLINE)
    return write_board_pdf(path, stations, office=office, today=today, hotline=hotline)
