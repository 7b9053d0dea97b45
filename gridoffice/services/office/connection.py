"""工具 → 数据库连接: which database this PC works on, a file here or the district's server.

The password is never kept in the program's settings: it goes into the PostgreSQL password file,
which libpq (under psycopg) reads by itself on every connection — `%APPDATA%\\postgresql\\pgpass.conf`
on Windows, `~/.pgpass` elsewhere, or the file PGPASSFILE names. Only this Windows user can read it
(it lives in the user's own profile; on Linux it is made 0600, which libpq insists on).
"""
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, make_url

from gridoffice.db import Database
from gridoffice.db.server import SSL_MODES
from gridoffice.domain.errors import FieldError

SSL_LABELS = {"prefer": "能加密就加密（默认）", "require": "必须加密", "verify-ca": "必须加密并验证服务器证书",
              "verify-full": "必须加密并验证服务器证书和名称", "disable": "不加密（仅限内网测试）"}


@dataclass
class ServerConnection:
    host: str = ""
    port: int = 5432
    database: str = ""
    user: str = ""
    sslmode: str = "prefer"

    def url(self) -> str:
        """postgresql://user@host:port/database?sslmode=…, the password left out."""
        query = {"sslmode": self.sslmode} if self.sslmode != "prefer" else {}
        return URL.create("postgresql", username=self.user or None, host=self.host, port=self.port,
                          database=self.database, query=query).render_as_string(hide_password=False)

    @classmethod
    def from_url(cls, text: str) -> "ServerConnection":
        url = make_url(text)
        sslmode = url.query.get("sslmode", "prefer")
        return cls(url.host or "", url.port or 5432, url.database or "", url.username or "",
                   sslmode if sslmode in SSL_MODES else "prefer")


def check_connection(connection: ServerConnection) -> ServerConnection:
    """The form trimmed, or FieldError naming what is missing."""
    clean = ServerConnection(connection.host.strip(), connection.port, connection.database.strip(),
                             connection.user.strip(), connection.sslmode)
    if not clean.host:
        raise FieldError("host", "请填写服务器的地址（IP 地址或计算机名）。")
    if any(ch in clean.host for ch in "/@:? "):
        raise FieldError("host", "服务器地址里不能有 / @ : ? 或空格，只写 IP 地址或计算机名。")
    if not clean.database:
        raise FieldError("database", "请填写数据库名（区里的数据库管理员会告诉您）。")
    if not clean.user:
        raise FieldError("user", "请填写用户名。")
    if clean.sslmode not in SSL_MODES:
        raise FieldError("sslmode", "请选择加密连接的方式。")
    return clean


def pgpass_file() -> Path:
    """Where libpq looks for passwords on this PC."""
    named = os.environ.get("PGPASSFILE")
    if named:
        return Path(named)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def save_password(connection: ServerConnection, password: str) -> Path:
    """Put (or replace) this server's line in the password file; returns the file."""
    path = pgpass_file()
    key = ":".join(_escape(part) for part in (connection.host, str(connection.port), connection.database,
                                              connection.user))
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    kept = [line for line in lines if not line.startswith(key + ":")]
    kept.append(f"{key}:{_escape(password)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    if sys.platform != "win32":
        path.chmod(0o600)   # libpq ignores a password file others can read
    return path


def try_connection(location: str) -> Database:
    """Open the database the form names (DatabaseOpenError says in Chinese why not)."""
    return Database.open(location)
