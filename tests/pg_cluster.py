"""A throw-away PostgreSQL cluster for tests, benchmarks and the concurrency test.

    with ThrowawayCluster() as cluster:
        url = cluster.create_database("office")        # postgresql://…/office?host=<socket dir>
        url = cluster.clone("copy", template="office")  # CREATE DATABASE copy TEMPLATE office

It runs the installed server binaries (Debian: `apt-get install postgresql`, binaries in
/usr/lib/postgresql/<version>/bin; elsewhere the ones on PATH or in $PG_BIN) in a temporary folder:
Unix socket only (no TCP port), trust authentication, fsync off. As root (CI), initdb and postgres
refuse to run, so they run as the `postgres` user through runuser.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUPERUSER = "gridoffice"


def server_binaries() -> Path | None:
    """The folder holding initdb and postgres, or None when PostgreSQL is not installed."""
    named = os.environ.get("PG_BIN")
    candidates = [Path(named)] if named else []
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True) \
        if Path("/usr/lib/postgresql").is_dir() else []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    return next((folder for folder in candidates if (folder / "initdb").exists() and (folder / "postgres").exists()),
                None)


class ThrowawayCluster:
    def __init__(self, folder: Path | None = None):
        self.bin = server_binaries()
        if self.bin is None:
            raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN)")
        # a short path: a Unix socket's path must stay under ~100 bytes
        self.folder = Path(folder or tempfile.mkdtemp(prefix="gopg-"))
        self.data = self.folder / "data"
        self.socket_dir = self.folder
        self._as_other_user = hasattr(os, "geteuid") and os.geteuid() == 0
        self._process: subprocess.Popen | None = None

    # --- the server --------------------------------------------------------------------------------
    def _command(self, *args: str) -> list[str]:
        if self._as_other_user:
            return ["runuser", "-u", "postgres", "--", *args]
        return list(args)

    def start(self) -> "ThrowawayCluster":
        if self._as_other_user:
            shutil.chown(self.folder, "postgres", "postgres")
        subprocess.run(self._command(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
                                     "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"),
                       check=True, capture_output=True)
        with (self.folder / "server.log").open("wb") as log:   # the server keeps its own handle
            self._process = subprocess.Popen(self._command(
                str(self.bin / "postgres"), "-D", str(self.data), "-k", str(self.socket_dir), "-c", "listen_addresses=",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=200", "-c", "shared_buffers=128MB"), stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while not (self.socket_dir / ".s.PGSQL.5432").exists():
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("PostgreSQL did not start:\n" + (self.folder / "server.log").read_text(errors="replace"))
            time.sleep(0.05)
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + 60
        while True:
            try:
                psycopg.connect(self.dsn("postgres")).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()   # SIGTERM: smart shutdown
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> "ThrowawayCluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- databases ---------------------------------------------------------------------------------
    def dsn(self, database: str) -> str:
        return f"host={self.socket_dir} port=5432 user={SUPERUSER} dbname={database}"

    def url(self, database: str) -> str:
        """The URL the program takes (--db, GRIDOFFICE_DB): the socket folder in `host`."""
        return f"postgresql://{SUPERUSER}@/{database}?host={self.socket_dir}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.dsn(database), autocommit=True) as connection:
            connection.execute(sql)

    def create_database(self, name: str) -> str:
        self.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def clone(self, name: str, *, template: str) -> str:
        """A copy of `template` (no one may be connected to it), made by the server in a few ms."""
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":   # a cluster to try things by hand: prints its URL, stops on Enter
    with ThrowawayCluster() as cluster:
        print(cluster.create_database(sys.argv[1] if len(sys.argv) > 1 else "office"))
        input("Enter stops the server…")
