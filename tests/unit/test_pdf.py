"""PDFs: the bundled fonts are embedded and the text (rare characters too) can be extracted."""
import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from gridoffice.services.common.fonts import (FALLBACK_FONT, PRIMARY_FONT, SONG_BOLD_FONT, SONG_FONT, font_runs,
                                              missing_glyphs, pdf_markup)
from gridoffice.services.common.list_pdf import write_list_pdf
from gridoffice.services.common.typography import NothingToPrintError, content_widths, paper_styles, text_width
from tests.paper_checks import assert_numbered, assert_posted_paper, font_names, pdf_lines


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def embedded_fonts(path: Path) -> set[str]:
    """Base names of the fonts that carry an embedded font file."""
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if descriptor is None:
                continue  # one of the 14 standard fonts, which need no embedding
            descriptor = descriptor.get_object()
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                names.add(re.sub(r"^[A-Z]{6}\+|-[^-]+$", "", str(font["/BaseFont"]).lstrip("/")))
    return names


def test_rare_characters_are_set_in_the_fallback_font():
    assert font_runs("刘䶮明") == [(PRIMARY_FONT, "刘"), (FALLBACK_FONT, "䶮"), (PRIMARY_FONT, "明")]
    assert f'<font name="{FALLBACK_FONT}">𠀾</font>' in pdf_markup("𠀾")
    assert missing_glyphs("张利霞 䶮 𠀾 𠮷") == []


def test_markup_escapes_what_the_clerk_typed():
    assert pdf_markup("A&B <b>") == "A&amp;B &lt;b&gt;"


def test_list_pdf_embeds_fonts_and_holds_every_row(tmp_path: Path):
    path = tmp_path / "名册 打印.pdf"
    rows = [[f"代表{i}", "市、区", "某某公司 总经理"] for i in range(120)] + [["刘䶮", "区", "𠀾明律师事务所"]]
    write_list_pdf(path, title="代表名册", office_name="东城街道人大工委", headers=["姓名", "层级", "单位"],
                   rows=rows, today=dt.date(2026, 3, 4))
    text = pdf_text(path)
    assert "东城街道人大工委代表名册" in text
    assert "2026年3月4日" in text
    assert "代表119" in text and "刘䶮" in text and "𠀾明" in text
    assert len(PdfReader(path).pages) >= 3
    assert_numbered(path)
    assert all("姓名" in page.extract_text() for page in PdfReader(path).pages)   # the header repeats
    assert embedded_fonts(path) >= {SONG_FONT, FALLBACK_FONT} and SONG_BOLD_FONT in font_names(path)


def test_list_columns_are_sized_from_their_content(tmp_path: Path):
    """Serials, dates and masked phones never break over two lines; only the text column wraps."""
    path = tmp_path / "意见 列表.pdf"
    headers = ["编号", "登记日期", "渠道", "反映人", "电话", "所属网格", "分类", "反映内容", "状态", "办理期限"]
    long_text = "小区内道路破损严重，下雨天积水很深，老人小孩出行不便，希望尽快修复并完善排水设施。" * 2
    rows = [[f"2026-0{365 - i}", "2026-12-01", "接待日", "王**", "154****7054", f"JT-0{i % 9 + 1}-02 西园社区第2网格",
             "城市管理", long_text, "办理中", "2026-12-31"] for i in range(40)]
    write_list_pdf(path, title="民情意见", office_name="锦塘街道人大工委", headers=headers, rows=rows,
                   today=dt.date(2026, 12, 6))
    text = pdf_text(path)
    for row in rows:
        assert row[0] in text
    assert text.count("2026-12-01") == 40 and text.count("154****7054") == 40 and text.count("2026-12-31") == 40
    assert "\n".join(pdf_lines(path)).count("小区内道路破损严重") == 80
    assert_numbered(path)
    assert_posted_paper(path)
    reader = PdfReader(path)
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height   # ten columns: landscape
    assert all("办理期限" in page.extract_text() for page in reader.pages)


def test_an_empty_list_is_not_printed(tmp_path: Path):
    with pytest.raises(NothingToPrintError, match="没有可打印的记录"):
        write_list_pdf(tmp_path / "空.pdf", title="民情意见", office_name="x", headers=["编号"], rows=[],
                       today=dt.date(2026, 12, 6))
    assert list(tmp_path.iterdir()) == []


def test_content_widths_keep_tokens_whole_and_wrap_text():
    sheet = paper_styles(10.5)
    header = ["编号", "内容"]
    rows = [["2026-0365", "很长的一段文字" * 20]]
    widths = content_widths(400, header, rows, sheet["cell"])
    assert widths[0] >= text_width("2026-0365", sheet["cell"]) + 8 and abs(sum(widths) - 400) < 0.01
    short = content_widths(400, header, [["2026-0365", "短"]], sheet["cell"])
    assert abs(sum(short) - 400) < 0.01 and short[0] > short[1]    # nothing wraps: both grow to fill


def test_a_failed_pdf_leaves_no_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "失败.pdf"

    def broken_build(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("reportlab.platypus.SimpleDocTemplate.build", broken_build)
    try:
        write_list_pdf(path, title="x", office_name="y", headers=["a"], rows=[["b"]], today=dt.date(2026, 3, 4))
    except OSError:
        pass
    assert list(tmp_path.iterdir()) == []
