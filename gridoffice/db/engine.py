"""The SQLAlchemy engine and the settings every SQLite connection gets."""
import sqlite3
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event

# 'GOFC' in the SQLite header: tells our files from any other SQLite file
APPLICATION_ID = int.from_bytes(b"GOFC", "big")
BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path) -> URL:
    # URL.create keeps Chinese characters and spaces intact (no manual escaping)
    return URL.create("sqlite", database=str(path))


def make_read_only_engine(path: Path, *, immutable: bool = False) -> Engine:
    """An engine that cannot write: for a damaged file, or (immutable) one on a read-only medium,
    where SQLite may not even create its -shm file."""
    from .health import read_only_uri

    uri = read_only_uri(path, immutable=immutable)
    engine = create_engine(sqlite_url(path), creator=lambda: sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False))
    event.listen(engine, "connect", _configure_read_only_connection)
    return engine


def _configure_read_only_connection(dbapi_connection: sqlite3.Connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(sqlite_url(path), connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_sqlite_connection)
    return engine


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def read_header(path: Path, *, read_only: bool = False) -> tuple[int, int, bool]:
    """(application_id, user_version, has_tables) of a SQLite file, without migrating it."""
    if read_only:
        from .health import read_only_uri

        connection = sqlite3.connect(read_only_uri(path, immutable=True), uri=True)
    else:
        connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        user_version = connection.execute("PRAGMA user_version").fetchone()[0]
        has_tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0] > 0
    finally:
        connection.close()
    return application_id, user_version, has_tables
