"""The long lists (走访记录, 民情办理) read their rows a window at a time, searched and sorted by the
database: they show exactly what a full load searched and sorted in Python would show."""
import datetime as dt
import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gridoffice.clock import FixedClock
from gridoffice.db import Database
from gridoffice.gui import create_application
from gridoffice.models import paged
from gridoffice.models.table_model import _sortable
from gridoffice.services.activities.records import activity_totals, list_activities
from gridoffice.services.opinions.listing import OpinionFilter, list_opinions, status_counts
from gridoffice.views.activities.tab import ActivitiesTab
from gridoffice.views.opinions.tab import OpinionsTab

TODAY = dt.date(2026, 11, 20)
# sorted by the shown text in Python, by the stored value's shown parts in the database: close, not exact
APPROXIMATE_SORTS = {"phone", "address"}


@pytest.fixture
def db(demo_file, monkeypatch):
    monkeypatch.setattr(paged, "WINDOW", 7)   # many windows even in the demo office's lists
    create_application()
    with Database.open(demo_file) as database:
        yield database


def open_tab(qtbot, tab_class, db):
    tab = tab_class(db, FixedClock(TODAY))
    qtbot.addWidget(tab)
    tab.restore_state()
    tab.reload()
    return tab


def full_load(tab, db) -> list:
    """Every row the tab's filters select, read at once, newest first (the services' own order)."""
    if isinstance(tab, ActivitiesTab):
        where = tab.where()
        return list_activities(db, start=where.start, end=where.end, kind=where.kind, deputy_id=where.deputy_id,
                               grid_id=where.grid_id)
    return list_opinions(db, today=TODAY, where=tab.where())


def python_view(tab, rows: list, text: str = "", sort: tuple[str, Qt.SortOrder] | None = None) -> list[int]:
    """What the old in-memory list showed: rows holding every word of the search, stably sorted."""
    words = text.lower().split()
    rows = [row for row in rows if all(word in tab.model.search_text(row) for word in words)]
    if sort:
        column = tab.model.COLUMNS[tab.model.column_index(sort[0])]
        value = column.sort_key or column.value
        rows = sorted(rows, key=lambda row: (isinstance(_sortable(value(row)), str), _sortable(value(row))),
                      reverse=sort[1] == Qt.SortOrder.DescendingOrder)
    return [row.id for row in rows]


def lazy_view(tab, order: str = "scrolling") -> list[int]:
    """The ids the list shows, its rows read as the clerk reaches them (scrolling down, jumping about,
    or from the end of the list up)."""
    count = tab.proxy.rowCount()
    positions = list(range(count))
    if order == "jumping":
        random.Random(7).shuffle(positions)
    elif order == "from the end":
        positions.reverse()
    found = {position: tab.proxy.source_row(position) for position in positions}
    return [found[position].id for position in range(count)]


@pytest.mark.parametrize("tab_class", [ActivitiesTab, OpinionsTab])
def test_the_lazy_list_shows_the_rows_of_a_full_load_in_the_same_order(qtbot, db, tab_class):
    tab = open_tab(qtbot, tab_class, db)
    expected = [row.id for row in full_load(tab, db)]
    assert len(expected) > 5 * paged.WINDOW
    assert lazy_view(tab) == expected
    tab.reload()
    assert lazy_view(tab, "jumping") == expected
    tab.reload()
    assert [row.id for row in tab.visible_rows()] == expected   # what export and print take
    assert tab.count_label.text() == f"共 {len(expected)} 条"


@pytest.mark.parametrize("tab_class", [ActivitiesTab, OpinionsTab])
def test_sorting_by_the_database_equals_sorting_in_python(qtbot, db, tab_class):
    tab = open_tab(qtbot, tab_class, db)
    rows = full_load(tab, db)
    for column in tab.model.COLUMNS:
        if column.key in APPROXIMATE_SORTS:
            continue
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            for reading in ("jumping", "from the end"):   # the end of the list is read backwards from its last row
                tab.table.sortByColumn(tab.model.column_index(column.key), order)
                assert lazy_view(tab, reading) == python_view(tab, rows, sort=(column.key, order)), \
                    (column.key, order, reading)


def test_the_masked_columns_sort_close_to_their_shown_text(qtbot, db):
    tab = open_tab(qtbot, OpinionsTab, db)
    for key in APPROXIMATE_SORTS:
        tab.table.sortByColumn(tab.model.column_index(key), Qt.SortOrder.AscendingOrder)
        column = tab.model.column_index(key)
        shown = [tab.proxy.index(r, column).data() for r in range(tab.proxy.rowCount())]
        prefixes = [text[:2] for text in shown]
        assert prefixes == sorted(prefixes), key   # ordered by what shows, door numbers aside


def activity_words(rows) -> list[str]:
    with_deputies = next(r for r in rows if r.deputy_count > 1)
    with_grid = next(r for r in rows if r.grid)
    return ["老人", rows[3].place, with_deputies.deputies.split("、")[1], with_grid.grid, with_grid.grid.lower(),
            with_grid.station, rows[0].date.isoformat()[:7], "入户", "2026 走访", f"{rows[5].place} 2026",
            "不会有这样的字", "100%", "_"]


def opinion_words(rows) -> list[str]:
    masked = next(r.resident for r in rows if len(r.resident) > 2)
    short = next(r.address for r in rows if r.address.endswith("…"))
    return ["路灯", rows[2].serial, masked[0], masked, masked[0] + "*", "*", short.rstrip("…"), short, "…",
            "1203室", "栋", next(r.deputy for r in rows if r.deputy), next(r.department for r in rows if r.department),
            next(r.grid for r in rows if r.grid), "办理中", "满意", "代表建议", "实事", "建议、实", "交办", "2026-1",
            "电话 2026"]


@pytest.mark.parametrize("tab_class", [ActivitiesTab, OpinionsTab])
def test_searching_by_the_database_finds_what_python_found(qtbot, db, tab_class):
    tab = open_tab(qtbot, tab_class, db)
    rows = full_load(tab, db)
    words = activity_words(rows) if tab_class is ActivitiesTab else opinion_words(rows)
    found_something = 0
    for text in words:
        tab.search_box.setText(text)
        expected = python_view(tab, rows, text)
        assert lazy_view(tab) == expected, text
        found_something += bool(expected)
        total = len(rows)
        assert tab.count_label.text() == (f"共 {total} 条" if len(expected) == total
                                          else f"显示 {len(expected)} / 共 {total} 条")
    assert found_something >= len(words) - 4   # the words mostly find rows (a few are meant not to)
    tab.search_box.setText("办理中")
    tab.table.sortByColumn(tab.model.column_index("received_on" if tab_class is OpinionsTab else "date"),
                           Qt.SortOrder.AscendingOrder)
    assert lazy_view(tab) == python_view(tab, rows, "办理中", ("received_on" if tab_class is OpinionsTab
                                                               else "date", Qt.SortOrder.AscendingOrder))


def test_a_search_never_finds_what_the_list_hides(qtbot, db):
    tab = open_tab(qtbot, OpinionsTab, db)
    with db.session() as session:
        from gridoffice.domain import Opinion
        from sqlmodel import select

        opinion = session.exec(select(Opinion).where(Opinion.resident_address.like("%栋%"))).first()
    door = opinion.resident_address[opinion.resident_address.index("栋") - 2:]
    tab.search_box.setText(door)              # the building and door: not on the list
    assert tab.proxy.rowCount() == 0
    tab.search_box.setText(opinion.resident_phone)
    assert tab.proxy.rowCount() == 0


def test_the_totals_are_those_of_the_whole_list(qtbot, db):
    tab = open_tab(qtbot, ActivitiesTab, db)
    tab.search_box.setText("走访")
    QApplication.processEvents()
    searched = [row for row in full_load(tab, db) if "走访" in tab.model.search_text(row)]
    assert f"：{activity_totals(searched).describe()}" in tab.summary_label.text()
    tab = open_tab(qtbot, OpinionsTab, db)
    tab.dates.set_range(dt.date(2026, 9, 1), dt.date(2026, 10, 31))
    QApplication.processEvents()
    rows = full_load(tab, db)
    counts = status_counts(rows)
    overdue = sum(row.overdue for row in rows)
    assert tab.summary_label.text().startswith(f"当前显示 {len(rows)} 件：")
    for status, count in counts.items():
        assert (f"{status} {count}" in tab.summary_label.text()) == (count > 0)
    assert (f"其中超期 {overdue} 件" in tab.summary_label.text()) == (overdue > 0)


def test_a_row_deleted_after_the_count(qtbot, db):
    from gridoffice.services.activities.records import delete_activity

    tab = open_tab(qtbot, ActivitiesTab, db)
    tab.table.sortByColumn(tab.model.column_index("place"), Qt.SortOrder.AscendingOrder)
    rows = python_view(tab, full_load(tab, db), sort=("place", Qt.SortOrder.AscendingOrder))
    middle, near = len(rows) // 2, paged.NEAR_AN_END * paged.WINDOW
    assert near < middle < len(rows) - near - 2 * paged.WINDOW
    # sorted by a column the database keeps no index of, a window in the middle of the list: its order is known
    assert tab.proxy.source_row(middle).id == rows[middle]
    later = middle + paged.WINDOW                    # in the next window
    delete_activity(db, rows[later])                 # by another window, after the list was counted
    assert tab.proxy.source_row(later) is None and tab.proxy.index(later, 0).data() is None   # shown empty
    assert tab.proxy.source_row(later + 1).id == rows[later + 1]
    tab.table.sortByColumn(tab.model.column_index("date"), Qt.SortOrder.DescendingOrder)
    newest_first = [row.id for row in full_load(tab, db)]
    delete_activity(db, newest_first[30])
    # newest first, windows are read by position: the rows after it move up, the last place is empty
    assert [tab.proxy.source_row(r).id for r in range(28, 35)] == newest_first[28:30] + newest_first[31:36]
    assert tab.proxy.source_row(len(newest_first) - 1) is None
    tab.reload()
    assert tab.proxy.rowCount() == len(rows) - 2


def test_a_long_list_searches_when_the_typing_pauses(qtbot, db, monkeypatch):
    monkeypatch.setattr(paged, "SEARCH_AT_ONCE_UP_TO", 10)
    tab = open_tab(qtbot, OpinionsTab, db)
    before = tab.proxy.rowCount()
    tab.search_box.setText("路")
    tab.search_box.setText("路灯")
    assert tab.proxy.rowCount() == before        # not yet: the clerk is still typing
    qtbot.waitUntil(lambda: tab.proxy.rowCount() < before)
    assert lazy_view(tab) == python_view(tab, full_load(tab, db), "路灯")


def test_filters_in_a_long_list(qtbot, db):
    tab = open_tab(qtbot, OpinionsTab, db)
    tab.status_filter.set_value("status:办理中")
    tab.unfinished_check.setChecked(False)
    tab.dates.set_range(dt.date(2026, 1, 1), TODAY)
    assert lazy_view(tab, "jumping") == [row.id for row in list_opinions(
        db, today=TODAY, where=OpinionFilter(start=dt.date(2026, 1, 1), end=TODAY, include_unfinished=False,
                                             status="办理中"))]
