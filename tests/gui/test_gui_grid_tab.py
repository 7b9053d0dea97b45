"""The grid tab on the demo office: list grouped by community, coverage panel, map, dialogs."""
import json

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from pypdf import PdfReader
from sqlmodel import select, update

from gridoffice.clock import FixedClock
from tests.conftest import DEMO_TODAY
from gridoffice.db import Database
from gridoffice.domain import Community, Grid
from gridoffice.services.households.ledger import grid_category_counts
from gridoffice.gui import create_application
from gridoffice.services.grids.areas import IMAGE_FRAME, store_map_image
from gridoffice.views.grids.community import CommunityDialog
from gridoffice.views.grids.deputy_grids import DeputyGridsDialog
from gridoffice.views.grids.editor import GridEditorDialog
from gridoffice.views.grids.households import HouseholdsDialog
from gridoffice.views.grids.map_legend import OPINIONS, fill_color
from gridoffice.views.grids.map_view import GridAreaItem
from gridoffice.views.grids.tab import GridsTab


@pytest.fixture
def demo_db(demo_file):
    database = Database.open(demo_file)
    yield database
    database.close()


@pytest.fixture
def tab(qtbot, demo_db):
    create_application()
    page = GridsTab(demo_db, FixedClock(DEMO_TODAY))
    qtbot.addWidget(page)
    page.restore_state()
    page.reload()
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _choose_community(tab: GridsTab, name: str) -> int:
    index = next(i for i in range(tab.community_box.count()) if tab.community_box.itemText(i).startswith(name))
    tab.community_box.setCurrentIndex(index)
    return tab.community_box.currentData()


def _grid_ids(db: Database, community_id: int | None = None) -> set[int]:
    with db.session() as session:
        query = select(Grid.id)
        if community_id is not None:
            query = query.where(Grid.community_id == community_id)
        return set(session.exec(query))


def test_list_is_grouped_by_community(tab):
    assert tab.count_label.text() == "共 51 条"
    column = tab.model.column_index("community")
    first_group = tab.table.rowSpan(0, column)
    assert first_group > 1
    communities = {tab.proxy.source_row(r).community for r in range(first_group)}
    assert len(communities) == 1
    _choose_community(tab, "新桥社区")
    assert tab.count_label.text().startswith("显示 ") and tab.table.rowSpan(0, column) == tab.proxy.rowCount()


def test_map_draws_one_item_per_grid(tab, demo_db):
    view = tab.map_panel.view
    area_items = [item for item in view.scene().items() if isinstance(item, GridAreaItem)]
    assert len(area_items) == len(view.items_by_grid) == 51
    assert set(view.items_by_grid) == _grid_ids(demo_db)
    community_id = _choose_community(tab, "明德社区")
    assert set(view.items_by_grid) == _grid_ids(demo_db, community_id)
    assert tab.map_panel.stack.currentWidget() is view


def test_clicking_an_area_selects_the_grid_in_the_list(tab, qtbot):
    _choose_community(tab, "文昌社区")
    view = tab.map_panel.view
    grid_id, item = sorted(view.items_by_grid.items())[1]
    position = view.mapFromScene(item.label.pos())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert tab.current_row().id == grid_id
    assert item.selected


def test_selecting_in_the_list_highlights_on_the_map(tab):
    tab.table.selectRow(3)
    tab.table.setCurrentIndex(tab.proxy.index(3, 1))
    grid_id = tab.proxy.source_row(3).id
    assert tab.map_panel.view.items_by_grid[grid_id].selected
    assert grid_id in [row.id for row in tab.selected_rows()]


def test_hover_card_and_colours(tab, qtbot):
    view = tab.map_panel.view
    row = next(r for r in tab.model._rows if r.deputy_count == 0)
    item = view.items_by_grid[row.id]
    qtbot.mouseMove(view.viewport(), view.mapFromScene(item.label.pos()))
    qtbot.waitUntil(lambda: bool(item.toolTip()))
    assert row.code in item.toolTip() and "暂无在任代表联系" in item.toolTip() and "重点户" in item.toolTip()
    assert item.brush().color().rgb() == QColor("#e53935").rgb()
    tab.map_panel.set_mode(OPINIONS)
    busy = max(tab.model._rows, key=lambda r: r.open_opinions)
    assert busy.open_opinions > 0
    assert view.items_by_grid[busy.id].brush().color().rgb() == fill_color(busy, OPINIONS).rgb()
    assert "按未办结意见" in tab.map_panel.legend.text() and "6 件及以上" in tab.map_panel.legend.text()


def test_coverage_panel_shows_the_gaps_and_opens_a_grid(tab, monkeypatch):
    opened = []
    monkeypatch.setattr(GridEditorDialog, "exec", lambda self: opened.append(self.grid_id) or 0)
    panel = tab.coverage
    assert panel.empty_list.count() == 2 and panel.crowded_list.count() == 1 and panel.unplaced_list.count() == 2
    assert "96.1%" in panel.summary.text() and "98.2%" in panel.summary.text()
    item = panel.empty_list.item(0)
    panel.empty_list.itemClicked.emit(item)
    grid_id = item.data(Qt.ItemDataRole.UserRole)
    assert opened == [grid_id] and tab.current_row().id == grid_id


def test_placing_an_unplaced_deputy_from_the_panel(tab, monkeypatch):
    def place_and_accept(dialog: DeputyGridsDialog) -> int:
        top = dialog.picker.tree.topLevelItem(0)
        top.child(0).setCheckState(0, Qt.CheckState.Checked)
        dialog.accept()
        return 1

    monkeypatch.setattr(DeputyGridsDialog, "exec", place_and_accept)
    panel = tab.coverage
    panel.unplaced_list.itemClicked.emit(panel.unplaced_list.item(0))
    assert panel.unplaced_list.count() == 1
    assert "99.1%" in panel.summary.text()


def test_grid_editor_refuses_a_taken_code_then_saves(qtbot, demo_db):
    create_application()
    with demo_db.session() as session:
        first, second = session.exec(select(Grid).order_by(Grid.id).limit(2)).all()
    dialog = GridEditorDialog(demo_db, second.id)
    qtbot.addWidget(dialog)
    dialog.ui.code.setText(first.code)
    dialog.accept()
    assert "已被其他网格使用" in dialog.errors.shown()["code"]
    dialog.ui.code.setText("JT-NEW-1")
    dialog.ui.households.setValue(500)
    first_category = next(iter(dialog.special_boxes))
    dialog.special_boxes[first_category].setValue(17)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    with demo_db.session() as session:
        saved = session.get(Grid, second.id)
    count = grid_category_counts(demo_db)[second.id][first_category]
    assert (saved.code, saved.households, count) == ("JT-NEW-1", 500, 17)


def test_new_grid_needs_a_name(qtbot, demo_db):
    create_application()
    dialog = GridEditorDialog(demo_db, None, community_id=1)
    qtbot.addWidget(dialog)
    dialog.ui.code.setText("JT-01-99")
    dialog.accept()
    assert "请填写网格名称" in dialog.errors.shown()["name"]
    assert dialog.ui.community.currentData() == 1


def test_without_areas_the_map_says_how_to_add_them(qtbot, demo_db):
    with demo_db.session() as session:
        session.exec(update(Grid).values(area_geojson=""))
    create_application()
    page = GridsTab(demo_db, FixedClock(DEMO_TODAY))
    qtbot.addWidget(page)
    page.reload()
    assert page.proxy.rowCount() == 51
    assert page.map_panel.stack.currentWidget() is page.map_panel.message
    text = page.map_panel.message.text()
    assert "还没有范围" in text and "导入 GeoJSON" in text and "载入扫描地图" in text
    assert not page.map_panel.pdf_button.isEnabled()


def test_tracing_an_area_on_a_scanned_map(tab, demo_db, tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    picture = tmp_path / "扫描 地图.png"
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#fafafa"))
    assert image.save(str(picture))
    community_id = _choose_community(tab, "西园社区")
    stored = store_map_image(demo_db, community_id, picture)
    assert stored.startswith("地图/") and (demo_db.attachments_dir / stored).is_file()
    tab.reload()
    panel = tab.map_panel
    assert panel.trace_button.isEnabled() and panel.view.items_by_grid == {}
    tab.table.setCurrentIndex(tab.proxy.index(0, 1))
    grid_id = tab.current_row().id
    panel.start_tracing()
    view = panel.view
    for x, y in ((50, 40), (200, 40), (200, 150)):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(x, y))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    with demo_db.session() as session:
        geometry = json.loads(session.get(Grid, grid_id).area_geojson)
    assert geometry["frame"] == IMAGE_FRAME
    ring = geometry["coordinates"][0]
    assert len(ring) == 4 and ring[0] == ring[-1]
    assert abs(ring[1][0] - 200) < 2 and abs(ring[1][1] + 40) < 2   # pixels, y stored negated
    assert list(panel.view.items_by_grid) == [grid_id]


def test_escape_cancels_tracing(tab, demo_db, qtbot, tmp_path):
    community_id = _choose_community(tab, "西园社区")
    picture = tmp_path / "图.png"
    image = QImage(100, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    image.save(str(picture))
    store_map_image(demo_db, community_id, picture)
    with demo_db.session() as session:
        before = session.exec(select(Grid.area_geojson).where(Grid.community_id == community_id)).all()
    tab.reload()
    tab.table.setCurrentIndex(tab.proxy.index(0, 1))
    tab.map_panel.view.start_tracing()
    view = tab.map_panel.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(10, 10))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.tracing()
    with demo_db.session() as session:
        assert session.exec(select(Grid.area_geojson).where(Grid.community_id == community_id)).all() == before


def test_the_printed_map_is_the_service_s_paper_in_the_mode_shown(tab, monkeypatch):
    shown = {}

    class Preview:
        def __init__(self, path, **options):
            shown.update(options, path=path)

        def exec(self):
            return 0

    monkeypatch.setattr("gridoffice.widgets.pdf_preview.PdfPreviewDialog", Preview)
    _choose_community(tab, "石岗村")
    tab.map_panel.set_mode(OPINIONS)
    tab.map_panel.print_map()
    reader = PdfReader(shown["path"])
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    assert "石岗村网格图" in text and "按未办结意见着色" in text and "无未办结意见" in text
    assert all(f"JT-11-0{n}" in text for n in range(1, 5)) and "石岗村" in text


def test_households_dialog_edits_counts_with_totals(qtbot, demo_db):
    create_application()
    dialog = HouseholdsDialog(demo_db, community_id=1)
    qtbot.addWidget(dialog)
    table = dialog.count_table
    shown = [r for r in range(table.rowCount() - 1) if not table.isRowHidden(r)]
    assert len(shown) == 3
    item = table.item(shown[0], 3)
    wanted = int(item.data(Qt.ItemDataRole.EditRole)) + 3    # never below the households registered one by one
    item.setData(Qt.ItemDataRole.EditRole, wanted)
    totals_row = table.rowCount() - 1
    expected = sum(int(table.item(r, 3).data(Qt.ItemDataRole.EditRole)) for r in shown)
    assert table.item(totals_row, 3).data(Qt.ItemDataRole.DisplayRole) == expected
    grid_id, category_id = item.data(Qt.ItemDataRole.UserRole)
    dialog.accept()
    assert grid_category_counts(demo_db)[grid_id][category_id] == wanted


def test_unknown_communities_in_an_excel_file_are_created_only_when_asked(tab, demo_db, tmp_path, monkeypatch):
    from gridoffice.views.roster.import_preview import ImportPreviewDialog
    from tests.sheet_fixtures import write_table

    path = write_table(tmp_path / "新 网格.xls", "xls", {"网格": [["街道网格划分表"], ["编号", "名称", "社区（村）", "户数"],
                                                                ["XQ-01", "新区第1网格", "新区社区", 120.0]]},
                       merges={"网格": [(0, 0, 0, 3)]})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    seen = {}

    def cancel(self):
        seen.update(outcome=self.outcome_label.text(), can_import=self.import_button.isEnabled(),
                    tabs=[self.tabs.tabText(i) for i in range(self.tabs.count())], source=self.source_label.text())
        return 0

    monkeypatch.setattr(ImportPreviewDialog, "exec", cancel)
    tab.import_excel()
    assert seen["can_import"] is False
    assert seen["outcome"] == ("文件中共 1 行数据：将新增 1 个网格，更新 0 个网格；文件中有 1 个社区尚不存在（新区社区）。"
                               "请勾选“同时新建”后导入，或先在网格列表中新建这些社区。")
    assert seen["tabs"] == ["新增的网格（1）"]
    assert seen["source"] == ("Excel 97-2003 工作簿。读取了工作表“网格”，表头在第 2 行。\n"
                              "导入的列：网格编号（“编号”）、网格名称（“名称”）、所属社区（“社区（村）”）、户数。")
    with demo_db.session() as session:
        assert session.exec(select(Community).where(Community.name == "新区社区")).first() is None

    def tick_and_import(self):
        self.create_communities.click()
        seen.update(outcome=self.outcome_label.text(), can_import=self.import_button.isEnabled())
        self.import_button.click()
        return self.result()

    monkeypatch.setattr(ImportPreviewDialog, "exec", tick_and_import)
    tab.import_excel()
    assert seen["can_import"] is True
    assert seen["outcome"] == "文件中共 1 行数据：将新增 1 个网格，更新 0 个网格，新建社区 1 个（新区社区）。确认无误后点“导入”写入。"
    assert tab.count_label.text() == "共 52 条"
    assert any(tab.community_box.itemText(i).startswith("新区社区") for i in range(tab.community_box.count()))
    with demo_db.session() as session:
        assert session.exec(select(Grid.households).where(Grid.code == "XQ-01")).one() == 120


def test_grid_editor_tabs_through_the_household_boxes(qtbot, demo_db):
    create_application()
    with demo_db.session() as session:
        grid_id = session.exec(select(Grid.id).where(Grid.area_geojson != "")).first()
    dialog = GridEditorDialog(demo_db, grid_id)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.ui.notes.setFocus()
    boxes = list(dialog.special_boxes.values())
    expected = [dialog.ui.deputies, *boxes, dialog.ui.clear_area]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() in (widget, getattr(widget, "lineEdit", lambda: None)())
    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.ui.code


def test_the_printed_map_is_dated_by_the_clock(tab, monkeypatch):
    shown = {}

    class Preview:
        def __init__(self, path, **options):
            shown.update(options, path=path)

        def exec(self):
            return 0

    monkeypatch.setattr("gridoffice.widgets.pdf_preview.PdfPreviewDialog", Preview)
    _choose_community(tab, "江滨社区")
    tab.map_panel.print_map()
    text = PdfReader(shown["path"]).pages[0].extract_text()
    assert "江滨社区网格图" in shown["title"] and "制图日期：2026年11月20日" in text
    assert shown["suggested_name"] == "江滨社区网格图-20261120.pdf"


def test_exporting_the_grids(tab, tmp_path, monkeypatch):
    target = tmp_path / "网格 名单"
    said = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(text))
    tab.export_excel()
    rows = list(load_workbook(target.with_suffix(".xlsx")).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 51 and said[0].startswith("已导出 51 个网格到")


def test_moving_grids_to_another_community(tab, demo_db, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: ("明德社区", True))
    tab.table.selectRow(0)
    tab.table.setCurrentIndex(tab.proxy.index(0, 1))
    row = tab.current_row()
    assert row.community != "明德社区"
    tab.move_selected()
    assert tab.model.row_at(tab.model.row_of_grid(row.id)).community == "明德社区"


def test_a_community_with_grids_cannot_be_deleted_but_a_new_one_can(qtbot, demo_db, monkeypatch):
    create_application()
    warned = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    busy = CommunityDialog(demo_db, 1)
    qtbot.addWidget(busy)
    busy.delete()
    assert not busy.deleted and "请先把网格移到其他社区" in warned[0]
    fresh = CommunityDialog(demo_db)
    qtbot.addWidget(fresh)
    fresh.name_edit.setText("  新村  ")
    fresh.kind_box.setCurrentText("村")
    fresh.accept()
    with demo_db.session() as session:
        assert session.get(Community, fresh.community_id).name == "新村"
    again = CommunityDialog(demo_db, fresh.community_id)
    qtbot.addWidget(again)
    again.delete()
    assert again.deleted
    with demo_db.session() as session:
        assert session.get(Community, fresh.community_id) is None
