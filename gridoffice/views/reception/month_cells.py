"""The cells of the month view: where each day and reception sits (Cell, Entry, Chip), and how
they are painted. Painted by hand rather than built from widgets so that 42 cells stay light and
fully under our control (the theme's stylesheet does not reach inside)."""
import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from gridoffice.domain.dates import WEEKDAYS
from gridoffice.domain.enums import ReceptionStatus
from gridoffice.services.reception.days import ReceptionRow
from gridoffice.services.reception.holidays import PROBABLE, DayInfo

HEADER_HEIGHT = 24
CELL_PADDING = 3
DAY_LINE = 19
ENTRY_LINE = 16
CHIP_LINE = 18
COMPACT_LINE = 18

STATUS_COLORS = {  # (bar, fill, text)
    ReceptionStatus.PLANNED.value: ("#1565c0", "#e3f2fd", "#0d47a1"),
    ReceptionStatus.HELD.value: ("#2e7d32", "#e8f5e9", "#1b5e20"),
    ReceptionStatus.CANCELLED.value: ("#9e9e9e", "#f2f2f2", "#757575"),
}
HOLIDAY_FILL = QColor("#fdecea")
PROBABLE_FILL = QColor("#fff3e0")      # 可能放假: a year not yet announced
PROBABLE_ORANGE = QColor("#e65100")
MAKEUP_FILL = QColor("#eef2f7")
WEEKEND_FILL = QColor("#f6f7f9")
OUTSIDE_FILL = QColor("#fbfbfb")
TODAY_COLOR = QColor("#1565c0")
HOLIDAY_RED = QColor("#c62828")
MAKEUP_GREY = QColor("#546e7a")
GRID_COLOR = QColor("#cfd8dc")


@dataclass
class Chip:
    rect: QRect
    deputy_id: int
    name: str


@dataclass(frozen=True)
class DutyMark:
    """A grid duty shift beside the reception days (网格巡查, 护学岗…), in its kind's colour. It has the
    fields the month view reads of a reception; it is never a drop target and its chips never drag."""
    shift_id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    kind: str
    duty: str
    color: str
    status: str                    # 计划 / 已完成 / 未到岗 / 已取消
    names: tuple[str, ...]
    people: str
    place: str
    notes: str = ""
    station_id: int | None = None   # the post's station, when it has one

    @property
    def id(self) -> int:
        return -self.shift_id      # never a reception day's id

    @property
    def deputy_ids(self) -> tuple[int, ...]:
        return (0,) * len(self.names)   # one chip per name, none of them draggable

    @property
    def deputy_names(self) -> tuple[str, ...]:
        return self.names

    @property
    def station_short(self) -> str:
        return self.kind

    @property
    def time_range(self) -> str:
        return f"{self.start_time:%H:%M}-{self.end_time:%H:%M}"


@dataclass
class Entry:
    rect: QRect
    row: "ReceptionRow | DutyMark"
    chips: list[Chip] = field(default_factory=list)
    compact: bool = False

    @property
    def is_duty(self) -> bool:
        return isinstance(self.row, DutyMark)


@dataclass
class Cell:
    rect: QRect
    date: dt.date
    in_month: bool
    entries: list[Entry] = field(default_factory=list)
    hidden: int = 0            # receptions that did not fit ("+N 项")



def entry_title(row: "ReceptionRow | DutyMark", *, compact: bool = False) -> str:
    if isinstance(row, DutyMark):
        done = {"已完成": " ✓", "未到岗": " 未到岗", "已取消": " 取消"}.get(row.status, "")
        return f"{row.start_time:%H:%M} {row.kind}" + ("" if compact else done)
    return f"{row.start_time:%H:%M} {row.station_short}" + ("" if compact else f" {row.status}" * (
        row.status != ReceptionStatus.PLANNED.value))


def duty_colors(mark: DutyMark) -> tuple[str, str, str]:
    """(bar, fill, text) of a duty in its kind's colour: a pale fill of it, grey when cancelled."""
    if mark.status == "已取消":
        return STATUS_COLORS[ReceptionStatus.CANCELLED.value]
    base = QColor(mark.color)
    fill = QColor.fromHsl(base.hslHue(), min(base.hslSaturation(), 140), 238)
    return mark.color, fill.name(), base.darker(140).name()


class CellPainter:
    """Paints the weekday header and each cell, in the calendar's two fonts."""

    def __init__(self, small: QFont, bold: QFont):
        self.small = small
        self.bold = bold

    def header(self, painter: QPainter, width: int) -> None:
        painter.setFont(self.bold)
        for d in range(7):
            rect = QRect(width * d // 7, 0, width * (d + 1) // 7 - width * d // 7, HEADER_HEIGHT)
            painter.fillRect(rect, QColor("#eceff1"))
            painter.setPen(HOLIDAY_RED if d >= 5 else QColor("#37474f"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"周{WEEKDAYS[d]}")

    @staticmethod
    def _fill(cell: Cell, info: DayInfo | None) -> QColor:
        if not cell.in_month:
            return OUTSIDE_FILL
        if info and info.source == PROBABLE:
            return PROBABLE_FILL
        if info and info.badge == "休":
            return HOLIDAY_FILL
        if info and info.badge == "班":
            return MAKEUP_FILL
        if cell.date.weekday() >= 5:
            return WEEKEND_FILL
        return QColor("#ffffff")

    def cell(self, painter: QPainter, cell: Cell, info: DayInfo | None, *, today: dt.date,
             drop_target: Entry | None) -> None:
        """One day: its fill and frame, the day line, its receptions (`drop_target` outlined)."""
        rect = cell.rect
        painter.fillRect(rect, self._fill(cell, info))
        painter.setPen(QPen(GRID_COLOR, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        self._day_line(painter, cell, info, today)
        if cell.date == today:
            painter.setPen(QPen(TODAY_COLOR, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        for entry in cell.entries:
            self._entry(painter, entry, entry is drop_target)
        if cell.hidden:
            painter.setFont(self.small)
            painter.setPen(QColor("#455a64"))
            more = QRect(rect.left() + 6, rect.bottom() - 16, rect.width() - 12, 14)
            painter.drawText(more, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"+{cell.hidden} 项，点击查看")

    def _day_line(self, painter: QPainter, cell: Cell, info: DayInfo | None, today: dt.date) -> None:
        """The day's number (circled today), its 休/班 badge and the holiday's name."""
        rect = cell.rect
        number = QRect(rect.left() + 4, rect.top() + 2, 22, DAY_LINE - 2)
        painter.setFont(self.bold)
        if cell.date == today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TODAY_COLOR)
            painter.drawEllipse(number.adjusted(1, -1, -1, 1))
            painter.setPen(QColor("#ffffff"))
        else:
            weekend_or_holiday = (info and info.badge == "休") or (cell.date.weekday() >= 5 and not (info and info.badge))
            painter.setPen(QColor("#b0bec5") if not cell.in_month else (HOLIDAY_RED if weekend_or_holiday
                                                                          else QColor("#263238")))
        painter.drawText(number, Qt.AlignmentFlag.AlignCenter, str(cell.date.day))
        if not cell.in_month or info is None or not (info.badge or info.name):
            return
        x = number.right() + 4
        painter.setFont(self.small)
        if info.badge:
            badge = QRect(x, rect.top() + 3, 17, 15)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PROBABLE_ORANGE if info.source == PROBABLE else
                             HOLIDAY_RED if info.badge == "休" else MAKEUP_GREY)
            painter.drawRoundedRect(QRectF(badge), 3, 3)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, info.badge)
            x = badge.right() + 4
        if info.name:
            name = info.label
            painter.setPen(PROBABLE_ORANGE if info.source == PROBABLE else
                           HOLIDAY_RED if not info.is_workday else MAKEUP_GREY)
            space = QRect(x, rect.top() + 2, rect.right() - x - 3, DAY_LINE - 2)
            painter.drawText(space, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(self.small).elidedText(name, Qt.TextElideMode.ElideRight, space.width()))

    def _entry(self, painter: QPainter, entry: Entry, drop_target: bool) -> None:
        """A reception: a coloured bar by status, time and station, the deputies as chips."""
        bar, fill, text = (duty_colors(entry.row) if entry.is_duty else
                           STATUS_COLORS.get(entry.row.status, STATUS_COLORS[ReceptionStatus.PLANNED.value]))
        rect = entry.rect
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(QRectF(rect), 3, 3)
        painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), QColor(bar))
        if drop_target:
            painter.setPen(QPen(QColor("#ef6c00"), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect.adjusted(1, 1, -1, -1)), 3, 3)
        font = QFont(self.small)
        font.setStrikeOut(entry.row.status in (ReceptionStatus.CANCELLED.value, "已取消"))
        painter.setFont(font)
        painter.setPen(QColor(text))
        title = entry_title(entry.row, compact=entry.compact)
        line = QRect(rect.left() + 6, rect.top(), rect.width() - 8, ENTRY_LINE if not entry.compact else rect.height())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(font).elidedText(title, Qt.TextElideMode.ElideRight, line.width()))
        draggable = entry.row.status == ReceptionStatus.PLANNED.value and not entry.is_duty
        painter.setFont(self.small)
        for chip in entry.chips:
            painter.setPen(QPen(QColor(bar), 1))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(QRectF(chip.rect), 7, 7)
            painter.setPen(QColor("#263238") if draggable else QColor("#607d8b"))
            painter.drawText(chip.rect, Qt.AlignmentFlag.AlignCenter, chip.name)
        shown = len(entry.chips)
        if shown < len(entry.row.deputy_names) and entry.chips:
            painter.setPen(QColor(text))
            last = entry.chips[-1].rect
            painter.drawText(QRect(last.right() + 2, last.top(), 14, last.height()), Qt.AlignmentFlag.AlignCenter, "…")

