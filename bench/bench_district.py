"""The district on both databases, in one run: the district demo built on a SQLite file and on a
PostgreSQL server (a throw-away cluster from the installed server binaries, as the tests use), then
the district's visit-log list (走访记录, every activity) read on each.

    python bench/bench_district.py              # district scale (about 415 deputies, 100,000 activities)
    python bench/bench_district.py --scale office
"""
import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gridoffice.db.database import Database  # noqa: E402
from gridoffice.services.activities.records import list_activities  # noqa: E402
from gridoffice.services.demo.build import build_demo  # noqa: E402
from tests.pg_cluster import ThrowawayCluster  # noqa: E402

TODAY = dt.date(2026, 11, 20)


def timed(what, action):
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def bench(location, scale: str) -> dict[str, float]:
    figures = {}
    with Database.open(location) as db:
        figures["demo"], summary = timed("demo", lambda: build_demo(db, scale=scale, today=TODAY, force=True))
        list_activities(db)   # warm: the first read pays for imports and caches
        runs = [timed("list", lambda: list_activities(db)) for _ in range(3)]
        figures["list"] = min(seconds for seconds, _ in runs)
        figures["rows"] = len(runs[0][1])
        figures["activities"] = summary.counts["activity"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=("office", "district"), default="district")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-district ") as folder, ThrowawayCluster() as cluster:
        url = cluster.create_database("district")
        Database.upgrade_server(url, now=dt.datetime(2026, 11, 20, 8, 0))
        results = {"SQLite 文件": bench(Path(folder) / "全区.sqlite", args.scale),
                   "PostgreSQL 服务器": bench(url, args.scale)}
    print(f"== {args.scale}: {next(iter(results.values()))['activities']:,} activities")
    print(f"{'':18}{'demo build':>12}{'visit-log list':>16}")
    for name, figures in results.items():
        print(f"{name:18}{figures['demo']:>10.2f} s{figures['list']:>14.2f} s   ({figures['rows']:,} rows)")
    print("(PostgreSQL: a local throw-away cluster over a Unix socket, fsync off; a real server adds the network.)")


if __name__ == "__main__":
    main()
