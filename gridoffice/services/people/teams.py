"""队伍: mixed teams of deputies and other people (敲门小组, 调解团, 家事救援队…), often of one grid,
with a regular task; activities and household visits credited to a team give its figures."""
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Activity, ActivityDeputyLink, Deputy, Grid, HouseholdVisit, Person, Team,
                               TeamDeputyLink, TeamPersonLink)
from gridoffice.domain.enums import DeputyStatus
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import normalize_text


class TeamInputError(FieldError):
    """Bad input for a team: `field` names the form field, the message is Chinese."""


@dataclass
class TeamInput:
    name: str
    grid_id: int | None = None
    task: str = ""
    deputy_ids: Sequence[int] = field(default_factory=list)
    person_ids: Sequence[int] = field(default_factory=list)
    active: bool = True
    notes: str = ""


def save_team(db: Database, data: TeamInput, team_id: int | None = None) -> int:
    with db.session() as session:
        return store_team(session, data, team_id)


def store_team(session: Session, data: TeamInput, team_id: int | None = None) -> int:
    name = normalize_text(data.name)
    if not name:
        raise TeamInputError("name", "请填写队伍名称，例如“东湖社区敲门小组”。")
    if len(name) > 50:
        raise TeamInputError("name", "队伍名称不能超过 50 个字。")
    twin = session.exec(select(Team.id).where(Team.name == name, Team.id != (team_id or 0))).first()
    if twin is not None:
        raise TeamInputError("name", f"已经有名为“{name}”的队伍。")
    if data.grid_id is not None and session.get(Grid, data.grid_id) is None:
        raise TeamInputError("grid", "所选网格已不存在，请重新选择。")
    task = normalize_text(data.task)
    if len(task) > 200:
        raise TeamInputError("task", "日常任务不能超过 200 个字。")
    deputy_ids, person_ids = list(dict.fromkeys(data.deputy_ids)), list(dict.fromkeys(data.person_ids))
    if not deputy_ids and not person_ids:
        raise TeamInputError("members", "请选择队伍的成员（代表和其他人员）。")
    if deputy_ids and len(set(session.exec(select(Deputy.id).where(Deputy.id.in_(deputy_ids))))) != len(deputy_ids):
        raise TeamInputError("members", "所选代表中有人已从名册中删除，请重新选择。")
    if person_ids and len(set(session.exec(select(Person.id).where(Person.id.in_(person_ids))))) != len(person_ids):
        raise TeamInputError("members", "所选人员中有人已从人员名册中删除，请重新选择。")
    team = session.get(Team, team_id) if team_id is not None else Team(name=name)
    if team is None:
        raise TeamInputError("name", "这个队伍已被删除，请关闭后重新打开。")
    for key, value in (("name", name), ("grid_id", data.grid_id), ("task", task), ("active", bool(data.active)),
                       ("notes", (data.notes or "").strip())):
        if getattr(team, key) != value:
            setattr(team, key, value)
    session.add(team)
    session.flush()
    for model, key, wanted in ((TeamDeputyLink, "deputy_id", deputy_ids), (TeamPersonLink, "person_id", person_ids)):
        current = {getattr(link, key): link for link in session.exec(select(model).where(model.team_id == team.id))}
        for member_id, link in current.items():
            if member_id not in wanted:
                session.delete(link)
        for member_id in wanted:
            if member_id not in current:
                session.add(model(team_id=team.id, **{key: member_id}))
    session.flush()
    return team.id


def delete_team(db: Database, team_id: int) -> None:
    """Only a team nothing is credited to; otherwise mark it inactive."""
    with db.session() as session:
        team = session.get(Team, team_id)
        if team is None:
            return
        credited = (session.exec(select(func.count()).select_from(Activity).where(Activity.team_id == team_id)).one()
                    + session.exec(select(func.count()).select_from(HouseholdVisit)
                                   .where(HouseholdVisit.team_id == team_id)).one())
        if credited:
            raise TeamInputError("name", f"“{team.name}”已记有 {credited} 次活动或走访，不能删除；可以取消“在用”。")
        for model in (TeamDeputyLink, TeamPersonLink):
            for link in session.exec(select(model).where(model.team_id == team_id)):
                session.delete(link)
        session.flush()
        session.delete(team)


@dataclass(frozen=True)
class TeamRow:
    """A team and its figures over a period: activities credited, deputies' person-times in them,
    household visits credited and households visited."""
    id: int
    name: str
    grid: str
    task: str
    members: str           # deputies (代表) first, then people
    deputy_ids: tuple[int, ...]
    person_ids: tuple[int, ...]
    active: bool
    activities: int = 0
    person_times: int = 0
    visits: int = 0
    households: int = 0
    grid_id: int | None = None
    notes: str = ""


def list_teams(db: Database, *, start: dt.date | None = None, end: dt.date | None = None) -> list[TeamRow]:
    with db.session() as session:
        return read_teams(session, start=start, end=end)


def read_teams(session: Session, *, start: dt.date | None = None, end: dt.date | None = None) -> list[TeamRow]:
    deputies: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for team_id, deputy_id, name, status in session.exec(
            select(TeamDeputyLink.team_id, Deputy.id, Deputy.name, Deputy.status)
            .join(Deputy, Deputy.id == TeamDeputyLink.deputy_id).order_by(Deputy.id)):
        deputies[team_id].append((deputy_id, f"{name}（代表{'，已离任' if status != DeputyStatus.SERVING.value else ''}）"))
    people: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for team_id, person_id, name, role in session.exec(select(TeamPersonLink.team_id, Person.id, Person.name, Person.role)
                                                       .join(Person, Person.id == TeamPersonLink.person_id)
                                                       .order_by(Person.id)):
        people[team_id].append((person_id, f"{name}（{role}）"))
    activity_filter = [Activity.team_id.is_not(None)]
    visit_filter = [HouseholdVisit.team_id.is_not(None)]
    if start:
        activity_filter.append(Activity.date >= start)
        visit_filter.append(HouseholdVisit.date >= start)
    if end:
        activity_filter.append(Activity.date <= end)
        visit_filter.append(HouseholdVisit.date <= end)
    activities = dict(session.exec(select(Activity.team_id, func.count()).where(*activity_filter)
                                   .group_by(Activity.team_id)).all())
    person_times = dict(session.exec(select(Activity.team_id, func.count())
                                     .join(ActivityDeputyLink, ActivityDeputyLink.activity_id == Activity.id)
                                     .where(*activity_filter).group_by(Activity.team_id)).all())
    visits = {team_id: (count, households) for team_id, count, households in session.exec(
        select(HouseholdVisit.team_id, func.count(), func.count(HouseholdVisit.household_id.distinct()))
        .where(*visit_filter).group_by(HouseholdVisit.team_id))}
    rows = []
    for team, grid in session.exec(select(Team, Grid.code).join(Grid, Grid.id == Team.grid_id, isouter=True)
                                   .order_by(Team.id)):
        own_deputies, own_people = deputies.get(team.id, []), people.get(team.id, [])
        count, households = visits.get(team.id, (0, 0))
        rows.append(TeamRow(team.id, team.name, grid or "", team.task,
                            "、".join(label for _, label in own_deputies + own_people),
                            tuple(i for i, _ in own_deputies), tuple(i for i, _ in own_people), team.active,
                            activities.get(team.id, 0), person_times.get(team.id, 0), count, households,
                            team.grid_id, team.notes))
    return rows
