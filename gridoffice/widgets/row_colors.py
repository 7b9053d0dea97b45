"""Row colours that survive the theme.

qt-material's stylesheet starts with `* { color: ... }`, and Qt's stylesheet style then paints
every table cell in that colour and ignores the model's ForegroundRole and BackgroundRole:
an overdue opinion would not show red. This delegate paints the background and the text
itself when the model gives colours, and leaves every other cell to the theme.
"""
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


class RowColorDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if foreground is None and background is None:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget else None
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        if isinstance(background, QBrush) and not selected:
            painter.fillRect(item.rect, background)
        text = item.text
        item.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
            text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        else:
            text_rect = item.rect
        painter.save()
        if isinstance(foreground, QBrush):
            painter.setPen(foreground.color())
        painter.setFont(item.font)
        elided = item.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, int(item.displayAlignment), elided)
        painter.restore()
