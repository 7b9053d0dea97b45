"""Real storage faults for tests: a tiny filesystem that fills, a read-only one, flipped bytes.

Mounting needs root (CI runs as root); elsewhere the tests that need it are skipped with the reason.
"""
import contextlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True).returncode == 0


@contextlib.contextmanager
def tiny_filesystem(folder: Path, size_kb: int):
    """A tmpfs of `size_kb` mounted at `folder` (created): writes beyond it fail with ENOSPC."""
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("needs Linux mount to make a small filesystem")
    folder.mkdir(parents=True, exist_ok=True)
    if not _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def make_read_only(folder: Path) -> None:
    """Remount a tiny_filesystem read-only: a write-protected stick."""
    if not _run("mount", "-o", "remount,ro", str(folder)):
        pytest.skip("cannot remount read-only here")


def flip_bytes_in_page(path: Path, page: int, count: int = 64) -> None:
    """Overwrite part of one database page (not the header): a damaged sector."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big") or 65536
    start = page_size * (page - 1) + (100 if page == 1 else 8)   # page 1 starts with the file header
    assert start + count < len(data), "the database is smaller than that page"
    for offset in range(start, start + count):
        data[offset] ^= 0xA5
    path.write_bytes(bytes(data))
