"""Start to the painted main window: the frozen program against `python -m gridoffice`.

    python packaging/time_start.py dist/gridoffice [--runs 5]

Both are started as new processes on the same demo office (built once by the frozen
gridoffice-cli), offscreen unless QT_QPA_PLATFORM says otherwise, and watched by
packaging/smoke_hook.py (GRIDOFFICE_SMOKE=0: quit at the first paint of the main window).
The time is wall-clock from the spawn to the "painted" line. The first start of each is
reported apart: it renders the theme into the data folder's cache. Medians of --runs.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOOK = ROOT / "packaging" / "smoke_hook.py"
FROM_SOURCE = (f"exec(compile(open({str(HOOK)!r}, encoding='utf-8').read(), 'smoke_hook', 'exec'))\n"
               "import sys\nfrom gridoffice.cli import main\nsys.exit(main(sys.argv[1:]))\n")


def time_to_paint(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               cwd=ROOT, env=env)
    elapsed = None
    for line in process.stdout:
        if line.startswith("painted"):
            elapsed = time.perf_counter() - start
    process.wait(timeout=120)
    if elapsed is None:
        raise RuntimeError(f"never painted: {command}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dist", type=Path, help="the PyInstaller one-folder output (holds gridoffice, gridoffice-cli)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--python", default=sys.executable, help="the interpreter for `python -m gridoffice`")
    args = parser.parse_args()
    frozen = args.dist.resolve() / "gridoffice"
    with tempfile.TemporaryDirectory(prefix="gridoffice 启动 计时 ") as folder:
        db = str(Path(folder) / "演示 办公室.sqlite")
        base = {**os.environ, "GRIDOFFICE_SMOKE": "0"}
        base.setdefault("QT_QPA_PLATFORM", "offscreen")
        subprocess.run([str(args.dist.resolve() / "gridoffice-cli"), "demo", "--db", db], check=True,
                       capture_output=True, env={**base, "GRIDOFFICE_DATA_DIR": folder})
        commands = {
            "frozen (PyInstaller one folder)": [str(frozen), "--db", db],
            "python -m gridoffice": [args.python, "-c", FROM_SOURCE, "--db", db],
        }
        results = {}
        for label, command in commands.items():
            env = {**base, "GRIDOFFICE_DATA_DIR": str(Path(folder) / label.split()[0])}
            first = time_to_paint(command, env)
            runs = [time_to_paint(command, env) for _ in range(args.runs)]
            results[label] = (first, runs)
    print(f"platform: {base['QT_QPA_PLATFORM']}, runs: {args.runs}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    for label, (first, runs) in results.items():
        print(f"{label:34s} median {statistics.median(runs) * 1000:6.0f} ms  (min {min(runs) * 1000:.0f}, "
              f"max {max(runs) * 1000:.0f}); first start, theme not cached: {first * 1000:.0f} ms")


if __name__ == "__main__":
    main()
