"""One paper, two files: a paper is described once as blocks (titles, paragraphs, a ruled form, a
list table, signature lines) and written as a PDF (ReportLab, set by common/typography.py with the
bundled fonts embedded) or as a Word .docx (python-docx, Chinese fonts named on every run through
w:eastAsia, so Word and WPS show 宋体/仿宋/黑体 and not a Western fallback).
"""
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gridoffice.domain.outcome_rules import OutcomeInputError
from gridoffice.services.common.files import atomic_output

SUFFIXES = (".pdf", ".docx")
# fonts every Chinese Windows has; Word shows them by these names
DOCX_TITLE_FONT = "黑体"
DOCX_BODY_FONT = "仿宋"
DOCX_TABLE_FONT = "宋体"


@dataclass
class Title:
    text: str


@dataclass
class Subtitle:
    """Smaller, centred: the office's name above a title, or a line under it."""
    text: str


@dataclass
class Heading:
    text: str


@dataclass
class Text:
    """A paragraph: 'letter' (indented body text), 'plain', 'right' (signature, date), 'small'."""
    text: str
    kind: str = "letter"


@dataclass
class FormRow:
    cells: Sequence[tuple[str, str]]      # one (label, value) pair across the row, or two side by side
    height_mm: float | None = None        # a row left for handwriting


@dataclass
class Form:
    rows: Sequence[FormRow]


@dataclass
class ListTable:
    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    weights: Sequence[float]


@dataclass
class Signatures:
    """'领衔代表（签名）：________' fields, two per line."""
    labels: Sequence[str]


@dataclass
class Gap:
    mm: float = 5


@dataclass
class Paper:
    title: str                            # the file's title (metadata) and the preview's name
    blocks: list = field(default_factory=list)
    landscape: bool = False
    footer: str = ""                      # the office's name and hotline


def check_target(path: Path | str) -> Path:
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise OutcomeInputError("output", f"输出文件“{path.name}”应以 .pdf 或 .docx 结尾。")
    return path


def write_paper(paper: Paper, path: Path | str) -> Path:
    """A .pdf or a .docx by the file's suffix, written under a temporary name and renamed."""
    path = check_target(path)
    if path.suffix.lower() == ".pdf":
        return _write_pdf(paper, path)
    return _write_docx(paper, path)


# --- PDF ----------------------------------------------------------------------------------------------

def _write_pdf(paper: Paper, path: Path) -> Path:
    """The paper set by `typography`: a Song title, the office's name above it, headings in 黑体,
    letters in Song with two characters' indent, forms ruled in black, lists sized from content."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, Table, TableStyle

    from gridoffice.services.common.typography import (BOLD_FACE, SIZE_SIHAO, SIZE_WUHAO, content_widths,
                                                       paper_styles, paper_table, paragraph)
    from gridoffice.services.common.typography import write_paper as write_pdf_paper

    sheet = paper_styles(SIZE_SIHAO)
    body = sheet["body"]
    letter = ParagraphStyle("letter", parent=body, leading=SIZE_SIHAO * 1.75, firstLineIndent=2 * SIZE_SIHAO)
    plain = ParagraphStyle("plain", parent=body, leading=SIZE_SIHAO * 1.75)
    right = ParagraphStyle("right", parent=body, leading=SIZE_SIHAO * 1.6, alignment=TA_RIGHT)
    value = ParagraphStyle("value", parent=body, fontSize=SIZE_WUHAO, leading=15.5)
    label = ParagraphStyle("label", parent=value, fontName=BOLD_FACE, alignment=1)
    small = ParagraphStyle("small", parent=sheet["small"])
    table_sheet = paper_styles(SIZE_WUHAO if not paper.landscape else 9)
    margins = 20
    page = landscape(A4) if paper.landscape else A4
    width = page[0] - 2 * margins * mm - 12
    label_width = 26 * mm
    story = []
    for block in paper.blocks:
        if isinstance(block, Title):
            story.append(paragraph(block.text, sheet["title"]))
        elif isinstance(block, Subtitle):
            story.append(paragraph(block.text, sheet["subtitle"]))
        elif isinstance(block, Heading):
            story.append(paragraph(block.text, sheet["heading"]))
        elif isinstance(block, Text):
            style = {"letter": letter, "plain": plain, "right": right, "small": small}[block.kind]
            story.append(paragraph(block.text, style))
        elif isinstance(block, Form):
            story.append(_pdf_form(block, width, label_width, label, value, Table, TableStyle, paragraph, mm))
        elif isinstance(block, ListTable):
            cells = [[_cell(v) for v in row] for row in block.rows]
            widths = content_widths(width, block.header, cells, table_sheet["cell"])
            story.append(paper_table(block.header, cells, widths, styles=table_sheet))
        elif isinstance(block, Signatures):
            cells = [paragraph(f"{text}：{'_' * 16}", value) for text in block.labels]
            if len(cells) % 2:
                cells.append(paragraph("", value))
            table = Table([cells[i:i + 2] for i in range(0, len(cells), 2)], colWidths=[width / 2] * 2)
            table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 9), ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
            story.append(table)
        elif isinstance(block, Gap):
            story.append(Spacer(1, block.mm * mm))
    return write_pdf_paper(path, story, title=paper.title, pagesize=page, margins_mm=margins,
                           footer_note=paper.footer)


def _pdf_form(form: Form, width, label_width, label_style, value_style, Table, TableStyle, paragraph, mm):
    from reportlab.lib import colors

    value_width = (width - 2 * label_width) / 2
    data, commands = [], []
    for index, row in enumerate(form.rows):
        cells = []
        for label, value in row.cells:
            cells += [paragraph(label, label_style), paragraph(value, value_style)]
        if len(row.cells) == 1:
            cells += ["", ""]
            commands.append(("SPAN", (1, index), (3, index)))
        data.append(cells)
    heights = [row.height_mm * mm if row.height_mm else None for row in form.rows]
    table = Table(data, colWidths=[label_width, value_width, label_width, value_width], rowHeights=heights)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.7, colors.black),
                               ("BOX", (0, 0), (-1, -1), 1.2, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                               *commands]))
    return table


def _cell(value: object) -> str:
    return "" if value is None else str(value)


# --- Word ---------------------------------------------------------------------------------------------

def _write_docx(paper: Paper, path: Path) -> Path:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    document.core_properties.title = paper.title
    document.core_properties.author = "gridoffice"
    section = document.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if paper.landscape else (Mm(210), Mm(297))
    if paper.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    _east_asian(normal.element, DOCX_BODY_FONT)
    normal.font.name = DOCX_BODY_FONT
    usable = (section.page_width - section.left_margin - section.right_margin)

    for block in paper.blocks:
        if isinstance(block, Title):
            _paragraph(document, block.text, DOCX_TITLE_FONT, 18, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
        elif isinstance(block, Subtitle):
            _paragraph(document, block.text, DOCX_BODY_FONT, 12, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
        elif isinstance(block, Heading):
            _paragraph(document, block.text, DOCX_TITLE_FONT, 14, before=6, after=4)
        elif isinstance(block, Text):
            align = WD_ALIGN_PARAGRAPH.RIGHT if block.kind == "right" else None
            paragraph = _paragraph(document, block.text, DOCX_BODY_FONT, 10 if block.kind == "small" else 14,
                                   align=align, line=1.5 if block.kind == "letter" else None)
            if block.kind == "letter":
                paragraph.paragraph_format.first_line_indent = Pt(28)
        elif isinstance(block, Form):
            _docx_form(document, block, usable, Mm)
        elif isinstance(block, ListTable):
            table = document.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            total = sum(block.weights) or 1
            for index, text in enumerate(block.header):
                cell = table.rows[0].cells[index]
                _cell_text(cell, text, bold=True, size=10)
                _shade(cell)
            for row in block.rows:
                cells = table.add_row().cells
                for index, text in enumerate(row):
                    _cell_text(cells[index], _cell(text), size=10)
            for index, weight in enumerate(block.weights):
                for row in table.rows:
                    row.cells[index].width = int(usable * weight / total)
            _repeat_header(table.rows[0])
        elif isinstance(block, Signatures):
            labels = list(block.labels) + ([""] if len(block.labels) % 2 else [])
            table = document.add_table(rows=0, cols=2)
            for i in range(0, len(labels), 2):
                cells = table.add_row().cells
                for cell, label in zip(cells, labels[i:i + 2]):
                    _cell_text(cell, f"{label}：{'_' * 14}" if label else "", size=12)
        elif isinstance(block, Gap):
            _paragraph(document, "", DOCX_BODY_FONT, 6, after=block.mm * 2)
    if paper.footer:
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(footer, f"{paper.footer}　第 ", DOCX_TABLE_FONT, 9)
        _page_field(footer)
        _run(footer, " 页", DOCX_TABLE_FONT, 9)
    with atomic_output(path) as temporary:
        document.save(str(temporary))
    return path


def _east_asian(element, font: str) -> None:
    """Name the East Asian font of a style or run (w:rFonts w:eastAsia): python-docx's font.name
    sets only the Western ones, so Chinese text would fall back to whatever Word picks."""
    from docx.oxml.ns import qn

    r_pr = element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _run(paragraph, text: str, font: str, size: float, bold: bool = False):
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    _east_asian(run._element, font)
    return run


def _paragraph(document, text: str, font: str, size: float, *, align=None, before: float = 0, after: float = 0,
               line: float | None = None):
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    if line:
        paragraph.paragraph_format.line_spacing = line
    lines = text.split("\n")
    for index, part in enumerate(lines):
        run = _run(paragraph, part, font, size, bold=font == DOCX_TITLE_FONT)
        if index < len(lines) - 1:
            run.add_break()
    return paragraph


def _cell_text(cell, text: str, *, bold: bool = False, size: float = 10.5) -> None:
    paragraph = cell.paragraphs[0]
    lines = (text or "").split("\n")
    for index, part in enumerate(lines):
        run = _run(paragraph, part, DOCX_TABLE_FONT, size, bold=bold)
        if index < len(lines) - 1:
            run.add_break()


def _shade(cell, fill: str = "E8EEF5") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._element.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _page_field(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field_element = OxmlElement("w:fldSimple")
    field_element.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field_element.append(run)
    paragraph._p.append(field_element)


def _docx_form(document, form: Form, usable: int, Mm) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE

    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    label_width = Mm(26)
    value_width = int((usable - 2 * label_width) / 2)
    for row in form.rows:
        cells = table.add_row().cells
        pairs = list(row.cells)
        if len(pairs) == 1:
            merged = cells[1].merge(cells[3])
            _cell_text(cells[0], pairs[0][0], bold=True)
            _shade(cells[0])
            _cell_text(merged, pairs[0][1])
        else:
            for offset, (label, value) in zip((0, 2), pairs):
                _cell_text(cells[offset], label, bold=True)
                _shade(cells[offset])
                _cell_text(cells[offset + 1], value)
        if row.height_mm:
            table.rows[-1].height = Mm(row.height_mm)
            table.rows[-1].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for table_row in table.rows:
        widths = (label_width, value_width, label_width, value_width)
        for cell, width in zip(table_row.cells, widths):
            cell.width = width
