"""Engine, sessions, migrations and queries. No Qt."""
from .database import AuditedSession, Database
from .errors import (ConflictError, DamagedDatabaseError, DatabaseLockedError, DatabaseOpenError, MigrationError, NetworkPathError,
                     NewerSchemaError, NotOurDatabaseError, ReadOnlyDatabaseError, StorageError)

__all__ = ["Database", "AuditedSession", "DatabaseOpenError", "DatabaseLockedError", "NetworkPathError",
           "NotOurDatabaseError", "NewerSchemaError", "MigrationError", "DamagedDatabaseError", "StorageError",
           "ReadOnlyDatabaseError", "ConflictError"]
