"""`gridoffice import deputies` prints the preview the GUI shows; --dry-run writes nothing; --sheet
names the sheet; a refused file or undecided duplicates exit 2 having written nothing."""
import pytest
from sqlmodel import select

from gridoffice.cli import main
from gridoffice.db import Database
from gridoffice.domain import Deputy
from gridoffice.services.roster.deputies import DeputyData, create_deputy
from tests.roster_fixtures import FIRST_STATION, TODAY, build_small_office
from tests.sheet_fixtures import write_table

HEADER = ["序号", "代表姓名", "手机号码", "代表层级", "进站"]


@pytest.fixture
def office_file(db_path):
    with Database.open(db_path) as db:
        build_small_office(db)
        create_deputy(db, DeputyData(name="刘䶮", levels="区", mobile="13900001111"), today=TODAY)
    return db_path


def names(db_path) -> list[str]:
    with Database.open(db_path, lock=False) as db, db.session() as session:
        return list(session.exec(select(Deputy.name).order_by(Deputy.id)))


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_prints_the_preview_and_writes_nothing(office_file, tmp_path, capsys):
    path = write_table(tmp_path / "名册.xls", "xls", {"名册": [["东城街道代表名册"], HEADER,
                                                              [1, "张利霞", 13800001234, "区", FIRST_STATION],
                                                              [2, "赵六", 3951234567, "区", FIRST_STATION]]},
                       merges={"名册": [(0, 0, 0, 4)]})
    code, out, err = run(capsys, "import", "deputies", str(path), "--db", str(office_file), "--dry-run")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "文件：名册.xls（Excel 97-2003 工作簿）",
        "读取了工作表“名册”，表头在第 2 行。",
        "导入的列：姓名（“代表姓名”）、手机（“手机号码”）、代表层级、所属联络站（“进站”）。",
        "未导入的列：序号。",
        "有效数据 2 行。",
        "警告 2 处（已按说明处理，请核对）：",
        "  第 4 行“手机”列（C4）：“3951234567”开头的 0 丢失了（Excel 把号码当成了数字），已按“03951234567”导入，请核对区号。",
        "  第 4 行“手机”列（C4）：“03951234567”是固定电话，已作为办公电话导入。",
        "将新增 2 人，更新 0 人。",
        "试运行：没有写入任何数据。",
    ]
    assert names(office_file) == ["刘䶮"]
    code, out, err = run(capsys, "import", "deputies", str(path), "--db", str(office_file))
    assert code == 0 and out.splitlines()[-1] == "导入完成：新增 2 人。"
    assert names(office_file) == ["刘䶮", "张利霞", "赵六"]


def test_a_refused_file_lists_every_problem_and_exits_2(office_file, tmp_path, capsys):
    path = write_table(tmp_path / "坏.csv", "csv", {"": [HEADER, [1, "刘?", "13800001234", "区", ""],
                                                          [2, "王五", "13800001235", "村", ""]]}, encoding="gb18030")
    code, out, err = run(capsys, "import", "deputies", str(path), "--db", str(office_file))
    assert code == 2
    assert out.splitlines()[-1] == "有效数据 0 行。被拒绝 2 行。"
    assert err.splitlines() == [
        "文件中有 2 行被拒绝，没有导入任何数据。请改正后重新导入。",
        "被拒绝的行（共 2 处问题；有被拒绝的行时整个文件都不会导入）：",
        "  第 2 行“姓名”列（B2）：姓名“刘?”含有“?”，像是生僻字在转换编码（如存为 GBK）时变成了问号。请改正为正确的姓名后再导入。",
        "  第 3 行“代表层级”列（D3）：代表层级“村”无效，应为 全国、省、市、区、乡镇 之一。"]
    assert names(office_file) == ["刘䶮"]


def test_the_sheet_is_named_when_several_match(office_file, tmp_path, capsys):
    rows = [HEADER, [1, "张利霞", "13800001234", "区", ""]]
    path = write_table(tmp_path / "两表.xlsx", "xlsx", {"甲": rows, "乙": [HEADER, [1, "赵六", "", "区", ""]]})
    code, out, err = run(capsys, "import", "deputies", str(path), "--db", str(office_file))
    assert code == 2 and "“两表.xlsx”中有 2 个工作表都有所需的表头：“甲”、“乙”" in err and "--sheet" in err
    code, out, err = run(capsys, "import", "deputies", str(path), "--db", str(office_file), "--sheet", "乙")
    assert code == 0 and "读取了工作表“乙”（共 2 个工作表），表头在第 1 行。" in out
    assert names(office_file) == ["刘䶮", "赵六"]


def test_possible_duplicates_are_listed_until_the_clerk_decides(office_file, tmp_path, capsys):
    path = write_table(tmp_path / "可能重复.ods", "ods", {"名册": [HEADER, [1, "刘艳", 13900001111, "区", ""]]})
    code, out, err = run(capsys, "import", "deputies", str(path), "--db", str(office_file))
    assert code == 2 and "  第 2 行 刘艳 139****1111：手机与名册中的“刘䶮”相同，姓名不同" in out
    assert "--possible-duplicates" in err and names(office_file) == ["刘䶮"]
    code, out, err = run(capsys, "import", "deputies", str(path), "--db", str(office_file),
                         "--possible-duplicates", "add")
    assert code == 0 and out.splitlines()[-1] == "导入完成：新增 1 人。"
    assert names(office_file) == ["刘䶮", "刘艳"]
