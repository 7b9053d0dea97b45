"""Shared table machinery. Importing this module fixes the naming convention
before any table is declared, so Alembic batch migrations can find constraints."""
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION
# pydantic's validator of a table is built when something validates through it (model_validate), not
# at import: the program never does (a table's constructor does not validate), and building the 68
# validators was a tenth of the start of every command
SQLModel.model_config["defer_build"] = True

metadata = SQLModel.metadata


class Versioned(SQLModel):
    """A record several clerks may edit at once: `version` goes up by one with every save, and a save
    that started from an older version is refused (SQLAlchemy's version_id_col: the UPDATE says
    `WHERE version = <the one read>`), so clerk B's form never silently reverts clerk A's change."""
    version: int = Field(default=1, sa_column_kwargs={"nullable": False, "server_default": "1"})

    @declared_attr.directive
    def __mapper_args__(cls):
        return {"version_id_col": cls.__table__.c.version}
