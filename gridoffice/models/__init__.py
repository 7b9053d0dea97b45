"""Qt table models: one per list, thin over the services' row dataclasses."""
from gridoffice.qt_binding import keep_none_alive

keep_none_alive()   # PySide6 6.12 on Python 3.11 (see qt_binding.py)
