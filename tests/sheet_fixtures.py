"""Spreadsheet files as clerks receive them, made by the tests in every format the imports read.

    write_table(path, "xls", {"名册": rows}, merges={"名册": [(4, 6, 4, 4)]})

Rows are lists of cell values (str, int, float, date or None), row 0 being Excel's row 1.
Merges are (first row, last row, first col, last col), 0-based and inclusive (xlwt's order).
.xlsx is written with openpyxl, .xls with xlwt (BIFF8, as Excel 97-2003 and WPS save it),
.ods with odfpy, CSV with the csv module in the encoding asked for.
"""
import csv
import datetime as dt
import io
from pathlib import Path

Rows = list[list[object]]
Merge = tuple[int, int, int, int]


def write_table(path: Path, fmt: str, sheets: dict[str, Rows], *, merges: dict[str, list[Merge]] | None = None,
                encoding: str = "utf-8") -> Path:
    merges = merges or {}
    if fmt == "xlsx":
        return write_xlsx_sheets(path, sheets, merges)
    if fmt == "xls":
        return write_xls(path, sheets, merges)
    if fmt == "ods":
        return write_ods(path, sheets, merges)
    if fmt == "csv":
        (rows,) = sheets.values()
        return write_csv(path, rows, encoding)
    raise ValueError(fmt)


def write_xlsx_sheets(path: Path, sheets: dict[str, Rows], merges: dict[str, list[Merge]]) -> Path:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    cell = sheet.cell(r, c, value)
                    if isinstance(value, dt.date):
                        cell.number_format = "yyyy-mm-dd"
        for r0, r1, c0, c1 in merges.get(name, []):
            sheet.merge_cells(f"{get_column_letter(c0 + 1)}{r0 + 1}:{get_column_letter(c1 + 1)}{r1 + 1}")
    workbook.save(path)
    return path


def write_xls(path: Path, sheets: dict[str, Rows], merges: dict[str, list[Merge]]) -> Path:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for name, rows in sheets.items():
        sheet = workbook.add_sheet(name)
        merged = {(r0, c0): (r1, c1) for r0, r1, c0, c1 in merges.get(name, [])}
        covered = {(r, c) for r0, r1, c0, c1 in merges.get(name, []) for r in range(r0, r1 + 1)
                   for c in range(c0, c1 + 1)} - set(merged)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if (r, c) in covered:
                    continue
                style = date_style if isinstance(value, dt.date) else xlwt.Style.default_style
                if (r, c) in merged:
                    r1, c1 = merged[(r, c)]
                    sheet.write_merge(r, r1, c, c1, value, style)
                elif value is not None:
                    sheet.write(r, c, value, style)
    workbook.save(str(path))
    return path


def write_ods(path: Path, sheets: dict[str, Rows], merges: dict[str, list[Merge]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, r1, c0, c1 in merges.get(name, [])}
        covered = {(r, c) for r0, r1, c0, c1 in merges.get(name, []) for r in range(r0, r1 + 1)
                   for c in range(c0, c1 + 1)} - set(spans)
        width = max((len(row) for row in rows), default=0)
        for r, row in enumerate(rows):
            table_row = TableRow()
            for c in range(width):
                value = row[c] if c < len(row) else None
                if (r, c) in covered:
                    table_row.addElement(CoveredTableCell())
                    continue
                attributes = {}
                if (r, c) in spans:
                    attributes = {"numberrowsspanned": spans[(r, c)][0], "numbercolumnsspanned": spans[(r, c)][1]}
                table_row.addElement(_ods_cell(value, attributes, TableCell, P))
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def _ods_cell(value, attributes, TableCell, P):
    if value is None:
        return TableCell(**attributes)
    if isinstance(value, dt.date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat(), **attributes)
    elif isinstance(value, (int, float)):
        cell = TableCell(valuetype="float", value=value, **attributes)
    else:
        cell = TableCell(valuetype="string", **attributes)
    cell.addElement(P(text=str(value)))
    return cell


def write_csv(path: Path, rows: Rows, encoding: str = "utf-8", *, errors: str = "strict") -> Path:
    """Cells as Excel writes them to CSV: numbers as shown (1975.1), dates as YYYY-MM-DD."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, dt.date) else v for v in row])
    path.write_bytes(text.getvalue().encode(encoding, errors=errors))
    return path
