"""What the office prints for reception days: the 接待日公告 for the wall and the month's 值班表,
both set by `typography` (Song faces, GB/T 9704 title and signature, Chinese line breaking).

A notice is one A4 page in large type (it is read standing, from a metre away); a month's
notices print as one PDF, a page each. Deputies' phone numbers never appear on either paper:
residents call the station's own phone, its contact person, or the office's hotline.
"""
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (Flowable, HRFlowable, KeepInFrame, KeepTogether, PageBreak, Spacer, Table,
                                TableStyle)

from gridoffice.db import Database
from gridoffice.domain.dates import weekday_name
from gridoffice.domain.rules import level_label
from gridoffice.services.common.typography import (BOLD_FACE, HEI_FACE, KAI_FACE, OFFICIAL_RED, TITLE_FACE,
                                                   PaperParagraph, chinese_number, fit_columns, markup, paper_month_day, paper_styles,
                                                   paper_table, paragraph, photo_or_placeholder, signature_block,
                                                   time_range, write_paper)
from gridoffice.services.reception.duty import DutyRoster, StationDuty, load_duty_roster
from gridoffice.services.reception.notice import (DEFAULT_NOTICE_RULES, Notice, NoticeInputError,
                                                  past_notice_refusal)

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

NOTICE_MARGIN_MM = 20
PHOTO_WIDTH = 21 * mm
PHOTO_HEIGHT = 28 * mm
NUMERALS = "一二三四五六七八九十"


# --- the notice page ----------------------------------------------------------------------------

def _notice_styles() -> dict[str, ParagraphStyle]:
    base = paper_styles(15)["body"]
    return {
        "title": ParagraphStyle("n_title", parent=base, fontName=TITLE_FACE, fontSize=30, leading=40,
                                alignment=TA_CENTER, textColor=OFFICIAL_RED),
        "lead": ParagraphStyle("n_lead", parent=base, fontSize=15, leading=26, firstLineIndent=30),
        "item": ParagraphStyle("n_item", parent=base, fontSize=15, leading=26, firstLineIndent=30),
        "name": ParagraphStyle("n_name", parent=base, fontName=BOLD_FACE, fontSize=17, leading=22),
        "level": ParagraphStyle("n_level", parent=base, fontSize=12.5, leading=17),
        "unit": ParagraphStyle("n_unit", parent=base, fontSize=13.5, leading=19),
        "sign": ParagraphStyle("n_sign", parent=base, fontSize=15, leading=24, alignment=TA_CENTER),
        "caption": ParagraphStyle("n_caption", parent=base, fontSize=10, leading=13, alignment=TA_CENTER),
    }


def contact_text(notice: Notice) -> str:
    """How to book or reach the station: its own phone and contact person, the office's hotline."""
    parts = ["欢迎提前电话预约，也可在接待时间直接前来。"]
    station = "，".join(part for part in (f"联系人：{notice.contact}" if notice.contact else "",
                                          f"联系电话：{notice.station_phone}" if notice.station_phone else "") if part)
    if station:
        parts.append(f"本站{station}。")
    if notice.hotline:
        parts.append(f"{notice.office}热线：{notice.hotline}。")
    if not station and not notice.hotline:
        parts = ["可在接待时间直接前来，或到联络站咨询。"]
    return "".join(parts)


def notice_items(notice: Notice) -> list[tuple[str, str]]:
    """(label, text) of each numbered item; the deputies' text is what the table shows, in a line."""
    deputies = "、".join(f"{d.name}（{level_label(d.levels)}）" if d.levels else d.name for d in notice.deputies)
    return [
        ("接待时间", notice.when),
        ("接待地点", notice.where),
        ("接待代表", deputies or "另行公告"),
        ("反映内容", notice.settings.topics),
        ("预约和联系", contact_text(notice)),
        ("注意事项", DEFAULT_NOTICE_RULES),
    ]


def notice_lead(notice: Notice) -> str:
    return (f"为密切人大代表同人民群众的联系，倾听群众意见和建议，{notice.station}定于{notice.when}"
            "开展人大代表接待选民活动，欢迎居民群众前来反映意见和建议。现将有关事项公告如下：")


def notice_lines(notice: Notice) -> list[str]:
    """The notice's text, line by line (what the page says, without layout)."""
    return [notice_lead(notice)] + [f"{NUMERALS[i]}、{label}：{text}"
                                    for i, (label, text) in enumerate(notice_items(notice))]


def _deputy_table(notice: Notice, sheet: dict[str, ParagraphStyle], width: float) -> Table:
    rows = []
    for deputy in notice.deputies:
        picture = photo_or_placeholder(deputy.photo, PHOTO_WIDTH, PHOTO_HEIGHT)
        who = [paragraph(deputy.name, sheet["name"]), paragraph(level_label(deputy.levels), sheet["level"])]
        unit = [paragraph(deputy.work_unit, sheet["unit"])] if deputy.work_unit else []
        if deputy.post:
            unit.append(paragraph(deputy.post, sheet["unit"]))
        rows.append([picture, who, unit])
    name_width = 42 * mm
    widths = [PHOTO_WIDTH + 6 * mm, name_width, width - PHOTO_WIDTH - 6 * mm - name_width]
    table = Table(rows, colWidths=widths, hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, colors.HexColor("#9a9a9a")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]))
    return table


def _qr(text: str, size: float) -> "Drawing":
    # the QR code's module loads all of reportlab.graphics (65 ms): only the notices have one
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _item(number: int, label: str, text: str, style: ParagraphStyle) -> PaperParagraph:
    """一、接待时间：… with the label in 黑体 (a first-level heading of GB/T 9704)."""
    head = markup(f"{NUMERALS[number]}、{label}：", ParagraphStyle("h", parent=style, fontName=HEI_FACE))
    return PaperParagraph(f'<font name="{HEI_FACE}">{head}</font>{markup(text, style)}', style)


def _notice_page(notice: Notice, issued_on: dt.date, page_width: float, page_height: float) -> KeepInFrame:
    sheet = _notice_styles()
    width = page_width - 2 * NOTICE_MARGIN_MM * mm
    content = [
        paragraph(notice.settings.title, sheet["title"]),
        HRFlowable(width="100%", thickness=2, color=OFFICIAL_RED, spaceBefore=2 * mm, spaceAfter=5 * mm),
        paragraph(notice_lead(notice), sheet["lead"]),
        Spacer(1, 1 * mm),
    ]
    for number, (label, text) in enumerate(notice_items(notice)):
        if label == "接待代表" and notice.deputies:
            content.append(_item(number, label, "", sheet["item"]))
            content.append(_deputy_table(notice, sheet, width - sheet["item"].firstLineIndent))
            content.append(Spacer(1, 1.5 * mm))
        else:
            content.append(_item(number, label, text, sheet["item"]))
    signature = signature_block(notice.office, issued_on, width * 0.62, style=sheet["sign"])
    if notice.settings.qr_text:
        qr = [_qr(notice.settings.qr_text, 28 * mm), paragraph("扫码了解更多", sheet["caption"])]
        footer = Table([[qr, signature]], colWidths=[width * 0.38, width * 0.62])
        footer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        content += [Spacer(1, 2 * mm), footer]
    else:
        content += [Spacer(1, 2 * mm), signature_block(notice.office, issued_on, width, style=sheet["sign"])]
    # frame = page less margins (write_pdf adds 5 mm at the bottom) less the frame's own padding
    height = page_height - (2 * NOTICE_MARGIN_MM + 5) * mm - 13
    return KeepInFrame(width, height, content, mode="shrink")


def write_notices_pdf(path: Path | str, notices: Sequence[Notice], *, issued_on: dt.date) -> Path:
    """One A4 page per notice (a single day, or a month's batch), issued on `issued_on` (today).
    A notice for a day already past is refused (NoticeInputError, field "day")."""
    if not notices:
        raise NoticeInputError("day", "没有需要打印公告的接待日。")
    refusal = past_notice_refusal([n.date for n in notices], issued_on)
    if refusal:
        raise NoticeInputError("day", refusal)
    story = []
    for index, notice in enumerate(notices):
        if index:
            story.append(PageBreak())
        story.append(_notice_page(notice, issued_on, *A4))
    first = notices[0]
    title = first.settings.title if len(notices) == 1 else f"{first.settings.title}（{len(notices)} 份）"
    return write_paper(path, story, title=title, page_numbers=False, margins_mm=NOTICE_MARGIN_MM,
                       author=first.office)


# --- the duty roster ------------------------------------------------------------------------------

ROSTER_MARGIN_MM = 18
ROSTER_HEADERS = ["日期", "星期", "时间", "地点", "值班代表及工作单位、职务", "备注"]
ROSTER_FLEX = {3: 26, 4: 60, 5: 30}    # place, deputies, remark share what dates and times leave


def _roster_styles() -> dict[str, ParagraphStyle]:
    sheet = paper_styles(12)
    sheet["station"] = ParagraphStyle("r_station", parent=sheet["body"], fontName=HEI_FACE, fontSize=13.5,
                                      leading=20, spaceBefore=3 * mm, keepWithNext=1)
    sheet["facts"] = ParagraphStyle("r_facts", parent=sheet["body"], fontName=KAI_FACE, fontSize=11.5, leading=17,
                                    spaceAfter=1.5 * mm, keepWithNext=1)
    sheet["deputy"] = ParagraphStyle("r_deputy", parent=sheet["cell"], alignment=TA_LEFT)
    sheet["title2"] = ParagraphStyle("r_title2", parent=sheet["title"], fontSize=20, leading=28)
    return sheet


def short_place(place: str, station: str) -> str:
    """The room without the station's name the heading above already gives."""
    rest = place[len(station):].strip() if place.startswith(station) else place
    return rest or place


def _duty_cell(day, sheet: dict[str, ParagraphStyle]) -> list:
    if not day.deputies:
        return [paragraph("（未排）", sheet["cell"])]
    cell = []
    for deputy in day.deputies:
        level = f"（{deputy.level}）" if deputy.level else ""
        cell.append(PaperParagraph(f"<b>{markup(deputy.name, sheet['deputy'])}</b>{markup(level, sheet['deputy'])}"
                                   + (f"<br/>{markup(deputy.unit_post, sheet['deputy'])}" if deputy.unit_post else ""),
                                   sheet["deputy"]))
    return cell


def _station_block(number: int, station: StationDuty, sheet: dict[str, ParagraphStyle], width: float,
                   numbered: bool) -> list[Flowable]:
    head = f"{chinese_number(number + 1)}、{station.name}" if numbered else station.name
    facts = "　".join(part for part in (f"地址：{station.address}" if station.address else "",
                                        f"电话：{station.phone}" if station.phone else "",
                                        f"联系人：{station.contact}" if station.contact else "") if part)
    rows = []
    for day in station.days:
        rows.append([paper_month_day(day.date), weekday_name(day.date), time_range(day.start_time, day.end_time),
                     short_place(day.place, station.name), _duty_cell(day, sheet), day.remark])
    fixed = {column: [ROSTER_HEADERS[column]] + [row[column] for row in rows] for column in (0, 1, 2)}
    widths = fit_columns(width, [(fixed.get(i), ROSTER_FLEX.get(i, 1)) for i in range(len(ROSTER_HEADERS))],
                         sheet["header_cell"])
    table = paper_table(ROSTER_HEADERS, rows, widths, styles=sheet, centred=(0, 1, 2))
    # the station's name and facts stay with the start of its table (keepWithNext)
    return [paragraph(head, sheet["station"]), paragraph(facts or "（联络站地址和电话未填写）", sheet["facts"]), table]


def write_duty_roster_pdf(path: Path | str, roster: DutyRoster, *, today: dt.date) -> Path:
    """值班表: the month's receptions, station by station (its address, phone and contact above its
    table), each deputy with level, work unit and post; issued by the office with room for the seal."""
    sheet = _roster_styles()
    page = A4
    width = page[0] - 2 * ROSTER_MARGIN_MM * mm
    title = f"{roster.office}{roster.year}年{roster.month}月人大代表接待选民值班表"
    scope = "全部联络站" if roster.all_stations else roster.stations[0].name
    story: list[Flowable] = [
        paragraph(roster.office, sheet["title2"]),
        paragraph(f"{roster.year}年{roster.month}月人大代表接待选民值班表", sheet["title2"]),
        paragraph(f"{scope}　共 {roster.day_count} 次接待", sheet["subtitle"]),
    ]
    blocks = [_station_block(number, station, sheet, width, roster.all_stations)
              for number, station in enumerate(roster.stations)]
    for block in blocks[:-1]:
        story += block
    # the signature never stands alone on a page: it stays with the last station's table
    story.append(KeepTogether(blocks[-1] + [
        Spacer(1, 4 * mm), paragraph("值班安排如有变动，以联络站另行公告为准。居民可按上述电话联系各联络站。", sheet["small"]),
        signature_block(roster.office, today, width, style=sheet["sign"])]))
    return write_paper(path, story, title=title, pagesize=page, margins_mm=ROSTER_MARGIN_MM, author=roster.office)


def duty_roster(db: Database, path: Path | str, *, year: int, month: int, station_id: int | None,
                today: dt.date) -> Path:
    """The month's 值班表 of one station (or all when None), written to `path`. Raises
    EmptyRosterError, writing nothing, when the month has no reception day there."""
    roster = load_duty_roster(db, year, month, station_id)
    return write_duty_roster_pdf(path, roster, today=today)
