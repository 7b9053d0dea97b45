"""Value rules shared by every layer: phone formats, masking, multi-value fields."""
import re
import unicodedata
from collections.abc import Iterable

from .enums import DeputyLevel

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
# area code 0xx or 0xxx, optional hyphen, 7-8 digit local number, optional extension
LANDLINE_RE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
# 、 ， , ； ; and whitespace all separate values in one cell
MULTI_SEPARATORS = re.compile(r"[、，,；;\s]+")

LEVEL_ORDER = {level.value: rank for rank, level in enumerate(DeputyLevel)}


# full-width digits, letters and the symbols of numbers, codes and addresses (－＋＠．／＃＊), and the
# ideographic space; Chinese punctuation (，：（）；) is left alone so free text keeps its commas
_FULLWIDTH_FOLD = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFF01, 0xFF5F)
                   if chr(code).isalnum() or chr(code) in "－＋＠．／＃＊＿"}
_FULLWIDTH_FOLD[0x3000] = " "


_FULLWIDTH_RE = re.compile("[\uff01-\uff5e\u3000]")


def normalize_text(value: object) -> str:
    """Trim and fold full-width ASCII (digits, letters, hyphen) to half-width."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if _FULLWIDTH_RE.search(text):   # most cells have none: an import of 10,000 rows checks 140,000 of them
        text = text.translate(_FULLWIDTH_FOLD)
    return text.strip()


def normalize_phone(value: object) -> str:
    """Digits and hyphens only: '138 1234 5678' and '１３８１２３４５６７８' become '13812345678'."""
    text = normalize_text(value)
    return re.sub(r"[\s()（）]", "", text)


def is_mobile(value: str) -> bool:
    return bool(MOBILE_RE.match(value))


def is_landline(value: str) -> bool:
    return bool(LANDLINE_RE.match(value))


def is_contact_phone(value: str) -> bool:
    """An office's number: a mobile, a landline with area code, or a short number such as 12345."""
    return is_mobile(value) or is_landline(value) or (value.isdigit() and 3 <= len(value) <= 8)


def mask_phone(value: str | None) -> str:
    """138****1234 for mobiles; landlines keep area code and last 4 digits."""
    if not value:
        return ""
    if is_mobile(value):
        return f"{value[:3]}****{value[-4:]}"
    digits = value.replace("-", "")
    if len(digits) <= 4:
        return "*" * len(digits)
    return f"{digits[:-8] if len(digits) > 8 else digits[:2]}****{digits[-4:]}"


def split_multi(value: object) -> list[str]:
    """Split a cell such as '市、区' or '法律,教育' into its trimmed, de-duplicated parts."""
    parts = [p for p in MULTI_SEPARATORS.split(normalize_text(value)) if p]
    return list(dict.fromkeys(parts))


def join_multi(values: Iterable[str]) -> str:
    """The stored form of a multi-value field: parts joined by '、'."""
    return "、".join(v for v in values if v)


def parse_levels(value: object) -> list[str]:
    """Levels from any separator, checked and ordered 全国 → 乡镇. Raises ValueError."""
    aliases = {"区县": "区", "县": "区", "区(县)": "区", "区（县）": "区", "乡": "乡镇", "镇": "乡镇"}
    levels = []
    for part in split_multi(value):
        part = aliases.get(part, part.removesuffix("级").removesuffix("人大代表"))
        part = aliases.get(part, part)
        if part not in LEVEL_ORDER:
            raise ValueError(f"代表层级“{part}”无效，应为 全国、省、市、区、乡镇 之一")
        levels.append(part)
    return sorted(set(levels), key=LEVEL_ORDER.__getitem__)


def format_levels(levels: Iterable[str]) -> str:
    return join_multi(sorted(set(levels), key=lambda lv: LEVEL_ORDER.get(lv, 99)))


def level_label(levels: str) -> str:
    """'市、区' → '市、区人大代表' for notices and wall boards."""
    return f"{levels}人大代表" if levels else ""


BIRTH_MONTH_RE = re.compile(r"^(\d{4})\s*(?:[-./年]\s*(\d{1,2})(?:\s*[-./月]\s*(?:\d{1,2}\s*日?)?)?|(\d{2}))\s*月?$")
OLDEST_BIRTH_YEAR = 1920
YOUNGEST_DEPUTY_AGE = 18


def parse_birth_month(value: object, today) -> str:
    """'1975年3月', '1975.3', '197503' or an Excel date '1975-03-01' → '1975-03'. Raises ValueError.

    Plausible means born in OLDEST_BIRTH_YEAR or later and at least 18 years old on `today`.
    """
    text = normalize_text(value)
    if not text:
        return ""
    match = BIRTH_MONTH_RE.match(text)
    if not match:
        raise ValueError("出生年月应写成 1975-03 或 1975年3月")
    year, month = int(match[1]), int(match[2] or match[3])
    if not 1 <= month <= 12:
        raise ValueError(f"出生年月的月份“{month}”不存在")
    if year < OLDEST_BIRTH_YEAR:
        raise ValueError(f"出生年月 {year}-{month:02d} 不合理：年份应在 {OLDEST_BIRTH_YEAR} 年以后")
    if (year, month) > (today.year - YOUNGEST_DEPUTY_AGE, today.month):
        raise ValueError(f"出生年月 {year}-{month:02d} 不合理：代表应年满 {YOUNGEST_DEPUTY_AGE} 周岁")
    return f"{year}-{month:02d}"


def normalize_name(value: object) -> str:
    """A person's name trimmed, inner spaces removed, '·' of minority names unified."""
    text = re.sub(r"\s+", "", normalize_text(value))
    return re.sub(r"[•・．.]", "·", text)


def mask_name(name: str | None) -> str:
    """张* for lists: the surname (first character) and one star per other character."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)


_ADDRESS_PART = re.compile(r"([0-9０-９]+|[一二三四五六七八九十]+)\s*(号楼|栋|幢|座|组|号|单元|层|楼|室|户)")
_KEPT_PARTS = {"号楼", "栋", "幢", "座", "组"}     # a building or a village group: where, not whose door


def place_of_address(address: str | None) -> str:
    """Where a matter is, without the resident's own door: the estate or village with its building or
    group, cut before the door, unit, floor or room: '江滨新城20栋802室' → '江滨新城20栋',
    '幸福花园3号楼2单元501' → '幸福花园3号楼', '龙塘村三组51号' → '龙塘村三组'. No ellipsis: it is
    the full place a department goes to."""
    address = (address or "").strip()
    for match in _ADDRESS_PART.finditer(address):
        if match.group(2) not in _KEPT_PARTS:
            return address[:match.start()].rstrip(" ，,、")
    return address


def shorten_address(address: str | None) -> str:
    """The estate or village part of an address, without building, door or room numbers:
    '幸福花园12栋1203室' → '幸福花园…'. Enough to know where; too little to find the door."""
    address = (address or "").strip()
    match = re.search(r"[0-9０-９]+\s*(号|栋|幢|座|楼|单元|室|组|巷|弄|层)|[一二三四五六七八九十]+(组|栋|幢|单元)", address)
    cut = match.start() if match else len(address)
    if cut == len(address):
        return address if len(address) <= 8 else address[:8] + "…"
    return (address[:cut] or address[:2]) + "…"
