"""A whole year on one screen: twelve small months (four across, three down) with the days off and
the make-up workdays of a holiday notice marked, for the clerk to check before saving."""
import calendar
import datetime as dt

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gridoffice.domain.dates import WEEKDAYS, chinese_date, weekday_name

COLUMNS, ROWS = 4, 3
OFF_FILL = QColor("#d32f2f")
WORK_FILL = QColor("#546e7a")
WEEKEND_TEXT = QColor("#c62828")
TEXT = QColor("#263238")
MUTED = QColor("#90a4ae")
TITLE_HEIGHT = 20
HEADER_HEIGHT = 16


class YearCalendar(QWidget):
    """`show_year(year, days_off, workdays)`: days off in red (放假), make-up workdays in grey-blue (班)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.year = 0
        self.days_off: dict[dt.date, str] = {}
        self.workdays: dict[dt.date, str] = {}
        self._cells: dict[dt.date, QRect] = {}
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(560, 420)

    def sizeHint(self) -> QSize:
        return QSize(720, 520)

    def show_year(self, year: int, days_off: dict[dt.date, str], workdays: dict[dt.date, str]) -> None:
        self.year = year
        self.days_off = dict(days_off)
        self.workdays = dict(workdays)
        self.update()

    def clear(self) -> None:
        self.show_year(0, {}, {})

    def day_at(self, point: QPoint) -> dt.date | None:
        return next((day for day, rect in self._cells.items() if rect.contains(point)), None)

    def tooltip_for(self, day: dt.date) -> str:
        text = f"{chinese_date(day)}（{weekday_name(day)}）"
        if day in self.days_off:
            return f"{text}：{self.days_off[day]}放假"
        if day in self.workdays:
            return f"{text}：{self.workdays[day]}调休上班"
        return text

    def mouseMoveEvent(self, event) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_for(day), self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        self._cells = {}
        if not self.year:
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "粘贴通知全文并点“识别”后，这里显示全年的放假安排")
            return
        width, height = self.width() // COLUMNS, self.height() // ROWS
        for month in range(1, 13):
            column, row = (month - 1) % COLUMNS, (month - 1) // COLUMNS
            self._paint_month(painter, QRect(column * width, row * height, width, height).adjusted(4, 4, -4, -4), month)

    def _paint_month(self, painter: QPainter, area: QRect, month: int) -> None:
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(TEXT)
        painter.drawText(QRect(area.left(), area.top(), area.width(), TITLE_HEIGHT), Qt.AlignmentFlag.AlignCenter,
                         f"{month}月")
        cell_width = area.width() / 7
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        painter.setFont(small)
        top = area.top() + TITLE_HEIGHT
        for d in range(7):
            painter.setPen(WEEKEND_TEXT if d >= 5 else MUTED)
            painter.drawText(QRect(int(area.left() + d * cell_width), top, int(cell_width), HEADER_HEIGHT),
                             Qt.AlignmentFlag.AlignCenter, WEEKDAYS[d])
        rows_top = top + HEADER_HEIGHT
        cell_height = max(12, (area.bottom() - rows_top) // 6)
        for week, days in enumerate(calendar.Calendar().monthdatescalendar(self.year, month)):
            for d, day in enumerate(days):
                if day.month != month:
                    continue
                rect = QRect(int(area.left() + d * cell_width) + 1, rows_top + week * cell_height + 1,
                             int(cell_width) - 2, cell_height - 2)
                self._cells[day] = rect
                self._paint_day(painter, rect, day, d >= 5)

    def _paint_day(self, painter: QPainter, rect: QRect, day: dt.date, weekend: bool) -> None:
        if day in self.days_off or day in self.workdays:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(OFF_FILL if day in self.days_off else WORK_FILL)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor("#ffffff"))
            text = str(day.day) if day in self.days_off else f"{day.day}班"
        else:
            painter.setPen(WEEKEND_TEXT if weekend else TEXT)
            text = str(day.day)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
