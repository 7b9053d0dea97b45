"""Option values checked where argparse reads them, and failures said in Chinese.

    parser.add_argument("--from", type=month_arg)            # 2027-01; refused: 0000-01, 2027-13, 二〇二七
    parser.add_argument("--months", type=int_between(1, 24))

A `type=` function that raises argparse.ArgumentTypeError makes argparse print
"参数错误：参数 --from：<the message>" and exit 2 before the command runs, so a bad value
never reaches a service (no traceback, nothing opened, nothing written).

`failure_message(error)` is what `gridoffice.cli.main` says for a failure met while a command
ran: a full disk, a read-only medium, a pulled stick, a damaged file, a file that cannot be
read or written. `refuse_to_open` and `guard_database` keep commands off databases they
must not touch: a read-only command never creates a database, a writing one never writes into
a damaged or read-only one.
"""
import argparse
import datetime as dt
import errno
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gridoffice.db import Database

# The years a command accepts: every record the office keeps is from this century; a year
# outside is a typo (0206, 2206), and a schedule or a deadline reckoned from it could leave the
# holiday calendar (1900-2100) or the dates Python can count.
MIN_YEAR, MAX_YEAR = 2000, 2099
YEARS = f"年份应在 {MIN_YEAR} 到 {MAX_YEAR} 之间"

MONTH_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
INTEGER_RE = re.compile(r"^[+-]?[0-9]{1,12}$")
DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _normalised(text: str) -> str:
    """Full-width digits and dashes (a Chinese input method's ２０２７－０１) as ASCII."""
    return unicodedata.normalize("NFKC", text).strip()


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def month_arg(text: str) -> dt.date:
    """YYYY-MM (also 2027/1, 2027年1月, full-width digits): the first day of that month."""
    match = MONTH_RE.match(_normalised(text))
    if not match or not all(_ascii_digits(group) for group in match.groups()):
        raise argparse.ArgumentTypeError(f"月份“{text}”格式不对，应为 YYYY-MM，例如 2027-01")
    year, month = int(match[1]), int(match[2])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise argparse.ArgumentTypeError(f"月份“{text}”超出范围：{YEARS}")
    if not 1 <= month <= 12:
        raise argparse.ArgumentTypeError(f"月份“{text}”不存在：月份应在 1 到 12 之间")
    return dt.date(year, month, 1)


def date_arg(text: str) -> dt.date:
    """YYYY-MM-DD (also 2027/1/6, 2027年1月6日, full-width digits)."""
    match = DATE_RE.match(_normalised(text))
    if not match or not all(_ascii_digits(group) for group in match.groups()):
        raise argparse.ArgumentTypeError(f"日期“{text}”格式不对，应为 YYYY-MM-DD，例如 2027-01-06")
    year, month, day = (int(group) for group in match.groups())
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise argparse.ArgumentTypeError(f"日期“{text}”超出范围：{YEARS}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”不存在（{year} 年没有 {month} 月 {day} 日）") from None


def int_between(low: int, high: int) -> Callable[[str], int]:
    """A whole number from `low` to `high`, e.g. --months 1 to 24."""
    def parse(text: str) -> int:
        value = _normalised(text)
        if not INTEGER_RE.match(value):
            raise argparse.ArgumentTypeError(f"“{text}”不是整数，应为 {low} 到 {high} 之间的整数")
        if not low <= int(value) <= high:
            raise argparse.ArgumentTypeError(f"{text} 超出范围，应为 {low} 到 {high} 之间的整数")
        return int(value)
    parse.__name__ = "整数"
    return parse


def positive_int(text: str) -> int:
    """A count of at least 1 (and at most a million, more than any office holds)."""
    return int_between(1, 1_000_000)(text)


def name_arg(text: str) -> str:
    """A name to look up (a station, a community): not empty."""
    value = _normalised(text)
    if not value:
        raise argparse.ArgumentTypeError("名称是空的，请写出名称")
    return value


def output_file(suffix: str) -> Callable[[str], Path]:
    """A file to write, ending in `suffix` (".pdf", ".xlsx"), that is not a folder."""
    def parse(text: str) -> Path:
        path = Path(text)
        if not text.strip() or path.is_dir():
            raise argparse.ArgumentTypeError(f"“{text}”是一个文件夹，请给出文件名（以 {suffix} 结尾）")
        if path.suffix.lower() != suffix:
            raise argparse.ArgumentTypeError(f"输出文件“{text}”应以 {suffix} 结尾")
        return path
    parse.__name__ = "文件名"
    return parse


def existing_folder(text: str) -> Path:
    """A folder that exists (where a backup goes)."""
    path = Path(text)
    if not text.strip() or not path.exists():
        raise argparse.ArgumentTypeError(f"找不到文件夹“{text}”：U盘是否已插好？路径是否写对？")
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"“{text}”是一个文件，不是文件夹")
    return path


# --- the database a command works on --------------------------------------------------------
def refuse_to_open(path: Path, *, writing: bool) -> None:
    """A command that only reads never creates a database: a mistyped --db is said, not made."""
    from .common import CliError

    if isinstance(path, str):   # a server URL: the server says whether the database exists
        return
    if not writing and not path.exists():
        raise CliError(f"找不到数据库文件“{path}”，没有做任何事。请检查 --db 的路径"
                       "（或先运行程序建立办公室的数据库）。")


def guard_database(db: "Database", *, writing: bool) -> None:
    """A command that writes stops before doing anything when the database opened read-only
    (damaged, or on a write-protected medium), and says why; one that reads a damaged database
    goes on (that is how data is saved from it) but says that what it read may be incomplete."""
    from .common import CliError, warn

    if writing and not db.writable:
        db.close()
        raise CliError(f"{db.read_only_reason}这个命令需要修改数据，没有执行，数据库没有任何改动。")
    if db.damaged:
        warn(f"注意：{db.health.summary()}读出的内容可能不完整，请尽快从最近的备份恢复。")


# --- failures met while a command ran --------------------------------------------------------
_OS_WORDS = {
    errno.ENOENT: "找不到文件或文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.EEXIST: "文件已存在",
    errno.ENAMETOOLONG: "路径太长",
    errno.EINVAL: "路径或文件名中有不允许的字符",
    errno.EBUSY: "文件正被其他程序使用",
}
# Windows: ERROR_SHARING_VIOLATION 32 and ERROR_LOCK_VIOLATION 33 (a file open in Excel or WPS)
_WINDOWS_WORDS = {32: "文件正被其他程序（如 Excel、WPS 或 PDF 阅读器）打开", 33: "文件正被其他程序打开",
                  123: "路径或文件名中有不允许的字符", 206: "路径太长"}


def os_reason(error: OSError) -> str:
    """Why a file could not be read or written: one Chinese sentence, never the OS's English words."""
    from gridoffice.db.storage import explain

    winerror = getattr(error, "winerror", None)
    reason = _WINDOWS_WORDS.get(winerror) or explain(error) or _OS_WORDS.get(error.errno) \
        or f"系统错误 {error.errno}"
    return reason if reason.endswith("。") else reason + "。"


def failure_message(error: BaseException) -> str | None:
    """The Chinese sentence for a failure a command met while working, or None if it is a bug."""
    from gridoffice.db import StorageError
    from gridoffice.db.storage import explain

    if isinstance(error, StorageError):
        return str(error)
    if isinstance(error, OSError):
        where = f"“{error.filename}”" if error.filename else "文件"
        if explain(error) and getattr(error, "winerror", None) not in _WINDOWS_WORDS:
            return f"无法读写{where}：{os_reason(error)}"   # a full disk, a read-only medium: says what to do
        return f"无法读写{where}：{os_reason(error)}没有完成这个命令，请检查路径和文件是否被其他程序占用。"
    return explain(error)
