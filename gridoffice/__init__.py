"""gridoffice: the desktop program of a street-level 人大工委 office."""

__version__ = "0.1.0"
APP_NAME = "gridoffice"
APP_TITLE = "人大工委网格履职台账"
