"""Grid areas for the map: checked GeoJSON geometries, and areas traced on a scanned map.

Areas are stored in Grid.area_geojson as a GeoJSON geometry (Polygon or MultiPolygon).
Imported areas use the file's units (metres or degrees; x east, y north). An area traced
on a community's scanned map is in the image's pixels; it is stored with y negated, so the
same rule (y up is north) draws both, and it carries `"frame": "image"` so the map knows it
belongs over the image and not over the imported areas.
"""
import json
import math
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Grid

from gridoffice.services.common.files import safe_file_name
from gridoffice.services.common.settings import office_name
from gridoffice.services.grids.values import GridInputError

IMAGE_FRAME = "image"
GEO_FRAME = "geo"
MAP_FOLDER = "地图"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff")

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]          # the outer ring first, then holes


class GeometryError(ValueError):
    """The geometry is not a usable Polygon/MultiPolygon; the message is Chinese."""


@dataclass(frozen=True)
class GridArea:
    grid_id: int
    community_id: int
    code: str
    polygons: list[Polygon]
    frame: str = GEO_FRAME


# --- checking ------------------------------------------------------------------------------
def parse_geometry(geometry: object) -> tuple[list[Polygon], str]:
    """(polygons, frame) of a GeoJSON geometry; raises GeometryError saying what is wrong."""
    if not isinstance(geometry, dict):
        raise GeometryError("缺少几何图形（geometry）。")
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [_polygon(coordinates, "")]
    elif kind == "MultiPolygon":
        if not isinstance(coordinates, list) or not coordinates:
            raise GeometryError("MultiPolygon 的坐标应为多边形的列表，且不能为空。")
        polygons = [_polygon(part, f"第 {n} 个多边形") for n, part in enumerate(coordinates, start=1)]
    else:
        shown = kind if isinstance(kind, str) else "未注明"
        raise GeometryError(f"几何类型是“{shown}”，网格范围只能是 Polygon 或 MultiPolygon（多边形）。")
    frame = IMAGE_FRAME if geometry.get("frame") == IMAGE_FRAME else GEO_FRAME
    return polygons, frame


def _polygon(rings: object, where: str) -> Polygon:
    if not isinstance(rings, list) or not rings:
        raise GeometryError(f"{where}坐标应为环的列表，且不能为空。")
    return [_ring(ring, f"{where}第 {n} 个环") for n, ring in enumerate(rings, start=1)]


def _ring(ring: object, where: str) -> Ring:
    if not isinstance(ring, list):
        raise GeometryError(f"{where}不是坐标列表。")
    if len(ring) < 4:
        raise GeometryError(f"{where}只有 {len(ring)} 个坐标点，闭合的环至少需要 4 个（首尾相同）。")
    points = [_position(position, f"{where}第 {n} 个坐标") for n, position in enumerate(ring, start=1)]
    if points[0] != points[-1]:
        raise GeometryError(f"{where}没有闭合：第一个坐标和最后一个坐标应相同。")
    return points


def _position(position: object, where: str) -> Point:
    if not isinstance(position, list) or len(position) < 2:
        raise GeometryError(f"{where}应为 [x, y] 两个数字。")
    x, y = position[0], position[1]
    for value in (x, y):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise GeometryError(f"{where}“{json.dumps(position, ensure_ascii=False)[:40]}”不是有限的数字。")
    return float(x), float(y)


def geometry_text(polygons: Sequence[Polygon], *, frame: str = GEO_FRAME) -> str:
    """The stored form: compact GeoJSON, a Polygon when there is one."""
    coordinates = [[[list(point) for point in ring] for ring in polygon] for polygon in polygons]
    geometry: dict = ({"type": "Polygon", "coordinates": coordinates[0]} if len(coordinates) == 1
                      else {"type": "MultiPolygon", "coordinates": coordinates})
    if frame == IMAGE_FRAME:
        geometry["frame"] = IMAGE_FRAME
    return json.dumps(geometry, separators=(",", ":"))


# --- reading --------------------------------------------------------------------------------
def list_grid_areas(db: Database, community_id: int | None = None) -> list[GridArea]:
    """Every grid with a readable area (an unreadable one is skipped: the list still works)."""
    with db.session() as session:
        return read_grid_areas(session, community_id)


def read_grid_areas(session: Session, community_id: int | None = None) -> list[GridArea]:
    query = select(Grid.id, Grid.community_id, Grid.code, Grid.area_geojson).where(Grid.area_geojson != "")
    if community_id is not None:
        query = query.where(Grid.community_id == community_id)
    areas = []
    for grid_id, community, code, text in session.exec(query.order_by(Grid.code)):
        try:
            polygons, frame = parse_geometry(json.loads(text))
        except (ValueError, GeometryError):
            continue
        areas.append(GridArea(grid_id, community, code, polygons, frame))
    return areas


def label_point(polygons: Sequence[Polygon]) -> Point:
    """Where the code is written: the centroid of the largest outer ring (its box centre if degenerate)."""
    if len(polygons) == 1:   # most grids: no need to find the largest part
        ring = polygons[0][0]
        area = _signed_area(ring)
    else:
        area, ring = max(((_signed_area(p[0]), p[0]) for p in polygons), key=lambda found: abs(found[0]))
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)


METRES_PER_DEGREE = 111_320.0


def planar_mapping(areas: Sequence[GridArea]):
    """Map units → a plane where shapes keep their form (x east, y north): degrees (lon/lat) are
    stretched to metres; metres and image pixels are kept."""
    xs = [x for area in areas for polygon in area.polygons for x, _y in polygon[0]]
    ys = [y for area in areas for polygon in area.polygons for _x, y in polygon[0]]
    degrees = (xs and all(-180 <= x <= 180 for x in xs) and all(-90 <= y <= 90 for y in ys)
               and max(xs) - min(xs) < 5 and max(ys) - min(ys) < 5 and areas[0].frame != IMAGE_FRAME)
    if degrees:
        kx = METRES_PER_DEGREE * math.cos(math.radians((min(ys) + max(ys)) / 2))
        return lambda x, y: (x * kx, y * METRES_PER_DEGREE)
    return lambda x, y: (x, y)


def _signed_area(ring: Ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


# --- tracing on a scanned map -------------------------------------------------------------------
def save_traced_area(db: Database, grid_id: int, pixels: Sequence[Point]) -> None:
    """A polygon clicked on the community's scanned map, in image pixels (y down)."""
    if len({(round(x, 1), round(y, 1)) for x, y in pixels}) < 3:
        raise GridInputError("area", "至少要点 3 个不同的位置才能围成网格范围。")
    ring = [(round(x, 1), -round(y, 1)) for x, y in pixels]
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    with db.session() as session:
        grid = session.get(Grid, grid_id)
        if grid is None:
            raise GridInputError("area", "该网格已不存在，请刷新后再试。")
        grid.area_geojson = geometry_text([[ring]], frame=IMAGE_FRAME)
        session.add(grid)


def clear_area(session: Session, grid_id: int) -> None:
    """Part of saving the grid editor (services/grids/editing.save_grid)."""
    grid = session.get(Grid, grid_id)
    if grid is not None and grid.area_geojson:
        grid.area_geojson = ""
        session.add(grid)
        session.flush()


def store_map_image(db: Database, community_id: int, source: Path) -> str:
    """Copy a scanned map into the attachments folder and lay it under the community's map.

    Returns the stored path, relative to the attachments folder (so a backup carries it).
    """
    source = Path(source)
    if source.suffix.lower() not in IMAGE_SUFFIXES:
        raise GridInputError("map_file", f"“{source.name}”不是图片文件，请选择 PNG、JPG、BMP 或 TIFF 格式的扫描地图。")
    if not source.is_file():
        raise GridInputError("map_file", f"找不到文件“{source}”。")
    with db.session() as session:
        community = session.get(Community, community_id)
        if community is None:
            raise GridInputError("map_file", "该社区已不存在，请刷新后再试。")
        folder = db.attachments_dir / MAP_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{safe_file_name(community.name)}-{uuid.uuid4().hex[:8]}{source.suffix.lower()}"
        shutil.copyfile(source, target)
        community.map_file = f"{MAP_FOLDER}/{target.name}"
        session.add(community)
        return community.map_file


def remove_map_image(db: Database, community_id: int) -> None:
    """Take the scanned map away (the file stays in the attachments folder; areas traced on it stay)."""
    with db.session() as session:
        community = session.get(Community, community_id)
        if community is not None and community.map_file:
            community.map_file = ""
            session.add(community)


def map_image_path(attachments: Path, map_file: str) -> Path | None:
    """The absolute path of a stored map, or None if none is set."""
    return attachments / Path(map_file) if map_file else None


def map_title(db: Database, where: str) -> str:
    """The printed map's title: the office, then the community (or 全部社区)."""
    with db.session() as session:
        return f"{office_name(session)}{where}网格图"
