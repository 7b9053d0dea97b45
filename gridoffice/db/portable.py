"""SQL that says the same on SQLite and PostgreSQL.

- `group_concat(column[, separator])`: the values of a group joined by commas or the separator
  given (SQLite's group_concat, PostgreSQL's string_agg over text).
- `greatest(a, b, …)`: the largest of the values of one row (SQLite's max with several
  arguments, PostgreSQL's greatest; the aggregate max takes one).
- `days_between(start, end)`: the days from one date to another, a whole number (SQLite's
  julianday difference, PostgreSQL's date subtraction).
- `month_of(date)`: the month of a date, 1–12, as an integer.
- `number_after(column, prefix)`: the number a text continues with after `prefix` ("2026-0042" →
  42), NULL where the rest is not all digits (SQLite's CAST would read "0042-合并3" as 42, PostgreSQL's
  refuses it and fails the whole statement).
- `bulk_insert(connection, table, rows)`: many rows at once, in the caller's transaction: an
  executemany on SQLite, COPY … FROM STDIN on PostgreSQL (an INSERT per row there costs a round
  trip each: the district demo's half a million links took 20 s that way).
- `reset_id_sequences(connection, tables)`: after rows were written with explicit ids (the demo,
  an office merged in), PostgreSQL's id sequences must continue after the highest id, or the next
  insert fails on the primary key. SQLite needs nothing (its rowid is max + 1).
"""
from collections.abc import Iterable

from sqlalchemy import BigInteger, Connection, Integer, Table, Text, cast, extract, literal, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class group_concat(FunctionElement):   # noqa: N801  (reads like the SQL function it is)
    type = Text()
    inherit_cache = True
    name = "group_concat"


def _column_and_separator(element, compiler, **kw) -> tuple[object, str]:
    column, *separator = element.clauses
    return column, compiler.process(separator[0], **kw) if separator else "','"


@compiles(group_concat)
def _group_concat_sqlite(element, compiler, **kw):
    column, separator = _column_and_separator(element, compiler, **kw)
    return f"group_concat({compiler.process(column, **kw)}, {separator})"


@compiles(group_concat, "postgresql")
def _group_concat_postgresql(element, compiler, **kw):
    column, separator = _column_and_separator(element, compiler, **kw)
    return f"string_agg({compiler.process(cast(column, Text), **kw)}, {separator})"


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


class number_after(FunctionElement):   # noqa: N801
    type = BigInteger()
    inherit_cache = True
    name = "number_after"

    def __init__(self, column, prefix: str):
        super().__init__(column, literal(len(prefix) + 1))


@compiles(number_after)
def _number_after_sqlite(element, compiler, **kw):
    column, start = (compiler.process(clause, **kw) for clause in element.clauses)
    rest = f"substr({column}, {start})"
    return f"(CASE WHEN {rest} != '' AND {rest} NOT GLOB '*[^0-9]*' THEN CAST({rest} AS INTEGER) END)"


@compiles(number_after, "postgresql")
def _number_after_postgresql(element, compiler, **kw):
    column, start = (compiler.process(clause, **kw) for clause in element.clauses)
    rest = f"substr({column}, {start})"
    return f"(CASE WHEN {rest} ~ '^[0-9]{{1,18}}$' THEN CAST({rest} AS BIGINT) END)"


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
