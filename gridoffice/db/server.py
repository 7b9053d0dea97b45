"""A district's database on a PostgreSQL server: the connection, the metadata row, upgrades.

    postgresql://干事@10.1.2.3/jinxi?sslmode=require     (--db, GRIDOFFICE_DB, 工具 → 数据库连接)

The password is never part of the program's settings: libpq (under psycopg) reads it from the
PostgreSQL password file itself, `%APPDATA%\\postgresql\\pgpass.conf` on Windows, `~/.pgpass`
elsewhere, or the file PGPASSFILE names. A password written into the URL works too (a scheduled
task's environment), and is never shown or stored.

Instead of SQLite's application_id/user_version header, the table `gridoffice_meta` holds a row per
fact: application, schema_version, upgraded_by, upgraded_at. Clients never migrate: a database
that is not at the program's schema is refused with who must run `gridoffice db upgrade`, and the
upgrade runs in one transaction under an advisory lock, so two upgraders cannot interleave.
Checking a current database reads the metadata row only: no Alembic on the start-up path.
"""
import datetime as dt
import getpass
import socket
from dataclasses import dataclass

from sqlalchemy import URL, Connection, Engine, create_engine, make_url, text

from .errors import DatabaseOpenError, MigrationError, NewerSchemaError, NotOurDatabaseError

DRIVER = "postgresql+psycopg"
META_TABLE = "gridoffice_meta"
APPLICATION = "gridoffice"
UPGRADE_LOCK = int.from_bytes(b"GOFC", "big")   # pg_advisory_xact_lock key of `gridoffice db upgrade`
CONNECT_TIMEOUT_S = 10
SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "disable")


def server_url(location: str) -> URL:
    """The SQLAlchemy URL of a `postgresql://…` location (the psycopg 3 driver, every option kept)."""
    try:
        url = make_url(location.strip())
    except Exception as error:   # ArgumentError: not a URL at all
        raise DatabaseOpenError(f"数据库地址“{location}”的格式不对。应为 postgresql://用户名@服务器/数据库名"
                                "，例如 postgresql://ganshi@10.1.2.3/jinxi。") from error
    if not url.database:
        raise DatabaseOpenError(f"数据库地址“{display(url)}”没有写数据库名，应为 postgresql://用户名@服务器/数据库名。")
    return url.set(drivername=DRIVER)


def display(url: URL) -> str:
    """Where the data is, for the title bar and messages: server, database and user, never the password."""
    host = url.host or url.query.get("host") or ""
    if isinstance(host, tuple):
        host = host[0]
    port = f":{url.port}" if url.port else ""
    server = "本机服务器" if not host or str(host).startswith("/") else f"服务器 {host}{port} "
    user = f"（用户 {url.username}）" if url.username else ""
    return f"{server}上的数据库 {url.database}{user}"


def make_server_engine(url: URL) -> Engine:
    engine = create_engine(url, pool_pre_ping=True, pool_size=3, max_overflow=5,
                           connect_args={"application_name": f"gridoffice@{socket.gethostname()}"[:63],
                                         "connect_timeout": CONNECT_TIMEOUT_S})
    return engine


# --- connecting --------------------------------------------------------------------------------
_CONNECT_REASONS = (
    ("password authentication failed", "用户名或密码不对"),
    ("no password supplied", "没有找到密码：请在“工具 → 数据库连接”中保存密码（存入本机的 PostgreSQL 密码文件 pgpass）"),
    ("does not exist", None),   # database or role: said with the name below
    ("connection refused", "服务器没有响应（服务器未开机、PostgreSQL 未启动，或地址、端口不对）"),
    ("timeout expired", "连接服务器超时（网络不通或服务器太忙）"),
    ("could not translate host name", "找不到这个服务器名（请检查服务器地址）"),
    ("name or service not known", "找不到这个服务器名（请检查服务器地址）"),
    ("ssl", "加密连接（SSL）未能建立：请在“数据库连接”中换一种 SSL 方式，或请管理员检查服务器的证书"),
    ("pg_hba.conf", "服务器不允许这台电脑连接（请管理员在 pg_hba.conf 中允许本机）"),
    ("too many connections", "服务器的连接数已满，请稍后再试"),
)


def connect_error(error: BaseException, url: URL) -> DatabaseOpenError:
    """A failed connection said in Chinese, with the server's own words kept for the technician."""
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()
    original = detail[-1] if detail else type(error).__name__
    lowered = " ".join(detail).lower()
    reason = "无法连接数据库服务器"
    for key, words in _CONNECT_REASONS:
        if key in lowered:
            if words is None:
                reason = (f"服务器上没有数据库“{url.database}”" if "database" in lowered
                          else f"服务器上没有用户“{url.username}”")
            else:
                reason = words
            break
    return DatabaseOpenError(f"无法打开{display(url)}：{reason}。（{original}）")


# --- the metadata row -------------------------------------------------------------------------
@dataclass(frozen=True)
class SchemaState:
    has_tables: bool
    application: str | None = None
    version: int | None = None
    upgraded_by: str = ""
    upgraded_at: str = ""


def read_state(connection: Connection) -> SchemaState:
    has_meta = connection.execute(text("SELECT to_regclass(:name) IS NOT NULL"), {"name": META_TABLE}).scalar()
    has_tables = connection.execute(text(
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema())")).scalar()
    if not has_meta:
        return SchemaState(bool(has_tables))
    facts = dict(connection.execute(text(f"SELECT key, value FROM {META_TABLE}")).all())
    version = facts.get("schema_version")
    return SchemaState(True, facts.get("application"), int(version) if version and version.isdigit() else None,
                       facts.get("upgraded_by", ""), facts.get("upgraded_at", ""))


def who_am_i() -> str:
    try:
        user = getpass.getuser()
    except Exception:   # no login name in the environment (a service)
        user = "?"
    return f"{user}@{socket.gethostname()}"


def check_state(state: SchemaState, expected: int, url: URL) -> None:
    """Refuse what a client must not work on, saying who has to do what."""
    where = display(url)
    command = f"gridoffice db upgrade --db {url.set(drivername='postgresql').render_as_string(hide_password=True)}"
    if state.application is None:
        if state.has_tables:
            raise NotOurDatabaseError(f"{where}中已有其他程序的数据表，不是 gridoffice 的数据，没有做任何改动。")
        raise DatabaseOpenError(f"{where}还是空的，需要先建立数据表。请区里的数据库管理员运行：{command}")
    if state.application != APPLICATION:
        raise NotOurDatabaseError(f"{where}属于其他程序（{state.application}），没有做任何改动。")
    if state.version is None or state.version < expected:
        last = f"（上次由 {state.upgraded_by} 于 {state.upgraded_at} 升级）" if state.upgraded_by else ""
        raise MigrationError(
            f"{where}的数据结构是第 {state.version or 0} 版{last}，本程序需要第 {expected} 版。"
            f"各位干事的电脑不会自行升级共用的数据库：请区里的数据库管理员先备份（pg_dump），再运行：{command}")
    if state.version > expected:
        raise NewerSchemaError(f"{where}已由更新版本的 gridoffice 升级到第 {state.version} 版，本程序只认识到第 "
                               f"{expected} 版。请安装新版本的程序后再打开。")


def upgrade(engine: Engine, *, now: dt.datetime) -> tuple[int | None, int]:
    """Create or upgrade the schema in one transaction under the upgrade lock: (version before, after)."""
    from alembic import command

    from .migrate import alembic_config, head_revision, schema_version

    config = alembic_config()
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
        state = read_state(connection)   # read under the lock: another upgrade may just have finished
        if state.application not in (None, APPLICATION) or (state.application is None and state.has_tables
                                                               and not _has_alembic(connection)):
            check_state(state, schema_version(), engine.url)   # raises: not ours
        before = state.version
        head = schema_version(head_revision())
        if before is not None and before > head:
            check_state(state, head, engine.url)   # raises: newer
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.execute(text(f"CREATE TABLE IF NOT EXISTS {META_TABLE} "
                                "(key VARCHAR(50) PRIMARY KEY, value TEXT NOT NULL)"))
        facts = {"application": APPLICATION, "schema_version": str(head), "upgraded_by": who_am_i(),
                 "upgraded_at": f"{now:%Y-%m-%d %H:%M}"} if before != head else \
            {"application": APPLICATION, "schema_version": str(head)}
        for key, value in facts.items():
            connection.execute(text(f"INSERT INTO {META_TABLE} (key, value) VALUES (:key, :value) "
                                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"),
                               {"key": key, "value": value})
        connection.commit()
    return before, head


def _has_alembic(connection: Connection) -> bool:
    return bool(connection.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar())


def full_check(engine: Engine):
    """工具 → 检查数据库 on a server: every table reads back. PostgreSQL enforces the references
    itself, and keeps its own pages sound; what can go wrong here is the connection or the schema."""
    from sqlalchemy import func, select

    from gridoffice.domain import metadata

    from .health import Health

    try:
        with engine.connect() as connection:
            for table in metadata.sorted_tables:
                connection.execute(select(func.count()).select_from(table)).scalar()
    except Exception as error:
        return Health([str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__],
                      unreadable=True)
    return Health()
