"""The papers' typography: the faces cover 通用规范汉字表, embed, fall back for rare characters,
and lines break by the Chinese rules (no opening bracket at a line end, no number split)."""
import bz2
import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak

from gridoffice.paths import fonts_dir
from gridoffice.services.common.fonts import (FALLBACK_FONT, FONT_FILES, PRIMARY_FONT, SONG_BOLD_FONT, SONG_FONT,
                                              font_runs, glyphs, missing_glyphs, pdf_markup)
from gridoffice.services.common.typography import (PageGroup, break_allowed, paper_date, paper_date_weekday,
                                                   paper_styles, paper_table, paragraph, signature_block,
                                                   write_paper)

# 通用规范汉字表 (2013), 8,105 characters. The list is derived from the Unicode Character Database's
# Unihan field kTGH ("2013:N", the character's number in the table), Unicode 15.0.0, as Debian's
# package unicode-data ships it (/usr/share/unicode/Unihan_OtherMappings.txt.bz2); see the file's header.
TGH_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "hanzi" / "tongyong_guifan_8105.txt"
UNIHAN = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")
RARE = "䶮𠀾𠮷𰻞"


def tongyong_guifan() -> list[tuple[int, str]]:
    rows = []
    for line in TGH_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            number, char = line.split("\t")
            rows.append((int(number), char))
    return rows


def test_the_character_list_is_the_whole_table():
    rows = tongyong_guifan()
    assert [n for n, _ in rows] == list(range(1, 8106))
    assert len({c for _, c in rows}) == 8105
    assert rows[0] == (1, "一") and rows[3499][1] and rows[-1] == (8105, "蠼")
    assert sum(1 for _, c in rows if ord(c) > 0xFFFF) == 196   # Extensions B to E


@pytest.mark.skipif(not UNIHAN.is_file(), reason="Debian's unicode-data is not installed")
def test_the_character_list_matches_unihan_ktgh():
    derived = []
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as unihan:
        for line in unihan:
            if "\tkTGH\t" in line:
                code, _field, value = line.rstrip("\n").split("\t")
                for item in value.split():
                    if item.startswith("2013:"):
                        derived.append((int(item[5:]), chr(int(code[2:], 16))))
    assert sorted(derived) == tongyong_guifan()


@pytest.mark.parametrize("font", [SONG_FONT, SONG_BOLD_FONT])
def test_the_song_faces_cover_all_8105_characters(font):
    have = glyphs(font)
    missing = [c for _, c in tongyong_guifan() if ord(c) not in have]
    assert missing == [], f"{font} lacks {len(missing)}: {''.join(missing[:50])}"


def test_the_bundled_fonts_are_truetype_with_their_licences():
    for file_name in FONT_FILES.values():
        head = (fonts_dir() / file_name).read_bytes()[:4]
        assert head in (b"\x00\x01\x00\x00", b"ttcf"), file_name       # TrueType outlines, not CFF ("OTTO")
    licences = {p.name for p in fonts_dir().glob("LICENSE-*")}
    assert {"LICENSE-NotoSerifSC-OFL-1.1.txt", "LICENSE-LXGWWenKai-OFL-1.1.txt"} <= licences


def test_rare_characters_fall_back_from_song_to_wenkai():
    assert font_runs("刘䶮明", SONG_FONT) == [(SONG_FONT, "刘䶮明")]        # Noto Serif SC has 䶮
    assert font_runs("𠀾明", SONG_FONT) == [(FALLBACK_FONT, "𠀾"), (SONG_FONT, "明")]
    assert f'<font name="{FALLBACK_FONT}">𠮷</font>' in pdf_markup("吉𠮷", SONG_BOLD_FONT)
    assert font_runs("刘䶮明") == [(PRIMARY_FONT, "刘"), (FALLBACK_FONT, "䶮"), (PRIMARY_FONT, "明")]
    assert missing_glyphs(RARE + "张利霞") == []


def test_one_date_style():
    assert paper_date(dt.date(2027, 1, 6)) == "2027年1月6日"
    assert paper_date_weekday(dt.date(2027, 1, 6)) == "2027年1月6日（星期三）"


def test_where_a_line_may_break():
    text = "韩梅莉（区）、编号2026-0365，电话0571-88881234于2027年1月6日09:00—11:30"
    allowed = break_allowed(text)
    cannot = {text.index("（") + 1, text.index("（区）") + 1, text.index("、"), text.index("0365"),
              text.index("88881234"), text.index("1月6日"), text.index("—"), text.index("，")}
    assert not any(allowed[i] for i in cannot)
    assert allowed[text.index("（")] and allowed[text.index("于")]


def font_report(path: Path) -> dict[str, bool]:
    """Each font's base name (subset tag removed) → whether the font file is embedded."""
    fonts = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            name = re.sub(r"^[A-Z]{6}\+", "", str(font["/BaseFont"]).lstrip("/"))
            fonts[name] = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def pdf_lines(path: Path) -> list[str]:
    return [line.strip() for page in PdfReader(path).pages for line in page.extract_text().splitlines()
            if line.strip()]


def split_tokens(lines: list[str], tokens: list[str]) -> list[tuple[str, str, str]]:
    """(token, line, next line) wherever a line ends with the start of a token and the next goes on with it."""
    return [(token, a, b) for a, b in zip(lines, lines[1:]) for token in tokens
            for k in range(1, len(token)) if a.endswith(token[:k]) and b.startswith(token[k:])]


TRICKY = [
    "值班代表：韩梅莉（区）、张伟（市、区）、李娜（区）、王芳芳（区）、刘䶮（区）、𠀾明（区）",
    "遇节假日顺延（原定2027年1月1日）遇节假日顺延（原定2027年1月1日）遇节假日顺延（原定2027年1月1日）",
    "编号2026-0365，电话0571-88881234，手机138****1234，时间09:00—11:30，完成率80.0%。" * 2,
]
WHOLE = ["2026-0365", "0571-88881234", "138****1234", "09:00—11:30", "2027年1月1日", "80.0%"]


def test_lines_keep_brackets_and_numbers_whole_at_every_width(tmp_path):
    sheet = paper_styles()
    story = [paragraph("测试：锦塘街道人大代表联络站（中心站）值班表", sheet["title"])]
    for width in range(34, 100, 7):
        story.append(paper_table(["内容"], [[t] for t in TRICKY], [width * mm]))
    path = write_paper(tmp_path / "断行 测试.pdf", story, title="断行")
    lines = pdf_lines(path)
    assert not [line for line in lines if line.endswith(("（", "(", "“", "《"))]
    assert not [line for line in lines if line.startswith(("，", "。", "、", "）", "：", "；"))]
    assert split_tokens(lines, WHOLE) == []
    flat = "".join(lines)
    assert all(token in flat for token in WHOLE) and "刘䶮" in flat and "𠀾明" in flat
    fonts = font_report(path)
    assert fonts == {"NotoSerifSC-Bold": True, "NotoSerifSC-Regular": True, "LXGWWenKai-Regular": True}


def test_page_numbers_restart_in_each_group_and_the_signature_leaves_room_for_the_seal(tmp_path):
    sheet = paper_styles()
    story = []
    for group, pages in (("甲站", 2), ("乙站", 1)):
        story.append(PageGroup(group, note=group))
        for page in range(pages):
            story.append(paragraph(f"{group}第{page + 1}张", sheet["body"]))
            story.append(PageBreak())
    block = signature_block("锦塘街道人大工委", dt.date(2027, 1, 3), 170 * mm)
    story.append(block)
    path = write_paper(tmp_path / "分组.pdf", story, title="分组")
    texts = [page.extract_text() for page in PdfReader(path).pages]
    assert "第 1 页，共 2 页" in texts[0] and "第 2 页，共 2 页" in texts[1] and "甲站" in texts[1]
    assert "第 1 页，共 2 页" in texts[2] and "乙站" in texts[2]
    assert "锦塘街道人大工委" in texts[-1] and "2027年1月3日" in texts[-1]
    assert block.seal_space >= 15 * mm
