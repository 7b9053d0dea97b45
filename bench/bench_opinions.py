"""走访记录 and 民情办理 on the district-sized database: opening the tabs and filtering them.

    python bench/bench_opinions.py [--db district.sqlite] [--runs 5]

Without --db, builds the district demo in a temporary folder first (~20 s). Prints the
median of each step in milliseconds; the aim (issue 5) is under 100 ms for opening a tab
and for filtering by deputy or by date. "Opening" is what the window does: build the tab,
read its default window of rows, fill and sort the table.
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


def median_ms(action, runs: int, before=None) -> float:
    """The median time of `action`; `before` (not timed) runs ahead of each try."""
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def busiest_deputy(db: Database) -> tuple[int, str]:
    from sqlalchemy import func

    from gridoffice.domain import ActivityDeputyLink

    with db.session() as session:
        deputy_id = session.exec(select(ActivityDeputyLink.deputy_id).group_by(ActivityDeputyLink.deputy_id)
                                 .order_by(func.count().desc())).first()
        return deputy_id, session.get(Deputy, deputy_id).name


def run(db: Database, runs: int) -> list[tuple[str, float, int]]:
    from gridoffice.gui import create_application
    from gridoffice.views.activities.tab import ActivitiesTab
    from gridoffice.views.opinions.tab import OpinionsTab

    create_application()
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
            tab.restore_state()
            tab.reload()
            tabs[tab_class] = tab
        return action

    for tab_class in (ActivitiesTab, OpinionsTab):
        name = tab_class.title
        results.append((f"{name}：打开（默认范围）", median_ms(open_tab(tab_class), runs),
                        tabs[tab_class].proxy.rowCount()))
        tab = tabs[tab_class]

        def by_deputy(tab=tab):
            tab.deputy_filter.set_deputy(deputy_id, deputy_name)

        def clear_deputy(tab=tab):
            tab.deputy_filter.set_deputy(None)

        results.append((f"{name}：按代表筛选（{deputy_name}）", median_ms(by_deputy, runs, before=clear_deputy),
                        tab.proxy.rowCount()))
        clear_deputy()
        for label, start, end in (("按日期筛选（一个月）", today.replace(day=1), today),
                                  ("按日期筛选（本年）", dt.date(today.year, 1, 1), today)):
            results.append((f"{name}：{label}", median_ms(lambda s=start, e=end, t=tab: t.dates.set_range(s, e), runs),
                            tab.proxy.rowCount()))
        tab.dates.set_preset("近三个月")
        word = "路灯" if tab_class is OpinionsTab else "老人"
        results.append((f"{name}：搜索框输入“{word}”", median_ms(lambda t=tab: t.search_box.setText(word), runs,
                                                                before=tab.search_box.clear), tab.proxy.rowCount()))
        tab.search_box.clear()
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
    width = max(len(label) for label, _ms, _rows in results) + 2
    print(f"{'步骤':<{width}}{'中位数':>10}{'行数':>8}   目标 {AIM_MS} ms")
    for label, ms, rows in results:
        verdict = "" if ms <= AIM_MS else f"   超出目标 {ms / AIM_MS:.1f} 倍"
        print(f"{label:<{width}}{ms:>8.1f}ms{rows:>8}{verdict}")


if __name__ == "__main__":
    main()
