"""重点户台账 and 九必访 without Qt: households one by one, counts derived from the ledger, events and
their due dates across holidays, visits that close them (and count once in the visit log), the due list."""
import datetime as dt

import pytest
from grid_people_fixtures import DAY, TODAY, small_office
from sqlmodel import select

from gridoffice.domain import Activity, ActivityDeputyLink, ActivityPersonLink, AuditLog, Household, HouseholdEvent
from gridoffice.services.grids.households import households_sheet, set_grid_counts
from gridoffice.services.grids.rows import list_grids
from gridoffice.services.households.due import due_list
from gridoffice.services.households.events import EventInputError, record_event, visit_due_on
from gridoffice.services.households.kinds import MustVisitKind, RuleInputError, list_kinds, save_kinds
from gridoffice.services.households.ledger import (HouseholdInput, HouseholdInputError, delete_household,
                                                   find_household, grid_category_counts, household_detail,
                                                   list_households, save_household)
from gridoffice.services.households.visits import (VisitInput, VisitInputError, delete_visit, record_visit,
                                                   resolve_visitors, visits_of)
from gridoffice.services.reception.holidays import HolidayCalendar


@pytest.fixture
def office(db):
    return small_office(db)


def add(db, office, *, room="501", categories=("独居老人",), grid=0, name="刘秀英", phone="15400002222", **more):
    data = HouseholdInput(office.grids[grid], "幸福花园", "3", "2", room, name, phone,
                          [office.categories[c] for c in categories], **more)
    return save_household(db, data, today=TODAY - 30 * DAY).id


# --- the ledger ------------------------------------------------------------------------------------

def test_a_household_is_stored_with_its_address_and_categories(db, office):
    household_id = add(db, office, categories=("独居老人", "高龄老人"))
    detail = household_detail(db, household_id)
    assert detail.address == "幸福花园3栋2单元501室"
    assert list(detail.data.category_ids) == [office.categories["独居老人"], office.categories["高龄老人"]]
    assert detail.data.color == "#d32f2f"          # the first category's colour when none is chosen
    assert find_household(db, "幸福花园3栋2单元501室") == household_id == find_household(db, str(household_id))
    with pytest.raises(HouseholdInputError, match="找不到"):
        find_household(db, "幸福花园3栋")


def test_lists_are_masked_unless_asked(db, office):
    add(db, office)
    [masked] = list_households(db, today=TODAY)
    [full] = list_households(db, today=TODAY, full=True)
    assert (masked.address, masked.name, masked.phone) == ("幸福花园3栋2单元***", "刘**", "154****2222")
    assert (full.address, full.name, full.phone) == ("幸福花园3栋2单元501室", "刘秀英", "15400002222")


@pytest.mark.parametrize(("changes", "field"), [
    ({"place": " "}, "place"), ({"name": ""}, "name"), ({"phone": "12345"}, "phone"), ({"category_ids": []}, "categories"),
    ({"grid_id": None}, "grid"), ({"color": "red"}, "color"),
])
def test_bad_input_names_its_field(db, office, changes, field):
    data = HouseholdInput(office.grids[0], "幸福花园", "3", "2", "501", "刘秀英", "", [office.categories["独居老人"]])
    for key, value in changes.items():
        setattr(data, key, value)
    with pytest.raises(HouseholdInputError) as caught:
        save_household(db, data, today=TODAY)
    assert caught.value.field == field and str(caught.value).endswith("。")


def test_the_same_address_cannot_be_registered_twice(db, office):
    add(db, office)
    with pytest.raises(HouseholdInputError, match="已登记") as caught:
        add(db, office, name="另一人")
    assert caught.value.field == "room"


def test_every_change_is_audited(db, office):
    household_id = add(db, office)
    delete_household(db, household_id)
    with db.session() as session:
        actions = {(row.table_name, row.action) for row in session.exec(select(AuditLog))}
    assert {("household", "insert"), ("household_category_link", "insert"), ("household", "delete"),
            ("household_category_link", "delete")} <= actions


# --- counts derived from the ledger ----------------------------------------------------------------

def test_counts_come_from_the_ledger_and_a_household_replaces_an_unregistered_one(db, office):
    grid = office.grids[0]
    alone, old = office.categories["独居老人"], office.categories["高龄老人"]
    with db.session() as session:
        set_grid_counts(session, grid, {alone: 12, old: 3})
    assert grid_category_counts(db)[grid] == {alone: 12, old: 3}
    saved = save_household(db, HouseholdInput(grid, "幸福花园", "1", "1", "101", "王", "", [alone, old]),
                           today=TODAY)
    assert saved.replaced == ["独居老人", "高龄老人"]
    assert grid_category_counts(db)[grid] == {alone: 12, old: 3}        # one of the 12 and of the 3, now by name
    placeholders = {row.categories: row.placeholder_count for row in list_households(db, today=TODAY) if row.is_placeholder}
    assert placeholders == {"独居老人": 11, "高龄老人": 2}
    row = next(r for r in list_grids(db) if r.id == grid)
    assert dict((name, count) for name, count, _ in row.special)["独居老人"] == 12
    assert households_sheet(db).counts[grid][alone] == 12


def test_a_count_cannot_fall_below_the_households_registered(db, office):
    add(db, office)
    from gridoffice.services.grids.values import GridInputError

    with pytest.raises(GridInputError, match="不能少于 1"), db.session() as session:
        set_grid_counts(session, office.grids[0], {office.categories["独居老人"]: 0})
    with db.session() as session:
        set_grid_counts(session, office.grids[0], {office.categories["独居老人"]: 4})
    assert grid_category_counts(db)[office.grids[0]][office.categories["独居老人"]] == 4


# --- 九必访 ------------------------------------------------------------------------------------------

def test_the_default_must_visit_list(db, office):
    kinds = {k.event: k for k in list_kinds(db)}
    assert len(kinds) == 9 and kinds["生病住院"].within_days == 3 and kinds["生病住院"].applies_to == "全部重点户"
    assert kinds["重大节日"].categories == "独居老人、高龄老人、退役军人、困难家庭"   # in the categories' order


def test_the_list_is_edited_as_a_whole(db, office):
    kinds = list_kinds(db)
    save_kinds(db, [*kinds[:2], MustVisitKind(None, "子女高考", 5, (office.categories["留守儿童"],))])
    assert [k.event for k in list_kinds(db)] == ["生病住院", "家有丧事", "子女高考"]
    with pytest.raises(RuleInputError, match="重复"):
        save_kinds(db, [kinds[0], kinds[0]])
    with pytest.raises(RuleInputError, match="0 到 90"):
        save_kinds(db, [MustVisitKind(None, "住院", 400)])


def test_a_due_date_on_a_holiday_moves_to_the_next_working_day():
    holidays = HolidayCalendar()
    # 2026-09-28 + 3 days = 10-01, 国庆: due on the first working day after the holiday
    assert visit_due_on(holidays, dt.date(2026, 9, 28), 3) == dt.date(2026, 10, 8)   # 国庆 1-7 Oct
    assert visit_due_on(holidays, dt.date(2026, 11, 16), 3) == dt.date(2026, 11, 19)
    # a Saturday moves to Monday
    assert visit_due_on(holidays, dt.date(2026, 11, 18), 3) == dt.date(2026, 11, 23)


def test_an_event_makes_a_visit_due_and_a_visit_closes_it(db, office):
    household_id = add(db, office)
    event = record_event(db, household_id, "生病住院", TODAY - 10 * DAY, today=TODAY)
    assert event.due_on == TODAY - 7 * DAY
    due = due_list(db, TODAY)
    assert [(i.reason, i.overdue) for i in due.overdue if i.event_id] == [("生病住院（11月10日）", True)]
    assert due.overdue[0].address == "幸福花园3栋2单元***"   # masked
    result = record_visit(db, VisitInput(household_id, TODAY - DAY, [office.deputies[0]], [office.worker],
                                         "送药上门，了解病情", "送医送药、安装扶手"), today=TODAY)
    assert result.closed == ["生病住院（11月10日）"]
    assert not [i for i in due_list(db, TODAY).overdue if i.event_id]
    with db.session() as session:
        assert session.get(HouseholdEvent, event.id).visit_id == result.id
        assert session.get(Household, household_id).last_visit_on == TODAY - DAY


def test_an_event_only_for_its_categories(db, office):
    household_id = add(db, office, categories=("退役军人",))
    with pytest.raises(EventInputError, match="只适用于") as caught:
        record_event(db, household_id, "出院回家", TODAY, today=TODAY)
    assert caught.value.field == "kind"
    with pytest.raises(EventInputError, match="不在必访事由中"):
        record_event(db, household_id, "中彩票", TODAY, today=TODAY)
    with pytest.raises(EventInputError, match="晚于今天"):
        record_event(db, household_id, "生病住院", TODAY + DAY, today=TODAY)


def test_an_event_after_a_visit_already_made_is_closed_at_once(db, office):
    household_id = add(db, office)
    record_visit(db, VisitInput(household_id, TODAY - DAY, [], [office.worker]), today=TODAY)
    event = record_event(db, household_id, "矛盾纠纷", TODAY - 3 * DAY, today=TODAY)
    assert event.closed_by_visit == TODAY - DAY


def test_the_regular_cycle_is_due_from_the_last_visit(db, office):
    household_id = add(db, office)      # 独居老人: every 7 days, registered 30 days ago
    [item] = due_list(db, TODAY).overdue
    assert (item.reason, item.due_on, item.kind) == ("独居老人每 7 天走访", TODAY - 23 * DAY, "定期走访")
    record_visit(db, VisitInput(household_id, TODAY - 2 * DAY, [], [office.volunteer]), today=TODAY)
    due = due_list(db, TODAY)
    assert not due.overdue and [i.due_on for i in due.due_soon] == [TODAY + 5 * DAY]
    [row] = list_households(db, today=TODAY)
    assert (row.last_visit_on, row.next_due_on) == (TODAY - 2 * DAY, TODAY + 5 * DAY)


def test_due_list_of_one_grid(db, office):
    add(db, office)
    add(db, office, room="502", grid=1)
    assert len(due_list(db, TODAY).overdue) == 2
    assert [i.grid_id for i in due_list(db, TODAY, grid_id=office.grids[1]).overdue] == [office.grids[1]]


# --- visits and the visit log ------------------------------------------------------------------------

def test_a_round_of_visits_is_one_activity(db, office):
    first = add(db, office)
    second = add(db, office, room="502", name="钱大爷", categories=("高龄老人",))
    other_grid = add(db, office, room="601", grid=1)
    deputies = office.deputies[:2]
    a = record_visit(db, VisitInput(first, TODAY, deputies, [office.worker], services="安装烟感报警器"), today=TODAY)
    b = record_visit(db, VisitInput(second, TODAY, list(reversed(deputies)), [office.volunteer]), today=TODAY)
    c = record_visit(db, VisitInput(other_grid, TODAY, deputies), today=TODAY)
    assert b.joined_activity and b.activity_id == a.activity_id and not c.joined_activity
    with db.session() as session:
        activity = session.get(Activity, a.activity_id)
        assert (activity.kind, activity.residents_contacted, activity.place) == ("入户走访", 2, "幸福花园")
        assert activity.summary == "走访重点户 2 户；提供：安装烟感报警器"
        person_times = session.exec(select(ActivityDeputyLink).where(ActivityDeputyLink.activity_id == a.activity_id)).all()
        assert len(person_times) == 2              # each deputy once for the round
        people = session.exec(select(ActivityPersonLink.person_id).where(ActivityPersonLink.activity_id == a.activity_id)).all()
        assert sorted(people) == sorted([office.worker, office.volunteer])
        assert "刘" not in activity.summary + activity.place     # no resident's name in the visit log


def test_a_visit_by_people_only_is_not_an_activity(db, office):
    household_id = add(db, office)
    result = record_visit(db, VisitInput(household_id, TODAY, [], [office.worker]), today=TODAY)
    assert result.activity_id is None
    [row] = visits_of(db, household_id)
    assert row.visitors == "陈网格"


@pytest.mark.parametrize(("changes", "field"), [
    ({"deputy_ids": [], "person_ids": []}, "visitors"), ({"date": TODAY + DAY}, "date"),
    ({"services": "安装" * 120}, "services"),
])
def test_bad_visits_are_refused(db, office, changes, field):
    household_id = add(db, office)
    data = VisitInput(household_id, TODAY, [office.deputies[0]])
    for key, value in changes.items():
        setattr(data, key, value)
    with pytest.raises(VisitInputError) as caught:
        record_visit(db, data, today=TODAY)
    assert caught.value.field == field


def test_a_retired_deputy_cannot_visit_after_leaving(db, office):
    household_id = add(db, office)
    with pytest.raises(VisitInputError, match="离任"):
        record_visit(db, VisitInput(household_id, TODAY, [office.retired]), today=TODAY)


def test_deleting_a_visit_reopens_its_events_and_leaves_the_log(db, office):
    household_id = add(db, office)
    record_event(db, household_id, "生病住院", TODAY - 5 * DAY, today=TODAY)
    result = record_visit(db, VisitInput(household_id, TODAY, [office.deputies[0]]), today=TODAY)
    delete_visit(db, result.id)
    with db.session() as session:
        assert session.get(Activity, result.activity_id) is None
        assert session.exec(select(HouseholdEvent.visit_id)).all() == [None]
        assert session.get(Household, household_id).last_visit_on is None


def test_names_typed_are_deputies_or_people(db, office):
    assert resolve_visitors(db, ["张利霞", "陈网格", " "]) == ([office.deputies[0]], [office.worker])
    with pytest.raises(VisitInputError, match="既不是在任代表"):
        resolve_visitors(db, ["赵老"])


# --- papers: masked unless asked, never a phone on the rota ----------------------------------------------

def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_due_list_paper_is_masked_unless_asked(db, office, tmp_path):
    from gridoffice.services.households.papers import write_due_list

    household_id = add(db, office)
    record_event(db, household_id, "生病住院", TODAY - 10 * DAY, today=TODAY)
    masked, full = tmp_path / "提醒.pdf", tmp_path / "提醒 全.pdf"
    write_due_list(db, masked, today=TODAY)
    write_due_list(db, full, today=TODAY, with_contact=True)
    text = _pdf_text(masked)
    assert "生病住院（11月10日）" in text and "刘**" in text and "幸福花园3栋2单元***" in text
    assert "刘秀英" not in text and "501" not in text and "不得张贴" in text
    assert "刘秀英" in _pdf_text(full)


def test_the_rota_names_people_but_prints_no_phone_and_no_household(db, office, tmp_path):
    from gridoffice.domain.enums import DutyRecurrence
    from gridoffice.services.duties.kinds import find_duty_kind
    from gridoffice.services.duties.pdf import write_rota_pdf
    from gridoffice.services.duties.plans import DutyInput, save_duty
    from gridoffice.services.duties.schedule import generate_rota, save_rota

    add(db, office)
    kind = find_duty_kind(db, "网格巡查").id
    save_duty(db, DutyInput(kind, "东湖第1网格巡查", DutyRecurrence.WEEKLY.value, (2,), per_shift=2,
                            grid_id=office.grids[0], place="幸福花园", deputy_ids=office.deputies,
                            person_ids=[office.worker]))
    save_rota(db, generate_rota(db, kind, dt.date(2026, 12, 1), dt.date(2026, 12, 31)))
    target = tmp_path / "巡查.pdf"
    write_rota_pdf(db, target, kind_id=kind, year=2026, month=12, today=TODAY)
    text = _pdf_text(target)
    assert "2026年12月网格巡查值守表" in text and "东湖第1网格巡查" in text and "（代表）" in text
    assert "154" not in text and "刘秀英" not in text
