"""A log file in the data folder, for the clerk to send when something goes wrong."""
import logging
import logging.handlers
from pathlib import Path

from .paths import data_dir


def log_file() -> Path:
    return data_dir() / "gridoffice.log"


def setup_logging(level: int = logging.INFO) -> bool:
    """Log to the file (once per process); False when it cannot be opened: the program runs without."""
    root = logging.getLogger()
    path = str(log_file())
    if any(getattr(handler, "baseFilename", None) == path for handler in root.handlers):
        return True
    try:
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return False
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.setLevel(level)
    root.addHandler(handler)
    return True
