"""The office as a whole: starting an empty one, and what it holds."""
import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Deputy, Grid, HouseholdCategory, ReceptionDay, Station
from gridoffice.domain.enums import DEFAULT_HOUSEHOLD_CATEGORIES, DEFAULT_OPINION_CATEGORIES, DEFAULT_VISIT_CYCLES
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import is_contact_phone, normalize_phone, normalize_text
from gridoffice.domain.settings import DEFAULT_RECEPTION_PLACE, DEFAULT_RECEPTION_TIME, HOTLINE, OFFICE_NAME

from gridoffice.services.common.settings import get_setting, get_settings, set_setting

TIME_RANGE_RE = re.compile(r"^(\d{1,2})[:：](\d{2})\s*-\s*(\d{1,2})[:：](\d{2})$")


class OfficeInputError(FieldError):
    """Bad input for an office setting: `field` names the setting, the message is Chinese."""


@dataclass(frozen=True)
class OfficeSettings:
    office_name: str
    hotline: str = ""
    reception_time: str = "09:00-11:30"
    reception_place: str = ""


@dataclass(frozen=True)
class OfficeCounts:
    stations: int
    communities: int
    grids: int
    deputies: int
    activities: int
    opinions: int
    reception_days: int


def count_rows(db: Database) -> OfficeCounts:
    from gridoffice.domain import Activity, Opinion   # here: every command opens through this module

    tables = (Station, Community, Grid, Deputy, Activity, Opinion, ReceptionDay)   # OfficeCounts' order
    with db.session() as session:
        return OfficeCounts(*(session.exec(select(func.count()).select_from(table)).one() for table in tables))


def is_set_up(db: Database) -> bool:
    """An office exists once it has a name (a new, empty database has none)."""
    with db.session() as session:
        return bool(get_setting(session, OFFICE_NAME))


def read_office_settings(db: Database) -> OfficeSettings:
    with db.session() as session:
        values = get_settings(session)
    return OfficeSettings(values[OFFICE_NAME], values[HOTLINE], values[DEFAULT_RECEPTION_TIME],
                          values[DEFAULT_RECEPTION_PLACE])


def validate_office_settings(settings: OfficeSettings) -> OfficeSettings:
    """The settings trimmed and checked; raises OfficeInputError naming the bad field."""
    name = settings.office_name.strip()
    if not name:
        raise OfficeInputError("office_name", "请填写办公室名称，例如“某某街道人大工委”。")
    if len(name) > 50:
        raise OfficeInputError("office_name", "办公室名称不能超过 50 个字。")
    hotline = normalize_phone(settings.hotline)
    if hotline and not is_contact_phone(hotline):
        raise OfficeInputError("hotline", "热线电话格式不对：可填手机号、带区号的固定电话（如 0395-1234567）或 12345 这样的短号。")
    reception_time = normalize_text(settings.reception_time).replace("～", "-").replace("~", "-").replace("—", "-")
    start, end = parse_time_range(reception_time, field="reception_time")
    return OfficeSettings(name, hotline, f"{start:%H:%M}-{end:%H:%M}", settings.reception_place.strip())


def parse_time_range(text: str, *, field: str = "time") -> tuple[dt.time, dt.time]:
    """'09:00-11:30' → (09:00, 11:30); raises OfficeInputError when malformed or reversed."""
    match = TIME_RANGE_RE.match(text.strip())
    if not match:
        raise OfficeInputError(field, "时间格式应为“开始-结束”，例如 09:00-11:30。")
    try:
        start = dt.time(int(match[1]), int(match[2]))
        end = dt.time(int(match[3]), int(match[4]))
    except ValueError:
        raise OfficeInputError(field, "时间不存在，小时应在 0-23、分钟在 0-59 之间。") from None
    if end <= start:
        raise OfficeInputError(field, "结束时间应晚于开始时间。")
    return start, end


def save_office_settings(db: Database, settings: OfficeSettings) -> OfficeSettings:
    settings = validate_office_settings(settings)
    with db.session() as session:
        set_setting(session, OFFICE_NAME, settings.office_name)
        set_setting(session, HOTLINE, settings.hotline)
        set_setting(session, DEFAULT_RECEPTION_TIME, settings.reception_time)
        set_setting(session, DEFAULT_RECEPTION_PLACE, settings.reception_place)
    return settings


def create_empty_office(db: Database, office_name: str, hotline: str = "") -> None:
    """Name the office and give it the default category lists, in one transaction."""
    settings = validate_office_settings(OfficeSettings(office_name, hotline))
    with db.session() as session:
        set_setting(session, OFFICE_NAME, settings.office_name)
        set_setting(session, HOTLINE, settings.hotline)
        ensure_default_lists(session)


def add_default_lists(db: Database) -> None:
    """ensure_default_lists in a transaction of its own (a command opening an older database)."""
    with db.session() as session:
        ensure_default_lists(session)


def ensure_default_lists(session: Session) -> None:
    """The default opinion and household categories, 九必访 events and duty kinds, where the lists
    are still empty."""
    from gridoffice.services.duties.kinds import ensure_default_duty_kinds
    from gridoffice.services.households.kinds import ensure_default_kinds
    from gridoffice.domain import OpinionCategory

    if not session.exec(select(OpinionCategory)).first():
        for order, name in enumerate(DEFAULT_OPINION_CATEGORIES):
            session.add(OpinionCategory(name=name, sort_order=order))
    new_categories = not session.exec(select(HouseholdCategory)).first()
    if new_categories:
        for order, (name, color) in enumerate(DEFAULT_HOUSEHOLD_CATEGORIES):
            session.add(HouseholdCategory(name=name, color=color, sort_order=order,
                                          visit_every_days=DEFAULT_VISIT_CYCLES.get(name, 0)))
        session.flush()
    ensure_default_kinds(session, link_categories=new_categories)
    ensure_default_duty_kinds(session)
