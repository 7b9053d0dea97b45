"""The grid import with spreadsheets as clerks receive them: every format, a title row, a
community merged down its grids, synonyms, GBK CSV, several sheets; the preview's plan, the
exact grids stored and the exact warnings; every refusal writes nothing."""
import pytest
from sqlmodel import select

from gridoffice.cli import main
from gridoffice.db import Database
from gridoffice.domain import Community, Grid
from gridoffice.services.common.excel_io import ExcelImportError, RowError, SheetChoiceNeeded
from gridoffice.services.grids.excel import (UnknownCommunitiesError, apply_grid_import, import_grids,
                                             read_grid_import)
from tests.sheet_fixtures import write_csv, write_table

FORMATS = ["xlsx", "xls", "ods", "csv"]


@pytest.fixture
def office(db):
    with db.session() as session:
        session.add_all([Community(name="东城社区"), Community(name="西园社区")])
    return db


def grids(db) -> list[tuple]:
    with db.session() as session:
        names = dict(session.exec(select(Community.id, Community.name)).all())
        return [(g.code, g.name, names[g.community_id], g.worker_name, g.worker_phone, g.households, g.population)
                for g in session.exec(select(Grid).order_by(Grid.id))]


TITLED = [
    ["东城街道网格划分及网格员名单"],
    ["编号", "名称", "社区（村）", "网格员姓名", "网格员手机", "总户数", "常住人口", "备注"],
    ["DC-01", "东城第1网格", "东城社区", "王芳", 13800001111, 320, 900.0, "x"],
    ["DC-02", "东城第2网格", None, "李强", 3951234567, 280, 810, None],
    ["XY-01", "西园第1网格", "西园社区", "赵敏", "", None, None, None],
]
MERGES = [(0, 0, 0, 7), (2, 3, 2, 2)]    # the title; 东城社区 merged over its two grids


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_titled_grid_list_with_a_merged_community_imports_every_grid(office, tmp_path, fmt):
    rows = [list(row) for row in TITLED]
    if fmt == "csv":
        rows[3][2] = "东城社区"
    path = write_table(tmp_path / f"网格 名单.{fmt}", fmt, {"网格": rows}, merges={"网格": MERGES})
    plan = read_grid_import(office, path)
    assert plan.reading.columns == {"网格编号": "编号", "网格名称": "名称", "所属社区": "社区（村）", "网格员": "网格员姓名",
                                    "网格员电话": "网格员手机", "户数": "总户数", "人口": "常住人口"}
    assert plan.reading.unused == ["备注"]
    assert plan.warnings == [RowError(4, "网格员电话", "“3951234567”开头的 0 丢失了（Excel 把号码当成了数字），"
                                                     "已按“03951234567”导入，请核对区号。", "E4")]
    assert (plan.refused, plan.new_codes, plan.unknown_communities) == ([], ["DC-01", "DC-02", "XY-01"], [])
    assert plan.outcome() == "将新增 3 个网格，更新 0 个网格。"
    summary = apply_grid_import(office, plan)
    assert summary.describe() == "已导入网格：新增 3 个，更新 0 个。"
    assert grids(office) == [("DC-01", "东城第1网格", "东城社区", "王芳", "13800001111", 320, 900),
                             ("DC-02", "东城第2网格", "东城社区", "李强", "03951234567", 280, 810),
                             ("XY-01", "西园第1网格", "西园社区", "赵敏", "", 0, 0)]


def test_a_gbk_csv_grid_list_and_a_refused_row_write_nothing(office, tmp_path):
    path = write_csv(tmp_path / "网格.csv", [["网格编号", "网格名称", "所属社区", "网格员", "网格员电话", "户数"],
                                            ["DC-01", "东城第1网格", "东城社区", "刘?", "110105197503011234", "12"],
                                            ["DC-02", "东城第2网格", "新的社区", "", "", "-3"]], "gb18030")
    plan = read_grid_import(office, path)
    assert plan.reading.source == "读取了 CSV 文本文件（编码 GBK/GB18030），表头在第 1 行。"
    assert plan.refused == [
        RowError(2, "网格员电话", "这一格像是身份证号码，不是电话号码（本程序不保存身份证号码）。请删除或改填电话。", "E2"),
        RowError(2, "网格员", "“刘?”含有“?”，像是生僻字在转换编码（如存为 GBK）时变成了问号。请改正后再导入。", "D2"),
        RowError(3, "户数", "户数不能为负数。", "F3"),
    ]
    with pytest.raises(ExcelImportError):
        apply_grid_import(office, plan, create_communities=True)
    with pytest.raises(ExcelImportError):
        import_grids(office, path, create_communities=True)
    assert grids(office) == []
    with office.session() as session:
        assert len(session.exec(select(Community)).all()) == 2


def test_unknown_communities_wait_for_the_clerk(office, tmp_path):
    path = write_table(tmp_path / "新社区.ods", "ods", {"网格": [["网格编号", "网格名称", "社区"], ["XQ-01", "新区第1网格", "新区社区"]]})
    plan = read_grid_import(office, path)
    assert plan.outcome() == "将新增 1 个网格，更新 0 个网格；文件中有 1 个社区尚不存在（新区社区）。"
    with pytest.raises(UnknownCommunitiesError) as caught:
        apply_grid_import(office, plan)
    assert caught.value.errors == [RowError(2, "所属社区", "社区“新区社区”不存在。请先在网格列表中新建该社区，或在导入时选择同时新建文件中的社区。",
                                            "C2")]
    assert grids(office) == []
    assert apply_grid_import(office, plan, create_communities=True).describe() == (
        "已导入网格：新增 1 个，更新 0 个。新建社区 1 个：新区社区。")


def test_several_grid_sheets_ask_which_and_the_command_line_names_it(office, db_path, tmp_path, capsys):
    header = ["网格编号", "网格名称", "所属社区"]
    path = write_table(tmp_path / "两表.xlsx", "xlsx", {"东城": [header, ["DC-01", "东城第1网格", "东城社区"]],
                                                        "西园": [header, ["XY-01", "西园第1网格", "西园社区"]]})
    with pytest.raises(SheetChoiceNeeded):
        read_grid_import(office, path)
    office.close()
    code = main(["import", "grids", str(path), "--db", str(db_path), "--sheet", "西园", "--dry-run"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert out.splitlines() == ["文件：两表.xlsx（Excel 工作簿）", "读取了工作表“西园”（共 2 个工作表），表头在第 1 行。",
                                "导入的列：网格编号、网格名称、所属社区。", "有效数据 1 行。", "将新增 1 个网格，更新 0 个网格。",
                                "试运行：没有写入任何数据。"]
    code = main(["import", "grids", str(path), "--db", str(db_path), "--sheet", "西园"])
    assert code == 0 and capsys.readouterr().out.splitlines()[-1] == "已导入网格：新增 1 个，更新 0 个。"
    with Database.open(db_path, lock=False) as db:
        assert [row[0] for row in grids(db)] == ["XY-01"]
