"""Reusable Qt pieces: theme and fonts, the base dialog, the list tab, the PDF preview."""
from gridoffice.qt_binding import keep_none_alive

keep_none_alive()   # PySide6 6.12 on Python 3.11 (see qt_binding.py)
