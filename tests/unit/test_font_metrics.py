"""The faces' metrics kept between runs: the same metrics and the same subsets as ReportLab's own
reading of the font files, and a damaged or missing file is simply read again."""
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFace

from gridoffice.paths import data_dir, fonts_dir
from gridoffice.services.common import fonts


@pytest.fixture
def kept_face(monkeypatch, tmp_path):
    monkeypatch.setenv("GRIDOFFICE_DATA_DIR", str(tmp_path / "数据"))
    return fonts._metrics_face_class()


@pytest.mark.parametrize("file_name, index", [(fonts.SONG_FILE, 0), (fonts.PRIMARY_FILE, 0)])
def test_kept_metrics_are_those_read_from_the_font_file(kept_face, file_name, index):
    path = str(fonts_dir() / file_name)
    parsed = TTFontFace(path, subfontIndex=index)
    first = kept_face(path, subfontIndex=index)              # reads the file, keeps the metrics
    assert list((data_dir() / "font-cache").glob(f"{Path(file_name).stem}-*.pickle"))
    kept = kept_face(path, subfontIndex=index)               # from the kept metrics
    assert "charWidths" not in kept.__dict__ and "_ttf_data" not in kept.__dict__   # not read until used
    for name in ("name", "ascent", "descent", "capHeight", "bbox", "unitsPerEm", "defaultWidth", "flags",
                 "charWidths", "charToGlyph", "hmetrics", "glyphPos", "glyphToChar", "numGlyphs"):
        values = [getattr(face, name) for face in (kept, parsed, first)]
        if name in ("hmetrics", "glyphPos"):   # kept as arrays: the same numbers by glyph
            values = [list(value) for value in values]
        assert values[0] == values[1] == values[2], name
    assert kept._pdfScale(1234) == parsed._pdfScale(1234)
    characters = [ord(c) for c in "锦塘街道人大工委值班表 2026年12月 𠮷"] + [32]
    subset = sorted({c for c in characters if c in parsed.charToGlyph})
    assert kept.makeSubset(subset) == parsed.makeSubset(subset)


def test_a_damaged_metrics_file_is_read_again(kept_face):
    path = str(fonts_dir() / fonts.FALLBACK_FILE)
    kept_face(path)
    [kept] = (data_dir() / "font-cache").glob("LXGWWenKai*.pickle")
    kept.write_bytes(b"not a pickle")
    face = kept_face(path)
    assert face.charWidths and "_kept" not in face.__dict__
    assert kept.read_bytes() != b"not a pickle"               # written again
