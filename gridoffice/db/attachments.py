"""Attachments (deputies' photos, scanned maps, activity and project photos, suggestion attachments)
on a district server: stored in the database, so every clerk's PC sees them.

The services keep working with files: they copy a file into `db.attachments_dir` and keep its
path relative to that folder in a record (Deputy.photo_file, ActivityPhoto.file…). On a single PC
that folder sits beside the database file and is the store. On a server it is this PC's cache:

- writing: when a flush inserts or changes a record naming an attachment, `store_new_files` puts
  the file's bytes into `attachment_blob` in the same transaction (a rolled-back save leaves no
  blob, as the services already remove the copied file); deleting a photo or attachment record
  deletes its blob in the same transaction.
- reading: `ServerAttachments.sync()` (run whenever `db.attachments_dir` is asked for) brings
  the blobs this PC does not have yet into the cache folder.

A deputy's photo or a community's map replaced by another keeps its blob (as on a single PC the
file stays): photos are stored once per content and may be shared.
"""
import hashlib
import os
from pathlib import Path

from sqlalchemy import Engine, delete, inspect, select
from sqlalchemy.orm import Session

from gridoffice.domain.settings import AttachmentBlob

from .errors import StorageError

BLOBS = AttachmentBlob.__table__
# the columns that name an attachment, and whether deleting the row deletes the attachment
ATTACHMENT_COLUMNS = {
    "deputy": ("photo_file", False), "community": ("map_file", False), "grid": ("map_file", False),
    "activity_photo": ("file", True), "suggestion_attachment": ("file", True), "project_photo": ("file", True),
}
SESSION_KEY = "attachment_store"


class ServerAttachments:
    """The blob table behind a local cache folder."""

    def __init__(self, engine: Engine, cache: Path):
        self.engine = engine
        self.folder = cache

    def sync(self) -> Path:
        """Bring the blobs missing from the cache (or of another size) into it; returns the folder."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with self.engine.connect() as connection:
            listed = connection.execute(select(BLOBS.c.path, BLOBS.c.size)).all()
            wanted = [path for path, size in listed if not _same_size(self.folder / path, size)]
            for start in range(0, len(wanted), 50):
                for path, data in connection.execute(select(BLOBS.c.path, BLOBS.c.data)
                                                     .where(BLOBS.c.path.in_(wanted[start:start + 50]))):
                    _write_file(self.folder / path, data)
        return self.folder

    def remove(self, relative: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(BLOBS).where(BLOBS.c.path == relative))


def _same_size(path: Path, size: int) -> bool:
    try:
        return path.stat().st_size == size
    except OSError:
        return False


def _write_file(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def store_new_files(session: Session, _flush_context) -> None:
    """after_flush: the attachments that records of this flush name go into the blob table."""
    store: ServerAttachments | None = session.info.get(SESSION_KEY)
    if store is None:
        return
    added: set[str] = set()
    for obj in [*session.new, *session.dirty]:
        state = inspect(obj)
        column = ATTACHMENT_COLUMNS.get(state.mapper.local_table.name)
        if column and not state.deleted:
            added.update(value for value in state.attrs[column[0]].history.added if value)
    removed = set()
    for obj in session.deleted:
        state = inspect(obj)
        column = ATTACHMENT_COLUMNS.get(state.mapper.local_table.name)
        if column and column[1]:
            value = getattr(obj, column[0])
            if value:
                removed.add(value)
    connection = session.connection()
    if removed:
        connection.execute(delete(BLOBS).where(BLOBS.c.path.in_(sorted(removed))))
    for relative in sorted(added):
        _put(connection, store.folder, relative)


def _put(connection, folder: Path, relative: str) -> None:
    source = folder / relative
    try:
        data = source.read_bytes()
    except OSError:
        return   # a record naming a file that is not on this PC: the blob (if any) stays as it is
    from sqlalchemy.dialects.postgresql import insert as pg_insert   # a server only: not loaded by a command on a file

    stored = connection.execute(pg_insert(BLOBS).values(path=relative, data=data, size=len(data))
                                .on_conflict_do_nothing(index_elements=["path"]).returning(BLOBS.c.path)).first()
    if stored is None:   # the name is taken: the same content (a shared photo) is fine, anything else is not
        existing = connection.execute(select(BLOBS.c.data).where(BLOBS.c.path == relative)).scalar_one()
        if hashlib.sha256(existing).digest() != hashlib.sha256(data).digest():
            raise StorageError(f"附件“{relative}”与另一位干事同时添加的附件重名，这次没有保存。请再保存一次。")
