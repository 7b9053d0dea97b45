"""The one place that reads the PC's date and time (light: no database code, so the CLI and the window import it early).

The main window and every command get a Clock and pass it down to each tab and dialog, so a
test (or `--today`) can fix the day: nothing else calls `date.today()` or `datetime.now()`.
"""
import datetime as dt


class Clock:
    """The real clock."""

    def today(self) -> dt.date:
        return dt.date.today()

    def now(self) -> dt.datetime:
        """Local time to the second (what the audit log and file names show)."""
        return dt.datetime.now().replace(microsecond=0)


class FixedClock(Clock):
    """A clock stopped at one moment: for tests, and for commands given --today."""

    def __init__(self, moment: dt.date | dt.datetime):
        self.set(moment)

    def set(self, moment: dt.date | dt.datetime) -> None:
        if not isinstance(moment, dt.datetime):
            moment = dt.datetime.combine(moment, dt.time(9, 0))
        self._moment = moment.replace(microsecond=0)

    def today(self) -> dt.date:
        return self._moment.date()

    def now(self) -> dt.datetime:
        return self._moment


SYSTEM_CLOCK = Clock()
