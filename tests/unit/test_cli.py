"""The command line, run in process (`run_cli`: gridoffice.cli.main with its output captured)."""
import os
import sqlite3
from pathlib import Path

from conftest import run_cli

from gridoffice.db import Database
from gridoffice.db.migrate import head_revision
from gridoffice.services.office.setup import count_rows


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("gridoffice ")


def test_a_command_collects_rarely_and_the_window_as_usual(monkeypatch):
    """A command runs with Python's collector relaxed (it is a short process); the window, a long
    one, starts with the usual thresholds, and nothing of the command's setting outlives it."""
    import gc

    from gridoffice import cli

    usual = gc.get_threshold()
    seen = {}
    monkeypatch.setattr(cli, "_start_gui", lambda args: seen.setdefault("window", gc.get_threshold()) and 0)
    monkeypatch.setattr(cli, "_run_command", lambda args: seen.setdefault("command", gc.get_threshold()) and 0)
    cli.main([])
    cli.main(["selftest"])
    assert seen["window"] == usual
    assert seen["command"][0] >= 100_000
    assert gc.get_threshold() == usual


def test_selftest_passes():
    result = run_cli("selftest")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "自检通过" in result.stdout
    assert "PDF 与内嵌字体" in result.stdout


def test_unknown_command_exits_2_in_chinese():
    result = run_cli("no-such-command")
    assert result.returncode == 2
    assert "参数错误" in result.stderr


def test_a_top_level_option_without_its_value_gets_the_whole_usage():
    result = run_cli("--db")
    assert result.returncode == 2
    assert "参数 --db：需要一个值" in result.stderr and "子命令" in result.stderr


def test_help_names_every_area():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("demo", "selftest", "import", "export", "print", "schedule", "backup", "restore", "verify"):
        assert command in result.stdout


def test_demo_builds_then_refuses_to_overwrite_without_force(tmp_path: Path):
    path = tmp_path / "演示 数据.sqlite"
    first = run_cli("demo", "--db", str(path))
    assert first.returncode == 0, first.stderr
    with Database.open(path) as db:
        counts = count_rows(db)
    # 9 liaison stations, plus a 实践基地 and a company's 联系点 where some deputies also serve
    assert counts.deputies > 100 and counts.grids == 51 and counts.stations == 11
    before = path.read_bytes()
    refused = run_cli("demo", "--db", str(path))
    assert refused.returncode == 2
    assert "--force" in refused.stderr
    assert path.read_bytes() == before
    forced = run_cli("--db", str(path), "demo", "--force")
    assert forced.returncode == 0, forced.stderr


def test_a_command_on_a_new_path_creates_a_migrated_office(tmp_path: Path):
    path = tmp_path / "新 办公室" / "数据.sqlite"
    result = run_cli("demo", "--db", str(path))
    assert result.returncode == 0
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    connection.close()


def test_database_given_by_environment_variable(tmp_path: Path):
    path = tmp_path / "环境 变量.sqlite"
    result = run_cli("demo", env={"GRIDOFFICE_DB": str(path)})
    assert result.returncode == 0, result.stderr
    assert path.exists()
    assert "GRIDOFFICE_DB" not in os.environ   # for that call only


def test_a_command_releases_the_database_when_it_fails(tmp_path: Path):
    path = tmp_path / "数据.sqlite"
    assert run_cli("demo", "--db", path).returncode == 0
    assert run_cli("demo", "--db", path).returncode == 2   # refused: the office has data
    with Database.open(path):   # the lock was released, or this would be refused
        pass


def test_an_output_that_cannot_be_written_is_said_in_chinese_not_a_traceback(tmp_path: Path):
    db = tmp_path / "数据 库.sqlite"
    Database.open(db).close()   # a command that only reads never creates the database
    not_a_folder = tmp_path / "一个文件"
    not_a_folder.write_text("x", encoding="utf-8")
    for args in (("export", "opinions", str(not_a_folder / "意见.xlsx")),
                 ("export", "reception", str(not_a_folder / "接待.xlsx"))):
        result = run_cli(*args, "--db", str(db))
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and "无法读写" in result.stderr
