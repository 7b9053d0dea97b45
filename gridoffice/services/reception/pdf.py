"""What the office prints for reception days: the month's 值班表 and the 接待日公告 for the wall.

A notice is one A4 page in large type (it is read standing, from a metre away); a month's
notices print as one PDF, a page each. Deputies' phone numbers never appear on a notice.
"""
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import HRFlowable, Image, KeepInFrame, PageBreak, Spacer, Table, TableStyle

from gridoffice.db import Database
from gridoffice.domain import Station
from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.domain.enums import ReceptionStatus
from gridoffice.domain.rules import level_label
from gridoffice.domain.stations import short_station_name

from gridoffice.services.common.pdf import GRID_LINE, data_table, para, styles, write_pdf
from gridoffice.services.common.settings import office_name
from gridoffice.services.reception.days import ReceptionRow, month_bounds, reception_rows
from gridoffice.services.reception.notice import Notice, NoticeInputError

NOTICE_RED = colors.HexColor("#b71c1c")
PAGE_MARGIN_MM = 18
PHOTO_WIDTH = 20 * mm


# --- the notice page ----------------------------------------------------------------------------

def _notice_styles() -> dict[str, ParagraphStyle]:
    base = styles()["body"]
    return {
        "title": ParagraphStyle("n_title", parent=base, fontSize=32, leading=42, alignment=TA_CENTER,
                                textColor=NOTICE_RED),
        "lead": ParagraphStyle("n_lead", parent=base, fontSize=17, leading=28, firstLineIndent=34),
        "item": ParagraphStyle("n_item", parent=base, fontSize=17, leading=28, leftIndent=85, firstLineIndent=-85),
        "cell": ParagraphStyle("n_cell", parent=base, fontSize=15, leading=20),
        "name": ParagraphStyle("n_name", parent=base, fontSize=19, leading=24),
        "sign": ParagraphStyle("n_sign", parent=base, fontSize=17, leading=30, alignment=TA_RIGHT),
        "caption": ParagraphStyle("n_caption", parent=base, fontSize=10.5, leading=14, alignment=TA_CENTER),
    }


def notice_lines(notice: Notice) -> list[str]:
    """The notice's text, line by line (what the page says, without layout)."""
    lines = [
        f"为密切人大代表同人民群众的联系，倾听群众呼声，{short_station_name(notice.station)}定于"
        f"{notice.when}开展人大代表接待选民活动，欢迎广大居民群众前来反映意见和建议。现将有关事项公告如下：",
        f"接待时间：{notice.when}",
        f"接待地点：{notice.place}",
    ]
    if notice.address:
        lines.append(f"详细地址：{notice.address}")
    lines.append("接待代表：" + ("、".join(d.name for d in notice.deputies) or "另行公告"))
    lines.append(f"反映内容：{notice.settings.topics}")
    if notice.hotline:
        lines.append(f"联系电话：{notice.hotline}")
    return lines


def _deputy_table(notice: Notice, sheet: dict[str, ParagraphStyle], width: float) -> Table:
    with_photos = any(d.photo for d in notice.deputies)
    rows = []
    for deputy in notice.deputies:
        unit = "\n".join(part for part in (deputy.work_unit, deputy.post) if part)
        row = [para(deputy.name, sheet["name"]), para(level_label(deputy.levels), sheet["cell"]), para(unit, sheet["cell"])]
        if with_photos:
            row.insert(0, _photo(deputy.photo) if deputy.photo else "")
        rows.append(row)
    # name and level as wide as their longest text (one line each), the work unit takes the rest
    widths = [min(_text_width([d.name for d in notice.deputies], sheet["name"]), 40 * mm),
              min(_text_width([level_label(d.levels) for d in notice.deputies], sheet["cell"]), 45 * mm)]
    if with_photos:
        widths.insert(0, PHOTO_WIDTH + 4 * mm)
    widths.append(width - sum(widths))
    table = Table(rows, colWidths=widths, hAlign="RIGHT")  # under the items' text, past their labels
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, GRID_LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _text_width(texts: Sequence[str], style: ParagraphStyle) -> float:
    return max((stringWidth(t, style.fontName, style.fontSize) for t in texts), default=0) + 14


def _photo(path: Path) -> Image:
    """The photo at PHOTO_WIDTH, or narrower when it is taller than 1.3 times that (never distorted)."""
    image = Image(str(path))
    width, height = PHOTO_WIDTH, image.imageHeight * PHOTO_WIDTH / image.imageWidth
    if height > PHOTO_WIDTH * 1.3:
        width, height = width * PHOTO_WIDTH * 1.3 / height, PHOTO_WIDTH * 1.3
    image.drawWidth, image.drawHeight = width, height
    return image


def _qr(text: str, size: float) -> Drawing:
    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _notice_page(notice: Notice, issued_on: dt.date, page_width: float, page_height: float) -> KeepInFrame:
    sheet = _notice_styles()
    width = page_width - 2 * PAGE_MARGIN_MM * mm
    lines = notice_lines(notice)
    content = [
        para(notice.settings.title, sheet["title"]),
        HRFlowable(width="100%", thickness=2, color=NOTICE_RED, spaceBefore=2 * mm, spaceAfter=6 * mm),
        para(lines[0], sheet["lead"]),
        Spacer(1, 3 * mm),
    ]
    for line in lines[1:]:
        if line.startswith("接待代表："):
            content.append(para("接待代表：", sheet["item"]))
            if notice.deputies:
                content.append(_deputy_table(notice, sheet, width - sheet["item"].leftIndent))
            content.append(Spacer(1, 2 * mm))
        else:
            content.append(para(line, sheet["item"]))
    signature = [para(notice.office, sheet["sign"]), para(chinese_date(issued_on), sheet["sign"])]
    if notice.settings.qr_text:
        qr = [_qr(notice.settings.qr_text, 30 * mm), para("扫码了解更多", sheet["caption"])]
        footer = Table([[qr, signature]], colWidths=[36 * mm, width - 36 * mm])
        footer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
        content += [Spacer(1, 4 * mm), footer]
    else:
        content += [Spacer(1, 8 * mm), *signature]
    # frame = page less margins (write_pdf adds 5 mm at the bottom) less the frame's own padding
    height = page_height - (2 * PAGE_MARGIN_MM + 5) * mm - 13
    return KeepInFrame(width, height, content, mode="shrink")


def write_notices_pdf(path: Path | str, notices: Sequence[Notice], *, issued_on: dt.date) -> Path:
    """One A4 page per notice (a single day, or a month's batch)."""
    if not notices:
        raise NoticeInputError("day", "没有需要打印公告的接待日。")
    story = []
    for index, notice in enumerate(notices):
        if index:
            story.append(PageBreak())
        story.append(_notice_page(notice, issued_on, *A4))
    first = notices[0]
    title = first.settings.title if len(notices) == 1 else f"{first.settings.title}（{len(notices)} 份）"
    return write_pdf(path, story, title=title, page_numbers=False, margins_mm=PAGE_MARGIN_MM)


# --- the duty roster ------------------------------------------------------------------------------

def roster_remark(row: ReceptionRow) -> str:
    if row.status != ReceptionStatus.PLANNED.value:
        return row.status + (f"：{row.notes}" if row.notes and row.status == ReceptionStatus.CANCELLED.value else "")
    return row.notes


def write_duty_roster_pdf(path: Path | str, rows: Sequence[ReceptionRow], *, year: int, month: int,
                          office: str, station: str | None, today: dt.date) -> Path:
    """值班表: the month's receptions for one station (`station` named) or all (None)."""
    sheet = styles()
    one_station = station is not None
    headers = ["日期", "星期", "时间", "地点", "值班代表（层级）", "备注"]
    weights = [20, 16, 25, 50, 45, 30]            # mm of the 186 mm of a portrait page
    if not one_station:
        headers.insert(3, "联络站")
        weights = [20, 16, 25, 32, 62, 68, 50]    # mm of the 273 mm of a landscape page
    body = []
    for row in rows:
        cells = [f"{row.date.month}月{row.date.day}日", weekday_name(row.date), row.time_range, row.place,
                 row.deputies or "（未排）", roster_remark(row)]
        if not one_station:
            cells.insert(3, row.station_short)
        body.append(cells)
    page = A4 if one_station else landscape(A4)
    usable = page[0] - 24 * mm
    widths = [usable * w / sum(weights) for w in weights]
    title = f"{office}{year}年{month}月人大代表接待选民值班表"
    scope = f"联络站：{station}" if one_station else "联络站：全部"
    story = [para(title, sheet["title"]),
             para(f"{scope}　　共 {len(rows)} 次接待　　制表日期：{chinese_date(today)}", sheet["subtitle"])]
    if body:
        story.append(data_table(headers, body, widths, font_size=10))
    else:
        story.append(para("本月没有安排接待日。", sheet["body"]))
    return write_pdf(path, story, title=title, pagesize=page, margins_mm=12, footer_note=office)


def duty_roster(db: Database, path: Path | str, *, year: int, month: int, station_id: int | None,
                today: dt.date) -> Path:
    """The month's 值班表 of one station (or all when None), written to `path`."""
    first, last = month_bounds(year, month)
    with db.session() as session:
        rows = reception_rows(session, start=first, end=last, station_id=station_id)
        station = session.get(Station, station_id).name if station_id else None
        office = office_name(session)
    return write_duty_roster_pdf(path, rows, year=year, month=month, office=office, station=station, today=today)
