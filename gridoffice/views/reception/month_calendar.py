"""The month view of the reception calendar: 7 columns (周一..周日), one cell per day.

Each cell shows the day number, a 休/班 badge and the holiday's name, then each reception of
the day: time and station on one line, the deputies on duty as chips under it (month_cells.py
paints them), then the day's grid duties (网格巡查, 护学岗…) in their kind's colour. Clicking a
reception opens it, clicking a duty offers what can be done with it, clicking elsewhere in the
day opens the day; a deputy chip of a planned reception can be dragged onto another reception
to move or swap the duty (not while the database is read-only).
"""
import calendar
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from gridoffice.clock import Clock
from gridoffice.domain.dates import chinese_date, weekday_name
from gridoffice.domain.enums import ReceptionStatus
from gridoffice.services.reception.days import ReceptionRow
from gridoffice.services.reception.holidays import ESTIMATED, OVERRIDE, PROBABLE, DayInfo
from gridoffice.views.reception.month_cells import (CELL_PADDING, CHIP_LINE, COMPACT_LINE, DAY_LINE, ENTRY_LINE,
                                                    HEADER_HEIGHT, Cell, CellPainter, Chip, DutyMark, Entry, entry_title)

DUTY_MIME = "application/x-gridoffice-duty"


def duty_payload(deputy_id: int, day_id: int) -> bytes:
    return f"{day_id}:{deputy_id}".encode()


def parse_payload(data: bytes) -> tuple[int, int] | None:
    """(day id, deputy id) from a drag's data, or None."""
    try:
        day_id, deputy_id = bytes(data).decode().split(":")
        return int(day_id), int(deputy_id)
    except (ValueError, UnicodeDecodeError):
        return None


class MonthCalendar(QWidget):
    reception_activated = Signal(int)          # a reception day's id
    duty_activated = Signal(int)               # a duty shift's id
    date_activated = Signal(object)            # a dt.date clicked outside any reception
    duty_dropped = Signal(int, int, int)       # deputy id, from day id, to day id

    def __init__(self, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.clock = clock
        # whether deputies may be dragged now: the tab says no while the database is read-only
        self.moves_allowed: Callable[[], bool] = lambda: True
        self.today = clock.today()
        self.year, self.month = self.today.year, self.today.month
        self.infos: dict[dt.date, DayInfo] = {}
        self.rows_by_date: dict[dt.date, list[ReceptionRow | DutyMark]] = {}
        self.cells: list[Cell] = []
        self._press: tuple[QPoint, Chip, Entry] | None = None
        self._drop_entry: Entry | None = None
        self._small = QFont(self.font())
        self._small.setPixelSize(12)
        self._bold = QFont(self.font())
        self._bold.setPixelSize(13)
        self._bold.setBold(True)
        self._cell_painter = CellPainter(self._small, self._bold)

    # --- data -----------------------------------------------------------------------------
    def show_month(self, year: int, month: int, infos: dict[dt.date, DayInfo], rows: list[ReceptionRow],
                   duties: list[DutyMark] = ()) -> None:
        """The month's reception days and, after them in each day, its grid duties."""
        self.year, self.month, self.today = year, month, self.clock.today()
        self.infos = infos
        self.rows_by_date = {}
        for row in [*rows, *duties]:
            self.rows_by_date.setdefault(row.date, []).append(row)
        for day_rows in self.rows_by_date.values():
            day_rows.sort(key=lambda row: row.start_time)   # receptions and duties in the day's order
        self._layout()
        self.update()

    def weeks(self) -> list[list[dt.date]]:
        return calendar.Calendar(firstweekday=0).monthdatescalendar(self.year, self.month)

    def sizeHint(self) -> QSize:
        return QSize(980, 560)

    # --- geometry -------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout()
        super().resizeEvent(event)

    def _layout(self) -> None:
        weeks = self.weeks()
        width, height = self.width() - 1, self.height() - HEADER_HEIGHT - 1
        self.cells = []
        for w, week in enumerate(weeks):
            top = HEADER_HEIGHT + height * w // len(weeks)
            bottom = HEADER_HEIGHT + height * (w + 1) // len(weeks)
            for d, day in enumerate(week):
                left, right = width * d // 7, width * (d + 1) // 7
                cell = Cell(QRect(left, top, right - left, bottom - top), day, day.month == self.month)
                if cell.in_month:
                    self._layout_entries(cell)
                self.cells.append(cell)

    def _layout_entries(self, cell: Cell) -> None:
        """Receptions come first: full size (time and station, the deputies under it) when they fit, grid
        duties on one line each in the room left; when even the receptions do not fit full size, every
        entry on one line. What is left out is counted in "+N 项". Shown entries keep the day's order."""
        rows = self.rows_by_date.get(cell.date, [])
        inner = cell.rect.adjusted(CELL_PADDING, DAY_LINE + CELL_PADDING, -CELL_PADDING, -CELL_PADDING)
        full_height = ENTRY_LINE + CHIP_LINE + 4
        receptions = [row for row in rows if not isinstance(row, DutyMark)]
        all_compact = len(receptions) * (full_height + 2) > inner.height()
        height_of = {id(row): COMPACT_LINE if all_compact or isinstance(row, DutyMark) else full_height for row in rows}
        chosen, used = set(), 0
        for row in [*receptions, *(row for row in rows if isinstance(row, DutyMark))]:
            room = inner.height() - (14 if len(chosen) + 1 < len(rows) else 0)   # keep a line for "+N 项"
            if used + height_of[id(row)] + 2 > room:
                break
            used += height_of[id(row)] + 2
            chosen.add(id(row))
        shown = [row for row in rows if id(row) in chosen]
        heights = [height_of[id(row)] for row in shown]
        rows, fits = shown + [row for row in rows if id(row) not in chosen], len(shown)
        y = inner.top()
        metrics = QFontMetrics(self._small)
        for row, line in zip(rows[:fits], heights):
            compact = line == COMPACT_LINE
            entry = Entry(QRect(inner.left(), y, inner.width(), line), row, compact=compact)
            if compact:
                label_width = metrics.horizontalAdvance(entry_title(row, compact=True)) + 10
                x, chip_top = inner.left() + label_width, y + 1
            else:
                x, chip_top = inner.left() + 6, y + ENTRY_LINE + 1
            for deputy_id, name in zip(row.deputy_ids, row.deputy_names):
                chip_width = metrics.horizontalAdvance(name) + 8
                if x + chip_width > inner.right():
                    break
                entry.chips.append(Chip(QRect(x, chip_top, chip_width, CHIP_LINE - 2), deputy_id, name))
                x += chip_width + 3
            cell.entries.append(entry)
            y += line + 2
        cell.hidden = len(rows) - len(cell.entries)

    # --- hit testing ----------------------------------------------------------------------
    def cell_at(self, pos: QPoint) -> Cell | None:
        return next((c for c in self.cells if c.rect.contains(pos)), None)

    def entry_at(self, pos: QPoint) -> Entry | None:
        cell = self.cell_at(pos)
        return next((e for e in cell.entries if e.rect.contains(pos)), None) if cell else None

    def chip_at(self, pos: QPoint) -> tuple[Chip, Entry] | None:
        entry = self.entry_at(pos)
        if entry is None:
            return None
        chip = next((c for c in entry.chips if c.rect.contains(pos)), None)
        return (chip, entry) if chip else None

    def cell_of(self, day: dt.date) -> Cell | None:
        return next((c for c in self.cells if c.date == day), None)

    def entry_of(self, day_id: int) -> Entry | None:
        return next((e for c in self.cells for e in c.entries if e.row.id == day_id), None)

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._cell_painter.header(painter, self.width() - 1)
        for cell in self.cells:
            self._cell_painter.cell(painter, cell, self.infos.get(cell.date), today=self.today,
                                    drop_target=self._drop_entry)
        painter.end()

    # --- mouse ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        hit = self.chip_at(event.position().toPoint())
        self._press = (event.position().toPoint(), *hit) if hit else None
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        chip_hit = self.chip_at(pos)
        draggable = chip_hit is not None and _movable(chip_hit[1]) and self.moves_allowed()
        self.setCursor(Qt.CursorShape.OpenHandCursor if draggable else (
            Qt.CursorShape.PointingHandCursor if self.cell_at(pos) and self.cell_at(pos).in_month
            else Qt.CursorShape.ArrowCursor))
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        start, chip, entry = self._press
        if (pos - start).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        if _movable(entry) and self.moves_allowed():
            self._start_drag(chip, entry)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        self._press = None
        self.activate_at(event.position().toPoint())

    def activate_at(self, pos: QPoint) -> None:
        """What a click does: open the reception under the pointer, or the day."""
        entry = self.entry_at(pos)
        if entry is not None:
            if entry.is_duty:
                self.duty_activated.emit(entry.row.shift_id)
            else:
                self.reception_activated.emit(entry.row.id)
            return
        cell = self.cell_at(pos)
        if cell is not None and cell.in_month:
            self.date_activated.emit(cell.date)

    def _start_drag(self, chip: Chip, entry: Entry) -> None:
        mime = QMimeData()
        mime.setData(DUTY_MIME, QByteArray(duty_payload(chip.deputy_id, entry.row.id)))
        mime.setText(chip.name)
        drag = QDrag(self)
        drag.setMimeData(mime)
        pixmap = QPixmap(chip.rect.size())
        pixmap.fill(QColor("#fff3e0"))
        painter = QPainter(pixmap)
        painter.setFont(self._small)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, chip.name)
        painter.end()
        drag.setPixmap(pixmap)
        drag.exec(Qt.DropAction.MoveAction)

    # --- dropping -------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(DUTY_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        target = self.drop_target(event.position().toPoint())
        if target is not self._drop_entry:
            self._drop_entry = target
            self.update()
        if target is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, _event) -> None:
        self._drop_entry = None
        self.update()

    def dropEvent(self, event) -> None:
        self._drop_entry = None
        self.update()
        payload = parse_payload(event.mimeData().data(DUTY_MIME).data())
        target = self.drop_target(event.position().toPoint())
        if payload is None or target is None:
            event.ignore()
            return
        event.acceptProposedAction()
        day_id, deputy_id = payload
        self.duty_dropped.emit(deputy_id, day_id, target.row.id)

    def drop_target(self, pos: QPoint) -> Entry | None:
        """The planned reception a dragged deputy would join: the one under the pointer, or the
        only planned one of the day."""
        entry = self.entry_at(pos)
        if entry is None:
            cell = self.cell_at(pos)
            planned = [e for e in cell.entries if _movable(e)] if cell else []
            entry = planned[0] if len(planned) == 1 else None
        return entry if entry is not None and _movable(entry) else None

    # --- tooltips -------------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPoint) -> str:
        entry = self.entry_at(pos)
        if entry is not None and entry.is_duty:
            mark = entry.row
            lines = [f"{mark.kind}：{mark.duty}", f"{chinese_date(mark.date)} {weekday_name(mark.date)} {mark.time_range}",
                     f"地点：{mark.place or '—'}", f"值守人员：{mark.people or '（未排）'}", f"状态：{mark.status}"]
            if mark.notes:
                lines.append(f"备注：{mark.notes}")
            lines.append("（点击：记为完成、未到岗或调整人员）")
            return "\n".join(lines)
        if entry is not None:
            row = entry.row
            lines = [f"{row.station}", f"{chinese_date(row.date)} {weekday_name(row.date)} {row.time_range}",
                     f"地点：{row.place}", f"值班代表：{row.deputies or '（未排）'}", f"状态：{row.status}"]
            if row.status == ReceptionStatus.HELD.value:
                lines.append(f"接待群众 {row.residents_received} 人，登记意见 {row.opinions} 件")
            if row.notes:
                lines.append(f"备注：{row.notes}")
            if row.status == ReceptionStatus.PLANNED.value and row.deputy_ids and self.moves_allowed():
                lines.append("（可把代表拖到另一个接待日，调换值班）")
            return "\n".join(lines)
        cell = self.cell_at(pos)
        if cell is None or not cell.in_month:
            return ""
        info = self.infos.get(cell.date)
        if info is None or not info.name:
            return ""
        if info.source == ESTIMATED:
            return f"{info.name}：按法定节日估算，当年放假和调休安排尚未导入"
        if info.source == PROBABLE:
            return (f"{info.label}：{cell.date.year} 年的放假安排尚未导入，按往年惯例这一天很可能放假，排班时避开。"
                    "国务院公布通知后，请在“工具 → 节假日设置”中粘贴导入")
        if info.source == OVERRIDE:
            return f"{info.name}（手工录入）"
        return info.name


def _movable(entry: Entry) -> bool:
    """A planned reception: its deputies can be dragged, and it takes deputies dropped on it."""
    return not entry.is_duty and entry.row.status == ReceptionStatus.PLANNED.value
