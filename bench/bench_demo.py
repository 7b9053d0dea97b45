"""Time the demo data build at each scale and print the rows it wrote.

    python bench/bench_demo.py                 # both scales
    python bench/bench_demo.py district --keep out/   # keep the database files
"""
import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gridoffice.db.database import Database  # noqa: E402
from gridoffice.services.demo.build import SCALE_LABELS, build_demo  # noqa: E402


def bench(scale: str, folder: Path, today: dt.date) -> None:
    path = folder / f"演示 {scale}.sqlite"
    path.unlink(missing_ok=True)
    stages: list[tuple[float, str]] = []
    started = time.perf_counter()
    with Database.open(path) as db:
        summary = build_demo(db, scale=scale, today=today, force=True,
                             progress=lambda message: stages.append((time.perf_counter() - started, message)))
    total = time.perf_counter() - started
    aim = "  (aim: under 60 s)" if scale == "district" else ""   # was a test's assertion; timing belongs here
    print(f"== {scale}（{SCALE_LABELS[scale]}）: {total:.2f} s, {path.stat().st_size / 1e6:.1f} MB{aim}")
    for (at, message), (after, _) in zip(stages, stages[1:] + [(total, "")]):
        if after - at >= 0.05:
            print(f"   {after - at:6.2f} s  {message}")
    width = max(len(name) for name in summary.counts)
    for name, count in summary.counts.items():
        print(f"   {name:<{width}}  {count:>9,}")
    print(summary.describe())
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scales", nargs="*", help="office, district (default: both)")
    parser.add_argument("--keep", type=Path, help="folder to keep the built databases in")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args()
    args.scales = args.scales or list(SCALE_LABELS)
    unknown = [scale for scale in args.scales if scale not in SCALE_LABELS]
    if unknown:
        parser.error(f"unknown scale {', '.join(unknown)}; choose from {', '.join(SCALE_LABELS)}")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for scale in args.scales:
            bench(scale, args.keep, args.today)
        return
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            bench(scale, Path(folder), args.today)


if __name__ == "__main__":
    main()
