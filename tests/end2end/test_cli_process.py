"""The command line in a process of its own, as a clerk or a scheduled task runs it: the entry
point, exit codes and the console's encoding. Everything else about the commands is tested in
process (tests/unit, `run_cli`)."""
from pathlib import Path

from openpyxl import load_workbook

from conftest import run_cli_process


def test_version():
    result = run_cli_process("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("gridoffice ")


def test_help_lists_the_commands_in_chinese():
    result = run_cli_process("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法：gridoffice")
    for command in ("demo", "selftest", "backup", "export", "print"):
        assert command in result.stdout


def test_a_demo_office_built_then_exported(tmp_path: Path):
    path = tmp_path / "演示 办公室.sqlite"
    built = run_cli_process("demo", "--db", path)
    assert built.returncode == 0, built.stderr
    assert "锦塘街道人大工委" in built.stdout
    workbook = tmp_path / "导出 意见.xlsx"
    exported = run_cli_process("export", "opinions", workbook, "--db", path)
    assert exported.returncode == 0, exported.stderr
    assert load_workbook(workbook, read_only=True).active.max_row > 100


def test_a_bad_file_exits_2_and_a_gbk_console_gets_a_replacement_not_a_crash(tmp_path: Path):
    """A Chinese Windows console encodes in GBK, which lacks rare characters such as 𠮷."""
    not_excel = tmp_path / "𠮷 网格.xlsx"
    not_excel.write_text("这不是 Excel 文件", encoding="utf-8")
    result = run_cli_process("import", "grids", not_excel, "--db", tmp_path / "数据.sqlite", encoding="gbk")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "“? 网格.xlsx”无法读取" in result.stderr
