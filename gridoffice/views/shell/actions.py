"""Every menu action of the main window, created in one place with its shortcut.

The shortcuts are set apart (set_shortcuts), once the tabs are there: PySide builds Qt's enums at
the first setShortcut (50 ms), which would delay the window's first paint, and before the tabs
exist there is nothing a shortcut could act on.
"""
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

SHORTCUTS = {
    "new_record": QKeySequence.StandardKey.New,
    "quit": "Ctrl+Q",
    "find": QKeySequence.StandardKey.Find,
    "reload": QKeySequence.StandardKey.Refresh,
    "print_list": QKeySequence.StandardKey.Print,
    "help": "F1",
}


@dataclass
class MainActions:
    new_record: QAction
    quit: QAction
    find: QAction
    reload: QAction
    print_list: QAction
    office_settings: QAction
    stations: QAction
    selftest: QAction
    check_database: QAction
    open_data_folder: QAction
    help: QAction
    guide: QAction
    database_connection: QAction
    about: QAction

    def set_shortcuts(self) -> None:
        for name, key in SHORTCUTS.items():
            getattr(self, name).setShortcut(QKeySequence(key))


def _action(parent: QWidget, text: str, tip: str = "") -> QAction:
    action = QAction(text, parent)
    if tip:
        action.setStatusTip(tip)
    return action


def create_main_actions(parent: QWidget) -> MainActions:
    return MainActions(
        new_record=_action(parent, "新建(&N)…", "在当前页新建一条记录"),
        quit=_action(parent, "退出(&Q)", "关闭程序"),
        find=_action(parent, "查找(&F)", "把光标放到当前页的搜索框"),
        reload=_action(parent, "刷新(&R)", "从数据库重新读取当前页"),
        print_list=_action(parent, "打印当前列表(&P)…", "按当前的筛选、排序和列打印列表"),
        office_settings=_action(parent, "办公室设置(&S)…", "办公室名称、热线、默认接待时间和地点"),
        stations=_action(parent, "联络站(&Z)…", "新增、编辑联络站：名称、类型、地址、接待室、电话"),
        selftest=_action(parent, "系统自检(&T)", "检查数据库、迁移和 PDF 字体是否正常"),
        check_database=_action(parent, "检查数据库(&C)…", "完整检查数据库文件的每一页和记录之间的关联"),
        open_data_folder=_action(parent, "打开数据文件夹(&D)", "在资源管理器中打开数据库所在的文件夹"),
        help=_action(parent, "使用说明(&H)", "当前页和各种打印件的使用说明（F1）"),
        guide=_action(parent, "使用向导(&G)…", "从联络站、接待规则、代表到第一张接待日公告，一步一步设置"),
        database_connection=_action(parent, "数据库连接(&L)…", "使用本机的数据库文件，或区里共用的 PostgreSQL 数据库"),
        about=_action(parent, "关于 gridoffice(&A)"),
    )
