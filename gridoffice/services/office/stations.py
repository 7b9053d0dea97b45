"""联络站 and the other sites (代表之家, 工作站, 联络室, 实践基地, 联系点), added and edited by the clerk;
each has a kind (what it is) and a scope (中心, 专业, 片区 in the office's network, or none).

A station that deputies, activities, reception days or a reception rule point to cannot be
deleted (the clerk is told what still uses it); it can always be renamed.
"""
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Activity, Deputy, DeputyStationLink, ReceptionDay, ReceptionRule, Station
from gridoffice.domain.enums import StationKind, StationScope
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import is_contact_phone, normalize_phone, normalize_text
from gridoffice.domain.settings import Setting

from gridoffice.services.outcomes.references import outcome_uses

from gridoffice.services.roster.sites import station_deputy_counts

NAME_LIMIT = 100


class StationInputError(FieldError):
    """A station that cannot be saved or deleted: `field` names the form field, the message is Chinese."""


@dataclass(frozen=True)
class StationForm:
    name: str
    kind: str = StationKind.LIAISON_STATION.value
    address: str = ""
    reception_room: str = ""
    phone: str = ""
    notes: str = ""
    scope: str = StationScope.AREA.value


@dataclass(frozen=True)
class StationRow:
    id: int
    name: str
    kind: str
    address: str
    reception_room: str
    phone: str
    notes: str
    deputies: int     # serving and retired deputies attached to it (primary or not)
    scope: str = ""

    def form(self) -> StationForm:
        return StationForm(self.name, self.kind, self.address, self.reception_room, self.phone, self.notes, self.scope)


def list_stations(db: Database) -> list[StationRow]:
    with db.session() as session:
        counts = station_deputy_counts(session)
        stations = session.exec(select(Station)).all()
    scope_order = {scope.value: rank for rank, scope in enumerate(StationScope)}
    kind_order = {kind.value: rank for rank, kind in enumerate(StationKind)}
    return [StationRow(s.id, s.name, s.kind, s.address, s.reception_room, s.phone, s.notes, counts.get(s.id, 0), s.scope)
            for s in sorted(stations, key=lambda s: (scope_order.get(s.scope, 9), kind_order.get(s.kind, 9), s.id))]


def clean_station(form: StationForm) -> StationForm:
    """The form trimmed and checked; raises StationInputError naming the field."""
    name = normalize_text(form.name)
    if not name:
        raise StationInputError("name", "请填写联络站名称，例如“东城街道人大代表联络站”。")
    if len(name) > NAME_LIMIT:
        raise StationInputError("name", f"联络站名称不能超过 {NAME_LIMIT} 个字。")
    if form.kind not in {kind.value for kind in StationKind}:
        raise StationInputError("kind", f"类型应为 {'、'.join(k.value for k in StationKind)} 之一。")
    if form.scope not in {"", *(scope.value for scope in StationScope)}:
        raise StationInputError("scope", "定位应为 中心、专业、片区 或 不属于联络站网络。")
    phone = normalize_phone(form.phone)
    if phone and not is_contact_phone(phone):
        raise StationInputError("phone", "电话格式不对：可填带区号的固定电话（如 0395-1234567）、手机号或短号。")
    return StationForm(name, form.kind, normalize_text(form.address), normalize_text(form.reception_room), phone,
                       form.notes.strip(), form.scope)


def save_station(db: Database, station_id: int | None, form: StationForm) -> int:
    """Add (station_id None) or update a station; returns its id. Audited like every write."""
    form = clean_station(form)
    with db.session() as session:
        return store_station(session, station_id, form)


def store_station(session: Session, station_id: int | None, form: StationForm) -> int:
    """Write a cleaned station (a building block: save_station, a station saved with its rule)."""
    same_name = session.exec(select(Station).where(Station.name == form.name)).first()
    if same_name and same_name.id != station_id:
        raise StationInputError("name", f"已经有名为“{form.name}”的联络站。")
    station = session.get(Station, station_id) if station_id else Station(name=form.name)
    if station is None:
        raise StationInputError("name", "这个联络站已被删除，请关闭后重新打开列表。")
    station.name, station.kind, station.address = form.name, form.kind, form.address
    station.reception_room, station.phone, station.notes = form.reception_room, form.phone, form.notes
    station.scope = form.scope
    session.add(station)
    session.flush()
    return station.id


def delete_station(db: Database, station_id: int) -> None:
    """Refused (StationInputError) while deputies, activities or reception days use the station."""
    with db.session() as session:
        station = session.get(Station, station_id)
        if station is None:
            return
        uses = {
            "名代表": session.exec(select(func.count(Deputy.id)).where(Deputy.station_id == station_id)).one()
            + session.exec(select(func.count()).select_from(DeputyStationLink).where(
                DeputyStationLink.station_id == station_id, DeputyStationLink.is_primary == False)).one(),  # noqa: E712
            "条走访记录": session.exec(select(func.count(Activity.id)).where(Activity.station_id == station_id)).one(),
            "个接待日": session.exec(select(func.count(ReceptionDay.id))
                                   .where(ReceptionDay.station_id == station_id)).one(),
        }
        in_use = "、".join([*(f"{count} {what}" for what, count in uses.items() if count),
                           *outcome_uses(session, station_id=station_id)])   # meetings, 述职评议会
        if in_use:
            raise StationInputError("name", f"“{station.name}”还有 {in_use}，不能删除。可以改名，"
                                            "或先把代表调到其他联络站。")
        rule = session.exec(select(ReceptionRule).where(ReceptionRule.station_id == station_id)).first()
        if rule is not None:
            session.delete(rule)  # a rule without its station means nothing; its pool links go with it
        contact = session.get(Setting, f"station_contact.{station_id}")
        if contact is not None:
            session.delete(contact)  # the notices' contact person (公告设置), lest a new station reuse the id
        session.delete(station)
