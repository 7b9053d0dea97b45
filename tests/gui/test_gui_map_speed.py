"""The grid map at district scale: outlines simplified for the zoom, labels only where they fit,
pictures kept while panning, plain frames while the wheel turns."""
import math

import pytest
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from gridoffice.gui import create_application
from gridoffice.services.grids.areas import GridArea
from gridoffice.views.grids.map_view import GridMapView, simplified

CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


def circle(cx: float, cy: float, radius: float, points: int) -> list[tuple[float, float]]:
    ring = [(cx + radius * math.cos(2 * math.pi * i / points), cy + radius * math.sin(2 * math.pi * i / points))
            for i in range(points)]
    return ring + [ring[0]]


@pytest.fixture
def view(qtbot):
    create_application()
    page = GridMapView()
    qtbot.addWidget(page)
    page.resize(800, 500)
    page.show()
    qtbot.waitExposed(page)
    # a detailed round grid (2,000 points, 300 m across) among small square ones, in metres
    areas = [GridArea(1, 1, "ROUND", [[circle(0, 0, 150, 2000)]])]
    areas += [GridArea(2 + i, 1, f"S-{i:02d}", [[[(x, y), (x + 40, y), (x + 40, y + 40), (x, y + 40), (x, y)]]])
              for i, (x, y) in enumerate((x, y) for x in range(-2000, 2000, 400) for y in range(-1200, 1200, 400))]
    page.show_areas(areas, {})
    return page


def points(item) -> int:
    return item.path().elementCount()


def test_simplifying_drops_points_closer_than_the_tolerance():
    ring = [(0, 0), (1, 0), (1.2, 0), (2, 0), (2, 2), (0, 2), (0, 0)]
    assert simplified(ring, 0.5) == [(0, 0), (1, 0), (2, 0), (2, 2), (0, 2), (0, 0)]
    assert simplified(ring, 0) == ring
    tiny = [(0, 0), (0.1, 0), (0.1, 0.1), (0, 0)]
    assert simplified(tiny, 5) == tiny   # never less than a triangle


def test_outlines_are_simplified_for_the_zoom(view):
    round_grid = view.items_by_grid[1]
    whole_map = points(round_grid)
    assert whole_map < 600               # 2,000 points on a circle a few dozen pixels across
    view.zoom_by(4)
    closer = points(round_grid)
    assert whole_map < closer < 2001
    view.zoom_by(14)                      # 56 times the whole map: as much detail as the screen shows
    assert closer < points(round_grid) == 2001   # every point: they are five pixels apart now
    view.zoom_by(1 / 56)
    assert points(round_grid) == whole_map
    square = view.items_by_grid[2]
    assert points(square) == 5            # nothing to drop: the same outline at every zoom


def test_codes_show_only_where_they_fit(view):
    view.fit()
    assert view.items_by_grid[1].label.isVisible()           # the round grid is large enough
    assert not view.items_by_grid[2].label.isVisible()       # 40 m squares are not
    view.zoom_by(20)
    assert view.items_by_grid[2].label.isVisible()


def test_a_pan_moves_kept_pictures_and_the_wheel_draws_plainly_until_it_rests(view):
    item = view.items_by_grid[1]
    view.zoom_by(2)
    view.settle()
    assert item.cacheMode() == CACHED and item.label.cacheMode() == CACHED
    assert view.renderHints() & view.renderHints().Antialiasing
    view.zoom_by(1.2)
    assert item.cacheMode() != CACHED and not view.renderHints() & view.renderHints().Antialiasing
    view.settle()
    assert item.cacheMode() == CACHED and view.renderHints() & view.renderHints().Antialiasing
    assert view.viewportUpdateMode() != QGraphicsView.ViewportUpdateMode.FullViewportUpdate


def test_the_map_drawn_again_keeps_no_pictures_until_it_moves(view):
    view.show_areas([GridArea(9, 1, "A", [[[(0, 0), (90, 0), (90, 90), (0, 90), (0, 0)]]])], {})
    assert view.items_by_grid[9].cacheMode() != CACHED
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 5)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 5)
    view.zoom_by(2)
    view.settle()
    assert view.items_by_grid[9].cacheMode() == CACHED
