"""Deleting a deputy, grid, community, station or department that 履职成果 records name is refused
with a Chinese sentence saying what holds it (not the database's English IntegrityError), and
nothing is deleted; once the records are gone, the delete goes through."""

import pytest
from sqlmodel import select

from gridoffice.domain import Community, Department, Deputy, Grid, Station
from gridoffice.domain.errors import FieldError
from gridoffice.services.grids.communities import delete_community
from gridoffice.services.grids.editing import delete_grid
from gridoffice.services.office.stations import delete_station
from gridoffice.services.opinions.lists import delete_department
from gridoffice.services.outcomes import appraisals as ap
from gridoffice.services.outcomes import disputes as dp
from gridoffice.services.outcomes import meetings as mt
from gridoffice.services.outcomes import projects as pj
from gridoffice.services.outcomes import suggestions as sg
from gridoffice.services.roster.deputies import DeputyActionError, delete_deputy
from tests.outcomes_fixtures import DAY, TODAY, build_office


@pytest.fixture
def office(db):
    return build_office(db)


def exists(office, model, record_id) -> bool:
    with office.db.session() as session:
        return session.get(model, record_id) is not None


def test_a_deputy_on_a_suggestion_meeting_appraisal_project_and_dispute_is_kept(office):
    deputy = office.deputies[2]    # 李梅: no opinions, activities or duties of her own
    suggestion = sg.create_suggestion(office.db, sg.SuggestionForm("关于增设充电桩的建议", TODAY, lead_deputy_id=deputy),
                                      today=TODAY)
    meeting = mt.create_meeting(office.db, mt.MeetingForm("例会", "十一月例会", TODAY + 3 * DAY, deputy_ids=[deputy]),
                                today=TODAY)
    ap.plan_appraisal(office.db, ap.AppraisalForm(2026, TODAY + 10 * DAY, [deputy]))
    pj.create_project(office.db, pj.ProjectForm("西园路灯更换", 2026, "安全设施", deputy_ids=[deputy]), today=TODAY)
    dp.register_dispute(office.db, dp.DisputeForm(TODAY - DAY, "邻里", "王建国、李秀英", deputy_ids=[deputy]),
                        today=TODAY)
    with pytest.raises(DeputyActionError) as refused:
        delete_deputy(office.db, deputy)
    assert str(refused.value).startswith("李梅已有1 件代表建议（领衔或附议）、1 次会议、1 次述职评议、1 个为民办实事项目、"
                                         "1 件矛盾纠纷调解，删除会让这些记录失去代表信息，因此不能删除。")
    assert exists(office, Deputy, deputy)

    sg.delete_suggestion(office.db, suggestion)
    mt.delete_meeting(office.db, meeting)
    with pytest.raises(DeputyActionError, match="^李梅已有1 次述职评议、"):
        delete_deputy(office.db, deputy)


def test_a_deputy_no_record_names_is_deleted(office):
    delete_deputy(office.db, office.deputies[2])
    assert not exists(office, Deputy, office.deputies[2])


def test_a_grid_with_a_project_a_meeting_or_a_dispute_is_kept(office):
    grid = office.grids[2]
    project = pj.create_project(office.db, pj.ProjectForm("西园路灯更换", 2026, "安全设施", grid_id=grid), today=TODAY)
    mt.create_meeting(office.db, mt.MeetingForm("议事会", "西园网格议事会", TODAY, grid_id=grid), today=TODAY)
    dp.register_dispute(office.db, dp.DisputeForm(TODAY - DAY, "租赁", "王建国", grid_id=grid, other_mediators="网格员"),
                        today=TODAY)
    with pytest.raises(FieldError) as refused:
        delete_grid(office.db, grid)
    assert str(refused.value) == ("网格“XY-01”已有 1 个为民办实事项目、1 次会议、1 件矛盾纠纷，不能删除；"
                                  "如网格已调整，请修改它的名称或把它移到新的社区。")
    assert exists(office, Grid, grid)
    assert exists(office, pj.Project, project)


def test_a_community_a_project_names_is_kept(office):
    with office.db.session() as session:
        empty = Community(name="新城社区")
        session.add(empty)
        session.flush()
        empty_id = empty.id
    pj.create_project(office.db, pj.ProjectForm("新城社区长者饭堂", 2026, "养老助餐", community_id=empty_id), today=TODAY)
    with pytest.raises(FieldError) as refused:
        delete_community(office.db, empty_id)
    assert str(refused.value) == "“新城社区”已有 1 个为民办实事项目，不能删除；可以改名。"
    assert exists(office, Community, empty_id)


def test_a_station_with_meetings_or_appraisals_is_kept(office):
    with office.db.session() as session:
        station = Station(name="东湖专业联络站", kind="专业")
        session.add(station)
        session.flush()
        station_id = station.id
    mt.create_meeting(office.db, mt.MeetingForm("圆桌会", "政企圆桌会", TODAY, station_id=station_id), today=TODAY)
    ap.plan_appraisal(office.db, ap.AppraisalForm(2026, TODAY + 10 * DAY, [office.deputies[0]], station_id=station_id))
    with pytest.raises(FieldError) as refused:
        delete_station(office.db, station_id)
    assert str(refused.value) == ("“东湖专业联络站”还有 1 次会议、1 次述职评议会，不能删除。可以改名，"
                                  "或先把代表调到其他联络站。")
    assert exists(office, Station, station_id)


def test_a_department_a_suggestion_is_handed_to_is_kept(office):
    department = office.departments[1]
    sg.create_suggestion(office.db, sg.SuggestionForm("关于增设充电桩的建议", TODAY, lead_deputy_id=office.deputies[0],
                                                      department_id=department), today=TODAY)
    with pytest.raises(FieldError) as refused:
        delete_department(office.db, department)
    assert str(refused.value) == "“区住建局”已承办 1 件代表建议，不能删除；可以改名。"
    assert exists(office, Department, department)
    delete_department(office.db, office.departments[0])
    with office.db.session() as session:
        assert list(session.exec(select(Department.name))) == ["区住建局"]


def test_the_refusals_hold_on_the_demo_office(demo_file):
    """Every deputy, grid and station of the demo that outcome records name is refused in Chinese."""
    from gridoffice.db import Database
    from gridoffice.services.outcomes.references import outcome_uses

    with Database.open(demo_file) as db:
        with db.session() as session:
            deputies = [d for d in session.exec(select(Deputy.id)) if outcome_uses(session, deputy_id=d)]
            grids = [g for g in session.exec(select(Grid.id)) if outcome_uses(session, grid_id=g)]
        assert deputies and grids
        for deputy in deputies[:5]:
            with pytest.raises(DeputyActionError, match="不能删除"):
                delete_deputy(db, deputy)
        for grid in grids[:5]:
            with pytest.raises(FieldError, match="不能删除"):
                delete_grid(db, grid)
