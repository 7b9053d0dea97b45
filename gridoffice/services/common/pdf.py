"""The common make of every PDF the office prints: fonts, styles, page numbers, tables.

Every document is built with `write_pdf`, so each embeds the bundled TrueType fonts,
wraps Chinese text (wordWrap='CJK') and is written atomically.
"""
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from gridoffice.services.common.files import atomic_output
from gridoffice.services.common.fonts import PRIMARY_FONT, pdf_markup, register_pdf_fonts

HEADER_FILL = colors.HexColor("#e8eef5")
GRID_LINE = colors.HexColor("#7a8899")


def styles() -> dict[str, ParagraphStyle]:
    register_pdf_fonts()
    base = ParagraphStyle("body", fontName=PRIMARY_FONT, fontSize=10.5, leading=15, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=20, leading=28, alignment=TA_CENTER, spaceAfter=4 * mm),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11, leading=16, alignment=TA_CENTER,
                                   textColor=colors.HexColor("#444444"), spaceAfter=4 * mm),
        "heading": ParagraphStyle("heading", parent=base, fontSize=14, leading=20, spaceBefore=3 * mm, spaceAfter=2 * mm),
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=12),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=13),
        "header_cell": ParagraphStyle("header_cell", parent=base, fontSize=9.5, leading=13, alignment=TA_CENTER),
    }


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped; rare characters set in the fallback font)."""
    return Paragraph(pdf_markup(text), style)


def data_table(header: Sequence[str], rows: Sequence[Sequence[object]], col_widths: Sequence[float],
               *, font_size: float = 9.5) -> Table:
    """A ruled table whose header row repeats on every page."""
    sheet = styles()
    cell = ParagraphStyle("cell_sized", parent=sheet["cell"], fontSize=font_size, leading=font_size * 1.38)
    head = ParagraphStyle("head_sized", parent=sheet["header_cell"], fontSize=font_size, leading=font_size * 1.38)
    data = [[para(h, head) for h in header]] + [[para(v, cell) for v in row] for row in rows]
    table = Table(data, colWidths=list(col_widths), repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID_LINE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


class _NumberedCanvas(Canvas):
    """Defers pages so the footer can say 第 n 页 / 共 m 页."""

    footer_note = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width, _height = self._pagesize
        self.setFont(PRIMARY_FONT, 8.5)
        self.setFillColor(colors.HexColor("#555555"))
        self.drawCentredString(width / 2, 9 * mm, f"第 {number} 页，共 {total} 页")
        if self.footer_note:
            self.drawRightString(width - 15 * mm, 9 * mm, self.footer_note)


def write_pdf(path: Path | str, story: list[Flowable], *, title: str, pagesize=A4,
              page_numbers: bool = True, footer_note: str = "", margins_mm: float = 15,
              author: str = "gridoffice") -> Path:
    """Build the story into `path` (written under a temporary name, then renamed)."""
    register_pdf_fonts()
    path = Path(path)
    canvas_class = None
    if page_numbers:
        canvas_class = type("NumberedCanvas", (_NumberedCanvas,), {"footer_note": footer_note})
    with atomic_output(path) as temporary:
        document = SimpleDocTemplate(
            str(temporary), pagesize=pagesize, title=title, author=author, creator="gridoffice",
            leftMargin=margins_mm * mm, rightMargin=margins_mm * mm,
            topMargin=margins_mm * mm, bottomMargin=(margins_mm + 5) * mm,
        )
        if canvas_class:
            document.build(story, canvasmaker=canvas_class)
        else:
            document.build(story)
    return path



# Chinese full-width punctuation ReportLab's CJK wrapping lets start a line (its list has 、 and 。 only).
CHINESE_CANNOT_START = "，；：！？）》」』】〉’”…—"


def forbid_line_start_punctuation() -> None:
    """Keep ， ； ： ！ ？ and closing brackets off the start of a line (Chinese typesetting rule):
    ReportLab hangs such a character at the end of the line before instead. Idempotent."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    missing = "".join(c for c in CHINESE_CANNOT_START if c not in paragraph.ALL_CANNOT_START)
    if missing:
        paragraph.ALL_CANNOT_START += missing
        textsplit.ALL_CANNOT_START += missing
