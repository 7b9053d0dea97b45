"""Every command that takes --station takes the short name when it names one station, and lists the
candidates when it names several (exit 2, nothing written)."""
import argparse

import pytest

from conftest import run_cli
from gridoffice.cli import build_parser

# each command with a --station option, as a clerk would run it (the station given last)
COMMANDS = {
    ("schedule",): ["schedule", "--from", "2027-01"],
    ("print", "duty-roster"): ["print", "duty-roster", "--month", "2026-12", "-o", "{out}"],
    ("print", "notice"): ["print", "notice", "--date", "2027-01-06", "-o", "{out}"],
    ("print", "board"): ["print", "board", "-o", "{out}"],
    ("stats",): ["stats", "--year", "2026"],
    ("points",): ["points", "--year", "2026"],
    ("print", "annual-report"): ["print", "annual-report", "--year", "2026", "-o", "{out}"],
    ("print", "scoreboard"): ["print", "scoreboard", "--year", "2026", "--quarter", "4", "-o", "{out}"],
}


def _commands_with(parser: argparse.ArgumentParser, option: str, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    found = set()
    for action in parser._actions:
        if option in getattr(action, "option_strings", ()):
            found.add(path)
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= _commands_with(sub, option, path + (name,))
    return found


def test_the_list_below_is_every_command_with_a_station_option():
    assert _commands_with(build_parser(), "--station") == set(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_short_station_name_is_taken_and_an_ambiguous_one_lists_the_candidates(command, demo_file, tmp_path):
    out = tmp_path / "输出.pdf"
    args = [part.format(out=out) for part in COMMANDS[command]] + ["--db", str(demo_file)]
    short = run_cli(*args, "--station", "中心站")
    assert "没有名为" not in short.stderr and "对应多个" not in short.stderr
    if command != ("print", "notice"):   # a notice is refused once its day has passed on the PC's clock
        assert short.returncode == 0, short.stderr
    out.unlink(missing_ok=True)
    ambiguous = run_cli(*args, "--station", "片区")
    assert ambiguous.returncode == 2
    assert "“片区”对应多个联络站" in ambiguous.stderr and "西园片区代表联络站" in ambiguous.stderr
    assert not out.exists()
    unknown = run_cli(*args, "--station", "火星站")
    assert unknown.returncode == 2 and "没有名为“火星站”的联络站" in unknown.stderr and "中心站" in unknown.stderr
    assert not out.exists()
