"""Every command, fed malformed values: exit 2, a Chinese message, never a traceback, nothing written.

Out-of-range years and months (`schedule --from 0000-01`, `--from 9999-12 --months 24` printed
tracebacks), malformed dates, negative and absurd counts, unknown names, files that are missing,
folders or the wrong kind. The office's database must come out byte-identical and no output
file may appear. Then the database itself: damaged, on a write-protected stick, on a full disk.
"""
import hashlib
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from gridoffice.cli import main as cli_main
from gridoffice.db import Database, storage
from gridoffice.domain import Deputy, metadata

from tests.backup_support import damage_a_page
from tests.storage_support import make_read_only, tiny_filesystem

CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = ("Traceback", "Error", "Errno", "No such", "denied", "invalid", "out of range", "malformed",
           "Is a directory", "expected", "usage:", "required", "database")

BAD_VALUES = [
    # the reception calendar
    ("schedule", "--from", "0000-01"),
    ("schedule", "--from", "9999-12", "--months", "24"),
    ("schedule", "--from", "2099-12", "--months", "24"),
    ("schedule", "--from", "2027-13"),
    ("schedule", "--from", "2027-1-5"),
    ("schedule", "--from", "明年一月"),
    ("schedule", "--from", ""),
    ("schedule", "--from", "2027-01", "--months", "-1"),
    ("schedule", "--from", "2027-01", "--months", "0"),
    ("schedule", "--from", "2027-01", "--months", "25"),
    ("schedule", "--from", "2027-01", "--months", "三"),
    ("schedule", "--from", "2027-01", "--months", "1e3"),
    ("schedule", "--from", "2027-01", "--months", "99999999999999999999999"),
    ("schedule", "--from", "2027-01", "--station", "火星站", "--save"),
    ("schedule", "--from", "2027-01", "--station", " "),
    ("schedule",),
    ("print", "duty-roster", "--month", "0000-01", "-o", "{out}/值班.pdf"),
    ("print", "duty-roster", "--month", "9999-12", "-o", "{out}/值班.pdf"),
    ("print", "duty-roster", "--month", "2027-00", "-o", "{out}/值班.pdf"),
    ("print", "duty-roster", "--month", "2026-12", "--station", "火星站", "-o", "{out}/值班.pdf"),
    ("print", "duty-roster", "--month", "2026-12", "-o", "{out}/值班.docx"),
    ("print", "duty-roster", "--month", "2026-12", "-o", "{out}"),
    ("print", "notice", "--date", "0000-01-01", "-o", "{out}/公告.pdf"),
    ("print", "notice", "--date", "9999-12-31", "-o", "{out}/公告.pdf"),
    ("print", "notice", "--date", "2027-02-30", "-o", "{out}/公告.pdf"),
    ("print", "notice", "--date", "昨天", "-o", "{out}/公告.pdf"),
    ("print", "notice", "--date", "2026-11-20", "--station", "火星站", "-o", "{out}/公告.pdf"),
    ("export", "reception", "{out}/接待.csv"),
    ("export", "reception", "{out}"),
    # visits and opinions
    ("export", "activities", "{out}/走访.xlsx", "--from", "2026-13-01"),
    ("export", "activities", "{out}/走访.xlsx", "--to", "9999-12-31"),
    ("export", "activities", "{out}/走访.xlsx", "--from", "2027-01-01", "--to", "2026-01-01"),
    ("export", "activities", "{out}/走访.xlsx", "--kind", "跳舞"),
    ("export", "opinions", "{out}/意见.xlsx", "--today", "0001-01-01"),
    ("export", "opinions", "{out}/意见.xlsx", "--status", "乱"),
    ("export", "opinions", "{out}/意见.xlsx", "--from", "2026-02-30"),
    ("export", "opinions", "{out}/意见.txt"),
    ("print", "assignment", "--opinion", "99999999999999999999999", "-o", "{out}/交办单.pdf"),
    ("print", "assignment", "--opinion", "²", "-o", "{out}/交办单.pdf"),
    ("print", "assignment", "--opinion", "1999-0001", "-o", "{out}/交办单.pdf"),
    ("print", "assignment", "--opinion", "2026-0001", "--today", "9999-12-31", "-o", "{out}/交办单.pdf"),
    ("print", "supervision", "--opinion", "-5", "-o", "{out}/督办单.pdf"),
    ("print", "reply-notice", "--opinion", "abc", "-o", "{out}/告知书.pdf"),
    ("print", "reply-notice", "--opinion", "1", "-o", "{out}/告知书.txt"),
    ("overdue", "--today", "9999-12-31"),
    ("overdue", "--today", "2026-1-1x"),
    # the roster
    ("import", "deputies", "{missing}"),
    ("import", "deputies", "{text}"),
    ("import", "deputies", "{out}"),
    ("import", "deputies", "{text}", "--duplicates", "no"),
    ("export", "deputies", "{out}/名册.txt"),
    ("export", "deputies", "{out}"),
    ("print", "roster", "-o", "{out}/名册.txt"),
    ("print", "board", "--station", "火星站", "-o", "{out}/公示牌.pdf"),
    ("print", "board", "-o", "{out}/公示牌.png"),
    # grids
    ("import", "grids", "{missing}"),
    ("import", "grids", "{text}"),
    ("export", "grids", "{out}/网格.txt"),
    ("import", "geojson", "--community", "火星社区", "{json}"),
    ("import", "geojson", "--community", "西园社区", "{missing}"),
    ("import", "geojson", "--community", "西园社区", "{text}"),
    ("print", "grid-duty", "-o", "{out}/责任表.txt"),
    ("print", "coverage", "-o", "{out}"),
    # the foundation
    ("demo", "--scale", "huge"),
    ("demo",),   # the office has data: refused without --force
    ("selftest", "--bogus"),
    # backups
    ("backup", "--to", "{missing_folder}"),
    ("backup", "--to", "{text}"),
    ("backup", "--to", "{out}", "--password-file", "{missing}"),
    ("verify", "{missing}"),
    ("verify", "{text}"),
    ("restore", "{missing}", "--yes"),
    ("restore", "{text}", "--yes"),
    # names nobody knows
    ("no-such-command",),
    ("export", "nothing", "{out}/x.xlsx"),
]


@pytest.fixture
def place(tmp_path: Path, demo_template: Path, backend, request) -> dict[str, Path | str]:
    """The office (a copy of the demo: a file in a folder of its own, or a database on the server) and
    the files and folders the bad values point at."""
    if backend == "postgresql":
        office = request.getfixturevalue("demo_file")
    else:
        office = tmp_path / "办公 室" / "台账.sqlite"
        office.parent.mkdir()
        shutil.copyfile(demo_template, office)
    text = tmp_path / "说明.txt"
    text.write_text("这不是表格，也不是备份。\n", encoding="utf-8")
    junk = tmp_path / "范围.json"
    junk.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    out = tmp_path / "输出"
    out.mkdir()
    return {"office": office, "out": out, "text": text, "json": junk, "missing": tmp_path / "没有这个文件.xlsx",
            "missing_folder": tmp_path / "没有这个文件夹"}


def _fill(args: tuple[str, ...], place: dict[str, Path]) -> list[str]:
    return [re.sub(r"\{(\w+)\}", lambda m: str(place[m[1]]), arg) for arg in args]


def _state(office: Path | str) -> dict[str, str | int]:
    """A file's folder: every file's bytes but the lock file's (its holder line changes). On a server:
    the rows of every table, the audit log's among them (every write adds to it)."""
    if isinstance(office, Path):
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(office.parent.iterdir()) if p.is_file() and not p.name.endswith(".lock")}
    with Database.open(office) as db, db.engine.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in metadata.sorted_tables}


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = cli_main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _said_in_chinese(err: str, out: str = "") -> None:
    assert CHINESE.search(err), err
    for word in ENGLISH:
        assert word not in err and word not in out, (word, err)


@pytest.mark.parametrize("args", BAD_VALUES, ids=lambda args: " ".join(args))
def test_a_bad_value_exits_2_in_chinese_and_changes_nothing(args, place, capsys):
    office = place["office"]
    before = _state(office)
    code, out, err = _run(capsys, [*_fill(args, place), "--db", str(office)])
    assert code == 2, (out, err)
    _said_in_chinese(err, out)
    assert _state(office) == before   # the database byte for byte, nothing beside it (on a server: no row more or less)
    assert list(place["out"].iterdir()) == []                         # no output file
    assert not place["missing"].exists() and not place["missing_folder"].exists()


@pytest.mark.parametrize("args", [("overdue",), ("export", "deputies", "{out}/名册.xlsx"), ("print", "coverage", "-o", "{out}/汇总.pdf")],
                         ids=lambda args: " ".join(args))
@pytest.mark.parametrize("db", ["{out}", "{text}", "{missing}"], ids=["a folder", "a text file", "a typo"])
def test_a_bad_db_path_exits_2_and_creates_nothing(args, db, place, capsys):
    code, out, err = _run(capsys, [*_fill(args, place), "--db", _fill((db,), place)[0]])
    assert code == 2, (out, err)
    _said_in_chinese(err, out)
    assert list(place["out"].iterdir()) == [] and not place["missing"].exists()


# --- the database itself: damaged, read-only, full -----------------------------------------------------
WRITING = [
    ("import", "deputies", "{text}"),
    ("import", "grids", "{text}"),
    ("import", "geojson", "--community", "西园社区", "{json}"),
    ("schedule", "--from", "2027-01", "--save"),
    ("demo", "--force"),
]


@pytest.mark.sqlite_only   # a damaged, write-protected or full SQLite file
@pytest.mark.parametrize("args", WRITING, ids=lambda args: " ".join(args))
def test_a_command_that_writes_refuses_a_damaged_database(args, tmp_path, capsys):
    from tests.backup_support import make_office

    place = {"text": tmp_path / "说明.txt", "json": tmp_path / "范围.json"}
    place["text"].write_text("x", encoding="utf-8")
    place["json"].write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    office = make_office(tmp_path / "办公 室" / "台账.sqlite", "锦塘街道人大工委")
    damage_a_page(office)
    before = office.read_bytes()
    code, out, err = _run(capsys, [*_fill(args, place), "--db", str(office)])
    assert code == 2, (out, err)
    assert "数据库文件已损坏" in err and "没有执行，数据库没有任何改动" in err
    _said_in_chinese(err, out)
    assert office.read_bytes() == before


@pytest.mark.sqlite_only   # a damaged, write-protected or full SQLite file
def test_a_command_that_reads_a_damaged_database_says_it_may_be_incomplete(tmp_path, capsys):
    from tests.backup_support import make_office

    office = make_office(tmp_path / "办公 室" / "台账.sqlite", "锦塘街道人大工委")
    damage_a_page(office)
    target = tmp_path / "名册.xlsx"
    code, _out, err = _run(capsys, ["export", "deputies", str(target), "--db", str(office)])
    assert code == 0 and target.exists()   # saving what can be read is the way out
    assert "注意：数据库文件已损坏" in err and "可能不完整" in err


@pytest.mark.sqlite_only   # a damaged, write-protected or full SQLite file
def test_on_a_write_protected_stick_writing_is_refused_and_reading_works(place, tmp_path, capsys):
    with tiny_filesystem(tmp_path / "U盘", 4096) as stick:
        office = stick / "台账.sqlite"
        shutil.copyfile(place["office"], office)
        make_read_only(stick)
        code, out, err = _run(capsys, ["import", "deputies", str(place["text"]), "--db", str(office)])
        assert code == 2 and "只读位置" in err and "没有执行" in err, err
        _said_in_chinese(err, out)
        assert "损坏" not in err   # it is not damaged: a clerk told so might restore an old backup over it
        target = place["out"] / "名册.xlsx"
        code, out, err = _run(capsys, ["export", "deputies", str(target), "--db", str(office)])
        assert code == 0 and target.exists(), err


def _new_deputies(path: Path, count: int) -> Path:
    from openpyxl import Workbook

    from gridoffice.services.roster.excel import HEADERS

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(HEADERS))
    for number in range(count):
        sheet.append([f"新代表{number:03d}", "男", "汉族", "1980-01", "群众", "区", "锦塘街道某单位职员", "",
                      f"1990000{number:04d}", "", "西园片区代表联络站", "", "在任", "联系群众情况良好。" * 30])
    workbook.save(path)
    return path


@pytest.mark.sqlite_only   # a damaged, write-protected or full SQLite file
def test_importing_deputies_onto_a_full_disk_says_so_in_chinese_and_keeps_the_data(place, tmp_path, capsys):
    workbook = _new_deputies(tmp_path / "新代表.xlsx", 300)
    with tiny_filesystem(tmp_path / "小盘", 4000) as disk:
        office = disk / "台账.sqlite"
        shutil.copyfile(place["office"], office)
        with Database.open(office) as db, db.session() as session:
            deputies = session.exec(select(func.count()).select_from(Deputy)).one()
        filler = disk / "占位"
        filler.write_bytes(b"\0" * (shutil.disk_usage(disk).free - 64 * 1024))   # room to open, not to import
        code, out, err = _run(capsys, ["import", "deputies", str(workbook), "--db", str(office)])
        assert code == 2, (out, err)
        assert err.strip() == storage.DISK_FULL
        filler.unlink()
        with Database.open(office) as db, db.session() as session:
            assert session.exec(select(func.count()).select_from(Deputy)).one() == deputies
