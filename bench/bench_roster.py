"""Time the roster at 5,000 deputies: importing the Excel file and filtering as the clerk types.

    python bench/bench_roster.py              # 5,000 rows
    python bench/bench_roster.py --rows 20000

Aims (issue 3): import of 5,000 rows under 3 s; filtering under 30 ms a keystroke.
"""
import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gridoffice.db import Database  # noqa: E402
from gridoffice.domain import Community, Grid, Station  # noqa: E402
from gridoffice.clock import SYSTEM_CLOCK  # noqa: E402
from gridoffice.services.demo.people import NameMaker  # noqa: E402
from gridoffice.services.common.excel_io import write_sheet  # noqa: E402
from gridoffice.services.roster.excel import HEADERS, apply_import, read_import  # noqa: E402
from gridoffice.services.common.settings import set_setting  # noqa: E402

STATIONS = 9
GRIDS = 700
IMPORT_AIM_S = 3.0
KEYSTROKE_AIM_MS = 30.0


def build_office(db: Database) -> tuple[list[str], list[str]]:
    with db.session() as session:
        set_setting(session, "office_name", "基准测试街道人大工委")
        stations = [Station(name=f"第{i + 1}片区代表联络站") for i in range(STATIONS)]
        communities = [Community(name=f"第{i + 1}社区") for i in range(GRIDS // 10)]
        session.add_all(stations + communities)
        session.flush()
        grids = [Grid(code=f"BM-{i // 10 + 1:02d}-{i % 10 + 1:02d}", name=f"第{i // 10 + 1}社区第{i % 10 + 1}网格",
                      community_id=communities[i // 10].id) for i in range(GRIDS)]
        session.add_all(grids)
        return [s.name for s in stations], [g.code for g in grids]


def write_file(path: Path, rows: int, stations: list[str], grids: list[str]) -> None:
    rng = random.Random(5000)
    names = NameMaker(rng)
    cells = []
    for index in range(rows):
        gender = rng.choice("男女")
        levels = rng.choice(["区", "区", "区", "市、区", "市", "乡镇"])
        cells.append([names.make(gender), gender, "汉族", f"{rng.randint(1960, 1995)}-{rng.randint(1, 12):02d}",
                      rng.choice(["中共党员", "群众", "民盟盟员"]), levels, f"某某单位{index}主任", "法律、调解",
                      f"154{index:08d}", f"0750-0{index:07d}", rng.choice(stations),
                      "、".join(rng.sample(grids, rng.randint(1, 2))), "在任", ""])
    write_sheet(path, title="代表名册", headers=HEADERS, rows=cells)


def bench_import(db: Database, path: Path) -> None:
    started = time.perf_counter()
    plan = read_import(db, path, today=SYSTEM_CLOCK.today())
    read = time.perf_counter() - started
    result = apply_import(db, plan)
    total = time.perf_counter() - started
    print(f"import {len(plan.rows):,} rows: {total:.2f} s (read and check {read:.2f} s, write {total - read:.2f} s); "
          f"aim {IMPORT_AIM_S:.0f} s, ratio {total / IMPORT_AIM_S:.2f}  [{result.describe()}]")


def bench_filtering(db: Database) -> None:
    from gridoffice.gui import create_application
    from gridoffice.views.roster.tab import ALL, RosterTab

    create_application()
    tab = RosterTab(db, SYSTEM_CLOCK)
    tab.restore_state()
    started = time.perf_counter()
    tab.reload()
    print(f"load the roster tab: {(time.perf_counter() - started) * 1000:.0f} ms for {tab.model.rowCount():,} rows")
    times = []
    for query in ("zhang", "zl", "1540000", "某某单位42", "BM-07"):
        for length in range(1, len(query) + 1):
            started = time.perf_counter()
            tab.search_box.setText(query[:length])
            times.append((time.perf_counter() - started) * 1000)
        tab.search_box.clear()
    combo_times = []
    for value in ("市", "区", ALL):
        started = time.perf_counter()
        tab.level_filter.setCurrentIndex(tab.level_filter.findData(value))
        combo_times.append((time.perf_counter() - started) * 1000)
    worst = max(times)
    print(f"filter as the clerk types ({len(times)} keystrokes): median {statistics.median(times):.1f} ms, "
          f"worst {worst:.1f} ms; aim {KEYSTROKE_AIM_MS:.0f} ms, ratio {worst / KEYSTROKE_AIM_MS:.2f}")
    print(f"change the level filter: worst {max(combo_times):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("GRIDOFFICE_DATA_DIR", folder)
        with Database.open(Path(folder) / "基准 名册.sqlite") as db:
            stations, grids = build_office(db)
            sheet = Path(folder) / "代表名册 5000.xlsx"
            write_file(sheet, args.rows, stations, grids)
            bench_import(db, sheet)
            bench_filtering(db)


if __name__ == "__main__":
    main()
