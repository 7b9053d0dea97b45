"""The grid map on paper, drawn by a service (no Qt): every grid labelled, community names, the
legend, the issuer and date; and `gridoffice print map` from the command line."""
import datetime as dt
import re

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlmodel import select

from conftest import run_cli
from gridoffice.db import Database
from gridoffice.domain import Community, Grid
from gridoffice.services.common.lookups import find_community
from gridoffice.services.common.typography import NothingToPrintError
from gridoffice.services.grids.areas import save_traced_area, store_map_image
from gridoffice.services.grids.legend import OPINIONS
from gridoffice.services.grids.map_pdf import write_map_pdf
from tests.paper_checks import assert_no_bracket_at_line_end, pdf_pages

TODAY = dt.date(2026, 12, 6)


@pytest.fixture
def demo(demo_file):
    with Database.open(demo_file) as db:
        yield db


def codes_and_communities(db: Database, community_id: int | None = None) -> tuple[list[str], list[str]]:
    with db.session() as session:
        query = select(Grid.code, Community.name).join(Community, Community.id == Grid.community_id)
        if community_id is not None:
            query = query.where(Grid.community_id == community_id)
        rows = session.exec(query).all()
    return [code for code, _name in rows], sorted({name for _code, name in rows})


def test_a_community_map_labels_every_grid_and_names_the_community(demo, tmp_path):
    community = find_community(demo, "江滨")
    path = write_map_pdf(demo, tmp_path / "江滨 地图.pdf", community_id=community.id, today=TODAY)
    reader = PdfReader(path)
    assert len(reader.pages) == 1 and reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    [flat] = pdf_pages(path)
    codes, names = codes_and_communities(demo, community.id)
    assert codes and all(code in flat for code in codes)          # every grid labelled
    assert flat.count("江滨社区") >= 2                              # in the title, and on the map
    assert "锦塘街道人大工委江滨社区网格图" in flat and "按覆盖情况着色" in flat
    assert "图例：" in flat and "无代表" in flat and "1–3名代表" in flat and "超过3名代表" in flat
    assert "锦塘街道人大工委制图日期：2026年12月6日" in flat       # the issuer and the date at the foot
    assert_no_bracket_at_line_end(path)


def test_the_whole_office_on_one_page_names_every_community(demo, tmp_path):
    path = write_map_pdf(demo, tmp_path / "全部.pdf", community_id=None, today=TODAY, mode=OPINIONS)
    [flat] = pdf_pages(path)
    codes, names = codes_and_communities(demo)
    assert all(name in flat for name in names)
    assert all(code in flat for code in codes)
    assert "按未办结意见着色" in flat and "无未办结意见" in flat and "6件及以上" in flat


def test_areas_traced_on_a_scanned_map_print_over_it(demo, tmp_path):
    community = find_community(demo, "石岗村")
    scan = tmp_path / "扫描 地图.png"
    Image.new("RGB", (400, 300), (230, 230, 210)).save(scan)
    store_map_image(demo, community.id, scan)
    with demo.session() as session:
        grid_id = session.exec(select(Grid.id).where(Grid.community_id == community.id).order_by(Grid.code)).first()
    save_traced_area(demo, grid_id, [(20, 20), (200, 20), (200, 150), (20, 150)])
    path = write_map_pdf(demo, tmp_path / "底图.pdf", community_id=community.id, today=TODAY)
    page = PdfReader(path).pages[0]
    assert len(page.images) == 1                     # the scan is under the areas
    [flat] = pdf_pages(path)
    assert "JT-11-01" in flat and "另有" in flat      # the others have no area on the scan yet: said so
    plain = write_map_pdf(demo, tmp_path / "无底图.pdf", community_id=community.id, today=TODAY, with_image=False)
    assert not PdfReader(plain).pages[0].images


def test_no_map_without_areas(demo, tmp_path):
    community = find_community(demo, "石岗村")
    with demo.session() as session:
        for grid in session.exec(select(Grid).where(Grid.community_id == community.id)):
            grid.area_geojson = ""
    with pytest.raises(NothingToPrintError, match="石岗村的网格还没有范围"):
        write_map_pdf(demo, tmp_path / "无.pdf", community_id=community.id, today=TODAY)
    assert not (tmp_path / "无.pdf").exists()


def test_cli_prints_the_map_of_a_community_named_in_short(demo_file, tmp_path):
    target = tmp_path / "地图 输出" / "江滨.pdf"
    result = run_cli("print", "map", "--community", "江滨", "-o", str(target), "--db", str(demo_file))
    assert result.returncode == 0, result.stderr
    assert "已生成网格地图" in result.stdout and "JT-05-01" in "".join(pdf_pages(target))
    ambiguous = run_cli("print", "map", "--community", "社区", "-o", str(tmp_path / "x.pdf"), "--db", str(demo_file))
    assert ambiguous.returncode == 2 and "对应多个社区（村）" in ambiguous.stderr and "西园社区" in ambiguous.stderr
    unknown = run_cli("print", "map", "--community", "无此社区", "-o", str(tmp_path / "x.pdf"), "--db", str(demo_file))
    assert unknown.returncode == 2 and "没有名为“无此社区”的社区（村）" in unknown.stderr
    wrong = run_cli("print", "map", "--color", "红色", "-o", str(tmp_path / "x.pdf"), "--db", str(demo_file))
    assert wrong.returncode == 2
    assert not (tmp_path / "x.pdf").exists()
    every = run_cli("print", "map", "--color", "opinions", "-o", str(tmp_path / "全部.pdf"), "--db", str(demo_file))
    assert every.returncode == 0 and re.search("全部社区网格图", "".join(pdf_pages(tmp_path / "全部.pdf")))
