"""The command line: `gridoffice` starts the GUI; subcommands call the same services.

Each area module has `register(groups)` and adds its commands; the list below is the
only place that names them.
"""
import argparse
import sys
from pathlib import Path

from gridoffice import APP_TITLE, __version__
from gridoffice.db import DatabaseOpenError

from . import backup, core, duties, grids, households, opinions, reception, roster
from .common import EXIT_BAD_INPUT, CliError, CommandGroups, add_db_option, db_path, warn

AREAS = (core, roster, grids, opinions, reception, backup, households, duties)

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


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="gridoffice", description=f"{APP_TITLE}：不带子命令时启动图形界面。",
        epilog="例：gridoffice --demo 打开演示办公室；gridoffice selftest 系统自检。",
    )
    parser.add_argument("--version", action="version", version=f"gridoffice {__version__}", help="显示版本并退出")
    add_db_option(parser)
    parser.add_argument("--demo", action="store_true", help="打开演示办公室（首次使用时自动生成示例数据）")
    commands = parser.add_subparsers(dest="command", metavar="子命令", parser_class=ChineseArgumentParser)
    groups = CommandGroups(commands)
    for area in AREAS:
        area.register(groups)
    return parser


def _console_safe() -> None:
    # a GBK Windows console cannot print every rare character; never crash over it
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> int:
    _console_safe()
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _start_gui(args)
    try:
        return args.func(args)
    except CliError as error:
        warn(str(error))
        return error.code
    except DatabaseOpenError as error:
        warn(str(error))
        return EXIT_BAD_INPUT
    except OSError as error:   # an output file open in Excel, a folder that cannot be written...
        where = f"“{error.filename}”" if error.filename else "文件"
        warn(f"无法读写{where}：{error.strerror or error}。没有完成这个命令，请检查路径和文件是否被其他程序占用。")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        warn("已中断。")
        return 130


def _start_gui(args: argparse.Namespace) -> int:
    from gridoffice.gui import run_gui
    from gridoffice.logs import setup_logging
    from gridoffice.paths import demo_db_path

    setup_logging()
    path: Path = demo_db_path() if args.demo and getattr(args, "db", None) is None else db_path(args)
    return run_gui(path, demo=args.demo)
