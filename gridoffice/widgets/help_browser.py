"""帮助 → 使用说明 (F1): the guide's short Chinese pages, read from resources/help, offline.

One page per tab and per printed paper (resources/help/<page>.html), their screenshots beside
them (made by resources/help/make_screenshots.py from the demo office). The contents on the left
come from index.html's links, so a new page needs only its file and a line in the index.
"""
import re
from html import unescape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QSplitter,
                               QTextBrowser, QVBoxLayout, QWidget)

from gridoffice.paths import resources_dir

from .ui_settings import ui_settings

INDEX = "index"
LINK_RE = re.compile(r'<a href="([\w-]+)\.html">(.*?)</a>')


def help_dir() -> Path:
    return resources_dir() / "help"


def page_path(page: str) -> Path:
    """The file of a page; the index for a page that does not exist."""
    path = help_dir() / f"{page or INDEX}.html"
    return path if path.is_file() else help_dir() / f"{INDEX}.html"


def contents() -> list[tuple[str, str]]:
    """(page, title) of every page the index links to, in its order."""
    index = help_dir() / f"{INDEX}.html"
    text = index.read_text(encoding="utf-8") if index.is_file() else ""
    seen: dict[str, str] = {INDEX: "目录"}
    for page, title in LINK_RE.findall(text):
        seen.setdefault(page, unescape(re.sub(r"<[^>]+>", "", title)))
    return list(seen.items())


class HelpBrowser(QDialog):
    """The guide: contents on the left, the page on the right; links between pages work, links to
    the web open in the browser. Not modal: the clerk reads it beside the window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("使用说明")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.contents = QListWidget(self)
        for page, title in contents():
            item = QListWidgetItem(title, self.contents)
            item.setData(Qt.ItemDataRole.UserRole, page)
        self.contents.currentItemChanged.connect(self._on_contents_changed)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setSearchPaths([str(help_dir())])
        back = QPushButton("◀ 返回", self)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        close = QPushButton("关闭", self)
        close.clicked.connect(self.close)
        split = QSplitter(self)
        split.addWidget(self.contents)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 700])
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, stretch=1)
        layout.addLayout(buttons)
        geometry = ui_settings().value("dialogs/help/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(960, 680)
        self.page = ""

    def open_page(self, page: str) -> None:
        path = page_path(page)
        self.page = path.stem
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self._select_in_contents(self.page)

    def _select_in_contents(self, page: str) -> None:
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == page:
                self.contents.blockSignals(True)
                self.contents.setCurrentItem(item)
                self.contents.blockSignals(False)
                return

    def _on_contents_changed(self, item: QListWidgetItem | None, _previous) -> None:
        if item is not None:
            self.open_page(item.data(Qt.ItemDataRole.UserRole))

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        target = Path(url.toLocalFile() or url.path())
        self.open_page(target.stem)

    def title(self) -> str:
        return self.browser.documentTitle()

    def text(self) -> str:
        return self.browser.toPlainText()

    def done(self, result: int) -> None:
        ui_settings().setValue("dialogs/help/geometry", self.saveGeometry())
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        ui_settings().setValue("dialogs/help/geometry", self.saveGeometry())
        super().closeEvent(event)


def show_help(parent: QWidget | None, page: str = "") -> HelpBrowser:
    """Open (or bring forward) the guide at a page: one window per window that asks (the main
    window's stays open beside it)."""
    # from a modal dialog the guide must belong to it, or the dialog's modality would block it
    owner = parent.window() if parent is not None else None
    browser = getattr(owner, "_help_browser", None) if owner is not None else None
    if browser is None:
        browser = HelpBrowser(owner)
        if owner is not None:
            owner._help_browser = browser
    browser.open_page(page)
    browser.show()
    browser.raise_()
    browser.activateWindow()
    return browser
