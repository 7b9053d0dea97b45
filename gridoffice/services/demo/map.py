"""Grid areas for the map: GeoJSON polygons in a local coordinate system of metres.

x grows east, y grows north, the origin is the street's south-west corner. Communities are
blocks side by side with a road between them; a community's grids tile its block as
slightly irregular cells. Neighbouring cells are computed from the same boundary lines, so
they share their edges exactly.
"""
import json
import math
import random
from bisect import bisect_right
from dataclasses import dataclass

ROAD_WIDTH = 60.0
URBAN_CELL = (420.0, 360.0)     # width, height of a grid cell in a 社区
VILLAGE_CELL = (900.0, 780.0)   # village grids cover fields and are larger
JITTER = 0.13                   # how far boundaries wander, as a share of a cell


@dataclass(frozen=True)
class Block:
    grid_count: int
    is_village: bool


def layout_grid_areas(blocks: list[Block], rng: random.Random) -> list[list[str]]:
    """For each block, the GeoJSON geometry (as text) of each of its grids, in order."""
    per_row = max(1, math.ceil(math.sqrt(len(blocks))))
    areas: list[list[str]] = []
    x = y = row_height = 0.0
    for index, block in enumerate(blocks):
        if index and index % per_row == 0:
            x, y, row_height = 0.0, y - row_height - ROAD_WIDTH, 0.0
        cells, width, height = _tile_block(block, rng)
        # rows of blocks go southwards from y = 0, so shift each block below the previous row
        areas.append([_polygon(cell, x, y - height) for cell in cells])
        x += width + ROAD_WIDTH
        row_height = max(row_height, height)
    return _shift_to_positive(areas)


def _tile_block(block: Block, rng: random.Random) -> tuple[list[list[tuple[float, float]]], float, float]:
    cell_w, cell_h = VILLAGE_CELL if block.is_village else URBAN_CELL
    row_counts = _row_counts(block.grid_count)
    width = max(row_counts) * cell_w
    height = len(row_counts) * cell_h
    samples = [width * k / (2 * max(row_counts)) for k in range(2 * max(row_counts) + 1)]
    # boundary lines between rows, from the top (north) edge to the bottom (south) edge
    lines = [[height] * len(samples)]
    for row in range(1, len(row_counts)):
        base = height - row * cell_h
        lines.append([base + rng.uniform(-JITTER, JITTER) * cell_h for _ in samples])
    lines.append([0.0] * len(samples))
    cells = []
    for row, count in enumerate(row_counts):
        top, bottom = lines[row], lines[row + 1]
        dividers = _dividers(count, width, rng)
        for left, right in zip(dividers, dividers[1:]):
            cells.append(_cell(samples, top, bottom, left, right))
    return cells, width, height


def _row_counts(grid_count: int) -> list[int]:
    """Split n cells over about √n rows, the longer rows first: 5 → [3, 2]."""
    rows = max(1, round(math.sqrt(grid_count)))
    base, extra = divmod(grid_count, rows)
    return [base + (1 if row < extra else 0) for row in range(rows)]


def _dividers(count: int, width: float, rng: random.Random) -> list[tuple[float, float]]:
    """(x on the top line, x on the bottom line) of each cell edge, outer edges straight."""
    step = width / count
    inner = [(k * step + rng.uniform(-JITTER, JITTER) * step, k * step + rng.uniform(-JITTER, JITTER) * step)
             for k in range(1, count)]
    return [(0.0, 0.0), *inner, (width, width)]


def _cell(samples, top, bottom, left, right) -> list[tuple[float, float]]:
    """Counter-clockwise ring (RFC 7946): along the bottom eastwards, up, back along the top."""
    (left_top, left_bottom), (right_top, right_bottom) = left, right
    ring = [(left_bottom, _height_at(samples, bottom, left_bottom))]
    ring += [(x, y) for x, y in zip(samples, bottom) if left_bottom < x < right_bottom]
    ring.append((right_bottom, _height_at(samples, bottom, right_bottom)))
    ring.append((right_top, _height_at(samples, top, right_top)))
    ring += [(x, y) for x, y in reversed(list(zip(samples, top))) if left_top < x < right_top]
    ring.append((left_top, _height_at(samples, top, left_top)))
    return ring


def _height_at(samples: list[float], line: list[float], x: float) -> float:
    index = min(max(bisect_right(samples, x) - 1, 0), len(samples) - 2)
    x0, x1 = samples[index], samples[index + 1]
    share = (x - x0) / (x1 - x0)
    return line[index] + share * (line[index + 1] - line[index])


def _polygon(ring: list[tuple[float, float]], dx: float, dy: float) -> list[list[float]]:
    points = [[round(x + dx, 1), round(y + dy, 1)] for x, y in ring]
    return points + [points[0]]


def _shift_to_positive(areas: list[list[list[list[float]]]]) -> list[list[str]]:
    lowest = min(point[1] for block in areas for ring in block for point in ring)
    return [[json.dumps({"type": "Polygon", "coordinates": [[[x, round(y - lowest, 1)] for x, y in ring]]},
                        separators=(",", ":")) for ring in block] for block in areas]
