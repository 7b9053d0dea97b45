"""人员名册: people who are not deputies. Their phone is printed only where they consented
(`phone_public`), and masked in lists like every personal mobile."""
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (ActivityPersonLink, Community, DutyPoolPerson, DutyShiftPerson, Grid, Household,
                               HouseholdVisitPerson, Person, TeamPersonLink)
from gridoffice.domain.enums import PersonRole
from gridoffice.domain.errors import FieldError
from gridoffice.domain.rules import (is_landline, is_mobile, mask_phone, normalize_name, normalize_phone,
                                     normalize_text)

from gridoffice.services.common.pinyin import pinyin_of


class PersonInputError(FieldError):
    """Bad input for a person: `field` names the form field, the message is Chinese."""


@dataclass
class PersonInput:
    name: str
    role: str = PersonRole.VOLUNTEER.value
    community_id: int | None = None
    grid_id: int | None = None
    organisation: str = ""
    phone: str = ""
    phone_public: bool = False
    active: bool = True
    notes: str = ""


def clean_person(session: Session, data: PersonInput) -> PersonInput:
    name = normalize_name(data.name)
    if not name:
        raise PersonInputError("name", "请填写姓名。")
    if len(name) > 50:
        raise PersonInputError("name", "姓名不能超过 50 个字。")
    if data.role not in {r.value for r in PersonRole}:
        raise PersonInputError("role", f"身份应为 {'、'.join(r.value for r in PersonRole)} 之一。")
    community_id = data.community_id
    if data.grid_id is not None:
        grid = session.get(Grid, data.grid_id)
        if grid is None:
            raise PersonInputError("grid", "所选网格已不存在，请重新选择。")
        if community_id is not None and community_id != grid.community_id:
            raise PersonInputError("grid", "所选网格不属于所选社区。")
        community_id = grid.community_id
    if community_id is not None and session.get(Community, community_id) is None:
        raise PersonInputError("community", "所选社区已不存在，请重新选择。")
    organisation = normalize_text(data.organisation)
    if len(organisation) > 100:
        raise PersonInputError("organisation", "单位不能超过 100 个字。")
    phone = normalize_phone(data.phone)
    if phone and not (is_mobile(phone) or is_landline(phone)):
        raise PersonInputError("phone", "电话格式不对：应为 11 位手机号，或带区号的固定电话（如 0395-1234567）。")
    return PersonInput(name, data.role, community_id, data.grid_id, organisation, phone,
                       bool(data.phone_public and phone), bool(data.active), (data.notes or "").strip())


def save_person(db: Database, data: PersonInput, person_id: int | None = None) -> int:
    with db.session() as session:
        return store_person(session, data, person_id)


def store_person(session: Session, data: PersonInput, person_id: int | None = None) -> int:
    clean = clean_person(session, data)
    person = session.get(Person, person_id) if person_id is not None else Person(name=clean.name)
    if person is None:
        raise PersonInputError("name", "这个人员已被删除，请关闭后重新打开。")
    if clean.phone:
        twin = session.exec(select(Person.id).where(Person.name == clean.name, Person.phone == clean.phone,
                                                    Person.id != (person_id or 0))).first()
        if twin is not None:
            raise PersonInputError("name", "名册中已有姓名和电话都相同的人员，请勿重复录入。")
    full, initials = pinyin_of(clean.name)
    values = {"name": clean.name, "name_pinyin": full, "name_initials": initials, "role": clean.role,
              "community_id": clean.community_id, "grid_id": clean.grid_id, "organisation": clean.organisation,
              "phone": clean.phone, "phone_public": clean.phone_public, "active": clean.active, "notes": clean.notes}
    for key, value in values.items():
        if getattr(person, key) != value:
            setattr(person, key, value)
    session.add(person)
    session.flush()
    return person.id


def delete_person(db: Database, person_id: int) -> None:
    """Only someone with no record yet (activities, visits, shifts, households); otherwise mark them
    no longer serving (`active` off)."""
    with db.session() as session:
        person = session.get(Person, person_id)
        if person is None:
            return
        uses = {
            "次活动": ActivityPersonLink, "次入户走访": HouseholdVisitPerson, "次值守": DutyShiftPerson,
        }
        found = [f"{session.exec(select(func.count()).select_from(model).where(model.person_id == person_id)).one()} {what}"
                 for what, model in uses.items()
                 if session.exec(select(func.count()).select_from(model).where(model.person_id == person_id)).one()]
        households = session.exec(select(func.count()).select_from(Household).where(Household.worker_id == person_id)).one()
        if households:
            found.append(f"负责 {households} 户重点户")
        if found:
            raise PersonInputError("name", f"{person.name}已有{'、'.join(found)}的记录，不能删除；如不再参与，请取消“在册”。")
        for model in (TeamPersonLink, DutyPoolPerson):
            for link in session.exec(select(model).where(model.person_id == person_id)):
                session.delete(link)
        session.flush()
        session.delete(person)


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    name_pinyin: str
    name_initials: str
    role: str
    community: str
    grid: str
    organisation: str
    phone: str            # full: the model masks it
    phone_public: bool
    active: bool
    teams: str
    community_id: int | None = None
    grid_id: int | None = None
    notes: str = ""

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)


def list_people(db: Database, *, include_inactive: bool = True) -> list[PersonRow]:
    from gridoffice.domain import Team

    with db.session() as session:
        teams: dict[int, list[str]] = {}
        for person_id, name in session.exec(select(TeamPersonLink.person_id, Team.name)
                                            .join(Team, Team.id == TeamPersonLink.team_id).order_by(Team.id)):
            teams.setdefault(person_id, []).append(name)
        query = (select(Person, Community.name, Grid.code).join(Community, Community.id == Person.community_id, isouter=True)
                 .join(Grid, Grid.id == Person.grid_id, isouter=True).order_by(Person.role, Person.name_pinyin, Person.id))
        if not include_inactive:
            query = query.where(Person.active)
        return [PersonRow(p.id, p.name, p.name_pinyin, p.name_initials, p.role, community or "", grid or "",
                          p.organisation, p.phone, p.phone_public, p.active, "、".join(teams.get(p.id, [])),
                          p.community_id, p.grid_id, p.notes)
                for p, community, grid in session.exec(query)]


def person_input(db: Database, person_id: int) -> PersonInput:
    with db.session() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise PersonInputError("name", "这个人员已被删除，请刷新列表。")
        return PersonInput(person.name, person.role, person.community_id, person.grid_id, person.organisation,
                           person.phone, person.phone_public, person.active, person.notes)
