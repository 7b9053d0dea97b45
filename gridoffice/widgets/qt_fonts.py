"""Make the bundled fonts known to Qt, with LXGW WenKai as the fallback for rare characters."""
from PySide6.QtGui import QFont, QFontDatabase

from gridoffice.paths import fonts_dir
from gridoffice.services.common.fonts import FALLBACK_FILE, PRIMARY_FILE, QT_FAMILIES

UI_POINT_SIZE = 10


def register_qt_fonts() -> list[str]:
    """Add the bundled fonts and set the application font; returns the families Qt loaded."""
    families: list[str] = []
    for file_name in (PRIMARY_FILE, FALLBACK_FILE):
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / file_name))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    primary, fallback = QT_FAMILIES
    # Qt falls back through the substitution table when a glyph is missing (䶮, 𠀾)
    QFont.insertSubstitution(primary, fallback)
    return families


def ui_font() -> QFont:
    font = QFont()
    font.setFamilies(list(QT_FAMILIES))
    font.setPointSize(UI_POINT_SIZE)
    return font
