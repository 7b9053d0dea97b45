"""The data of a 接待日公告 and its settings: what the notice says, before any PDF is made.

Kept apart from pdf.py so the screens that edit settings or pick days need no ReportLab.
"""
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import ReceptionDay, Station
from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.domain.enums import ReceptionStatus
from gridoffice.domain.errors import FieldError
from gridoffice.domain.settings import HOTLINE, Setting

from gridoffice.domain.stations import short_station_name
from gridoffice.services.common.files import safe_file_name
from gridoffice.services.common.settings import get_setting, office_name, set_setting
from gridoffice.services.reception.days import ReceptionRow, deputies_on_duty, month_bounds, reception_rows

# settings the clerk edits in 工具 → 公告设置
NOTICE_TITLE = "reception_notice_title"
NOTICE_TOPICS = "reception_notice_topics"
NOTICE_QR = "reception_notice_qr"
DEFAULT_NOTICE_TITLE = "人大代表接待选民日公告"
DEFAULT_NOTICE_TOPICS = ("社区建设、环境卫生、交通出行、物业管理、养老托育、就业医疗等方面的意见和建议，"
                         "以及对政府部门工作的意见和建议。涉及诉讼、仲裁和信访的事项，请依法通过相应渠道反映。")
DEFAULT_NOTICE_RULES = ("请依法有序反映意见和建议，如实反映情况；反映集体事项的，请推选代表（一般不超过5人）前来反映。"
                        "涉及诉讼、仲裁、信访的事项，请依法通过相应渠道反映。")
NOTICE_LEAD_DAYS = 3       # 提前公告: posted at least three days before
# the contact person of a station (联系人), kept in the setting table: station_contact.<station id>
STATION_CONTACT_PREFIX = "station_contact."
CONTACT_LIMIT = 20


class NoticeInputError(FieldError):
    """A notice setting that cannot be saved (`field`: title, topics, qr_text), or a notice that cannot
    be made (`field`: day); the message is a Chinese sentence."""


@dataclass(frozen=True)
class NoticeSettings:
    title: str = DEFAULT_NOTICE_TITLE
    topics: str = DEFAULT_NOTICE_TOPICS
    qr_text: str = ""


def read_notice_settings(db: Database) -> NoticeSettings:
    with db.session() as session:
        return _settings_of(session)


def _settings_of(session: Session) -> NoticeSettings:
    return NoticeSettings(get_setting(session, NOTICE_TITLE) or DEFAULT_NOTICE_TITLE,
                          get_setting(session, NOTICE_TOPICS) or DEFAULT_NOTICE_TOPICS,
                          get_setting(session, NOTICE_QR))


def validate_notice_settings(settings: NoticeSettings) -> NoticeSettings:
    """The settings trimmed; raises NoticeInputError naming the field that is too long or empty."""
    title, topics, qr_text = settings.title.strip(), settings.topics.strip(), settings.qr_text.strip()
    if not title:
        raise NoticeInputError("title", "请填写公告标题，例如“人大代表接待选民日公告”。")
    if len(title) > 30:
        raise NoticeInputError("title", "公告标题不能超过 30 个字，否则一行印不下。")
    if len(topics) > 300:
        raise NoticeInputError("topics", "“可以反映的内容”不能超过 300 个字，否则公告一页印不下。")
    if len(qr_text) > 500:
        raise NoticeInputError("qr_text", "二维码内容不能超过 500 个字符，太长的二维码手机难以识别。")
    return NoticeSettings(title, topics, qr_text)


def save_notice_settings(db: Database, settings: NoticeSettings) -> NoticeSettings:
    settings = validate_notice_settings(settings)
    with db.session() as session:
        set_setting(session, NOTICE_TITLE, settings.title)
        set_setting(session, NOTICE_TOPICS, settings.topics)
        set_setting(session, NOTICE_QR, settings.qr_text)
    return settings


# --- the stations' contact persons ------------------------------------------------------------

def contact_key(station_id: int) -> str:
    return f"{STATION_CONTACT_PREFIX}{station_id}"


def read_station_contacts(db: Database) -> dict[int, str]:
    """Station id → its contact person (联系人) as the notice prints it; stations without one are left out."""
    with db.session() as session:
        rows = session.exec(select(Setting).where(Setting.key.startswith(STATION_CONTACT_PREFIX))).all()
        stations = set(session.exec(select(Station.id)))
    contacts = {}
    for row in rows:
        suffix = row.key[len(STATION_CONTACT_PREFIX):]
        if suffix.isdigit() and int(suffix) in stations and row.value:
            contacts[int(suffix)] = row.value
    return contacts


def clean_station_contacts(contacts: dict[int, str]) -> dict[int, str]:
    """The names trimmed; raises NoticeInputError (field "contacts") for one too long to print."""
    cleaned = {}
    for station_id, name in contacts.items():
        name = " ".join(name.split())
        if len(name) > CONTACT_LIMIT:
            raise NoticeInputError("contacts", f"联系人“{name}”太长：不能超过 {CONTACT_LIMIT} 个字。")
        cleaned[station_id] = name
    return cleaned


def save_station_contacts(db: Database, contacts: dict[int, str]) -> None:
    """Set the contact persons of these stations ("" removes one); one transaction."""
    cleaned = clean_station_contacts(contacts)
    with db.session() as session:
        for station_id, name in cleaned.items():
            if name:
                set_setting(session, contact_key(station_id), name)
            else:
                row = session.get(Setting, contact_key(station_id))
                if row is not None:
                    session.delete(row)


# --- the data of a notice -------------------------------------------------------------------------

@dataclass(frozen=True)
class NoticeDeputy:
    name: str
    levels: str
    work_unit: str
    post: str
    photo: Path | None


@dataclass(frozen=True)
class Notice:
    day_id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    station: str            # the station's full name, as the notice's subject
    place: str              # the room (the day's place)
    address: str
    deputies: tuple[NoticeDeputy, ...]
    office: str
    hotline: str            # the office's hotline ("" when none is set)
    settings: NoticeSettings
    station_phone: str = ""
    contact: str = ""       # the station's contact person (联系人)

    @property
    def when(self) -> str:
        half = "上午" if self.start_time.hour < 12 else "下午"
        return (f"{chinese_date(self.date)}（{weekday_name(self.date)}）"
                f"{half} {self.start_time:%H:%M}—{self.end_time:%H:%M}")

    @property
    def where(self) -> str:
        """The room, with the station's name before it unless the room already names it, and the address."""
        room = self.place if self.place.startswith(self.station) or not self.place else f"{self.station}{self.place}"
        room = room or self.station
        return f"{room}（{self.address}）" if self.address and self.address not in room else room


def load_notices(db: Database, day_ids: Sequence[int]) -> list[Notice]:
    """The notices of these days, with the deputies' photos from the attachments folder."""
    with db.session() as session:
        return [_notice(session, day_id, db.attachments_dir) for day_id in day_ids]


def _notice(session: Session, day_id: int, attachments: Path) -> Notice:
    day = session.get(ReceptionDay, day_id)
    if day is None:
        raise NoticeInputError("day", "这个接待日已被删除。")
    station = session.get(Station, day.station_id)
    deputies = []
    for deputy in deputies_on_duty(session, day_id):
        photo = attachments / deputy.photo_file if deputy.photo_file else None
        deputies.append(NoticeDeputy(deputy.name, deputy.levels, deputy.work_unit, deputy.post,
                                     photo if photo is not None and photo.is_file() else None))
    return Notice(day.id, day.date, day.start_time, day.end_time, station.name, day.place, station.address,
                  tuple(deputies), office_name(session), get_setting(session, HOTLINE), _settings_of(session),
                  station.phone, get_setting(session, contact_key(station.id)))


def past_notice_refusal(days: Sequence[dt.date], today: dt.date) -> str:
    """The sentence refusing a notice for a day already past ("" when every day is today or later):
    the command and the window say the same."""
    past = sorted(d for d in set(days) if d < today)
    if not past:
        return ""
    listed = "、".join(chinese_date(d) for d in past[:5]) + ("等" if len(past) > 5 else "")
    return f"{listed}已经过去，不能再打印接待日公告（公告是接待日之前张贴的预告）。"


def notice_day_ids(db: Database, day: dt.date, station_id: int | None = None) -> list[int]:
    """The reception days of a date that can have a notice (not cancelled)."""
    query = (select(ReceptionDay.id).where(ReceptionDay.date == day,
                                           ReceptionDay.status != ReceptionStatus.CANCELLED.value)
             .order_by(ReceptionDay.start_time, ReceptionDay.station_id))
    if station_id is not None:
        query = query.where(ReceptionDay.station_id == station_id)
    with db.session() as session:
        return list(session.exec(query))


def month_notice_day_ids(db: Database, year: int, month: int, *, today: dt.date) -> list[int]:
    """The month's planned days from today on: the notices still to post."""
    first, last = month_bounds(year, month)
    query = (select(ReceptionDay.id).where(ReceptionDay.date >= max(first, today), ReceptionDay.date <= last,
                                           ReceptionDay.status == ReceptionStatus.PLANNED.value)
             .order_by(ReceptionDay.date, ReceptionDay.start_time, ReceptionDay.station_id))
    with db.session() as session:
        return list(session.exec(query))


def upcoming_notice_days(db: Database, today: dt.date) -> list[ReceptionRow]:
    """The planned days from today on: those a notice can still be printed for."""
    with db.session() as session:
        return [row for row in reception_rows(session, start=today) if row.status == ReceptionStatus.PLANNED.value]


def late_notice_warning(days: Sequence[dt.date], today: dt.date) -> str:
    """A sentence when a notice is printed less than three days before its date; "" otherwise."""
    late = sorted(d for d in set(days) if (d - today).days < NOTICE_LEAD_DAYS)
    if not late:
        return ""
    listed = "、".join(chinese_date(d) for d in late[:5]) + ("等" if len(late) > 5 else "")
    return (f"{listed}的接待日距今不足 {NOTICE_LEAD_DAYS} 天：公告应至少提前 {NOTICE_LEAD_DAYS} 天张贴，"
            "请尽快张贴，并考虑通过电话或微信群另行通知居民。")


def notices_file_name(notices: Sequence[Notice]) -> str:
    """接待日公告-20261202-中心站.pdf for one notice, 接待日公告-2026年12月-9份.pdf for a batch."""
    first = notices[0]
    if len(notices) == 1:
        return f"接待日公告-{first.date:%Y%m%d}-{safe_file_name(short_station_name(first.station))}.pdf"
    return f"接待日公告-{first.date:%Y年%m月}-{len(notices)}份.pdf"
