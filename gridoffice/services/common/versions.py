"""Two clerks, one record: a form carries the version of the record it was loaded from, and a save
that started from an older version is refused, listing what this clerk typed and what is stored now.

    data = load_x(db, id)                      # data.version = the record's version
    ...the clerk edits; meanwhile another clerk saves the same record...
    with db.session() as session:
        record = session.get(X, id)
        refuse_stale(record, data.version, mine={...}, stored={...}, labels=LABELS)   # ConflictError
        ...apply and save

The check compares the version read in this transaction; the UPDATE itself says `WHERE version =`
that same number (version_id_col), so a save racing in between is refused too (Database.session
turns it into ConflictError). The form offers to reload the record (widgets/conflict.py).
"""
from collections.abc import Mapping

from gridoffice.db.errors import ConflictError

MESSAGE = ("这条记录在您打开之后已被另一位干事修改并保存（第 {mine} 版 → 第 {stored} 版）。"
           "您的修改没有保存，以免覆盖对方的修改。")


def refuse_stale(record, version: int | None, *, mine: Mapping[str, object], stored: Mapping[str, object],
                 labels: Mapping[str, str]) -> None:
    """Raise ConflictError when `record` is no longer at `version` (None: a form that does not carry one).
    mine/stored: the form's values and the record's, by field, as the clerk reads them."""
    if version is None or record.version == version:
        return
    differences = [(labels.get(key, key), shown(mine.get(key)), shown(stored.get(key)))
                   for key in labels if shown(mine.get(key)) != shown(stored.get(key))]
    raise ConflictError(MESSAGE.format(mine=version, stored=record.version), differences)


def shown(value: object) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple)):
        return "、".join(map(str, value)) or "（空）"
    return str(value)
