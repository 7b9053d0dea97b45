"""代表建议: made from opinions (links both ways), handed over, answered, judged; 不满意 reopens."""

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from gridoffice.domain import Suggestion, SuggestionHistory
from gridoffice.domain.outcome_rules import OutcomeInputError, OutcomeStateError
from gridoffice.services.opinions.excel import export_opinions
from gridoffice.services.opinions.listing import list_opinions
from gridoffice.services.outcomes import suggestions as sg
from gridoffice.services.outcomes.suggestions import SuggestionFilter, SuggestionForm
from tests.outcomes_fixtures import DAY, TODAY, audit_rows, build_office, claim, register


@pytest.fixture
def office(db):
    return build_office(db)


def three_opinions(office) -> list[int]:
    ids = [register(office, received_on=TODAY - (40 - i) * DAY, content=text, grid=i)
           for i, text in enumerate(("东湖路口早晚高峰拥堵。", "学校门口上下学时段车辆乱停。", "公交站台太窄，候车不安全。"))]
    claim(office, ids[0], 2)      # 李梅 claimed the first: she leads
    claim(office, ids[2], 0)      # 张利霞 claimed the third: she co-signs
    return ids


def make(office, opinion_ids=(), **changes) -> int:
    values = dict(title="关于缓解东湖片区交通拥堵的建议", submitted_on=TODAY - 20 * DAY, opinion_ids=opinion_ids,
                  department_id=office.departments[0])
    values.update(changes)
    return sg.create_suggestion(office.db, SuggestionForm(**values), today=TODAY)


def test_a_suggestion_from_three_opinions_keeps_the_links_both_ways(office):
    opinions = three_opinions(office)
    suggestion_id = make(office, opinions)
    detail = sg.suggestion_detail(office.db, suggestion_id, today=TODAY)
    assert [o.id for o in detail.opinions] == opinions
    assert detail.row.serial == "JY2026-001" and detail.row.status == "提出" and detail.row.opinions == 3
    assert (detail.row.lead, detail.row.cosigners) == ("李梅", "张利霞")
    assert detail.row.category == "交通" and "公交站台太窄" in detail.content   # taken from the opinions
    for opinion_id in opinions:                                                   # and seen from each opinion
        assert sg.suggestions_of_opinion(office.db, opinion_id) == [(suggestion_id, "JY2026-001",
                                                                     "关于缓解东湖片区交通拥堵的建议", "提出")]
    rows = list_opinions(office.db, today=TODAY)
    assert {r.id: r.flags for r in rows} == {i: "代表建议" for i in opinions}
    assert [h.note for h in detail.history] == ["由民情意见 2026-0001、2026-0002、2026-0003 形成代表建议"]
    assert audit_rows(office.db, "suggestion")[0].action == "insert"
    assert len(audit_rows(office.db, "suggestion_opinion")) == 3
    assert len(audit_rows(office.db, "suggestion_deputy")) == 2


def test_the_export_of_opinions_names_the_suggestion(office, tmp_path):
    opinions = three_opinions(office)
    make(office, opinions[:2])
    export_opinions(office.db, tmp_path / "意见.xlsx", today=TODAY)
    sheet = load_workbook(tmp_path / "意见.xlsx").active
    header = [c.value for c in sheet[1]]
    column = header.index("代表建议")
    values = {row[0].value: row[column].value for row in sheet.iter_rows(min_row=2)}
    assert values == {"2026-0001": "JY2026-001", "2026-0002": "JY2026-001", "2026-0003": None}


def test_handing_over_answering_and_a_dissatisfied_verdict_reopens_it(office):
    suggestion_id = make(office, three_opinions(office))
    sg.assign_suggestion(office.db, suggestion_id, on=TODAY - 18 * DAY, today=TODAY)
    row, = sg.list_suggestions(office.db, today=TODAY)
    assert (row.status, row.assigned_on, row.due_on) == ("交办", TODAY - 18 * DAY, TODAY + 72 * DAY)   # 90 days
    sg.record_progress(office.db, suggestion_id, note="已到现场踏勘，拟调整信号配时", on=TODAY - 10 * DAY, today=TODAY)
    sg.record_reply(office.db, suggestion_id, reply="已调整东湖路口信号灯配时，增设潮汐车道。", on=TODAY - 5 * DAY,
                    today=TODAY)
    assert sg.list_suggestions(office.db, today=TODAY)[0].status == "办结"
    status = sg.record_verdict(office.db, suggestion_id, verdict="不满意", on=TODAY - 2 * DAY, today=TODAY,
                               note="学校门口问题未答复")
    assert status == "办理中"
    detail = sg.suggestion_detail(office.db, suggestion_id, today=TODAY)
    assert (detail.row.verdict, detail.row.due_on, detail.reply) == ("不满意", TODAY + 28 * DAY, "")
    assert [h.action for h in detail.history] == ["提出", "交办", "办理", "答复", "评价", "重办"]
    assert "增设潮汐车道" in detail.history[3].note                 # the first reply stays in the history
    assert detail.allowed == ["交办", "办理", "答复"]
    sg.record_reply(office.db, suggestion_id, reply="学校门口已施划限时停车位。", on=TODAY, today=TODAY)
    assert sg.record_verdict(office.db, suggestion_id, verdict="满意", on=TODAY, today=TODAY) == "办结"


def test_overdue_suggestions_are_flagged_and_filtered(office):
    late = make(office, [], lead_deputy_id=office.deputies[0], title="甲")
    in_time = make(office, [], lead_deputy_id=office.deputies[1], title="乙")
    sg.assign_suggestion(office.db, late, on=TODAY - 20 * DAY, due_on=TODAY - 1 * DAY, today=TODAY)
    sg.assign_suggestion(office.db, in_time, on=TODAY - 20 * DAY, today=TODAY)
    rows = {r.title: r for r in sg.list_suggestions(office.db, today=TODAY)}
    assert (rows["甲"].overdue, rows["甲"].days_overdue, rows["乙"].overdue) == (True, 1, False)
    assert [r.title for r in sg.list_suggestions(office.db, today=TODAY, where=SuggestionFilter(overdue_only=True))] \
        == ["甲"]
    assert [r.title for r in sg.list_suggestions(office.db, today=TODAY,
                                                 where=SuggestionFilter(deputy_id=office.deputies[1]))] == ["乙"]


@pytest.mark.parametrize("changes, field", [
    (dict(title="  "), "title"),
    (dict(submitted_on=TODAY + DAY), "submitted_on"),
    (dict(opinion_ids=[], lead_deputy_id=None), "lead_deputy"),
    (dict(lead_deputy_id=3), "lead_deputy"),              # 赵离任 left in 2025
    (dict(department_id=999), "department"),
    (dict(opinion_ids=[999]), "opinions"),
])
def test_bad_input_names_the_field_and_writes_nothing(office, changes, field):
    opinions = three_opinions(office)
    if changes.get("lead_deputy_id") == 3:
        changes["lead_deputy_id"] = office.deputies[3]
    changes = {"opinion_ids": opinions, **changes}
    with pytest.raises(OutcomeInputError) as error:
        make(office, **changes)
    assert error.value.field == field and str(error.value)
    with office.db.session() as session:
        assert session.exec(select(Suggestion)).all() == []
    assert audit_rows(office.db, "suggestion") == []


def test_steps_out_of_order_are_refused(office):
    suggestion_id = make(office, three_opinions(office))
    with pytest.raises(OutcomeStateError, match="交办"):
        sg.record_reply(office.db, suggestion_id, reply="…", on=TODAY, today=TODAY)
    with pytest.raises(OutcomeInputError, match="提出日期"):
        sg.assign_suggestion(office.db, suggestion_id, on=TODAY - 30 * DAY, today=TODAY)
    sg.assign_suggestion(office.db, suggestion_id, on=TODAY - 10 * DAY, today=TODAY)
    with pytest.raises(OutcomeInputError, match="上一步"):
        sg.record_progress(office.db, suggestion_id, note="x", on=TODAY - 11 * DAY, today=TODAY)
    with pytest.raises(OutcomeStateError):
        sg.delete_suggestion(office.db, suggestion_id)
    with pytest.raises(OutcomeInputError, match="评价"):
        sg.record_reply(office.db, suggestion_id, reply="答复", on=TODAY, today=TODAY)
        sg.record_verdict(office.db, suggestion_id, verdict="还行", on=TODAY, today=TODAY)
    with office.db.session() as session:
        steps = session.exec(select(SuggestionHistory.action).where(SuggestionHistory.suggestion_id == suggestion_id)
                             .order_by(SuggestionHistory.id)).all()
    assert steps == ["提出", "交办", "答复"]


def test_reassigning_moves_it_to_another_department(office):
    suggestion_id = make(office, [], lead_deputy_id=office.deputies[0])
    sg.assign_suggestion(office.db, suggestion_id, on=TODAY - 10 * DAY, today=TODAY)
    sg.assign_suggestion(office.db, suggestion_id, on=TODAY - 5 * DAY, department_id=office.departments[1],
                         today=TODAY)
    detail = sg.suggestion_detail(office.db, suggestion_id, today=TODAY)
    assert (detail.row.department, detail.row.assigned_on, detail.row.status) == ("区住建局", TODAY - 10 * DAY, "交办")
    assert detail.history[-1].note.startswith("转交区住建局办理")


def test_editing_keeps_links_and_records_added_opinions(office):
    opinions = three_opinions(office)
    suggestion_id = make(office, opinions[:1])
    detail = sg.suggestion_detail(office.db, suggestion_id, today=TODAY)
    form = detail.form()
    form.opinion_ids = opinions
    form.title = "关于东湖片区交通的建议"
    sg.update_suggestion(office.db, suggestion_id, form, today=TODAY)
    detail = sg.suggestion_detail(office.db, suggestion_id, today=TODAY)
    assert [o.id for o in detail.opinions] == opinions and detail.row.title == "关于东湖片区交通的建议"
    assert detail.history[-1].note == "关联民情意见 2026-0002、2026-0003"
    sg.link_opinions(office.db, suggestion_id, opinions, today=TODAY)          # nothing new: no history row
    assert len(sg.suggestion_detail(office.db, suggestion_id, today=TODAY).history) == 2


def test_draft_from_opinions_fills_the_form(office):
    opinions = three_opinions(office)
    draft = sg.draft_from_opinions(office.db, opinions, today=TODAY)
    assert draft.lead_deputy_id == office.deputies[2] and draft.cosigner_ids == [office.deputies[0]]
    assert draft.opinion_ids == opinions and draft.category == "交通" and "3条意见" in draft.title
    single = sg.draft_from_opinions(office.db, opinions[:1], today=TODAY)
    assert single.title == "关于东湖路口早晚高峰拥堵的建议"


def test_attachments_are_copied_and_removed(office, tmp_path):
    suggestion_id = make(office, [], lead_deputy_id=office.deputies[0])
    letter = tmp_path / "答复函.pdf"
    letter.write_bytes(b"%PDF-1.4 test")
    attachment_id, = sg.add_attachments(office.db, suggestion_id, [letter])
    stored = sg.suggestion_detail(office.db, suggestion_id, today=TODAY).attachments[0]
    copy = office.db.attachments_dir / stored.file
    assert copy.read_bytes() == letter.read_bytes() and stored.caption == "答复函"
    program = tmp_path / "x.exe"
    program.write_bytes(b"MZ")
    with pytest.raises(OutcomeInputError, match="不是可用的附件"):
        sg.add_attachments(office.db, suggestion_id, [program])
    sg.remove_attachment(office.db, attachment_id)
    assert not copy.exists()
    sg.delete_suggestion(office.db, suggestion_id)
    with office.db.session() as session:
        assert session.exec(select(Suggestion)).all() == []


def test_find_by_serial_or_id(office):
    suggestion_id = make(office, [], lead_deputy_id=office.deputies[0])
    assert sg.find_suggestion(office.db, "jy2026-001") == suggestion_id
    assert sg.find_suggestion(office.db, str(suggestion_id)) == suggestion_id
    with pytest.raises(OutcomeInputError):
        sg.find_suggestion(office.db, "JY2020-009")
