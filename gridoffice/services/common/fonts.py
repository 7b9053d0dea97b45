"""The bundled Chinese fonts, for PDFs. (ReportLab is imported only when a PDF is made.)

Four TrueType faces (ReportLab embeds only TrueType outlines):

| name | face | role on paper |
|---|---|---|
| SONG_FONT `NotoSerifSC` | 思源宋体 Noto Serif SC Regular | the body of papers (宋体) |
| SONG_BOLD_FONT `NotoSerifSC-Bold` | Noto Serif SC Bold | titles (the 小标宋 of GB/T 9704), headings, `<b>` |
| PRIMARY_FONT `WenQuanYiMicroHei` | 文泉驿微米黑 | the UI; 黑体 headings; the labels of the printed map |
| FALLBACK_FONT `LXGWWenKai` | 霞鹜文楷 | 楷体, and rare characters the others lack (𠀾 𠮷 𰻞) |

ReportLab does no font fallback, so text is split into runs: characters the paragraph's face
has stay in it, the others go to the first face of its fallback chain that has them.
`gridoffice.services.common.typography` builds the papers' styles on these faces.
"""
from functools import lru_cache
from html import escape   # not xml.sax.saxutils: it imports urllib.request, http and email (80 ms at start-up)

from gridoffice.paths import fonts_dir

PRIMARY_FONT = "WenQuanYiMicroHei"
FALLBACK_FONT = "LXGWWenKai"
SONG_FONT = "NotoSerifSC"
SONG_BOLD_FONT = "NotoSerifSC-Bold"
PRIMARY_FILE = "wqy-microhei.ttc"
FALLBACK_FILE = "LXGWWenKai-Regular.ttf"
SONG_FILE = "NotoSerifSC-Regular.ttf"
SONG_BOLD_FILE = "NotoSerifSC-Bold.ttf"
FONT_FILES = {PRIMARY_FONT: PRIMARY_FILE, FALLBACK_FONT: FALLBACK_FILE, SONG_FONT: SONG_FILE,
              SONG_BOLD_FONT: SONG_BOLD_FILE}
# where a character goes when the paragraph's own face lacks it, face by face
FALLBACK_CHAINS = {
    PRIMARY_FONT: (FALLBACK_FONT, SONG_FONT),
    SONG_FONT: (FALLBACK_FONT, PRIMARY_FONT),
    SONG_BOLD_FONT: (FALLBACK_FONT, PRIMARY_FONT),
    FALLBACK_FONT: (SONG_FONT, PRIMARY_FONT),
}
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
    """Register the four faces with ReportLab once; returns (primary, fallback) names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFont

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name, file_name in FONT_FILES.items():
        index = {"subfontIndex": 0} if file_name.endswith(".ttc") else {}
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / file_name), **index))
    for name in (PRIMARY_FONT, FALLBACK_FONT, SONG_BOLD_FONT):
        # one face: <b> and <i> in paragraphs map back to it instead of failing
        for bold in (0, 1):
            for italic in (1, 0):
                addMapping(name, bold, italic, name)
    # the Song family has a real bold: <b> in a Song paragraph, and a bold paragraph, use it
    for bold, italic in ((1, 1), (1, 0), (0, 1), (0, 0)):
        addMapping(SONG_FONT, bold, italic, SONG_BOLD_FONT if bold else SONG_FONT)
    return PRIMARY_FONT, FALLBACK_FONT


@lru_cache(maxsize=8)
def glyphs(font_name: str) -> frozenset[int]:
    """The code points a registered face can print."""
    from reportlab.pdfbase import pdfmetrics

    register_pdf_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def font_for(char: str, base: str = PRIMARY_FONT) -> str:
    """The face a character is set in, in a paragraph whose face is `base`."""
    code = ord(char)
    if char.isspace() or code in glyphs(base):
        return base
    for font in FALLBACK_CHAINS.get(base, (FALLBACK_FONT,)):
        if code in glyphs(font):
            return font
    return base  # no face has it: keep the paragraph's (prints as a blank box)


def font_runs(text: str, base: str = PRIMARY_FONT) -> list[tuple[str, str]]:
    """[(font name, text)] with consecutive characters of the same font joined."""
    runs: list[tuple[str, str]] = []
    for char in text:
        font = font_for(char, base)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def pdf_markup(text: object, base: str = PRIMARY_FONT) -> str:
    """Paragraph markup of plain text: XML-escaped, newlines kept, characters `base` lacks in a face that has them."""
    parts = []
    for font, run in font_runs("" if text is None else str(text), base):
        escaped = escape(run, quote=False).replace("\n", "<br/>")
        parts.append(escaped if font == base else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def missing_glyphs(text: str) -> list[str]:
    """Characters no bundled face can print."""
    return [c for c in dict.fromkeys(text)
            if not c.isspace() and not any(ord(c) in glyphs(font) for font in FONT_FILES)]
