"""The three papers of the loop: 交办单 and 督办单 for the department, the 办理结果告知书 for the resident.

Who sees what (个人信息保护法: collect and show the minimum):
- 交办单 / 督办单 go to a government department, never on a wall. They carry the problem and
  where it is (the estate or village, no door number), not who raised it: most matters
  (a broken street light, parking) need no resident contact, and the department can reach
  the resident through the deputy or the office. When handling does need it (a repair inside
  a home), the clerk ticks 附群众联系方式 and the slip carries name, phone and full address.
- The 告知书 goes to the resident personally: it may name them, and carries nothing else of theirs.
"""
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from gridoffice.db import Database
from gridoffice.domain.dates import chinese_date
from gridoffice.domain.enums import OpinionStatus
from gridoffice.domain.opinion_rules import Step, days_overdue, is_overdue
from gridoffice.domain.rules import level_label, shorten_address
from gridoffice.domain.settings import HOTLINE

from gridoffice.services.opinions.detail import OpinionDetail, read_detail
from gridoffice.services.common.fonts import pdf_markup
from gridoffice.services.common.pdf import GRID_LINE, HEADER_FILL, forbid_line_start_punctuation, para, styles, write_pdf
from gridoffice.services.common.settings import get_setting, office_name

S = OpinionStatus
PAGE_WIDTH = 180 * mm     # A4 less 15 mm margins
LABEL_WIDTH = 26 * mm


class SlipError(ValueError):
    """This paper does not fit the opinion's state; the message is Chinese."""


@dataclass(frozen=True)
class _Office:
    name: str
    hotline: str


def _read(db: Database, opinion_id: int, today: dt.date) -> tuple[OpinionDetail, _Office]:
    """The opinion and the office's name and hotline, read in one transaction."""
    with db.session() as session:
        return read_detail(session, opinion_id, today), _Office(office_name(session), get_setting(session, HOTLINE))


# --- shared pieces ------------------------------------------------------------------------

def _sheet() -> dict[str, ParagraphStyle]:
    forbid_line_start_punctuation()
    sheet = styles()
    base = sheet["body"]
    sheet["label"] = ParagraphStyle("label", parent=base, fontSize=10.5, leading=15)
    sheet["value"] = ParagraphStyle("value", parent=base, fontSize=10.5, leading=15)
    sheet["letter"] = ParagraphStyle("letter", parent=base, fontSize=12.5, leading=22, firstLineIndent=25)
    sheet["salutation"] = ParagraphStyle("salutation", parent=base, fontSize=12.5, leading=22)
    sheet["sign"] = ParagraphStyle("sign", parent=base, fontSize=12, leading=20, alignment=TA_RIGHT)
    sheet["number"] = ParagraphStyle("number", parent=sheet["subtitle"], alignment=TA_RIGHT, spaceAfter=2 * mm)
    return sheet


def _form_table(rows: list[list], sheet: dict[str, ParagraphStyle], *, four_columns: bool = True,
                blank_heights: dict[int, float] | None = None) -> Table:
    """A ruled form: label, value (, label, value). A row of two cells spans the value across;
    `blank_heights` gives rows left empty to write in their height."""
    value_width = (PAGE_WIDTH - 2 * LABEL_WIDTH) / 2
    widths = [LABEL_WIDTH, value_width, LABEL_WIDTH, value_width] if four_columns else [LABEL_WIDTH,
                                                                                       PAGE_WIDTH - LABEL_WIDTH]
    data, spans, shaded = [], [], []
    for index, row in enumerate(rows):
        cells = [c if isinstance(c, Flowable) else para(c, sheet["value"]) for c in row]
        if four_columns and len(cells) == 2:
            cells += [para("", sheet["value"]), para("", sheet["value"])]
            spans.append(("SPAN", (1, index), (3, index)))
        data.append(cells)
        shaded += [("BACKGROUND", (0, index), (0, index), HEADER_FILL)]
        if four_columns and len(row) == 4:
            shaded.append(("BACKGROUND", (2, index), (2, index), HEADER_FILL))
    heights = [(blank_heights or {}).get(index) for index in range(len(data))]
    table = Table(data, colWidths=widths, rowHeights=heights)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, GRID_LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *spans, *shaded,
    ]))
    return table


def _label(text: str, sheet) -> Paragraph:
    return para(text, sheet["label"])


def _signatures(lines: list[tuple[str, str]], sheet) -> Table:
    """Two signature fields per row: '交办人（签字）：________'."""
    cells = [para(f"{left}：{'_' * 16}" if left else "", sheet["value"]) for left, _right in lines]
    rights = [para(f"{right}：{'_' * 16}" if right else "", sheet["value"]) for _left, right in lines]
    table = Table([[left, right] for left, right in zip(cells, rights)], colWidths=[PAGE_WIDTH / 2] * 2)
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 9), ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _deputy_text(detail: OpinionDetail) -> str:
    if not detail.deputy:
        return "（尚未认领）"
    label = level_label(detail.deputy_levels)
    return f"{detail.deputy}（{label}）" if label else detail.deputy


def _resident_rows(detail: OpinionDetail, with_contact: bool, sheet) -> list[list]:
    opinion = detail.opinion
    where = shorten_address(opinion.resident_address) or detail.grid
    rows = [[_label("问题地点", sheet), where or "（未填写）"]]
    if with_contact:
        contact = "　".join(part for part in (opinion.resident_name, opinion.resident_phone,
                                               opinion.resident_address) if part) or "（未留联系方式）"
        rows.append([_label("反映人", sheet), f"{contact}（仅供承办联系，请勿外传）"])
    else:
        rows.append([_label("反映人", sheet), "如需联系反映人，请与认领代表或工委联系（个人信息不在本单列出）"])
    return rows


def _assigned_on(detail: OpinionDetail) -> dt.date | None:
    steps = [h.on for h in detail.history if h.action == Step.ASSIGN]
    return steps[-1] if steps else None


def _title(office: _Office, name: str, sheet) -> list[Flowable]:
    return [para(office.name, sheet["subtitle"]), para(name, sheet["title"])]


# --- 交办单 -----------------------------------------------------------------------------------

def write_assignment_slip(db: Database, opinion_id: int, path: Path | str, *, today: dt.date,
                          with_contact: bool = False) -> Path:
    detail, office = _read(db, opinion_id, today)
    opinion = detail.opinion
    if not opinion.department_id:
        raise SlipError(f"意见 {opinion.serial} 还没有交办给职能部门，不能打印交办单：请先“交办”。")
    sheet = _sheet()
    assigned_on = _assigned_on(detail) or today
    rows = [
        [_label("意见编号", sheet), opinion.serial, _label("登记日期", sheet), chinese_date(opinion.received_on)],
        [_label("来源渠道", sheet), opinion.channel, _label("所属网格", sheet), detail.grid or "—"],
        [_label("意见分类", sheet), opinion.category, _label("紧急程度", sheet), opinion.urgency],
        [_label("反映问题", sheet), opinion.content],
        *_resident_rows(detail, with_contact, sheet),
        [_label("认领代表", sheet), _deputy_text(detail)],
        [_label("承办部门", sheet), detail.department, _label("办理方式", sheet), opinion.handling_mode],
        [_label("交办日期", sheet), chinese_date(assigned_on), _label("办理期限", sheet),
         f"{chinese_date(opinion.due_on)}前" if opinion.due_on else "—"],
        [_label("工作要求", sheet), "请承办部门在办理期限内办结，并将办理结果书面反馈" + office.name +
         "；不能按期办结的，请在期限前说明原因和预计办结时间。办理过程中请与认领代表保持沟通。"],
    ]
    feedback = [
        [_label("办理结果", sheet), ""],
        [_label("承办人", sheet), "", _label("反馈日期", sheet), "______年____月____日"],
    ]
    story = [
        *_title(office, "民情意见交办单", sheet),
        para(f"编号：{opinion.serial}", sheet["number"]),
        _form_table(rows, sheet),
        Spacer(1, 5 * mm),
        _signatures([("交办单位经办人（签字）", "认领代表（签字）"), ("承办部门签收人（签字）", "签收日期")], sheet),
        Spacer(1, 4 * mm),
        KeepTogether([para("承办部门办理结果反馈（办结后填写，连同本单交回）", sheet["heading"]),
                      _form_table(feedback, sheet, blank_heights={0: 34 * mm})]),
    ]
    return write_pdf(path, story, title=f"民情意见交办单 {opinion.serial}", footer_note=_footer(office))


def _footer(office: _Office) -> str:
    return f"{office.name}　联系电话：{office.hotline}" if office.hotline else office.name


# --- 督办单 -----------------------------------------------------------------------------------

def write_supervision_slip(db: Database, opinion_id: int, path: Path | str, *, today: dt.date,
                           with_contact: bool = False) -> Path:
    detail, office = _read(db, opinion_id, today)
    opinion = detail.opinion
    overdue = is_overdue(opinion.status, opinion.due_on, today)
    if opinion.status != S.ASSIGNED or not (overdue or opinion.handling_mode == "督办"):
        raise SlipError(f"意见 {opinion.serial} 不是超期未办结或督办中的事项，不需要督办单。")
    sheet = _sheet()
    late = days_overdue(opinion.due_on, today)
    steps = [h for h in detail.history if h.action in (Step.ASSIGN, Step.PROGRESS, Step.SUPERVISE, Step.REOPEN)]
    course = "<br/>".join(f"{h.on:%Y-%m-%d}　{h.action}：{pdf_markup(h.note)}" for h in steps) or "（无）"
    if overdue:
        demand = (f"该事项已超过办理期限 {late} 天仍未办结。请承办部门高度重视，于收到本督办单后 5 个工作日内办结，"
                  f"并将办理结果书面反馈{office.name}；确有困难的，请书面说明原因和预计办结时间。")
    else:
        demand = (f"请承办部门加快办理，于{chinese_date(opinion.due_on)}前办结，并将办理结果书面反馈{office.name}。")
    rows = [
        [_label("意见编号", sheet), opinion.serial, _label("登记日期", sheet), chinese_date(opinion.received_on)],
        [_label("反映问题", sheet), opinion.content],
        *_resident_rows(detail, with_contact, sheet),
        [_label("认领代表", sheet), _deputy_text(detail)],
        [_label("承办部门", sheet), detail.department, _label("办理方式", sheet), opinion.handling_mode],
        [_label("交办日期", sheet), chinese_date(_assigned_on(detail) or opinion.received_on),
         _label("办理期限", sheet), chinese_date(opinion.due_on) if opinion.due_on else "—"],
        [_label("超期情况", sheet), f"截至{chinese_date(today)}已超期 {late} 天" if overdue else "尚未超期"],
        [_label("办理经过", sheet), Paragraph(course, sheet["value"])],
        [_label("督办要求", sheet), demand],
    ]
    story = [
        *_title(office, "民情意见督办单", sheet),
        para(f"编号：督-{opinion.serial}　　督办日期：{chinese_date(today)}", sheet["number"]),
        _form_table(rows, sheet),
        Spacer(1, 6 * mm),
        _signatures([("督办单位经办人（签字）", "督办单位负责人（签字）"), ("承办部门签收人（签字）", "签收日期")], sheet),
    ]
    return write_pdf(path, story, title=f"民情意见督办单 {opinion.serial}", footer_note=_footer(office))


# --- 办理结果告知书 ---------------------------------------------------------------------------

def write_reply_notice(db: Database, opinion_id: int, path: Path | str, *, today: dt.date) -> Path:
    """The letter that tells the resident what came of their opinion (回音)."""
    detail, office = _read(db, opinion_id, today)
    opinion = detail.opinion
    if not opinion.result:
        raise SlipError(f"意见 {opinion.serial} 还没有办理结果，不能打印告知书：请先“办结”。")
    sheet = _sheet()
    greeting = f"尊敬的{opinion.resident_name}：" if opinion.resident_name else "尊敬的居民朋友："
    who = f"由{detail.deputy}代表认领，" if detail.deputy else ""
    handled = f"交{detail.department}办理" if detail.department else "经办理"
    contact = f"请与我们联系（电话：{office.hotline}）" if office.hotline else "请与我们联系"
    letter = [
        para(greeting, sheet["salutation"]),
        para(f"您于{chinese_date(opinion.received_on)}通过{_channel_phrase(opinion.channel)}反映的"
             f"“{opinion.content.rstrip('。．.！!；;')}”，{who}{handled}。现将办理结果告知如下：", sheet["letter"]),
        para(opinion.result, sheet["letter"]),
        para(f"感谢您对人大工作的关心和支持。如对办理结果有意见或建议，{contact}。", sheet["letter"]),
        Spacer(1, 10 * mm),
        para(office.name, sheet["sign"]),
        para(chinese_date(opinion.replied_on or today), sheet["sign"]),
        Spacer(1, 12 * mm),
    ]
    feedback = [
        [_label("意见编号", sheet), opinion.serial],
        [_label("您的评价", sheet), "□ 满意　　　□ 基本满意　　　□ 不满意"],
        [_label("意见建议", sheet), ""],
    ]
    story = [
        *_title(office, "民情意见办理结果告知书", sheet),
        Spacer(1, 4 * mm),
        *letter,
        KeepTogether([para("群众评价回执（可剪下交回认领代表或联络站）", sheet["heading"]),
                      _form_table(feedback, sheet, four_columns=False, blank_heights={2: 24 * mm})]),
    ]
    return write_pdf(path, story, title=f"办理结果告知书 {opinion.serial}", footer_note=_footer(office))


def _channel_phrase(channel: str) -> str:
    return {"接待日": "代表接待日", "走访": "代表走访", "电话": "电话", "微信群": "网格微信群", "意见箱": "民情意见箱",
            "网上": "网上留言"}.get(channel, "其他渠道")


def write_paper(db: Database, which: str, opinion_id: int, path: Path | str, *, today: dt.date,
                with_contact: bool = False) -> Path:
    """One of the three papers by the name the clerk sees: 交办单, 督办单 or 结果告知书 (which never
    carries the resident's contact: it goes to the resident)."""
    if which == "交办单":
        return write_assignment_slip(db, opinion_id, path, today=today, with_contact=with_contact)
    if which == "督办单":
        return write_supervision_slip(db, opinion_id, path, today=today, with_contact=with_contact)
    if which == "结果告知书":
        return write_reply_notice(db, opinion_id, path, today=today)
    raise ValueError(which)
