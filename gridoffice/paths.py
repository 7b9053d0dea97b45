"""Every path the program uses comes from here.

The data folder is platformdirs' user data dir (%LOCALAPPDATA%\\gridoffice on Windows);
GRIDOFFICE_DATA_DIR overrides it (tests, portable use), GRIDOFFICE_DB or --db the database: a file
path, or a `postgresql://` URL for a district's shared database on a PostgreSQL server.
"""
import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from . import APP_NAME

DB_ENV = "GRIDOFFICE_DB"
DATA_DIR_ENV = "GRIDOFFICE_DATA_DIR"
DB_FILENAME = "gridoffice.sqlite"
DEMO_DB_FILENAME = "demo-office.sqlite"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


SERVER_URL_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_url(location) -> bool:
    """True for a PostgreSQL URL (a district's database on a server), False for a file path."""
    return isinstance(location, str) and location.strip().lower().startswith(SERVER_URL_SCHEMES)


def db_location(text: str) -> Path | str:
    """What --db or GRIDOFFICE_DB names: a file path (Path) or a server URL (kept as the string)."""
    return text.strip() if is_server_url(text) else Path(text)


def default_db_path() -> Path | str:
    override = os.environ.get(DB_ENV)
    return db_location(override) if override else data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_FILENAME


def attachments_dir(db_path: Path) -> Path:
    """Photos and map images live beside the database so a backup can carry them."""
    return db_path.with_name(f"{db_path.stem}-附件")


def local_backups_dir() -> Path:
    return data_dir() / "本机备份"


def preview_file(name: str) -> Path:
    """Where a PDF is made for the preview before the clerk prints or saves it. The folder is
    emptied at start and exit (clear_previews): a 交办单 may carry a resident's details."""
    folder = data_dir() / "打印预览"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def clear_previews() -> None:
    folder = data_dir() / "打印预览"
    for path in folder.glob("*") if folder.is_dir() else ():
        try:
            path.unlink()
        except OSError:
            pass  # still open in a PDF viewer (Windows refuses): removed next time


def settings_file() -> Path:
    """Window geometry and UI preferences (QSettings in INI format)."""
    return data_dir() / "ui-settings.ini"


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder build
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
