"""The office's tables and value rules. No Qt, no I/O.

The value rules (enums, dates, phone rules, opinion rules...) import no database code, so the command
line can build its options from them without loading SQLModel. The tables are in `tables.py`; the
first time one of them is named here (`from gridoffice.domain import Deputy`), all of them load.
"""

import importlib


def _tables():
    # import_module, not `from . import tables`: that would ask this __getattr__ for "tables" first
    return importlib.import_module("gridoffice.domain.tables")


def __getattr__(name: str):
    if not (name[:1].isupper() or name == "metadata"):   # a submodule being imported (base, enums...)
        raise AttributeError(f"module 'gridoffice.domain' has no attribute {name!r}")
    tables = _tables()
    if name in tables.__all__:
        return getattr(tables, name)
    raise AttributeError(f"module 'gridoffice.domain' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(_tables().__all__)
