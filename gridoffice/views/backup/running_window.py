"""A backup double-clicked while the program is already open goes to that window.

A second program could not open the database (its lock is the first one's), so it hands the
file over instead and ends: the window that holds the database listens on a local socket (a
named pipe on Windows) named after this user and the database, and offers the backup as at
start-up (open_file.offer_backup_file).

    if backup_file and hand_to_running_window(db_location, backup_file): ...   # nothing to start
    BackupFileReceiver(window, db_location)                                   # the open window
"""
import getpass
import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_MS = 500      # no window listening: the socket is refused at once
ANSWER_MS = 3000      # a window busy for longer than this is treated as none: this program starts itself
OK = b"ok\n"


def server_name(db_location: "Path | str") -> str:
    """The same for every program of this user started on this database (a file or a server URL)."""
    try:
        user = getpass.getuser()
    except Exception:   # noqa: BLE001 - no login name in the environment
        user = ""
    where = str(db_location)
    if "://" not in where:
        where = os.path.normcase(str(Path(where).expanduser().absolute()))
    return "gridoffice-" + hashlib.sha256(f"{user}\n{where}".encode()).hexdigest()[:24]


def hand_to_running_window(db_location: "Path | str", backup_file: Path) -> bool:
    """Give the backup to the window that has this database open; False when there is none
    (or it did not answer): then this program starts as usual."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_location))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    try:
        socket.write(str(backup_file.absolute()).encode("utf-8") + b"\n")
        socket.waitForBytesWritten(ANSWER_MS)
        answered = socket.waitForReadyRead(ANSWER_MS) and bytes(socket.readAll().data()).startswith(OK)
    finally:
        socket.disconnectFromServer()
    if not answered:
        log.warning("the running window did not take %s", backup_file)
    return answered


class BackupFileReceiver(QObject):
    """In the open window: takes the backups handed over, brings the window forward, offers them."""

    def __init__(self, window, db_location: "Path | str"):
        super().__init__(window)
        self.window = window
        self.offering = False
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)   # this user's programs only
        name = server_name(db_location)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)   # left by a program that crashed (we hold the database's lock)
            if not self.server.listen(name):
                log.warning("cannot listen for backups on %s: %s", name, self.server.errorString())
        self.server.newConnection.connect(self._connected)

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)

    def _read(self, connection: QLocalSocket) -> None:
        if not connection.canReadLine():
            return
        path = Path(bytes(connection.readLine().data()).decode("utf-8", errors="replace").strip())
        connection.write(OK)
        connection.flush()
        QTimer.singleShot(0, lambda: self._offer(path))

    def _offer(self, path: Path) -> None:
        from gridoffice.views.backup.open_file import offer_backup_file

        window = self.window
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.raise_()
        window.activateWindow()
        if self.offering:   # the clerk double-clicked again while the first offer is open
            return
        self.offering = True
        try:
            offer_backup_file(window, path)
        finally:
            self.offering = False
