"""PyInstaller runtime hook for smoke tests of the frozen program; does nothing unless
GRIDOFFICE_SMOKE is set (the clerk's program never sets it).

With GRIDOFFICE_SMOKE=N (milliseconds), the window is watched:
- the first paint of the main window prints "painted <seconds since process start>" and the
  program quits N ms later (0: at once; give the tabs time to fill with a few thousand);
- every dialog or message box that opens prints "dialog <class> <title> <text>" and is
  rejected at once (so the first-start dialog shows and the program ends by itself; a
  Chinese error box is printed instead of waiting for a click that never comes).
Used by packaging/ci-frozen-check.sh and packaging/time-start.sh; also importable by
`python -c` for the same measurement on `python -m gridoffice`.
"""
import os
import sys
import time


def _install(quit_after_ms: int) -> None:
    started = time.perf_counter()
    import gridoffice.gui as gui
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    def say(text: str) -> None:
        print(text, flush=True)

    class Watch(QObject):
        painted = False

        def eventFilter(self, watched, event):
            kind = event.type()
            if kind == QEvent.Type.Show and isinstance(watched, QDialog):
                text = watched.text() if isinstance(watched, QMessageBox) else ""
                say(f"dialog {type(watched).__name__} {watched.windowTitle()} {text}".replace("\n", " "))
                QTimer.singleShot(0, watched.reject)
            elif (kind == QEvent.Type.Paint and not self.painted and type(watched).__name__ == "MainWindow"):
                self.painted = True
                say(f"painted {time.perf_counter() - started:.3f}")
                QTimer.singleShot(quit_after_ms, quit_until_done)
            return False

    def quit_until_done() -> None:
        # the shell paints before the tabs fill, inside the start-up's own event loops: a quit
        # that lands in one of those is lost, so ask again until the main loop ends
        app = QApplication.instance()
        app._smoke_quit = QTimer(app)
        app._smoke_quit.timeout.connect(app.quit)
        app._smoke_quit.start(200)
        app.quit()

    original = getattr(gui, "create_application", None)
    if original is None:
        say("smoke hook: gridoffice.gui.create_application is gone; update packaging/smoke_hook.py")
        sys.exit(3)

    def create_application(*args, **kwargs):
        app = original(*args, **kwargs)
        if not app.property("gridoffice_smoke"):
            app.setProperty("gridoffice_smoke", True)
            app._smoke_watch = Watch(app)
            app.installEventFilter(app._smoke_watch)
        return app

    gui.create_application = create_application


if os.environ.get("GRIDOFFICE_SMOKE"):
    _install(int(os.environ["GRIDOFFICE_SMOKE"] or 0))
