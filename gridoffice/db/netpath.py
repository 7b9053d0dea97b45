"""Detect a database on a network share: SQLite's WAL mode needs shared memory
that network file systems do not provide, so such a file could be corrupted."""
import os
import sys
from pathlib import Path

NETWORK_FS_TYPES = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "afs", "9p", "ncpfs", "davfs"}
DRIVE_REMOTE = 4  # GetDriveTypeW


def is_network_path(path: Path) -> bool:
    text = str(path).replace("/", "\\") if sys.platform == "win32" else str(path)
    if text.upper().startswith("\\\\?\\UNC\\"):  # long-path form of a UNC path
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\")):  # long-path form of a local path
        text = text[4:]
    elif text.startswith(("\\\\", "//")):  # UNC: \\server\share\...
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(Path(text))
    return _posix_mount_is_network(path)


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(path))[0]
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE


def _posix_mount_is_network(path: Path) -> bool:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False  # macOS and others: no /proc; UNC-style paths are the common case there
    target = os.path.realpath(path)
    best, best_type = "", ""
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(mount_point) > len(best):
            best, best_type = mount_point, fields[2]
    return best_type in NETWORK_FS_TYPES
