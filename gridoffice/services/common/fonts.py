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
import marshal
import mmap
import os
import pickle
from array import array
from collections.abc import KeysView
from functools import lru_cache
from html import escape
from pathlib import Path   # not xml.sax.saxutils: it imports urllib.request, http and email (80 ms at start-up)

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
    parsing = ttfonts.TTFontFace
    ttfonts.TTFontFace = _metrics_face_class()   # TTFont builds its face by this name
    try:
        for name, file_name in FONT_FILES.items():
            index = {"subfontIndex": 0} if file_name.endswith(".ttc") else {}
            pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / file_name), **index))
    finally:
        ttfonts.TTFontFace = parsing
    for name in (PRIMARY_FONT, FALLBACK_FONT, SONG_BOLD_FONT):
        # one face: <b> and <i> in paragraphs map back to it instead of failing
        for bold in (0, 1):
            for italic in (1, 0):
                addMapping(name, bold, italic, name)
    # the Song family has a real bold: <b> in a Song paragraph, and a bold paragraph, use it
    for bold, italic in ((1, 1), (1, 0), (0, 1), (0, 0)):
        addMapping(SONG_FONT, bold, italic, SONG_BOLD_FONT if bold else SONG_FONT)
    return PRIMARY_FONT, FALLBACK_FONT


# --- the faces' metrics, kept between runs ------------------------------------------------------
# ReportLab reads a face's tables into Python dictionaries (widths and glyphs of 30,000 to 60,000
# characters) every time a program starts: a quarter of a second for the four faces, the largest
# part of a `gridoffice print` command. What it reads is kept in the data folder, one file per
# face, named by the font file's size and date and ReportLab's version. The next run reads a face's
# name and sizes from it, and the rest only when a paper uses the face: the widths and glyphs when
# text is set in it; the glyphs' advances and places, and the font file (mapped, not read), when its
# glyphs are copied into the PDF.
METRICS_FORMAT = 4
_MEASURES = ("charWidths", "charToGlyph")   # read when text is set in the face
_OUTLINES = ("hmetrics", "glyphPos")        # read when its glyphs are copied into the PDF
_LATER = ({name: "measures" for name in _MEASURES} | {name: "outlines" for name in _OUTLINES}
          | {"glyphToChar": "glyphToChar", "_ttf_data": "file"})


def _metrics_face_class():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFontFace

    class KeptMetricsFace(TTFontFace):
        def __init__(self, filename, validate=0, subfontIndex=0):
            kept = _metrics_file(Path(filename), subfontIndex)
            state = _read_metrics(kept)
            if state is None:
                super().__init__(filename, validate=validate, subfontIndex=subfontIndex)
                _write_metrics(kept, self.__dict__)
                return
            pdfmetrics.TypeFace.__init__(self, None)
            self.__dict__.update(state["head"])
            self.filename = filename
            self._pdfScale = _PdfScale(self.unitsPerEm)
            self._kept = state

        def __getattr__(self, name: str):
            """An attribute not read yet from the kept metrics (only asked for when missing)."""
            part = _LATER.get(name)
            kept = self.__dict__.get("_kept")
            if part is None or kept is None:
                raise AttributeError(name)
            if part == "measures":
                self.__dict__.update(zip(_MEASURES, marshal.loads(kept["measures"])))
            elif part == "outlines":
                advances, bearings, positions = (array(code, data) for code, data in kept["outlines"])
                self.hmetrics, self.glyphPos = _HorizontalMetrics(advances, bearings), positions
            elif part == "glyphToChar":
                self.glyphToChar = marshal.loads(kept["glyphToChar"])
            else:
                self._ttf_data = _mapped(self.filename)
            return self.__dict__[name]

        def get_table(self, tag: str):
            """A table's bytes; the glyph outlines (most of the file) as a window on the mapped file,
            of which the subset reads only the glyphs the paper uses."""
            if tag != "glyf" or "_kept" not in self.__dict__:
                return super().get_table(tag)
            position, length = self.get_table_pos(tag)
            return _Window(self._ttf_data, position, length)

    return KeptMetricsFace


def _mapped(filename: str) -> mmap.mmap:
    """The font file, mapped rather than read: a paper copies a few hundred glyphs out of the
    15 MB of a face, and the OS reads the pages those lie on (slices of the map are bytes)."""
    with open(filename, "rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


class _Window:
    """`data[start:end]` of a part of a mapped file, as bytes (all ReportLab's subsetting asks of the glyf table)."""

    def __init__(self, data: mmap.mmap, position: int, length: int):
        self.data, self.position, self.length = data, position, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, part: slice) -> bytes:
        start, stop, step = part.indices(self.length)
        if step != 1:
            raise ValueError("only plain slices of a font table")
        return self.data[self.position + start:self.position + stop]


class _HorizontalMetrics:
    """hmetrics, [(advance, left side bearing)] by glyph, kept as two arrays (only the subset reads it)."""

    def __init__(self, advances: array, bearings: array):
        self.advances, self.bearings = advances, bearings

    def __len__(self) -> int:
        return len(self.advances)

    def __getitem__(self, glyph: int) -> tuple[float, int]:
        return self.advances[glyph], self.bearings[glyph]


class _PdfScale:
    """TTFontFile's `_pdfScale` (a lambda, which cannot be kept): font units to 1/1000 em."""

    def __init__(self, units_per_em: int):
        self.factor = None if units_per_em == 1000 else 1000 / units_per_em

    def __call__(self, value):
        return value if self.factor is None else value * self.factor


def _metrics_file(font: Path, subfont: int) -> Path | None:
    from reportlab import Version

    from gridoffice.paths import data_dir

    try:
        stat = font.stat()
        folder = data_dir() / "font-cache"
    except OSError:
        return None
    return folder / f"{font.stem}-{subfont}-{stat.st_size}-{stat.st_mtime_ns}-rl{Version}-v{METRICS_FORMAT}.pickle"


def _read_metrics(path: Path | None) -> dict | None:
    if path is None:
        return None
    try:
        state = pickle.loads(path.read_bytes())
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
        return None   # not there yet, or damaged: the face is read from the font file
    return state if isinstance(state, dict) and state.get("format") == METRICS_FORMAT else None


def _write_metrics(path: Path | None, state: dict) -> None:
    if path is None:
        return
    later = {*_MEASURES, *_OUTLINES, "glyphToChar", "_ttf_data", "_pdfScale", "filename"}
    # the same number is kept once (a face's widths are mostly the same few, its characters are the keys of
    # both maps): marshal writes a repeated object once and reads it back shared, a third of the memory
    # a face's measures would take otherwise, and of the time to read them
    numbers: dict = {}
    one = lambda value: numbers.setdefault((type(value), value), value)   # noqa: E731  (1 and 1.0 stay apart)
    measures = tuple({one(key): one(value) for key, value in state[name].items()} for name in _MEASURES)
    hmetrics = state["hmetrics"]
    # (ReportLab keeps the advances of the glyphs past the table's last full entry scaled, possibly fractional)
    outlines = (("d", array("d", [advance for advance, _ in hmetrics]).tobytes()),
                ("i", array("i", [bearing for _, bearing in hmetrics]).tobytes()),
                ("q", array("q", state["glyphPos"]).tobytes()))
    kept = {"format": METRICS_FORMAT, "head": {key: value for key, value in state.items() if key not in later},
            "measures": marshal.dumps(measures), "outlines": outlines,
            "glyphToChar": marshal.dumps(state["glyphToChar"])}   # lists in a dict: marshal reads them 3x faster
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)
    except OSError:
        pass   # a read-only data folder: the faces are read from the font files each time


@lru_cache(maxsize=8)
def glyphs(font_name: str) -> KeysView[int]:
    """The code points a registered face can print."""
    from reportlab.pdfbase import pdfmetrics

    register_pdf_fonts()
    return pdfmetrics.getFont(font_name).face.charToGlyph.keys()


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
