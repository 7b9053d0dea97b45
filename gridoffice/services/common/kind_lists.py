"""What every list of named, coloured kinds the clerk edits checks of an entry (值守类型,
重点户类别): a name, not too long, not twice; a colour written #RRGGBB. `refuse` makes the
area's error (its FieldError with the field the dialog marks) from the Chinese message."""
import re
from collections.abc import Callable

from gridoffice.domain.rules import normalize_text

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
Refuse = Callable[[str], Exception]


def entry_name(text: str, number: int, seen: set[str], *, noun: str, limit: int, refuse: Refuse) -> str:
    """The entry's name, cleaned and added to `seen`; refused when missing, too long or already seen."""
    name = normalize_text(text)
    if not name:
        raise refuse(f"第 {number} 个{noun}没有名称。")
    if len(name) > limit:
        raise refuse(f"{noun}名称“{name[:10]}…”太长，不能超过 {limit} 个字。")
    if name in seen:
        raise refuse(f"{noun}“{name}”重复了。")
    seen.add(name)
    return name


def check_color(name: str, color: str, *, noun: str, refuse: Refuse) -> None:
    if not COLOR_RE.match(color):
        raise refuse(f"{noun}“{name}”的颜色“{color}”无效，应为 #RRGGBB。")
