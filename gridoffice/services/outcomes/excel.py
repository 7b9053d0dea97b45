"""A 履职成果 list to Excel, as the screen shows it (the columns chosen, the filter and the order):
counts are written as numbers, so the clerk can add them up in Excel or WPS."""
import re
from collections.abc import Sequence
from pathlib import Path

from gridoffice.services.common.excel_io import write_sheet

_WHOLE_NUMBER = re.compile(r"-?\d{1,9}")


def _cell(text: str) -> object:
    return int(text) if _WHOLE_NUMBER.fullmatch(text) else text


def export_list(path: Path | str, *, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> int:
    """One sheet: the header row and the rows; returns how many rows."""
    widths = [min(60, max(8, len(header) * 2 + 4, *(len(str(row[i])) * 2 for row in rows[:200])))
              for i, header in enumerate(headers)]
    write_sheet(path, title=title, headers=headers, rows=[[_cell(cell) for cell in row] for row in rows],
                column_widths=widths)
    return len(rows)
