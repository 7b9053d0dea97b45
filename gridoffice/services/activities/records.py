"""走访记录: the rows of the activity log, their totals, and recording an activity with its photos.

Lists are read with plain column queries (no ORM objects): the district database holds
100,000 activities and the tab must open in well under a second. Saving goes through ORM
objects so every change is audited. Each function the window or the command line calls takes
the Database and is one transaction.
"""
import datetime as dt
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import String, cast, event, func, or_
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.db.portable import group_concat
from gridoffice.domain import (Activity, ActivityDeputyLink, ActivityPersonLink, ActivityPhoto, Deputy, DutyShift, Grid,
                               HouseholdVisit, Opinion, Person, Station, Team)
from gridoffice.domain.enums import ActivityKind, DeputyStatus
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import normalize_text
from gridoffice.services.common.list_query import ListQuery
from gridoffice.services.common.list_sql import any_contains, matching, order_by

PHOTO_FOLDER = "走访照片"
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".heic"}
MAX_PHOTO_BYTES = 30 * 1024 * 1024


@dataclass(slots=True)
class ActivityRow:
    id: int
    date: dt.date
    kind: str
    grid: str
    station: str
    place: str
    deputies: str          # names joined by "、"
    deputy_count: int      # person-times (人次) this activity counts for
    other_participants: str
    residents_contacted: int
    summary: str
    deputy_ids: tuple[int, ...] = ()
    grid_id: int | None = None
    online: bool = False   # 网上履职


class ActivityTotals(NamedTuple):
    """What a filtered list adds up to, as the office reports it."""
    activities: int
    person_times: int       # 人次: each deputy once per activity
    residents: int          # residents contacted

    def describe(self) -> str:
        return f"活动 {self.activities} 次，代表 {self.person_times} 人次，联系群众 {self.residents} 人次"


def activity_totals(rows: Iterable[ActivityRow]) -> ActivityTotals:
    count = person_times = residents = 0
    for row in rows:
        count += 1
        person_times += row.deputy_count
        residents += row.residents_contacted
    return ActivityTotals(count, person_times, residents)


PAGE = 200   # rows a long list reads at a time


@dataclass(frozen=True)
class ActivityFilter:
    """What the 走访记录 tab's filters select (dates inclusive)."""
    start: dt.date | None = None
    end: dt.date | None = None
    kind: str | None = None
    deputy_id: int | None = None
    grid_id: int | None = None


@dataclass(frozen=True)
class ActivityListing:
    """The first screen of a long list: how many rows match, and the first of them."""
    count: int
    rows: list[ActivityRow]


def list_activities(db: Database, *, start: dt.date | None = None, end: dt.date | None = None,
                    kind: str | None = None, deputy_id: int | None = None,
                    grid_id: int | None = None) -> list[ActivityRow]:
    """Newest first; every filter given narrows the list (date range inclusive)."""
    with db.session() as session:
        return read_activities(session, start=start, end=end, kind=kind, deputy_id=deputy_id, grid_id=grid_id)


def read_activities(session: Session, *, start: dt.date | None = None, end: dt.date | None = None,
                    kind: str | None = None, deputy_id: int | None = None,
                    grid_id: int | None = None) -> list[ActivityRow]:
    """list_activities inside a transaction (the export reads the photo counts in the same one)."""
    where = ActivityFilter(start, end, kind, deputy_id, grid_id)
    return _read_rows(session, _rows_query().where(*_conditions(session, where, ())).order_by(*NEWEST_FIRST))


def open_activity_list(db: Database, where: ActivityFilter, query: ListQuery = ListQuery(),
                       limit: int = PAGE) -> ActivityListing:
    """How many rows the filters and the search select, and the first `limit` of them in the order
    asked for: one transaction, whatever the length of the log. The totals: activity_list_totals."""
    with db.session() as session:
        conditions = _conditions(session, where, query.words)
        count = session.connection().execute(select(func.count()).select_from(Activity).where(*conditions)).one()[0]
        first = session.connection().execute(_ids_query(conditions, query).limit(limit)).scalars().all()
        return ActivityListing(count, _rows_by_id(session, first))


def count_activities(db: Database, where: ActivityFilter, query: ListQuery = ListQuery()) -> int:
    with db.session() as session:
        return session.connection().execute(
            select(func.count()).select_from(Activity).where(*_conditions(session, where, query.words))).one()[0]


def activity_list_totals(db: Database, where: ActivityFilter, query: ListQuery = ListQuery()) -> ActivityTotals:
    """What the whole list adds up to (activities, 人次, residents), counted by the database."""
    person_times = (select(func.count()).where(ActivityDeputyLink.activity_id == Activity.id)
                    .correlate(Activity).scalar_subquery())
    with db.session() as session:
        count, residents, linked = session.connection().execute(
            select(func.count(), func.sum(Activity.residents_contacted), func.sum(person_times))
            .where(*_conditions(session, where, query.words))).one()
    return ActivityTotals(count, linked or 0, residents or 0)


def activity_ids(db: Database, where: ActivityFilter, query: ListQuery = ListQuery(), offset: int = 0,
                 limit: int | None = None) -> list[int]:
    """The ids of the rows of the list, in its order: all, or `limit` from `offset` (a long list reads
    its rows by them, a window at a time)."""
    with db.session() as session:
        ids = _ids_query(_conditions(session, where, query.words), query).offset(offset or None).limit(limit)
        return session.connection().execute(ids).scalars().all()


def in_date_order(query: ListQuery) -> bool:
    """Newest first: the order of the date index, in which a window far down is read at once."""
    return query.sort_key is None or (query.sort_key == "date" and query.descending)


def activities_by_id(db: Database, ids: Sequence[int]) -> list[ActivityRow]:
    """The rows of these activities in the order given (those deleted meanwhile are left out)."""
    with db.session() as session:
        return _rows_by_id(session, ids)


def _ids_query(conditions: list, query: ListQuery):
    """Ids first, rows after: the rows' joins and subqueries are then worked out for the rows shown
    only, not for every row the sort goes through."""
    ids = _rows_query().with_only_columns(Activity.id) if query.sort_key in JOINED_SORTS else select(Activity.id)
    return ids.where(*conditions).order_by(*order_by(query, SORT_COLUMNS, NEWEST_FIRST))


def _rows_by_id(session: Session, ids: Sequence[int]) -> list[ActivityRow]:
    found = {}
    ids = list(ids)
    for start in range(0, len(ids), 10_000):   # SQLite takes at most 32,766 values at once
        found.update((row.id, row) for row in _read_rows(
            session, _rows_query().where(Activity.id.in_(ids[start:start + 10_000]))))
    return [found[id_] for id_ in ids if id_ in found]


def _conditions(session: Session, where: ActivityFilter, words: Sequence[str]) -> list:
    """WHERE terms on the activity table alone (no joins: counting stays an index scan)."""
    conditions = []
    if where.start:
        conditions.append(Activity.date >= where.start)
    if where.end:
        conditions.append(Activity.date <= where.end)
    if where.kind:
        conditions.append(Activity.kind == where.kind)
    if where.grid_id:
        conditions.append(Activity.grid_id == where.grid_id)
    if where.deputy_id:
        conditions.append(Activity.id.in_(select(ActivityDeputyLink.activity_id)
                                          .where(ActivityDeputyLink.deputy_id == where.deputy_id)))
    for word in words:
        conditions.append(_shows_word(session, word))
    return conditions


def _shows_word(session: Session, word: str):
    """The row shows the word: in its date, kind, grid, station, place, deputies, others or summary.
    The short tables (grids, stations, deputies, the kinds) are searched first, once, so each of
    100,000 rows is only compared on its own texts."""
    texts = [Activity.place, Activity.other_participants, Activity.summary]
    if set(word) <= DATE_CHARACTERS:
        texts.append(cast(Activity.date, String))
    conditions = [any_contains(texts, word)]
    if kinds := matching([k.value for k in ActivityKind], word):
        conditions.append(Activity.kind.in_(kinds))
    if matching([ONLINE_WORDS], word):   # the 网上 column
        conditions.append(Activity.online.is_(True))
    if grids := session.exec(select(Grid.id).where(any_contains([Grid.code], word))).all():
        conditions.append(Activity.grid_id.in_(grids))
    if stations := session.exec(select(Station.id).where(any_contains([Station.name], word))).all():
        conditions.append(Activity.station_id.in_(stations))
    if deputies := session.exec(select(Deputy.id).where(any_contains([Deputy.name], word))).all():
        conditions.append(Activity.id.in_(select(ActivityDeputyLink.activity_id)
                                          .where(ActivityDeputyLink.deputy_id.in_(deputies))))
    return or_(*conditions)


DATE_CHARACTERS = set("0123456789-")
ONLINE_WORDS = "网上履职"


def _deputy_names_of_activity():
    """The shown 参加代表: names in the order of the deputies' ids, joined by 、."""
    names = (select(Deputy.name).join(ActivityDeputyLink, ActivityDeputyLink.deputy_id == Deputy.id)
             .where(ActivityDeputyLink.activity_id == Activity.id).order_by(Deputy.id)
             .correlate(Activity).subquery())
    return func.coalesce(select(group_concat(names.c.name, "、")).scalar_subquery(), "")


# how each column of the list sorts in the database (activity_model.ActivityTableModel's keys)
SORT_COLUMNS = {
    "date": Activity.date, "kind": Activity.kind, "grid": func.coalesce(Grid.code, ""),
    "station": func.coalesce(Station.name, ""), "place": Activity.place,
    "deputies": _deputy_names_of_activity(),
    "deputy_count": select(func.count()).where(ActivityDeputyLink.activity_id == Activity.id)
    .correlate(Activity).scalar_subquery(),
    "other_participants": Activity.other_participants, "residents_contacted": Activity.residents_contacted,
    "summary": Activity.summary, "online": Activity.online,
}
JOINED_SORTS = {"grid", "station"}
NEWEST_FIRST = (Activity.date.desc(), Activity.id.desc())


def _rows_query():
    deputies_of = group_concat(ActivityDeputyLink.deputy_id)
    linked = (select(deputies_of).where(ActivityDeputyLink.activity_id == Activity.id)
              .correlate(Activity).scalar_subquery())
    return (select(Activity.id, Activity.date, Activity.kind, Grid.code, Station.name, Activity.place,
                   Activity.other_participants, Activity.residents_contacted, Activity.summary, linked,
                   Activity.grid_id, Activity.online)
            .join(Grid, Grid.id == Activity.grid_id, isouter=True)
            .join(Station, Station.id == Activity.station_id, isouter=True))


def _read_rows(session: Session, rows_query) -> list[ActivityRow]:
    names = dict(session.exec(select(Deputy.id, Deputy.name)).all())
    rows = []
    # plain Core rows: the ORM's per-row work would double the time on a district's year
    for id_, date, kind_, grid, station, place, others, residents, summary, linked_ids, grid_ref, online in \
            session.connection().execute(rows_query):
        ids = tuple(sorted(map(int, linked_ids.split(",")))) if linked_ids else ()
        rows.append(ActivityRow(id_, date, kind_, grid or "", station or "", place,
                                "、".join([names[i] for i in ids]), len(ids), others, residents, summary, ids,
                                grid_ref, bool(online)))
    return rows


def activity_span(db: Database) -> tuple[dt.date | None, dt.date | None]:
    """(first date, last date) of the whole log. Two queries: SQLite reads a lone min() or max()
    straight from the date index, but scans the table for both in one query."""
    with db.session() as session:
        return (session.exec(select(func.min(Activity.date))).one(),
                session.exec(select(func.max(Activity.date))).one())


def more_activities_than(db: Database, limit: int) -> bool:
    """Whether the log holds more than `limit` activities, without counting a big log to the end."""
    with db.session() as session:
        return session.exec(select(func.count()).select_from(
            select(Activity.id).limit(limit + 1).subquery())).one() > limit


# --- recording an activity ----------------------------------------------------------------

class ActivityInputError(FieldError):
    """Bad input for an activity: `field` names the form field, the message is Chinese."""


@dataclass
class ActivityInput:
    date: dt.date
    kind: str
    deputy_ids: Sequence[int]
    grid_id: int | None = None
    station_id: int | None = None
    place: str = ""
    other_participants: str = ""
    residents_contacted: int = 0
    summary: str = ""
    new_photos: Sequence[Path] = field(default_factory=tuple)   # files to copy in
    removed_photo_ids: Sequence[int] = field(default_factory=tuple)
    online: bool = False        # 网上履职: held online (数字人大 platform, a WeChat group, a video call)
    person_ids: Sequence[int] | None = None     # people of the register named in it; None leaves them as they are
    team_id: int | None = None                  # the team it is credited to


def validate_activity(session: Session, data: ActivityInput, today: dt.date) -> ActivityInput:
    """The input trimmed and checked; raises ActivityInputError naming the field."""
    if data.date > today:
        raise ActivityInputError("date", f"活动日期不能晚于今天（{today:%Y-%m-%d}）。")
    if data.kind not in {k.value for k in ActivityKind}:
        raise ActivityInputError("kind", "请选择活动类型。")
    deputy_ids = list(dict.fromkeys(data.deputy_ids))
    if not deputy_ids:
        raise ActivityInputError("deputies", "请至少选择一名参加的代表。")
    found = session.exec(select(Deputy.id, Deputy.name, Deputy.status, Deputy.left_office_on)
                         .where(Deputy.id.in_(deputy_ids))).all()
    if len(found) != len(deputy_ids):
        raise ActivityInputError("deputies", "所选代表中有人已从名册中删除，请重新选择。")
    for _id, name, status, left_on in found:
        if status == DeputyStatus.RETIRED and left_on and left_on < data.date:
            raise ActivityInputError("deputies", f"{name}已于 {left_on:%Y-%m-%d} 离任，不能参加这一天的活动。")
    if data.grid_id is not None and session.get(Grid, data.grid_id) is None:
        raise ActivityInputError("grid", "所选网格不存在，请重新选择。")
    if data.station_id is not None and session.get(Station, data.station_id) is None:
        raise ActivityInputError("station", "所选联络站不存在，请重新选择。")
    place = normalize_text(data.place)
    if len(place) > 200:
        raise ActivityInputError("place", "地点不能超过 200 个字。")
    others = normalize_text(data.other_participants)
    if len(others) > 200:
        raise ActivityInputError("other_participants", "其他参加人员不能超过 200 个字。")
    if not 0 <= data.residents_contacted <= 100_000:
        raise ActivityInputError("residents_contacted", "联系群众人数应在 0 到 100000 之间。")
    for photo in data.new_photos:
        _check_photo(Path(photo))
    person_ids = None if data.person_ids is None else list(dict.fromkeys(data.person_ids))
    if person_ids and len(session.exec(select(Person.id).where(Person.id.in_(person_ids))).all()) != len(person_ids):
        raise ActivityInputError("people", "所选人员中有人已从人员名册中删除，请重新选择。")
    if data.team_id is not None and session.get(Team, data.team_id) is None:
        raise ActivityInputError("team", "所选队伍已不存在，请重新选择。")
    return ActivityInput(data.date, data.kind, deputy_ids, data.grid_id, data.station_id, place, others,
                         data.residents_contacted, data.summary.strip(), list(data.new_photos),
                         list(data.removed_photo_ids), bool(data.online), person_ids, data.team_id)


def _check_photo(path: Path) -> None:
    if not path.is_file():
        raise ActivityInputError("photos", f"找不到照片文件“{path}”。")
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        raise ActivityInputError("photos", f"“{path.name}”不是照片（可用 jpg、png、bmp、gif、webp、heic）。")
    if path.stat().st_size > MAX_PHOTO_BYTES:
        raise ActivityInputError("photos", f"“{path.name}”超过 30 MB，请先压缩后再添加。")


def save_activity(db: Database, data: ActivityInput, today: dt.date, activity_id: int | None = None) -> int:
    """Insert (activity_id None) or update an activity; returns its id. Photos are copied beside the
    database; copied files are removed again if the transaction fails, so no orphan files are left."""
    attachments = db.attachments_dir
    with db.session() as session:
        data = validate_activity(session, data, today)
        if activity_id is None:
            activity = Activity(date=data.date, kind=data.kind)
        else:
            activity = session.get(Activity, activity_id)
            if activity is None:
                raise ActivityInputError("date", "这条活动记录已被删除。")
        activity.date, activity.kind = data.date, data.kind
        activity.grid_id, activity.station_id = data.grid_id, data.station_id
        activity.place, activity.other_participants = data.place, data.other_participants
        activity.residents_contacted, activity.summary = data.residents_contacted, data.summary
        activity.online = data.online
        activity.team_id = data.team_id
        activity.deputies = list(session.exec(select(Deputy).where(Deputy.id.in_(data.deputy_ids))).all())
        session.add(activity)
        session.flush()
        if data.person_ids is not None:
            _set_people(session, activity.id, data.person_ids)
        _remove_photos(session, attachments, activity.id, data.removed_photo_ids)
        copied = _FilesOfTransaction(session)
        try:
            for source in data.new_photos:
                relative = _copy_photo(attachments, activity, Path(source))
                copied.keep_unless_rolled_back(attachments / relative)
                session.add(ActivityPhoto(activity_id=activity.id, file=relative, caption=Path(source).stem[:200]))
            session.flush()
        except BaseException:
            copied.delete_now()
            raise
        return activity.id


def _set_people(session: Session, activity_id: int, person_ids: Sequence[int]) -> None:
    links = {link.person_id: link for link in session.exec(
        select(ActivityPersonLink).where(ActivityPersonLink.activity_id == activity_id))}
    for person_id, link in links.items():
        if person_id not in person_ids:
            session.delete(link)
    for person_id in person_ids:
        if person_id not in links:
            session.add(ActivityPersonLink(activity_id=activity_id, person_id=person_id))
    session.flush()


class _FilesOfTransaction:
    """Photo files follow the transaction: copied files go again if it rolls back,
    files of removed photos are deleted only once the removal is committed."""

    def __init__(self, session: Session):
        self._session = session
        self._copied: list[Path] = []
        self._doomed: list[Path] = []
        event.listen(session, "after_commit", self._committed, once=True)
        event.listen(session, "after_rollback", self._rolled_back, once=True)

    def keep_unless_rolled_back(self, path: Path) -> None:
        self._copied.append(path)

    def delete_on_commit(self, path: Path) -> None:
        self._doomed.append(path)

    def delete_now(self) -> None:
        _unlink_all(self._copied)
        self._copied = []

    def _committed(self, _session) -> None:
        _unlink_all(self._doomed)
        self._copied, self._doomed = [], []

    def _rolled_back(self, _session) -> None:
        self.delete_now()
        self._doomed = []


def _unlink_all(paths: Iterable[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:  # open in a viewer on Windows: leave it, the record is what counts
            pass


def _copy_photo(attachments: Path, activity: Activity, source: Path) -> str:
    """Copy into <attachments>/走访照片/ under a name that says when and which activity."""
    folder = attachments / PHOTO_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{activity.date:%Y%m%d}-活动{activity.id}"
    number = 1
    while (target := folder / f"{stem}-{number}{source.suffix.lower()}").exists():
        number += 1
    try:
        shutil.copyfile(source, target)
    except OSError as error:
        raise ActivityInputError("photos", f"复制照片“{source.name}”失败：{error.strerror or error}。") from error
    return f"{PHOTO_FOLDER}/{target.name}"


def _remove_photos(session: Session, attachments: Path, activity_id: int, photo_ids: Sequence[int]) -> None:
    files = _FilesOfTransaction(session)
    for photo_id in photo_ids:
        photo = session.get(ActivityPhoto, photo_id)
        if photo and photo.activity_id == activity_id:
            session.delete(photo)
            files.delete_on_commit(attachments / photo.file)


@dataclass(frozen=True)
class PhotoInfo:
    id: int
    file: str          # relative to the attachments folder
    caption: str


@dataclass(frozen=True)
class ActivityDetail:
    id: int
    date: dt.date
    kind: str
    grid_id: int | None
    station_id: int | None
    place: str
    other_participants: str
    residents_contacted: int
    summary: str
    deputy_ids: list[int]
    deputy_names: list[str]
    photos: list[PhotoInfo]
    opinions: list[tuple[str, str]]     # (serial, status) of the opinions registered from it
    online: bool = False
    person_ids: list[int] = field(default_factory=list)      # people of the register named in it
    person_names: list[str] = field(default_factory=list)
    team_id: int | None = None


def activity_detail(db: Database, activity_id: int) -> ActivityDetail | None:
    with db.session() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            return None
        deputies = sorted(activity.deputies, key=lambda d: d.id)
        photos = session.exec(select(ActivityPhoto).where(ActivityPhoto.activity_id == activity_id)
                              .order_by(ActivityPhoto.id)).all()
        opinions = session.exec(select(Opinion.serial, Opinion.status).where(Opinion.activity_id == activity_id)
                                .order_by(Opinion.id)).all()
        people = session.exec(select(Person.id, Person.name).join(ActivityPersonLink, ActivityPersonLink.person_id == Person.id)
                              .where(ActivityPersonLink.activity_id == activity_id).order_by(Person.id)).all()
        return ActivityDetail(activity.id, activity.date, activity.kind, activity.grid_id, activity.station_id,
                              activity.place, activity.other_participants, activity.residents_contacted,
                              activity.summary, [d.id for d in deputies], [d.name for d in deputies],
                              [PhotoInfo(p.id, p.file, p.caption) for p in photos], [tuple(o) for o in opinions],
                              activity.online, [i for i, _ in people], [n for _, n in people], activity.team_id)


def delete_activity(db: Database, activity_id: int) -> None:
    """Delete an activity and its photo files; opinions registered from it keep their data."""
    with db.session() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            return
        for opinion in session.exec(select(Opinion).where(Opinion.activity_id == activity_id)):
            opinion.activity_id = None
            session.add(opinion)
        for model in (HouseholdVisit, DutyShift):   # a household visit or a duty shift done keeps its own record
            for row in session.exec(select(model).where(model.activity_id == activity_id)):
                row.activity_id = None
                session.add(row)
        files = _FilesOfTransaction(session)
        for photo in session.exec(select(ActivityPhoto).where(ActivityPhoto.activity_id == activity_id)).all():
            session.delete(photo)
            files.delete_on_commit(db.attachments_dir / photo.file)
        for link in session.exec(select(ActivityPersonLink).where(ActivityPersonLink.activity_id == activity_id)):
            session.delete(link)
        activity.deputies = []
        session.delete(activity)
        session.flush()
