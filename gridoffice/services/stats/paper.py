"""The statistics papers described once and written twice: as a PDF (ReportLab, set by
common/typography: Song faces, GB/T 9704 title and signature, Chinese line breaking, charts as
vector drawings) and as a Word document the office edits before sending it up (python-docx, Chinese
fonts named on every run, charts as pictures).

    paper = Paper("锦塘街道人大工委2026年度工作统计报告", [Title(...), Heading("一、总体情况"),
                  Para([("2026年，…组织代表", False), ("660", True), ("人次…", False)]), Table(...),
                  ChartRow([("monthly", 1.0)]), Signature(office, today)])
    write(paper, path, charts=data)      # .pdf or .docx by the suffix
"""
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gridoffice.domain.errors import FieldError

from .series import Charts

SUFFIXES = (".pdf", ".docx")


@dataclass
class Title:
    text: str


@dataclass
class Subtitle:
    text: str


@dataclass
class Heading:
    """一、总体情况 (黑体)."""
    text: str


@dataclass
class SubHeading:
    """（一）代表活动 (楷体)."""
    text: str


@dataclass
class Para:
    """Body text as (text, bold) parts, first line indented two characters."""
    parts: Sequence[tuple[str, bool]]
    indent: bool = True

    @property
    def text(self) -> str:
        return "".join(text for text, _bold in self.parts)


@dataclass
class Note:
    """Small print: a table's source, what a figure counts."""
    text: str


@dataclass
class Table:
    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    weights: Sequence[float]                # relative widths
    numeric: Sequence[int] = ()             # right-aligned columns (counts, rates)
    centred: Sequence[int] = ()
    bold_last: bool = False                 # a 合计 row
    font_size: float = 10
    keep_together: bool = False             # never split across pages (a short table)


@dataclass
class Form:
    """Facts as label–value pairs across a ruled table, the labels shaded (no header row)."""
    rows: Sequence[Sequence[str]]           # label, value, label, value…
    weights: Sequence[float]


@dataclass
class ChartRow:
    """Charts side by side: (name in charts.CHARTS, share of the width)."""
    charts: Sequence[tuple[str, float]]
    height_pt: float = 150


@dataclass
class Signature:
    issuer: str
    day: dt.date
    keep_with: int = 2          # the blocks before it it stays on a page with (never alone on a page)


@dataclass
class PageBreak:
    """The next block starts a new page (the report's and the deputy file's chapters)."""


@dataclass
class Paper:
    title: str
    blocks: list = field(default_factory=list)
    landscape: bool = False
    footer: str = ""
    author: str = "gridoffice"


def check_target(path: Path | str, suffixes: Sequence[str] = SUFFIXES) -> Path:
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        raise FieldError("output", f"输出文件“{path.name}”应以 {' 或 '.join(suffixes)} 结尾。")
    return path


def write(paper: Paper, path: Path | str, *, charts: Charts | None = None) -> Path:
    path = check_target(path)
    if path.suffix.lower() == ".pdf":
        return write_pdf(paper, path, charts)
    return write_docx(paper, path, charts)


def plain_text(paper: Paper) -> str:
    """Every word the paper prints, in order (what tests compare with the PDF's and the .docx's text)."""
    lines = []
    for block in paper.blocks:
        if isinstance(block, (Title, Subtitle, Heading, SubHeading, Note)):
            lines.append(block.text)
        elif isinstance(block, Para):
            lines.append(block.text)
        elif isinstance(block, Form):
            lines += [" ".join(row) for row in block.rows]
        elif isinstance(block, Table):
            lines.append(" ".join(block.header))
            lines += [" ".join(str(cell) for cell in row) for row in block.rows]
    return "\n".join(lines)


# --- PDF ------------------------------------------------------------------------------------------------

MARGIN_MM = 22


def write_pdf(paper: Paper, path: Path, charts: Charts | None) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer
    from reportlab.platypus import PageBreak as PdfPageBreak
    from reportlab.platypus import Table as PdfTable
    from reportlab.platypus import TableStyle

    from gridoffice.services.common.typography import (HEI_FACE, KAI_FACE, SIZE_SIHAO, SIZE_XIAOSI, PaperParagraph,
                                                       markup, paper_styles, paragraph, signature_block, write_paper)

    from .charts import CHARTS

    sheet = paper_styles(SIZE_XIAOSI)               # 小四 body: a report read at a desk
    sheet["title"] = ParagraphStyle("report_title", parent=sheet["title"], fontSize=20, leading=28, spaceAfter=1 * mm)
    sheet["heading"] = ParagraphStyle("report_heading", parent=sheet["body"], fontName=HEI_FACE, fontSize=SIZE_SIHAO,
                                      leading=SIZE_SIHAO * 1.6, spaceBefore=3 * mm, spaceAfter=1 * mm)
    sheet["subheading"] = ParagraphStyle("report_subheading", parent=sheet["body"], fontName=KAI_FACE,
                                         spaceBefore=1 * mm)
    sheet["note"] = ParagraphStyle("report_note", parent=sheet["small"], textColor=colors.HexColor("#444444"),
                                   spaceBefore=1 * mm)
    page = landscape(A4) if paper.landscape else A4
    width = page[0] - 2 * MARGIN_MM * mm
    pieces: list[list] = []        # the flowables of each block
    previous = None
    for block in paper.blocks:
        story: list = []
        if isinstance(block, Title):
            story.append(paragraph(block.text, sheet["title"]))
        elif isinstance(block, Subtitle):
            story.append(paragraph(block.text, sheet["subtitle"]))
        elif isinstance(block, Heading):
            story.append(CondPageBreak(35 * mm))    # a heading starts a page rather than end one
            story.append(paragraph(block.text, sheet["heading"]))
        elif isinstance(block, SubHeading):
            story.append(CondPageBreak(25 * mm))
            story.append(paragraph(block.text, sheet["subheading"]))
        elif isinstance(block, Para):
            style = sheet["indented"] if block.indent else sheet["body"]
            story.append(PaperParagraph("".join(f"<b>{markup(t, style)}</b>" if bold else markup(t, style)
                                                for t, bold in block.parts), style))
        elif isinstance(block, Note):
            story.append(paragraph(block.text, sheet["note"]))
        elif isinstance(block, Table):
            table = _pdf_table(block, width, sheet, PdfTable, TableStyle, ParagraphStyle, TA_RIGHT, colors, paragraph)
            if block.keep_together:
                # a short table stays whole, and with the heading just above it
                heading = pieces.pop() if pieces and isinstance(previous, (Heading, SubHeading)) else []
                table = KeepTogether([*heading, table])
            story.append(table)
            story.append(Spacer(1, 1.5 * mm))
        elif isinstance(block, Form):
            story.append(_pdf_form(block, width, sheet, PdfTable, TableStyle, ParagraphStyle, colors, paragraph))
            story.append(Spacer(1, 1.5 * mm))
        elif isinstance(block, ChartRow):
            cells = [CHARTS[name](charts, width * share - (4 * mm if len(block.charts) > 1 else 0), block.height_pt)
                     for name, share in block.charts]
            row = PdfTable([cells], colWidths=[width * share for _name, share in block.charts])
            row.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                     ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm)]))
            story.append(row)
        elif isinstance(block, Signature):
            # never alone on a page: it stays with the blocks just before it
            tail = [flowable for piece in pieces[-block.keep_with:] for flowable in piece]
            del pieces[-block.keep_with:]
            story.append(KeepTogether([*tail, Spacer(1, 4 * mm),
                                       signature_block(block.issuer, block.day, width, style=sheet["sign"])]))
        elif isinstance(block, PageBreak):
            story.append(PdfPageBreak())
        pieces.append(story)
        previous = block
    story = [flowable for piece in pieces for flowable in piece]
    return write_paper(path, story, title=paper.title, pagesize=page, margins_mm=MARGIN_MM,
                       footer_note=paper.footer, author=paper.author)


def _pdf_table(block: Table, width, sheet, PdfTable, TableStyle, ParagraphStyle, TA_RIGHT, colors, paragraph):
    size = block.font_size
    cell = ParagraphStyle("t_cell", parent=sheet["cell"], fontSize=size, leading=size * 1.35)
    styles = {"left": cell, "right": ParagraphStyle("t_right", parent=cell, alignment=TA_RIGHT),
              "centre": ParagraphStyle("t_centre", parent=sheet["cell_center"], fontSize=size, leading=size * 1.35)}
    bold = {key: ParagraphStyle(f"{style.name}_bold", parent=style, fontName=sheet["label"].fontName)
            for key, style in styles.items()}
    head = ParagraphStyle("t_head", parent=sheet["header_cell"], fontSize=size, leading=size * 1.35)

    def style_of(column: int, last: bool):
        key = "right" if column in block.numeric else "centre" if column in block.centred else "left"
        return (bold if last and block.bold_last else styles)[key]

    data = [[paragraph(h, head) for h in block.header]]
    for number, row in enumerate(block.rows):
        last = number == len(block.rows) - 1
        data.append([paragraph("" if value is None else value, style_of(i, last)) for i, value in enumerate(row)])
    total = sum(block.weights) or 1
    table = PdfTable(data, colWidths=[width * w / total for w in block.weights], repeatRows=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 1.0, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if block.bold_last and block.rows:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f6f6f6")))
    table.setStyle(TableStyle(commands))
    return table


def _pdf_form(block: Form, width, sheet, PdfTable, TableStyle, ParagraphStyle, colors, paragraph):
    cell = ParagraphStyle("f_cell", parent=sheet["cell"], fontSize=10.5, leading=14)
    label = ParagraphStyle("f_label", parent=cell, fontName=sheet["label"].fontName)
    data = [[paragraph(value, label if i % 2 == 0 else cell) for i, value in enumerate(row)] for row in block.rows]
    total = sum(block.weights) or 1
    table = PdfTable(data, colWidths=[width * w / total for w in block.weights])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        *[("BACKGROUND", (i, 0), (i, -1), colors.HexColor("#eeeeee")) for i in range(0, len(block.weights), 2)],
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


# --- Word -----------------------------------------------------------------------------------------------

def write_docx(paper: Paper, path: Path, charts: Charts | None) -> Path:
    import io

    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Emu, Pt

    from gridoffice.services.common import word

    from .charts import CHARTS
    from .raster import png_of

    document, usable = word.new_document(landscape=paper.landscape, margins_mm=MARGIN_MM, body_size=14,
                                         title=paper.title, author=paper.author)
    width_pt = usable / 12700
    for block in paper.blocks:
        if isinstance(block, Title):
            word.add_text(document, block.text, word.TITLE_FONT, 20, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                          after=6)
        elif isinstance(block, Subtitle):
            word.add_text(document, block.text, word.SUBHEADING_FONT, 14, align=WD_ALIGN_PARAGRAPH.CENTER, after=8)
        elif isinstance(block, Heading):
            word.add_text(document, block.text, word.HEADING_FONT, 16, before=10, after=4) \
                .paragraph_format.keep_with_next = True
        elif isinstance(block, SubHeading):
            word.add_text(document, block.text, word.SUBHEADING_FONT, 14, before=4, after=2) \
                .paragraph_format.keep_with_next = True
        elif isinstance(block, Para):
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.line_spacing = 1.5
            if block.indent:
                paragraph.paragraph_format.first_line_indent = Pt(28)
            for text, bold in block.parts:
                word.add_run(paragraph, text, word.BODY_FONT, 14, bold=bold)
        elif isinstance(block, Note):
            word.add_text(document, block.text, word.TABLE_FONT, 9, after=4)
        elif isinstance(block, Table):
            table = document.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            size = 10.5
            for index, text in enumerate(block.header):
                cell = table.rows[0].cells[index]
                word.cell_text(cell, text, size=size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
                word.shade(cell)
            word.repeat_header(table.rows[0])
            for number, row in enumerate(block.rows):
                cells = table.add_row().cells
                bold = block.bold_last and number == len(block.rows) - 1
                for index, value in enumerate(row):
                    align = WD_ALIGN_PARAGRAPH.RIGHT if index in block.numeric else \
                        WD_ALIGN_PARAGRAPH.CENTER if index in block.centred else None
                    word.cell_text(cells[index], "" if value is None else str(value), size=size, bold=bold,
                                   align=align)
            total = sum(block.weights) or 1
            word.set_column_widths(table, [usable * weight / total for weight in block.weights])
            document.add_paragraph()
        elif isinstance(block, Form):
            table = document.add_table(rows=0, cols=len(block.weights))
            table.style = "Table Grid"
            total = sum(block.weights) or 1
            for values in block.rows:
                cells = table.add_row().cells
                for index, value in enumerate(values):
                    word.cell_text(cells[index], value, size=10.5, bold=index % 2 == 0)
                    if index % 2 == 0:
                        word.shade(cells[index])
            word.set_column_widths(table, [usable * weight / total for weight in block.weights])
            document.add_paragraph()
        elif isinstance(block, ChartRow):
            pictures = [(png_of(CHARTS[name](charts, width_pt * share - (12 if len(block.charts) > 1 else 0),
                                             block.height_pt)), share) for name, share in block.charts]
            if len(pictures) == 1:
                document.add_picture(io.BytesIO(pictures[0][0]), width=Emu(int(usable)))
            else:
                table = document.add_table(rows=1, cols=len(pictures))
                word.no_borders(table)
                for cell, (png, share) in zip(table.rows[0].cells, pictures):
                    cell.width = int(usable * share)
                    cell.paragraphs[0].add_run().add_picture(io.BytesIO(png), width=Emu(int(usable * share * 0.97)))
        elif isinstance(block, Signature):
            from gridoffice.services.common.typography import paper_date

            word.add_text(document, "", word.BODY_FONT, 14, after=24)
            for text in (block.issuer, paper_date(block.day)):
                word.add_text(document, text, word.BODY_FONT, 14, align=WD_ALIGN_PARAGRAPH.RIGHT)
        elif isinstance(block, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if paper.footer:
        word.page_number_footer(document, paper.footer)
    return word.save(document, path)
