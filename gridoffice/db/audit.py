"""Every insert, update and delete writes an audit row in the same transaction.

Rows are written in `after_flush` straight through the flush's connection: the new
objects already have their ids, the attribute history is still there, and the audit
rows commit or roll back with the change they describe.

Each row says who (the login name and the PC) and when: the PC's clock on a single PC, the
server's clock (LOCALTIMESTAMP, the transaction's start) on a district server, so the clerks' PCs
with their clocks a little off never reorder the history.
"""
import datetime as dt
import enum
import functools
import getpass
import json
import socket

from sqlalchemy import event, func, inspect
from sqlalchemy.orm import Session

from gridoffice.domain.settings import AuditLog
from gridoffice.clock import SYSTEM_CLOCK

AUDIT_TABLE = AuditLog.__table__
NOT_AUDITED = {"version"}   # the record's version goes up with every save: not a change of its own


@functools.cache
def who() -> dict[str, str]:
    try:
        user = getpass.getuser()
    except Exception:   # no login name in the environment (a service, a scheduled task)
        user = ""
    return {"user_name": user[:100], "computer": socket.gethostname()[:100]}


def _insert(session: Session):
    """The audit insert: the server stamps the time itself; a single PC uses its clock."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        return connection, AUDIT_TABLE.insert().values(at=func.localtimestamp())
    return connection, AUDIT_TABLE.insert()


def _plain(value):
    if isinstance(value, (dt.date, dt.time, dt.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _record_id(state) -> str:
    identity = state.mapper.primary_key_from_instance(state.obj())
    return "/".join(str(part) for part in identity)


def _related_ids(objects) -> list[str]:
    return sorted(_record_id(inspect(obj)) for obj in objects)


def _column_values(state) -> dict:
    values = {attr.key: _plain(attr.value) for attr in state.attrs if attr.key in state.mapper.columns
              and attr.value not in (None, "") and attr.key not in NOT_AUDITED}
    for key in state.mapper.relationships.keys():
        added = state.attrs[key].history.added
        if added:
            values[key] = _related_ids(added)
    return values


def _deleted_values(state) -> dict:
    """A deleted record's columns and the links (many-to-many rows) that go with it."""
    values = {attr.key: _plain(attr.value) for attr in state.attrs if attr.key in state.mapper.columns
              and attr.value not in (None, "") and attr.key not in NOT_AUDITED}
    for key in state.mapper.relationships.keys():
        history = state.attrs[key].history
        linked = [*history.unchanged, *history.deleted]
        if linked:
            values[key] = _related_ids(linked)
    return values


def _changes(state) -> dict:
    changes = {}
    for attr in state.attrs:
        if attr.key in NOT_AUDITED:
            continue
        history = attr.history
        if not history.has_changes():
            continue
        if attr.key in state.mapper.relationships:
            changes[attr.key] = {"added": _related_ids(history.added), "removed": _related_ids(history.deleted)}
        else:
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                changes[attr.key] = [_plain(old), _plain(new)]
    return changes


def _row(state, action: str, changes: dict, now: dt.datetime) -> dict:
    return {
        "at": now,
        "table_name": state.mapper.local_table.name,
        "record_id": _record_id(state),
        "action": action,
        "changes": json.dumps(changes, ensure_ascii=False),
        **who(),
    }


def _write_audit_rows(session: Session, _flush_context) -> None:
    now = SYSTEM_CLOCK.now()
    rows = []
    for obj in session.new:
        if not isinstance(obj, AuditLog):
            state = inspect(obj)
            rows.append(_row(state, "insert", _column_values(state), now))
    for obj in session.dirty:
        state = inspect(obj)
        if isinstance(obj, AuditLog) or state.deleted:
            continue
        changes = _changes(state)
        if changes:
            rows.append(_row(state, "update", changes, now))
    for obj in session.deleted:
        if not isinstance(obj, AuditLog):
            state = inspect(obj)
            rows.append(_row(state, "delete", _deleted_values(state), now))
    if rows:
        connection, insert = _insert(session)
        if connection.dialect.name == "postgresql":
            rows = [{key: value for key, value in row.items() if key != "at"} for row in rows]
        connection.execute(insert, rows)


def install(session_class: type[Session]) -> None:
    if not event.contains(session_class, "after_flush", _write_audit_rows):
        event.listen(session_class, "after_flush", _write_audit_rows)


def write_bulk_note(session: Session, table_name: str, action: str, note: dict) -> None:
    """One audit row for a bulk load written through Core (demo data, large imports)."""
    connection, insert = _insert(session)
    row = {"table_name": table_name, "record_id": "*", "action": action,
           "changes": json.dumps(note, ensure_ascii=False), **who()}
    if connection.dialect.name != "postgresql":
        row["at"] = SYSTEM_CLOCK.now()
    connection.execute(insert, [row])


def write_rows(session: Session, table_name: str, action: str, changes_by_id: dict[str, dict]) -> None:
    """One audit row per record for writes made through Core (a fast import, a rename across many
    rows): the same rows the ORM would have written, record by record."""
    if not changes_by_id:
        return
    connection, insert = _insert(session)
    stamp = {} if connection.dialect.name == "postgresql" else {"at": SYSTEM_CLOCK.now()}
    connection.execute(insert, [
        {"table_name": table_name, "record_id": str(record_id), "action": action, **who(), **stamp,
         "changes": json.dumps({key: _plain(value) if not isinstance(value, list) else value
                                for key, value in changes.items()}, ensure_ascii=False)}
        for record_id, changes in changes_by_id.items()])
