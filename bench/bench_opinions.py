"""走访记录 and 民情办理 on the district database (100,000 activities, 50,000 opinions over five
years): opening the tabs, filtering, searching, sorting and scrolling them.

    python bench/bench_opinions.py [--db district.sqlite] [--runs 5]

Without --db, builds the district demo in a temporary folder first (~30 s). Each step is timed to
the first screen of rows: the step itself (the database counts and reads the first window) and
the paint of the table. The totals line follows in the next turn of the event loop, timed apart.
Medians of wall time and of this process's CPU time (the machine is shared: CPU time is what the
step costs). Aim (issue 18): the first screen within 100 ms, whatever the filter.
"""
import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import select  # noqa: E402

from gridoffice.db import Database  # noqa: E402
from gridoffice.clock import SYSTEM_CLOCK, FixedClock  # noqa: E402
from gridoffice.domain import Activity, Deputy, Opinion  # noqa: E402

AIM_MS = 100


def timed(action, runs: int, before=None, after=None) -> tuple[float, float]:
    """Median (wall ms, CPU ms) of `action` then `after` (both timed); `before` runs untimed."""
    walls, cpus = [], []
    for _ in range(runs):
        if before:
            before()
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        if after:
            after()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def busiest_deputy(db: Database) -> tuple[int, str]:
    from sqlalchemy import func

    from gridoffice.domain import ActivityDeputyLink

    with db.session() as session:
        deputy_id = session.exec(select(ActivityDeputyLink.deputy_id).group_by(ActivityDeputyLink.deputy_id)
                                 .order_by(func.count().desc())).first()
        return deputy_id, session.get(Deputy, deputy_id).name


def run(db: Database, runs: int) -> list[tuple[str, tuple[float, float], tuple[float, float] | None, int]]:
    from PySide6.QtCore import Qt

    from gridoffice.gui import create_application
    from gridoffice.views.activities.tab import ActivitiesTab
    from gridoffice.views.opinions.tab import OpinionsTab

    app = create_application()
    with db.session() as session:
        today = session.exec(select(Activity.date).order_by(Activity.date.desc())).first()
        assert session.exec(select(Opinion.id)).first() is not None
    clock = FixedClock(today)   # the demo's last day, as if the window were opened then
    deputy_id, deputy_name = busiest_deputy(db)
    results = []
    tabs = {}

    def open_tab(tab_class):
        def action():
            tab = tab_class(db, clock)
            tab.resize(1400, 800)
            tab.restore_state()
            tab.reload()
            tabs[tab_class] = tab
        return action

    for tab_class in (ActivitiesTab, OpinionsTab):
        name = tab_class.title
        times = timed(open_tab(tab_class), runs, after=lambda: tabs[tab_class].table.viewport().grab())
        tab = tabs[tab_class]

        def paint(tab=tab):
            tab.table.viewport().grab()     # the rows on screen: what the clerk waits for

        def totals(tab=tab):
            app.processEvents()             # the totals line, which follows the rows
            assert tab.summary_label.text()

        def step(label, action, before=None, tab=tab):
            first = timed(action, runs, before, after=paint)
            summed = timed(lambda: (action(), paint(), totals()), runs, before)
            results.append((f"{name}：{label}", first, summed, tab.proxy.rowCount()))

        results.append((f"{name}：打开（默认范围）", times, None, tab.proxy.rowCount()))
        step(f"按代表筛选（{deputy_name}）", lambda: tab.deputy_filter.set_deputy(deputy_id, deputy_name),
             lambda: tab.deputy_filter.set_deputy(None))
        tab.deputy_filter.set_deputy(None)
        for label, start, end in (("按日期筛选（一个月）", today.replace(day=1), today),
                                  ("按日期筛选（本年）", dt.date(today.year, 1, 1), today)):
            step(label, lambda s=start, e=end: tab.dates.set_range(s, e), lambda: tab.dates.set_preset("近三个月"))
        step("全部日期（五年）", lambda: tab.dates.set_preset("全部"), lambda: tab.dates.set_preset("近三个月"))
        word = "路灯" if tab_class is OpinionsTab else "老人"

        def search(text, tab=tab):
            tab.search_box.setText(text)
            tab.model.reload()              # the search itself, without the pause in the typing

        step(f"全部日期中搜索“{word}”", lambda: search(word), lambda: search(""))
        search("")
        column = tab.model.column_index("content" if tab_class is OpinionsTab else "summary")
        key, order = tab.default_sort

        def newest_first(tab=tab):
            tab.table.sortByColumn(tab.model.column_index(key), order)

        step(f"全部日期按“{tab.model.COLUMNS[column].header}”排序",
             lambda: tab.table.sortByColumn(column, Qt.SortOrder.AscendingOrder), newest_first)
        step("全部日期滚动到末尾（最新的在前）", lambda: tab.table.scrollToBottom(), newest_first)
        step(f"按“{tab.model.COLUMNS[column].header}”排序后滚动到末尾", lambda: tab.table.scrollToBottom(),
             lambda: tab.table.sortByColumn(column, Qt.SortOrder.AscendingOrder))
        newest_first()
        tab.dates.set_preset("近三个月")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="a district database (gridoffice demo --scale district)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gridoffice bench ") as folder:
        os.environ["GRIDOFFICE_DATA_DIR"] = folder
        path = args.db
        if path is None:
            from gridoffice.services.demo.build import build_demo

            path = Path(folder) / "district.sqlite"
            print("正在生成全区规模的演示数据库…", flush=True)
            with Database.open(path) as db:
                build_demo(db, scale="district", today=SYSTEM_CLOCK.today())
        with Database.open(path, lock=False) as db:
            results = run(db, args.runs)
    width = max(len(label) for label, *_ in results) + 2
    print(f"{'步骤':<{width}}{'首屏 墙钟/CPU':>16}{'含合计行 墙钟/CPU':>20}{'行数':>8}   目标：首屏 {AIM_MS} ms")
    for label, (wall, cpu), summed, rows in results:
        totals = f"{summed[0]:>8.1f}/{summed[1]:<7.1f}" if summed else " " * 16
        verdict = "" if cpu <= AIM_MS else f"   超出目标 {cpu / AIM_MS:.1f} 倍"
        print(f"{label:<{width}}{wall:>8.1f}/{cpu:<7.1f}{totals:>20}{rows:>8}{verdict}")


if __name__ == "__main__":
    main()
