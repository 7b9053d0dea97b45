"""Excel in and out, with the same rules for every list the office imports or exports.
(openpyxl is imported inside the functions: it is not needed to start the program.)

Import: columns matched by header in any order, cells trimmed and full-width digits folded,
empty rows ignored, every problem collected as (row, column, reason) so the clerk sees them
all at once; callers import all or nothing. openpyxl uses defusedxml (installed), so XML
bombs are refused. Export: cells that start with = + - @ are neutralised (formula injection)
and the file is written under a temporary name, then renamed.
"""
import datetime as dt
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gridoffice.domain.rules import normalize_text

from gridoffice.services.common.files import atomic_output

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_ROWS = 200_000


@dataclass(frozen=True)
class RowError:
    row: int          # the row number Excel shows (the header is row 1 when it is the first row)
    column: str       # the header of the column, or "" for the whole row
    reason: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行" + (f"“{self.column}”列" if self.column else "")
        return f"{where}：{self.reason}"


class ExcelFileError(Exception):
    """The file cannot be used at all (not Excel, no header, required columns missing)."""


class ExcelImportError(Exception):
    """Rows with problems: nothing was imported. `errors` lists every one."""

    def __init__(self, errors: Sequence[RowError]):
        self.errors = list(errors)
        lines = [str(error) for error in self.errors[:200]]
        more = f"\n……另有 {len(self.errors) - 200} 处问题" if len(self.errors) > 200 else ""
        super().__init__(f"文件中有 {len(self.errors)} 处问题，没有导入任何数据：\n" + "\n".join(lines) + more)


@dataclass
class SheetRow:
    number: int
    values: dict[str, str] = field(default_factory=dict)

    def get(self, header: str) -> str:
        return self.values.get(header, "")


def cell_text(value: object) -> str:
    """A cell as the clerk typed it: numbers without '.0', dates as YYYY-MM-DD, full-width folded."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return normalize_text(value)


def read_sheet(path: Path | str, *, required: Sequence[str], known: Sequence[str]) -> list[SheetRow]:
    """Rows of the first sheet keyed by header. Raises ExcelFileError for an unusable file."""
    path = Path(path)
    workbook = _open_workbook(path)
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header_number, columns = _find_header(rows, known)
        missing = [name for name in required if name not in columns.values()]
        if missing:
            raise ExcelFileError(f"“{path.name}”缺少必需的列：{'、'.join(missing)}。表头应在第一行，"
                                 f"可用的列有：{'、'.join(known)}。")
        result = []
        for number, values in enumerate(rows, start=header_number + 1):
            texts = {header: cell_text(values[index]) for index, header in columns.items() if index < len(values)}
            if any(texts.values()):
                result.append(SheetRow(number, texts))
            if len(result) > MAX_ROWS:
                raise ExcelFileError(f"“{path.name}”超过 {MAX_ROWS} 行，请拆分后再导入。")
        return result
    finally:
        workbook.close()


def _open_workbook(path: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise ExcelFileError(f"找不到文件“{path}”。")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ExcelFileError(f"“{path.name}”不是 .xlsx 文件。请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入。")
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ExcelFileError(f"“{path.name}”无法读取，文件可能已损坏或已加密（{type(error).__name__}）。") from error
    except Exception as error:  # defusedxml refusals and other parser errors
        raise ExcelFileError(f"“{path.name}”的内容不安全或格式不正确，已拒绝读取（{type(error).__name__}）。") from error


def _find_header(rows: Iterable[tuple], known: Sequence[str]) -> tuple[int, dict[int, str]]:
    """The first non-empty row is the header; returns (its row number, {column index: header})."""
    known_set = set(known)
    for number, values in enumerate(rows, start=1):
        texts = [cell_text(v).replace(" ", "").replace("\u3000", "") for v in values]
        if any(texts):
            return number, {index: text for index, text in enumerate(texts) if text in known_set}
    raise ExcelFileError("文件是空的，没有表头。")


def neutralise(value: object) -> object:
    """Text that Excel would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_sheet(path: Path | str, *, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
                column_widths: Sequence[int] | None = None) -> Path:
    """One sheet with a bold, frozen header row; written atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(list(headers))
    for row in rows:
        sheet.append([neutralise(value) for value in row])
    header_fill = PatternFill("solid", fgColor="E8EEF5")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center")
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        width = column_widths[index - 1] if column_widths else max(10, len(header) * 2 + 4)
        sheet.column_dimensions[get_column_letter(index)].width = width
    path = Path(path)
    with atomic_output(path) as temporary:
        workbook.save(temporary)
    return path
