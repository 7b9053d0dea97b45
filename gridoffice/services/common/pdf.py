"""The common make of every PDF the office prints: fonts, styles, page numbers, tables.

Every document is built with `write_pdf`, so each embeds the bundled TrueType fonts,
breaks Chinese text by the rules of `typography` (no opening bracket at a line end, no number,
date, phone or serial split) and is written atomically. The sans styles here (WenQuanYi Micro Hei)
are left for technical printouts (the selftest's PDF); every paper the office posts or files is set
by `typography` (paper_styles, paper_table, write_paper).
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
from gridoffice.services.common.fonts import PRIMARY_FONT, register_pdf_fonts
from gridoffice.services.common.typography import PaperParagraph, markup

HEADER_FILL = colors.HexColor("#e8eef5")
# ReportLab's built-in faces, never embedded: nothing the office prints may use them
STANDARD_FONTS = frozenset({"Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
                            "Times-Roman", "Times-Bold", "Courier", "Symbol", "ZapfDingbats"})
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
    """A paragraph of plain text (escaped; rare characters set in a face that has them), broken
    by the Chinese rules (typography.PaperParagraph)."""
    return PaperParagraph(markup(text, style), style)


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


class _PlainCanvas(Canvas):
    """A canvas that uses only the bundled faces: ReportLab starts each page, and each table cell,
    in Helvetica, which is never embedded; here they start in `initial_font` instead."""

    initial_font = PRIMARY_FONT

    def __init__(self, *args, **kwargs):
        kwargs["initialFontName"] = kwargs.get("initialFontName") or self.initial_font
        super().__init__(*args, **kwargs)

    def setFont(self, psfontname, size, leading=None):
        if psfontname in STANDARD_FONTS:
            psfontname = self.initial_font
        super().setFont(psfontname, size, leading)


class _NumberedCanvas(_PlainCanvas):
    """Defers pages so the footer can say 第 n 页 / 共 m 页: over the whole document, or within
    each numbering group a `typography.PageGroup` flowable starts (its note replaces footer_note)."""

    footer_note = ""
    footer_font = PRIMARY_FONT
    footer_margin = 15 * mm

    def __init__(self, *args, **kwargs):
        self.initial_font = self.footer_font
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self.page_group = None
        self.page_group_note = None

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        groups = [page.get("page_group") for page in self._pages]
        totals = {group: groups.count(group) for group in groups}
        seen: dict[object, int] = {}
        for page in self._pages:
            group = page.get("page_group")
            seen[group] = seen.get(group, 0) + 1
            note = page.get("page_group_note")
            self.__dict__.update(page)
            self._draw_footer(seen[group], totals[group], self.footer_note if note is None else note)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int, note: str) -> None:
        width, _height = self._pagesize
        self.setFont(self.footer_font, 8.5 if self.footer_font == PRIMARY_FONT else 9)
        self.setFillColor(colors.HexColor("#555555") if self.footer_font == PRIMARY_FONT else colors.black)
        self.drawCentredString(width / 2, 9 * mm, f"第 {number} 页，共 {total} 页")
        if note:
            self.drawRightString(width - self.footer_margin, 9 * mm, note)


def write_pdf(path: Path | str, story: list[Flowable], *, title: str, pagesize=A4,
              page_numbers: bool = True, footer_note: str = "", margins_mm: float = 15,
              author: str = "gridoffice", footer_font: str = PRIMARY_FONT) -> Path:
    """Build the story into `path` (written under a temporary name, then renamed)."""
    register_pdf_fonts()
    path = Path(path)
    if page_numbers:
        canvas_class = type("NumberedCanvas", (_NumberedCanvas,), {
            "footer_note": footer_note, "footer_font": footer_font, "footer_margin": margins_mm * mm})
    else:
        canvas_class = type("PlainCanvas", (_PlainCanvas,), {"initial_font": footer_font})
    with atomic_output(path) as temporary:
        document = SimpleDocTemplate(
            str(temporary), pagesize=pagesize, title=title, author=author, creator="gridoffice",
            leftMargin=margins_mm * mm, rightMargin=margins_mm * mm,
            topMargin=margins_mm * mm, bottomMargin=(margins_mm + 5) * mm,
        )
        document.build(story, canvasmaker=canvas_class)
    return path
