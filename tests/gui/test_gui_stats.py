"""The 统计 tab on the hand-built office: what it shows equals the services' counts (and so the JSON and
the papers), every number opens its records, the checks open the record to correct, the points page
edits rules and adjustments."""

import pytest
from PySide6.QtGui import QTextDocumentFragment
from pypdf import PdfReader

from gridoffice.clock import FixedClock
from gridoffice.gui import create_application
from gridoffice.services.stats.figures import office_figures
from gridoffice.services.stats.period import Period, Scope
from gridoffice.services.stats.points import rule_table
from gridoffice.views.stats import records_dialog
from gridoffice.views.stats.period_picker import MONTH, QUARTER
from gridoffice.views.stats.tab import StatsTab
from tests.stats_fixtures import TODAY, build_stats_office


@pytest.fixture
def office(db):
    return build_stats_office(db)


@pytest.fixture
def tab(qtbot, office):
    create_application()
    page = StatsTab(office.db, FixedClock(TODAY))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def opened(monkeypatch):
    """The records dialogs the tab opens: (title, rows, total), never left waiting."""
    shown = []

    def exec_(dialog):
        shown.append((dialog.listing.title, len(dialog.listing.rows), dialog.listing.total))
        return 0
    monkeypatch.setattr(records_dialog.RecordsDialog, "exec", exec_)
    return shown


def plain(html: str) -> str:
    return QTextDocumentFragment.fromHtml(html).toPlainText()


def test_the_sentence_and_the_cards_are_the_services_figures(tab, office):
    figures = office_figures(office.db, Period.year(2026), Scope())
    assert plain(tab.overview.sentence.text()) == figures.sentence()
    assert tab.overview.cards["person_times"].value.text() == "11人次"
    assert tab.overview.cards["resolve_rate"].value.text() == "50.0%"
    assert tab.overview.cards["activities"].change.text() == "上年同期 1次，增加 7次（700.0%）"
    assert tab.pages.tabText(tab.pages.indexOf(tab.checks_page)) == "核对（9）"
    assert "发现 6 类问题，共 9 条记录需要核对" in tab.overview.banner.text()


def test_a_figure_and_a_linked_number_open_their_records(tab, opened):
    tab.overview.cards["person_times"].value.click()
    tab.overview.sentence.linkActivated.emit("opinions_resolved")
    assert opened == [("2026年 · 组织代表参加活动", 11, 11), ("2026年 · 办结", 4, 4)]


def test_another_period_and_scope_count_again(tab, office):
    tab.picker.set_period(QUARTER, 2026, 1)
    assert plain(tab.overview.sentence.text()).startswith("2026年第一季度，东园街道人大工委组织代表6人次开展活动3次")
    tab.scope_box.setCurrentIndex(tab.scope_box.findText("联络站：东园片区"))
    assert plain(tab.overview.sentence.text()).startswith("2026年第一季度，东园片区组织代表5人次开展活动2次")
    tab.scope_box.setCurrentIndex(tab.scope_box.findText("社区：西园社区"))
    assert "接待日" not in plain(tab.overview.sentence.text())
    assert tab.overview.cards["reception_held"].value.text() == "—"
    tab.picker.set_period(MONTH, 2026, 4)
    assert tab.period() == Period.month(2026, 4)


def test_a_breakdown_cell_opens_the_records_of_its_row(tab, opened):
    tab.pages.setCurrentWidget(tab.breakdown_page)
    page = tab.breakdown_page
    assert [page.list.item(i).text() for i in range(page.list.count())][:3] == ["按活动类型", "按联络站", "按社区"]
    model = page.model
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert labels[0] == "入户走访" and labels[-1] == "合计"
    assert [model.index(model.rowCount() - 1, c).data() for c in range(4)] == ["合计", "8", "11", "33"]
    page.open_cell(model.index(0, 2))                   # 入户走访, 代表人次
    page.open_cell(model.index(model.rowCount() - 1, 1))  # 合计, 活动次数
    assert opened == [("2026年 · 入户走访 · 组织代表参加活动", 3, 3), ("2026年 · 按活动类型 · 开展活动", 8, 8)]


def test_the_charts_page_draws_five_charts_that_open_their_records(tab, opened):
    tab.pages.setCurrentWidget(tab.charts_page)
    assert len(tab.charts_page.views) == 5
    funnel = tab.charts_page.data.funnel
    tab.charts_page._open(funnel[3])
    assert opened == [("2026年 · 办结 · 办结", 4, 4)]


def test_a_check_opens_the_record_and_the_figures_are_counted_again(tab, office, monkeypatch):
    from gridoffice.domain import ActivityDeputyLink
    from gridoffice.views.stats import checks_page

    tab.pages.setCurrentWidget(tab.checks_page)
    tree = tab.checks_page.tree
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert titles[1] == "⚠ 没有代表参加的活动和接待日：2 条" and titles[0].startswith("⚠ 办结与收集对不上")
    opened = []

    def correct(_parent, db, _clock, kind, record_id):
        opened.append((kind, record_id))
        with db.session() as session:
            session.add(ActivityDeputyLink(activity_id=record_id, deputy_id=office["D1"]))
        return True
    monkeypatch.setattr(checks_page, "open_record", correct)
    tab.checks_page._open(tree.topLevelItem(1).child(0))
    assert opened == [("activity", office["A6"])]
    assert tab.pages.tabText(tab.pages.indexOf(tab.checks_page)) == "核对（8）"
    assert tab.overview.cards["person_times"].value.text() == "12人次"


def test_the_points_page_ranks_and_its_rules_are_edited_by_year(tab, office, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from gridoffice.views.stats.rules_dialog import RulesDialog

    tab.pages.setCurrentWidget(tab.points_page)
    page = tab.points_page
    rows = {page.model.row_at(r).name: page.model.row_at(r) for r in range(page.model.rowCount())}
    assert rows["张一"].period_points == 27 and rows["张一"].total == 87
    assert "默认积分规则" in page.rules_label.text()
    dialog = RulesDialog(office.db, 2026, tab)
    qtbot.addWidget(dialog)
    points, _cap, _threshold = dialog.editors["reception_duty"]
    points.setValue(6)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    dialog.save_button.click()
    assert told == ["已保存2026年的积分规则。"] and rule_table(office.db, 2026)["reception_duty"].points == 6
    assert rule_table(office.db, 2025).source_year is None
    assert dialog.saved and "2026年：2026年积分规则" in dialog.source.text()


def test_an_adjustment_needs_its_reason_in_the_form(tab, office, qtbot):
    from gridoffice.services.stats.points import list_adjustments
    from gridoffice.views.stats.adjustments_dialog import AdjustmentFormDialog

    dialog = AdjustmentFormDialog(office.db, FixedClock(TODAY), 2026, tab, deputy_id=office["D2"])
    qtbot.addWidget(dialog)
    dialog.ui.kind.setCurrentText("扣分")
    dialog.ui.points.setValue(2)
    dialog.accept()
    assert list(dialog.errors.shown()) == ["reason"] and "理由" in dialog.errors.shown()["reason"]
    dialog.ui.reason.setPlainText("无故缺席5月例会")
    dialog.accept()
    assert [(r.deputy, r.points, r.reason) for r in list_adjustments(office.db, 2026)] == [("李二", -2, "无故缺席5月例会")]


def test_the_report_is_printed_after_the_checks(tab, office, monkeypatch, tmp_path):
    from gridoffice.views.stats import printing

    asked, shown = [], []
    monkeypatch.setattr(printing, "ask_print_anyway", lambda _parent, text: asked.append(text) or True)
    monkeypatch.setattr("gridoffice.widgets.pdf_preview.PdfPreviewDialog.exec", lambda self: shown.append(self.pdf_path))
    tab.print_current()
    assert asked and asked[0].startswith("发现 6 类问题")
    text = "".join("".join(page.extract_text() for page in PdfReader(shown[0]).pages).split())
    assert "".join(plain(tab.overview.sentence.text()).split()) in text


def test_the_help_says_what_a_person_time_is(tab, qtbot):
    from gridoffice.views.stats.help_dialog import HelpDialog

    dialog = HelpDialog(tab)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "一名代表参加一次活动算一人次" in text and "不加进活动次数和人次" in text


def test_the_models_pass_the_model_tester(tab, qtmodeltester):
    for page in (tab.breakdown_page, tab.points_page):
        tab.pages.setCurrentWidget(page)
        qtmodeltester.check(page.model)


def test_the_tab_takes_the_shortcut_of_its_place(qtbot, office):
    from gridoffice.views.shell.main_window import TABS, MainWindow

    create_application()
    main = MainWindow(office.db, FixedClock(TODAY))
    qtbot.addWidget(main)
    index = [title for title, *_ in TABS].index("统计")
    assert main.tab_switches[index].shortcut().toString() == f"Ctrl+{index + 1}"
    main.tab_switches[index].trigger()
    assert isinstance(main.current_tab(), StatsTab)
    main.close()


@pytest.mark.parametrize("kind, key, dialog_name", [("suggestion", "SG1", "SuggestionDialog"),
                                                     ("project", "P1", "ProjectDialog"),
                                                     ("meeting", "M1", "MeetingDialog")])
def test_a_record_of_outcomes_behind_a_figure_opens_in_its_own_form(tab, office, monkeypatch, kind, key, dialog_name):
    from PySide6.QtWidgets import QDialog

    from gridoffice.views.stats.opening import open_record

    shown = []

    def look(dialog) -> int:
        shown.append((type(dialog).__name__, dialog.record_id, dialog.windowTitle()))
        return QDialog.DialogCode.Rejected
    monkeypatch.setattr(QDialog, "exec", look)
    assert open_record(tab, office.db, tab.clock, kind, office[key]) is False   # looked at, not changed
    assert shown and shown[0][:2] == (dialog_name, office[key])
