"""What a long list asks the database for, besides its own filters: the words typed in the search
box and the column it is sorted by. The database searches, counts and sorts; the list reads only
the window of rows on screen (models/paged.py).

The search matches what the list shows, as the old in-memory search did: every word must appear
(case-insensitively, as `str.lower` folds ASCII) in one of the row's shown texts. Sorting follows
the shown texts too (strings by code point, as Python compares them; numbers as numbers), and rows
that tie keep the list's own order (newest first), as Python's stable sort kept them.
"""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Boolean, ColumnElement, String, false, literal, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal


@dataclass(frozen=True)
class ListQuery:
    words: tuple[str, ...] = ()      # lower case, each one must match
    sort_key: str | None = None      # a column key of the list; None: the list's own order
    descending: bool = False

    @staticmethod
    def words_of(text: str) -> tuple[str, ...]:
        return tuple(text.lower().split())


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
    column may be a tuple of expressions (sorted by each in turn) or MaybeEmpty."""
    column = sort_columns.get(query.sort_key) if query.sort_key else None
    if column is None:
        return list(default)
    if isinstance(column, MaybeEmpty):
        column = column.column
        first = [column.desc().nulls_last() if query.descending else column.asc().nulls_first()]
    else:
        first = [term.desc() if query.descending else term.asc()
                 for term in (column if isinstance(column, tuple) else (column,))]
    return [*first, *default]
