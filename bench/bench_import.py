"""Time the roster import of a 10,000-row file as .xlsx, .xls and .csv: to the preview, and to the end.

    python bench/bench_import.py                 # 10,000 rows, .xlsx .xls .csv
    python bench/bench_import.py --rows 20000 --formats xlsx ods

"Preview" is read_import: the file opened by content, the header found, every cell converted
and every row checked against the roster, stations and grids (what the GUI needs before it
shows the preview dialog). "Import" is the preview plus apply_import writing every row into an
empty roster. Each format is measured on a fresh database. Aim (issue 18): the preview under 3 s,
and under 3 s more to write; CPU time is printed too (the machine is shared).
The file is written with a title row above the header and a station merged over three rows,
as district files come; .xls is written with xlwt, as Excel 97-2003 and WPS save it.
Each format runs in its own process, so none profits from another's warm caches (the pinyin
dictionary, the names already spelt): the figures are those of a clerk's first import.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_roster import build_office  # noqa: E402
from gridoffice.db import Database  # noqa: E402
from gridoffice.clock import SYSTEM_CLOCK  # noqa: E402
from gridoffice.services.demo.people import NameMaker  # noqa: E402
from gridoffice.services.roster.excel import HEADERS, apply_import, read_import  # noqa: E402
from tests.sheet_fixtures import write_table  # noqa: E402

AIM_S = 3.0


def make_rows(count: int, stations: list[str], grids: list[str]) -> tuple[list[list], list[tuple]]:
    rng = random.Random(13)
    names = NameMaker(rng)
    rows: list[list] = [["东城街道人大代表名册（基准测试）"], list(HEADERS)]
    for index in range(count):
        gender = rng.choice("男女")
        rows.append([names.make(gender), gender, "汉族", f"{rng.randint(1960, 1995)}-{rng.randint(1, 12):02d}",
                     rng.choice(["中共党员", "群众", "民盟盟员"]), rng.choice(["区", "区", "市、区", "乡镇"]),
                     f"某某单位{index}主任", "法律、调解", 15400000000 + index, f"0750-{index:07d}",
                     rng.choice(stations), "、".join(rng.sample(grids, rng.randint(1, 2))), "在任", ""])
    merges = [(0, 0, 0, len(HEADERS) - 1), (2, 4, 10, 10)]   # the title; a station over three rows
    return rows, merges


def bench(fmt: str, rows: list[list], merges: list[tuple], folder: Path) -> tuple[float, float, float, float, str]:
    """(preview wall, preview CPU, write wall, write CPU, what the import said)."""
    with Database.open(folder / f"基准 {fmt}.sqlite") as db:
        stations, _grids = build_office(db)
        path = write_table(folder / f"代表名册 {len(rows) - 2}.{fmt}", fmt, {"代表名册": rows}, merges={"代表名册": merges})
        wall, cpu = time.perf_counter(), time.process_time()
        plan = read_import(db, path, today=SYSTEM_CLOCK.today())
        preview = time.perf_counter() - wall, time.process_time() - cpu
        if plan.refused:
            raise SystemExit(f"{fmt}: {len(plan.refused)} refusals, first {plan.refused[0]}")
        wall, cpu = time.perf_counter(), time.process_time()
        result = apply_import(db, plan)
        return (*preview, time.perf_counter() - wall, time.process_time() - cpu, result.describe())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--formats", nargs="+", default=["xlsx", "xls", "csv"], choices=["xlsx", "xls", "ods", "csv"])
    parser.add_argument("--one", help=argparse.SUPPRESS)      # the child process: one format
    args = parser.parse_args()
    if args.one is None:
        for fmt in args.formats:
            subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--one", fmt], check=True)
        return
    fmt = args.one
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("GRIDOFFICE_DATA_DIR", folder)
        with Database.open(Path(folder) / "名单.sqlite") as db:
            stations, grids = build_office(db)
        rows, merges = make_rows(args.rows, stations, grids)
        preview, preview_cpu, write, write_cpu, said = bench(fmt, rows, merges, Path(folder))
        print(f".{fmt:<4} {args.rows:,} rows: preview {preview:.2f} s (CPU {preview_cpu:.2f}), write {write:.2f} s "
              f"(CPU {write_cpu:.2f}); aim {AIM_S:.0f} s each: {max(preview, write) / AIM_S:.2f} of it  [{said}]",
              flush=True)


if __name__ == "__main__":
    main()
