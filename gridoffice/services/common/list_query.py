"""What a long list asks the database for, besides its own filters: the words typed in the search
box and the column it is sorted by. The database searches, counts and sorts; the list reads only
the window of rows on screen (models/paged.py).

The search matches what the list shows, as the old in-memory search did: every word must appear
(case-insensitively, as `str.lower` folds ASCII) in one of the row's shown texts. Sorting follows
the shown texts too (strings by code point, as Python compares them; numbers as numbers), and rows
that tie keep the list's own order (newest first), as Python's stable sort kept them. The SQL
that does it: list_sql.py (this module imports no database code: the table models use it).
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class ListQuery:
    words: tuple[str, ...] = ()      # lower case, each one must match
    sort_key: str | None = None      # a column key of the list; None: the list's own order
    descending: bool = False
    from_end: bool = False           # the list read backwards, from its last row (to read a window near the end)

    @staticmethod
    def words_of(text: str) -> tuple[str, ...]:
        return tuple(text.lower().split())
