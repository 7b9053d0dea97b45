"""UI preferences (window geometry, column widths) in an INI file in the data folder."""
from PySide6.QtCore import QSettings

from gridoffice.paths import settings_file


def ui_settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)
