"""The papers of the loop: 交办单 and 督办单 for the department, the 办理结果告知书 (or, for a matter
not accepted, the 不予受理告知书) for the resident. Set by `typography`: the office's name as a red
header over a Song title, one date style, the office's seal field at the foot.

Who sees what (个人信息保护法: collect and show the minimum):
- 交办单 / 督办单 go to a government department, never on a wall. They carry the problem and
  where it is (the estate and building, the grid; no room or door number), not who raised it:
  most matters (a broken street light, parking) need no resident contact, and the department can
  reach the resident through the deputy or the office. When handling does need it (a repair inside
  a home), the clerk ticks 附群众联系方式 and the slip carries name, phone and full address.
- The 告知书 goes to the resident personally: it may name them, and carries nothing else of theirs.
  Its lower part is a reply slip (群众评价回执) cut off along a 剪切线 and handed back.
"""
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer, Table, TableStyle

from gridoffice.db import Database
from gridoffice.domain.enums import OpinionStatus
from gridoffice.domain.opinion_rules import Step, days_overdue, is_overdue
from gridoffice.domain.rules import level_label, place_of_address
from gridoffice.domain.settings import HOTLINE
from gridoffice.services.common.settings import get_setting, office_name
from gridoffice.services.common.typography import (BOLD_FACE, HEI_FACE, OFFICIAL_RED, SIZE_SIHAO, SIZE_WUHAO,
                                                   TITLE_FACE, CutLine, paper_date, paper_styles, paragraph,
                                                   signature_block, tick_choices)
from gridoffice.services.common.typography import write_paper as write_pdf_paper
from gridoffice.services.opinions.detail import OpinionDetail, read_detail

S = OpinionStatus
MARGIN_MM = 20
PAGE_WIDTH = A4[0] - 2 * MARGIN_MM * mm - 12     # less the frame's padding
LABEL_WIDTH = 24 * mm
BLANK_DATE = "　　　　年　　月　　日"


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

def _sheet(body_size: float = SIZE_WUHAO) -> dict[str, ParagraphStyle]:
    sheet = paper_styles(body_size)
    body = sheet["body"]
    sheet.update({
        "header": ParagraphStyle("slip_header", parent=body, fontName=TITLE_FACE, fontSize=24, leading=32,
                                 alignment=TA_CENTER, textColor=OFFICIAL_RED),
        "slip_title": ParagraphStyle("slip_title", parent=body, fontName=TITLE_FACE, fontSize=20, leading=28,
                                     alignment=TA_CENTER, spaceBefore=2 * mm, spaceAfter=1 * mm),
        "number": ParagraphStyle("slip_number", parent=body, fontSize=SIZE_WUHAO, leading=16, alignment=TA_RIGHT,
                                 spaceAfter=2 * mm),
        "label": ParagraphStyle("slip_label", parent=body, fontName=BOLD_FACE, fontSize=SIZE_WUHAO, leading=15,
                                alignment=TA_CENTER),
        "value": ParagraphStyle("slip_value", parent=body, fontSize=SIZE_WUHAO, leading=15.5),
        "value_right": ParagraphStyle("slip_value_right", parent=body, fontSize=SIZE_WUHAO, leading=15.5,
                                      alignment=TA_RIGHT),
        "section": ParagraphStyle("slip_section", parent=body, fontName=HEI_FACE, fontSize=12, leading=18,
                                  spaceBefore=2 * mm, spaceAfter=1.5 * mm),
        "letter": ParagraphStyle("slip_letter", parent=body, fontSize=SIZE_SIHAO, leading=SIZE_SIHAO * 1.75,
                                 firstLineIndent=2 * SIZE_SIHAO),
        "salutation": ParagraphStyle("slip_salutation", parent=body, fontSize=SIZE_SIHAO, leading=SIZE_SIHAO * 1.75),
        "sign": ParagraphStyle("slip_sign", parent=body, fontSize=SIZE_SIHAO, leading=SIZE_SIHAO * 1.6,
                               alignment=TA_CENTER),
        "form_sign": ParagraphStyle("slip_form_sign", parent=body, fontSize=12, leading=19, alignment=TA_CENTER),
        "note": ParagraphStyle("slip_note", parent=sheet["small"], textColor=colors.HexColor("#333333")),
    })
    return sheet


def _header(office: _Office, title: str, number: str, sheet) -> list[Flowable]:
    """The office's name in red over a red rule (a 红头), the paper's name, its number at the right."""
    return [paragraph(office.name, sheet["header"]),
            HRFlowable(width="100%", thickness=1.6, color=OFFICIAL_RED, spaceBefore=1 * mm, spaceAfter=1 * mm),
            paragraph(title, sheet["slip_title"]),
            paragraph(number, sheet["number"])]


def _form_table(rows: list[list], sheet: dict[str, ParagraphStyle], *, four_columns: bool = True,
                blank_heights: dict[int, float] | None = None) -> Table:
    """A ruled form: label, value (, label, value). A row of two cells spans the value across;
    `blank_heights` gives rows left empty to write in their height."""
    value_width = (PAGE_WIDTH - 2 * LABEL_WIDTH) / 2
    widths = ([LABEL_WIDTH, value_width, LABEL_WIDTH, value_width] if four_columns
              else [LABEL_WIDTH, PAGE_WIDTH - LABEL_WIDTH])
    data, commands = [], []
    for index, row in enumerate(rows):
        cells = [cell if isinstance(cell, (Flowable, list)) else
                 paragraph(cell, sheet["label" if column % 2 == 0 else "value"]) for column, cell in enumerate(row)]
        if four_columns and len(cells) == 2:
            cells += ["", ""]
            commands.append(("SPAN", (1, index), (3, index)))
        data.append(cells)
    heights = [(blank_heights or {}).get(index) for index in range(len(data))]
    table = Table(data, colWidths=widths, rowHeights=heights)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.7, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        *commands,
    ]))
    return table


def _signatures(lines: list[tuple[str, str]], sheet) -> Table:
    """Two signature fields per row: '交办单位经办人（签字）：________'."""
    def field(label: str) -> Flowable:
        if not label:
            return paragraph("", sheet["value"])
        blank = BLANK_DATE if label.endswith("日期") else "_" * 14
        return paragraph(f"{label}：{blank}", sheet["value"])

    table = Table([[field(left), field(right)] for left, right in lines], colWidths=[PAGE_WIDTH / 2] * 2)
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _seal(office: _Office, day: dt.date, sheet) -> Flowable:
    """The issuing office and the date at the right, with room for the seal (盖章) pressed over them."""
    return signature_block(f"{office.name}（盖章）", day, PAGE_WIDTH, style=sheet["form_sign"])


def _deputy_text(detail: OpinionDetail) -> str:
    if not detail.deputy:
        return "（尚未认领）"
    label = level_label(detail.deputy_levels)
    return f"{detail.deputy}（{label}）" if label else detail.deputy


def problem_location(detail: OpinionDetail) -> str:
    """Where the matter is, in full but without the resident's door: the estate or village and the
    building or group (江滨新城20栋, 龙塘村三组), and the grid it lies in."""
    place = place_of_address(detail.opinion.resident_address)
    grid = f"{detail.grid}网格" if detail.grid and not detail.grid.endswith("网格") else detail.grid
    if place and grid:
        return f"{place}（{grid}）"
    return place or grid or "（未填写）"


def _resident_rows(detail: OpinionDetail, with_contact: bool) -> list[list]:
    opinion = detail.opinion
    rows = [["问题地点", problem_location(detail)]]
    if with_contact:
        contact = "　".join(part for part in (opinion.resident_name, opinion.resident_phone,
                                               opinion.resident_address) if part) or "（未留联系方式）"
        rows.append(["反映人", f"{contact}（仅供承办联系，请勿外传）"])
    else:
        rows.append(["反映人", "如需联系反映人，请与认领代表或工委联系（个人信息不在本单列出）"])
    return rows


def _assigned_on(detail: OpinionDetail) -> dt.date | None:
    steps = [h.on for h in detail.history if h.action == Step.ASSIGN]
    return steps[-1] if steps else None


def _footer(office: _Office) -> str:
    return f"{office.name}　联系电话：{office.hotline}" if office.hotline else office.name


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
        ["意见编号", opinion.serial, "登记日期", paper_date(opinion.received_on)],
        ["来源渠道", opinion.channel, "所属网格", detail.grid or "—"],
        ["意见分类", opinion.category, "紧急程度", opinion.urgency],
        ["反映问题", opinion.content],
        *_resident_rows(detail, with_contact),
        ["认领代表", _deputy_text(detail)],
        ["承办部门", detail.department, "办理方式", opinion.handling_mode],
        ["交办日期", paper_date(assigned_on), "办理期限", f"{paper_date(opinion.due_on)}前" if opinion.due_on else "—"],
        ["工作要求", "请承办部门在办理期限内办结，并将办理结果书面反馈" + office.name +
         "；不能按期办结的，请在期限前说明原因和预计办结时间。办理过程中请与认领代表保持沟通。"],
    ]
    feedback = [
        ["办理结果", ""],
        ["承办人", "", "联系电话", ""],
        ["承办部门（盖章）", paragraph(BLANK_DATE, sheet["value_right"])],
    ]
    story = [
        *_header(office, "民情意见交办单", f"编号：{opinion.serial}", sheet),
        _form_table(rows, sheet),
        Spacer(1, 3 * mm),
        _signatures([("交办单位经办人（签字）", "认领代表（签字）"), ("承办部门签收人（签字）", "签收日期")], sheet),
        _seal(office, assigned_on, sheet),
        KeepTogether([paragraph("承办部门办理结果反馈（办结后填写，连同本单交回）", sheet["section"]),
                      _form_table(feedback, sheet, blank_heights={0: 26 * mm, 2: 20 * mm})]),
    ]
    return write_pdf_paper(path, story, title=f"民情意见交办单 {opinion.serial}", margins_mm=MARGIN_MM,
                       footer_note=_footer(office), author=office.name)


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
    course = [paragraph(f"{paper_date(h.on)}　{h.action}：{h.note}", sheet["value"]) for h in steps] or "（无）"
    if overdue:
        demand = (f"该事项已超过办理期限 {late} 天仍未办结。请承办部门高度重视，于收到本督办单后 5 个工作日内办结，"
                  f"并将办理结果书面反馈{office.name}；确有困难的，请书面说明原因和预计办结时间。")
    else:
        demand = f"请承办部门加快办理，于{paper_date(opinion.due_on)}前办结，并将办理结果书面反馈{office.name}。"
    rows = [
        ["意见编号", opinion.serial, "登记日期", paper_date(opinion.received_on)],
        ["反映问题", opinion.content],
        *_resident_rows(detail, with_contact),
        ["认领代表", _deputy_text(detail)],
        ["承办部门", detail.department, "办理方式", opinion.handling_mode],
        ["交办日期", paper_date(_assigned_on(detail) or opinion.received_on),
         "办理期限", paper_date(opinion.due_on) if opinion.due_on else "—"],
        ["超期情况", f"截至{paper_date(today)}已超期 {late} 天" if overdue else "尚未超期"],
        ["办理经过", course],
        ["督办要求", demand],
    ]
    story = [
        *_header(office, "民情意见督办单", f"编号：督-{opinion.serial}", sheet),
        _form_table(rows, sheet),
        Spacer(1, 3 * mm),
        _signatures([("督办单位经办人（签字）", "督办单位负责人（签字）"), ("承办部门签收人（签字）", "签收日期")], sheet),
        _seal(office, today, sheet),
    ]
    return write_pdf_paper(path, story, title=f"民情意见督办单 {opinion.serial}", margins_mm=MARGIN_MM,
                       footer_note=_footer(office), author=office.name)


# --- 办理结果告知书, 不予受理告知书 --------------------------------------------------------------

REJECTION_GROUNDS = {     # reason → (what the matter is, how it is settled)
    "诉讼": ("属于应当通过诉讼途径解决的事项", "通过诉讼途径解决"),
    "仲裁": ("属于应当通过仲裁途径解决的事项", "通过仲裁途径解决"),
    "信访": ("属于应当通过信访渠道反映的事项", "通过信访渠道解决"),
}


def write_reply_notice(db: Database, opinion_id: int, path: Path | str, *, today: dt.date) -> Path:
    """The letter that tells the resident what came of their opinion (回音), with a reply slip to cut
    off and hand back; for a matter not accepted (不予受理), the letter that says why and where to go."""
    detail, office = _read(db, opinion_id, today)
    opinion = detail.opinion
    if opinion.status == S.REJECTED:
        return _write_rejection_notice(detail, office, path, today=today)
    if not opinion.result:
        raise SlipError(f"意见 {opinion.serial} 还没有办理结果，不能打印告知书：请先“办结”；"
                        "不属于受理范围的，请先办理“不予受理”，再打印不予受理告知书。")
    sheet = _sheet()
    who = f"由{detail.deputy}代表认领，" if detail.deputy else ""
    handled = f"交{detail.department}办理" if detail.department else "经办理"
    contact = f"请与我们联系（电话：{office.hotline}）" if office.hotline else "请与我们联系"
    letter = [
        *_letter_opening(detail, sheet),
        paragraph(f"您于{paper_date(opinion.received_on)}通过{_channel_phrase(opinion.channel)}反映的"
                  f"“{_matter(opinion.content)}”，{who}{handled}。现将办理结果告知如下：", sheet["letter"]),
        paragraph(opinion.result, sheet["letter"]),
        paragraph(f"感谢您对人大工作的关心和支持。如对办理结果有意见或建议，{contact}。", sheet["letter"]),
        Spacer(1, 2 * mm),
        signature_block(office.name, opinion.replied_on or today, PAGE_WIDTH, style=sheet["sign"]),
    ]
    story = [*_header(office, "民情意见办理结果告知书", f"编号：{opinion.serial}", sheet), *letter,
             _reply_slip(detail, office, sheet)]
    return write_pdf_paper(path, story, title=f"办理结果告知书 {opinion.serial}", margins_mm=MARGIN_MM,
                       footer_note=_footer(office), author=office.name)


def _letter_opening(detail: OpinionDetail, sheet) -> list[Flowable]:
    name = detail.opinion.resident_name
    return [Spacer(1, 2 * mm), paragraph(f"尊敬的{name}：" if name else "尊敬的居民朋友：", sheet["salutation"])]


def _matter(content: str) -> str:
    return content.rstrip("。．.！!；;")


def _reply_slip(detail: OpinionDetail, office: _Office, sheet) -> Flowable:
    """群众评价回执 below a 剪切线: 5 mm tick boxes with room to tick, space to write, a signature."""
    opinion = detail.opinion
    choices = tick_choices(["满意", "基本满意", "不满意"], sheet["value"], PAGE_WIDTH - LABEL_WIDTH - 10)
    rows = [
        ["意见编号", opinion.serial],
        ["您的评价", choices],
        ["意见建议", ""],
        ["评价人（签名）", paragraph(f"{'　' * 12}日期：{BLANK_DATE}", sheet["value"])],
    ]
    back = f"，或拨打{office.hotline}告知您的评价" if office.hotline else ""
    return KeepTogether([
        Spacer(1, 4 * mm),
        CutLine(),
        paragraph("群众评价回执", ParagraphStyle("slip_back_title", parent=sheet["slip_title"], fontSize=16,
                                                leading=22, spaceBefore=1 * mm)),
        _form_table(rows, sheet, four_columns=False, blank_heights={1: 12 * mm, 2: 26 * mm, 3: 12 * mm}),
        Spacer(1, 1.5 * mm),
        paragraph(f"请沿剪切线剪下本回执，交回认领代表或联络站{back}。", sheet["note"]),
    ])


def _write_rejection_notice(detail: OpinionDetail, office: _Office, path: Path | str, *, today: dt.date) -> Path:
    """不予受理告知书: the written reply a resident is owed when the matter is not one the office takes
    (诉讼, 仲裁, 信访, or another reason): why, and where to go instead."""
    opinion = detail.opinion
    sheet = _sheet()
    reason, course = REJECTION_GROUNDS.get(opinion.reject_reason, ("", ""))
    if not reason:
        note = _rejection_note(detail)
        reason = f"{note}，不属于人大代表联络站受理的范围" if note else "不属于人大代表联络站受理的范围"
    else:
        reason += "，不属于人大代表联络站受理的范围"
    where = opinion.referred_to or "有关部门"
    go = f"请您向{where}反映，依法{course}" if course else f"请您向{where}反映"
    contact = f"如有疑问，请与我们联系（电话：{office.hotline}）。" if office.hotline else "如有疑问，请与我们联系。"
    day = opinion.closed_on or today
    letter = [
        *_letter_opening(detail, sheet),
        paragraph(f"您于{paper_date(opinion.received_on)}通过{_channel_phrase(opinion.channel)}反映的"
                  f"“{_matter(opinion.content)}”，我们已认真研究。该事项{reason}，依照有关规定不予受理。",
                  sheet["letter"]),
        paragraph(f"为使您的诉求依法得到及时处理，{go}。", sheet["letter"]),
        paragraph(f"感谢您对人大工作的信任和支持。{contact}", sheet["letter"]),
        Spacer(1, 2 * mm),
        signature_block(office.name, day, PAGE_WIDTH, style=sheet["sign"]),
    ]
    story = [*_header(office, "民情意见不予受理告知书", f"编号：{opinion.serial}", sheet), *letter]
    return write_pdf_paper(path, story, title=f"不予受理告知书 {opinion.serial}", margins_mm=MARGIN_MM,
                       footer_note=_footer(office), author=office.name)


def _rejection_note(detail: OpinionDetail) -> str:
    """The clerk's own words for an 'other' reason: what follows the colon of the 不予受理 step."""
    notes = [h.note for h in detail.history if h.action == Step.REJECT]
    _head, _colon, note = (notes[-1] if notes else "").partition("：")
    return note.strip().rstrip("。")


def _channel_phrase(channel: str) -> str:
    return {"接待日": "代表接待日", "走访": "代表走访", "电话": "电话", "微信群": "网格微信群", "意见箱": "民情意见箱",
            "网上": "网上留言"}.get(channel, "其他渠道")


def write_paper(db: Database, which: str, opinion_id: int, path: Path | str, *, today: dt.date,
                with_contact: bool = False) -> Path:
    """One of the three papers by the name the clerk sees: 交办单, 督办单 or 结果告知书 (the 不予受理
    告知书 for a matter not accepted; it never carries the resident's contact: it goes to the resident)."""
    if which == "交办单":
        return write_assignment_slip(db, opinion_id, path, today=today, with_contact=with_contact)
    if which == "督办单":
        return write_supervision_slip(db, opinion_id, path, today=today, with_contact=with_contact)
    if which == "结果告知书":
        return write_reply_notice(db, opinion_id, path, today=today)
    raise ValueError(which)
