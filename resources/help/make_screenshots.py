"""Make the guide's pictures (resources/help/images/*.png) from the demo office.

    python resources/help/make_screenshots.py        # from the project folder, after screens change
    python resources/help/make_screenshots.py FOLDER # into another folder (tests/end2end/test_help_pictures.py)

Each tab of the main window is rendered offscreen at 1024×700 (the smallest window the program is
made for) with QWidget.grab(); the first-run guide on an empty office; the first page of each
printed paper from the PDF the program makes. The pictures are scaled down and reduced to a
64-colour palette so the committed files stay small (a few tens of KB each); the guide's pages
(resources/help/*.html) show them. Runs without a screen (QT_QPA_PLATFORM=offscreen).
"""
import datetime as dt
import io
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402  (ReportLab's dependency: always installed)
from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtPdf import QPdfDocument  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

IMAGES = ROOT / "resources" / "help" / "images"
TODAY = dt.date(2026, 11, 20)          # the demo office's "today"
WINDOW = (1024, 700)
SCREEN_WIDTH, PAPER_WIDTH = 760, 420    # pixels in the guide
COLOURS = 64


def save_small(image: QImage, name: str, width: int) -> Path:
    """Scaled to `width`, reduced to a small palette, written as an optimised PNG."""
    scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    scaled.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    target = IMAGES / f"{name}.png"
    picture.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
    return target


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def screens(app: QApplication, folder: Path) -> list[Path]:
    from gridoffice.clock import FixedClock
    from gridoffice.db import Database
    from gridoffice.services.demo.build import build_demo
    from gridoffice.views.shell.main_window import MainWindow

    made = []
    db = Database.open(folder / "演示.sqlite")
    build_demo(db, today=TODAY)
    window = MainWindow(db, FixedClock(TODAY))
    window.db_label.hide()   # a temporary folder's path says nothing to the reader
    window.resize(*WINDOW)
    window.show()
    settle(app)
    for index, page in enumerate(window.pages):
        window.tabs.setCurrentIndex(index)
        settle(app)
        made.append(save_small(window.grab().toImage(), f"tab_{page.help_page or page.settings_key}", SCREEN_WIDTH))
    reception = next(p for p in window.pages if p.help_page == "reception")
    window.tabs.setCurrentWidget(reception)
    reception.set_view(1)
    settle(app)
    made.append(save_small(window.grab().toImage(), "tab_reception_list", SCREEN_WIDTH))
    window.close()
    db.close()
    return made


def guide(app: QApplication, folder: Path) -> list[Path]:
    from gridoffice.clock import FixedClock
    from gridoffice.db import Database
    from gridoffice.services.office.setup import create_empty_office
    from gridoffice.views.office.guide.wizard import GuideWizard
    from gridoffice.views.office.stations import StationDialog
    from gridoffice.views.shell.main_window import MainWindow

    made = []
    db = Database.open(folder / "新办公室.sqlite")
    create_empty_office(db, "东城街道人大工委", "0395-1234567")
    clock = FixedClock(TODAY)
    window = MainWindow(db, clock)
    window.resize(*WINDOW)
    window.show()
    window.tabs.setCurrentWidget(next(p for p in window.pages if p.help_page == "reception"))
    settle(app)
    made.append(save_small(window.grab().toImage(), "empty_reception", SCREEN_WIDTH))
    wizard = GuideWizard(db, clock, window, start_after_office=True)
    wizard.resize(980, 640)
    wizard.show()
    wizard.current_page().ui.name.setText("东城街道人大代表联络站")
    settle(app)
    made.append(save_small(wizard.grab().toImage(), "guide_station", SCREEN_WIDTH))
    wizard.show_page(2)
    settle(app)
    made.append(save_small(wizard.grab().toImage(), "guide_deputies", SCREEN_WIDTH))
    wizard.close()
    dialog = StationDialog(db, None, window, clock=clock)
    dialog.ui.name.setText("东城街道人大代表联络站")
    dialog.show()
    settle(app)
    made.append(save_small(dialog.grab().toImage(), "station_form", SCREEN_WIDTH))
    dialog.close()
    window.close()
    db.close()
    return made


def papers(folder: Path) -> list[Path]:
    """The first page of each paper, from the demo office."""
    from gridoffice.widgets.pdf_preview import render_on_white
    from gridoffice.db import Database
    from gridoffice.services.common.list_pdf import write_list_pdf
    from gridoffice.services.grids.pdf import write_coverage_pdf, write_grid_duty_pdf
    from gridoffice.services.opinions.listing import OpinionFilter, read_opinion_list
    from gridoffice.services.opinions.papers import write_paper
    from gridoffice.services.reception.duty import load_duty_roster
    from gridoffice.services.reception.notice import load_notices, upcoming_notice_days
    from gridoffice.services.reception.pdf import write_duty_roster_pdf, write_notices_pdf
    from gridoffice.services.roster.pdf import write_board_for, write_roster_for
    from gridoffice.services.roster.rows import list_deputies

    from gridoffice.services.common.settings import read_office_name as office_name_of
    from gridoffice.services.opinions.papers import SlipError
    from gridoffice.services.reception.days import list_reception_days

    def first_paper(db, which: str, opinion_ids: list[int], path: Path) -> Path:
        """The paper of the first opinion it applies to (a 督办单 only for an overdue matter...)."""
        for opinion_id in opinion_ids:
            try:
                return write_paper(db, which, opinion_id, path, today=TODAY)
            except SlipError:
                continue
        raise RuntimeError(f"演示办公室中没有可以打印{which}的意见")

    db = Database.open(folder / "演示.sqlite")
    made: dict[str, Path] = {}

    def out(name: str) -> Path:
        return folder / f"{name}.pdf"

    day = upcoming_notice_days(db, TODAY)[0]
    made["paper_notice"] = write_notices_pdf(out("notice"), load_notices(db, [day.id]), issued_on=TODAY)
    roster = load_duty_roster(db, day.date.year, day.date.month, None)
    made["paper_duty_roster"] = write_duty_roster_pdf(out("duty"), roster, today=TODAY)
    deputies = [row for row in list_deputies(db) if row.status == "在任"]
    made["paper_roster"] = write_roster_for(db, out("roster"), deputies, today=TODAY, filter_note="在任代表")
    made["paper_board"] = write_board_for(db, out("board"), today=TODAY, deputy_ids=[row.id for row in deputies[:6]])
    made["paper_grid_duty"] = write_grid_duty_pdf(db, out("grid_duty"), today=TODAY)
    made["paper_coverage"] = write_coverage_pdf(db, out("coverage"), today=TODAY)
    listing = read_opinion_list(db, today=TODAY, where=OpinionFilter())
    for which, name in (("交办单", "paper_assignment"), ("督办单", "paper_supervision"), ("结果告知书", "paper_reply")):
        made[name] = first_paper(db, which, [row.id for row in listing.rows], out(name))
    days = list_reception_days(db, start=TODAY)[:12]
    made["paper_list"] = write_list_pdf(out("list"), title="接待日列表", office_name=office_name_of(db),
                                        headers=["日期", "时间", "联络站", "值班代表"],
                                        rows=[[f"{d.date}", d.time_range, d.station, d.deputies] for d in days],
                                        today=TODAY)
    db.close()
    images = []
    for name, pdf in made.items():
        document = QPdfDocument()
        document.load(str(pdf))
        points = document.pagePointSize(0)
        size = QSize(PAPER_WIDTH * 2, round(PAPER_WIDTH * 2 * points.height() / points.width()))
        images.append(save_small(render_on_white(document, 0, size), name, PAPER_WIDTH))
    return images


def main() -> int:
    global IMAGES
    from gridoffice.gui import create_application

    if len(sys.argv) > 1:
        IMAGES = Path(sys.argv[1]).absolute()
    os.environ["GRIDOFFICE_DATA_DIR"] = tempfile.mkdtemp(prefix="gridoffice-help-")
    app = create_application()
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gridoffice-help-") as temporary:
        folder = Path(temporary)
        made = screens(app, folder) + papers(folder) + guide(app, folder)
    for path in made:
        print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
