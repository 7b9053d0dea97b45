"""The papers of 履职成果 as PDF (fonts embedded, text extractable) and as Word (.docx opens with
python-docx, Chinese fonts named); no resident's details on any of them."""
import datetime as dt
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from test_pdf import embedded_fonts

from gridoffice.services.common.fonts import SONG_FONT
from gridoffice.services.common.settings import set_setting
from gridoffice.services.outcomes import appraisals as ap
from gridoffice.services.outcomes import meetings as mt
from gridoffice.services.outcomes import papers
from gridoffice.services.outcomes import projects as pj
from gridoffice.services.outcomes import suggestions as sg
from gridoffice.services.outcomes.appraisals import AppraisalForm
from gridoffice.services.outcomes.meetings import DecisionInput, MeetingForm
from gridoffice.services.outcomes.papers import PaperError
from gridoffice.services.outcomes.projects import ProjectForm
from gridoffice.services.outcomes.suggestions import SuggestionForm
from tests.outcomes_fixtures import DAY, TODAY, build_office, claim, register
from tests.paper_checks import assert_no_bracket_at_line_end, assert_numbered

RESIDENT, PHONE = "李秀英", "13812345678"


@pytest.fixture
def office(db):
    office = build_office(db)
    with db.session() as session:
        set_setting(session, "office_name", "锦塘街道人大工委")
        set_setting(session, "hotline", "0750-6390354")
    return office


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def docx_text(path: Path) -> str:
    document = docx.Document(path)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def both(write, tmp_path: Path, name: str) -> tuple[str, str]:
    pdf, word = tmp_path / f"{name}.pdf", tmp_path / f"{name}.docx"
    write(pdf)
    write(word)
    assert embedded_fonts(pdf) >= {SONG_FONT}       # set by typography: Song title and body
    assert_no_bracket_at_line_end(pdf)
    assert_numbered(pdf)
    return pdf_text(pdf), docx_text(word)


def test_the_suggestion_form_names_opinions_by_number_not_residents(office, tmp_path):
    opinion = register(office, content="东湖路口早晚高峰拥堵。", resident_name=RESIDENT, resident_phone=PHONE,
                       resident_address="幸福花园12栋1203室")
    claim(office, opinion, 0)
    suggestion_id = sg.create_suggestion(office.db, SuggestionForm("关于缓解东湖片区交通拥堵的建议", TODAY - 5 * DAY,
                                                                   opinion_ids=[opinion],
                                                                   department_id=office.departments[0]), today=TODAY)
    sg.assign_suggestion(office.db, suggestion_id, on=TODAY - 4 * DAY, today=TODAY)
    for text in both(lambda path: papers.write_suggestion_form(office.db, suggestion_id, path, today=TODAY), tmp_path,
                     "建议"):
        compact = text.replace(" ", "").replace("\n", "")
        assert "人大代表建议" in compact and "JY2026-001" in compact and "张利霞（市、区人大代表）" in compact
        assert "民情意见2026-0001" in compact and "区交通运输局" in compact
        assert RESIDENT not in compact and PHONE not in compact and "幸福花园" not in compact


def test_meeting_notice_and_minutes(office, tmp_path):
    meeting_id = mt.create_meeting(office.db, MeetingForm(
        "现场会", "北园新村水浸问题现场会", TODAY + 3 * DAY, "计划", start_time=dt.time(9, 30), place="北园新村3巷",
        agenda="一、查看现场\n二、研究排水改造方案", deputy_ids=office.deputies[:2], others="区住建局、区水务局"),
        today=TODAY)
    notice_pdf, notice_word = both(lambda path: papers.write_meeting_notice(office.db, meeting_id, path, today=TODAY),
                                   tmp_path, "通知")
    for text in (notice_pdf, notice_word):
        compact = text.replace(" ", "").replace("\n", "")
        assert "关于召开北园新村水浸问题现场会的通知" in compact and "上午9:30" in compact
        assert "张利霞（市、区人大代表）" in compact and "二、研究排水改造方案" in compact
    with pytest.raises(PaperError, match="还没有召开"):
        papers.write_minutes(office.db, meeting_id, tmp_path / "纪要.pdf", today=TODAY)
    form = mt.meeting_detail(office.db, meeting_id).form
    form.date, form.status, form.absent_ids = TODAY, "已召开", [office.deputies[1]]
    form.decisions = [DecisionInput("区水务局本月内完成排水管网疏通"), DecisionInput("下月回访居民")]
    mt.update_meeting(office.db, meeting_id, form, today=TODAY)
    first = mt.meeting_detail(office.db, meeting_id).decisions[0]
    mt.open_opinion(office.db, first.id, today=TODAY)
    for text in both(lambda path: papers.write_minutes(office.db, meeting_id, path, today=TODAY), tmp_path, "纪要"):
        compact = text.replace(" ", "").replace("\n", "")
        assert "现场会纪要" in compact and "缺席代表" in compact and "王建华" in compact
        assert "1.区水务局本月内完成排水管网疏通（已登记为民情意见2026-0001）" in compact
        assert "2.下月回访居民" in compact


def test_the_yearly_project_list(office, tmp_path):
    with pytest.raises(PaperError, match="清单为空"):
        papers.write_project_list(office.db, 2026, tmp_path / "清单.pdf", today=TODAY)
    pj.create_project(office.db, ProjectForm("七堡村Y199公交站点及周边人行道升级改造", 2026, "公交出行", "已完成",
                                             grid_id=office.grids[2], quantity=1, unit="处", responsible_unit="区交通运输局",
                                             started_on=TODAY - 60 * DAY, completed_on=TODAY - 10 * DAY), today=TODAY)
    pj.create_project(office.db, ProjectForm("城南工业区混凝土路面加铺沥青", 2026, "道路", "实施中", quantity=1.2,
                                             unit="公里", started_on=TODAY - 20 * DAY), today=TODAY)
    pj.create_project(office.db, ProjectForm("去年的项目", 2025, "其他"), today=TODAY)
    for text in both(lambda path: papers.write_project_list(office.db, 2026, path, today=TODAY), tmp_path, "清单"):
        compact = text.replace(" ", "").replace("\n", "")
        assert "2026年为民办实事项目清单" in compact and "共2项，已完成1项" in compact
        assert "1.2公里" in compact and "去年的项目" not in compact
    assert docx.Document(tmp_path / "清单.docx").sections[0].page_width > docx.Document(
        tmp_path / "清单.docx").sections[0].page_height        # landscape


def test_the_appraisal_notice(office, tmp_path):
    appraisal_id = ap.plan_appraisal(office.db, AppraisalForm(2026, TODAY + 5 * DAY, office.deputies[:2],
                                                              office.stations[0], dt.time(9, 0), scale="称职度"))
    for text in both(lambda path: papers.write_appraisal_notice(office.db, appraisal_id, path, today=TODAY), tmp_path,
                     "公告"):
        compact = text.replace(" ", "").replace("\n", "")
        assert "关于召开2026年度人大代表述职评议会的公告" in compact
        assert "张利霞（市、区人大代表）、王建华（区人大代表）" in compact and "称职、基本称职、不称职" in compact
