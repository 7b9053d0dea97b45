"""The command line: `gridoffice` starts the GUI; subcommands call the same services.

`gridoffice <file>.gobak` (what double-clicking a backup runs) starts the GUI too, which then
offers to check the backup or restore from it; a single argument that is no command but a file
(any other name with a dot or a folder in it, or a file that exists) goes to the window as well,
which says it is no backup: the windowed program has no console to print a usage error on.

Each area module has `register(groups)` and adds its commands; `build_parser` is the only
place that names them. They are imported only when a subcommand (or --help) needs them:
starting the window and `--version` read the top-level options alone, and no database code
is loaded before the window has painted.
"""
import argparse
import gc
import sys
from pathlib import Path

from gridoffice import APP_TITLE, __version__

from .common import EXIT_BAD_INPUT, CliError, CommandGroups, add_db_option, db_path, warn

# argparse's own words, in Chinese: it looks its messages up through `argparse._` at run time
ARGPARSE_CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "子命令和参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "需要参数 %s 之一",
}
argparse._ = lambda text: ARGPARSE_CHINESE.get(text, text)


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        warn(f"参数错误：{message}")
        sys.exit(EXIT_BAD_INPUT)


class _NotTopLevelOnly(Exception):
    """The arguments are more than the top-level options: the whole parser reads them."""


class _TopLevelParser(ChineseArgumentParser):
    """The top-level options only: anything it cannot read goes to the whole parser, which says why."""

    def error(self, message: str):
        raise _NotTopLevelOnly(message)


def _top_level_parser(parser_class: type[argparse.ArgumentParser] = ChineseArgumentParser,
                      **options) -> argparse.ArgumentParser:
    parser = parser_class(
        prog="gridoffice", description=f"{APP_TITLE}：不带子命令时启动图形界面。",
        epilog="例：gridoffice --demo 打开演示办公室；gridoffice selftest 系统自检；"
               "gridoffice 某个备份.gobak 打开备份文件（检查或从它恢复）。", **options,
    )
    parser.add_argument("--version", action="version", version=f"gridoffice {__version__}", help="显示版本并退出")
    add_db_option(parser)
    parser.add_argument("--demo", action="store_true", help="打开演示办公室（首次使用时自动生成示例数据）")
    return parser


def build_parser() -> argparse.ArgumentParser:
    from . import backup, core, duties, grids, households, opinions, outcomes, reception, roster, stats

    parser = _top_level_parser()
    commands = parser.add_subparsers(dest="command", metavar="子命令", parser_class=ChineseArgumentParser)
    groups = CommandGroups(commands)
    for area in (core, roster, grids, opinions, outcomes, reception, stats, backup, households, duties):
        area.register(groups)
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The top-level options alone when that is all there is (the window, --version), or with
    a file to open in the window (`backup_file`); the whole parser, with every area's
    commands, for a subcommand or --help."""
    try:
        args, rest = _top_level_parser(_TopLevelParser, add_help=False).parse_known_args(argv)
        args.backup_file = _file_to_open(rest)
        if not rest or args.backup_file is not None:
            args.command = None
            return args
    except _NotTopLevelOnly:
        pass   # a command, or a mistake the whole parser explains
    return build_parser().parse_args(argv)


BACKUP_SUFFIX = ".gobak"


def _file_to_open(rest: list[str]) -> str | None:
    """The file the window is to open: the one argument left, when it is no command.

    A name ending in .gobak (any case) is a backup without a look at the commands (the usual
    double-click); anything else is a file when it has a dot or a folder in it or exists."""
    if len(rest) != 1 or rest[0].startswith("-"):
        return None
    argument = rest[0]
    if argument.lower().endswith(BACKUP_SUFFIX):
        return argument
    if argument in _command_names():
        return None
    looks_like_a_file = any(mark in argument for mark in "./\\") or Path(argument).exists()
    return argument if looks_like_a_file else None


def _command_names() -> set[str]:
    parser = build_parser()
    return {name for action in parser._actions if isinstance(action, argparse._SubParsersAction)
            for name in action.choices}


def _console_safe() -> None:
    # a GBK Windows console cannot print every rare character; never crash over it
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> int:
    _console_safe()
    with _ShortLived(whole_process=argv is None) as lifetime:
        try:
            args = parse_args(argv)
        except SystemExit as done:   # --help, --version, a refused option value (2): returned, not raised
            return done.code if isinstance(done.code, int) else 0
        if args.command is not None:
            return _run_command(args)
        lifetime.long_lived()   # the window: Python's usual collection from here on
    return _start_gui(args)


class _ShortLived:
    """A command is a short process that builds a large heap once (SQLAlchemy, the tables, the
    fonts' metrics) and drops it at exit. Python's collector would trace that heap again and again
    while it grows (a collection every 700 new objects: 6 % of a `gridoffice print`), and once more
    at exit. Here a command collects after a million new objects (never, for most commands; a large
    import still collects as it goes), and at the exit of the process (argv read from the command
    line, not a caller in this process) the heap is left to the OS: objects in reference cycles are
    not collected first (everything else is released as usual)."""
    YOUNG_OBJECTS = 1_000_000

    def __init__(self, *, whole_process: bool):
        self.whole_process = whole_process
        self.thresholds = gc.get_threshold()

    def __enter__(self) -> "_ShortLived":
        gc.set_threshold(self.YOUNG_OBJECTS, self.thresholds[1], 1000)
        return self

    def long_lived(self) -> None:
        gc.set_threshold(*self.thresholds)
        self.whole_process = False

    def __exit__(self, *exc) -> None:
        gc.set_threshold(*self.thresholds)
        if self.whole_process:
            gc.freeze()


def _run_command(args: argparse.Namespace) -> int:
    from gridoffice.db import DatabaseOpenError   # the commands load the data layer anyway

    try:
        return args.func(args)
    except CliError as error:
        warn(str(error))
        return error.code
    except DatabaseOpenError as error:
        warn(str(error))
        return EXIT_BAD_INPUT
    except Exception as error:   # a full disk, a read-only medium, a file open in Excel... (cli/arguments.py)
        from .arguments import failure_message

        message = failure_message(error)
        if message is None:
            from gridoffice.domain.errors import FieldError   # a value refused (text too long for an Excel cell…)

            if not isinstance(error, FieldError):
                raise
            message = str(error)
        warn(message)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        warn("已中断。")
        return 130


def _start_gui(args: argparse.Namespace) -> int:
    from gridoffice.gui import run_gui
    from gridoffice.paths import demo_db_path

    import os

    from gridoffice.paths import DB_ENV

    path = demo_db_path() if args.demo and getattr(args, "db", None) is None else db_path(args)
    named = getattr(args, "db", None) is not None or bool(os.environ.get(DB_ENV))   # else: 工具 → 数据库连接's choice
    backup_file = Path(args.backup_file) if getattr(args, "backup_file", None) else None
    return run_gui(path, demo=args.demo, named=named, backup_file=backup_file)
