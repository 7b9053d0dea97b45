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


def normalize_text(value: object) -> str:
    """Trim and fold full-width ASCII (digits, letters, hyphen) to half-width."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)) if _has_fullwidth(str(value)) else str(value)
    return text.strip()


def _has_fullwidth(text: str) -> bool:
    return any("\uff01" <= ch <= "\uff5e" or ch == "\u3000" for ch in text)


def normalize_phone(value: object) -> str:
    """Digits and hyphens only: '138 1234 5678' and '１３８１２３４５６７８' become '13812345678'."""
    text = normalize_text(value)
    return re.sub(r"[\s()（）]", "", text)


def is_mobile(value: str) -> bool:
    return bool(MOBILE_RE.match(value))


def is_landline(value: str) -> bool:
    return bool(LANDLINE_RE.match(value))


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


def mask_name(name: str | None) -> str:
    """张* for lists: the surname (first character) and one star per other character."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)


def shorten_address(address: str | None) -> str:
    """The estate or village part of an address, without building, door or room numbers:
    '幸福花园12栋1203室' → '幸福花园…'. Enough to know where; too little to find the door."""
    address = (address or "").strip()
    match = re.search(r"[0-9０-９]+\s*(号|栋|幢|座|楼|单元|室|组|巷|弄|层)|[一二三四五六七八九十]+(组|栋|幢|单元)", address)
    cut = match.start() if match else len(address)
    if cut == len(address):
        return address if len(address) <= 8 else address[:8] + "…"
    return (address[:cut] or address[:2]) + "…"
