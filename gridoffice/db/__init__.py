"""Engine, sessions, migrations and queries. No Qt."""
from .database import AuditedSession, Database
from .errors import (DatabaseLockedError, DatabaseOpenError, MigrationError, NetworkPathError,
                     NewerSchemaError, NotOurDatabaseError)

__all__ = ["Database", "AuditedSession", "DatabaseOpenError", "DatabaseLockedError", "NetworkPathError",
           "NotOurDatabaseError", "NewerSchemaError", "MigrationError"]
