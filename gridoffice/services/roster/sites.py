"""Deputies at several sites (进站): one primary station (the deputy's `station_id`) and maybe others
(a 联络室, a 实践基地, a 联系点 in a company), all in deputy_station; and the 五员 role tags."""
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Deputy, DeputyStationLink, Station
from gridoffice.domain.enums import DEFAULT_DEPUTY_ROLES
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import join_multi, normalize_text, split_multi

from gridoffice.services.common.settings import get_setting, set_setting

ROLES_SETTING = "deputy_roles"


def set_sites(session: Session, deputy_id: int, primary_id: int | None, other_ids: Iterable[int] | None) -> None:
    """The deputy serves at `primary_id` (primary) and `other_ids`; None for `other_ids` keeps the
    other sites as they are (an import that only knows the primary station). A former primary
    station not among the others is left."""
    deputy = session.get(Deputy, deputy_id)
    links = {link.station_id: link for link in session.exec(
        select(DeputyStationLink).where(DeputyStationLink.deputy_id == deputy_id))}
    if other_ids is None:
        wanted_others = {s for s, link in links.items() if not link.is_primary}
    else:
        wanted_others = set(other_ids)
        unknown = wanted_others - set(session.exec(select(Station.id).where(Station.id.in_(wanted_others))))
        if unknown:
            raise FieldError("other_stations", "所选的其他站点中有已删除的，请重新选择。")
    wanted_others.discard(primary_id)
    for station_id, link in links.items():
        if station_id == primary_id:
            if not link.is_primary:
                link.is_primary = True
                session.add(link)
        elif station_id in wanted_others:
            if link.is_primary:
                link.is_primary = False
                session.add(link)
        else:
            session.delete(link)
    if primary_id is not None and primary_id not in links:
        session.add(DeputyStationLink(deputy_id=deputy_id, station_id=primary_id, is_primary=True))
    for station_id in wanted_others - set(links):
        session.add(DeputyStationLink(deputy_id=deputy_id, station_id=station_id, is_primary=False))
    if deputy is not None and deputy.station_id != primary_id:
        deputy.station_id = primary_id
        session.add(deputy)
    session.flush()


def sync_primary_sites(session: Session, deputy_ids: Iterable[int] | None = None) -> None:
    """Bring deputy_station in step with each deputy's `station_id` (after writes that only set the
    primary station, such as a bulk import)."""
    query = select(Deputy.id, Deputy.station_id)
    if deputy_ids is not None:
        query = query.where(Deputy.id.in_(list(deputy_ids)))
    primaries = dict(session.exec(query).all())
    links = sites_by_deputy(session, primaries)
    for deputy_id, station_id in primaries.items():
        current = [s for s, primary in links.get(deputy_id, []) if primary]
        if current != ([station_id] if station_id is not None else []):
            set_sites(session, deputy_id, station_id, None)


def sites_by_deputy(session: Session, deputy_ids: Iterable[int] | None = None) -> dict[int, list[tuple[int, bool]]]:
    """deputy id → [(station id, is primary)], the primary first."""
    query = select(DeputyStationLink.deputy_id, DeputyStationLink.station_id, DeputyStationLink.is_primary)
    if deputy_ids is not None:
        query = query.where(DeputyStationLink.deputy_id.in_(list(deputy_ids)))
    sites: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for deputy_id, station_id, primary in session.exec(query.order_by(DeputyStationLink.deputy_id,
                                                                       DeputyStationLink.is_primary.desc(),
                                                                       DeputyStationLink.station_id)):
        sites[deputy_id].append((station_id, bool(primary)))
    return sites


def other_station_ids(session: Session, deputy_id: int) -> list[int]:
    return [s for s, primary in sites_by_deputy(session, [deputy_id]).get(deputy_id, []) if not primary]


def station_deputy_counts(session: Session) -> dict[int, int]:
    """station id → deputies serving there (primary or not)."""
    counts: dict[int, int] = defaultdict(int)
    for station_id in session.exec(select(DeputyStationLink.station_id)):
        counts[station_id] += 1
    return counts


# --- 五员 --------------------------------------------------------------------------------------------

def read_role_choices(session: Session) -> list[str]:
    stored = get_setting(session, ROLES_SETTING)
    return split_multi(stored) if stored else list(DEFAULT_DEPUTY_ROLES)


def role_choices(db: Database) -> list[str]:
    with db.session() as session:
        return read_role_choices(session)


def save_role_choices(db: Database, roles: Sequence[str]) -> list[str]:
    """The office's list of role tags (五员 by default). A tag removed stays on the deputies who have it."""
    cleaned = []
    for role in roles:
        role = normalize_text(role)
        if not role:
            continue
        if len(role) > 10:
            raise FieldError("roles", f"角色“{role}”太长，不能超过 10 个字。")
        if any(ch in role for ch in "、，,；; "):
            raise FieldError("roles", f"角色“{role}”中不能有顿号、逗号或空格。")
        if role not in cleaned:
            cleaned.append(role)
    if not cleaned:
        raise FieldError("roles", "至少要有一个角色。")
    with db.session() as session:
        set_setting(session, ROLES_SETTING, join_multi(cleaned))
    return cleaned


def clean_roles(value: object) -> str:
    """Role tags as stored: trimmed, de-duplicated, joined by "、" (at most 100 characters)."""
    roles = join_multi(split_multi(value))
    if len(roles) > 100:
        raise FieldError("roles", "角色合计不能超过 100 个字。")
    return roles
