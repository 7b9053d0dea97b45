"""A log file in the data folder, for the clerk to send when something goes wrong."""
import logging
import logging.handlers
from pathlib import Path

from .paths import data_dir


def log_file() -> Path:
    return data_dir() / "gridoffice.log"


def setup_logging(level: int = logging.INFO) -> None:
    handler = logging.handlers.RotatingFileHandler(log_file(), maxBytes=1_000_000,
                                                   backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
