"""Removable drives (USB sticks) to back up to, with their label and free space.

Windows: every drive letter whose GetDriveTypeW is DRIVE_REMOVABLE (QStorageInfo has no such
flag). Linux: the mount points desktop systems use for USB sticks (/media/$USER/*,
/run/media/$USER/*, /media/*, /mnt/*). macOS: /Volumes/* except the system volume.
"""
import getpass
import os
import shutil
import string
import sys
from dataclasses import dataclass
from pathlib import Path

DRIVE_REMOVABLE = 2


@dataclass(frozen=True)
class Drive:
    path: Path
    label: str
    free: int
    total: int


def removable_drives() -> list[Drive]:
    if sys.platform == "win32":
        candidates = _windows_removable_roots()
    elif sys.platform == "darwin":
        candidates = [(path, path.name) for path in _children(Path("/Volumes"))
                      if os.path.ismount(path) and os.path.realpath(path) != "/"]
    else:
        candidates = [(path, path.name) for path in _linux_mount_points()]
    drives = []
    for path, label in candidates:
        try:
            usage = shutil.disk_usage(path)
        except OSError:
            continue   # a card reader with no card, a drive just pulled out
        drives.append(Drive(path, label, usage.free, usage.total))
    return drives


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(child for child in folder.iterdir() if child.is_dir())
    except OSError:
        return []


def _linux_roots() -> list[Path]:
    """Where desktop Linux mounts USB sticks (udisks: /media/$USER or /run/media/$USER)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    roots = [Path("/media") / user, Path("/run/media") / user] if user else []
    return roots + [Path("/media"), Path("/mnt")]


def _linux_mount_points() -> list[Path]:
    seen: list[Path] = []
    for folder in _linux_roots():
        for child in _children(folder):
            if os.path.ismount(child) and child not in seen:
                seen.append(child)
    return seen


def _windows_removable_roots() -> list[tuple[Path, str]]:
    import ctypes

    kernel32 = ctypes.windll.kernel32
    kernel32.SetErrorMode(0x0001)   # SEM_FAILCRITICALERRORS: no "insert a disk" box for empty readers
    mask = kernel32.GetLogicalDrives()
    roots = []
    for index, letter in enumerate(string.ascii_uppercase):
        if not mask & (1 << index):
            continue
        root = f"{letter}:\\"
        if kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOVABLE:
            roots.append((Path(root), _windows_label(root)))
    return roots


def _windows_label(root: str) -> str:
    import ctypes

    name = ctypes.create_unicode_buffer(261)
    ok = ctypes.windll.kernel32.GetVolumeInformationW(ctypes.c_wchar_p(root), name, len(name),
                                                      None, None, None, None, 0)
    label = name.value if ok and name.value else "U盘"
    return f"{label} ({root[:2]})"
