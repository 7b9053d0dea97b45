"""The map's two colourings (by coverage, by open opinions): their legends and the fill of a grid,
as hex colours, shared by the map on screen (views/grids/map_legend.py) and the map on paper
(services/grids/map_pdf.py)."""
import math
from dataclasses import dataclass

from gridoffice.services.grids.coverage import MAX_DEPUTIES_PER_GRID
from gridoffice.services.grids.rows import GridRow

COVERAGE = "coverage"
OPINIONS = "opinions"
COLOR_MODES = {COVERAGE: "按覆盖情况", OPINIONS: "按未办结意见"}
OUTLINE = "#37474f"
NO_AREA_GREY = "#b0bec5"


@dataclass(frozen=True)
class Swatch:
    color: str      # "#rrggbb"
    text: str


def coverage_swatches() -> list[Swatch]:
    return [Swatch("#e53935", "无代表"),
            Swatch("#43a047", f"1–{MAX_DEPUTIES_PER_GRID} 名代表"),
            Swatch("#ffb300", f"超过 {MAX_DEPUTIES_PER_GRID} 名代表")]


OPINION_BINS = ((0, 0, "#c8e6c9", "无未办结意见"), (1, 2, "#fff176", "1–2 件"), (3, 5, "#ffb74d", "3–5 件"),
                (6, math.inf, "#e53935", "6 件及以上"))


def opinion_swatches() -> list[Swatch]:
    return [Swatch(color, text) for _low, _high, color, text in OPINION_BINS]


def swatches_for(mode: str) -> list[Swatch]:
    return opinion_swatches() if mode == OPINIONS else coverage_swatches()


def fill_hex(row: GridRow | None, mode: str) -> str:
    """The colour of a grid's area: by its open opinions, or by its number of serving deputies."""
    if row is None:
        return NO_AREA_GREY
    if mode == OPINIONS:
        return next(c for low, high, c, _text in OPINION_BINS if low <= row.open_opinions <= high)
    entries = coverage_swatches()
    if row.deputy_count == 0:
        return entries[0].color
    return entries[2].color if row.deputy_count > MAX_DEPUTIES_PER_GRID else entries[1].color
