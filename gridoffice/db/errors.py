"""Errors that reach the clerk: every message is a complete Chinese sentence."""


class DatabaseOpenError(Exception):
    """The database cannot be opened; str(error) is shown to the clerk as is."""


class DatabaseLockedError(DatabaseOpenError):
    pass


class NetworkPathError(DatabaseOpenError):
    pass


class NotOurDatabaseError(DatabaseOpenError):
    pass


class NewerSchemaError(DatabaseOpenError):
    pass


class MigrationError(DatabaseOpenError):
    pass


class DamagedDatabaseError(NotOurDatabaseError):
    """The file is ours but cannot be read at all: only a backup can help."""


class StorageError(Exception):
    """The disk, the stick or the file failed under a read or write; str(error) says it in Chinese."""


class ReadOnlyDatabaseError(StorageError):
    """A write was tried on a database opened read-only (damaged, or on a read-only medium)."""


class ConflictError(Exception):
    """A save over a record another clerk changed meanwhile was refused; str(error) says it in Chinese.
    `differences` lists (field label, what this clerk typed, what is stored now) when known."""

    def __init__(self, message: str, differences: list[tuple[str, str, str]] | None = None):
        super().__init__(message)
        self.differences = list(differences or [])
