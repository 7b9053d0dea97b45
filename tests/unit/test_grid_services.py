"""Grids without Qt: coverage figures, editing rules, special households, Excel, GeoJSON areas, PDFs."""
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader
from sqlmodel import select

from gridoffice.domain import AuditLog, Community, Deputy, DeputyGridLink, Grid, Household, Station
from gridoffice.domain.enums import DeputyStatus
from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError
from gridoffice.services.grids.areas import (IMAGE_FRAME, label_point, list_grid_areas, map_title, parse_geometry,
                                            save_traced_area, store_map_image)
from gridoffice.services.grids.communities import CommunityInput, delete_community, save_community
from gridoffice.services.grids.coverage import coverage_report, percent_text
from gridoffice.services.grids.editing import (GridInput, delete_grid, deputy_grids, grid_editor_data, move_grids,
                                              save_grid, set_deputy_grids, set_grid_deputies)
from gridoffice.services.grids.excel import HEADERS, UnknownCommunitiesError, export_grids, import_grids
from gridoffice.services.grids.geojson import GeoJsonImportError, export_geojson, import_geojson
from gridoffice.services.grids.households import CategoryRow, households_sheet, list_categories, save_households
from gridoffice.services.grids.pdf import write_coverage_pdf, write_grid_duty_pdf
from gridoffice.services.grids.rows import grids_overview, list_grids
from gridoffice.services.grids.values import GridInputError
from gridoffice.services.common.settings import set_setting
from gridoffice.services.common.typography import NothingToPrintError
from gridoffice.services.office.setup import create_empty_office
from tests.paper_checks import assert_numbered, assert_posted_paper, pdf_pages

TODAY = dt.date(2026, 11, 20)


def square(x: float, y: float, size: float = 100.0) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.fixture
def office(db):
    """Two communities, five grids and eight deputies with every kind of coverage gap.

    A-01: nobody. A-02: four serving deputies (too many). A-03: one serving and one who left.
    B-01: only a deputy who left (so: nobody). B-02: two serving. S7 serves in no grid.
    """
    create_empty_office(db, "测试街道人大工委")
    a = save_community(db, CommunityInput("甲社区"))
    b = save_community(db, CommunityInput("乙村", "村"))
    grids = {code: save_grid(db, GridInput(code, f"{code}网格", community, "王网格", "13800001111", 300, 800))
             for code, community in (("A-01", a), ("A-02", a), ("A-03", a), ("B-01", b), ("B-02", b))}
    with db.session() as session:
        people = {}
        for n in range(1, 8):
            deputy = Deputy(name=f"代表{n}", levels="区", mobile=f"1390000{n:04d}")
            session.add(deputy)
            session.flush()
            people[f"S{n}"] = deputy.id
        retired = Deputy(name="离任者", levels="市", status=DeputyStatus.RETIRED.value)
        session.add(retired)
        session.flush()
        people["R1"] = retired.id
        session.add(DeputyGridLink(deputy_id=people["R1"], grid_id=grids["A-03"]))
        session.add(DeputyGridLink(deputy_id=people["R1"], grid_id=grids["B-01"]))
    set_grid_deputies(db, grids["A-02"], [people[f"S{n}"] for n in (1, 2, 3, 4)])
    set_grid_deputies(db, grids["A-03"], [people["S5"]])
    set_grid_deputies(db, grids["B-02"], [people["S5"], people["S6"]])
    return {"grids": grids, "people": people, "communities": {"甲社区": a, "乙村": b}}


# --- coverage ---------------------------------------------------------------------------------
def test_coverage_figures_count_only_serving_deputies(db, office):
    report = coverage_report(db)
    assert (report.grid_total, report.grids_covered, report.grid_rate) == (5, 3, "60.0%")
    assert (report.deputy_total, report.deputies_placed, report.deputy_rate) == (7, 6, "85.7%")
    assert [g.code for g in report.empty_grids] == ["A-01", "B-01"]
    assert [(g.code, g.deputy_count) for g in report.crowded_grids] == [("A-02", 4)]
    assert [d.name for d in report.unplaced_deputies] == ["代表7"]
    by_community = {c.name: (c.grids, c.covered, c.crowded, c.deputies) for c in report.communities}
    assert by_community == {"甲社区": (3, 2, 1, 5), "乙村": (2, 1, 0, 2)}


def test_percentages_at_the_edges():
    """One format, one decimal, beside each other on a page: 100.0% and 80.0%, never 100% and 80.0%."""
    assert percent_text(0, 0) == "—"
    assert percent_text(7, 7) == "100.0%"
    assert percent_text(4, 5) == "80.0%"
    assert percent_text(2, 3) == "66.7%"
    assert percent_text(9999, 10000) == "99.9%"     # not complete: never rounded up to 100.0%
    assert percent_text(1, 100000) == "0.1%"        # not none: never rounded down to 0.0%
    assert percent_text(0, 5) == "0.0%"


def test_placing_the_last_deputy_and_filling_the_empty_grids_completes_coverage(db, office):
    grids, people = office["grids"], office["people"]
    set_deputy_grids(db, people["S7"], [grids["A-01"], grids["B-01"]])
    set_deputy_grids(db, people["S4"], [grids["B-01"]])
    set_grid_deputies(db, grids["A-02"], [people["S1"], people["S2"], people["S3"]])
    report = coverage_report(db)
    assert report.complete and not report.crowded_grids
    assert (report.grid_rate, report.deputy_rate) == ("100.0%", "100.0%")


def test_grid_rows_show_serving_deputies_specials_and_open_opinions(db, office):
    rows = {row.code: row for row in list_grids(db)}
    assert rows["A-03"].deputies == "代表5" and rows["A-03"].deputy_count == 1
    assert rows["B-01"].deputy_count == 0
    assert [name for name, _count, _color in rows["A-01"].special][:2] == ["独居老人", "高龄老人"]
    assert rows["A-01"].special_total == 0 and rows["A-01"].open_opinions == 0


# --- editing ------------------------------------------------------------------------------------
def test_grid_codes_are_unique_whatever_the_case(db, office):
    community = office["communities"]["甲社区"]
    with pytest.raises(GridInputError) as error:
        save_grid(db, GridInput("a-01", "重复", community))
    assert error.value.field == "code" and "已被其他网格使用" in str(error.value)


@pytest.mark.parametrize("field, changes, message", [
    ("households", {"households": -1}, "户数不能为负数"),
    ("population", {"population": "很多"}, "人口应为整数"),
    ("worker_phone", {"worker_phone": "12345"}, "网格员电话格式不对"),
    ("name", {"name": "  "}, "请填写网格名称"),
    ("code", {"code": "A 09"}, "不能有空格"),
    ("community", {"community_id": None}, "请选择网格所属的社区"),
])
def test_bad_grid_input_names_the_field(db, office, field, changes, message):
    values = {"code": "A-09", "name": "新网格", "community_id": office["communities"]["甲社区"], **changes}
    with pytest.raises(GridInputError) as error:
        save_grid(db, GridInput(**values))
    assert error.value.field == field and message in str(error.value)


def test_edits_are_audited_and_full_width_digits_are_folded(db, office):
    grid_id = office["grids"]["A-01"]
    save_grid(db, GridInput("A-01", "改名网格", office["communities"]["乙村"], worker_phone="１３８ ０００１ ２２２２",
                            households="４２０"), grid_id)
    with db.session() as session:
        grid = session.get(Grid, grid_id)
        assert (grid.name, grid.worker_phone, grid.households) == ("改名网格", "13800012222", 420)
        assert grid.community_id == office["communities"]["乙村"]
        audit = session.exec(select(AuditLog).where(AuditLog.table_name == "grid", AuditLog.action == "update")).all()
    assert any("改名网格" in row.changes for row in audit)


def test_move_grids_and_delete_an_emptied_community(db, office):
    a, b = office["communities"]["甲社区"], office["communities"]["乙村"]
    with pytest.raises(GridInputError, match="还有 3 个网格"):
        delete_community(db, a)
    assert move_grids(db, [office["grids"][c] for c in ("A-01", "A-02", "A-03")], b) == 3
    delete_community(db, a)
    with db.session() as session:
        assert session.get(Community, a) is None


def test_delete_grid_removes_its_links(db, office):
    grid_id = office["grids"]["A-02"]
    delete_grid(db, grid_id)
    with db.session() as session:
        assert not session.exec(select(DeputyGridLink).where(DeputyGridLink.grid_id == grid_id)).all()


def test_deleting_a_grid_audits_each_household_count_it_takes_along(db, office):
    grid_id = office["grids"]["A-02"]
    save_households(db, list_categories(db), {(grid_id, 0): 3})
    delete_grid(db, grid_id)
    with db.session() as session:
        assert not session.exec(select(Household).where(Household.grid_id == grid_id)).all()
        audited = session.exec(select(AuditLog).where(AuditLog.table_name == "household",
                                                      AuditLog.action == "delete")).all()
    assert [json.loads(a.changes)["placeholder_count"] for a in audited] == [3]


def test_a_grid_with_households_registered_one_by_one_is_kept(db, office):
    from gridoffice.services.households.ledger import HouseholdInput, save_household

    grid_id = office["grids"]["A-02"]
    save_household(db, HouseholdInput(grid_id, "幸福花园", "1", "1", "101", "王", "", [list_categories(db)[0].id]),
                   today=TODAY)
    with pytest.raises(GridInputError, match="重点户台账中还有 1 户"):
        delete_grid(db, grid_id)


def test_retired_deputies_cannot_be_placed(db, office):
    with pytest.raises(GridInputError, match="已离任"):
        set_deputy_grids(db, office["people"]["R1"], [office["grids"]["A-01"]])


# --- special households ---------------------------------------------------------------------------
def test_household_categories_and_counts(db, office):
    grid_id = office["grids"]["A-01"]
    categories = list_categories(db)
    save_households(db, categories, {(grid_id, 0): 12, (grid_id, 1): "8"})
    with pytest.raises(GridInputError, match="超过了网格总户数 300"):   # all or nothing: the 5 is not kept
        save_households(db, categories, {(grid_id, 3): 5, (grid_id, 2): 301})
    with pytest.raises(GridInputError, match="不能为负数"):
        save_households(db, categories, {(grid_id, 2): -1})
    # rename the first, drop the second (its counts go too), add one with its count
    rows = [CategoryRow(categories[0].id, "独居老年人", "#D32F2F", True),
            *categories[2:], CategoryRow(None, "重病患者", "#455a64", True)]
    ids = save_households(db, rows, {(grid_id, len(rows) - 1): 2})
    with pytest.raises(GridInputError, match="重复"):
        save_households(db, [CategoryRow(None, "甲"), CategoryRow(None, "甲")], {})
    row = next(r for r in list_grids(db) if r.id == grid_id)
    names = [c.name for c in list_categories(db)]
    assert names[0] == "独居老年人" and "高龄老人" not in names and names[-1] == "重病患者"
    assert len(ids) == len(names)
    assert row.special[0] == ("独居老年人", 12, "#d32f2f") and row.special_total == 14
    with db.session() as session:   # the counts are "未逐户登记" entries of the household ledger
        entries = session.exec(select(Household.placeholder_count).where(Household.grid_id == grid_id)
                               .order_by(Household.id)).all()
    assert entries == [12, 2]
    sheet = households_sheet(db)
    assert sheet.counts[grid_id] == {ids[0]: 12, ids[-1]: 2} and [c.name for c in sheet.categories] == names


def test_the_grid_editor_saves_details_deputies_counts_and_clears_the_area_together(db, office):
    grid_id, people = office["grids"]["A-01"], office["people"]
    save_traced_area(db, grid_id, [(10, 20), (110, 20), (110, 80)])
    before = grid_editor_data(db, grid_id)
    assert before.grid.code == "A-01" and before.deputy_ids == [] and before.area == IMAGE_FRAME
    category = before.categories[0].id
    with pytest.raises(GridInputError) as refused:   # one bad count: nothing else is saved either
        save_grid(db, GridInput("A-01", "新名字", before.grid.community_id, households=300), grid_id,
                  deputy_ids=[people["S7"]], counts={category: 999}, clear_area=True)
    assert refused.value.field == "special"
    assert grid_editor_data(db, grid_id) == before
    save_grid(db, GridInput("A-01", "新名字", before.grid.community_id, households=300), grid_id,
              deputy_ids=[people["S7"]], counts={category: 9}, clear_area=True)
    after = grid_editor_data(db, grid_id)
    assert (after.grid.name, after.deputy_ids, after.counts, after.area) == ("新名字", [people["S7"]], {category: 9}, "")


def test_a_deputys_grids_for_the_dialog(db, office):
    placed = deputy_grids(db, office["people"]["S5"])
    assert placed.name == "代表5" and placed.details == "区人大代表"
    assert [code for _id, code, _name, _community in placed.grids] == ["A-01", "A-02", "A-03", "B-01", "B-02"]
    assert placed.selected == sorted([office["grids"]["A-03"], office["grids"]["B-02"]])


def test_the_tab_reads_everything_at_once(db, office):
    overview = grids_overview(db)
    assert [c.name for c in overview.communities] == ["甲社区", "乙村"]
    assert [c.grid_count for c in overview.communities] == [3, 2]
    assert len(overview.rows) == 5 and overview.coverage.grid_rate == "60.0%" and overview.areas == []


# --- Excel ------------------------------------------------------------------------------------------
def _sheet(path: Path, rows: list[list[object]], headers=HEADERS) -> Path:
    workbook = Workbook()
    workbook.active.append(list(headers))
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def test_excel_round_trip(db, office, tmp_path):
    path = tmp_path / "网格 导出.xlsx"
    assert export_grids(db, path) == 5
    sheet = load_workbook(path).active
    assert [cell.value for cell in sheet[1]] == list(HEADERS)
    assert [cell.value for cell in sheet[2]][:3] == ["A-01", "A-01网格", "甲社区"]
    summary = import_grids(db, path)
    assert (summary.created, summary.updated) == (0, 5)


def test_excel_import_adds_and_updates_and_keeps_missing_columns(db, office, tmp_path):
    path = _sheet(tmp_path / "网格.xlsx", [["A-01", "甲一网格", "甲社区"], ["C-01", "新网格", "乙村"]],
                  headers=("网格编号", "网格名称", "所属社区"))
    summary = import_grids(db, path)
    assert (summary.created, summary.updated) == (1, 1)
    with db.session() as session:
        grid = session.exec(select(Grid).where(Grid.code == "A-01")).one()
        assert (grid.name, grid.worker_name, grid.households) == ("甲一网格", "王网格", 300)


def test_excel_import_lists_every_problem_and_changes_nothing(db, office, tmp_path):
    path = _sheet(tmp_path / "坏.xlsx", [
        ["A-01", "改名", "甲社区", "", "", 10, 20, ""],
        ["", "没编号", "甲社区", "", "", 1, 1, ""],
        ["A-05", "负数", "甲社区", "", "", -3, 1, ""],
        ["A-06", "电话", "甲社区", "", "999", 1, 1, ""],
        ["A-06", "重复", "甲社区", "", "", 1, 1, ""],
    ])
    with db.session() as session:
        before = [(g.code, g.name) for g in session.exec(select(Grid))]
    with pytest.raises(ExcelImportError) as error:
        import_grids(db, path)
    text = str(error.value)
    assert "没有导入任何数据" in text
    for expected in ("第 3 行“网格编号”列（A3）", "第 4 行“户数”列（F4）：户数不能为负数", "第 5 行“网格员电话”列（E5）",
                     "第 6 行“网格编号”列（A6）：网格编号“A-06”与第 5 行重复"):
        assert expected in text
    with db.session() as session:
        assert [(g.code, g.name) for g in session.exec(select(Grid))] == before


def test_unknown_community_is_an_error_unless_creation_is_asked_for(db, office, tmp_path):
    path = _sheet(tmp_path / "新社区.xlsx", [["N-01", "新一", "丙社区", "", "", 5, 9, ""],
                                            ["N-02", "新二", "丁村", "", "", 5, 9, ""]])
    with pytest.raises(UnknownCommunitiesError) as error:
        import_grids(db, path)
    assert error.value.names == ["丙社区", "丁村"] and "社区“丙社区”不存在" in str(error.value)
    with db.session() as session:
        assert session.exec(select(Community).where(Community.name == "丙社区")).first() is None
    summary = import_grids(db, path, create_communities=True)
    assert summary.communities_created == ["丙社区", "丁村"] and summary.created == 2
    with db.session() as session:
        assert session.exec(select(Community.kind).where(Community.name == "丁村")).one() == "村"


def test_excel_file_without_required_columns_is_refused(db, office, tmp_path):
    path = _sheet(tmp_path / "缺列.xlsx", [["A-01"]], headers=("网格编号",))
    with pytest.raises(ExcelFileError, match="缺少必需的列：网格名称（也可写作 名称、网格名）；所属社区"):
        import_grids(db, path)


# --- GeoJSON areas ------------------------------------------------------------------------------------
def _collection(*features) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def _feature(code, geometry, key="code") -> dict:
    return {"type": "Feature", "properties": {key: code}, "geometry": geometry}


def _write(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_geojson_import_stores_areas_for_the_community(db, office, tmp_path):
    path = _write(tmp_path / "甲 社区.geojson", _collection(
        _feature("A-01", square(0, 0)), _feature("a-02", square(100, 0), key="网格编号"),
        _feature("A-03", {"type": "MultiPolygon", "coordinates": [square(0, 100)["coordinates"],
                                                                  square(200, 200)["coordinates"]]}, key="grid_code")))
    summary = import_geojson(db, "甲社区", path)
    areas = {a.code: a for a in list_grid_areas(db, office["communities"]["甲社区"])}
    assert (summary.updated, summary.untouched) == (3, 0)
    assert set(areas) == {"A-01", "A-02", "A-03"} and len(areas["A-03"].polygons) == 2
    assert label_point(areas["A-01"].polygons) == pytest.approx((50.0, 50.0))
    exported = export_geojson(db, office["communities"]["甲社区"])
    assert sorted(f["properties"]["code"] for f in exported["features"]) == ["A-01", "A-02", "A-03"]


@pytest.mark.parametrize("features, message", [
    ([_feature("A-01", {"type": "Point", "coordinates": [1, 2]})], "几何类型是“Point”"),
    ([_feature("A-01", {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]})], "至少需要 4 个"),
    ([_feature("A-01", {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]})], "没有闭合"),
    ([_feature("A-01", {"type": "Polygon", "coordinates": [[[0, 0], [1, "x"], [1, 1], [0, 0]]]})], "不是有限的数字"),
    ([_feature("A-01", {"type": "Polygon", "coordinates": [[[0, 0], [1, 1e999], [1, 1], [0, 0]]]})], "不是有限的数字"),
    ([_feature("Z-99", square(0, 0))], "没有这个网格编号"),
    ([_feature("B-01", square(0, 0))], "该网格属于“乙村”"),
    ([_feature("A-01", square(0, 0)), _feature("A-01", square(5, 5))], "与第 2 个要素重复"),
    ([{"type": "Feature", "properties": {"名称": "无编号"}, "geometry": square(0, 0)}], "没有网格编号"),
])
def test_bad_geojson_gets_a_clear_error_and_changes_nothing(db, office, tmp_path, features, message):
    good = _feature("A-02", square(100, 0))
    path = _write(tmp_path / "坏.geojson", _collection(good, *features))
    with pytest.raises(GeoJsonImportError) as error:
        import_geojson(db, "甲社区", path)
    assert message in str(error.value) and "没有导入任何网格范围" in str(error.value)
    assert list_grid_areas(db) == []


@pytest.mark.parametrize("content, message", [
    ('{"type": "FeatureCollection", "features": [', "JSON 格式错误"),
    ('{"type": "Feature"}', "应为 FeatureCollection"),
    ('{"type": "FeatureCollection", "features": []}', "没有任何要素"),
])
def test_unusable_geojson_files(db, office, tmp_path, content, message):
    path = tmp_path / "x.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GeoJsonImportError, match=message):
        import_geojson(db, "甲社区", path)


def test_geojson_for_an_unknown_community(db, office, tmp_path):
    path = _write(tmp_path / "x.geojson", _collection(_feature("A-01", square(0, 0))))
    with pytest.raises(GeoJsonImportError, match="没有名为“不存在社区”的社区。现有社区：甲社区、乙村"):
        import_geojson(db, "不存在社区", path)


def test_traced_area_is_stored_in_image_pixels(db, office):
    grid_id = office["grids"]["A-01"]
    save_traced_area(db, grid_id, [(10, 20), (110, 20), (110, 80)])
    with pytest.raises(GridInputError, match="至少要点 3 个"):
        save_traced_area(db, grid_id, [(10, 20), (10, 20), (30, 40)])
    with db.session() as session:
        text = session.get(Grid, grid_id).area_geojson
    polygons, frame = parse_geometry(json.loads(text))
    assert frame == IMAGE_FRAME
    assert polygons == [[[(10.0, -20.0), (110.0, -20.0), (110.0, -80.0), (10.0, -20.0)]]]


# --- PDFs --------------------------------------------------------------------------------------------
def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_grid_duty_pdf_masks_phones(db, office, tmp_path):
    path = tmp_path / "责任 表.pdf"
    write_grid_duty_pdf(db, path, today=TODAY)
    text = _pdf_text(path)
    assert "测试街道人大工委网格责任表" in text and "甲社区" in text and "乙村" in text
    assert "代表1（区人大代表）" in text and "13900000001" not in text
    assert "138****1111" in text and "暂无联系代表" in text and "离任者" not in text
    assert_posted_paper(path)
    assert_numbered(path)


def test_grid_duty_gives_residents_a_number_to_call_and_the_issuer(db, office, tmp_path):
    people = office["people"]
    with db.session() as session:
        set_setting(session, "hotline", "0395-7777777")
        station = Station(name="甲社区代表联络站", phone="0395-2222222")
        session.add(station)
        session.flush()
        session.get(Deputy, people["S5"]).station_id = station.id
    path = write_grid_duty_pdf(db, tmp_path / "责任表.pdf", today=TODAY)
    flat = "".join(pdf_pages(path))
    assert "0395-2222222（甲社区）" in flat          # A-03 and B-02: their deputy's station
    assert "0395-7777777（工委热线）" in flat         # the others: the office's hotline
    assert "居民联系电话" in flat and "测试街道人大工委热线0395-7777777" in flat
    assert flat.endswith("测试街道人大工委2026年11月20日第1页，共1页")   # issuer and date at the foot
    assert_posted_paper(path)


def test_coverage_summary_pdf_is_one_page(db, office, tmp_path):
    path = tmp_path / "覆盖.pdf"
    write_coverage_pdf(db, path, today=TODAY)
    reader = PdfReader(path)
    text = _pdf_text(path)
    assert len(reader.pages) == 1
    for expected in ("60.0%", "85.7%", "A-01", "B-01", "A-02", "代表7", "甲社区", "66.7%", "50.0%"):
        assert expected in text, expected
    assert re.search(r"(?<![\d.])\d+%", text) is None      # every rate with one decimal
    assert "".join(pdf_pages(path)).endswith("测试街道人大工委2026年11月20日第1页，共1页只统计在任代表")
    assert_posted_paper(path)


def test_coverage_summary_of_a_district_counts_the_other_communities_as_communities(db, office, tmp_path):
    for number in range(25):
        community = save_community(db, CommunityInput(f"新区{number:02d}社区"))
        grid = save_grid(db, GridInput(f"X-{number:02d}", f"新区{number:02d}网格", community))
        set_grid_deputies(db, grid, [office["people"]["S6"]])
    text = "".join(pdf_pages(write_coverage_pdf(db, tmp_path / "区.pdf", today=TODAY)))
    assert "有缺口的社区（村）：2个；其余25个社区（村）的网格全部有代表" in text
    assert "其余25个网格" not in text


def test_nothing_to_print_for_an_office_without_grids(db, tmp_path):
    create_empty_office(db, "空街道人大工委")
    for writer in (write_grid_duty_pdf, write_coverage_pdf):
        with pytest.raises(NothingToPrintError):
            writer(db, tmp_path / "空.pdf", today=TODAY)
    assert not (tmp_path / "空.pdf").exists()


def test_a_scanned_map_is_stored_even_when_the_community_name_has_a_slash_or_colon(db, tmp_path):
    """The stored file is named after the community: / and : (which Windows forbids) must not break it."""
    scan = tmp_path / "扫描 地图.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n")
    community = save_community(db, CommunityInput("城南/城北:联合社区"))
    stored = store_map_image(db, community, scan)
    path = db.attachments_dir / stored
    assert path.is_file() and path.parent == db.attachments_dir / "地图"
    assert path.name.startswith("城南_城北_联合社区-")


def test_the_printed_map_is_titled_after_the_office_and_community(db, office):
    assert map_title(db, "甲社区") == "测试街道人大工委甲社区网格图"
