"""`gridoffice selftest`: the installation, and the office's own database read only, each said as such.

The issue: a damaged office sent the clerk to 系统自检, which tested a temporary database and
said "自检通过". Now the report names what it checked: 本机安装 (the temporary database, fonts,
PDF) and 办公室数据库 <path>：完好 / 损坏 with the reason, and never creates or changes the file.
"""
import hashlib
from pathlib import Path

import pytest

from gridoffice.cli import main as cli_main
from gridoffice.services.office.selftest import run_selftest

from tests.backup_support import add_dangling_reference, damage_a_page, make_office


def _files_beside(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.iterdir()) if p.is_file()}


def _selftest(capsys, *args: str) -> tuple[int, list[str]]:
    code = cli_main(["selftest", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out.splitlines()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return make_office(tmp_path / "办公 室" / "台账.sqlite", "锦塘街道人大工委", stations=3)


def test_a_sound_office_is_said_to_be_sound_and_is_not_touched(office, capsys):
    before = _files_beside(office)
    code, lines = _selftest(capsys, "--db", str(office))
    assert code == 0
    assert lines[0].startswith("本机安装") and any("PDF 与内嵌字体" in line for line in lines)
    assert f"办公室数据库 {office}：完好。完整性检查和关联检查都通过" in "\n".join(lines)
    assert lines[-1] == "自检通过。"
    assert _files_beside(office) == before   # not even an empty -wal or -shm beside it


@pytest.mark.parametrize("damage, said", [
    (damage_a_page, "数据库文件已损坏"),
    (add_dangling_reference, "有 1 条记录引用了不存在的记录（关联错误）"),
], ids=["flipped", "dangling"])
def test_a_damaged_office_fails_the_selftest_with_the_reason(office, capsys, damage, said):
    damage(office)
    before = _files_beside(office)
    code, lines = _selftest(capsys, "--db", str(office))
    assert code == 1
    (line,) = [line for line in lines if line.startswith("办公室数据库")]
    assert line.startswith(f"办公室数据库 {office}：损坏。") and said in line and "从最近的备份恢复" in line
    assert "malformed" not in line and "FOREIGN" not in line
    assert lines[-1] == "自检发现问题。"
    assert all(line.startswith("  通过") for line in lines[1:-2])   # the installation itself is fine
    assert _files_beside(office) == before


def test_a_database_named_that_is_not_there_is_said_and_not_created(tmp_path, capsys):
    missing = tmp_path / "打错的名字.sqlite"
    code, lines = _selftest(capsys, "--db", str(missing))
    assert code == 1 and f"办公室数据库 {missing}：不存在。没有这个文件，未检查。请检查路径。" in lines
    assert not missing.exists() and list(tmp_path.iterdir()) == []


def test_by_default_the_office_database_in_the_data_folder_is_checked(tmp_path, monkeypatch, capsys):
    default = tmp_path / "数据 文件夹" / "gridoffice.sqlite"
    monkeypatch.setenv("GRIDOFFICE_DATA_DIR", str(default.parent))
    code, lines = _selftest(capsys)
    assert code == 0 and f"办公室数据库 {default}：不存在。没有这个文件，未检查。首次使用时由程序建立，不需要检查。" in lines
    assert not default.exists()
    make_office(default, "锦塘街道人大工委")
    code, lines = _selftest(capsys)
    assert code == 0 and any(line.startswith(f"办公室数据库 {default}：完好。") for line in lines)


def test_the_report_without_a_database_says_so():
    report = run_selftest()
    assert report.ok and "办公室数据库：未检查（没有指定数据库）。" in report.lines()
