"""Printouts of the roster: the 代表名册 table and the 代表信息公示牌 cards for the station wall."""
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Table, TableStyle
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Deputy, ReceptionRule, Station
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.enums import DeputyStatus, RecurrenceKind
from gridoffice.domain.rules import level_label, mask_phone
from gridoffice.domain.settings import DEFAULT_RECEPTION_TIME, HOTLINE

from gridoffice.services.common.pdf import GRID_LINE, data_table, para, styles, write_pdf
from gridoffice.services.roster.photos import photo_path
from gridoffice.services.roster.rows import DeputyRow
from gridoffice.services.common.settings import get_setting, office_name

ROSTER_MARGIN_MM = 12
BOARD_MARGIN_MM = 12
CARD_HEIGHT = 77 * mm
CARD_GAP = 5 * mm
CARDS_PER_ROW = 2
CARD_ROWS_PER_PAGE = 3
PHOTO_SIZE = (27 * mm, 36 * mm)
CHINESE_NUMBERS = "一二三四五"
WEEKDAY_NAMES = "一二三四五六日"
ODD_MONTHS, EVEN_MONTHS = "1,3,5,7,9,11", "2,4,6,8,10,12"


# --- 代表名册 ------------------------------------------------------------------------------------
def write_roster_pdf(path: Path | str, rows: Sequence[DeputyRow], *, office: str, today: dt.date,
                     filter_note: str = "", full_phone: bool = False) -> Path:
    """An A4 landscape table of the rows given (the roster as filtered); header repeated on every page."""
    with_status = any(r.status != DeputyStatus.SERVING.value for r in rows)
    header = ["序号", "姓名", "性别", "出生年月", "政治面貌", "代表层级", "工作单位及职务", "手机", "所属联络站", "所在网格"]
    widths_mm = [11, 18, 11, 17, 22, 17, 60, 26, 56, 35]
    if with_status:
        header.append("状态")
        widths_mm[6] -= 12
        widths_mm.append(12)
    cells = []
    for number, r in enumerate(rows, start=1):
        row = [number, r.name, r.gender, r.birth_month, r.party, r.levels, f"{r.work_unit}{r.post}",
               r.mobile if full_phone else mask_phone(r.mobile), r.station, r.grids]
        cells.append(row + [r.status] if with_status else row)
    sheet = styles()
    summary = "　".join(part for part in (filter_note, f"共 {len(rows)} 人", f"制表日期：{chinese_date(today)}") if part)
    story = [
        para(f"{office}代表名册", sheet["title"]),
        para(summary, sheet["subtitle"]),
        data_table(header, cells, [w * mm for w in widths_mm], font_size=9),
    ]
    return write_pdf(path, story, title=f"{office}代表名册", pagesize=landscape(A4), margins_mm=ROSTER_MARGIN_MM,
                     footer_note=office)


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


def describe_rule(rule: ReceptionRule) -> str:
    """A station's reception rule in words: 每月第一个周三 09:00-11:30, 每单月15日 14:30-17:00."""
    times = f"{rule.start_time:%H:%M}-{rule.end_time:%H:%M}"
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
        return _board_cards(session, db.attachments_dir, deputy_ids=deputy_ids, station_id=station_id)


def _board_cards(session: Session, attachments: Path, *, deputy_ids: Sequence[int] | None,
                 station_id: int | None) -> list[BoardCard]:
    query = (select(Deputy, Station).join(Station, Station.id == Deputy.station_id, isouter=True)
             .where(Deputy.status == DeputyStatus.SERVING.value).order_by(Station.id, Deputy.name_pinyin))
    if deputy_ids is not None:
        query = query.where(Deputy.id.in_(list(deputy_ids)))
    if station_id is not None:
        query = query.where(Deputy.station_id == station_id)
    rules = {rule.station_id: rule for rule in session.exec(select(ReceptionRule))}
    default_time = f"{get_setting(session, DEFAULT_RECEPTION_TIME)}（接待日期以联络站公告为准）"
    cards = []
    for deputy, station in session.exec(query):
        rule = rules.get(deputy.station_id)
        cards.append(BoardCard(
            name=deputy.name, levels=level_label(deputy.levels), work=f"{deputy.work_unit}{deputy.post}",
            station=station.name if station else "", reception=describe_rule(rule) if rule else default_time,
            phones=board_phones(deputy), photo=photo_path(attachments, deputy.photo_file),
        ))
    return cards


class PhotoPlaceholder(Flowable):
    """A neutral grey outline of head and shoulders where a deputy has no photo."""

    def __init__(self, width: float, height: float):
        super().__init__()
        self.width, self.height = width, height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        frame = canvas.beginPath()
        frame.rect(0, 0, self.width, self.height)
        canvas.setFillColor(colors.HexColor("#eceff1"))
        canvas.clipPath(frame, stroke=0, fill=1)   # the shoulders are cut off at the frame
        canvas.setFillColor(colors.HexColor("#b0bec5"))
        centre = self.width / 2
        canvas.circle(centre, self.height * 0.62, self.width * 0.2, stroke=0, fill=1)
        canvas.ellipse(centre - self.width * 0.38, -self.height * 0.12, centre + self.width * 0.38,
                       self.height * 0.4, stroke=0, fill=1)
        canvas.restoreState()
        canvas.setStrokeColor(colors.HexColor("#b0bec5"))
        canvas.rect(0, 0, self.width, self.height, fill=0, stroke=1)


def _photo(card: BoardCard) -> Flowable:
    if card.photo is not None:
        try:
            return Image(str(card.photo), width=PHOTO_SIZE[0], height=PHOTO_SIZE[1], kind="proportional")
        except OSError:
            pass  # an unreadable file prints as the placeholder rather than failing the board
    return PhotoPlaceholder(*PHOTO_SIZE)


def _card(card: BoardCard, width: float, sheet: dict[str, ParagraphStyle]) -> Table:
    name_style = ParagraphStyle("card_name", parent=sheet["body"], fontSize=20, leading=26)
    level_style = ParagraphStyle("card_level", parent=sheet["body"], fontSize=11, leading=15,
                                 textColor=colors.HexColor("#b71c1c"))
    body = ParagraphStyle("card_body", parent=sheet["body"], fontSize=9.5, leading=13.5)
    lines = [("工作单位", card.work), ("联络站", card.station), ("接待时间", card.reception)]
    lines += list(card.phones)
    details = [para(f"{label}：{value}", body) for label, value in lines if value]
    info = [para(card.name, name_style), para(card.levels, level_style)]
    data = [[_photo(card), info]] + [[line, ""] for line in details]
    table = Table(data, colWidths=[PHOTO_SIZE[0] + 4 * mm, width - PHOTO_SIZE[0] - 4 * mm],
                  rowHeights=[PHOTO_SIZE[1] + 5 * mm] + [None] * len(details))
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (1, 0), (1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8 * mm),
        ("TOPPADDING", (0, 0), (-1, 0), 3 * mm),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.HexColor("#cfd8dc")),
    ]
    style += [("SPAN", (0, row), (1, row)) for row in range(1, len(data))]
    table.setStyle(TableStyle(style))
    return table


def write_board_pdf(path: Path | str, cards: Sequence[BoardCard], *, office: str, hotline: str = "") -> Path:
    """Six cards to an A4 page, each station starting on a new page under its own title."""
    sheet = styles()
    page_width = A4[0] - 2 * BOARD_MARGIN_MM * mm
    card_width = (page_width - (CARDS_PER_ROW - 1) * CARD_GAP) / CARDS_PER_ROW
    title = ParagraphStyle("board_title", parent=sheet["title"], fontSize=20, leading=26, spaceAfter=1 * mm)
    subtitle = ParagraphStyle("board_subtitle", parent=sheet["subtitle"], fontSize=12, leading=17, spaceAfter=3 * mm)
    story: list[Flowable] = []
    for index, (station, station_cards) in enumerate(_by_station(cards)):
        if index:
            story.append(PageBreak())
        for start in range(0, len(station_cards), CARDS_PER_ROW * CARD_ROWS_PER_PAGE):
            page_cards = station_cards[start:start + CARDS_PER_ROW * CARD_ROWS_PER_PAGE]
            if start:
                story.append(PageBreak())
            story.append(para("人大代表信息公示", title))
            story.append(para(station or office, subtitle))
            story.append(_card_grid(page_cards, card_width, sheet))
    if not story:
        story.append(para("人大代表信息公示", title))
        story.append(para("没有在任代表可以公示。", ParagraphStyle("empty", parent=sheet["body"], alignment=TA_CENTER)))
    note = f"{office}　联系电话：{hotline}" if hotline else office
    return write_pdf(path, story, title=f"{office}代表信息公示牌", pagesize=A4, margins_mm=BOARD_MARGIN_MM,
                     footer_note=note)


def _by_station(cards: Sequence[BoardCard]) -> list[tuple[str, list[BoardCard]]]:
    groups: dict[str, list[BoardCard]] = {}
    for card in cards:
        groups.setdefault(card.station, []).append(card)
    return list(groups.items())


def _card_grid(cards: Sequence[BoardCard], card_width: float, sheet) -> Flowable:
    """Cards in a grid of equal boxes, with gap rows and columns between them."""
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
            boxes.append(("BOX", (len(row), len(rows)), (len(row), len(rows)), 1, GRID_LINE))
            row.append(cell)
        rows.append(row + [""] * (2 * CARDS_PER_ROW - 1 - len(row)))
    widths = [card_width if i % 2 == 0 else CARD_GAP for i in range(2 * CARDS_PER_ROW - 1)]
    heights = [CARD_HEIGHT if i % 2 == 0 else CARD_GAP for i in range(len(rows))]
    grid = Table(rows, colWidths=widths, rowHeights=heights)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 0), *boxes]))
    return KeepTogether([grid])


def write_board_for(db: Database, path: Path | str, *, deputy_ids: Sequence[int] | None = None,
                    station_id: int | None = None) -> Path:
    """The board of the deputies selected (see board_cards), titled with the office and its hotline."""
    with db.session() as session:
        cards = _board_cards(session, db.attachments_dir, deputy_ids=deputy_ids, station_id=station_id)
        office, hotline = office_name(session), get_setting(session, HOTLINE)
    return write_board_pdf(path, cards, office=office, hotline=hotline)
