"""Helpers for the backup and restore tests: small offices with attachments, and their state."""
import hashlib
import sqlite3
from pathlib import Path

from gridoffice.db import Database
from gridoffice.domain import Community, Station
from gridoffice.paths import attachments_dir
from gridoffice.services.office.setup import create_empty_office


def make_office(path: Path, name: str, stations: int = 5, photos: dict[str, bytes] | None = None) -> Path:
    """An office database with `stations` stations and the given attachment files."""
    with Database.open(path) as db:
        create_empty_office(db, name)
        with db.session() as session:
            for number in range(stations):
                session.add(Station(name=f"{name}联络站{number}", address=f"{name}路 {number} 号"))
        for relative, data in (photos or {}).items():
            target = db.attachments_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return path


def file_hashes(folder: Path) -> dict[str, str]:
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def live_state(db_path: Path) -> tuple[str, dict[str, str]]:
    """The database file's bytes (hash) and every attachment's: "byte-identical" means equal."""
    db_hash = hashlib.sha256(db_path.read_bytes()).hexdigest() if db_path.exists() else ""
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        db_hash += hashlib.sha256(wal.read_bytes()).hexdigest()
    return db_hash, file_hashes(attachments_dir(db_path))


def office_content(db_path: Path) -> tuple[str, list[str], dict[str, str]]:
    """(office name, station names, attachments) as the program would see them."""
    connection = sqlite3.connect(str(db_path))
    try:
        office = connection.execute("SELECT value FROM setting WHERE key='office_name'").fetchone()[0]
        stations = [row[0] for row in connection.execute("SELECT name FROM station ORDER BY name")]
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
    return office, stations, file_hashes(attachments_dir(db_path))


def break_an_index(db_path: Path) -> None:
    """Make integrity_check fail while the file still opens: point one index at another's pages."""
    connection = sqlite3.connect(str(db_path))
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        roots = dict(connection.execute("SELECT name, rootpage FROM sqlite_master WHERE type='index'"))
        station_index = next(name for name in roots if "station" in name and "name" in name)
        other = next(name for name in roots if "deputy" in name)
        connection.execute("PRAGMA writable_schema=ON")
        connection.execute("UPDATE sqlite_master SET rootpage=? WHERE name=?", (roots[other], station_index))
        connection.commit()
    finally:
        connection.close()


def add_dangling_reference(db_path: Path) -> None:
    """A link row pointing at a deputy and a grid that do not exist: every page sound, one reference broken."""
    connection = sqlite3.connect(str(db_path))
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("INSERT INTO deputy_grid (deputy_id, grid_id) VALUES (998, 999)")
        connection.commit()
    finally:
        connection.close()


def damage_a_page(db_path: Path) -> None:
    """Flip bytes in a page near the end of a checkpointed database: a damaged sector on the disk."""
    from tests.storage_support import flip_bytes_in_page

    with Database.open(db_path) as db, db.session() as session:
        for number in range(300):   # enough pages that one of them is the communities' table
            session.add(Community(name=f"第{number}社区", notes="楼道灯、停车、养老服务站" * 8))
    connection = sqlite3.connect(str(db_path))
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    flip_bytes_in_page(db_path, db_path.stat().st_size // 4096 - 2)
