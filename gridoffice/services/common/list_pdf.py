"""打印当前列表: any list as the clerk sees it (filtered, sorted, chosen columns) as an A4 PDF, set by
`typography`: columns sized from their content (numbers, dates, phones and serials never wrap;
only text columns do), the header repeated on every page, every page numbered."""
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from gridoffice.services.common.typography import (SIZE_WUHAO, SIZE_XIAOWU, NothingToPrintError, content_widths,
                                                   natural_widths,
                                                   paper_date, paper_styles, paper_table, paragraph, write_paper)

MARGIN_MM = 12


def write_list_pdf(path: Path | str, *, title: str, office_name: str, headers: Sequence[str],
                   rows: Sequence[Sequence[object]], today: dt.date) -> Path:
    """The rows as a table, portrait when they fit, landscape when they need the width; raises
    NothingToPrintError, writing nothing, when there is no row."""
    if not rows:
        raise NothingToPrintError(f"“{title}”当前没有可打印的记录（列表为空，或筛选后没有结果）。")
    cells = [["" if value is None else str(value) for value in row] for row in rows]
    size = SIZE_WUHAO if len(headers) <= 8 else SIZE_XIAOWU
    sheet = paper_styles(size)
    portrait = A4[0] - 2 * MARGIN_MM * mm - 12
    # landscape when the columns need more than a portrait page's width on one line
    page = landscape(A4) if sum(natural_widths(headers, cells, sheet["cell"])) > portrait * 1.15 else A4
    widths = content_widths(page[0] - 2 * MARGIN_MM * mm - 12, headers, cells, sheet["cell"])
    story = [
        paragraph(f"{office_name}{title}", ParagraphStyle("list_title", parent=sheet["title"], fontSize=18,
                                                            leading=26)),
        paragraph(f"共 {len(rows)} 条　　制表日期：{paper_date(today)}", sheet["subtitle"]),
        paper_table(headers, cells, widths, styles=sheet),
    ]
    return write_paper(path, story, title=f"{office_name}{title}", pagesize=page, margins_mm=MARGIN_MM,
                       footer_note=office_name, author=office_name)

