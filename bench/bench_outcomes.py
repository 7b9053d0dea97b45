"""履职成果 on the district-sized database: each list's first screen and the year's figures.

    python bench/bench_outcomes.py [--db district.sqlite] [--runs 5]

Without --db, builds the district demo in a temporary folder first (~30 s). Prints the median of
each service call in milliseconds against the aims of issue 21: a list's first screen (the rows
the tab shows by default: this year, or every campaign) under 100 ms, the figures under 200 ms.
The screens themselves come later; this times the services they will call.
"""
import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gridoffice.clock import SYSTEM_CLOCK
from gridoffice.db import Database  # noqa: E402

LIST_AIM_MS, FIGURES_AIM_MS = 100, 200


def median_ms(action, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def run(db: Database, runs: int) -> list[tuple[str, float, int, int]]:
    from sqlalchemy import func
    from sqlmodel import select

    from gridoffice.domain import Activity
    from gridoffice.services.outcomes import appraisals, campaigns, disputes, figures, followups, meetings, projects
    from gridoffice.services.outcomes import suggestions

    with db.session() as session:
        today = session.exec(select(func.max(Activity.date))).one() or dt.date.today()   # the demo's today
    year = today.year
    start = dt.date(year, 1, 1)
    steps = (
        ("代表建议：本年", LIST_AIM_MS, lambda: suggestions.list_suggestions(
            db, today=today, where=suggestions.SuggestionFilter(year=year))),
        ("代表建议：全部", LIST_AIM_MS, lambda: suggestions.list_suggestions(db, today=today)),
        ("为民办实事：本年清单", LIST_AIM_MS, lambda: projects.list_projects(
            db, today=today, where=projects.ProjectFilter(year=year))),
        ("会议：本年", LIST_AIM_MS, lambda: meetings.list_meetings(db, where=meetings.MeetingFilter(start=start))),
        ("述职评议会：本年", LIST_AIM_MS, lambda: appraisals.list_appraisals(db, year=year)),
        ("矛盾纠纷：本年", LIST_AIM_MS, lambda: disputes.list_disputes(db, where=disputes.DisputeFilter(start=start))),
        ("专项活动：全部（含成效）", LIST_AIM_MS, lambda: campaigns.list_campaigns(db, today=today)),
        ("回访待办", LIST_AIM_MS, lambda: followups.followups_due(db, closed_since=start)),
        ("年度数字（含上年同比）", FIGURES_AIM_MS, lambda: figures.year_figures(db, year)),
        ("满意度：按联络站", FIGURES_AIM_MS, lambda: followups.satisfaction(db, start, today, by="station")),
    )
    results = []
    for label, aim, action in steps:
        ms, rows = median_ms(action, runs)
        results.append((label, ms, len(rows), aim))
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
    print(f"{'步骤':<{width}}{'中位数':>10}{'行数':>8}   目标")
    for label, ms, rows, aim in results:
        verdict = f"{aim} ms" if ms <= aim else f"{aim} ms，超出 {ms / aim:.1f} 倍"
        print(f"{label:<{width}}{ms:>8.1f}ms{rows:>8}   {verdict}")


if __name__ == "__main__":
    main()
