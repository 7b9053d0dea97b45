"""核对: records that contradict each other or that the figures would count wrongly, by check; each
opens (double-click) in the form where it is corrected, and the checks run again afterwards."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from gridoffice.services.stats.checks import Check
from gridoffice.services.stats.period import Period, Scope

from .opening import open_record

RECORD_ROLE = Qt.ItemDataRole.UserRole
PASSED = QColor("#2e7d32")
FAILED = QColor("#b26a00")


class ChecksPage(QWidget):
    def __init__(self, tab):
        super().__init__(tab)
        self.tab = tab
        self.checks: list[Check] = []
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 14px;")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemDoubleClicked.connect(self._open)
        self.tree.currentItemChanged.connect(self._explain)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color:#455a64; background:#f5f7fa; padding: 8px; border-radius: 4px;")
        open_button = QPushButton("打开记录改正(&G)", self)
        open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        again = QPushButton("重新核对", self)
        again.clicked.connect(self.tab.recount)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("双击一条记录打开它，改正后自动重新核对。", self))
        buttons.addStretch(1)
        buttons.addWidget(open_button)
        buttons.addWidget(again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, stretch=1)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)

    def count(self, period: Period, scope: Scope) -> None:
        """The checks run with the overview (they are cheap): nothing more to count here."""

    def show_checks(self, checks: list[Check]) -> None:
        from gridoffice.services.stats.checks import checks_summary

        self.checks = checks
        self.summary.setText(checks_summary(checks))
        self.tree.clear()
        for check in checks:
            top = QTreeWidgetItem(self.tree, [f"{'✓' if check.passed else '⚠'} {check.title}："
                                              f"{'没有发现问题' if check.passed else f'{len(check.items)} 条'}"])
            top.setForeground(0, QBrush(PASSED if check.passed else FAILED))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setData(0, RECORD_ROLE, check)
            for item in check.items:
                child = QTreeWidgetItem(top, [item.text])
                child.setData(0, RECORD_ROLE, item)
                child.setToolTip(0, item.text)
            top.setExpanded(not check.passed and len(check.items) <= 50)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _explain(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None:
            self.explanation.clear()
            return
        top = item if item.parent() is None else item.parent()
        self.explanation.setText(top.data(0, RECORD_ROLE).explanation)

    def _open(self, item: QTreeWidgetItem | None, _column: int = 0) -> None:
        if item is None or item.parent() is None:
            return
        record = item.data(0, RECORD_ROLE)
        if open_record(self, self.tab.db, self.tab.clock, record.kind, record.id):
            self.tab.recount()
