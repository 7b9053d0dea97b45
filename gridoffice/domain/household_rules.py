"""Value rules of the household ledger: how an address is written and masked, what an entry counts."""
import re

from .rules import normalize_text

PLACEHOLDER_NAME = "未逐户登记"
_TRAILING_NUMBER = re.compile(r"[0-9]+(号|室|户)?$")


def address_part(value: object, suffix: str) -> str:
    """'3' → '3栋' (a bare number gets its word); '3号楼', 'A座' and '' stay as typed."""
    text = "".join(normalize_text(value).split())
    return f"{text}{suffix}" if text.isascii() and text.isdigit() else text


def compose_address(place: str, building: str, unit: str, room: str) -> str:
    """The whole address as stored and looked up: 幸福花园3栋2单元501室."""
    return f"{normalize_text(place)}{address_part(building, '栋')}{address_part(unit, '单元')}{address_part(room, '室')}"


def _stored_part(text: str, suffix: str) -> str:
    """address_part for text already stored (trimmed and folded when saved): a bare number gets its word."""
    return f"{text}{suffix}" if text.isdigit() and text.isascii() else text


def mask_address(place: str, building: str, unit: str, room: str) -> str:
    """Enough for the clerk to know the building, too little to find the door: 幸福花园3栋2单元***.

    Without a room (a village house: 石岗村三组12号) the house number is starred instead. The parts
    are as stored (the ledger folds and trims them when saving), so nothing is normalised again:
    a district's due list masks thousands of addresses."""
    building, unit = _stored_part(building, "栋"), _stored_part(unit, "单元")
    if room:
        return f"{place}{building}{unit}***"
    return f"{_TRAILING_NUMBER.sub('***', place)}{building}{unit}"


def households_counted(placeholder_count: int) -> int:
    """How many households an entry stands for: 1, or the count of a "未逐户登记" entry."""
    return placeholder_count if placeholder_count > 0 else 1
