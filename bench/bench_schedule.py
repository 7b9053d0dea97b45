"""Time the reception scheduler: a year for every station of the demo office (9 stations, 111
deputies; aim: under 1 s), then heavier cases to see how it grows.

    python bench/bench_schedule.py
"""
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gridoffice.db.database import Database  # noqa: E402
from gridoffice.domain.enums import RecurrenceKind  # noqa: E402
from gridoffice.services.demo.build import build_demo  # noqa: E402
from gridoffice.services.reception.holidays import HolidayCalendar  # noqa: E402
from gridoffice.services.reception.schedule import Member, RuleSpec, generate_plan, make_plan, save_plan  # noqa: E402

TODAY = dt.date(2026, 11, 21)
YEAR = (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
AIM_SECONDS = 1.0


def timed(label: str, work, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    print(f"{label:<58} {best * 1000:8.1f} ms")
    return best, result


def office_year(folder: Path) -> None:
    path = folder / "演示 办公室.sqlite"
    with Database.open(path) as db:
        build_demo(db, today=TODAY, force=True)
        seconds, plan = timed("demo office, 9 stations, a year: generate_plan (reads DB)",
                              lambda: generate_plan(db, *YEAR))
        pools = sum(len(c) for c in plan.counts.values())
        print(f"   {len(plan.days)} days, {pools} deputies in pools; "
              f"{seconds / AIM_SECONDS:.1%} of the {AIM_SECONDS:.0f} s aim")
        timed("   … and save_plan (ORM, audited), one transaction", lambda: save_plan(db, plan), repeat=1)


def synthetic(stations: int, pool_size: int, recurrence: str, label: str) -> None:
    members = {i: Member(i, f"代表{i}", "市" if i % 5 == 0 else "区", "法律" if i % 2 else "教育")
               for i in range(1, stations * pool_size + 1)}
    rules = [RuleSpec(s, f"第{s}站", recurrence, nth=1 + s % 4, weekday=s % 5,
                      pool=tuple(range((s - 1) * pool_size + 1, s * pool_size + 1))) for s in range(1, stations + 1)]
    holidays = HolidayCalendar()
    seconds, plan = timed(label, lambda: make_plan(rules, members, holidays, *YEAR))
    per_day = seconds / max(1, len(plan.days)) * 1e6
    print(f"   {len(plan.days)} days, {per_day:.0f} µs a day")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench 排班 ") as folder:
        office_year(Path(folder))
    synthetic(9, 12, RecurrenceKind.NTH_WEEKDAY.value, "9 stations × 12 deputies, monthly, a year (make_plan)")
    synthetic(9, 40, RecurrenceKind.WEEKLY.value, "9 stations × 40 deputies, weekly, a year")
    synthetic(40, 10, RecurrenceKind.NTH_WEEKDAY.value, "district: 40 stations × 10 deputies, monthly, a year")


if __name__ == "__main__":
    main()
