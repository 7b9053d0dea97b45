"""Spreadsheets in and out, with the same rules for every list the office imports or exports.

Import (read_table): any format services/common/spreadsheets.py opens (.xlsx, .xlsm, .xls, .et,
.ods, CSV in UTF-8 or GBK), chosen by content. The header row is looked for among the first
rows of every sheet (title rows, blank rows and a merged title above it are skipped), its
cells matched through each column's synonyms with spaces, full-width forms, "*" and
"（必填）" ignored; the sheet whose header has every required column is read, and when several
have, the caller names one (SheetChoiceNeeded). Merged cells give their value to every row
they cover. Each column has a kind, and cells whose numbers lost their meaning are refused
or warned about with the cell's address: a year.month typed as a number (1975.1 could be
October), a landline whose leading 0 Excel dropped, an ID-card-like number in a phone column.
Every column that is not used is named. Callers import all or nothing.

Export (write_sheet): a bold, frozen header row with an autofilter, print settings (A4,
landscape when wide, header repeated on every page, fitted to the page width), phone and
code columns formatted as text (@), dates and times as real date cells, formula-like text
kept as text with the cell's quote prefix (as Excel does when one types '=…), and text longer
than an Excel cell holds refused with the cells named rather than cut. Written under a
temporary name, then renamed. (openpyxl and python-calamine are imported inside the
functions: neither is needed to start the program.)
"""
import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import is_landline, normalize_text

from gridoffice.services.common.files import atomic_output
from gridoffice.services.common.spreadsheets import (CSV, ENCODING_LABELS, RawSheet, SpreadsheetError, SpreadsheetFile,
                                                     open_spreadsheet)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_ROWS = 200_000
HEADER_SEARCH_ROWS = 30
EXCEL_CELL_LIMIT = 32_767
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods")          # characters (UTF-16 units) one Excel cell holds

# column kinds: how a cell becomes text, and which numbers are suspicious
TEXT, PHONE, MONTH, CODE, COUNT = "text", "phone", "month", "code", "count"
# number formats of exported columns
TEXT_FORMAT, DATE_FORMAT, MONTH_FORMAT, TIME_FORMAT, DATETIME_FORMAT = "@", "yyyy-mm-dd", "yyyy-mm", "hh:mm", "yyyy-mm-dd hh:mm"

ExcelFileError = SpreadsheetError   # the file cannot be used at all (not a table, no header, columns missing)


@dataclass(frozen=True)
class RowError:
    row: int          # the row number Excel shows
    column: str       # the header of the column, or "" for the whole row
    reason: str
    cell: str = ""    # the cell's address (D5), when one cell is at fault

    def __str__(self) -> str:
        where = f"第 {self.row} 行" + (f"“{self.column}”列" if self.column else "")
        if self.cell:
            where += f"（{self.cell}）"
        return f"{where}：{self.reason}"


def refused_lines(errors: Sequence[RowError]) -> list[str]:
    """Refused rows as a preview or a command lists them."""
    return ([f"被拒绝的行（共 {len(errors)} 处问题；有被拒绝的行时整个文件都不会导入）："]
            + [f"  {error}" for error in errors])


class ExcelImportError(Exception):
    """Rows with problems: nothing was imported. `errors` lists every one."""

    def __init__(self, errors: Sequence[RowError]):
        self.errors = list(errors)
        lines = [str(error) for error in self.errors[:200]]
        more = f"\n……另有 {len(self.errors) - 200} 处问题" if len(self.errors) > 200 else ""
        super().__init__(f"文件中有 {len(self.errors)} 处问题，没有导入任何数据：\n" + "\n".join(lines) + more)


class SheetChoiceNeeded(ExcelFileError):
    """Several sheets of the workbook have the header: the clerk says which one (GUI) or --sheet."""

    def __init__(self, file_name: str, sheets: list[str]):
        self.sheets = sheets
        names = "、".join(f"“{name}”" for name in sheets)
        super().__init__(f"“{file_name}”中有 {len(sheets)} 个工作表都有所需的表头：{names}。请选择要导入的工作表"
                         "（命令行用 --sheet 工作表名称）。")


@dataclass(frozen=True)
class Column:
    """One column an import knows: its header, the other words clerks write for it, its kind."""
    header: str
    synonyms: tuple[str, ...] = ()
    kind: str = TEXT


@dataclass(frozen=True)
class TableSpec:
    what: str                        # "代表名册", for messages
    columns: tuple[Column, ...]
    required: tuple[str, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(column.header for column in self.columns)

    def lookup(self) -> dict[str, str]:
        """{normalised header or synonym: the column's header}."""
        table: dict[str, str] = {}
        for column in self.columns:
            for word in (column.header, *column.synonyms):
                table.setdefault(header_key(word, keep_remark=True), column.header)
        for column in self.columns:
            for word in (column.header, *column.synonyms):
                table.setdefault(header_key(word), column.header)
        return table


@dataclass
class SheetRow:
    number: int
    values: dict[str, str] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)          # header → address ("D5")
    problems: list[RowError] = field(default_factory=list)       # refusals found while reading the cells
    warnings: list[RowError] = field(default_factory=list)

    def get(self, header: str) -> str:
        return self.values.get(header, "")

    def cell(self, header: str) -> str:
        return self.cells.get(header, "")


@dataclass
class Table:
    """What was read, and from where: the preview says it to the clerk."""
    file_name: str
    file_label: str                  # "Excel 97-2003 工作簿", "CSV 文本文件"…
    sheet: str                       # "" for CSV
    header_row: int
    columns: dict[str, str]          # the spec's header → the header as written in the file
    unused: list[str]                # headers of the file's columns that are not imported
    rows: list[SheetRow]
    notes: list[str] = field(default_factory=list)
    encoding: str = ""
    sheet_count: int = 1

    def source(self) -> str:
        """读取了工作表“名册”（共 2 个），表头在第 3 行。"""
        if self.sheet:
            where = f"读取了工作表“{self.sheet}”" + (f"（共 {self.sheet_count} 个工作表）" if self.sheet_count > 1 else "")
        else:
            where = f"读取了 {self.file_label}（编码 {ENCODING_LABELS.get(self.encoding, self.encoding)}）"
        return f"{where}，表头在第 {self.header_row} 行。"

    def reading(self) -> "Reading":
        return Reading(self.file_name, self.file_label, self.source(), dict(self.columns), list(self.unused),
                       list(self.notes))


@dataclass
class Reading:
    """How a file was read, without its rows: every import's preview and summary start with it."""
    file_name: str
    file_label: str
    source: str                      # 读取了工作表“名册”，表头在第 3 行。
    columns: dict[str, str]          # the import's header → the header as written in the file
    unused: list[str]
    notes: list[str]

    def columns_text(self) -> str:
        return "、".join(name if written == name else f"{name}（“{written}”）" for name, written in self.columns.items())

    def unused_text(self) -> str:
        return f"未导入的列：{'、'.join(self.unused)}。" if self.unused else ""

    def lines(self) -> list[str]:
        lines = [f"文件：{self.file_name}（{self.file_label}）", self.source, f"导入的列：{self.columns_text()}。"]
        if self.unused:
            lines.append(self.unused_text())
        return lines + self.notes


# --- reading ------------------------------------------------------------------------------------
def header_key(text: object, *, keep_remark: bool = False) -> str:
    """A header as compared: full-width folded (NFKC), no spaces or line breaks, no "*" marks and
    (unless `keep_remark`) no trailing remark in brackets: " 手机号码（必填）*" → "手机号码"."""
    key = unicodedata.normalize("NFKC", str(text or ""))
    key = re.sub(r"\s+", "", key).strip("*:：")
    if not keep_remark:
        key = re.sub(r"\([^()]*\)$", "", key).strip("*")
    return key.upper()


def read_table(path: Path | str, spec: TableSpec, *, sheet: str | None = None) -> Table:
    """The table of `path` that `spec` describes. Raises ExcelFileError (with SheetChoiceNeeded
    when several sheets would do and `sheet` is None)."""
    path = Path(path)
    opened = open_spreadsheet(path)
    try:
        if opened.kind == CSV:
            return _read_csv(opened, spec)
        return _read_workbook(opened, spec, sheet)
    finally:
        opened.close()


def _read_csv(opened: SpreadsheetFile, spec: TableSpec) -> Table:
    found = []
    for decoding in opened.csv_texts:
        raw = RawSheet("", decoding.rows)
        header = _find_header(raw, spec)
        if header.complete:
            table = _table(opened, raw, spec, header, encoding=decoding.encoding)
            if decoding.damaged:
                table.notes.insert(0, f"文件中有 {decoding.damaged} 处字节无法按 {ENCODING_LABELS[decoding.encoding]} "
                                      "识别，含有这些字节的行会被拒绝。")
            return table
        found.append((decoding, header))
    decoding, header = max(found, key=lambda item: len(item[1].columns))
    suffix = opened.path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES and not header.columns:
        raise ExcelFileError(f"“{opened.path.name}”无法读取：扩展名是 {suffix}，内容却不是表格，而是纯文本，其中也没有"
                             f"{spec.what}的表头。文件可能已损坏，或在导出、转发时出了错；请向发件人重新要一份。")
    hint = ("" if header.columns else
            f"按 {'、'.join(ENCODING_LABELS[d.encoding] for d, _h in found)} 编码读出的文字中都找不到表头。"
            "如果文件来自繁体中文（Big5）或其他编码的系统，文字会是乱码：请在 Excel 或 WPS 中另存为"
            "“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）后再导入。")
    raise ExcelFileError(f"“{opened.path.name}”{header.describe_missing(spec)}{hint}")


def _read_workbook(opened: SpreadsheetFile, spec: TableSpec, sheet: str | None) -> Table:
    names = opened.sheet_names
    if sheet is not None:
        if sheet not in names:
            raise ExcelFileError(f"“{opened.path.name}”中没有名为“{sheet}”的工作表。工作表有：{'、'.join(names)}。")
        names = [sheet]
    if len(names) == 1:
        raw = _filled(opened.read(names[0]))
        header = _find_header(raw, spec)
        if not header.complete:
            where = f"的工作表“{names[0]}”" if len(opened.sheet_names) > 1 else ""
            raise ExcelFileError(f"“{opened.path.name}”{where}{header.describe_missing(spec)}")
        return _table(opened, raw, spec, header)
    headers = {name: _find_header(_filled(opened.read(name, max_rows=HEADER_SEARCH_ROWS)), spec) for name in names}
    matching = [name for name, header in headers.items() if header.complete]
    if not matching:
        lines = [f"工作表“{name}”：{header.describe_found()}" for name, header in headers.items()]
        raise ExcelFileError(f"“{opened.path.name}”的 {len(names)} 个工作表中都没有找到{spec.what}的表头"
                             f"（必需的列：{'、'.join(spec.required)}）。\n" + "\n".join(lines))
    if len(matching) > 1:
        raise SheetChoiceNeeded(opened.path.name, matching)
    raw = _filled(opened.read(matching[0]))
    return _table(opened, raw, spec, _find_header(raw, spec))


@dataclass
class _Header:
    row: int                                   # 0-based; -1 when no row has a known header
    columns: dict[int, str]                    # column index → the spec's header
    texts: dict[int, str]                      # column index → the header as written
    required: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return self.row >= 0 and all(name in self.columns.values() for name in self.required)

    def describe_found(self) -> str:
        if self.row < 0:
            return f"前 {HEADER_SEARCH_ROWS} 行中没有认得的表头"
        missing = [name for name in self.required if name not in self.columns.values()]
        return (f"第 {self.row + 1} 行认出 {'、'.join(self.columns.values())}"
                + (f"，缺少 {'、'.join(missing)}" if missing else ""))

    def describe_missing(self, spec: TableSpec) -> str:
        known = "、".join(spec.headers)
        if self.row < 0:
            return (f"的前 {HEADER_SEARCH_ROWS} 行中没有找到{spec.what}的表头。表头应包含：{'、'.join(spec.required)}"
                    f"（可用的列：{known}）。")
        missing = [name for name in self.required if name not in self.columns.values()]
        synonyms = {c.header: c.synonyms for c in spec.columns}
        words = "；".join(f"{name}（也可写作 {'、'.join(synonyms[name])}）" if synonyms.get(name) else name
                         for name in missing)
        return (f"第 {self.row + 1} 行的表头缺少必需的列：{words}。认出的列：{'、'.join(self.columns.values()) or '无'}；"
                f"可用的列有：{known}。")


def _filled(raw: RawSheet) -> RawSheet:
    """Every cell a merged range covers takes its value, down the range's first column.

    (Across columns the value is not copied: a title merged over the table, or a cell spread
    over the next column, belongs to its first column only.)"""
    rows = raw.rows
    for first_row, first_col, last_row, _last_col in raw.merges:
        if first_row >= len(rows) or first_col >= len(rows[first_row]):
            continue
        value = rows[first_row][first_col]
        for number in range(first_row + 1, min(last_row, len(rows) - 1) + 1):
            row = rows[number]
            if first_col < len(row) and _is_empty(row[first_col]):
                row[first_col] = value
    return raw


def _find_header(raw: RawSheet, spec: TableSpec) -> _Header:
    """The row among the first ones that names most of the spec's columns (the first such row)."""
    lookup = spec.lookup()
    best = _Header(-1, {}, {}, spec.required)
    for number, values in enumerate(raw.rows[:HEADER_SEARCH_ROWS]):
        columns: dict[int, str] = {}
        texts: dict[int, str] = {}
        for index, value in enumerate(values):
            text = cell_text(value)
            if not text:
                continue
            texts[index] = re.sub(r"\s+", "", text)
            header = lookup.get(header_key(text, keep_remark=True)) or lookup.get(header_key(text))
            if header is not None and header not in columns.values():
                columns[index] = header
        if len(columns) > len(best.columns):
            best = _Header(number, columns, texts, spec.required)
    return best


def _table(opened: SpreadsheetFile, raw: RawSheet, spec: TableSpec, header: _Header, *, encoding: str = "") -> Table:
    kinds = {column.header: column.kind for column in spec.columns}
    columns = {header.columns[i]: header.texts[i] for i in sorted(header.columns)}
    used = sorted(header.columns)
    letters = {index: column_letter(index) for index in used}
    unused_indexes = [i for i in header.texts if i not in header.columns]
    notes: list[str] = []
    rows: list[SheetRow] = []
    is_csv = opened.kind == CSV
    # (index, header, column letter, kind) of each column read; TEXT cells take the short way
    reads = [(index, header.columns[index], letters[index], kinds[header.columns[index]]) for index in used]
    width = max((len(values) for values in raw.rows[header.row + 1:]), default=0)
    headerless = [i for i in range(width) if i not in header.texts]
    data_in: set[int] = set()
    header_starts = set(header.texts.values())     # a repeated header begins with one of the header's texts
    for number0 in range(header.row + 1, len(raw.rows)):
        values = raw.rows[number0]
        first_index = next((i for i, v in enumerate(values) if not _is_empty(v)), None)
        if first_index is None:
            continue
        number = number0 + 1
        first = cell_text(values[first_index])
        if FOOTER_RE.match(first) and (FOOTER_TOTAL_RE.match(first) or first_index not in header.columns
                                       or sum(1 for v in values if not _is_empty(v)) == 1):
            notes.append(f"第 {number} 行像是表尾（“{_short(first)}”），没有导入。")
            continue
        if re.sub(r"\s+", "", first) in header_starts and _repeats_header(values, header):
            notes.append(f"第 {number} 行是重复的表头，已跳过。")
            continue
        row = SheetRow(number)
        texts, cells = row.values, row.cells
        length = len(values)
        for index, name, letter, kind in reads:
            value = values[index] if index < length else None
            cells[name] = address = f"{letter}{number}"
            if kind == TEXT or kind == CODE or kind == COUNT:
                texts[name] = cell_text(value)
                continue
            texts[name], problem, warning = convert_cell(kind, value, from_csv=is_csv)
            if problem:
                row.problems.append(RowError(number, name, problem, address))
            if warning:
                row.warnings.append(RowError(number, name, warning, address))
        for index in headerless:
            if index < length and not _is_empty(values[index]):
                data_in.add(index)
        if any(texts.values()) or row.problems:
            rows.append(row)
        if len(rows) > MAX_ROWS:
            raise ExcelFileError(f"“{opened.path.name}”超过 {MAX_ROWS} 行，请拆分后再导入。")
    if not rows:
        where = f"的工作表“{raw.name}”" if raw.name and len(opened.sheet_names) > 1 else ""
        raise ExcelFileError(f"“{opened.path.name}”{where}在第 {header.row + 1} 行的表头下面没有数据。")
    unused = [header.texts[i] for i in unused_indexes]
    unused += [f"第 {column_letter(i)} 列（没有表头）" for i in sorted(data_in)]
    notes[:0] = _merge_notes(raw, header, used)
    return Table(opened.path.name, opened.label, raw.name, header.row + 1, columns, unused, rows, notes,
                 encoding=encoding, sheet_count=len(opened.sheet_names))


def _repeats_header(values: list[object], header: _Header) -> bool:
    """A row that says the header again (two files pasted one under the other)."""
    same = sum(1 for index, text in header.texts.items()
               if index in header.columns and index < len(values) and header_key(cell_text(values[index])) == header_key(text))
    return same >= 2


FOOTER_RE = re.compile(r"^(填表人|填报人|制表人|制表|审核人|审核|负责人|联系人|填表日期|制表日期|注|说明|备注|合计|总计|小计)\s*[:：]"
                       r"|^(合计|总计|小计|共计)")
FOOTER_TOTAL_RE = re.compile(r"^(合计|总计|小计|共计)")


def _merge_notes(raw: RawSheet, header: _Header, used: list[int]) -> list[str]:
    by_column: dict[int, list[tuple[int, int]]] = {}
    for first_row, first_col, last_row, _last_col in raw.merges:
        if first_col in header.columns and last_row > header.row and last_row > first_row:
            by_column.setdefault(first_col, []).append((max(first_row, header.row + 1) + 1, last_row + 1))
    notes = []
    for index in used:
        spans = sorted(by_column.get(index, []))
        if spans:
            listed = "、".join(f"{a}–{b}" for a, b in spans[:5]) + ("……" if len(spans) > 5 else "")
            notes.append(f"“{header.columns[index]}”列有 {len(spans)} 处合并单元格（第 {listed} 行），"
                         "每一行都按合并单元格的值导入。")
    return notes


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_text(value: object) -> str:
    """A cell as the clerk typed it: numbers without '.0', dates as YYYY-MM-DD, full-width folded."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return normalize_text(value)


ID_CARD_RE = re.compile(r"^(\d{17}[\dXx]|\d{15})$")
SCIENTIFIC_RE = re.compile(r"^\d+(\.\d+)?[Ee]\+?\d+$")
AMBIGUOUS_MONTH_RE = re.compile(r"^(\d{4})\.1$")
EXCEL_EPOCH = dt.date(1899, 12, 30)


def convert_cell(kind: str, value: object, *, from_csv: bool = False) -> tuple[str, str, str]:
    """(text, refusal, warning) of one cell of a column of `kind`; refusal and warning are "" or a sentence."""
    if kind == PHONE:
        return _phone_cell(value)
    if kind == MONTH:
        return _month_cell(value, from_csv)
    return cell_text(value), "", ""


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _phone_cell(value: object) -> tuple[str, str, str]:
    if _is_number(value):
        if isinstance(value, float) and not value.is_integer():
            return cell_text(value), f"号码是带小数的数字（{cell_text(value)}），数字可能已经改变。请把这一列设为文本格式后重新输入号码。", ""
        if abs(value) >= 10 ** 14:
            return "", "这一格是 15 位以上的长数字，像是身份证号码，不是电话号码（本程序不保存身份证号码）。请删除或改填电话。", ""
        text = str(int(value))
    else:
        text = normalize_text(value)
    compact = re.sub(r"[\s\-]", "", text)
    if ID_CARD_RE.match(compact):
        return "", "这一格像是身份证号码，不是电话号码（本程序不保存身份证号码）。请删除或改填电话。", ""
    if SCIENTIFIC_RE.match(compact):
        return text, (f"号码被显示成了科学计数法（{text}），后面的数字已经丢失。请在原表中把这一列设为文本格式，"
                      "重新输入完整号码后再导入。"), ""
    if compact.isdigit() and compact[0] not in "01" and 9 <= len(compact) <= 11 and is_landline("0" + compact):
        return "0" + compact, "", f"“{text}”开头的 0 丢失了（Excel 把号码当成了数字），已按“0{compact}”导入，请核对区号。"
    return text, "", ""


def _month_cell(value: object, from_csv: bool) -> tuple[str, str, str]:
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year}-{value.month:02d}", "", ""
    if _is_number(value):
        if isinstance(value, float) and not value.is_integer():
            text = cell_text(value)
            if AMBIGUOUS_MONTH_RE.match(text):
                return text, _ambiguous_month(text), ""
            return text, "", ""
        number = int(value)
        if 10_000 <= number <= 60_000:   # a date whose cell lost its date format: Excel's day number
            day = EXCEL_EPOCH + dt.timedelta(days=number)
            return (f"{day.year}-{day.month:02d}", "",
                    f"这一格是数字 {number}，是失去日期格式的 Excel 日期（{day:%Y-%m-%d}），已按 {day.year}-{day.month:02d} 导入，请核对。")
        return _eight_digit_date(str(number)), "", ""
    text = normalize_text(value)
    if from_csv and AMBIGUOUS_MONTH_RE.match(text):
        return text, _ambiguous_month(text), ""
    return _eight_digit_date(text), "", ""


def _ambiguous_month(text: str) -> str:
    year = text[:4]
    return (f"“{text}”是数字，可能是 {year} 年 1 月，也可能是 {year} 年 10 月（Excel 会把 {year}.10 存成 {year}.1）。"
            f"请改写成 {year}-01 或 {year}-10 后再导入。")


def _eight_digit_date(text: str) -> str:
    """19750312 → 1975-03-12 (a whole birth date typed as digits)."""
    if re.fullmatch(r"(19|20)\d{6}", text):
        try:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
        except ValueError:
            return text
    return text


def encoding_damage(text: str, *, question_marks: bool = False) -> str:
    """Why `text` looks broken by a wrong encoding ("" when it does not): U+FFFD, private-use
    characters, control characters, and (for names) '?' where a character could not be converted."""
    if "\ufffd" in text:
        return "含有乱码字符“\ufffd”，文件在转换编码时损坏了"
    if question_marks and ("?" in text or "？" in text):
        return "含有“?”，像是生僻字在转换编码（如存为 GBK）时变成了问号"
    for char in text:
        code = ord(char)
        if 0xE000 <= code <= 0xF8FF or 0xF0000 <= code:
            return f"含有私用区字符（U+{code:04X}），是编码转换留下的，不是正常的文字"
        if unicodedata.category(char) == "Cc" and char not in "\n\t\r":
            return f"含有控制字符（U+{code:04X}），文件可能已损坏"
    return ""


def read_sheet(path: Path | str, *, required: Sequence[str], known: Sequence[str]) -> list[SheetRow]:
    """Rows of the table keyed by header, with exactly the headers in `known` (no synonyms).
    Raises ExcelFileError for an unusable file; a cell refused while reading raises ExcelImportError."""
    spec = TableSpec("表格", tuple(Column(name) for name in known), tuple(required))
    table = read_table(path, spec)
    problems = [problem for row in table.rows for problem in row.problems]
    if problems:
        raise ExcelImportError(problems)
    return table.rows


# --- writing ------------------------------------------------------------------------------------
class CellTooLongError(FieldError):
    """Text longer than an Excel cell holds: nothing is written (Excel would cut it)."""

    def __init__(self, cells: list[str]):
        listed = "\n".join(cells[:10]) + (f"\n……共 {len(cells)} 处" if len(cells) > 10 else "")
        super().__init__("", f"有 {len(cells)} 处文字超过了 Excel 一个单元格最多能存的 {EXCEL_CELL_LIMIT:,} 字，"
                             f"为免内容被截断，没有导出：\n{listed}\n请在程序中把这些文字缩短后再导出。")
        self.cells = cells


@dataclass
class SheetSpec:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]
    column_widths: Sequence[int] | None = None
    formats: Mapping[str, str] = field(default_factory=dict)    # header → number format (TEXT_FORMAT, MONTH_FORMAT…)
    wrap: Collection[str] = ()                                  # headers whose cells wrap
    landscape: bool | None = None                               # None: when the columns are wide


def neutralise(value: object) -> object:
    """Kept for callers that build text: a formula-like value with a leading apostrophe.
    Exports use the cell's quote prefix instead (write_sheet)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def write_sheet(path: Path | str, *, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
                column_widths: Sequence[int] | None = None, formats: Mapping[str, str] | None = None,
                wrap: Collection[str] = (), landscape: bool | None = None) -> Path:
    """One sheet (see the module's docstring for what every export gets); written atomically."""
    return write_workbook(path, [SheetSpec(title, headers, rows, column_widths, formats or {}, wrap, landscape)])


def write_workbook(path: Path | str, sheets: Sequence[SheetSpec]) -> Path:
    from openpyxl import Workbook

    # a normal (not write-only) workbook: only it records the sheet's dimension (A1:N200), which
    # some readers (openpyxl's read-only mode, older tools) rely on
    workbook = Workbook()
    workbook.remove(workbook.active)
    too_long: list[str] = []
    for spec in sheets:
        _write_one(workbook, spec, too_long)
    if too_long:
        raise CellTooLongError(too_long)
    path = Path(path)
    with atomic_output(path) as temporary:
        workbook.save(temporary)
    return path


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
WIDE_SHEET = 110          # total column width above which a sheet prints landscape


def _write_one(workbook, spec: SheetSpec, too_long: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet = workbook.create_sheet(_SHEET_TITLE_FORBIDDEN.sub("_", spec.title)[:31] or "Sheet")
    headers = list(spec.headers)
    widths = list(spec.column_widths or [max(10, len(h) * 2 + 4) for h in headers])
    formats = {index: spec.formats[h] for index, h in enumerate(headers) if h in spec.formats}
    wrapped = {index for index, h in enumerate(headers) if h in spec.wrap}
    for index, width in enumerate(widths):
        dimension = sheet.column_dimensions[column_letter(index)]
        dimension.width = width
        if formats.get(index) == TEXT_FORMAT:
            dimension.number_format = TEXT_FORMAT     # what the clerk types below the rows stays text too
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = 9     # A4
    landscape = spec.landscape if spec.landscape is not None else sum(widths) > WIDE_SHEET
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.gridLines = True
    sheet.print_options.horizontalCentered = True

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8EEF5")
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = bold, fill, centred
    wrap_alignment = Alignment(wrap_text=True, vertical="top")
    number = 1
    for values in spec.rows:
        number += 1
        cells: list[object] = []
        styled: list[tuple[int, object]] = []
        for index, value in enumerate(values):
            number_format = formats.get(index)
            if isinstance(value, str):
                value = _ILLEGAL.sub("", value)
                if len(value) > 3000 and len(value.encode("utf-16-le")) // 2 > EXCEL_CELL_LIMIT:
                    length = len(value.encode("utf-16-le")) // 2
                    first = f"（{headers[0]}：{_short(cell_text(values[0]))}）" if index else ""
                    too_long.append(f"第 {number} 行{first}“{headers[index]}”有 {length:,} 字")
                    value = ""
            elif number_format == TEXT_FORMAT and value is not None and not isinstance(value, (dt.date, dt.time)):
                value = cell_text(value)    # a code or phone kept as text
            if value == "":
                value = None
            cells.append(value)
            if value is not None and (number_format is not None or index in wrapped or isinstance(value, (dt.date, dt.time))
                                      or (isinstance(value, str) and (is_formula_like(value) or value.startswith("#")))):
                styled.append((index, value))
        sheet.append(cells)
        for index, value in styled:
            cell = sheet.cell(number, index + 1)
            if isinstance(value, str):
                cell.data_type = "s"            # never a formula or an error code
                if is_formula_like(value):
                    cell.quotePrefix = True     # shown and kept as text, as when one types '=…
            elif isinstance(value, dt.datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, dt.time):
                cell.number_format = TIME_FORMAT
            if formats.get(index):
                cell.number_format = formats[index]
            if index in wrapped:
                cell.alignment = wrap_alignment
    sheet.auto_filter.ref = f"A1:{column_letter(max(len(headers), 1) - 1)}{number}"
