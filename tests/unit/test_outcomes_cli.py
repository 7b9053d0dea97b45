"""The 履职成果 commands, run in-process: lists as text and JSON, adding a suggestion, a follow-up,
printing minutes; bad input exits 2 in Chinese and writes nothing."""
import datetime as dt
import json

import docx
import pytest
from pypdf import PdfReader
from sqlmodel import func, select

from gridoffice import cli
from gridoffice.domain import AuditLog, FollowUp, Suggestion
from gridoffice.services.outcomes import meetings as mt
from gridoffice.services.outcomes.meetings import DecisionInput, MeetingForm
from tests.outcomes_fixtures import DAY, TODAY, build_office, claim, close, register


@pytest.fixture
def office(db):
    office = build_office(db)
    first = register(office, content="东湖路口早晚高峰拥堵。")
    second = register(office, content="学校门口车辆乱停。", grid=1)
    claim(office, first, 0)
    close(office, second, deputy=1)
    return office


def run(office, *args: str) -> int:
    return cli.main([*args, "--db", str(office.db.location)])


def audit_count(office) -> int:
    with office.db.session() as session:
        return session.exec(select(func.count()).select_from(AuditLog)).one()


def test_add_then_list_suggestions(office, capsys):
    office.db.close()   # the command opens (and locks) the file itself
    assert run(office, "suggestions", "add", "--title", "关于缓解东湖片区交通拥堵的建议", "--opinions",
               "2026-0001，2026-0002", "--department", "交通运输局", "--today", TODAY.isoformat()) == 0
    out = capsys.readouterr().out
    assert "已形成代表建议 JY2026-001" in out and "领衔代表 张利霞" in out and "附议 王建华" in out
    assert run(office, "suggestions", "list", "--json", "--today", TODAY.isoformat()) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    assert [(i["id"], i["serial"], i["status"], i["opinions"], i["department"]) for i in items] == [
        (1, "JY2026-001", "提出", 2, "区交通运输局")]
    assert run(office, "suggestions", "list", "--status", "办结") == 0
    assert "代表建议 0 件" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (("--opinions", "2026-0099", "--department", "区交通运输局"), "找不到编号为“2026-0099”"),
    (("--opinions", "2026-0001", "--department", "区教育局"), "职能部门列表中没有“区教育局”"),
    (("--opinions", "2026-0001", "--department", "区交通运输局", "--deputies", "赵离任"), "已于 2025-12-31 离任"),
    (("--opinions", "2026-0001", "--department", "区交通运输局", "--deputies", "无名氏"), "代表名册中没有“无名氏”"),
    (("--opinions", "2026-0001", "--department", "区交通运输局", "--date", "2030-01-01"), "不能晚于今天"),
])
def test_bad_input_exits_2_in_chinese_and_writes_nothing(office, capsys, args, message):
    before = audit_count(office)
    office.db.close()
    assert run(office, "suggestions", "add", "--title", "建议", *args, "--today", TODAY.isoformat()) == 2
    assert message in capsys.readouterr().err
    from gridoffice.db import Database
    with Database.open(office.db.location, lock=False) as db, db.session() as session:
        assert session.exec(select(Suggestion)).all() == []
        assert session.exec(select(func.count()).select_from(AuditLog)).one() == before


def test_a_follow_up_from_the_command_line(office, capsys):
    office.db.close()
    day = (TODAY - DAY).isoformat()
    assert run(office, "followup", "2026-0002", "--date", day, "--verdict", "基本满意", "--today", TODAY.isoformat()) == 0
    assert "群众评价：基本满意" in capsys.readouterr().out
    assert run(office, "followup", "2026-0001", "--date", day, "--verdict", "满意", "--today", TODAY.isoformat()) == 2
    assert "已关闭" in capsys.readouterr().err                      # still in hand: no follow-up yet
    # argparse refuses it before anything opens
    assert run(office, "followup", "2026-0002", "--date", day, "--verdict", "很好") == 2
    assert "参数错误" in capsys.readouterr().err
    from gridoffice.db import Database
    with Database.open(office.db.location, lock=False) as db, db.session() as session:
        assert [(f.verdict, f.method) for f in session.exec(select(FollowUp))] == [("基本满意", "电话")]


def test_print_minutes_as_word_and_pdf(office, capsys, tmp_path):
    meeting_id = mt.create_meeting(office.db, MeetingForm(
        "圆桌会", "政企圆桌会（第五次）", TODAY - 3 * DAY, "已召开", start_time=dt.time(14, 30), place="产业园管委会",
        deputy_ids=office.deputies[:2], others="区人社局、园区企业代表", decisions=[
            DecisionInput("由区人社局举办专场招聘会，协助园区企业招工"), DecisionInput("推动职业院校与园区企业签订订单式培养协议")]),
        today=TODAY)
    office.db.close()
    target = tmp_path / "纪要 文件.docx"
    assert run(office, "print", "minutes", "--meeting", str(meeting_id), "-o", str(target),
               "--today", TODAY.isoformat()) == 0
    document = docx.Document(target)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "圆桌会纪要" in text and "1. 由区人社局举办专场招聘会，协助园区企业招工" in text
    assert "2. 推动职业院校与园区企业签订订单式培养协议" in text
    assert any("张利霞" in cell.text for table in document.tables for row in table.rows for cell in row.cells)
    east_asian = {run.element.rPr.rFonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
                  for p in document.paragraphs for run in p.runs}
    assert east_asian <= {"黑体", "仿宋"} and east_asian
    pdf = tmp_path / "纪要.pdf"
    assert run(office, "print", "minutes", "--meeting", str(meeting_id), "-o", str(pdf)) == 0
    assert "推动职业院校与园区企业签订订单式培养协议" in "".join(page.extract_text() for page in PdfReader(pdf).pages)
    capsys.readouterr()
    assert run(office, "print", "minutes", "--meeting", "999", "-o", str(pdf)) == 2
    assert "找不到这条会议" in capsys.readouterr().err
    assert run(office, "print", "minutes", "--meeting", str(meeting_id), "-o", str(tmp_path / "纪要.txt")) == 2
    assert ".pdf 或 .docx" in capsys.readouterr().err


def test_lists_carry_ids_in_json(office, capsys):
    mt.create_meeting(office.db, MeetingForm("例会", "十一月例会", TODAY - DAY, "已召开", deputy_ids=office.deputies[:1]),
                      today=TODAY)
    office.db.close()
    for command in ("projects", "meetings", "campaigns", "appraisals", "disputes"):
        assert run(office, command, "list", "--json") == 0
        items = json.loads(capsys.readouterr().out)["items"]
        assert all("id" in item for item in items)
        if command == "meetings":
            assert [(i["title"], i["deputy_count"]) for i in items] == [("十一月例会", 1)]
    assert run(office, "outcome-figures", "--year", "2026", "--json") == 0
    figures = json.loads(capsys.readouterr().out)
    assert {"key": "meetings_held", "value": 1, "previous": 0} .items() <= figures["items"][5].items()
