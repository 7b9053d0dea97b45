"""Serial numbers (opinions' 2026-0042, suggestions' JY2026-001, disputes' TJ2026-007) that two
clerks registering at the same moment never share.

One row per kind and year in `serial_counter` holds the last number handed out. Taking the next
one is a single upsert, `INSERT … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last`, the
same statement on SQLite and PostgreSQL: on a server, the row stays locked by the registering
transaction until it commits, so a second clerk's upsert waits a moment and then gets the number
after it; on a single PC, SQLite lets one writer at a time anyway. The counter never goes below
the highest number in use, so rows written without it (the demo, an older version, an office
merged in) are continued, not repeated. A number handed out by a save that was then rolled back
is not handed out again: numbers may have gaps, never twins.
"""
from sqlalchemy import case
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from gridoffice.domain.settings import SerialCounter

COUNTERS = SerialCounter.__table__


def next_number(session: Session, kind: str, year: int, highest_in_use: int) -> int:
    """The next number of `kind` in `year`, inside the caller's transaction."""
    connection = session.connection()
    insert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    last = COUNTERS.c.last
    statement = (insert(COUNTERS).values(kind=kind, year=year, last=highest_in_use + 1)
                 .on_conflict_do_update(index_elements=[COUNTERS.c.kind, COUNTERS.c.year],
                                        set_={"last": case((last > highest_in_use, last), else_=highest_in_use) + 1})
                 .returning(last))
    return connection.execute(statement).scalar_one()
