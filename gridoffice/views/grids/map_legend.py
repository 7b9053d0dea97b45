"""The map's two colourings (by coverage, by open opinions), their legends and the fill of a grid."""
import math
from dataclasses import dataclass

from PySide6.QtGui import QColor

from gridoffice.services.grids.coverage import MAX_DEPUTIES_PER_GRID
from gridoffice.services.grids.rows import GridRow

COVERAGE = "coverage"
OPINIONS = "opinions"
COLOR_MODES = {COVERAGE: "按覆盖情况", OPINIONS: "按未办结意见"}
OUTLINE = QColor("#37474f")
NO_AREA_GREY = QColor("#b0bec5")


@dataclass(frozen=True)
class LegendEntry:
    color: QColor
    text: str


def coverage_legend() -> list[LegendEntry]:
    return [LegendEntry(QColor("#e53935"), "无代表"),
            LegendEntry(QColor("#43a047"), f"1–{MAX_DEPUTIES_PER_GRID} 名代表"),
            LegendEntry(QColor("#ffb300"), f"超过 {MAX_DEPUTIES_PER_GRID} 名代表")]


OPINION_BINS = ((0, 0, "#c8e6c9", "无未办结意见"), (1, 2, "#fff176", "1–2 件"), (3, 5, "#ffb74d", "3–5 件"),
                (6, math.inf, "#e53935", "6 件及以上"))


def opinion_legend() -> list[LegendEntry]:
    return [LegendEntry(QColor(color), text) for _low, _high, color, text in OPINION_BINS]


def legend_for(mode: str) -> list[LegendEntry]:
    return opinion_legend() if mode == OPINIONS else coverage_legend()


def fill_color(row: GridRow | None, mode: str) -> QColor:
    if row is None:
        return NO_AREA_GREY
    if mode == OPINIONS:
        color = next(c for low, high, c, _text in OPINION_BINS if low <= row.open_opinions <= high)
        return QColor(color)
    entries = coverage_legend()
    if row.deputy_count == 0:
        return entries[0].color
    return entries[2].color if row.deputy_count > MAX_DEPUTIES_PER_GRID else entries[1].color
