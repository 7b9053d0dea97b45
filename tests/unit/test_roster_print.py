"""The roster PDF, the wall board, and the command line that makes them and moves Excel files."""
import datetime as dt

import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import func
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import Deputy, ReceptionRule, Station
from gridoffice.domain.settings import AttachmentBlob
from gridoffice.domain.enums import RecurrenceKind
from gridoffice.services.roster.deputies import DeputyData, create_deputy
from gridoffice.services.roster.photos import store_photo
from gridoffice.services.roster.rows import list_deputies
from gridoffice.services.roster.pdf import board_cards, describe_rule, write_board_for, write_roster_pdf
from tests.roster_fixtures import FIRST_STATION, GOOD_ROWS, LAW_STATION, TODAY, build_small_office, ids, write_xlsx
from gridoffice.services.common.typography import NothingToPrintError
from gridoffice.services.reception.notice import save_station_contacts
from tests.paper_checks import assert_numbered, assert_posted_paper, font_names, page_numbers, pdf_pages
from tests.unit.test_pdf import embedded_fonts, pdf_text

FONTS = {"NotoSerifSC", "LXGWWenKai"}          # the Song face (regular and bold) and the rare-character fallback
SONG_FACES = {"NotoSerifSC-Regular", "NotoSerifSC-Bold"}   # PostScript names in the PDF


@pytest.fixture
def office(db):
    build_small_office(db)
    stations = ids(db, Station, "name")
    for index in range(30):
        create_deputy(db, DeputyData(name=f"代表{index:02d}", levels="区", mobile=f"1380000{index:04d}",
                                     station_id=stations[FIRST_STATION], work_unit="东城街道某某单位", post="科员"),
                      today=TODAY)
    create_deputy(db, DeputyData(name="刘䶮", levels="市、区", mobile="13912345678", mobile_public=True,
                                 station_id=stations[LAW_STATION], work_unit="𠀾明律师事务所", post="主任"), today=TODAY)
    create_deputy(db, DeputyData(name="𠀾明", levels="区", mobile="13712345678", mobile_public=False,
                                 office_phone="0395-7654321", station_id=stations[LAW_STATION]), today=TODAY)
    with db.session() as session:
        first = session.get(Station, stations[FIRST_STATION])
        first.address, first.phone = "东城路1号党群服务中心", "0395-1111111"
    save_station_contacts(db, {stations[FIRST_STATION]: "王丽萍"})
    return db


def test_roster_pdf_holds_every_name_with_fonts_embedded(office, tmp_path):
    rows = list_deputies(office)
    path = write_roster_pdf(tmp_path / "代表 名册.pdf", rows, office="东城街道人大工委", today=TODAY, filter_note="在任代表")
    text = pdf_text(path)
    assert "东城街道人大工委人大代表名册" in text and "2026年5月20日" in text and "共 32 人" in text
    assert "刘䶮" in text and "𠀾明" in text and "代表29" in text
    assert "139****5678" in text and "13912345678" not in text
    assert embedded_fonts(path) >= FONTS and font_names(path) >= SONG_FACES   # Song title and headers, Song body
    reader = PdfReader(path)
    assert len(reader.pages) >= 2
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height   # A4 landscape
    assert all("姓名" in page.extract_text() for page in reader.pages)   # the header repeats
    assert_numbered(path)
    assert_posted_paper(path)     # filed, not posted; still no bracket at a line end and the phones masked
    assert "东城街道某某单位科员" in text.replace("\n", "")          # unit and post on one line, not split
    for row in rows:
        assert row.mobile_masked in text                                # the phones whole, never over two lines
    with pytest.raises(NothingToPrintError):
        write_roster_pdf(tmp_path / "空.pdf", [], office="东城街道人大工委", today=TODAY)
    assert not (tmp_path / "空.pdf").exists()


def test_wall_board_shows_a_mobile_only_with_consent(office, tmp_path):
    path = write_board_for(office, tmp_path / "公示 牌.pdf", today=TODAY)
    text = pdf_text(path)
    assert "刘䶮" in text and "𠀾明" in text and "市、区人大代表" in text
    assert "13912345678" in text            # consented
    assert "13712345678" not in text and "0395-7654321" in text   # no consent: the office phone only
    assert "13800000001" not in text        # no consent, no office phone: no phone at all
    assert "每月第一个周三 09:00—11:30" in text        # the first station's rule
    assert "09:00-11:30（接待日期以联络站公告为准）" in "".join(pdf_pages(path))   # no rule: the office default
    assert embedded_fonts(path) >= FONTS and font_names(path) >= SONG_FACES
    assert_posted_paper(path, allowed_mobiles=("13912345678",))


def test_each_stations_pages_carry_its_facts_the_date_and_their_own_numbers(office, tmp_path):
    path = write_board_for(office, tmp_path / "公示 牌.pdf", today=TODAY)
    pages = pdf_pages(path)
    # 30 deputies at the first station: five pages of six cards; the law station's two: one page
    assert page_numbers(path) == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5), (1, 1)]
    for page in pages[:5]:
        assert FIRST_STATION in page and "地址：东城路1号党群服务中心" in page and "电话：0395-1111111" in page
        assert "联系人：王丽萍" in page and "联络站电话0395-1111111" in page and "第一站" in page
    assert LAW_STATION in pages[5] and "地址" not in pages[5]     # no address known: none printed
    for page in pages:
        assert "人大代表信息公示" in page and "东城街道人大工委热线0395-1234567" in page
        assert "东城街道人大工委公示日期：2026年5月20日" in page     # the issuer and the 公示 date at the foot


def test_wall_board_uses_the_photo_or_a_placeholder(office, tmp_path):
    photo = tmp_path / "照片.jpg"
    Image.new("RGB", (600, 800), (90, 120, 200)).save(photo)
    with office.session() as session:
        deputy = session.exec(select(Deputy).where(Deputy.name == "刘䶮")).one()
        deputy.photo_file = store_photo(office.attachments_dir, photo)
        session.add(deputy)
    cards = board_cards(office, deputy_ids=[deputy.id])
    assert cards[0].photo is not None and cards[0].photo.is_file()
    path = write_board_for(office, tmp_path / "一张.pdf", deputy_ids=[deputy.id], today=TODAY)
    images = [name for page in PdfReader(path).pages for name in page.images]
    assert len(images) == 1
    broken = cards[0].photo
    broken.write_bytes(b"not a picture")          # an unreadable photo prints as the placeholder
    if office.is_server:   # the photo is kept in the database, which refreshes this PC's copy: damage it there
        with office.session() as session:
            blob = session.get(AttachmentBlob, deputy.photo_file)
            blob.data, blob.size = b"not a picture", len(b"not a picture")
            session.add(blob)
    path = write_board_for(office, tmp_path / "坏照片.pdf", deputy_ids=[deputy.id], today=TODAY)
    assert not [name for page in PdfReader(path).pages for name in page.images] and "照片" in pdf_text(path)


@pytest.mark.parametrize("rule, words", [
    (ReceptionRule(station_id=1, nth=1, weekday=2), "每月第一个周三 09:00—11:30"),
    (ReceptionRule(station_id=1, nth=-1, weekday=4, start_time=dt.time(14, 30), end_time=dt.time(17)),
     "每月最后一个周五 14:30—17:00"),
    (ReceptionRule(station_id=1, recurrence=RecurrenceKind.WEEKLY.value, weekday=0), "每周一 09:00—11:30"),
    (ReceptionRule(station_id=1, recurrence=RecurrenceKind.MONTH_DAY.value, months="1,3,5,7,9,11", day_of_month=15),
     "每单月15日 09:00—11:30"),
    (ReceptionRule(station_id=1, recurrence=RecurrenceKind.MONTH_DAY.value, months="3,6,9,12", day_of_month=10),
     "3、6、9、12月10日 09:00—11:30"),
])
def test_reception_rules_are_described_in_words(rule, words):
    assert describe_rule(rule) == words


# --- command line (in-process: cli.main with captured output) -------------------------------------
def _deputy_count(db_path) -> int:
    with Database.open(db_path, lock=False) as db, db.session() as session:
        return session.exec(select(func.count()).select_from(Deputy)).one()


@pytest.fixture
def office_file(db_path):
    with Database.open(db_path) as db:
        build_small_office(db)
    return db_path


@pytest.fixture
def cli(capsys):
    """Run a command as `gridoffice ARGS` would; (exit code, stdout, stderr)."""
    from gridoffice.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_cli_imports_exports_and_refuses_bad_files(office_file, tmp_path, cli):
    good = write_xlsx(tmp_path / "名册 好.xlsx", GOOD_ROWS)
    code, out, err = cli("import", "deputies", str(good), "--db", str(office_file))
    assert code == 0, err
    assert "新增 3 人" in out

    code, out, err = cli("import", "deputies", str(good), "--db", str(office_file))
    assert code == 2 and "3 条重复记录" in err and "--duplicates" in err

    bad = write_xlsx(tmp_path / "名册 坏.xlsx", [["姓名", "代表层级", "手机"], ["新人甲", "区", "13800009999"],
                                               ["新人乙", "区", "139"]])
    code, out, err = cli("import", "deputies", str(bad), "--duplicates", "skip", "--db", str(office_file))
    assert code == 2
    assert "第 3 行“手机”列" in err
    assert _deputy_count(office_file) == 3   # nothing of the bad file was written

    exported = tmp_path / "导出 名册.xlsx"
    code, out, err = cli("export", "deputies", str(exported), "--db", str(office_file))
    assert code == 0, err
    names = {row[0].value: row[8].value for row in load_workbook(exported).active.iter_rows(min_row=2)}
    assert names["刘䶮"] == "139****1111" and "𠀾明" in names


def test_cli_prints_roster_and_board(office_file, tmp_path, cli):
    cli("import", "deputies", str(write_xlsx(tmp_path / "名册.xlsx", GOOD_ROWS)), "--db", str(office_file))
    roster, board = tmp_path / "名册 打印.pdf", tmp_path / "公示 牌.pdf"
    code, out, err = cli("print", "roster", "-o", str(roster), "--db", str(office_file))
    assert code == 0, err
    assert "刘䶮" in pdf_text(roster) and "𠀾明" in pdf_text(roster)
    code, out, err = cli("print", "board", "-o", str(board), "--station", LAW_STATION, "--db", str(office_file))
    assert code == 0, err
    text = pdf_text(board)
    assert "刘䶮" in text and "张利霞" not in text
    code, out, err = cli("print", "board", "-o", str(board), "--station", "第一站", "--db", str(office_file))
    assert code == 0, err   # the short name, as the calendar and the reception commands write it
    text = pdf_text(board)
    assert "张利霞" in text and "刘䶮" not in text
    code, out, err = cli("print", "board", "-o", str(tmp_path / "无.pdf"), "--station", "没有这个站",
                         "--db", str(office_file))
    assert code == 2 and "没有名为“没有这个站”的联络站" in err and FIRST_STATION in err
    code, out, err = cli("print", "board", "-o", str(tmp_path / "无.pdf"), "--station", "联络站", "--db", str(office_file))
    assert code == 2 and "对应多个联络站" in err and FIRST_STATION in err and LAW_STATION in err   # the candidates
    assert not (tmp_path / "无.pdf").exists()


def test_cli_prints_nothing_when_there_is_nothing_to_print(office_file, tmp_path, cli):
    """No deputy yet: neither the roster nor the board is written, and the command says why."""
    for what, words in (("roster", "没有可打印的代表"), ("board", "没有可公示的在任代表")):
        target = tmp_path / f"{what}.pdf"
        code, out, err = cli("print", what, "-o", str(target), "--db", str(office_file))
        assert code == 2 and words in err and not target.exists()
