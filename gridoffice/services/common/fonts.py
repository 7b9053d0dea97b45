"""The bundled Chinese fonts, for PDFs. (ReportLab is imported only when a PDF is made.)

ReportLab embeds only TrueType outlines and does no font fallback, so text is split
into runs: characters WenQuanYi Micro Hei has stay in it, rare characters it lacks
(CJK extensions: 䶮 𠀾 𠮷) go to LXGW WenKai, which has them.
"""
from functools import lru_cache
from html import escape   # not xml.sax.saxutils: it imports urllib.request, http and email (80 ms at start-up)

from gridoffice.paths import fonts_dir

PRIMARY_FONT = "WenQuanYiMicroHei"
FALLBACK_FONT = "LXGWWenKai"
PRIMARY_FILE = "wqy-microhei.ttc"
FALLBACK_FILE = "LXGWWenKai-Regular.ttf"
# the family names Qt sees once the files are added to QFontDatabase
QT_FAMILIES = ("WenQuanYi Micro Hei", "LXGW WenKai")


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16 pairs.

    ReportLab writes 𠀾 as <2003E>, which PDF readers reject, so copying or searching a
    rare-character name in the PDF would fail; the PDF spec wants <D840DC3E>.
    """
    entries = [f"<{index:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>" for index, code in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *entries, "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


@lru_cache(maxsize=1)
def register_pdf_fonts() -> tuple[str, str]:
    """Register both fonts with ReportLab once; returns (primary, fallback) names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFont

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    pdfmetrics.registerFont(TTFont(PRIMARY_FONT, str(fonts_dir() / PRIMARY_FILE), subfontIndex=0))
    pdfmetrics.registerFont(TTFont(FALLBACK_FONT, str(fonts_dir() / FALLBACK_FILE)))
    for name in (PRIMARY_FONT, FALLBACK_FONT):
        # one face: <b> and <i> in paragraphs map back to it instead of failing
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
    return PRIMARY_FONT, FALLBACK_FONT


@lru_cache(maxsize=2)
def _glyphs(font_name: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_pdf_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def font_for(char: str) -> str:
    code = ord(char)
    if code in _glyphs(PRIMARY_FONT) or char.isspace():
        return PRIMARY_FONT
    if code in _glyphs(FALLBACK_FONT):
        return FALLBACK_FONT
    return PRIMARY_FONT  # neither has it: keep the primary face (prints as a blank box)


def font_runs(text: str) -> list[tuple[str, str]]:
    """[(font name, text)] with consecutive characters of the same font joined."""
    runs: list[tuple[str, str]] = []
    for char in text:
        font = font_for(char)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def pdf_markup(text: object) -> str:
    """Paragraph markup of plain text: XML-escaped, newlines kept, rare characters in the fallback font."""
    parts = []
    for font, run in font_runs("" if text is None else str(text)):
        escaped = escape(run, quote=False).replace("\n", "<br/>")   # & < > as xml.sax.saxutils.escape
        parts.append(escaped if font == PRIMARY_FONT else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def missing_glyphs(text: str) -> list[str]:
    """Characters neither bundled font can print."""
    return [c for c in dict.fromkeys(text)
            if not c.isspace() and ord(c) not in _glyphs(PRIMARY_FONT) and ord(c) not in _glyphs(FALLBACK_FONT)]
