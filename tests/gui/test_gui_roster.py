"""The roster tab as the clerk uses it: filters, pinyin search, the form, retiring, delete, import, print."""
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QDialog, QMessageBox
from pypdf import PdfReader
from sqlmodel import select

from gridoffice.clock import FixedClock
from gridoffice.domain import Deputy, Grid, Opinion, ReceptionDay, Station
from gridoffice.gui import create_application
from gridoffice.services.roster.deputies import DeputyData, create_deputy, retire_deputy
from gridoffice.services.common.fonts import QT_FAMILIES
from gridoffice.views.roster.deputy_form import DeputyFormDialog
from gridoffice.views.roster.import_preview import RosterImportPreview
from gridoffice.views.roster.retire import RetireDialog
from gridoffice.views.shell.main_window import MainWindow
from gridoffice.views.roster.tab import ALL, NONE, RosterTab
from tests.roster_fixtures import FIRST_STATION, GOOD_ROWS, LAW_STATION, TODAY, build_small_office, ids, write_xlsx
from tests.sheet_fixtures import write_table


@pytest.fixture
def office(db):
    build_small_office(db)
    stations, grids = ids(db, Station, "name"), ids(db, Grid, "code")
    people = [("张利霞", "市、区", "13800001234", FIRST_STATION, ["DC-01-01"], "中共党员"),
              ("刘䶮", "区", "13900005678", LAW_STATION, ["DC-01-02"], "群众"),
              ("𠀾明", "市", "13700002468", FIRST_STATION, [], "民盟盟员"),
              ("赵离任", "区", "13600001357", FIRST_STATION, ["DC-01-03"], "中共党员")]
    for name, levels, mobile, station, codes, party in people:
        create_deputy(db, DeputyData(name=name, levels=levels, mobile=mobile, station_id=stations[station],
                                     grid_ids=[grids[c] for c in codes], party=party), today=TODAY)
    retire_deputy(db, ids(db, Deputy, "name")["赵离任"], on=TODAY, today=TODAY)
    return db


@pytest.fixture
def tab(qtbot, office):
    create_application()
    roster = RosterTab(office, FixedClock(TODAY))
    qtbot.addWidget(roster)
    roster.restore_state()
    roster.reload()
    roster.show()
    return roster


def shown_names(tab: RosterTab) -> list[str]:
    return sorted(row.name for row in tab.visible_rows())


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


@pytest.fixture
def answers(monkeypatch):
    """Every message box answered Yes and remembered, so no test waits on a dialog."""
    said = []

    def remember(kind):
        def box(_parent, title, text, *args, **kwargs):
            said.append((kind, title, text))
            return QMessageBox.StandardButton.Yes
        return box

    for kind in ("question", "information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, remember(kind))
    return said


def test_retired_deputies_are_hidden_until_the_filter_shows_them(tab):
    assert shown_names(tab) == sorted(["张利霞", "刘䶮", "𠀾明"])
    assert tab.count_label.text() == "显示 3 / 共 4 条"
    choose(tab.status_filter, "离任")
    assert shown_names(tab) == ["赵离任"]
    choose(tab.status_filter, ALL)
    assert len(shown_names(tab)) == 4


def test_filters_by_level_station_grid_and_party(tab, office):
    choose(tab.level_filter, "市")
    assert shown_names(tab) == sorted(["张利霞", "𠀾明"])
    choose(tab.station_filter, ids(office, Station, "name")[FIRST_STATION])
    choose(tab.party_filter, "民盟盟员")
    assert shown_names(tab) == ["𠀾明"]
    assert tab.filter_note() == "在任代表，市人大代表，东城片区代表联络站（第一站），民盟盟员"
    tab.clear_filters()
    choose(tab.grid_filter, NONE)
    assert shown_names(tab) == ["𠀾明"]
    choose(tab.grid_filter, ids(office, Grid, "code")["DC-01-02"])
    assert shown_names(tab) == ["刘䶮"]


def test_search_by_pinyin_initials_and_phone_digits(tab, qtbot):
    qtbot.keyClicks(tab.search_box, "zlx")
    assert shown_names(tab) == ["张利霞"]
    tab.search_box.clear()
    qtbot.keyClicks(tab.search_box, "zhanglixia")
    assert shown_names(tab) == ["张利霞"]
    tab.search_box.clear()
    qtbot.keyClicks(tab.search_box, "5678")
    assert shown_names(tab) == ["刘䶮"]
    tab.search_box.setText("䶮")
    assert shown_names(tab) == ["刘䶮"]
    tab.search_box.setText("𠀾")
    assert shown_names(tab) == ["𠀾明"]


def test_sorting_by_a_column_keeps_the_selection(tab, qtmodeltester):
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    ascending = [row.name_pinyin for row in tab.visible_rows()]
    assert ascending == sorted(ascending)
    tab.select_deputy(ids(tab.db, Deputy, "name")["刘䶮"])
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [row.name_pinyin for row in tab.visible_rows()] == ascending[::-1]
    assert [row.name for row in tab.selected_rows()] == ["刘䶮"]
    tab.table.sortByColumn(tab.model.column_index("birth_month"), Qt.SortOrder.AscendingOrder)
    tab.reload()   # a reload keeps the order the clerk chose
    months = [row.birth_month for row in tab.visible_rows()]
    assert months == sorted(months)
    qtmodeltester.check(tab.model)


def test_rare_characters_show_in_the_table_and_have_a_font(tab):
    names = [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
    assert "刘䶮" in names and "𠀾明" in names
    fallback = QFontMetrics(QFont(QT_FAMILIES[1]))
    assert fallback.inFontUcs4(ord("䶮")) and fallback.inFontUcs4(ord("𠀾"))
    assert [f.lower() for f in QFont.substitutes(QT_FAMILIES[0])] == [QT_FAMILIES[1].lower()]


def test_the_column_button_hides_and_shows_columns(tab):
    tab._fill_columns_menu()
    actions = {a.text(): a for a in tab.columns_menu.actions()}
    assert not actions["出生年月"].isChecked() and actions["姓名"].isChecked()
    actions["出生年月"].setChecked(True)
    assert not tab.table.isColumnHidden(tab.model.column_index("birth_month"))


def test_the_form_shows_errors_beside_the_fields_then_saves(qtbot, office):
    create_application()
    dialog = DeputyFormDialog(office, FixedClock(TODAY))
    qtbot.addWidget(dialog)
    form = dialog.ui
    form.mobile.setText("1380000")
    form.office_phone.setText("7654321")
    form.birth_month.setText("2019-05")
    form.took_office_on.setText("2026-05-21")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    errors = dialog.errors.shown()
    assert set(errors) == {"name", "levels", "mobile", "office_phone", "birth_month", "took_office_on"}
    assert errors["name"] == "请填写姓名。" and "11 位" in errors["mobile"] and "区号" in errors["office_phone"]
    assert errors["took_office_on"] == "任职日期不能晚于今天。"   # the form's clock says what today is

    form.name.setText("王𠀾")
    form.level_district.setChecked(True)
    form.mobile.setText("13812340000")
    form.office_phone.clear()
    form.birth_month.setText("1980年5月")
    form.took_office_on.setText("2026.5.20")
    form.station_id.setCurrentIndex(form.station_id.findText(LAW_STATION))
    form.grid_ids.item(3).setCheckState(Qt.CheckState.Checked)
    assert form.grid_summary.text() == "已选 1 个：DC-01-04"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with office.session() as session:
        saved = session.get(Deputy, dialog.saved_id)
        assert (saved.name, saved.birth_month, saved.levels, saved.took_office_on, [g.code for g in saved.grids]) == (
            "王𠀾", "1980-05", "区", TODAY, ["DC-01-04"])
        assert session.get(Station, saved.station_id).name == LAW_STATION


def test_a_date_the_form_cannot_read_is_shown_under_its_field(qtbot, office):
    create_application()
    dialog = DeputyFormDialog(office, FixedClock(TODAY))
    qtbot.addWidget(dialog)
    dialog.ui.name.setText("张三")
    dialog.ui.level_district.setChecked(True)
    dialog.ui.took_office_on.setText("去年")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.shown() == {"took_office_on": "任职日期应写成 2025-01-08，可以不填。"}
    assert "张三" not in ids(office, Deputy, "name")


def test_editing_shows_the_deputy_and_saves_the_change(qtbot, office, tmp_path):
    from PIL import Image

    create_application()
    named = ids(office, Deputy, "name")
    dialog = DeputyFormDialog(office, FixedClock(TODAY), named["张利霞"])
    qtbot.addWidget(dialog)
    form = dialog.ui
    assert (form.name.text(), form.mobile.text(), form.party.currentText()) == ("张利霞", "13800001234", "中共党员")
    assert form.level_city.isChecked() and form.level_district.isChecked() and not form.level_national.isChecked()
    assert form.station_id.currentText() == FIRST_STATION and form.status.text() == "在任"
    assert form.grid_summary.text() == "已选 1 个：DC-01-01"
    assert form.photo.text() == "无照片" and not form.remove_photo.isEnabled()
    picture = tmp_path / "证件 照.png"
    Image.new("RGB", (300, 400), (10, 120, 200)).save(picture)
    dialog.set_photo_file(picture)
    assert not form.photo.pixmap().isNull() and form.remove_photo.isEnabled()
    form.post.setText("校长")
    form.mobile_public.setChecked(True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with office.session() as session:
        saved = session.get(Deputy, named["张利霞"])
        assert (saved.post, saved.mobile_public, saved.status) == ("校长", True, "在任")
        assert saved.photo_file.startswith("代表照片/")


def test_a_file_that_is_no_picture_is_refused_by_the_photo_field(qtbot, office, tmp_path):
    create_application()
    dialog = DeputyFormDialog(office, FixedClock(TODAY))
    qtbot.addWidget(dialog)
    fake = tmp_path / "假 照片.jpg"
    fake.write_bytes(b"not an image")
    dialog.set_photo_file(fake)
    assert "无法作为照片读取" in dialog.errors.shown()["photo"]
    assert dialog.ui.photo.text() == "无照片"


def test_retire_dialog_hands_grids_and_opinions_to_a_serving_deputy(qtbot, office, answers):
    create_application()
    named = ids(office, Deputy, "name")
    with office.session() as session:
        session.add(Opinion(serial="2026-0001", received_on=TODAY, channel="走访", content="路灯不亮",
                            deputy_id=named["张利霞"], status="已认领"))
    dialog = RetireDialog(office, FixedClock(TODAY), named["张利霞"])
    qtbot.addWidget(dialog)
    assert dialog.grid_table.rowCount() == 1 and dialog.opinion_table.rowCount() == 1
    choose(dialog.all_combo, named["刘䶮"])
    dialog._apply_to_all()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert answers == []   # everything was handed over: no question asked
    with office.session() as session:
        heir = session.get(Deputy, named["刘䶮"])
        assert sorted(g.code for g in heir.grids) == ["DC-01-01", "DC-01-02"]
        assert session.exec(select(Opinion)).one().deputy_id == heir.id
        assert session.get(Deputy, named["张利霞"]).status == "离任"


def test_retire_dialog_says_which_planned_reception_days_lost_the_deputy(qtbot, office, answers):
    create_application()
    named = ids(office, Deputy, "name")
    with office.session() as session:
        station = ids(office, Station, "name")[FIRST_STATION]
        session.add(ReceptionDay(date=TODAY + dt.timedelta(days=7), station_id=station,
                                 start_time=dt.time(9), end_time=dt.time(11, 30), status="计划",
                                 deputies=[session.get(Deputy, named["𠀾明"])]))
    dialog = RetireDialog(office, FixedClock(TODAY), named["𠀾明"])
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    told = [(title, text) for kind, title, text in answers if kind == "information"]
    assert told and told[0][0] == "请补排接待日值班" and "2026年5月27日" in told[0][1]
    with office.session() as session:
        assert session.exec(select(ReceptionDay)).one().deputies == []


def test_ctrl_n_opens_the_form_and_the_new_deputy_is_shown_and_selected(tab, monkeypatch):
    def fill_and_save(dialog):
        dialog.ui.name.setText("新代表")
        dialog.ui.level_township.setChecked(True)
        dialog.ui.party.setCurrentText("无党派人士")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(DeputyFormDialog, "exec", fill_and_save)
    tab.new_record()
    assert "新代表" in shown_names(tab)
    assert [(row.name, row.levels, row.party) for row in tab.selected_rows()] == [("新代表", "乡镇", "无党派人士")]
    assert "无党派人士" in [tab.party_filter.itemText(i) for i in range(tab.party_filter.count())]


def test_export_writes_the_rows_shown_with_masked_mobiles(tab, tmp_path, monkeypatch, answers):
    from openpyxl import load_workbook

    from gridoffice.views.roster.export_options import ExportDialog

    target = tmp_path / "导出 名册.xlsx"
    monkeypatch.setattr(ExportDialog, "exec", lambda self: 1)
    monkeypatch.setattr("gridoffice.widgets.exports.ask_save_xlsx", lambda parent, caption, name: str(target))
    choose(tab.level_filter, "市")
    tab.export_file()
    sheet = load_workbook(target).active
    assert {row[0].value: row[8].value for row in sheet.iter_rows(min_row=2)} == {
        "张利霞": "138****1234", "𠀾明": "137****2468"}
    assert answers[-1][:2] == ("information", "导出完成") and "已导出 2 名代表到" in answers[-1][2]


def test_delete_asks_and_refuses_a_deputy_with_opinions(tab, office, answers):
    named = ids(office, Deputy, "name")
    with office.session() as session:
        session.add(Opinion(serial="2026-0002", received_on=TODAY, channel="电话", content="噪音",
                            deputy_id=named["刘䶮"], status="已关闭"))
    tab.delete(named["刘䶮"])
    assert [kind for kind, *_ in answers] == ["question", "warning"]
    assert "离任" in answers[1][2]
    tab.delete(named["𠀾明"])
    assert "𠀾明" not in [r.name for r in tab.visible_rows()]
    assert "𠀾明" not in ids(office, Deputy, "name")


def test_a_refused_file_is_previewed_with_every_problem_and_cannot_be_imported(tab, office, tmp_path, monkeypatch,
                                                                               answers):
    shown = {}

    def look(self):
        shown.update(outcome=self.outcome_label.text(), can_import=self.import_button.isEnabled(),
                     tabs=[self.tabs.tabText(i) for i in range(self.tabs.count())],
                     refused=[[self.refused_table.item(r, c).text() for c in range(4)]
                              for r in range(self.refused_table.rowCount())], text=self.text())
        return 0

    monkeypatch.setattr(RosterImportPreview, "exec", look)
    bad = write_table(tmp_path / "坏 名册.xls", "xls", {"名册": [["姓名", "代表层级", "手机", "出生年月"],
                                                                ["甲", "区", "123", None], ["", "区", "", None],
                                                                ["刘?", "区", "", 1975.1]]})
    tab.import_path(bad)
    assert shown["can_import"] is False
    assert shown["outcome"] == ("文件中共 3 行数据，其中 3 行被拒绝（共 4 处问题），整个文件都不能导入，没有写入任何数据。"
                                "请在表格中改正下面列出的问题后重新导入。")
    assert shown["tabs"] == ["被拒绝的行（3）"]
    assert shown["refused"] == [
        ["2", "手机", "C2", "手机号应为 11 位数字，以 13-19 开头，例如 13812345678。"],
        ["3", "姓名", "A3", "请填写姓名。"],
        ["4", "出生年月", "D4", "“1975.1”是数字，可能是 1975 年 1 月，也可能是 1975 年 10 月（Excel 会把 1975.10 存成 1975.1）。"
                              "请改写成 1975-01 或 1975-10 后再导入。"],
        ["4", "姓名", "A4", "姓名“刘?”含有“?”，像是生僻字在转换编码（如存为 GBK）时变成了问号。请改正为正确的姓名后再导入。"],
    ]
    assert "文件：坏 名册.xls（Excel 97-2003 工作簿）" in shown["text"]
    assert len(ids(office, Deputy, "name")) == 4 and answers == []


def test_the_preview_shows_what_will_happen_and_writes_only_on_confirmation(tab, office, tmp_path, monkeypatch,
                                                                            answers):
    rows = GOOD_ROWS + [["", "13800001234", "张利霞", "全国", FIRST_STATION, "", "", "女", ""],   # already in the roster
                        ["", "13900005678", "刘艳", "区", LAW_STATION, "", "", "", ""],          # 刘䶮's mobile
                        ["", 3951234567, "王伟", "区", "", "", "", "", ""]]                        # a landline in 手机
    path = write_xlsx(tmp_path / "好 名册.xlsx", rows)
    seen = {}

    def cancel(self):
        seen.update(outcome=self.outcome_label.text(), tabs=[self.tabs.tabText(i) for i in range(self.tabs.count())])
        return 0

    monkeypatch.setattr(RosterImportPreview, "exec", cancel)
    tab.import_path(path)
    assert seen["tabs"] == ["可能重复（1）", "重复（2）", "警告（2）"]
    assert seen["outcome"] == ("文件中共 6 行数据：将新增 3 人，更新 0 人，跳过重复 2 人，跳过可能重复 1 人。"
                               "确认无误后点“导入”写入。")
    assert len(ids(office, Deputy, "name")) == 4 and answers == []      # cancelled: nothing written

    def choose_and_import(self):
        self.update_radio.click()
        combo = self.possible_combos[7]
        assert [combo.itemText(i) for i in range(combo.count())] == [
            "跳过这一行", "是同一人：更新名册中的代表（保留名册中的姓名）", "不是同一人：作为新代表添加"]
        combo.setCurrentIndex(combo.findData("add"))
        seen.update(outcome=self.outcome_label.text(),
                    warnings=[self.warnings_table.item(r, 3).text() for r in range(self.warnings_table.rowCount())])
        self.import_button.click()
        return self.result()

    monkeypatch.setattr(RosterImportPreview, "exec", choose_and_import)
    tab.import_path(path)
    assert seen["outcome"] == "文件中共 6 行数据：将新增 4 人，更新 1 人，跳过重复 1 人。确认无误后点“导入”写入。"
    assert seen["warnings"] == ["“3951234567”开头的 0 丢失了（Excel 把号码当成了数字），已按“03951234567”导入，请核对区号。",
                                "“03951234567”是固定电话，已作为办公电话导入。"]
    assert answers[-1][0] == "information" and answers[-1][2] == "导入完成：新增 4 人，更新 1 人，跳过重复 1 人。"
    assert [r.levels for r in tab.visible_rows() if r.name == "张利霞"] == ["全国"]   # the later row wins
    assert sorted(r.name for r in tab.visible_rows() if r.mobile == "13900005678") == ["刘䶮", "刘艳"]


def test_the_clerk_chooses_the_sheet_when_several_have_the_header(tab, office, tmp_path, monkeypatch, answers):
    header = ["姓名", "代表层级"]
    path = write_table(tmp_path / "两张表.ods", "ods", {"在任": [header, ["新甲", "区"]], "离任": [header, ["新乙", "区"]]})
    asked = {}

    def pick(parent, title, label, items, current, editable):
        asked.update(label=label, items=items)
        return "离任", True

    monkeypatch.setattr("gridoffice.views.roster.import_preview.QInputDialog.getItem", pick)
    monkeypatch.setattr(RosterImportPreview, "exec", lambda self: 1)   # 导入
    tab.import_path(path)
    assert asked["items"] == ["在任", "离任"] and "2 个工作表都有所需的表头" in asked["label"]
    names = ids(office, Deputy, "name")
    assert "新乙" in names and "新甲" not in names


def test_ctrl_p_prints_the_roster_as_filtered(tab, monkeypatch):
    printed = {}
    monkeypatch.setattr("gridoffice.widgets.pdf_preview.PdfPreviewDialog.exec", lambda self: printed.update(path=self.pdf_path))
    choose(tab.level_filter, "市")
    tab.print_current()
    text = "".join(page.extract_text() for page in PdfReader(printed["path"]).pages)
    assert "代表名册" in text and "市人大代表" in text and "张利霞" in text and "𠀾明" in text
    assert "刘䶮" not in text
    tab.print_board()
    text = "".join(page.extract_text() for page in PdfReader(printed["path"]).pages)
    assert "人大代表信息公示" in text and "𠀾明" in text and "刘䶮" not in text


def test_main_window_offers_the_roster_actions(qtbot, office):
    create_application()
    window = MainWindow(office, FixedClock(TODAY))
    qtbot.addWidget(window)
    file_menu = [a.text() for a in window.menus["文件"].actions()]
    print_menu = [a.text() for a in window.menus["打印"].actions()]
    assert {"导入代表名册…", "导出代表名册…", "保存导入模板…"} <= set(file_menu)
    assert {"代表名册（按当前筛选）…", "代表信息公示牌…"} <= set(print_menu)
    window.tabs.setCurrentIndex(0)
    assert window.actions.new_record.isEnabled()
    window.close()


def test_the_clock_gives_the_default_and_latest_leaving_date(qtbot, office):
    create_application()
    dialog = RetireDialog(office, FixedClock(TODAY), ids(office, Deputy, "name")["刘䶮"])
    qtbot.addWidget(dialog)
    assert dialog.date_edit.date().toPython() == TODAY
    assert dialog.date_edit.maximumDate().toPython() == TODAY
    dialog.reject()


def test_a_save_over_another_clerks_change_is_refused_and_the_form_reloads(qtbot, office, monkeypatch):
    """Clerk A has the form open; clerk B changes the mobile; A's save is refused with both values,
    A reloads (B's mobile shows), types again and saves: neither change is lost."""
    from dataclasses import replace

    from gridoffice.services.roster.deputies import load_deputy, update_deputy
    from gridoffice.widgets.conflict import conflict_text

    create_application()
    deputy_id = ids(office, Deputy, "name")["张利霞"]
    dialog = DeputyFormDialog(office, FixedClock(TODAY), deputy_id)
    qtbot.addWidget(dialog)
    update_deputy(office, deputy_id, replace(load_deputy(office, deputy_id), mobile="13900009999"), today=TODAY)
    shown = []
    monkeypatch.setattr("gridoffice.views.roster.deputy_form.offer_reload",
                        lambda _parent, error: shown.append(error) or True)   # the clerk clicks 重新载入
    dialog.ui.post.setText("校长")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert ("手机", "13800001234", "13900009999") in shown[0].differences
    assert "另一位干事" in conflict_text(shown[0]) and "<td><b>13900009999</b></td>" in conflict_text(shown[0])
    assert (dialog.ui.mobile.text(), dialog.ui.post.text()) == ("13900009999", "")   # what is saved now
    dialog.ui.post.setText("校长")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with office.session() as session:
        saved = session.get(Deputy, deputy_id)
        assert (saved.mobile, saved.post, saved.version) == ("13900009999", "校长", 3)
