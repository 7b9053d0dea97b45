"""统计 on the district-sized database: a year's figures, the tab's other pages, the annual report.

    python bench/bench_stats.py [--db district.sqlite] [--runs 5]

Without --db, builds the district demo (`gridoffice demo --scale district`) in a temporary folder
first (~30 s). Prints the median and the fastest run of each service call against the aims of
issue 12: a year's figures under 200 ms, the annual report PDF under 2 s. On a shared machine the
median moves with the load; the fastest run is what the code costs.
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gridoffice.clock import SYSTEM_CLOCK  # noqa: E402
from gridoffice.db import Database  # noqa: E402

FIGURES_AIM_MS, REPORT_AIM_MS = 200, 2000


def timed(action, runs: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), result


def run(db: Database, runs: int, folder: Path) -> list[tuple[str, float, float, str, int | None]]:
    from sqlalchemy import func
    from sqlmodel import select

    from gridoffice.domain import Activity
    from gridoffice.services.stats.breakdowns import breakdowns
    from gridoffice.services.stats.checks import run_checks
    from gridoffice.services.stats.figures import office_figures
    from gridoffice.services.stats.period import Period, Scope
    from gridoffice.services.stats.points import rank_deputies
    from gridoffice.services.stats.records import records_behind
    from gridoffice.services.stats.report import write_annual_report
    from gridoffice.services.stats.series import charts

    with db.session() as session:
        today = session.exec(select(func.max(Activity.date))).one() or SYSTEM_CLOCK.today()   # the demo's today
    year = Period.year(today.year)
    whole = Scope()
    steps = (
        ("一年的数字（含上年同比）", FIGURES_AIM_MS, lambda: office_figures(db, year, whole), None),
        ("一年的数字（不含同比）", FIGURES_AIM_MS, lambda: office_figures(db, year, whole, compare=False), None),
        ("一年的数字：一个联络站", FIGURES_AIM_MS, lambda: office_figures(db, year, Scope.station(5, "")), None),
        ("分类统计（9 张表）", None, lambda: breakdowns(db, year, whole), None),
        ("图表数据", None, lambda: charts(db, year, whole), None),
        ("核对", None, lambda: run_checks(db, year, whole, today=today), None),
        ("履职积分排名（全年）", None, lambda: rank_deputies(db, year, whole, today=today), None),
        ("代表人次背后的记录", None, lambda: records_behind(db, year, whole, "person_times"), None),
        ("年度工作统计报告 PDF", REPORT_AIM_MS,
         lambda: write_annual_report(db, today.year, folder / "报告.pdf", today=today), "报告.pdf"),
        ("年度工作统计报告 Word", REPORT_AIM_MS,
         lambda: write_annual_report(db, today.year, folder / "报告.docx", today=today), "报告.docx"),
    )
    results = []
    for label, aim, action, file_name in steps:
        median, fastest, result = timed(action, runs if file_name is None else max(1, runs // 2))
        size = None
        if file_name:
            size = (folder / file_name).stat().st_size
        elif hasattr(result, "figures"):
            size = result["person_times"].value
        elif isinstance(result, list):
            size = len(result)
        elif hasattr(result, "rows"):
            size = len(result.rows)
        elif hasattr(result, "scores"):
            size = len(result.scores)
        results.append((label, median, fastest, f"{aim} ms" if aim else "", size))
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
            results = run(db, args.runs, Path(folder))
    width = max(len(label) for label, *_ in results) + 2
    print(f"{'步骤':<{width}}{'中位数':>10}{'最快':>10}   目标       结果")
    for label, median, fastest, aim, size in results:
        print(f"{label:<{width}}{median:>8.0f}ms{fastest:>8.0f}ms   {aim:<10} {'' if size is None else size}")


if __name__ == "__main__":
    main()
