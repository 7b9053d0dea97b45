"""Every file of the repository can be checked out on Windows (the clerk's and the packager's
machine): no name with a character Windows refuses, none that is a reserved device name, and no
two names that differ only in case."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = re.compile(r'[<>:"|?*\\\x00-\x1f]')
RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def tracked_files() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [name for name in listed.decode("utf-8").split("\0") if name]


def test_every_tracked_name_is_valid_on_windows():
    bad = [name for name in tracked_files()
           for part in name.split("/")
           if FORBIDDEN.search(part) or RESERVED.match(part) or part.endswith((" ", "."))]
    assert bad == []


def test_no_two_tracked_names_differ_only_in_case():
    seen: dict[str, str] = {}
    clashes = []
    for name in tracked_files():
        other = seen.setdefault(name.lower(), name)
        if other != name:
            clashes.append((other, name))
    assert clashes == []
