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
