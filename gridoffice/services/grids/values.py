"""What a clerk types into grid fields (counts, codes, phones), checked the same way by the grid
editor, the Excel import and the household counts; GridInputError says which field is wrong."""
from gridoffice.domain.rules import is_landline, is_mobile, normalize_phone, normalize_text

from gridoffice.services.office.setup import OfficeInputError

MAX_COUNT = 1_000_000
CODE_MAX = 30


class GridInputError(OfficeInputError):
    """Bad input for a grid or a community: `field` names the field, the message is Chinese."""


def parse_count(value: object, *, field: str, label: str) -> int:
    """A count the clerk typed: a whole number from 0 up; '' is 0."""
    text = normalize_text(value).replace(",", "").replace("，", "")
    if text == "":
        return 0
    try:
        number = int(float(text)) if "." in text and float(text).is_integer() else int(text)
    except ValueError:
        raise GridInputError(field, f"{label}应为整数，“{text}”不是整数。") from None
    if number < 0:
        raise GridInputError(field, f"{label}不能为负数。")
    if number > MAX_COUNT:
        raise GridInputError(field, f"{label}不能超过 {MAX_COUNT}。")
    return number


def clean_code(value: object) -> str:
    code = normalize_text(value)
    if not code:
        raise GridInputError("code", "请填写网格编号。")
    if len(code) > CODE_MAX:
        raise GridInputError("code", f"网格编号不能超过 {CODE_MAX} 个字符。")
    if any(ch.isspace() for ch in code):
        raise GridInputError("code", "网格编号中不能有空格。")
    return code


def clean_worker_phone(value: object) -> str:
    phone = normalize_phone(value)
    if phone and not (is_mobile(phone) or is_landline(phone)):
        raise GridInputError("worker_phone", "网格员电话格式不对：应为 11 位手机号，或带区号的固定电话（如 0571-87654321）。")
    return phone
