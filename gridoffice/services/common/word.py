"""Word (.docx) pieces every paper uses (python-docx, imported here only: nothing at start-up needs it):
Chinese fonts named on every run through w:eastAsia so Word and WPS show 宋体/仿宋/黑体 and not a
Western fallback, shaded header cells repeated on every page, a page-number field, a new A4 document.

    document, usable = new_document(landscape=False, body_font=BODY_FONT)
    add_text(document, "一、总体情况", HEADING_FONT, 16)
    save(document, path)        # under a temporary name, then renamed
"""
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gridoffice.services.common.files import atomic_output

# fonts every Chinese Windows has; Word and WPS show them by these names
TITLE_FONT = "宋体"             # set bold: the 小标宋 of the PDF is not on every PC
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体"
BODY_FONT = "仿宋"
TABLE_FONT = "宋体"


def east_asian(element, font: str) -> None:
    """Name the font of a style or run for East Asian text too (python-docx sets only the Western ones)."""
    r_pr = element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def new_document(*, landscape: bool = False, margins_mm: float = 20, body_font: str = BODY_FONT,
                 body_size: float = 12, title: str = "", author: str = "gridoffice"):
    """An A4 document whose Normal style is the body font; returns (document, usable width in EMU)."""
    document = Document()
    document.core_properties.title = title
    document.core_properties.author = author
    section = document.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(margins_mm))
    normal = document.styles["Normal"]
    normal.font.size = Pt(body_size)
    normal.font.name = body_font
    east_asian(normal.element, body_font)
    return document, section.page_width - section.left_margin - section.right_margin


def add_run(paragraph, text: str, font: str, size: float, *, bold: bool = False, colour: tuple | None = None):
    from docx.shared import RGBColor

    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    if colour:
        run.font.color.rgb = RGBColor(*colour)
    east_asian(run._element, font)
    return run


def add_text(document_or_cell, text: str, font: str, size: float, *, align=None, bold: bool = False,
             before: float = 0, after: float = 0, line: float | None = None, indent_chars: float = 0):
    """A paragraph of one run (newlines become line breaks)."""
    paragraph = document_or_cell.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    if line:
        paragraph.paragraph_format.line_spacing = line
    if indent_chars:
        paragraph.paragraph_format.first_line_indent = Pt(size * indent_chars)
    lines = text.split("\n")
    for index, part in enumerate(lines):
        run = add_run(paragraph, part, font, size, bold=bold)
        if index < len(lines) - 1:
            run.add_break()
    return paragraph


def cell_text(cell, text: str, *, font: str = TABLE_FONT, size: float = 10.5, bold: bool = False, align=None) -> None:
    paragraph = cell.paragraphs[0]
    if align is not None:
        paragraph.alignment = align
    lines = (text or "").split("\n")
    for index, part in enumerate(lines):
        run = add_run(paragraph, part, font, size, bold=bold)
        if index < len(lines) - 1:
            run.add_break()


def shade(cell, fill: str = "F0F0F0") -> None:
    properties = cell._element.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def repeat_header(row) -> None:
    """The row repeats at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def set_column_widths(table, widths) -> None:
    """Fixed column widths (EMU) that Word, WPS and LibreOffice all keep: the grid and every cell."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths):
        column.set(qn("w:w"), str(int(width / 635)))      # twentieths of a point
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = int(width)


def no_borders(table) -> None:
    """A layout table (charts side by side) without rules."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def page_number_footer(document, note: str, font: str = TABLE_FONT) -> None:
    """'note　第 n 页' centred in the footer (n is Word's PAGE field)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(footer, f"{note}　第 " if note else "第 ", font, 9)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    add_run(footer, " 页", font, 9)


def save(document, path: Path | str) -> Path:
    path = Path(path)
    with atomic_output(path) as temporary:
        document.save(str(temporary))
    return path
