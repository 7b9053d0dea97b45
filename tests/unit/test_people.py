"""People who are not deputies, teams and their figures, deputies at several sites with 五员 roles."""

import pytest
from grid_people_fixtures import DAY, TODAY, small_office
from sqlmodel import select

from gridoffice.domain import DeputyStationLink, Station
from gridoffice.domain.enums import PersonRole
from gridoffice.services.grids.coverage import coverage_report
from gridoffice.services.grids.editing import set_deputy_grids
from gridoffice.services.households.ledger import HouseholdInput, save_household
from gridoffice.services.households.visits import VisitInput, record_visit
from gridoffice.services.office.stations import StationForm, StationInputError, delete_station, list_stations, save_station
from gridoffice.services.people.register import PersonInput, PersonInputError, delete_person, list_people, save_person
from gridoffice.services.people.teams import TeamInput, TeamInputError, delete_team, list_teams, save_team
from gridoffice.services.roster.deputies import DeputyData, DeputyInputError, create_deputy, load_deputy, update_deputy
from gridoffice.services.roster.rows import list_deputies
from gridoffice.services.roster.sites import role_choices, save_role_choices, sites_by_deputy


@pytest.fixture
def office(db):
    return small_office(db)


# --- the register -------------------------------------------------------------------------------

def test_people_are_listed_with_their_place_and_masked_phone(db, office):
    rows = {row.name: row for row in list_people(db)}
    assert rows["陈网格"].role == "网格员" and rows["陈网格"].grid == "DH-01" and rows["陈网格"].community == "东湖社区"
    assert rows["陈网格"].phone_masked == "154****1111"
    assert rows["吴律师"].organisation == "江澜律师事务所"


@pytest.mark.parametrize(("changes", "field"), [
    ({"name": " "}, "name"), ({"role": "队长"}, "role"), ({"phone": "1234"}, "phone"), ({"grid_id": 999}, "grid"),
])
def test_bad_people_are_refused(db, office, changes, field):
    data = PersonInput("郑志愿", PersonRole.VOLUNTEER.value)
    for key, value in changes.items():
        setattr(data, key, value)
    with pytest.raises(PersonInputError) as caught:
        save_person(db, data)
    assert caught.value.field == field


def test_consent_needs_a_phone_and_twins_are_refused(db, office):
    person_id = save_person(db, PersonInput("郑志愿", PersonRole.VOLUNTEER.value, phone_public=True))
    assert not next(r for r in list_people(db) if r.id == person_id).phone_public
    with pytest.raises(PersonInputError, match="重复"):
        save_person(db, PersonInput("陈网格", PersonRole.GRID_WORKER.value, phone="15400001111"))


def test_someone_with_a_record_cannot_be_deleted(db, office):
    household = save_household(db, HouseholdInput(office.grids[0], "幸福花园", "1", "1", "101", "王", "",
                                                  [office.categories["独居老人"]]), today=TODAY).id
    record_visit(db, VisitInput(household, TODAY, [], [office.volunteer]), today=TODAY)
    with pytest.raises(PersonInputError, match="入户走访"):
        delete_person(db, office.volunteer)
    delete_person(db, office.lawyer)
    assert "吴律师" not in {r.name for r in list_people(db)}


# --- teams ---------------------------------------------------------------------------------------------

def test_a_team_of_both_kinds_and_its_figures(db, office):
    team = save_team(db, TeamInput("东湖敲门小组", office.grids[0], "每周走访独居老人",
                                   [office.deputies[0]], [office.worker, office.volunteer]))
    household = save_household(db, HouseholdInput(office.grids[0], "幸福花园", "1", "1", "101", "王", "",
                                                  [office.categories["独居老人"]]), today=TODAY).id
    other = save_household(db, HouseholdInput(office.grids[0], "幸福花园", "1", "1", "102", "李", "",
                                              [office.categories["独居老人"]]), today=TODAY).id
    for household_id, day in ((household, TODAY - 8 * DAY), (household, TODAY - DAY), (other, TODAY - DAY)):
        record_visit(db, VisitInput(household_id, day, [office.deputies[0]], [office.worker], team_id=team),
                     today=TODAY)
    [row] = list_teams(db)
    assert row.members == "张利霞（代表）、陈网格（网格员）、周志愿（志愿者）"
    assert (row.activities, row.person_times, row.visits, row.households) == (2, 2, 3, 2)
    [recent] = list_teams(db, start=TODAY - 2 * DAY)
    assert (recent.activities, recent.visits) == (1, 2)
    with pytest.raises(TeamInputError, match="已记有"):
        delete_team(db, team)


def test_a_team_needs_a_name_and_members(db, office):
    with pytest.raises(TeamInputError) as caught:
        save_team(db, TeamInput("调解团"))
    assert caught.value.field == "members"
    save_team(db, TeamInput("调解团", person_ids=[office.lawyer]))
    with pytest.raises(TeamInputError, match="已经有"):
        save_team(db, TeamInput("调解团", person_ids=[office.lawyer]))


# --- deputies at several sites and their roles ------------------------------------------------------

def test_a_deputy_serves_at_a_primary_station_and_others(db, office):
    room = save_station(db, None, StationForm("北山社区人大代表联络室", "代表联络室", scope=""))
    base = save_station(db, None, StationForm("西山区全过程人民民主基层实践基地", "实践基地", scope=""))
    deputy = create_deputy(db, DeputyData(name="李梅", levels="区", station_id=room, other_station_ids=[base],
                                          roles="调解员、联络员"), today=TODAY)
    assert load_deputy(db, deputy).other_station_ids == [base]
    with db.session() as session:
        assert sites_by_deputy(session, [deputy])[deputy] == [(room, True), (base, False)]
    row = next(r for r in list_deputies(db) if r.id == deputy)
    assert row.station_ids == (room, base) and row.other_stations == "西山区全过程人民民主基层实践基地"
    assert row.roles == "调解员、联络员"
    counts = {s.name: s.deputies for s in list_stations(db)}
    assert counts["北山社区人大代表联络室"] == 1 and counts["西山区全过程人民民主基层实践基地"] == 1
    # the primary moves: the old primary is left unless kept among the others
    update_deputy(db, deputy, DeputyData(name="李梅", levels="区", station_id=base, other_station_ids=[]), today=TODAY)
    with db.session() as session:
        assert sites_by_deputy(session, [deputy])[deputy] == [(base, True)]
    with pytest.raises(StationInputError, match="1 名代表"):
        delete_station(db, base)


def test_every_deputy_with_a_station_has_exactly_one_primary_link(db, office):
    with db.session() as session:
        links = session.exec(select(DeputyStationLink)).all()
    assert {(l.deputy_id, l.station_id, l.is_primary) for l in links} == set()   # fixture rows came in raw
    deputy = create_deputy(db, DeputyData(name="新代表", levels="区", station_id=office.station), today=TODAY)
    with db.session() as session:
        assert [(l.station_id, l.is_primary) for l in session.exec(
            select(DeputyStationLink).where(DeputyStationLink.deputy_id == deputy))] == [(office.station, True)]


def test_roles_are_tags_from_an_editable_list(db, office):
    assert role_choices(db) == ["宣传员", "联络员", "监督员", "调解员", "守护员"]
    save_role_choices(db, ["宣传员", "联络员", "监督员", "调解员", "守护员", "网格长"])
    assert role_choices(db)[-1] == "网格长"
    with pytest.raises(DeputyInputError) as caught:
        create_deputy(db, DeputyData(name="甲", levels="区", roles="很长" * 60), today=TODAY)
    assert caught.value.problems[0].field == "roles"


def test_coverage_counts_stay_right_with_several_sites(db, office):
    for deputy_id, grid_id in zip(office.deputies, (office.grids[0], office.grids[1], office.grids[1])):
        set_deputy_grids(db, deputy_id, [grid_id])
    before = coverage_report(db)
    extra = save_station(db, None, StationForm("某公司联系点", "联系点", scope=""))
    for deputy_id in office.deputies:
        update_deputy(db, deputy_id, DeputyData(**{**load_deputy(db, deputy_id).__dict__,
                                                   "other_station_ids": [extra]}), today=TODAY)
    after = coverage_report(db)
    assert (after.deputy_total, after.deputies_placed, after.grids_covered) == (
        before.deputy_total, before.deputies_placed, before.grids_covered) == (3, 3, 2)


def test_station_kinds_and_scopes(db, office):
    with pytest.raises(StationInputError) as caught:
        save_station(db, None, StationForm("甲站", "中心"))
    assert caught.value.field == "kind"
    station_id = save_station(db, None, StationForm("锦塘街道人大代表之家", "代表之家", scope="中心"))
    with db.session() as session:
        station = session.get(Station, station_id)
        assert (station.kind, station.scope) == ("代表之家", "中心")
