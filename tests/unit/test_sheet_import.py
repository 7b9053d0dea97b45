"""The roster import with spreadsheets as clerks receive them: every format, title rows, merged
cells, synonyms, several sheets, GBK and UTF-8 CSV, numbers that lost their meaning, broken
encodings and possible duplicates. For each: the exact rows stored and the exact warnings;
every refusal writes nothing."""
import datetime as dt
import json
import shutil
import zipfile

import pytest
from sqlalchemy import func
from sqlmodel import select

from gridoffice.domain import AuditLog, Deputy, Station
from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError, RowError, SheetChoiceNeeded
from gridoffice.services.roster.deputies import DeputyData, create_deputy
from gridoffice.services.roster.excel import (ADD, SKIP, UPDATE, DuplicatesFound, PossibleDuplicate, apply_import,
                                              import_deputies, read_import)
from tests.roster_fixtures import FIRST_STATION, LAW_STATION, TODAY, build_small_office
from tests.sheet_fixtures import write_csv, write_table

FORMATS = ["xlsx", "xls", "ods", "csv"]
WORKBOOKS = ["xlsx", "xls", "ods"]
LABELS = {"xlsx": "Excel 工作簿", "xls": "Excel 97-2003 工作簿", "ods": "OpenDocument 表格", "csv": "CSV 文本文件"}


@pytest.fixture
def office(db):
    build_small_office(db)
    return db


def stored(db) -> list[tuple]:
    """(name, mobile, office phone, birth month, levels, station) of every deputy, by id."""
    with db.session() as session:
        stations = dict(session.exec(select(Station.id, Station.name)).all())
        return [(d.name, d.mobile, d.office_phone, d.birth_month, d.levels, stations.get(d.station_id, ""))
                for d in session.exec(select(Deputy).order_by(Deputy.id))]


def audit_rows(db) -> int:
    with db.session() as session:
        return session.exec(select(func.count()).select_from(AuditLog)).one()


def refused_and_nothing_written(db, path, **kwargs) -> list[RowError]:
    """The plan's refusals, after checking that neither the plan nor import_deputies wrote anything."""
    before = (stored(db), audit_rows(db))
    plan = read_import(db, path, today=TODAY, **kwargs)
    with pytest.raises(ExcelImportError):
        apply_import(db, plan)
    with pytest.raises(ExcelImportError):
        import_deputies(db, path, today=TODAY, on_duplicate=UPDATE, possible=ADD, **kwargs)
    assert (stored(db), audit_rows(db)) == before
    return plan.refused


# --- title rows, synonyms, merged cells, every format ------------------------------------------------
TITLED = [
    ["东城街道第十七届人大代表名册"],
    [],
    ["序号", "代表 姓名", "手机号码（必填）", "出生日期", "代表层级*", "进站", "身份证号"],
    [1, "张利霞", 13800001234, dt.date(1975, 3, 1), "市、区", FIRST_STATION, None],
    [2, "刘䶮", 13900001111, "1980-11", "区", None, None],
    [3, "𠀾明", "13700002222", "198002", "区县", None, None],
    [4, "王　伟", 15900003333, None, "乡镇", LAW_STATION, None],
    ["填表人：李四（2026 年 5 月 6 日）"],
]
TITLED_MERGES = [(0, 0, 0, 6), (3, 5, 5, 5)]     # the title over the table; 联络站 merged down rows 4–6
TITLED_STORED = [
    ("张利霞", "13800001234", "", "1975-03", "市、区", FIRST_STATION),
    ("刘䶮", "13900001111", "", "1980-11", "区", FIRST_STATION),
    ("𠀾明", "13700002222", "", "1980-02", "区", FIRST_STATION),
    ("王伟", "15900003333", "", "", "乡镇", LAW_STATION),
]


def _unmerged(rows):
    """What a CSV of the same table holds: no merged cells, the station written on every row."""
    rows = [list(row) for row in rows]
    for row in rows[4:6]:
        row[5] = FIRST_STATION
    return rows


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_titled_sheet_with_synonyms_and_merged_cells_imports_every_row(office, tmp_path, fmt):
    rows = _unmerged(TITLED) if fmt == "csv" else TITLED
    path = write_table(tmp_path / f"区里发来的 名册.{fmt}", fmt, {"名册": rows}, merges={"名册": TITLED_MERGES})
    plan = read_import(office, path, today=TODAY)
    reading = plan.reading
    assert reading.file_label == LABELS[fmt]
    assert reading.source == ("读取了 CSV 文本文件（编码 UTF-8），表头在第 3 行。" if fmt == "csv"
                              else "读取了工作表“名册”，表头在第 3 行。")
    assert reading.columns == {"姓名": "代表姓名", "手机": "手机号码（必填）", "出生年月": "出生日期", "代表层级": "代表层级*",
                               "所属联络站": "进站"}
    assert reading.unused == ["序号", "身份证号"]
    merged = [] if fmt == "csv" else ["“所属联络站”列有 1 处合并单元格（第 4–6 行），每一行都按合并单元格的值导入。"]
    assert reading.notes == merged + ["第 8 行像是表尾（“填表人：李四（2026 年 5 月 6 日）”），没有导入。"]
    assert (plan.warnings, plan.refused, plan.duplicates, plan.possible) == ([], [], [], [])
    assert plan.summary_lines()[-1] == "将新增 4 人，更新 0 人。"
    result = apply_import(office, plan)
    assert result.describe() == "导入完成：新增 4 人。"
    assert stored(office) == TITLED_STORED


@pytest.mark.parametrize("written, named", [("xls", "名册.xlsx"), ("xlsx", "名册.xls"), ("csv", "名册.xls"),
                                            ("xls", "名册.et"), ("ods", "名册.xlsx"), ("xlsx", "名册.csv")])
def test_the_format_is_told_by_the_content_not_the_name(office, tmp_path, written, named):
    made = write_table(tmp_path / f"原件.{written}", written, {"名册": _unmerged(TITLED)})
    path = tmp_path / named
    shutil.copyfile(made, path)
    plan = read_import(office, path, today=TODAY)
    label = "WPS 表格" if named.endswith(".et") else LABELS[written]
    assert (plan.reading.file_label, len(plan.rows), plan.refused) == (label, 4, [])


@pytest.mark.parametrize("content, words, name", [
    (b"<html><body><table><tr><td>\xe5\xa7\x93\xe5\x90\x8d</td></tr></table></body></html>", "网页格式", "名册.xls"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF", "名册.xls"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64, "密码",
     "名册.xlsx"),
    (b"", "空文件", "名册.xls"),
    (b"\x00\x01\x02\x03binary\x00", "不是可以读取的表格文件", "名册.xls"),
    ("姓名,手機\r\n劉德華,13800001234\r\n".encode("big5"), "找不到表头。如果文件来自繁体中文（Big5）", "名册.csv"),
    ("姓名,手机\r\n".encode("utf-8") + b"\xff\x80" * 200, "既不是 UTF-8 也不是 GBK/GB18030", "名册.csv"),
])
def test_files_that_are_not_tables_say_what_they_are(office, tmp_path, content, words, name):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExcelFileError, match=words) as caught:
        read_import(office, path, today=TODAY)
    assert name in str(caught.value)


def test_text_named_like_a_workbook_says_so(office, tmp_path):
    path = tmp_path / "名册.xlsx"
    path.write_text("这不是 Excel 文件", encoding="utf-8")
    with pytest.raises(ExcelFileError) as caught:
        read_import(office, path, today=TODAY)
    assert str(caught.value) == ("“名册.xlsx”无法读取：扩展名是 .xlsx，内容却不是表格，而是纯文本，其中也没有代表名册的表头。"
                                 "文件可能已损坏，或在导出、转发时出了错；请向发件人重新要一份。")


def test_a_zip_or_word_file_is_not_taken_for_a_workbook(office, tmp_path):
    archive = tmp_path / "名册.xlsx"
    with zipfile.ZipFile(archive, "w") as target:
        target.writestr("名册/名册.xlsx", b"x")
    with pytest.raises(ExcelFileError, match="压缩包"):
        read_import(office, archive, today=TODAY)
    with zipfile.ZipFile(archive, "w") as target:
        target.writestr("word/document.xml", b"<w:document/>")
    with pytest.raises(ExcelFileError, match="Word"):
        read_import(office, archive, today=TODAY)


def test_headers_are_matched_through_spaces_full_width_forms_and_remarks(office, tmp_path):
    path = write_table(tmp_path / "表头.xlsx", "xlsx", {"名单": [
        ["姓　名", "ＭＯＢＩＬＥ", "移动电话", "电话(办)", "代表\n层级", "工作单位", "职务", "所属网格"],
        ["张利霞", "x", "13800001234", "0395-1234567", "区", "东城小学", "校长", "DC-01-01"],
    ]})
    plan = read_import(office, path, today=TODAY)
    assert plan.reading.columns == {"姓名": "姓名", "手机": "移动电话", "办公电话": "电话(办)", "代表层级": "代表层级",
                                    "工作单位及职务": "工作单位", "职务": "职务", "所在网格": "所属网格"}
    assert plan.reading.unused == ["MOBILE"]
    apply_import(office, plan)
    with office.session() as session:
        deputy = session.exec(select(Deputy)).one()
        assert (deputy.mobile, deputy.office_phone, deputy.work_unit, deputy.post, [g.code for g in deputy.grids]) == (
            "13800001234", "0395-1234567", "东城小学", "校长", ["DC-01-01"])


def test_a_file_without_a_required_column_is_refused_naming_the_words_it_knows(office, tmp_path):
    path = write_table(tmp_path / "缺列.csv", "csv", {"": [["姓名", "手机"], ["张三", "13800001234"]]})
    with pytest.raises(ExcelFileError) as caught:
        read_import(office, path, today=TODAY)
    assert str(caught.value).startswith("“缺列.csv”第 1 行的表头缺少必需的列：代表层级（也可写作 层级、代表级别、级别")
    assert stored(office) == []


# --- several sheets ---------------------------------------------------------------------------------------
ROSTER_HEADER = ["姓名", "手机", "代表层级"]


@pytest.mark.parametrize("fmt", WORKBOOKS)
def test_the_sheet_with_the_header_is_read_and_the_clerk_names_one_when_several_have_it(office, tmp_path, fmt):
    cover = [["东城街道人大代表名册"], ["2026 年 5 月"]]
    serving = [ROSTER_HEADER, ["张利霞", "13800001234", "区"]]
    retired = [["离任代表"], ROSTER_HEADER, ["赵离任", "13600001357", "市"]]
    one = write_table(tmp_path / f"一个.{fmt}", fmt, {"封面": cover, "在任代表": serving})
    plan = read_import(office, one, today=TODAY)
    assert plan.reading.source == "读取了工作表“在任代表”（共 2 个工作表），表头在第 1 行。"
    assert [r.data.name for r in plan.rows] == ["张利霞"]

    several = write_table(tmp_path / f"多个.{fmt}", fmt, {"封面": cover, "在任代表": serving, "离任代表": retired})
    with pytest.raises(SheetChoiceNeeded) as caught:
        read_import(office, several, today=TODAY)
    assert caught.value.sheets == ["在任代表", "离任代表"]
    assert "--sheet" in str(caught.value)
    assert stored(office) == []
    plan = read_import(office, several, today=TODAY, sheet="离任代表")
    assert plan.reading.source == "读取了工作表“离任代表”（共 3 个工作表），表头在第 2 行。"
    apply_import(office, plan)
    assert stored(office) == [("赵离任", "13600001357", "", "", "市", "")]
    with pytest.raises(ExcelFileError, match="没有名为“在职”的工作表。工作表有：封面、在任代表、离任代表"):
        read_import(office, several, today=TODAY, sheet="在职")


def test_a_workbook_where_no_sheet_has_the_header_says_what_each_sheet_has(office, tmp_path):
    path = write_table(tmp_path / "无表头.xlsx", "xlsx", {"封面": [["名册"]], "名单": [["姓名", "手机"], ["张三", "1"]]})
    with pytest.raises(ExcelFileError) as caught:
        read_import(office, path, today=TODAY)
    assert str(caught.value) == ("“无表头.xlsx”的 2 个工作表中都没有找到代表名册的表头（必需的列：姓名、代表层级）。\n"
                                 "工作表“封面”：前 30 行中没有认得的表头\n"
                                 "工作表“名单”：第 1 行认出 姓名、手机，缺少 代表层级")


# --- CSV encodings --------------------------------------------------------------------------------------------
CSV_ROWS = [["姓名", "手机", "代表层级", "所属联络站"],
            ["刘䶮", "13900001111", "区", LAW_STATION],
            ["张利霞", "13800001234", "市、区", FIRST_STATION]]


@pytest.mark.parametrize("encoding, label", [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 带 BOM"), ("gb18030", "GBK/GB18030"),
                                             ("utf-16", "UTF-16")])
def test_csv_in_utf8_with_or_without_bom_gb18030_and_utf16_keeps_rare_characters(office, tmp_path, encoding, label):
    path = write_csv(tmp_path / "名册.csv", CSV_ROWS, encoding)
    plan = read_import(office, path, today=TODAY)
    assert plan.reading.source == f"读取了 CSV 文本文件（编码 {label}），表头在第 1 行。"
    apply_import(office, plan)
    assert stored(office) == [("刘䶮", "13900001111", "", "", "区", LAW_STATION),
                              ("张利霞", "13800001234", "", "", "市、区", FIRST_STATION)]


def test_a_gbk_csv_that_lost_a_rare_character_is_refused_with_the_row(office, tmp_path):
    # Excel on Chinese Windows saves CSV in code page 936, which has no 䶮: it becomes "?"
    path = write_csv(tmp_path / "名册 GBK.csv", CSV_ROWS, "cp936", errors="replace")
    assert "刘?" in path.read_bytes().decode("cp936")
    assert refused_and_nothing_written(office, path) == [
        RowError(2, "姓名", "姓名“刘?”含有“?”，像是生僻字在转换编码（如存为 GBK）时变成了问号。请改正为正确的姓名后再导入。", "A2")]


def test_a_utf8_csv_with_broken_bytes_refuses_the_rows_that_hold_them(office, tmp_path):
    data = write_csv(tmp_path / "x.csv", CSV_ROWS, "utf-8").read_bytes()
    damaged = tmp_path / "损坏.csv"
    damaged.write_bytes(data.replace("䶮".encode(), "䶮".encode()[:2]))   # a character cut in half
    plan_errors = refused_and_nothing_written(office, damaged)
    assert plan_errors == [RowError(2, "姓名", "姓名“刘\ufffd”含有乱码字符“\ufffd”，文件在转换编码时损坏了。请改正为正确的姓名后再导入。",
                                    "A2")]
    plan = read_import(office, damaged, today=TODAY)
    assert plan.reading.source == "读取了 CSV 文本文件（编码 UTF-8，有损坏的字节），表头在第 1 行。"
    assert plan.reading.notes == ["文件中有 1 处字节无法按 UTF-8，有损坏的字节 识别，含有这些字节的行会被拒绝。"]


@pytest.mark.parametrize("name, reason", [
    ("刘？", "姓名“刘？”含有“?”，像是生僻字在转换编码（如存为 GBK）时变成了问号。请改正为正确的姓名后再导入。"),
    ("王\ue81e", "姓名“王\ue81e”含有私用区字符（U+E81E），是编码转换留下的，不是正常的文字。请改正为正确的姓名后再导入。"),
    ("张😀", "姓名“张😀”中的“😀”（U+1F600）程序的字体中没有，显示和打印时会缺字，也可能是乱码。"
            "请核对改正；如确是生僻字，请导入后在程序中手工录入这位代表。"),
])
def test_a_name_no_font_can_show_or_with_a_lost_character_is_refused(office, tmp_path, name, reason):
    path = write_table(tmp_path / "名册.xlsx", "xlsx", {"名册": [ROSTER_HEADER, ["刘䶮", "13900001111", "区"],
                                                                  [name, "13800001234", "区"]]})
    assert refused_and_nothing_written(office, path) == [RowError(3, "姓名", reason, "A3")]


# --- numbers that lost their meaning -------------------------------------------------------------------------
NUMBER_HEADER = ["姓名", "代表层级", "手机", "办公电话", "出生年月"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbers_that_can_be_read_one_way_are_imported_with_a_warning_naming_the_cell(office, tmp_path, fmt):
    rows = [NUMBER_HEADER,
            ["张利霞", "区", 13800001234, 3951234567, 1975.3],       # the 0 of 0395… dropped; 1975.3 can only be March
            ["刘䶮", "区", "0395-7654321", None, 19801112],             # a landline in the mobile column; a whole date
            ["𠀾明", "区", 13700002222, None, 1975.11]]
    if fmt != "csv":
        rows.append(["王伟", "区", 15900003333, None, 27454])          # a date cell that lost its format
    path = write_table(tmp_path / f"数字.{fmt}", fmt, {"名册": rows})
    plan = read_import(office, path, today=TODAY)
    expected = [
        RowError(2, "办公电话", "“3951234567”开头的 0 丢失了（Excel 把号码当成了数字），已按“03951234567”导入，请核对区号。", "D2"),
        RowError(3, "手机", "“0395-7654321”是固定电话，已作为办公电话导入。", "C3"),
    ]
    if fmt != "csv":
        expected.append(RowError(5, "出生年月", "这一格是数字 27454，是失去日期格式的 Excel 日期（1975-03-01），已按 1975-03 导入，请核对。",
                                 "E5"))
    assert (plan.warnings, plan.refused) == (expected, [])
    apply_import(office, plan)
    assert stored(office) == [("张利霞", "13800001234", "03951234567", "1975-03", "区", ""),
                              ("刘䶮", "", "0395-7654321", "1980-11", "区", ""),
                              ("𠀾明", "13700002222", "", "1975-11", "区", "")] + (
        [] if fmt == "csv" else [("王伟", "15900003333", "", "1975-03", "区", "")])


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbers_that_lost_their_meaning_are_refused_with_the_cell(office, tmp_path, fmt):
    rows = [NUMBER_HEADER,
            ["张利霞", "区", 13800001234, None, 1975.1],                 # October or January?
            ["刘䶮", "区", 110105197503011234 if fmt != "csv" else "110105197503011234", None, "1980-11"],
            ["𠀾明", "区", "11010519750301123X", None, None],
            ["王伟", "区", 13700002222, None, "1975-10"]]
    path = write_table(tmp_path / f"数字.{fmt}", fmt, {"名册": rows})
    id_like = ("这一格是 15 位以上的长数字，像是身份证号码，不是电话号码（本程序不保存身份证号码）。请删除或改填电话。" if fmt != "csv"
               else "这一格像是身份证号码，不是电话号码（本程序不保存身份证号码）。请删除或改填电话。")
    assert refused_and_nothing_written(office, path) == [
        RowError(2, "出生年月", "“1975.1”是数字，可能是 1975 年 1 月，也可能是 1975 年 10 月（Excel 会把 1975.10 存成 1975.1）。"
                              "请改写成 1975-01 或 1975-10 后再导入。", "E2"),
        RowError(3, "手机", id_like, "C3"),
        RowError(4, "手机", "这一格像是身份证号码，不是电话号码（本程序不保存身份证号码）。请删除或改填电话。", "C4"),
    ]


def test_a_phone_excel_showed_in_scientific_notation_is_refused(office, tmp_path):
    path = write_csv(tmp_path / "科学计数.csv", [NUMBER_HEADER, ["张利霞", "区", "1.38E+10", "", ""]], "gb18030")
    assert refused_and_nothing_written(office, path) == [RowError(
        2, "手机", "号码被显示成了科学计数法（1.38E+10），后面的数字已经丢失。请在原表中把这一列设为文本格式，重新输入完整号码后再导入。", "C2")]


def test_a_text_1975_1_typed_into_a_workbook_is_january(office, tmp_path):
    path = write_table(tmp_path / "文本.xlsx", "xlsx", {"名册": [NUMBER_HEADER, ["张利霞", "区", None, None, "1975.1"]]})
    import_deputies(office, path, today=TODAY)
    assert stored(office) == [("张利霞", "", "", "1975-01", "区", "")]


# --- possible duplicates ------------------------------------------------------------------------------------
@pytest.fixture
def roster(office):
    create_deputy(office, DeputyData(name="刘䶮", levels="区", mobile="13900001111", notes="原有备注"), today=TODAY)
    return office


POSSIBLE_ROWS = [ROSTER_HEADER + ["备注"],
                 ["刘艳", "13900001111", "市、区", "区里的名单"],   # the roster's 刘䶮 under another name?
                 ["王五", "13700003333", "区", ""],
                 ["王六", "13700003333", "乡镇", ""]]               # the same mobile twice in the file


def test_a_possible_duplicate_is_shown_and_never_added_silently(roster, tmp_path):
    path = write_table(tmp_path / "可能重复.xlsx", "xlsx", {"名册": POSSIBLE_ROWS})
    plan = read_import(roster, path, today=TODAY)
    liu = stored(roster)
    assert liu == [("刘䶮", "13900001111", "", "", "区", "")]
    assert plan.possible == [PossibleDuplicate(2, "刘艳", "13900001111", "刘䶮", 1, None),
                             PossibleDuplicate(4, "王六", "13700003333", "王五", None, 3)]
    assert [p.reason for p in plan.possible] == ["手机与名册中的“刘䶮”相同，姓名不同", "手机与文件第 3 行的“王五”相同，姓名不同"]
    assert "可能重复（手机相同、姓名不同）2 行，需要决定如何处理：" in plan.summary_lines()
    with pytest.raises(DuplicatesFound, match="2 行可能重复"):
        import_deputies(roster, path, today=TODAY)
    assert stored(roster) == liu

    result = apply_import(roster, plan)          # the default: skipped, and said so
    assert result.describe() == "导入完成：新增 1 人，跳过可能重复 2 人。"
    assert stored(roster) == liu + [("王五", "13700003333", "", "", "区", "")]


def test_the_clerk_may_take_a_possible_duplicate_as_the_same_person_or_as_another(roster, tmp_path):
    path = write_table(tmp_path / "可能重复.xlsx", "xlsx", {"名册": POSSIBLE_ROWS})
    plan = read_import(roster, path, today=TODAY)
    assert plan.outcome(SKIP, {2: UPDATE, 4: ADD}).describe(will=True) == "将新增 2 人，更新 1 人。"
    with pytest.raises(ValueError):
        apply_import(roster, plan, possible={4: UPDATE})   # an earlier row of the file is not in the roster
    result = apply_import(roster, plan, possible={2: UPDATE, 4: ADD})
    assert (result.added, result.updated, result.skipped_possible) == (2, 1, 0)
    assert stored(roster) == [("刘䶮", "13900001111", "", "", "市、区", ""),   # the roster keeps its name
                              ("王五", "13700003333", "", "", "区", ""), ("王六", "13700003333", "", "", "乡镇", "")]
    with roster.session() as session:
        assert session.exec(select(Deputy.notes).where(Deputy.name == "刘䶮")).one() == "区里的名单"


def test_exact_duplicates_still_take_one_choice_for_all(roster, tmp_path):
    path = write_table(tmp_path / "重复.csv", "csv", {"": [ROSTER_HEADER, ["刘䶮", "13900001111", "市"]]})
    plan = read_import(roster, path, today=TODAY)
    assert [(d.row, d.existing_id) for d in plan.duplicates] == [(2, 1)] and plan.possible == []
    apply_import(roster, plan, on_duplicate=UPDATE)
    assert stored(roster) == [("刘䶮", "13900001111", "", "", "市", "")]


# --- speed-sensitive paths stay bulk ---------------------------------------------------------------------------
def test_one_audit_note_names_the_file_and_everyone_added(office, tmp_path):
    path = write_table(tmp_path / "名册.ods", "ods", {"名册": TITLED}, merges={"名册": TITLED_MERGES})
    import_deputies(office, path, today=TODAY)
    with office.session() as session:
        notes = session.exec(select(AuditLog).where(AuditLog.table_name == "deputy", AuditLog.action == "insert",
                                                    AuditLog.record_id == "*")).all()
    assert len(notes) == 1 and json.loads(notes[0].changes)["来源"] == "导入“名册.ods”"
