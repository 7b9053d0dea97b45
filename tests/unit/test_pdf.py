"""PDFs: the bundled fonts are embedded and the text (rare characters too) can be extracted."""
import datetime as dt
import re
from pathlib import Path

from pypdf import PdfReader

from gridoffice.services.common.fonts import FALLBACK_FONT, PRIMARY_FONT, font_runs, missing_glyphs, pdf_markup
from gridoffice.services.common.list_pdf import write_list_pdf


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
                   rows=rows, column_weights=[80, 60, 200], today=dt.date(2026, 3, 4))
    text = pdf_text(path)
    assert "东城街道人大工委代表名册" in text
    assert "2026年3月4日" in text
    assert "代表119" in text and "刘䶮" in text and "𠀾明" in text
    assert len(PdfReader(path).pages) >= 3
    assert "第 1 页，共" in text
    assert embedded_fonts(path) >= {PRIMARY_FONT, FALLBACK_FONT}


def test_a_failed_pdf_leaves_no_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "失败.pdf"

    def broken_build(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("reportlab.platypus.SimpleDocTemplate.build", broken_build)
    try:
        write_list_pdf(path, title="x", office_name="y", headers=["a"], rows=[["b"]], column_weights=[1])
    except OSError:
        pass
    assert list(tmp_path.iterdir()) == []
