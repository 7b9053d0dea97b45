"""What the office prints for reception days: the month's 值班表 and the 接待日公告 for the wall.

A notice is one A4 page in large type (it is read standing, from a metre away); a month's
notices print as one PDF, a page each. Deputies' phone numbers never appear on a notice.
"""
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
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
from sqlmodel import Session, select

from gridoffice.domain import ReceptionDay, Station
from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.domain.enums import ReceptionStatus
from gridoffice.domain.rules import level_label
from gridoffice.domain.settings import HOTLINE

from .pdf import GRID_LINE, data_table, para, styles, write_pdf
from .reception import ReceptionRow, deputies_on_duty, list_month, month_bounds, short_station_name
from .settings import get_setting, office_name, set_setting

# settings the clerk edits in 工具 → 公告设置
NOTICE_TITLE = "reception_notice_title"
NOTICE_TOPICS = "reception_notice_topics"
NOTICE_QR = "reception_notice_qr"
DEFAULT_NOTICE_TITLE = "人大代表接待选民日公告"
DEFAULT_NOTICE_TOPICS = ("社区建设、环境卫生、交通出行、物业管理、养老托育、就业医疗等方面的意见和建议，"
                         "以及对政府部门工作的意见和建议。涉及诉讼、仲裁和信访的事项，请依法通过相应渠道反映。")
NOTICE_LEAD_DAYS = 3       # 提前公告: posted at least three days before
NOTICE_RED = colors.HexColor("#b71c1c")
PAGE_MARGIN_MM = 18
PHOTO_WIDTH = 20 * mm


class NoticeInputError(ValueError):
    """A notice setting that cannot be saved; the message is a Chinese sentence."""


@dataclass(frozen=True)
class NoticeSettings:
    title: str = DEFAULT_NOTICE_TITLE
    topics: str = DEFAULT_NOTICE_TOPICS
    qr_text: str = ""


def read_notice_settings(session: Session) -> NoticeSettings:
    return NoticeSettings(get_setting(session, NOTICE_TITLE) or DEFAULT_NOTICE_TITLE,
                          get_setting(session, NOTICE_TOPICS) or DEFAULT_NOTICE_TOPICS,
                          get_setting(session, NOTICE_QR))


def save_notice_settings(session: Session, settings: NoticeSettings) -> NoticeSettings:
    title, topics, qr_text = settings.title.strip(), settings.topics.strip(), settings.qr_text.strip()
    if not title:
        raise NoticeInputError("请填写公告标题，例如“人大代表接待选民日公告”。")
    if len(title) > 30:
        raise NoticeInputError("公告标题不能超过 30 个字，否则一行印不下。")
    if len(topics) > 300:
        raise NoticeInputError("“可以反映的内容”不能超过 300 个字，否则公告一页印不下。")
    if len(qr_text) > 500:
        raise NoticeInputError("二维码内容不能超过 500 个字符，太长的二维码手机难以识别。")
    set_setting(session, NOTICE_TITLE, title)
    set_setting(session, NOTICE_TOPICS, topics)
    set_setting(session, NOTICE_QR, qr_text)
    return NoticeSettings(title, topics, qr_text)


# --- the data of a notice -------------------------------------------------------------------------

@dataclass(frozen=True)
class NoticeDeputy:
    name: str
    levels: str
    work_unit: str
    post: str
    photo: Path | None


@dataclass(frozen=True)
class Notice:
    day_id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    station: str
    place: str
    address: str
    deputies: tuple[NoticeDeputy, ...]
    office: str
    hotline: str
    settings: NoticeSettings

    @property
    def when(self) -> str:
        half = "上午" if self.start_time.hour < 12 else "下午"
        return (f"{chinese_date(self.date)}（{weekday_name(self.date)}）"
                f"{half} {self.start_time:%H:%M}—{self.end_time:%H:%M}")


def load_notice(session: Session, day_id: int, attachments: Path | None = None) -> Notice:
    day = session.get(ReceptionDay, day_id)
    if day is None:
        raise NoticeInputError("这个接待日已被删除。")
    station = session.get(Station, day.station_id)
    deputies = []
    for deputy in deputies_on_duty(session, day_id):
        photo = attachments / deputy.photo_file if attachments and deputy.photo_file else None
        deputies.append(NoticeDeputy(deputy.name, deputy.levels, deputy.work_unit, deputy.post,
                                     photo if photo is not None and photo.is_file() else None))
    return Notice(day.id, day.date, day.start_time, day.end_time, station.name, day.place, station.address,
                  tuple(deputies), office_name(session), get_setting(session, HOTLINE), read_notice_settings(session))


def notice_day_ids(session: Session, day: dt.date, station_id: int | None = None) -> list[int]:
    """The reception days of a date that can have a notice (not cancelled)."""
    query = (select(ReceptionDay.id).where(ReceptionDay.date == day,
                                           ReceptionDay.status != ReceptionStatus.CANCELLED.value)
             .order_by(ReceptionDay.start_time, ReceptionDay.station_id))
    if station_id is not None:
        query = query.where(ReceptionDay.station_id == station_id)
    return list(session.exec(query))


def month_notice_day_ids(session: Session, year: int, month: int, *, today: dt.date) -> list[int]:
    """The month's planned days from today on: the notices still to post."""
    first, last = month_bounds(year, month)
    query = (select(ReceptionDay.id).where(ReceptionDay.date >= max(first, today), ReceptionDay.date <= last,
                                           ReceptionDay.status == ReceptionStatus.PLANNED.value)
             .order_by(ReceptionDay.date, ReceptionDay.start_time, ReceptionDay.station_id))
    return list(session.exec(query))


def late_notice_warning(days: Sequence[dt.date], today: dt.date) -> str:
    """A sentence when a notice is printed less than three days before its date; "" otherwise."""
    late = sorted(d for d in set(days) if (d - today).days < NOTICE_LEAD_DAYS)
    if not late:
        return ""
    listed = "、".join(chinese_date(d) for d in late[:5]) + ("等" if len(late) > 5 else "")
    return (f"{listed}的接待日距今不足 {NOTICE_LEAD_DAYS} 天：公告应至少提前 {NOTICE_LEAD_DAYS} 天张贴，"
            "请尽快张贴，并考虑通过电话或微信群另行通知居民。")


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
        raise NoticeInputError("没有需要打印公告的接待日。")
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


def duty_roster(session: Session, path: Path | str, *, year: int, month: int, station_id: int | None,
                today: dt.date) -> Path:
    rows = list_month(session, year, month, station_id)
    station = session.get(Station, station_id).name if station_id else None
    return write_duty_roster_pdf(path, rows, year=year, month=month, office=office_name(session), station=station,
                                 today=today)
