"""Opening a spreadsheet file as the clerk has it: .xlsx/.xlsm, .xls (and WPS .et), .ods or CSV.

The format is told by the file's content, never by its name: a .xls renamed .xlsx, an .xlsx
saved as .xls by a mail program or a CSV called .xls all open. Workbooks are read by
python-calamine (Rust; cached values of formulas, dates as dates); CSV is decoded here:
a byte-order mark first, then strict UTF-8, then GB18030 (which contains GBK, code page 936),
and the caller keeps the decoding under which the header is found.

A sheet comes back as rows of cell values from A1 (row 0 is Excel's row 1) with the merged
ranges it has: calamine reports them for .xlsx and .xls; for .ods they are read from the
`table:number-rows-spanned` / `number-columns-spanned` attributes of content.xml.

No Qt and no database here. Every refusal is an ExcelFileError with a Chinese sentence.
"""
import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

XLSX, XLS, ODS, CSV = "xlsx", "xls", "ods", "csv"
FORMAT_LABELS = {XLSX: "Excel 工作簿", XLS: "Excel 97-2003 工作簿", ODS: "OpenDocument 表格", CSV: "CSV 文本文件"}
WPS_LABEL = "WPS 表格"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_FILE_BYTES = 200 * 1024 * 1024          # far above any roster; a bigger file is not a roster
MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024     # a zip bomb stops here, before any XML is parsed
CSV_DELIMITERS = ",\t;|，"
# the order CSV decodings are tried in when there is no byte-order mark
CSV_ENCODINGS = ("utf-8", "gb18030")
ENCODING_LABELS = {"utf-8-sig": "UTF-8 带 BOM", "utf-8": "UTF-8", "gb18030": "GBK/GB18030", "utf-16": "UTF-16",
                   "utf-8-damaged": "UTF-8，有损坏的字节", "gb18030-damaged": "GBK/GB18030，有损坏的字节"}
SAVE_AS_XLSX = "请在 Excel 或 WPS 中打开它，“另存为”Excel 工作簿（.xlsx）后再导入。"


class SpreadsheetError(Exception):
    """The file cannot be read at all; the message is a complete Chinese sentence."""


@dataclass
class RawSheet:
    name: str
    rows: list[list[object]]                                  # from A1; "" or None for an empty cell
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)   # first row, col, last row, col (0-based)


@dataclass
class CsvText:
    """One decoding of a CSV file: the caller tries them in order until the header is found."""
    encoding: str
    rows: list[list[str]]
    damaged: int = 0          # bytes that could not be decoded (shown as U+FFFD)


@dataclass
class SpreadsheetFile:
    """An opened file: its format and, for workbooks, the sheets by name (read when asked for)."""
    path: Path
    kind: str                 # XLSX, XLS, ODS or CSV
    label: str                # what the clerk calls it: "Excel 97-2003 工作簿", "WPS 表格"…
    sheet_names: list[str]
    csv_texts: list[CsvText] = field(default_factory=list)
    _workbook: object = None
    _ods_merges: dict[str, list[tuple[int, int, int, int]]] | None = None

    def read(self, name: str, *, max_rows: int | None = None) -> RawSheet:
        """The sheet `name` (all of it, or its first `max_rows` rows)."""
        if self.kind == CSV:
            rows = self.csv_texts[0].rows
            return RawSheet(name, rows[:max_rows] if max_rows else rows)
        from python_calamine import CalamineError

        try:
            sheet = self._workbook.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False, nrows=max_rows)
            merges = sheet.merged_cell_ranges
        except (CalamineError, ValueError, OSError) as error:
            raise SpreadsheetError(f"“{self.path.name}”的工作表“{name}”无法读取（{_reason(error)}）。{SAVE_AS_XLSX}") from error
        if merges is None and self.kind == ODS:
            ranges = self._ods_merge_ranges().get(name, [])
        else:
            ranges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (merges or [])]
        return RawSheet(name, rows, ranges)

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None

    def _ods_merge_ranges(self) -> dict[str, list[tuple[int, int, int, int]]]:
        if self._ods_merges is None:
            self._ods_merges = ods_merged_ranges(self.path)
        return self._ods_merges


def open_spreadsheet(path: Path | str) -> SpreadsheetFile:
    """Open `path` by its content. Raises SpreadsheetError for anything that is not a table."""
    path = Path(path)
    if not path.is_file():
        raise SpreadsheetError(f"找不到文件“{path}”。")
    size = path.stat().st_size
    if size == 0:
        raise SpreadsheetError(f"“{path.name}”是空文件（0 字节）。")
    if size > MAX_FILE_BYTES:
        raise SpreadsheetError(f"“{path.name}”有 {size // 1024 // 1024} MB，太大了，不像是一份名单。请拆分后再导入。")
    with open(path, "rb") as handle:
        head = handle.read(8192)
    if head.startswith(OLE2_MAGIC):
        return _open_workbook(path, XLS, _ole_label(path))
    if head.startswith(ZIP_MAGIC):
        return _open_workbook(path, _zip_kind(path), "")
    refusal = _not_a_table(head)
    if refusal:
        raise SpreadsheetError(f"“{path.name}”{refusal}")
    data = path.read_bytes()
    return SpreadsheetFile(path, CSV, FORMAT_LABELS[CSV], [""], csv_texts=list(_csv_decodings(path, data)))


def _ole_label(path: Path) -> str:
    """An OLE2 file: .xls, WPS's .et, or an encrypted .xlsx (which Office wraps in OLE2)."""
    with open(path, "rb") as handle:
        data = handle.read(4 * 1024 * 1024)
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise SpreadsheetError(f"“{path.name}”设置了打开密码（已加密），无法读取。"
                               "请在 Excel 或 WPS 中打开它，取消密码（文件 → 信息 → 保护工作簿）并保存后再导入。")
    return WPS_LABEL if path.suffix.lower() in (".et", ".ett") else FORMAT_LABELS[XLS]


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if sum(item.file_size for item in archive.infolist()) > MAX_UNZIPPED_BYTES:
                raise SpreadsheetError(f"“{path.name}”解压后超过 1 GB，已拒绝读取（可能是恶意构造的文件）。")
            if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
                kind = XLSX
            elif "content.xml" in names and b"spreadsheet" in _member_head(archive, "mimetype"):
                kind = ODS
            elif "word/document.xml" in names or "content.xml" in names and b"text" in _member_head(archive, "mimetype"):
                raise SpreadsheetError(f"“{path.name}”是 Word 或文字文档，不是表格。请打开名单所在的表格文件。")
            elif "ppt/presentation.xml" in names:
                raise SpreadsheetError(f"“{path.name}”是演示文稿，不是表格。")
            else:
                raise SpreadsheetError(f"“{path.name}”是一个压缩包，不是表格文件。请先解压，再导入其中的表格。")
            for name in names:
                if name.endswith((".xml", ".rels")) and _has_dtd(_member_head(archive, name)):
                    raise SpreadsheetError(f"“{path.name}”的内容不安全（XML 中带有 DOCTYPE 实体声明），已拒绝读取。"
                                           "请在 Excel 或 WPS 中另存为新文件后再导入。")
            return kind
    except zipfile.BadZipFile as error:
        raise SpreadsheetError(f"“{path.name}”已损坏（压缩结构不完整），无法读取。可能是没有下载或复制完整，请重新获取文件。") from error


def _member_head(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        with archive.open(name) as member:
            return member.read(4096)
    except KeyError:
        return b""


def _has_dtd(head: bytes) -> bool:
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def _not_a_table(head: bytes) -> str:
    """A sentence saying what the file is when it is clearly not a table; "" when it may be CSV."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"%pdf"):
        return "是 PDF 文件，不是表格。请向发件人要 Excel 或 CSV 格式的名单。"
    if start.startswith((b"<html", b"<!doctype html", b"<table", b"<meta", b"<head")) or b"<html" in start[:512]:
        return "其实是网页格式（HTML），只是扩展名是表格的。" + SAVE_AS_XLSX
    if start.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "是 Excel 2003 XML 表格。" + SAVE_AS_XLSX
    if start.startswith((b"\x89png", b"\xff\xd8\xff", b"gif8")):
        return "是图片，不是表格。"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ""
    if b"\x00" in head:
        return "不是可以读取的表格文件（.xlsx、.xls、.et、.ods 或 .csv）。"
    return ""


def _open_workbook(path: Path, kind: str, label: str) -> SpreadsheetFile:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

    try:
        with open(path, "rb") as handle:
            workbook = CalamineWorkbook.from_filelike(handle)
    except PasswordError as error:
        raise SpreadsheetError(f"“{path.name}”设置了密码，无法读取。请在 Excel 或 WPS 中取消密码并保存后再导入。") from error
    except (CalamineError, ValueError, OSError) as error:
        what = label or FORMAT_LABELS[kind]
        hint = ("WPS 的 .et 文件只有部分能直接读取。" if label == WPS_LABEL else "文件可能已损坏或没有下载完整。")
        raise SpreadsheetError(f"“{path.name}”（{what}）无法读取：{_reason(error)}。{hint}{SAVE_AS_XLSX}") from error
    except Exception as error:     # the reader's XML and zip errors
        raise SpreadsheetError(f"“{path.name}”的内容格式不正确，无法读取（{_reason(error)}）。{SAVE_AS_XLSX}") from error
    names = [sheet.name for sheet in workbook.sheets_metadata
             if sheet.typ == SheetTypeEnum.WorkSheet and sheet.visible == SheetVisibleEnum.Visible]
    if not names:
        workbook.close()
        raise SpreadsheetError(f"“{path.name}”中没有可见的工作表。")
    return SpreadsheetFile(path, kind, label or FORMAT_LABELS[kind], names, _workbook=workbook)


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:120]


# --- CSV ----------------------------------------------------------------------------------------
def _csv_decodings(path: Path, data: bytes) -> Iterator[CsvText]:
    """The decodings worth trying, most likely first. A BOM settles it; without one, strict UTF-8,
    then strict GB18030, then UTF-8 with the undecodable bytes marked (so the rows that hold
    them can be refused one by one). Raises SpreadsheetError when none applies."""
    if data.startswith(codecs.BOM_UTF8):
        yield _csv_text("utf-8-sig", data[3:].decode("utf-8", errors="replace"), data[3:])
        return
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            yield CsvText("utf-16", _split_csv(data.decode("utf-16")))
        except UnicodeDecodeError as error:
            raise SpreadsheetError(f"“{path.name}”是 UTF-16 文本，但内容已损坏，无法读取。") from error
        return
    found = False
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        found = True
        yield CsvText(encoding, _split_csv(text))
    # a file with a few broken bytes (a truncated copy, a bad edit): its rows are read, and the
    # rows whose text holds U+FFFD are refused one by one
    damaged = []
    for encoding in CSV_ENCODINGS:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
        if bad and (bad <= 4 or bad * 50 < len(data)):
            damaged.append((bad, encoding, text))
    for bad, encoding, text in sorted(damaged, key=lambda item: item[0]):
        found = True
        yield CsvText(f"{encoding}-damaged", _split_csv(text), damaged=bad)
    if not found:
        raise SpreadsheetError(
            f"“{path.name}”既不是 UTF-8 也不是 GBK/GB18030 编码的文本，无法识别其中的文字（可能是繁体 Big5 或其他编码）。"
            "请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（.xlsx）”或“CSV UTF-8（逗号分隔）”后再导入。")


def _csv_text(encoding: str, text: str, raw: bytes) -> CsvText:
    damaged = text.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    return CsvText(encoding if not damaged else "utf-8-damaged", _split_csv(text), damaged=damaged)


def _split_csv(text: str) -> list[list[str]]:
    sample = text[:16384]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS)
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise SpreadsheetError(f"CSV 文件的格式不正确（{error}）。{SAVE_AS_XLSX}") from error


# --- merged cells of .ods ------------------------------------------------------------------------
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def _q(name: str) -> str:
    return f"{{{_TABLE_NS}}}{name}"


def ods_merged_ranges(path: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    """{sheet name: [(first row, first col, last row, last col)]} from content.xml (0-based, inclusive).

    calamine does not report merges for .ods. Parsed with defusedxml (no entities), and only
    when the file has a spanned cell at all."""
    from defusedxml.ElementTree import iterparse

    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as member:
        content = member.read()
    if b"number-rows-spanned" not in content and b"number-columns-spanned" not in content:
        return {}
    ranges: dict[str, list[tuple[int, int, int, int]]] = {}
    table = _q("table")
    row_tag, cell_tags = _q("table-row"), (_q("table-cell"), _q("covered-table-cell"))
    current: str | None = None
    depth = 0          # nested tables (rare) are skipped
    row = col = 0
    for event, element in iterparse(io.BytesIO(content), events=("start", "end")):
        tag = element.tag
        if tag == table:
            if event == "start":
                depth += 1
                if depth == 1:
                    current, row = element.get(_q("name"), ""), 0
                    ranges[current] = []
            else:
                depth -= 1
            continue
        if depth != 1:
            continue
        if tag == row_tag:
            if event == "start":
                col = 0
            else:
                row += int(element.get(_q("number-rows-repeated"), "1"))
                element.clear()
        elif tag in cell_tags and event == "start":
            rows_spanned = int(element.get(_q("number-rows-spanned"), "1"))
            cols_spanned = int(element.get(_q("number-columns-spanned"), "1"))
            if rows_spanned > 1 or cols_spanned > 1:
                ranges[current].append((row, col, row + rows_spanned - 1, col + cols_spanned - 1))
            col += int(element.get(_q("number-columns-repeated"), "1"))
    return ranges
