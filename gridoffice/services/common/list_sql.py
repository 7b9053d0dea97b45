"""The SQL of the long lists' search and sort (see list_query.py): a LIKE that ignores ASCII case
on every database, the short fixed lists searched once, ORDER BY terms with the list's own order
after them."""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Boolean, ColumnElement, String, false, literal, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import operators
from sqlalchemy.sql.visitors import InternalTraversal

from gridoffice.services.common.list_query import ListQuery


class _Contains(ColumnElement):
    """`column` contains `word`, ignoring the case of ASCII letters, as the search box always did.
    SQLite's LIKE already ignores it (and is twice as fast as lower(x) LIKE, which SQLAlchemy's
    ilike becomes there); other databases get ILIKE."""
    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement),
                           ("pattern", InternalTraversal.dp_clauseelement)]   # for the statement cache
    type = Boolean()
    _is_implicitly_boolean = True   # a condition in itself: no "= 1" after it

    def __init__(self, column, word: str):
        self.column = column
        escaped = word.replace("/", "//").replace("%", "/%").replace("_", "/_")
        self.pattern = literal(f"%{escaped}%", String())


@compiles(_Contains)
def _ilike(element, compiler, **kw):
    return f"{compiler.process(element.column, **kw)} ILIKE {compiler.process(element.pattern, **kw)} ESCAPE '/'"


@compiles(_Contains, "sqlite")
def _like(element, compiler, **kw):
    return f"{compiler.process(element.column, **kw)} LIKE {compiler.process(element.pattern, **kw)} ESCAPE '/'"


def any_contains(columns: Iterable, word: str):
    """SQL: the word appears in one of the columns (its % and _ taken literally)."""
    conditions = [_Contains(column, word) for column in columns]
    return or_(*conditions) if conditions else false()


def matching(texts: Iterable[str], word: str) -> list[str]:
    """The texts of a short fixed list (kinds, statuses) that show the word: compared here, not per row."""
    return [text for text in texts if word in text.lower()]


@dataclass(frozen=True)
class MaybeEmpty:
    """A sort column that may be NULL: shown as empty text, it sorts before every other value."""
    column: object


def order_by(query: ListQuery, sort_columns: dict, default: Sequence) -> list:
    """ORDER BY terms: the chosen column (ascending or descending), then the list's own order. A
    column may be a tuple of expressions (sorted by each in turn) or MaybeEmpty. `query.from_end`:
    every term turned round, so the list comes last row first (its own order ends in a unique
    column: the reverse is exact)."""
    column = sort_columns.get(query.sort_key) if query.sort_key else None
    if column is None:
        terms = list(default)
    elif isinstance(column, MaybeEmpty):
        column = column.column
        terms = [column.desc().nulls_last() if query.descending else column.asc().nulls_first(), *default]
    else:
        terms = [*(term.desc() if query.descending else term.asc()
                   for term in (column if isinstance(column, tuple) else (column,))), *default]
    return [_turned(term) for term in terms] if query.from_end else terms


_TURNED = {operators.asc_op: "desc", operators.desc_op: "asc", operators.nulls_first_op: "nulls_last",
           operators.nulls_last_op: "nulls_first"}


def _turned(term):
    """The ORDER BY term sorting the other way: ASC and DESC swapped, and where NULLs go (the default
    place of NULLs follows the direction on SQLite and PostgreSQL alike)."""
    turned = _TURNED.get(getattr(term, "modifier", None))
    if turned is None:
        return term.desc()   # a bare expression sorts ascending
    inner = term.element
    if turned in ("nulls_first", "nulls_last"):
        inner = _turned(inner)
    return getattr(inner, turned)()
