"""SQL that says the same on SQLite and PostgreSQL.

- `group_concat(column)`: the values of a group joined by commas (SQLite's group_concat,
  PostgreSQL's string_agg over text).
- `greatest(a, b, …)`: the largest of the values of one row (SQLite's max with several
  arguments, PostgreSQL's greatest; the aggregate max takes one).
- `days_between(start, end)`: the days from one date to another, a whole number (SQLite's
  julianday difference, PostgreSQL's date subtraction).
- `month_of(date)`: the month of a date, 1–12, as an integer.
- `bulk_insert(connection, table, rows)`: many rows at once, in the caller's transaction: an
  executemany on SQLite, COPY … FROM STDIN on PostgreSQL (an INSERT per row there costs a round
  trip each: the district demo's half a million links took 20 s that way).
- `reset_id_sequences(connection, tables)`: after rows were written with explicit ids (the demo,
  an office merged in), PostgreSQL's id sequences must continue after the highest id, or the next
  insert fails on the primary key. SQLite needs nothing (its rowid is max + 1).
"""
from collections.abc import Iterable

from sqlalchemy import Connection, Integer, Table, Text, cast, extract, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class group_concat(FunctionElement):   # noqa: N801  (reads like the SQL function it is)
    type = Text()
    inherit_cache = True
    name = "group_concat"


@compiles(group_concat)
def _group_concat_sqlite(element, compiler, **kw):
    return f"group_concat({compiler.process(element.clauses, **kw)}, ',')"


@compiles(group_concat, "postgresql")
def _group_concat_postgresql(element, compiler, **kw):
    (column,) = element.clauses
    return f"string_agg({compiler.process(cast(column, Text), **kw)}, ',')"


class greatest(FunctionElement):   # noqa: N801
    inherit_cache = True
    name = "greatest"


@compiles(greatest)
def _greatest_sqlite(element, compiler, **kw):
    return f"max({compiler.process(element.clauses, **kw)})"


@compiles(greatest, "postgresql")
def _greatest_postgresql(element, compiler, **kw):
    return f"greatest({compiler.process(element.clauses, **kw)})"


class days_between(FunctionElement):   # noqa: N801
    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between)
def _days_between_sqlite(element, compiler, **kw):
    start, end = element.clauses
    return (f"CAST(julianday({compiler.process(end, **kw)}) - julianday({compiler.process(start, **kw)})"
            " AS INTEGER)")


@compiles(days_between, "postgresql")
def _days_between_postgresql(element, compiler, **kw):
    start, end = element.clauses
    return f"({compiler.process(end, **kw)} - {compiler.process(start, **kw)})"


def month_of(column):
    return cast(extract("month", column), Integer)


def reset_id_sequences(connection: Connection, tables: Iterable[Table]) -> None:
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        if "id" not in table.c or not table.c.id.primary_key or table.c.id.autoincrement is False:
            continue
        sequence = connection.execute(text("SELECT pg_get_serial_sequence(:table, 'id')"),
                                      {"table": table.name}).scalar()
        if sequence:
            connection.execute(text(f'SELECT setval(:sequence, COALESCE((SELECT max(id) FROM "{table.name}"), 0) + 1, '
                                    "false)"), {"sequence": sequence})


def bulk_insert(connection: Connection, table: Table, rows: list[dict]) -> None:
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), rows)
        return
    columns = list(rows[0])
    names = ", ".join(f'"{name}"' for name in columns)
    cursor = connection.connection.driver_connection.cursor()   # the transaction's own connection
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([row[name] for name in columns])
