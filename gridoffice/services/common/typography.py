"""The typography of every paper the office posts or files: faces, sizes, dates, line breaking.

Modelled on GB/T 9704-2012 (党政机关公文格式), as far as a desktop program's papers go:

- the title in a heavy Song face (the standard's 小标宋; here Noto Serif SC Bold), black, or red
  on a notice for the wall; centred;
- the body in Song (the standard asks for 仿宋; no free TrueType 仿宋 covers the 8,105 characters
  of 通用规范汉字表, so the body is Noto Serif SC Regular); first-level headings in 黑体
  (WenQuanYi Micro Hei), second-level ones in 楷体 (LXGW WenKai);
- the issuing organ and the date at the foot, right-aligned with the date centred under the
  organ, and room above them for the seal, which is pressed over both;
- one date style, 2027年1月6日 (`paper_date`); weekdays as 星期三;
- line breaking after the Chinese rules (避头尾): no closing punctuation at the start of a line,
  no opening bracket or quote at its end; and runs that must not be split: numbers, dates
  (2027年1月6日, 2027-01-06), times (09:00—11:30), phone numbers, serials (2026-0365), Latin
  words, short bracketed notes such as （区） or （星期三）.

Every paper builds its paragraphs with `paragraph(text, style)` from `paper_styles()`, and writes
with `write_paper`. ReportLab's own CJK wrapping (wordWrap='CJK') cuts anywhere; `PaperParagraph`
replaces it. For a paper:

    sheet = paper_styles()                       # body 小四; paper_styles(SIZE_SANHAO) for a document
    story = [paragraph(title, sheet["title"]), ...,
             paper_table(headers, rows, fit_columns(width, [(texts or None, weight), ...], sheet["header_cell"]),
                         styles=sheet, centred=(0,)),
             signature_block(office, today, width)]
    write_paper(path, story, title=title)        # numbered 第 n 页，共 m 页; PageGroup(key) restarts it

Dates go through `paper_date`; columns of dates, times, phones and serials are sized by
`fit_columns` (or, for a list whose columns are not known in advance, `content_widths`) so they
never wrap; the reception notice and 值班表 (services/reception/pdf.py) are the worked examples.

Also here: `NothingToPrintError` (a paper with nothing on it is refused, nothing is written),
`photo_or_placeholder`, `TickBox` / `tick_choices` (5 mm boxes to tick by hand), `CutLine` (剪切线
above a slip to cut off), `chinese_number` (十一、 in headings). Ideographic spaces (　) keep their
full width (ReportLab's parser would fold them to one narrow space).
"""
import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.paragraph import ParaLines, _handleBulletWidth, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.domain.errors import FieldError
from gridoffice.services.common.fonts import (FALLBACK_FONT, PRIMARY_FONT, SONG_BOLD_FONT, SONG_FONT, font_runs,
                                              pdf_markup, register_pdf_fonts)

# --- faces, sizes, colours -------------------------------------------------------------------------

TITLE_FACE = SONG_BOLD_FONT     # 标题: 小标宋 role
BODY_FACE = SONG_FONT           # 正文: 宋体
BOLD_FACE = SONG_BOLD_FONT      # table headers, emphasis (<b> in a body paragraph)
HEI_FACE = PRIMARY_FONT         # 一级标题: 黑体
KAI_FACE = FALLBACK_FONT        # 二级标题: 楷体; also the rare-character fallback

# Chinese type sizes (字号) in points
SIZE_ERHAO = 22.0       # 二号: the title of a document
SIZE_SANHAO = 16.0      # 三号: the body of a document
SIZE_SIHAO = 14.0       # 四号
SIZE_XIAOSI = 12.0      # 小四
SIZE_WUHAO = 10.5       # 五号: tables
SIZE_XIAOWU = 9.0       # 小五: notes, footers

BLACK = colors.black
OFFICIAL_RED = colors.HexColor("#c8161d")   # the red of a 红头 and of a notice's title
RULE_GREY = colors.HexColor("#444444")

SEAL_SPACE = 18 * mm    # room above the issuer's name for the upper half of a 42 mm seal


class NothingToPrintError(FieldError):
    """A paper with nothing on it (no deputy, no grid, no row selected): nothing is written; the
    message is a Chinese sentence saying what is missing and what to do."""

    def __init__(self, message: str):
        super().__init__("selection", message)


# --- dates -----------------------------------------------------------------------------------------

def paper_date(day: dt.date) -> str:
    """The one date style of the papers: 2027年1月6日."""
    return chinese_date(day)


def paper_date_weekday(day: dt.date) -> str:
    """2027年1月6日（星期三）."""
    return f"{chinese_date(day)}（{weekday_name(day)}）"


def paper_month_day(day: dt.date) -> str:
    """1月6日: a date in a table whose title names the year."""
    return f"{day.month}月{day.day}日"


def chinese_number(number: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, up to 99 (the numbering of headings: 十一、…);
    larger numbers in digits."""
    digits = "零一二三四五六七八九"
    if not 0 < number < 100:
        return str(number)
    tens, units = divmod(number, 10)
    return ((digits[tens] if tens > 1 else "") + "十" if tens else "") + (digits[units] if units else "")


def time_range(start: dt.time, end: dt.time) -> str:
    """09:00—11:30, with the dash of Chinese text."""
    return f"{start:%H:%M}—{end:%H:%M}"


# --- line breaking ---------------------------------------------------------------------------------

# may not start a line (closing punctuation, pause marks, and the second half of —— and ……)
CANNOT_START = set("，。、；：！？）》」』】〉〕］｝”’…—·%‰℃°,.;:!?)]}>")
# may not end a line (opening brackets and quotes, currency and number signs)
CANNOT_END = set("（《「『【〈〔［｛“‘([{<￥$#№")

PROTECTED = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日"                          # 2027年1月6日
    r"|\d{4}年\d{1,2}月"                                 # 2027年1月
    r"|\d{1,2}月\d{1,2}日"                               # 1月6日
    r"|\d{1,2}:\d{2}\s*[—–~\-至]\s*\d{1,2}:\d{2}"        # 09:00—11:30
    r"|第\s*\d+\s*(?:[页条项次号组]|网格)"                 # 第 3 页, 第10网格
    r"|[0-9A-Za-z][0-9A-Za-z*#@._/:%+\-]*[0-9A-Za-z%*]"  # 2026-0365, 0571-88881234, 138****1234, 80.0%, gridoffice
    r"|[（(][^（）()\n]{1,8}[）)]"                          # （区） （星期三） （三楼308室）
    r"|——|……"
)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of `text` a line must not break inside."""
    return [match.span() for match in PROTECTED.finditer(text)]


def break_allowed(text: str) -> list[bool]:
    """allowed[i]: may a line break before text[i]? (allowed[0] is False.)"""
    allowed = [True] * (len(text) + 1)
    allowed[0] = False
    for i in range(1, len(text)):
        if text[i] in CANNOT_START or text[i - 1] in CANNOT_END:
            allowed[i] = False
    for start, end in protected_spans(text):
        for i in range(start + 1, end):
            allowed[i] = False
    # a Latin word stays whole (its letters are not in PROTECTED when mixed with spaces)
    return allowed


def _width(u, max_width: float) -> float:
    width = u.width
    if hasattr(width, "normalizedValue"):
        width._normalizer = max_width
        width = width.normalizedValue(max_width)
    return width


def _glyphs(frags) -> tuple[list, str, list[bool]]:
    """The paragraph's characters with their widths, as text, and where a line may break."""
    glyphs = []
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        text = text.replace(SPACE_MARK, IDEOGRAPHIC_SPACE)
        if text:
            glyphs.extend(cjkU(char, frag, "utf8") for char in text)
        else:
            glyphs.append(cjkU(text, frag, "utf8"))   # a line break, or an image
    plain = "".join(str(u) or "\ufffc" for u in glyphs)
    return glyphs, plain, break_allowed(plain)


def cjk_lines(frags, max_widths: Sequence[float], calc_bounds: bool, prepared=None) -> ParaLines:
    """Break the paragraph's fragments into lines by the Chinese rules (see the module's text).
    `prepared`: what `_glyphs(frags)` returned, when the same fragments are broken again."""
    glyphs, plain, allowed = prepared or _glyphs(frags)
    lines = []
    count = len(glyphs)
    start = 0
    while start < count:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        i = start
        end = None
        line_break = False
        while i < count:
            u = glyphs[i]
            if hasattr(u.frag, "lineBreak"):
                end, line_break = i + 1, True
                break
            width = _width(u, max_width)
            if used + width > max_width + _FUZZ and i > start:
                end = _break_point(plain, allowed, start, i)
                break
            used += width
            i += 1
        if end is None:
            end = count
        line = glyphs[start:end]
        while line and not line_break and str(line[-1]) == " ":
            line = line[:-1]   # a space at the end of a line takes no room
        used = sum(_width(u, max_width) for u in line if not hasattr(u.frag, "lineBreak"))
        lines.append(makeCJKParaLine(_runs(line), max_width, used, max_width - used, line_break, calc_bounds))
        start = end
        while start < count and plain[start] == " ":
            start += 1   # nor at the start of the next
    return ParaLines(kind=1, lines=lines)


def _runs(line: list) -> list:
    """The line's characters, those of one fragment joined: makeCJKParaLine measures and compares the
    fragment of each item, so it does that once a run, not once a character. Its line is the same: a
    fragment's characters end up in one word either way (an image or a line break stays alone)."""
    runs: list = []
    for u in line:
        frag = u.frag
        if runs and runs[-1][0] is frag and "cbDefn" not in frag.__dict__ and "lineBreak" not in frag.__dict__:
            runs[-1][1].append(u)
        else:
            runs.append((frag, [u]))
    return [glyphs[0] if len(glyphs) == 1 else _joined(frag, glyphs) for frag, glyphs in runs]


def _joined(frag, glyphs: list) -> cjkU:
    run = str.__new__(cjkU, "".join(glyphs))
    run._frag, run._width = frag, sum(u.width for u in glyphs)
    return run


def _break_point(plain: str, allowed: list[bool], start: int, overflow: int) -> int:
    """Where to end a line whose character `overflow` does not fit: the last place allowed, pushing
    what may not end or start a line onto the next; cut at `overflow` only when no place is allowed."""
    for i in range(overflow, start, -1):
        if allowed[i]:
            return i
    if plain[overflow] in CANNOT_START and (overflow + 1 >= len(plain) or allowed[overflow + 1]):
        return overflow + 1     # hang the comma in the margin rather than start a line with it
    if plain[overflow - 1] in CANNOT_END and overflow - 1 > start:
        return overflow - 1
    return overflow


class PaperParagraph(Paragraph):
    """A Paragraph broken by the Chinese rules: `cjk_lines` instead of ReportLab's CJK wrapping."""

    def breakLinesCJK(self, maxWidths):
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        if not self.frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName, textColor=style.textColor,
                             lines=[], ascent=style.fontSize, descent=-0.2 * style.fontSize)
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        # a table measures a cell's paragraph several times (widths, heights, a split at a page end):
        # its characters and their widths are looked up once
        frags, prepared = getattr(self, "_cjk_glyphs", (None, None))
        if frags is not self.frags:
            prepared = _glyphs(self.frags)
            self._cjk_glyphs = (self.frags, prepared)
        return cjk_lines(self.frags, maxWidths, auto_leading not in ("", "off"), prepared)


# ReportLab's parser folds every white-space run to one narrow space, the ideographic space (U+3000)
# too, so 地址：…　电话：… and a blank date (　　年　　月　　日) would close up: the space is carried
# through the parser as a private-use mark and set as U+3000, a full em, when lines are made.
IDEOGRAPHIC_SPACE = "\u3000"
SPACE_MARK = "\ue000"


def markup(text: object, style: ParagraphStyle) -> str:
    """Plain text as paragraph markup in the style's face: escaped, newlines kept, rare characters
    in a face that has them, ideographic spaces kept at their full width."""
    return pdf_markup(text, style.fontName).replace(IDEOGRAPHIC_SPACE, SPACE_MARK)


def paragraph(text: object, style: ParagraphStyle) -> PaperParagraph:
    """A paragraph of plain text (escaped), broken by the Chinese rules."""
    return PaperParagraph(markup(text, style), style)


def rich_paragraph(parts: Sequence[tuple[str, object]], style: ParagraphStyle) -> PaperParagraph:
    """A paragraph of plain-text parts, each "b" (bold) or "" (the style's face)."""
    pieces = []
    for kind, text in parts:
        piece = markup(text, style)
        pieces.append(f"<b>{piece}</b>" if kind == "b" else piece)
    return PaperParagraph("".join(pieces), style)


# --- styles ----------------------------------------------------------------------------------------

def paper_styles(body_size: float = SIZE_XIAOSI) -> dict[str, ParagraphStyle]:
    """The styles of a paper whose body is `body_size` points (小四 by default; 三号 for a document)."""
    register_pdf_fonts()
    leading = round(body_size * 1.6, 1)
    body = ParagraphStyle("paper_body", fontName=BODY_FACE, fontSize=body_size, leading=leading, wordWrap="CJK",
                          textColor=BLACK, alignment=TA_LEFT)
    title_size = max(SIZE_ERHAO, body_size + 6)
    table_size = min(body_size, SIZE_WUHAO)
    return {
        "title": ParagraphStyle("paper_title", parent=body, fontName=TITLE_FACE, fontSize=title_size,
                                leading=title_size * 1.45, alignment=TA_CENTER, spaceAfter=2 * mm),
        "subtitle": ParagraphStyle("paper_subtitle", parent=body, fontName=KAI_FACE, fontSize=body_size,
                                   leading=leading, alignment=TA_CENTER, spaceAfter=3 * mm),
        "heading": ParagraphStyle("paper_heading", parent=body, fontName=HEI_FACE, spaceBefore=2 * mm),
        "subheading": ParagraphStyle("paper_subheading", parent=body, fontName=KAI_FACE),
        "body": body,
        "indented": ParagraphStyle("paper_indented", parent=body, firstLineIndent=2 * body_size),
        "label": ParagraphStyle("paper_label", parent=body, fontName=BOLD_FACE),
        "small": ParagraphStyle("paper_small", parent=body, fontSize=SIZE_XIAOWU, leading=SIZE_XIAOWU * 1.45),
        "cell": ParagraphStyle("paper_cell", parent=body, fontSize=table_size, leading=table_size * 1.4),
        "cell_center": ParagraphStyle("paper_cell_center", parent=body, fontSize=table_size,
                                      leading=table_size * 1.4, alignment=TA_CENTER),
        "header_cell": ParagraphStyle("paper_header_cell", parent=body, fontName=BOLD_FACE, fontSize=table_size,
                                      leading=table_size * 1.4, alignment=TA_CENTER),
        "sign": ParagraphStyle("paper_sign", parent=body, alignment=TA_CENTER),
        "right": ParagraphStyle("paper_right", parent=body, alignment=TA_RIGHT),
    }


def paper_table(header: Sequence[str], rows: Sequence[Sequence[object]], col_widths: Sequence[float], *,
                styles: dict[str, ParagraphStyle] | None = None, centred: Sequence[int] = (),
                tight: bool = False) -> Table:
    """A table ruled in thin black lines, its header row in bold and repeated on every page;
    columns in `centred` are centred (dates, weekdays). A cell is plain text, or flowables as they are.
    `tight` rows (less padding) for a summary that must keep to one page."""
    sheet = styles or paper_styles()
    data = [[paragraph(h, sheet["header_cell"]) for h in header]]
    for row in rows:
        data.append([value if isinstance(value, (Flowable, list, tuple)) else
                     paragraph(value, sheet["cell_center"] if column in centred else sheet["cell"])
                     for column, value in enumerate(row)])
    table = Table(data, colWidths=list(col_widths), repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, BLACK),
        ("LINEBELOW", (0, 0), (-1, 0), 1.0, BLACK),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f0f0")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5 if tight else 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 if tight else 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def text_width(text: str, style: ParagraphStyle) -> float:
    """The width of one line of plain text in the style (each character in the face that prints it)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(run, font, style.fontSize) for font, run in font_runs(text, style.fontName))


def fit_columns(total: float, columns: Sequence[tuple[Sequence[str] | None, float]], style: ParagraphStyle, *,
                padding: float = 8.0) -> list[float]:
    """Column widths for a table `total` wide. Each column is (texts, weight): a column with texts is
    as wide as its widest text on one line (dates, times, serials: never broken); a column with None
    shares what is left by its weight (wrapped text). Fixed columns shrink in proportion when they
    would not leave the others 20 mm each."""
    fixed = {i: max((text_width(t, style) for t in texts), default=0) + padding + 0.5
             for i, (texts, _w) in enumerate(columns) if texts is not None}
    flexible = {i: weight for i, (texts, weight) in enumerate(columns) if texts is None}
    room = total - sum(fixed.values())
    least = 20 * mm * len(flexible)
    if room < least and fixed:
        scale = max(0.0, total - least) / sum(fixed.values())
        fixed = {i: w * scale for i, w in fixed.items()}
        room = total - sum(fixed.values())
    weights = sum(flexible.values()) or 1
    return [fixed[i] if i in fixed else room * flexible[i] / weights for i in range(len(columns))]


# a cell that must stay on one line: a number, a date, a time, a phone, a serial, a code (what
# PROTECTED keeps whole), or a short text (a name, a status) of at most SHORT_TEXT characters
TOKEN = re.compile(r"[0-9A-Za-z*#@._/:%+\-—–~年月日（）()]*")
SHORT_TEXT = 6
SHORT_COLUMN = 28 * mm   # a text column this narrow on one line is kept on one line too


def _is_token(text: str) -> bool:
    text = text.strip()
    return not text or len(text) <= SHORT_TEXT or bool(TOKEN.fullmatch(text) and any(c.isdigit() for c in text))


def _column_texts(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[list[str]]:
    return [[str(h)] + ["" if row[i] is None else str(row[i]) for row in rows] for i, h in enumerate(header)]


def natural_widths(header: Sequence[str], rows: Sequence[Sequence[object]], style: ParagraphStyle) -> list[float]:
    """Each column's width with every entry on one line, the header in bold (and the cell's padding)."""
    bold = ParagraphStyle("measure_bold", parent=style, fontName=BOLD_FACE)
    return [max([text_width(column[0], bold)] + [text_width(line, style) for t in column[1:]
                                                 for line in t.split("\n")]) + 8.5
            for column in _column_texts(header, rows)]


def content_widths(total: float, header: Sequence[str], rows: Sequence[Sequence[object]],
                   style: ParagraphStyle) -> list[float]:
    """Column widths for a list `total` wide, sized from what the columns hold: columns of numbers,
    dates, phones, serials, codes and short words are as wide as their widest entry and never wrap;
    only the longer text columns wrap, sharing what is left in proportion to their length. When
    nothing needs to wrap, every column grows in proportion to fill the width."""
    texts = _column_texts(header, rows)
    natural = natural_widths(header, rows, style)
    wrapped = [not all(_is_token(line) for t in column[1:] for line in t.split("\n")) and natural[i] > SHORT_COLUMN
               for i, column in enumerate(texts)]
    if sum(natural) <= total:
        return [w * total / sum(natural) for w in natural] if natural else []
    if not any(wrapped):   # too wide, and nothing may wrap: the longest columns wrap after all
        wrapped = [w > SHORT_COLUMN for w in natural]
    columns = [(None if wrapped[i] else [line for t in column for line in t.split("\n")], natural[i] ** 0.5)
               for i, column in enumerate(texts)]
    return fit_columns(total, columns, ParagraphStyle("measure_bold", parent=style, fontName=BOLD_FACE))


def signature_block(issuer: str, day: dt.date, width: float, *, style: ParagraphStyle | None = None,
                    seal: bool = True) -> Table:
    """The issuing organ and the date at the foot, right-aligned (four characters from the margin),
    the date centred under the organ's name, with room above for the seal pressed over both."""
    style = style or paper_styles()["sign"]
    chars = max(len(issuer), len(paper_date(day))) + 2
    block = min(width, chars * style.fontSize)
    right_gap = min(4 * style.fontSize, max(0.0, width - block))
    cells = [[paragraph(issuer, style)], [paragraph(paper_date(day), style)]]
    inner = Table(cells, colWidths=[block])
    inner.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    rows = [[Spacer(1, SEAL_SPACE if seal else 0), ""], [inner, ""]]
    outer = Table(rows, colWidths=[block, right_gap], hAlign="RIGHT")
    outer.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    outer.seal_space = SEAL_SPACE if seal else 0   # for tests and for layouts that measure it
    return outer


# --- pieces of forms: tick boxes, the cut line -----------------------------------------------------

TICK_BOX = 5 * mm       # a box a pen can tick


class TickBox(Flowable):
    """An empty square `size` wide (5 mm) to tick by hand, standing on the text's baseline area."""

    def __init__(self, size: float = TICK_BOX):
        super().__init__()
        self.width = self.height = size

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        self.canv.setStrokeColor(BLACK)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)


def tick_choices(labels: Sequence[str], style: ParagraphStyle, width: float) -> Table:
    """A row of 5 mm tick boxes, each followed by its label, spread across `width`."""
    cells: list = []
    widths: list[float] = []
    share = width / max(len(labels), 1)
    for label in labels:
        cells += [TickBox(), paragraph(label, style)]
        widths += [TICK_BOX + 2.5 * mm, share - TICK_BOX - 2.5 * mm]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 2),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


class CutLine(Flowable):
    """A dashed line across the page with 剪切线 in its middle: where a slip is cut off."""

    def __init__(self, text: str = "剪切线", *, font_size: float = SIZE_XIAOWU, space: float = 4 * mm):
        super().__init__()
        self.text = text
        self.font_size = font_size
        self.space = space
        self.width = 0
        self.height = font_size + 2 * space

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.height

    def draw(self):
        canvas = self.canv
        register_pdf_fonts()
        label = f"　{self.text}　"
        label_width = text_width(label, ParagraphStyle("cut", fontName=KAI_FACE, fontSize=self.font_size))
        middle = self.height / 2
        left = (self.width - label_width) / 2
        canvas.saveState()
        canvas.setStrokeColor(RULE_GREY)
        canvas.setLineWidth(0.6)
        canvas.setDash(4, 3)
        canvas.line(0, middle, left, middle)
        canvas.line(left + label_width, middle, self.width, middle)
        canvas.setFillColor(RULE_GREY)
        canvas.setFont(KAI_FACE, self.font_size)
        canvas.drawString(left, middle - self.font_size * 0.35, label)
        # scissors: two rings and crossing blades, drawn (no face is sure to have ✂)
        x, r = 2 * mm, 1.1 * mm
        canvas.setDash()
        canvas.setLineWidth(0.7)
        canvas.circle(x, middle + 1.6 * mm, r, stroke=1, fill=0)
        canvas.circle(x, middle - 1.6 * mm, r, stroke=1, fill=0)
        canvas.line(x + r * 0.8, middle + 1.0 * mm, x + 6 * mm, middle - 0.6 * mm)
        canvas.line(x + r * 0.8, middle - 1.0 * mm, x + 6 * mm, middle + 0.6 * mm)
        canvas.restoreState()


# --- photos ----------------------------------------------------------------------------------------

class PhotoPlaceholder(Flowable):
    """Where a deputy has no photo: a light frame with a head-and-shoulders outline and 照片."""

    def __init__(self, width: float, height: float):
        super().__init__()
        self.width, self.height = width, height

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#b9b9b9"))
        canvas.setFillColor(colors.HexColor("#f4f4f4"))
        canvas.setLineWidth(0.8)
        canvas.roundRect(0, 0, self.width, self.height, 2 * mm, stroke=1, fill=1)
        canvas.setFillColor(colors.HexColor("#d6d6d6"))
        cx = self.width / 2
        canvas.circle(cx, self.height * 0.62, self.width * 0.17, stroke=0, fill=1)
        path = canvas.beginPath()
        path.moveTo(cx - self.width * 0.33, self.height * 0.2)
        path.curveTo(cx - self.width * 0.33, self.height * 0.46, cx + self.width * 0.33, self.height * 0.46,
                     cx + self.width * 0.33, self.height * 0.2)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor("#8a8a8a"))
        canvas.setFont(BODY_FACE, 9)
        canvas.drawCentredString(cx, 2.2 * mm, "照片")
        canvas.restoreState()


def photo_or_placeholder(path: Path | None, width: float, height: float) -> Flowable:
    """The photo fitted into width × height (never distorted), or the placeholder when there is
    none or the file cannot be read (a board never fails for one bad photo)."""
    from reportlab.platypus import Image

    if path is not None:
        try:
            image = Image(str(path))
            scale = min(width / image.imageWidth, height / image.imageHeight)
            image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
            return image
        except OSError:
            pass   # unreadable: the placeholder instead
    return PhotoPlaceholder(width, height)


# --- page numbering by section, and writing -------------------------------------------------------

class PageGroup(Flowable):
    """Starts a numbering group: pages from here on are numbered 第 n 页，共 m 页 within the group
    (e.g. each station's pages of a board posted separately). Takes no room."""

    def __init__(self, key: str, note: str = ""):
        super().__init__()
        self.key = key
        self.note = note
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        self.canv.page_group = self.key
        self.canv.page_group_note = self.note


def write_paper(path: Path | str, story: list[Flowable], *, title: str, pagesize=A4, margins_mm: float = 20,
                page_numbers: bool = True, footer_note: str = "", author: str = "gridoffice") -> Path:
    """Write a paper: the story in Song faces, every page numbered in Song (第 n 页，共 m 页, within a
    PageGroup where there are groups), written under a temporary name and renamed."""
    from gridoffice.services.common.pdf import write_pdf

    return write_pdf(path, story, title=title, pagesize=pagesize, page_numbers=page_numbers,
                     footer_note=footer_note, margins_mm=margins_mm, author=author, footer_font=BODY_FACE)
