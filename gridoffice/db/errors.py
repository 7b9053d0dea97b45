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
