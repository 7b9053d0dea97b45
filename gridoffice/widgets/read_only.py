"""A read-only database (damaged, or on a write-protected stick, a CD, a folder without write
permission): every editing button and action of the main window, of the dialogs it opens and of
their menus is disabled, its tooltip saying why. Viewing, searching, printing, exporting and
backing up to another place stay as they are.

Which buttons edit is read from their words, the way BaseDialog tells a form by its buttons:
新建、新增、删除、登记、导入、保存…(EDIT_STARTS) at the start, 新增/新建/导入 anywhere, a few words
that edit only on a tab (完成, 取消: on a dialog they close it), and a form's 确定. The tools that
only edit (意见分类…, 接待规则…) count as editing. A widget or action may say it itself:
`setProperty(EDITS, True/False)` (the banner's 保存能读出的数据… does not edit the database).

A tab that enables a button again (a row was selected) finds it disabled again at once; menus
made when they open (row menus) are looked at when they show. What is not a button asks the
database itself (the calendar's chips do not drag: `db.writable`), and whatever is still tried
anyway is refused by the database in Chinese (ReadOnlyDatabaseError).
"""
from html import escape

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QMessageBox, QWidget

from .base_dialog import FORM_BUTTON_STARTS, FORM_BUTTONS, GUARDED, BaseDialog

EDITS = "gridoffice_edits"   # property: True/False decides instead of the words
# GUARDED (property): disabled by the guard, kept disabled while it lasts

EDIT_STARTS = (
    "新建", "新增", "添加", "增加", "删除", "移除", "移出", "移到", "编辑", "修改", "登记", "记录", "记为", "导入",
    "离任", "恢复在任", "保存", "确认", "排班", "生成排班", "把所选", "由所选", "从所选", "列为", "形成", "关联", "归入",
    "安排", "不予受理", "全部交给", "为勾选", "加减分", "粘贴", "描绘", "开工", "未到岗", "调整", "使用向导", "设置",
    "办公室设置", "联络站", "代表角色", "节假日设置", "公告设置", "意见分类", "职能部门", "会议类型", "纠纷类型",
    "实事类别", "必访事由", "重点户类别", "重点户（五类十色）", "重点户户数", "积分规则", "接待规则", "值守排班",
    "代表的网格", "联系代表", "取消会议", "取消评议会", "载入",
)
EDIT_ANYWHERE = ("新增", "新建", "导入")
TAB_ONLY_EDITS = {"完成", "取消"}   # a project done or called off; on a dialog, 取消 closes it
NOT_EDITS = ("保存为", "保存导入模板", "保存公告 PDF", "另存为", "选择保存位置")   # files, not the database


def plain(text: str) -> str:
    """A button's words without its shortcut mark and trailing dots: "加减分(&J)…" → "加减分"."""
    text = text.replace("&", "").strip().rstrip("…").rstrip(".")
    if text.endswith(")") and "(" in text and len(text) - text.rindex("(") == 3:
        text = text[:text.rindex("(")]   # the (J) of a shortcut
    return text.strip()


def edits(text: str, *, in_dialog: bool = False, form: bool = False) -> bool:
    """Whether a button or action with these words changes the database."""
    words = plain(text)
    if not words or words.startswith(NOT_EDITS):
        return False
    if in_dialog and (words in FORM_BUTTONS and (words != "确定" or form) or words.startswith(FORM_BUTTON_STARTS)):
        return True
    if not in_dialog and words in TAB_ONLY_EDITS:
        return True
    return words.startswith(EDIT_STARTS) or any(word in words for word in EDIT_ANYWHERE)


def refusal_tip(reason: str) -> str:
    """The tooltip of a disabled editing action (rich text, so that Qt wraps it)."""
    return f"<p>数据库现在是只读的，不能修改。{escape(reason)}</p>"


class ReadOnlyGuard(QObject):
    """Disables the editing of one main window (and of its dialogs and menus) while `reason` is set."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.reason: str | None = None
        self._kept: list[tuple[QObject, bool, str, str]] = []   # (widget or action, was enabled, tooltip, status tip)

    @property
    def active(self) -> bool:
        return self.reason is not None

    def apply(self, reason: str | None) -> None:
        """Read-only with this reason (None: writable again)."""
        if reason is None:
            self.lift()
            return
        first = self.reason is None
        self.reason = reason
        if first:
            QApplication.instance().installEventFilter(self)
        for action in self.window.findChildren(QAction):
            self._consider_action(action, in_dialog=False, form=False)
        for button in self.window.findChildren(QAbstractButton):
            self._consider_button(button)
        if not first:   # a new reason: the tooltips say it
            for thing, *_was in self._alive():
                self._say_why(thing)

    def lift(self) -> None:
        if self.reason is None:
            return
        self.reason = None
        QApplication.instance().removeEventFilter(self)
        for thing, enabled, tip, status_tip in self._alive():
            thing.setProperty(GUARDED, False)
            if isinstance(thing, QAction):
                thing.changed.disconnect(self._keep_action_disabled)
            thing.setToolTip(tip)
            thing.setStatusTip(status_tip)
            thing.setEnabled(enabled)
        self._kept.clear()

    def guarded(self) -> list[QObject]:
        """What the guard disabled (for tests)."""
        return [thing for thing, *_was in self._alive()]

    # --- deciding -----------------------------------------------------------------------
    def _context(self, widget: QWidget) -> tuple[bool, bool] | None:
        """(in a dialog, the dialog is a form) for a widget of this window or of one of its dialogs;
        None for anything else (message boxes, file dialogs, other windows)."""
        from .remedies import main_window

        top = widget.window()
        if top is self.window:
            return False, False
        if isinstance(top, QMenu):
            owner = top.parentWidget()
            return self._context(owner) if owner is not None else None
        if isinstance(top, BaseDialog) and main_window(top) is self.window:
            return True, top.saves_input()
        return None

    def _decides(self, thing: QObject, text: str, in_dialog: bool, form: bool) -> bool:
        said = thing.property(EDITS)
        if said is not None:
            return bool(said)
        return edits(text, in_dialog=in_dialog, form=form)

    def _consider_button(self, button: QAbstractButton) -> None:
        if button.property(GUARDED) or button.isCheckable():
            return
        context = self._context(button)
        if context is None or not self._decides(button, button.text(), *context):
            return
        self._keep(button)
        button.setEnabled(False)

    def _consider_action(self, action: QAction, *, in_dialog: bool, form: bool) -> None:
        if action.property(GUARDED) or action.isSeparator() or action.menu() is not None or action.isCheckable():
            return
        if not self._decides(action, action.text(), in_dialog, form):
            return
        self._keep(action)
        action.changed.connect(self._keep_action_disabled)
        action.setEnabled(False)

    def _keep(self, thing: QObject) -> None:
        self._kept.append((thing, thing.isEnabled(), thing.toolTip(), thing.statusTip()))
        thing.setProperty(GUARDED, True)
        self._say_why(thing)

    def _say_why(self, thing: QObject) -> None:
        thing.setToolTip(refusal_tip(self.reason))
        thing.setStatusTip(f"数据库现在是只读的，不能修改。{self.reason}")

    def _alive(self) -> list[tuple[QObject, bool, str, str]]:
        from shiboken6 import isValid

        self._kept = [entry for entry in self._kept if isValid(entry[0])]
        return list(self._kept)

    # --- keeping them disabled ---------------------------------------------------------------
    def _keep_action_disabled(self) -> None:
        action = self.sender()
        if self.active and isinstance(action, QAction) and action.isEnabled():
            action.setEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.EnabledChange:
            if watched.property(GUARDED) and isinstance(watched, QWidget) and watched.isEnabled():
                watched.setEnabled(False)   # a tab enabled it (a row was selected): not while read-only
        elif kind == QEvent.Type.Show:
            if isinstance(watched, QMenu):
                self._on_menu_shown(watched)
            elif isinstance(watched, QAbstractButton) and not isinstance(watched.window(), QMessageBox):
                self._consider_button(watched)
        return False

    def _on_menu_shown(self, menu: QMenu) -> None:
        owner = menu.parentWidget()
        context = self._context(owner) if owner is not None else None
        if context is None:
            return
        for action in menu.actions():
            self._consider_action(action, in_dialog=context[0], form=context[1])
        menu.setToolTipsVisible(True)
