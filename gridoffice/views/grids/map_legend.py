"""The map's two colourings as Qt colours: the data is services/grids/legend.py (shared with the
printed map)."""
from dataclasses import dataclass

from PySide6.QtGui import QColor

from gridoffice.services.grids.legend import (COLOR_MODES, COVERAGE, OPINIONS, coverage_swatches, fill_hex,
                                              opinion_swatches)
from gridoffice.services.grids.legend import NO_AREA_GREY as _NO_AREA_GREY
from gridoffice.services.grids.legend import OUTLINE as _OUTLINE
from gridoffice.services.grids.rows import GridRow

__all__ = ["COLOR_MODES", "COVERAGE", "OPINIONS", "OUTLINE", "NO_AREA_GREY", "LegendEntry", "coverage_legend",
           "opinion_legend", "legend_for", "fill_color"]

OUTLINE = QColor(_OUTLINE)
NO_AREA_GREY = QColor(_NO_AREA_GREY)


@dataclass(frozen=True)
class LegendEntry:
    color: QColor
    text: str


def coverage_legend() -> list[LegendEntry]:
    return [LegendEntry(QColor(s.color), s.text) for s in coverage_swatches()]


def opinion_legend() -> list[LegendEntry]:
    return [LegendEntry(QColor(s.color), s.text) for s in opinion_swatches()]


def legend_for(mode: str) -> list[LegendEntry]:
    return opinion_legend() if mode == OPINIONS else coverage_legend()


def fill_color(row: GridRow | None, mode: str) -> QColor:
    return QColor(fill_hex(row, mode))
