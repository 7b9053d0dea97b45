"""How fast the command line starts, and a print command beside LibreOffice printing the same table.

    python bench/bench_commands.py [--runs 7]

Each command runs as the clerk runs it, a new process each time, on the demo office (built first
in a temporary folder). `gridoffice --version` and `--help` (aim, issue 18: well under 0.3 s), and
`gridoffice print duty-roster` for a month beside `soffice --headless --convert-to pdf` of the same
reception days exported to .xlsx (`gridoffice export reception`): LibreOffice lays out and prints
the table, as an office without this program would (aim: half LibreOffice's time at most).

The runs alternate (gridoffice, LibreOffice, gridoffice...), so a busy moment of the shared
machine hits both alike; medians of wall time and of the process's CPU time (user + system,
children included: soffice starts soffice.bin). Before timing, one run of each fills the caches
the installed program has after its first use: Python's compiled modules (the Windows build ships
them; here they go to a temporary PYTHONPYCACHEPREFIX) and the PDF fonts' metrics.

LibreOffice: `apt-get install -y libreoffice-calc-nogui`; without it the print command is timed alone.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTH = "2026-12"   # the demo office's reception days: the month after the demo's today (2026-11-20)


def timed(command: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run; the command must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr.decode(errors='replace')}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def report(label: str, runs: list[tuple[float, float]], beside: list[tuple[float, float]] | None = None,
           aim: str = "") -> None:
    wall, cpu = (statistics.median(r[i] for r in runs) * 1000 for i in (0, 1))
    line = f"{label:<50}wall {wall:6.0f} ms   CPU {cpu:6.0f} ms"
    if beside:
        other_wall, other_cpu = (statistics.median(r[i] for r in beside) * 1000 for i in (0, 1))
        line += f"   = {wall / other_wall:.2f} / {cpu / other_cpu:.2f} of LibreOffice's"
    print(line + (f"   (aim: {aim})" if aim else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    soffice = shutil.which("soffice")
    with tempfile.TemporaryDirectory(prefix="gridoffice bench ") as temp:
        folder = Path(temp)
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env.update(GRIDOFFICE_DATA_DIR=str(folder / "数据"), PYTHONPYCACHEPREFIX=str(folder / "pycache"),
                   PYTHONPATH=str(ROOT))
        env.pop("GRIDOFFICE_DB", None)
        db = folder / "演示 办公室.sqlite"
        gridoffice = [sys.executable, "-m", "gridoffice"]
        subprocess.run([*gridoffice, "demo", "--db", str(db)], env=env, cwd=ROOT, check=True, capture_output=True)
        sheet = folder / "接待安排.xlsx"
        subprocess.run([*gridoffice, "export", "reception", "--db", str(db), str(sheet)], env=env, cwd=ROOT,
                       check=True, capture_output=True)
        print_roster = [*gridoffice, "print", "duty-roster", "--db", str(db), "--month", MONTH,
                        "-o", str(folder / "值班表.pdf")]
        convert = [soffice, f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(sheet)] if soffice else None
        for command in (print_roster, convert, [*gridoffice, "--help"]):   # the caches of a first use
            if command:
                timed(command, env, ROOT)
        figures: dict[str, list[tuple[float, float]]] = {"version": [], "help": [], "print": [], "lo": []}
        for _ in range(args.runs):
            figures["version"].append(timed([*gridoffice, "--version"], env, ROOT))
            figures["help"].append(timed([*gridoffice, "--help"], env, ROOT))
            figures["print"].append(timed(print_roster, env, ROOT))
            if convert:
                figures["lo"].append(timed(convert, env, ROOT))
    print(f"runs: {args.runs}, medians (the load of the machine: {os.getloadavg()[0]:.2f})")
    report("gridoffice --version", figures["version"], aim="well under 300 ms")
    report("gridoffice --help", figures["help"], aim="well under 300 ms")
    if convert:
        report("LibreOffice: the exported sheet to PDF", figures["lo"])
    report(f"gridoffice print duty-roster --month {MONTH}", figures["print"], figures["lo"] or None,
           "half LibreOffice's at most")


if __name__ == "__main__":
    main()
