"""民情办理 services: registering, every step of the loop in the history, overdue by date, the lists."""
import datetime as dt
from dataclasses import dataclass

import pytest
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import (AuditLog, Community, Department, Deputy, Grid, Opinion, OpinionCategory,
                               OpinionHistory)
from gridoffice.domain.opinion_rules import OpinionRuleError, TransitionError
from gridoffice.services.opinions import listing, loop as ops
from gridoffice.services.office.setup import ensure_default_lists
from gridoffice.services.opinions.listing import OpinionFilter
from gridoffice.services.opinions.lists import (CategoryEntry, DepartmentEntry, ListInputError, category_names,
                                               delete_department, list_categories, list_departments, save_categories,
                                               save_department)
from gridoffice.services.opinions.register import OpinionForm, register_opinion, update_form

TODAY = dt.date(2026, 11, 20)
DAY = dt.timedelta(days=1)


@dataclass
class Office:
    db: Database
    grid_id: int
    deputy_id: int
    retired_id: int
    department_id: int
    other_department_id: int


@pytest.fixture
def office(db) -> Office:
    with db.session() as session:
        ensure_default_lists(session)
        community = Community(name="锦塘社区")
        session.add(community)
        session.flush()
        grid = Grid(code="JT-01-01", name="锦塘社区第1网格", community_id=community.id)
        deputy = Deputy(name="张利霞", levels="区")
        retired = Deputy(name="王老", status="离任", left_office_on=dt.date(2025, 1, 1))
        department = Department(name="区城管局")
        other = Department(name="区住建局")
        session.add_all([grid, deputy, retired, department, other])
        session.flush()
        ids = grid.id, deputy.id, retired.id, department.id, other.id
    return Office(db, *ids)


def form(office: Office, **changes) -> OpinionForm:
    values = dict(received_on=TODAY - 10 * DAY, channel="走访", content="小区路灯坏了三盏，晚上出行不便。",
                  resident_name="李秀英", resident_phone="13812345678", resident_address="幸福花园12栋1203室",
                  grid_id=office.grid_id, category="环境卫生")
    values.update(changes)
    return OpinionForm(**values)


def register(office: Office, **changes) -> int:
    return register_opinion(office.db, form(office, **changes), TODAY).id


def history(office: Office, opinion_id: int) -> list[tuple[str, str, str]]:
    with office.db.session() as session:
        rows = session.exec(select(OpinionHistory).where(OpinionHistory.opinion_id == opinion_id)
                            .order_by(OpinionHistory.id)).all()
        return [(h.action, h.from_status, h.to_status) for h in rows]


def status(office: Office, opinion_id: int) -> Opinion:
    with office.db.session() as session:
        return session.get(Opinion, opinion_id)


def walk_to_resolved(office: Office, opinion_id: int) -> None:
    ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY - 9 * DAY, today=TODAY)
    ops.assign(office.db, opinion_id, department_id=office.department_id, mode="交办", due_on=TODAY + 5 * DAY,
               on=TODAY - 8 * DAY, today=TODAY)
    ops.resolve(office.db, opinion_id, result="已更换路灯三盏。", on=TODAY - 2 * DAY, today=TODAY)


# --- registering -------------------------------------------------------------------------------

def test_register_writes_the_form_a_serial_and_the_first_history_entry(office):
    opinion_id = register(office)
    opinion = status(office, opinion_id)
    assert opinion.serial == "2026-0001" and opinion.status == "待认领"
    assert opinion.resident_name == "李秀英" and opinion.resident_phone == "13812345678"
    assert history(office, opinion_id) == [("登记", "", "待认领")]


def test_serials_continue_from_the_highest_of_the_year(office):
    with office.db.session() as session:
        session.add(Opinion(serial="2026-0041", received_on=TODAY, channel="电话", content="旧的"))
        session.add(Opinion(serial="2025-0300", received_on=dt.date(2025, 5, 1), channel="电话", content="去年"))
        session.add(Opinion(serial="2024-9999", received_on=dt.date(2024, 5, 1), channel="电话", content="前年"))
        session.add(Opinion(serial="2024-10000", received_on=dt.date(2024, 6, 1), channel="电话", content="前年"))
    assert status(office, register(office)).serial == "2026-0042"
    assert status(office, register(office, received_on=dt.date(2025, 7, 1))).serial == "2025-0301"
    assert status(office, register(office, received_on=dt.date(2024, 7, 1))).serial == "2024-10001"
    assert status(office, register(office, received_on=dt.date(2023, 7, 1))).serial == "2023-0001"


def test_a_serial_that_is_not_a_number_after_the_year_is_passed_over(office):
    """A serial renamed when a street's office was merged in ("…-合并3") counts for nothing on
    either database (PostgreSQL refused the whole registration when its CAST met one)."""
    with office.db.session() as session:
        session.add(Opinion(serial="2026-0007", received_on=TODAY, channel="电话", content="旧的"))
        session.add(Opinion(serial="2026-A12-合并3", received_on=TODAY, channel="电话", content="合并来的"))
        session.add(Opinion(serial="2026-", received_on=TODAY, channel="电话", content="残缺"))
    assert status(office, register(office)).serial == "2026-0008"


@pytest.mark.parametrize(("changes", "field"), [
    ({"content": "   "}, "content"),
    ({"channel": "来信"}, "channel"),
    ({"resident_phone": "12345"}, "resident_phone"),
    ({"category": "不存在的分类"}, "category"),
    ({"received_on": TODAY + DAY}, "received_on"),
    ({"grid_id": 9999}, "grid"),
    ({"urgency": "特急"}, "urgency"),
])
def test_register_refuses_bad_input_naming_the_field(office, changes, field):
    with pytest.raises(OpinionRuleError) as refused:
        register_opinion(office.db, form(office, **changes), TODAY)
    assert refused.value.field == field and str(refused.value).endswith("。")
    with office.db.session() as session:
        assert session.exec(select(Opinion)).first() is None


def test_anonymous_opinions_and_full_width_phones_are_accepted(office):
    opinion = status(office, register(office, resident_name="", resident_phone="１３８ １２３４ ５６７８"))
    assert opinion.resident_name == "" and opinion.resident_phone == "13812345678"


# --- the loop ----------------------------------------------------------------------------------

def test_the_whole_loop_lands_in_the_history_step_by_step(office):
    opinion_id = register(office)
    ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY - 9 * DAY, today=TODAY, note="当天联系群众")
    ops.add_progress(office.db, opinion_id, note="已到现场查看", on=TODAY - 9 * DAY, today=TODAY)
    ops.assign(office.db, opinion_id, department_id=office.department_id, mode="交办", due_on=TODAY - 3 * DAY,
               on=TODAY - 8 * DAY, today=TODAY)
    ops.add_progress(office.db, opinion_id, note="部门已派人维修", on=TODAY - 6 * DAY, today=TODAY)
    ops.supervise(office.db, opinion_id, on=TODAY - 2 * DAY, today=TODAY, note="电话督促",
                  new_due_on=TODAY + 2 * DAY)
    ops.resolve(office.db, opinion_id, result="已更换路灯三盏。", on=TODAY - DAY, today=TODAY)
    ops.reply(office.db, opinion_id, text="路灯已修好。", method="电话", on=TODAY, today=TODAY, satisfaction="满意")
    assert history(office, opinion_id) == [
        ("登记", "", "待认领"), ("认领", "待认领", "已认领"), ("进展", "已认领", "已认领"), ("交办", "已认领", "办理中"),
        ("进展", "办理中", "办理中"), ("督办", "办理中", "办理中"), ("办结", "办理中", "已办结"),
        ("回复", "已办结", "已关闭"),
    ]
    opinion = status(office, opinion_id)
    assert opinion.status == "已关闭" and opinion.closed_on == TODAY and opinion.satisfaction == "满意"
    assert opinion.deputy_id == office.deputy_id and opinion.department_id == office.department_id
    assert opinion.handling_mode == "督办" and opinion.due_on == TODAY + 2 * DAY
    with office.db.session() as session:
        notes = [h.note for h in session.get(Opinion, opinion_id).history]
        dates = [h.on for h in session.get(Opinion, opinion_id).history]
    assert notes[1] == "张利霞代表认领，形成任务单：当天联系群众"
    assert notes[3].startswith("交办至区城管局，形成责任单，限2026年11月17日前办结")
    assert "已超期 1 天" in notes[5] and "办理期限改为2026年11月22日" in notes[5]
    assert notes[7] == "电话回复，群众评价：满意"
    assert dates == sorted(dates)


def test_every_step_is_audited(office):
    opinion_id = register(office)
    walk_to_resolved(office, opinion_id)
    with office.db.session() as session:
        audited = session.exec(select(AuditLog).where(AuditLog.table_name == "opinion_history")).all()
    assert len(audited) == 4


def test_no_closing_without_a_result(office):
    opinion_id = register(office)
    ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY, today=TODAY)
    ops.assign(office.db, opinion_id, department_id=office.department_id, mode="转办", due_on=TODAY, on=TODAY,
               today=TODAY)
    with pytest.raises(TransitionError, match="要先记录办理结果"):
        ops.reply(office.db, opinion_id, text="已答复", method="电话", on=TODAY, today=TODAY)
    with pytest.raises(OpinionRuleError) as no_result:
        ops.resolve(office.db, opinion_id, result="  ", on=TODAY, today=TODAY)
    assert no_result.value.field == "result"
    assert status(office, opinion_id).status == "办理中"


def test_no_closing_without_a_recorded_reply(office):
    opinion_id = register(office)
    walk_to_resolved(office, opinion_id)
    for text, method, field in (("", "电话", "reply"), ("已告知", "", "reply_method"), ("已告知", "飞鸽", "reply_method")):
        with pytest.raises(OpinionRuleError) as refused:
            ops.reply(office.db, opinion_id, text=text, method=method, on=TODAY, today=TODAY)
        assert refused.value.field == field
    assert status(office, opinion_id).status == "已办结"


def test_unsatisfied_with_the_reply_reopens_with_a_new_due_date(office):
    opinion_id = register(office)
    walk_to_resolved(office, opinion_id)
    with pytest.raises(OpinionRuleError) as no_due:
        ops.reply(office.db, opinion_id, text="已修", method="当面", on=TODAY, today=TODAY, satisfaction="不满意")
    assert no_due.value.field == "due_on"
    ops.reply(office.db, opinion_id, text="已修", method="当面", on=TODAY, today=TODAY, satisfaction="不满意",
              new_due_on=TODAY + 10 * DAY)
    opinion = status(office, opinion_id)
    assert opinion.status == "办理中" and opinion.due_on == TODAY + 10 * DAY and opinion.satisfaction == "不满意"
    assert opinion.result == "" and opinion.reply == "" and opinion.closed_on is None
    assert history(office, opinion_id)[-2:] == [("回复", "已办结", "已关闭"), ("重办", "已关闭", "办理中")]
    with pytest.raises(TransitionError):   # the new round needs a new result
        ops.reply(office.db, opinion_id, text="再次答复", method="电话", on=TODAY, today=TODAY)


def test_a_later_rating_of_unsatisfied_reopens_and_satisfied_keeps_it_closed(office):
    first, second = register(office), register(office)
    for opinion_id in (first, second):
        walk_to_resolved(office, opinion_id)
        ops.reply(office.db, opinion_id, text="已修", method="电话", on=TODAY - DAY, today=TODAY)
    ops.rate(office.db, first, satisfaction="基本满意", on=TODAY, today=TODAY)
    ops.rate(office.db, second, satisfaction="不满意", on=TODAY, today=TODAY, new_due_on=TODAY + 7 * DAY,
             note="灯又坏了")
    assert status(office, first).status == "已关闭" and status(office, first).satisfaction == "基本满意"
    assert history(office, first)[-1] == ("评价", "已关闭", "已关闭")
    assert status(office, second).status == "办理中"
    assert history(office, second)[-2:] == [("评价", "已关闭", "已关闭"), ("重办", "已关闭", "办理中")]


def test_reject_needs_reason_and_referral_and_closes_the_matter(office):
    opinion_id = register(office, content="与单位的工资纠纷已申请仲裁，要求代表干预。")
    with pytest.raises(OpinionRuleError) as nowhere:
        ops.reject(office.db, opinion_id, reason="仲裁", referred_to="", on=TODAY, today=TODAY)
    assert nowhere.value.field == "referred_to"
    ops.reject(office.db, opinion_id, reason="仲裁", referred_to="区劳动人事争议仲裁院", on=TODAY, today=TODAY)
    opinion = status(office, opinion_id)
    assert (opinion.status, opinion.reject_reason, opinion.referred_to, opinion.closed_on) == (
        "不予受理", "仲裁", "区劳动人事争议仲裁院", TODAY)
    assert history(office, opinion_id)[-1] == ("不予受理", "待认领", "不予受理")
    with pytest.raises(TransitionError):
        ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY, today=TODAY)


def test_a_resolved_matter_cannot_be_rejected(office):
    opinion_id = register(office)
    walk_to_resolved(office, opinion_id)
    with pytest.raises(TransitionError, match="不能再改为不予受理"):
        ops.reject(office.db, opinion_id, reason="信访", referred_to="区信访局", on=TODAY, today=TODAY)


def test_claim_refuses_a_retired_deputy_and_steps_dated_out_of_order(office):
    opinion_id = register(office)
    with pytest.raises(OpinionRuleError, match="已离任"):
        ops.claim(office.db, opinion_id, deputy_id=office.retired_id, on=TODAY, today=TODAY)
    with pytest.raises(OpinionRuleError, match="登记日期") as early:
        ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY - 30 * DAY, today=TODAY)
    assert early.value.field == "on"
    with pytest.raises(OpinionRuleError, match="今天"):
        ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY + DAY, today=TODAY)
    assert history(office, opinion_id) == [("登记", "", "待认领")]


def test_assign_needs_department_mode_and_a_due_date_after_it(office):
    opinion_id = register(office)
    ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY, today=TODAY)
    for kwargs, field in (({"department_id": 0}, "department"), ({"mode": "承办"}, "mode"),
                          ({"due_on": TODAY - DAY}, "due_on"), ({"due_on": None}, "due_on")):
        arguments = {"department_id": office.department_id, "mode": "分办", "due_on": TODAY + DAY, **kwargs}
        with pytest.raises(OpinionRuleError) as refused:
            ops.assign(office.db, opinion_id, on=TODAY, today=TODAY, **arguments)
        assert refused.value.field == field


def test_moving_to_another_department_is_a_second_assignment(office):
    opinion_id = register(office)
    ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY - 5 * DAY, today=TODAY)
    ops.assign(office.db, opinion_id, department_id=office.department_id, mode="交办", due_on=TODAY,
               on=TODAY - 5 * DAY, today=TODAY)
    ops.assign(office.db, opinion_id, department_id=office.other_department_id, mode="转办",
               due_on=TODAY + 9 * DAY, on=TODAY - 2 * DAY, today=TODAY)
    opinion = status(office, opinion_id)
    assert (opinion.department_id, opinion.handling_mode) == (office.other_department_id, "转办")
    assert [a for a, _f, _t in history(office, opinion_id)] == ["登记", "认领", "交办", "交办"]


def test_correcting_the_form_keeps_the_registration_date_before_later_steps(office):
    opinion_id = register(office)
    ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY - 9 * DAY, today=TODAY)
    with pytest.raises(OpinionRuleError) as late:
        update_form(office.db, opinion_id, form(office, received_on=TODAY - 5 * DAY), TODAY)
    assert late.value.field == "received_on"
    update_form(office.db, opinion_id, form(office, resident_phone="0395-1234567", received_on=TODAY - 11 * DAY),
                    TODAY)
    opinion = status(office, opinion_id)
    assert opinion.resident_phone == "0395-1234567" and opinion.received_on == TODAY - 11 * DAY
    with office.db.session() as session:
        assert session.get(Opinion, opinion_id).history[0].on == TODAY - 11 * DAY


# --- overdue and the lists ---------------------------------------------------------------------

def test_overdue_and_due_this_week_are_computed_against_the_given_day(office):
    due_in_three = register(office)
    ops.claim(office.db, due_in_three, deputy_id=office.deputy_id, on=TODAY, today=TODAY)
    ops.assign(office.db, due_in_three, department_id=office.department_id, mode="交办", due_on=TODAY + 3 * DAY,
               on=TODAY, today=TODAY)
    resolved_late = register(office)
    walk_to_resolved(office, resolved_late)   # due TODAY+5, resolved: never overdue for the department
    now = listing.due_summary(office.db, TODAY)
    later = listing.due_summary(office.db, TODAY + 4 * DAY)
    much_later = listing.due_summary(office.db, TODAY + 30 * DAY)
    assert ([r.id for r in now.overdue], [r.id for r in now.due_soon]) == ([], [due_in_three])
    assert ([r.id for r in later.overdue], later.due_soon) == ([due_in_three], [])
    assert [r.id for r in much_later.overdue] == [due_in_three]
    assert now.describe() == "超期 0 件，本周到期 1 件"


def test_the_list_masks_the_resident_and_marks_overdue(office):
    opinion_id = register(office)
    ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY - 9 * DAY, today=TODAY)
    ops.assign(office.db, opinion_id, department_id=office.department_id, mode="交办", due_on=TODAY - DAY,
               on=TODAY - 8 * DAY, today=TODAY)
    [row] = listing.list_opinions(office.db, today=TODAY)
    assert (row.resident, row.phone, row.address) == ("李**", "138****5678", "幸福花园…")
    assert row.overdue and not row.due_soon
    assert (row.deputy, row.department, row.grid) == ("张利霞", "区城管局", "JT-01-01")
    assert "李秀英" not in repr(row) and "13812345678" not in repr(row)


def test_the_date_window_keeps_unfinished_matters_in_sight(office):
    old_open = register(office, received_on=dt.date(2025, 3, 1))
    old_closed = register(office, received_on=dt.date(2025, 3, 2))
    ops.reject(office.db, old_closed, reason="诉讼", referred_to="区人民法院", on=dt.date(2025, 3, 3), today=TODAY)
    recent = register(office)
    window = {"start": dt.date(2026, 1, 1), "end": TODAY}
    with_open = {r.id for r in listing.list_opinions(office.db, today=TODAY, where=OpinionFilter(**window))}
    only_window = {r.id for r in listing.list_opinions(office.db, today=TODAY,
                                                   where=OpinionFilter(**window, include_unfinished=False))}
    everything = {r.id for r in listing.list_opinions(office.db, today=TODAY)}
    rejected = listing.list_opinions(office.db, today=TODAY, where=OpinionFilter(status="不予受理"))
    assert with_open == {old_open, recent} and only_window == {recent}
    assert everything == {old_open, old_closed, recent} and [r.id for r in rejected] == [old_closed]


def test_the_list_filters_by_deputy_department_and_due(office):
    claimed, assigned, other = register(office), register(office), register(office)
    for opinion_id in (claimed, assigned):
        ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY, today=TODAY)
    ops.assign(office.db, assigned, department_id=office.other_department_id, mode="分办", due_on=TODAY + DAY,
               on=TODAY, today=TODAY)

    def ids(**where):
        return {r.id for r in listing.list_opinions(office.db, today=TODAY, where=OpinionFilter(**where))}

    assert ids(deputy_id=office.deputy_id) == {claimed, assigned}
    assert ids(department_id=office.other_department_id) == {assigned}
    assert ids(due=listing.DUE_SOON) == {assigned} and ids(due=listing.OVERDUE) == set()
    assert ids(status="待认领") == {other}
    counts = listing.status_counts(listing.list_opinions(office.db, today=TODAY))
    assert (counts["待认领"], counts["已认领"], counts["办理中"], counts["已关闭"]) == (1, 1, 1, 0)


# --- the lists the clerk keeps ------------------------------------------------------------------

def test_categories_rename_reorder_and_refuse_removing_one_in_use(office):
    register(office, category="环境卫生")
    entries = list_categories(office.db)
    used = next(e for e in entries if e.name == "环境卫生")
    assert used.used == 1
    renamed = [CategoryEntry(e.id, "环境" if e.name == "环境卫生" else e.name) for e in entries]
    save_categories(office.db, list(reversed(renamed)) + [CategoryEntry(None, "噪音")])
    names = category_names(office.db)
    with office.db.session() as session:
        assert session.exec(select(Opinion.category)).first() == "环境"
    assert names[0] == "噪音" or names[-1] == "噪音"
    assert names[:2] == ["其他", "教育"] and "环境卫生" not in names
    entries = list_categories(office.db)
    without_used = [e for e in entries if e.name != "环境"]
    with pytest.raises(ListInputError, match="已有 1 条意见使用"):
        save_categories(office.db, without_used)
    with pytest.raises(ListInputError, match="重复"):
        save_categories(office.db, entries + [CategoryEntry(None, "环境")])


def test_categories_can_swap_names(office):
    entries = list_categories(office.db)
    first, second = entries[0], entries[1]
    swapped = [CategoryEntry(first.id, second.name), CategoryEntry(second.id, first.name), *entries[2:]]
    save_categories(office.db, swapped)
    with office.db.session() as session:
        assert session.get(OpinionCategory, first.id).name == second.name


def test_departments_are_edited_and_one_in_use_cannot_be_deleted(office):
    opinion_id = register(office)
    ops.claim(office.db, opinion_id, deputy_id=office.deputy_id, on=TODAY, today=TODAY)
    ops.assign(office.db, opinion_id, department_id=office.department_id, mode="交办", due_on=TODAY, on=TODAY,
               today=TODAY)
    save_department(office.db, DepartmentEntry(None, "区水务局", "刘工", "0395-7654321"))
    save_department(office.db, DepartmentEntry(office.department_id, "区城市管理和综合执法局"))
    with pytest.raises(ListInputError, match="已经有"):
        save_department(office.db, DepartmentEntry(None, "区水务局"))
    with pytest.raises(ListInputError) as bad_phone:
        save_department(office.db, DepartmentEntry(None, "区民政局", phone="abc"))
    assert bad_phone.value.field == "phone"
    with pytest.raises(ListInputError, match="已承办 1 条意见"):
        delete_department(office.db, office.department_id)
    delete_department(office.db, office.other_department_id)
    departments = {d.name: d.used for d in list_departments(office.db)}
    assert departments == {"区城市管理和综合执法局": 1, "区水务局": 0}


# --- the demo office ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo(demo_module):
    return demo_module


def test_the_demo_history_is_consistent_with_each_status(demo):
    with demo.session() as session:
        opinions = session.exec(select(Opinion)).all()
        for opinion in opinions:
            steps = sorted(opinion.history, key=lambda h: (h.on, h.id))
            assert steps[0].action == "登记"
            assert steps[-1].to_status == opinion.status, opinion.serial
            if opinion.status == "已关闭":
                assert opinion.result and opinion.reply
    rows = listing.list_opinions(demo, today=TODAY)
    summary = listing.due_summary(demo, TODAY)
    assert len(rows) == len(opinions)
    assert {r.status for r in rows} == {"待认领", "已认领", "办理中", "已办结", "已关闭", "不予受理"}
    assert summary.overdue and summary.due_soon
    assert all(r.overdue for r in summary.overdue)


def test_the_demo_loop_continues_with_the_services(demo):
    with demo.session() as session:
        resolved = session.exec(select(Opinion).where(Opinion.status == "已办结")).first()
        registered = session.exec(select(Opinion).where(Opinion.status == "待认领")).first()
        deputy = session.exec(select(Deputy).where(Deputy.status == "在任")).first()
    ops.reply(demo, resolved.id, text="已告知办理结果", method="电话", on=TODAY, today=TODAY, satisfaction="满意")
    ops.claim(demo, registered.id, deputy_id=deputy.id, on=TODAY, today=TODAY)
    new = register_opinion(demo, OpinionForm(received_on=TODAY, channel="电话", content="测试"), TODAY)
    with demo.session() as session:
        highest = max(int(s.split("-")[1]) for s in session.exec(select(Opinion.serial)
                                                                 .where(Opinion.serial.like("2026-%"))))
    assert new.serial == f"2026-{highest:04d}"
