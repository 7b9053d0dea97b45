"""打印当前列表: any list as the clerk sees it (filtered, sorted, chosen columns) as an A4 PDF."""
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from gridoffice.domain.dates import chinese_date

from gridoffice.services.common.pdf import data_table, para, styles, write_pdf

MARGIN_MM = 12


def write_list_pdf(path: Path | str, *, title: str, office_name: str, headers: Sequence[str],
                   rows: Sequence[Sequence[object]], column_weights: Sequence[float],
                   today: dt.date) -> Path:
    """Columns share the page width in proportion to `column_weights` (e.g. on-screen widths)."""
    page = landscape(A4) if len(headers) > 5 else A4
    usable = page[0] - 2 * MARGIN_MM * mm
    total = sum(column_weights) or 1
    widths = [usable * w / total for w in column_weights]
    sheet = styles()
    story = [
        para(f"{office_name}{title}", sheet["title"]),
        para(f"共 {len(rows)} 条　　制表日期：{chinese_date(today)}", sheet["subtitle"]),
        data_table(headers, rows, widths, font_size=9 if len(headers) > 8 else 10),
    ]
    return write_pdf(path, story, title=f"{office_name}{title}", pagesize=page, margins_mm=MARGIN_MM,
                     footer_note=office_name)
