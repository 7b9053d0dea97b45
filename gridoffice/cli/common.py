"""What every command shares: the --db option, opening the database, errors that exit 2."""
import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gridoffice.paths import db_location, default_db_path

if TYPE_CHECKING:   # parsing the arguments loads no database code
    from gridoffice.db import Database

EXIT_OK = 0
EXIT_FAILED = 1      # the command ran but something it checked failed (selftest, verify)
EXIT_BAD_INPUT = 2   # bad input or a refused file: nothing was written


class CliError(Exception):
    """Printed to stderr in Chinese; the command exits 2 having written nothing."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


def add_db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a --db given before the subcommand is not overwritten by the subcommand's default
    parser.add_argument("--db", type=db_location, metavar="PATH|URL", default=argparse.SUPPRESS,
                        help="数据库文件，或区里共用的 PostgreSQL 数据库 postgresql://用户名@服务器/数据库名"
                             "（默认：数据文件夹中的 gridoffice.sqlite，或环境变量 GRIDOFFICE_DB）")


def db_path(args: argparse.Namespace) -> Path | str:
    """The database a command works on: a file path, or a server URL (a str)."""
    return getattr(args, "db", None) or default_db_path()


def open_db(args: argparse.Namespace, *, lock: bool = True) -> "Database":
    """Open (creating and migrating if new) the database a command works on.

    lock=False is for commands that only read (export, print): they may run while the window
    has the database open, so they write nothing, not even the default category lists."""
    from gridoffice.db import Database
    from gridoffice.services.office.setup import add_default_lists

    from .arguments import guard_database, refuse_to_open   # no new file for a reader, no write into a damaged one

    refuse_to_open(db_path(args), writing=lock)
    db = Database.open(db_path(args), lock=lock)
    try:
        guard_database(db, writing=lock)
        if lock:
            add_default_lists(db)
    except BaseException:
        db.close()   # never keep the lock of a command that failed
        raise
    return db


def station_id_of(db: "Database", name: str | None) -> int | None:
    """The id of the station a --station option names: its full name, its short name (中心站) or a
    part only one station's name has; None when not given. Otherwise exits 2 listing the stations
    meant (several match) or the stations there are (none does)."""
    from gridoffice.domain.errors import FieldError
    from gridoffice.services.common.lookups import find_station

    if name is None:
        return None
    try:
        return find_station(db, name).id
    except FieldError as error:
        raise CliError(str(error)) from None


Handler = Callable[[argparse.Namespace], int]


@dataclass
class CommandGroups:
    """Where each area adds its commands: top level, or under `import`, `export` and `print`."""
    commands: argparse._SubParsersAction
    _verbs: dict[str, argparse._SubParsersAction] = field(default_factory=dict)

    def add_command(self, name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        parser = self.commands.add_parser(name, help=help_text, description=help_text)
        add_db_option(parser)
        parser.set_defaults(func=handler)
        return parser

    def _verb(self, verb: str, help_text: str) -> argparse._SubParsersAction:
        if verb not in self._verbs:
            parser = self.commands.add_parser(verb, help=help_text, description=help_text)
            add_db_option(parser)
            self._verbs[verb] = parser.add_subparsers(dest=f"{verb}_what", metavar="对象", required=True)
        return self._verbs[verb]

    def _add_under(self, verb: str, verb_help: str, name: str, help_text: str, handler: Handler):
        parser = self._verb(verb, verb_help).add_parser(name, help=help_text, description=help_text)
        add_db_option(parser)
        parser.set_defaults(func=handler)
        return parser

    def add_import(self, name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return self._add_under("import", "从文件导入", name, help_text, handler)

    def add_export(self, name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return self._add_under("export", "导出到文件", name, help_text, handler)

    def add_print(self, name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return self._add_under("print", "生成打印用的 PDF", name, help_text, handler)


def say(text: str = "") -> None:
    print(text)


def warn(text: str) -> None:
    print(text, file=sys.stderr)
