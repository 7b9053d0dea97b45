"""The grid commands, run in-process as a clerk would: good files change the office, bad ones exit 2
and change nothing."""
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import Workbook
from pypdf import PdfReader
from sqlmodel import select

from gridoffice.cli import main as cli_main
from gridoffice.db import Database
from gridoffice.domain import Community, Grid


@pytest.fixture
def run_cli(capsys):
    """cli.main(ARGS) with what it printed: returncode, stdout, stderr."""
    def run(*args: str) -> SimpleNamespace:
        code = cli_main(list(args))
        printed = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=printed.out, stderr=printed.err)

    return run


def _grids(path: Path) -> list[tuple]:
    with Database.open(path, lock=False) as db, db.session() as session:
        return [(g.code, g.name, g.households, g.area_geojson) for g in session.exec(select(Grid).order_by(Grid.id))]


def test_export_then_import_grids(demo_file, tmp_path, run_cli):
    target = tmp_path / "网格 名单.xlsx"
    exported = run_cli("export", "grids", "--db", str(demo_file), str(target))
    assert exported.returncode == 0, exported.stderr
    assert "已导出 51 个网格" in exported.stdout
    imported = run_cli("import", "grids", "--db", str(demo_file), str(target))
    assert imported.returncode == 0, imported.stderr
    assert "新增 0 个，更新 51 个" in imported.stdout


def test_bad_grid_file_exits_2_and_changes_nothing(demo_file, tmp_path, run_cli):
    workbook = Workbook()
    workbook.active.append(["网格编号", "网格名称", "所属社区", "户数"])
    workbook.active.append(["JT-01-01", "改掉的名字", "西园社区", 100])
    workbook.active.append(["JT-99-01", "新网格", "没有的社区", -5])
    path = tmp_path / "坏 文件.xlsx"
    workbook.save(path)
    before = _grids(demo_file)
    result = run_cli("import", "grids", "--db", str(demo_file), str(path))
    assert result.returncode == 2
    assert "第 3 行“户数”列（D3）：户数不能为负数" in result.stderr and "没有导入任何数据" in result.stderr
    assert _grids(demo_file) == before


def test_unknown_community_needs_the_explicit_option(demo_file, tmp_path, run_cli):
    workbook = Workbook()
    workbook.active.append(["网格编号", "网格名称", "所属社区"])
    workbook.active.append(["XQ-01", "新区第1网格", "新区社区"])
    path = tmp_path / "新社区.xlsx"
    workbook.save(path)
    refused = run_cli("import", "grids", "--db", str(demo_file), str(path))
    assert refused.returncode == 2
    assert "社区“新区社区”不存在" in refused.stderr and "--create-communities" in refused.stderr
    accepted = run_cli("import", "grids", "--db", str(demo_file), str(path), "--create-communities")
    assert accepted.returncode == 0, accepted.stderr
    with Database.open(demo_file, lock=False) as db, db.session() as session:
        assert session.exec(select(Community).where(Community.name == "新区社区")).first() is not None


def test_import_geojson(demo_file, tmp_path, run_cli):
    ring = [[0, 0], [50, 0], [50, 50], [0, 50], [0, 0]]
    good = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"网格编号": "JT-01-01"}, "geometry": {"type": "Polygon", "coordinates": [ring]}}]}
    path = tmp_path / "西园 社区.geojson"
    path.write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    result = run_cli("import", "geojson", "--db", str(demo_file), "--community", "西园社区", str(path))
    assert result.returncode == 0, result.stderr
    assert "已为“西园社区”导入 1 个网格的范围" in result.stdout and "另有 2 个网格" in result.stdout
    assert json.loads(_grids(demo_file)[0][3])["coordinates"] == [ring]


def test_bad_geojson_exits_2_and_changes_nothing(demo_file, tmp_path, run_cli):
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "JT-01-01"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [5, 0], [5, 5], [0, 5], [0, 0]]]}},
        {"type": "Feature", "properties": {"code": "JT-01-02"},
         "geometry": {"type": "LineString", "coordinates": [[0, 0], [5, 5]]}}]}
    path = tmp_path / "坏.geojson"
    path.write_text(json.dumps(bad), encoding="utf-8")
    before = _grids(demo_file)
    result = run_cli("import", "geojson", "--db", str(demo_file), "--community", "西园社区", str(path))
    assert result.returncode == 2
    assert "第 2 个要素（网格编号 JT-01-02）：几何类型是“LineString”" in result.stderr
    assert _grids(demo_file) == before
    missing = run_cli("import", "geojson", "--db", str(demo_file), "--community", "西园社区", str(tmp_path / "无.json"))
    assert missing.returncode == 2 and "找不到文件" in missing.stderr


def test_print_grid_duty_and_coverage(demo_file, tmp_path, run_cli):
    duty = tmp_path / "网格 责任表.pdf"
    result = run_cli("print", "grid-duty", "--db", str(demo_file), "-o", str(duty))
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(duty).pages)
    assert "网格责任表" in text and "JT-01-01" in text and "****" in text
    coverage = tmp_path / "覆盖.pdf"
    assert run_cli("print", "coverage", "--db", str(demo_file), "-o", str(coverage)).returncode == 0
    assert len(PdfReader(coverage).pages) == 1
    wrong = run_cli("print", "grid-duty", "--db", str(demo_file), "-o", str(tmp_path / "表.docx"))
    assert wrong.returncode == 2 and ".pdf" in wrong.stderr
