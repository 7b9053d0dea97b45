"""Writing files so that a failure never leaves a half-written file under the final name."""
import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')   # separators and what Windows forbids


@contextlib.contextmanager
def atomic_output(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it is flushed and renamed into place.

    The temporary name keeps the suffix so libraries that look at it (openpyxl) still work.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.stem}.part-{os.getpid()}{path.suffix}")
    try:
        yield temporary
        fsync_file(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())


def safe_file_name(text: str) -> str:
    """`text` (a community or station name...) made usable as part of a file name on Windows."""
    return NOT_IN_FILE_NAMES.sub("_", text).strip(" .") or "_"
