"""The roster services: the form's checks, retiring with hand-over, delete, photos, Excel in and out."""
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import func
from sqlmodel import select

from gridoffice.db import ConflictError
from gridoffice.domain import (AuditLog, Deputy, DeputyBusyDate, Grid, Opinion, OpinionHistory, ReceptionDay,
                               ReceptionPoolLink, ReceptionRule, Station)
from gridoffice.domain.dates import chinese_date
from gridoffice.services.roster.deputies import (DeputyActionError, DeputyData, DeputyInputError, clean_deputy, create_deputy,
                                          delete_deputy, handover_items, load_deputy, reinstate_deputy, retire_deputy,
                                          update_deputy)
from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError
from gridoffice.services.roster.photos import PhotoError, photo_path, remove_photo_if_unused, store_photo
from gridoffice.services.roster.rows import list_deputies
from gridoffice.services.roster.excel import (HEADERS, SKIP, UPDATE, DuplicatesFound, apply_import, export_deputies,
                                              import_deputies, read_import, write_template)
from tests.roster_fixtures import FIRST_STATION, GOOD_ROWS, LAW_STATION, TODAY, build_small_office, ids, write_xlsx


@pytest.fixture
def office(db):
    build_small_office(db)
    return db


def _deputies(db) -> dict[str, Deputy]:
    with db.session() as session:
        return {d.name: d for d in session.exec(select(Deputy))}


def _count(db, model) -> int:
    with db.session() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def _problems(data: DeputyData) -> dict[str, str]:
    return {p.field: p.message for p in clean_deputy(data, TODAY)[1]}


# --- the form's checks -----------------------------------------------------------------------
def test_a_valid_deputy_has_no_problems_and_is_normalised():
    clean, problems = clean_deputy(DeputyData(name=" 张 利霞 ", levels="区,市", mobile="１３８ ０００ ０１２３４",
                                              office_phone="0395-1234567", birth_month="1975.3",
                                              expertise="法律，调解、法律"), TODAY)
    assert problems == []
    assert (clean.name, clean.levels, clean.mobile, clean.birth_month, clean.expertise) == (
        "张利霞", "市、区", "13800001234", "1975-03", "法律、调解")


@pytest.mark.parametrize("data, field, words", [
    (DeputyData(name="", levels="区"), "name", "请填写姓名"),
    (DeputyData(name="张三", levels=""), "levels", "至少选择一个代表层级"),
    (DeputyData(name="张三", levels="村"), "levels", "代表层级“村”无效"),
    (DeputyData(name="张三", levels="区", mobile="12800001234"), "mobile", "11 位数字"),
    (DeputyData(name="张三", levels="区", mobile="1380000123"), "mobile", "11 位数字"),
    (DeputyData(name="张三", levels="区", office_phone="1234567"), "office_phone", "带区号"),
    (DeputyData(name="张三", levels="区", birth_month="2015-01"), "birth_month", "年满 18 周岁"),
    (DeputyData(name="张三", levels="区", birth_month="1890-01"), "birth_month", "1920 年以后"),
    (DeputyData(name="张三", levels="区", birth_month="1975-13"), "birth_month", "月份“13”不存在"),
    (DeputyData(name="张三", levels="区", gender="未知"), "gender", "男"),
])
def test_each_bad_field_gets_a_chinese_message(data, field, words):
    problems = _problems(data)
    assert field in problems and words in problems[field]


def test_no_id_card_field_exists():
    assert not any("id_card" in name or "身份证" in name for name in Deputy.model_fields)
    assert "身份证" not in "".join(HEADERS)


def test_create_and_update_keep_pinyin_in_step_and_are_audited(office):
    station_ids = ids(office, Station, "name")
    grid_ids = ids(office, Grid, "code")
    deputy_id = create_deputy(office, DeputyData(name="张利霞", levels="市、区", mobile="13800001234",
                                                 station_id=station_ids[FIRST_STATION],
                                                 grid_ids=[grid_ids["DC-01-01"]]), today=TODAY)
    with office.session() as session:
        deputy = session.get(Deputy, deputy_id)
        assert (deputy.name_pinyin, deputy.name_initials) == ("zhanglixia", "zlx")
    update_deputy(office, deputy_id, DeputyData(name="刘䶮", levels="区", grid_ids=[grid_ids["DC-01-02"]]), today=TODAY)
    data = load_deputy(office, deputy_id)
    with office.session() as session:
        deputy = session.get(Deputy, deputy_id)
        assert deputy.name_initials.startswith("l")
        changes = [json.loads(a.changes) for a in session.exec(select(AuditLog).where(AuditLog.table_name == "deputy",
                                                                                      AuditLog.action == "update"))]
    assert (data.name, data.levels, data.grid_ids, data.station_id) == ("刘䶮", "区", [grid_ids["DC-01-02"]], None)
    assert any(change.get("name") == ["张利霞", "刘䶮"] for change in changes)


def test_the_same_person_cannot_be_entered_twice(office):
    create_deputy(office, DeputyData(name="张三", levels="区", mobile="13800001234"), today=TODAY)
    with pytest.raises(DeputyInputError) as caught:
        create_deputy(office, DeputyData(name="张三", levels="市", mobile="13800001234"), today=TODAY)
    assert caught.value.problems[0].field == "name"
    create_deputy(office, DeputyData(name="张三", levels="区", mobile="13900001234"), today=TODAY)  # a namesake


def test_two_namesakes_without_a_mobile_can_both_be_entered(office):
    create_deputy(office, DeputyData(name="王伟", levels="区"), today=TODAY)
    create_deputy(office, DeputyData(name="王伟", levels="区", work_unit="锦塘中心小学"), today=TODAY)
    with office.session() as session:
        assert len(session.exec(select(Deputy).where(Deputy.name == "王伟")).all()) == 2


# --- retiring and handing over --------------------------------------------------------------------
def _opinion(session, serial: str, deputy_id: int, status: str) -> Opinion:
    opinion = Opinion(serial=serial, received_on=dt.date(2026, 4, 1), channel="走访", content=f"意见{serial}",
                      deputy_id=deputy_id, status=status)
    session.add(opinion)
    return opinion


def test_retiring_hands_grids_and_open_opinions_over(office):
    grid_ids = ids(office, Grid, "code")
    leaving = create_deputy(office, DeputyData(name="王离任", levels="区", grid_ids=[grid_ids["DC-01-01"],
                                                                                grid_ids["DC-01-02"]]), today=TODAY)
    taking = create_deputy(office, DeputyData(name="李接手", levels="区", grid_ids=[grid_ids["DC-01-02"]]), today=TODAY)
    with office.session() as session:
        open_one = _opinion(session, "2026-0001", leaving, "已认领")
        closed = _opinion(session, "2026-0002", leaving, "已关闭")
        kept = _opinion(session, "2026-0003", leaving, "办理中")
        rule = session.exec(select(ReceptionRule)).first()
        session.add(ReceptionPoolLink(rule_id=rule.id, deputy_id=leaving))
    handover = handover_items(office, leaving)
    grids, opinions = handover.grids, handover.opinions
    assert handover.deputy_name == "王离任"
    assert [g.code for g in grids] == ["DC-01-01", "DC-01-02"]
    assert grids[1].other_deputies == "李接手"
    assert [o.serial for o in opinions] == ["2026-0001", "2026-0003"]

    retire_deputy(office, leaving, on=dt.date(2026, 5, 1), today=TODAY,
                  grid_successors={grid_ids["DC-01-01"]: taking, grid_ids["DC-01-02"]: taking},
                  opinion_successors={open_one.id: taking, kept.id: None})
    with office.session() as session:
        gone, heir = session.get(Deputy, leaving), session.get(Deputy, taking)
        assert (gone.status, gone.left_office_on, gone.grids) == ("离任", dt.date(2026, 5, 1), [])
        assert sorted(g.code for g in heir.grids) == ["DC-01-01", "DC-01-02"]
        assert session.get(Opinion, open_one.id).deputy_id == taking
        assert session.get(Opinion, kept.id).deputy_id == leaving
        assert session.get(Opinion, closed.id).deputy_id == leaving
        history = session.exec(select(OpinionHistory)).all()
        assert [(h.opinion_id, h.action) for h in history] == [(open_one.id, "移交")]
        assert "王离任离任" in history[0].note and "李接手" in history[0].note
        assert session.exec(select(ReceptionPoolLink)).all() == []
        audited = session.exec(select(AuditLog).where(AuditLog.table_name == "opinion", AuditLog.action == "update")).all()
        assert any(json.loads(a.changes).get("deputy_id") == [leaving, taking] for a in audited)
    with pytest.raises(DeputyActionError, match="已经是离任"):
        retire_deputy(office, leaving, on=TODAY, today=TODAY)
    reinstate_deputy(office, leaving)
    assert _deputies(office)["王离任"].status == "在任"


def test_retiring_refuses_a_retired_successor_and_a_future_date(office):
    one = create_deputy(office, DeputyData(name="甲", levels="区", grid_ids=[1]), today=TODAY)
    two = create_deputy(office, DeputyData(name="乙", levels="区"), today=TODAY)
    retire_deputy(office, two, on=TODAY, today=TODAY)
    with pytest.raises(DeputyActionError, match="在任的代表"):
        retire_deputy(office, one, on=TODAY, today=TODAY, grid_successors={1: two})
    with pytest.raises(DeputyActionError, match="晚于今天"):
        retire_deputy(office, one, on=TODAY + dt.timedelta(days=1), today=TODAY)
    assert _deputies(office)["甲"].status == "在任"


def test_delete_is_refused_once_opinions_name_the_deputy(office):
    kept = create_deputy(office, DeputyData(name="有意见", levels="区"), today=TODAY)
    mistaken = create_deputy(office, DeputyData(name="录错了", levels="区", grid_ids=[1]), today=TODAY)
    with office.session() as session:
        _opinion(session, "2026-0009", kept, "已关闭")
    with pytest.raises(DeputyActionError, match="请使用“离任”"):
        delete_deputy(office, kept)
    delete_deputy(office, mistaken)
    assert set(_deputies(office)) == {"有意见"}
    with office.session() as session:
        deleted = session.exec(select(AuditLog).where(AuditLog.table_name == "deputy", AuditLog.action == "delete")).all()
    assert [json.loads(a.changes)["name"] for a in deleted] == ["录错了"]


def test_a_retiring_deputy_is_taken_off_the_reception_days_still_planned_after_leaving(office):
    """The notice of a planned day must not announce a deputy who has left; days before stay as they were."""
    leaving = create_deputy(office, DeputyData(name="王离任", levels="区"), today=TODAY)
    partner = create_deputy(office, DeputyData(name="李搭档", levels="区"), today=TODAY)
    station = ids(office, Station, "name")[FIRST_STATION]
    with office.session() as session:
        people = [session.get(Deputy, leaving), session.get(Deputy, partner)]
        days = {when: ReceptionDay(date=when, station_id=station, status=status, deputies=people,
                                   start_time=dt.time(9), end_time=dt.time(11, 30))
                for when, status in ((TODAY - dt.timedelta(days=30), "已举行"), (TODAY + dt.timedelta(days=5), "计划"),
                                     (TODAY + dt.timedelta(days=40), "计划"), (TODAY + dt.timedelta(days=60), "已取消"))}
        session.add_all(days.values())
    dropped = retire_deputy(office, leaving, on=TODAY, today=TODAY)
    assert dropped == [f"{chinese_date(TODAY + dt.timedelta(days=n))} {FIRST_STATION}" for n in (5, 40)]
    with office.session() as session:
        on_duty = {day.date: sorted(d.name for d in day.deputies) for day in session.exec(select(ReceptionDay))}
    assert on_duty == {TODAY - dt.timedelta(days=30): ["李搭档", "王离任"], TODAY + dt.timedelta(days=5): ["李搭档"],
                       TODAY + dt.timedelta(days=40): ["李搭档"], TODAY + dt.timedelta(days=60): ["李搭档", "王离任"]}


def test_deleting_a_deputy_audits_the_busy_dates_and_pool_places_it_takes_along(office):
    mistaken = create_deputy(office, DeputyData(name="录错了", levels="区"), today=TODAY)
    with office.session() as session:
        session.add(DeputyBusyDate(deputy_id=mistaken, date=TODAY, reason="出差"))
        rule = session.exec(select(ReceptionRule)).first()
        session.add(ReceptionPoolLink(rule_id=rule.id, deputy_id=mistaken))
    delete_deputy(office, mistaken)
    with office.session() as session:
        deleted = {a.table_name for a in session.exec(select(AuditLog).where(AuditLog.action == "delete"))}
        assert not session.exec(select(DeputyBusyDate)).all() and not session.exec(select(ReceptionPoolLink)).all()
    assert {"deputy", "deputy_busy_date", "reception_pool"} <= deleted


# --- photos --------------------------------------------------------------------------------------
def test_a_photo_is_scaled_down_and_stored_beside_the_database(office, tmp_path):
    big = tmp_path / "证件 照.png"
    Image.new("RGBA", (1800, 2400), (200, 30, 30, 255)).save(big)
    stored = store_photo(office.attachments_dir, big)
    path = photo_path(office.attachments_dir, stored)
    assert stored.startswith("代表照片/") and path.parent == office.attachments_dir / "代表照片"
    with Image.open(path) as image:
        assert image.format == "JPEG" and max(image.size) <= 640
    assert store_photo(office.attachments_dir, big) == stored   # the same photo is stored once
    not_image = tmp_path / "假照片.jpg"
    not_image.write_bytes(b"not an image")
    with pytest.raises(PhotoError, match="无法作为照片读取"):
        store_photo(office.attachments_dir, not_image)
    gif = tmp_path / "动图.gif"
    Image.new("RGB", (10, 10)).save(gif)
    with pytest.raises(PhotoError, match="不是 JPG 或 PNG"):
        store_photo(office.attachments_dir, gif)


def test_the_form_stores_a_new_photo_and_deleting_the_deputy_removes_it(office, tmp_path):
    picture = tmp_path / "证件 照.png"
    Image.new("RGB", (600, 800), (10, 120, 200)).save(picture)
    deputy_id = create_deputy(office, DeputyData(name="有照片", levels="区"), today=TODAY, new_photo=picture)
    stored = load_deputy(office, deputy_id).photo_file
    assert stored.startswith("代表照片/") and photo_path(office.attachments_dir, stored) is not None
    sharing = create_deputy(office, DeputyData(name="同一张", levels="区", photo_file=stored), today=TODAY)
    delete_deputy(office, deputy_id)
    assert photo_path(office.attachments_dir, stored) is not None   # still used by the other record
    delete_deputy(office, sharing)
    assert photo_path(office.attachments_dir, stored) is None


def test_a_photo_that_cannot_be_read_is_the_photo_field_problem(office, tmp_path):
    not_image = tmp_path / "假照片.jpg"
    not_image.write_bytes(b"not an image")
    with pytest.raises(DeputyInputError) as caught:
        create_deputy(office, DeputyData(name="张三", levels="区"), today=TODAY, new_photo=not_image)
    assert caught.value.problems[0].field == "photo" and "无法作为照片读取" in caught.value.problems[0].message
    assert _count(office, Deputy) == 0


def test_a_photo_windows_will_not_delete_yet_does_not_fail_the_deletion(office, tmp_path, monkeypatch):
    """The deputy is already deleted when the photo goes: a file held open elsewhere just stays."""
    picture = tmp_path / "照片.png"
    Image.new("RGB", (60, 80), (10, 120, 200)).save(picture)
    stored = store_photo(office.attachments_dir, picture)

    def held_open(_path, missing_ok=False):
        raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")

    monkeypatch.setattr(Path, "unlink", held_open)
    remove_photo_if_unused(office, stored, still_used=False)
    assert photo_path(office.attachments_dir, stored) is not None


# --- Excel ----------------------------------------------------------------------------------------
def test_a_good_file_imports_every_row(office, tmp_path):
    path = write_xlsx(tmp_path / "区里发来的 名册.xlsx", GOOD_ROWS)
    result = import_deputies(office, path, today=TODAY)
    assert (result.added, result.updated, result.skipped) == (3, 0, 0)
    deputies = _deputies(office)
    assert set(deputies) == {"张利霞", "刘䶮", "𠀾明"}
    zhang = deputies["张利霞"]
    assert (zhang.mobile, zhang.levels, zhang.birth_month, zhang.gender, zhang.name_initials) == (
        "13800001234", "市、区", "1975-03", "女", "zlx")
    assert deputies["刘䶮"].notes == "补选产生，待编入网格"   # Chinese punctuation kept
    assert deputies["刘䶮"].work_unit == "@律师事务所"
    assert deputies["𠀾明"].levels == "区" and deputies["𠀾明"].mobile == "13700002222"
    rows = {r.name: r for r in list_deputies(office)}
    assert rows["张利霞"].grids == "DC-01-01、DC-01-02" and rows["张利霞"].station == FIRST_STATION
    assert rows["𠀾明"].grids == "DC-01-03"
    with office.session() as session:
        rows = session.exec(select(AuditLog).where(AuditLog.table_name == "deputy", AuditLog.action == "insert")).all()
    notes = [row for row in rows if row.record_id == "*"]
    assert len(notes) == 1   # one note for the whole file, naming everyone it added
    assert sorted(json.loads(row.changes)["name"] for row in rows if row.record_id != "*") == \
        sorted(["张利霞", "刘䶮", "𠀾明"])   # and each deputy its own row
    note = json.loads(notes[0].changes)
    assert note["来源"] == "导入“区里发来的 名册.xlsx”" and note["行数"] == 3
    assert sorted(entry.split(":")[1] for entry in note["代表"]) == sorted(["张利霞", "刘䶮", "𠀾明"])


def test_a_bad_file_imports_nothing_and_lists_every_problem(office, tmp_path):
    path = write_xlsx(tmp_path / "有错.xlsx", [
        ["姓名", "代表层级", "手机", "所属联络站", "所在网格", "出生年月", "办公电话"],
        ["张三", "区", "12345", FIRST_STATION, "", "", ""],
        ["", "区", "", "", "", "", ""],
        ["李四", "", "", "不存在的联络站", "DC-99-99", "", ""],
        ["王五", "村", "", "", "", "2030-01", "1234567"],
        ["刘䶮", "区", "13900001111", LAW_STATION, "DC-01-04", "1980-11", "0395-7654321"],
    ])
    with pytest.raises(ExcelImportError) as caught:
        import_deputies(office, path, today=TODAY)
    found = {(e.row, e.column) for e in caught.value.errors}
    assert found == {(2, "手机"), (3, "姓名"), (4, "代表层级"), (4, "所属联络站"), (4, "所在网格"), (5, "代表层级"),
                     (5, "出生年月"), (5, "办公电话")}
    assert "不存在的联络站" in str(caught.value) and "没有导入任何数据" in str(caught.value)
    assert _count(office, Deputy) == 0


def test_required_columns_must_be_present(office, tmp_path):
    path = write_xlsx(tmp_path / "缺列.xlsx", [["姓名", "手机"], ["张三", "13800001234"]])
    with pytest.raises(ExcelFileError, match="代表层级"):
        import_deputies(office, path, today=TODAY)


def test_duplicates_are_listed_and_skipped_or_updated(office, tmp_path):
    create_deputy(office, DeputyData(name="张利霞", levels="区", mobile="13800001234", post="副校长",
                                     work_unit="东城小学", notes="原有备注"), today=TODAY)
    path = write_xlsx(tmp_path / "重复.xlsx", [
        ["姓名", "代表层级", "手机", "工作单位及职务"],
        ["张利霞", "市、区", "13800001234", "东城中学校长"],
        ["赵六", "区", "13500005555", "某公司"],
        ["赵六", "市", "13500005555", "某公司经理"],
    ])
    plan = read_import(office, path, today=TODAY)
    assert [(d.row, d.existing_id is not None, d.earlier_row) for d in plan.duplicates] == [(2, True, None), (4, False, 3)]
    with pytest.raises(DuplicatesFound, match="2 条重复记录"):
        import_deputies(office, path, today=TODAY)
    assert _count(office, Deputy) == 1

    result = apply_import(office, plan, on_duplicate=SKIP)
    assert (result.added, result.updated, result.skipped) == (1, 0, 2)
    assert _deputies(office)["赵六"].levels == "区"
    assert _deputies(office)["张利霞"].levels == "区"

    result = import_deputies(office, path, today=TODAY, on_duplicate=UPDATE)
    deputies = _deputies(office)
    assert result.updated == 2 and _count(office, Deputy) == 2
    assert (deputies["张利霞"].levels, deputies["张利霞"].work_unit, deputies["张利霞"].post) == ("市、区", "东城中学校长", "")
    assert deputies["张利霞"].notes == "原有备注"   # the file has no 备注 column: kept
    assert (deputies["赵六"].levels, deputies["赵六"].work_unit) == ("市", "某公司经理")


def test_export_round_trips_rare_names_and_masks_phones(office, tmp_path):
    import_deputies(office, write_xlsx(tmp_path / "名册.xlsx", GOOD_ROWS), today=TODAY)
    rows = list_deputies(office)
    masked = export_deputies(tmp_path / "导出 隐藏.xlsx", rows)
    sheet = load_workbook(masked).active
    assert tuple(c.value for c in sheet[1]) == HEADERS
    values = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(values) == {"张利霞", "刘䶮", "𠀾明"}
    assert values["张利霞"][8].value == "138****1234"
    assert values["刘䶮"][6].value == "@律师事务所" and values["刘䶮"][6].quotePrefix   # kept as text, as Excel does
    assert values["张利霞"][8].number_format == "@" and values["张利霞"][3].number_format == "yyyy-mm"
    assert values["张利霞"][3].value.date() == dt.date(1975, 3, 1)   # a real date cell shown as 1975-03

    full = export_deputies(tmp_path / "导出 完整.xlsx", rows, full_phone=True)
    assert load_workbook(full).active["I2"].value in {"13800001234", "13900001111", "13700002222"}
    result = import_deputies(office, full, today=TODAY, on_duplicate=UPDATE)
    assert (result.added, result.updated, result.unchanged) == (0, 0, 3)  # the neutralised cell reads back as it was
    with pytest.raises(ExcelImportError, match="隐藏了中间四位"):
        import_deputies(office, masked, today=TODAY)


def test_the_template_has_the_headers_and_instructions(tmp_path):
    workbook = load_workbook(write_template(tmp_path / "模板.xlsx"))
    assert tuple(c.value for c in workbook.worksheets[0][1]) == HEADERS
    assert workbook.worksheets[0].max_row == 1
    assert workbook.worksheets[1].title == "填写说明"


def test_a_save_over_another_clerks_change_is_refused_with_both_values(office):
    """Clerk A and clerk B open the same deputy; A changes the phone and saves; B changes the post and
    saves: B's save is refused (it would put the old phone back), naming both phones, and nothing changes."""
    deputy_id = create_deputy(office, DeputyData(name="张三", levels="区", mobile="13800001234"), today=TODAY)
    form_a, form_b = load_deputy(office, deputy_id), load_deputy(office, deputy_id)
    assert form_a.version == 1
    update_deputy(office, deputy_id, replace(form_a, mobile="13900009999"), today=TODAY)
    with pytest.raises(ConflictError) as refused:
        update_deputy(office, deputy_id, replace(form_b, post="校长"), today=TODAY)
    assert "另一位干事修改" in str(refused.value) and "第 1 版 → 第 2 版" in str(refused.value)
    assert ("手机", "13800001234", "13900009999") in refused.value.differences
    assert ("职务", "校长", "（空）") in refused.value.differences
    reloaded = load_deputy(office, deputy_id)
    assert (reloaded.mobile, reloaded.post, reloaded.version) == ("13900009999", "", 2)
    update_deputy(office, deputy_id, replace(reloaded, post="校长"), today=TODAY)   # after reloading: saved
    assert (load_deputy(office, deputy_id).mobile, load_deputy(office, deputy_id).post) == ("13900009999", "校长")


def test_a_save_racing_between_the_check_and_the_update_is_refused_too(office):
    """The UPDATE carries `WHERE version = <read>`: a change committed in between makes it match nothing."""
    deputy_id = create_deputy(office, DeputyData(name="李四", levels="区"), today=TODAY)
    with pytest.raises(ConflictError, match="另一位干事修改过"):
        with office.session() as session:
            deputy = session.get(Deputy, deputy_id)
            deputy.post = "主任"
            with office.engine.begin() as other:   # another clerk's save, committed first
                other.execute(Deputy.__table__.update().where(Deputy.__table__.c.id == deputy_id)
                              .values(post="书记", version=Deputy.__table__.c.version + 1))
    assert load_deputy(office, deputy_id).post == "书记"
