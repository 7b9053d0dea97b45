"""The shared Excel rules: headers in any order, trimming, empty rows, bad files, neutralising."""
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError, RowError, read_sheet, write_sheet

KNOWN = ["姓名", "手机", "备注"]


def _xlsx(path: Path, rows: list[list]) -> Path:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def test_columns_by_header_in_any_order_trimmed_and_folded(tmp_path):
    path = _xlsx(tmp_path / "名单 一.xlsx", [["  手机 ", "无关列", "姓名"], ["１５４００００１２３４", "x", " 刘䶮 "],
                                          [None, None, None], [15400001235, "", "张三"]])
    rows = read_sheet(path, required=["姓名"], known=KNOWN)
    assert [(r.number, r.get("姓名"), r.get("手机"), r.get("备注")) for r in rows] == [
        (2, "刘䶮", "15400001234", ""), (4, "张三", "15400001235", "")]


def test_missing_required_column_is_said_in_chinese(tmp_path):
    path = _xlsx(tmp_path / "缺列.xlsx", [["手机"], ["15400001234"]])
    with pytest.raises(ExcelFileError, match="缺少必需的列：姓名"):
        read_sheet(path, required=["姓名"], known=KNOWN)


@pytest.mark.parametrize("name, content", [("假的.xlsx", b"not a zip"), ("表格.xls", b"\xd0\xcf\x11\xe0"),
                                           ("空.xlsx", None)])
def test_unusable_files_are_refused(tmp_path, name, content):
    path = tmp_path / name
    if content is None:
        _xlsx(path, [])
    else:
        path.write_bytes(content)
    with pytest.raises(ExcelFileError):
        read_sheet(path, required=["姓名"], known=KNOWN)


def test_an_xml_bomb_is_refused(tmp_path):
    good = _xlsx(tmp_path / "好.xlsx", [["姓名"], ["张三"]])
    bomb = tmp_path / "炸弹.xlsx"
    entity = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = data.split(b"?>", 1)[-1]
                data = b'<?xml version="1.0" encoding="UTF-8"?>' + entity.encode() + body
            target.writestr(item, data)
    with pytest.raises(ExcelFileError):
        read_sheet(bomb, required=["姓名"], known=KNOWN)


def test_export_keeps_formula_like_text_as_text_with_the_quote_prefix(tmp_path):
    path = write_sheet(tmp_path / "导出 名单.xlsx", title="名单", headers=KNOWN,
                       rows=[["=HYPERLINK(\"http://x\")", "+8613800000000", "@SUM(A1)"], ["刘䶮", "15400001234", "-"],
                             ["#N/A", "", None]])
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[2]] == ["=HYPERLINK(\"http://x\")", "+8613800000000", "@SUM(A1)"]
    assert [c.data_type for c in sheet[2]] == ["s", "s", "s"]   # text, never a formula
    assert [c.quotePrefix for c in sheet[2]] == [True, True, True]
    assert [(c.value, c.quotePrefix) for c in sheet[3]] == [("刘䶮", False), ("15400001234", False), ("-", True)]
    assert (sheet["A4"].value, sheet["A4"].data_type) == ("#N/A", "s")   # text, not an error value
    assert sheet.freeze_panes == "A2"
    assert [p.name for p in tmp_path.iterdir()] == ["导出 名单.xlsx"]


def test_import_error_lists_every_problem():
    error = ExcelImportError([RowError(3, "手机", "应为 11 位手机号"), RowError(5, "", "与第 3 行重复")])
    assert "2 处问题" in str(error)
    assert "第 3 行“手机”列：应为 11 位手机号" in str(error)
    assert "第 5 行：与第 3 行重复" in str(error)
