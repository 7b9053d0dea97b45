"""Office settings (名称, 热线, 默认接待时间和地点) stored in the `setting` table."""
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain.settings import (DEFAULT_RECEPTION_PLACE, DEFAULT_RECEPTION_TIME, HOTLINE, OFFICE_NAME,
                                        Setting)

DEFAULTS = {
    OFFICE_NAME: "",
    HOTLINE: "",
    DEFAULT_RECEPTION_TIME: "09:00-11:30",
    DEFAULT_RECEPTION_PLACE: "代表联络站接待室",
}


def get_setting(session: Session, key: str) -> str:
    row = session.get(Setting, key)
    return row.value if row else DEFAULTS.get(key, "")


def get_settings(session: Session) -> dict[str, str]:
    values = dict(DEFAULTS)
    values.update({row.key: row.value for row in session.exec(select(Setting))})
    return values


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    elif row.value != value:
        row.value = value
        session.add(row)


def office_name(session: Session) -> str:
    return get_setting(session, OFFICE_NAME) or "人大工委"


def read_office_name(db: Database) -> str:
    """The office's name for titles and printouts ("人大工委" while none is set)."""
    with db.session() as session:
        return office_name(session)
