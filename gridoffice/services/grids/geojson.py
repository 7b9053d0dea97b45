"""Import a community's grid areas from a GeoJSON FeatureCollection: all or nothing.

Each feature is one grid: its geometry a Polygon or MultiPolygon, its properties carrying
the grid code under "code", "网格编号" or "grid_code". Every problem in the file is listed
at once and nothing is changed unless the whole file is good. Grids of the community that
the file does not mention keep their areas.
"""
import json
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Grid
from gridoffice.domain.rules import normalize_text

from gridoffice.services.grids.areas import GEO_FRAME, GeometryError, geometry_text, parse_geometry, read_grid_areas

CODE_KEYS = ("code", "网格编号", "grid_code", "gridcode", "编号")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_LISTED_ERRORS = 100


class GeoJsonImportError(Exception):
    """The file was refused; `errors` lists every problem. Nothing was changed."""

    def __init__(self, errors: list[str], *, file_name: str = ""):
        self.errors = errors
        if len(errors) == 1 and not file_name:
            super().__init__(errors[0])
            return
        lines = errors[:MAX_LISTED_ERRORS]
        more = f"\n……另有 {len(errors) - MAX_LISTED_ERRORS} 处问题" if len(errors) > MAX_LISTED_ERRORS else ""
        super().__init__(f"“{file_name}”中有 {len(errors)} 处问题，没有导入任何网格范围：\n"
                         + "\n".join(lines) + more)


@dataclass(frozen=True)
class GeoJsonSummary:
    community: str
    updated: int           # grids whose area came from the file
    untouched: int         # grids of the community the file does not mention

    def describe(self) -> str:
        text = f"已为“{self.community}”导入 {self.updated} 个网格的范围。"
        if self.untouched:
            text += f"另有 {self.untouched} 个网格不在文件中，范围保持不变。"
        return text


def read_geojson(path: Path | str) -> object:
    path = Path(path)
    if not path.is_file():
        raise GeoJsonImportError([f"找不到文件“{path}”。"])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise GeoJsonImportError([f"“{path.name}”超过 50 MB，不像是一个社区的网格范围，请检查文件。"])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GeoJsonImportError([f"“{path.name}”不是 UTF-8 编码的文本文件。GeoJSON 文件应为 UTF-8 编码。"]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise GeoJsonImportError([f"“{path.name}”不是有效的 GeoJSON（JSON 格式错误，第 {error.lineno} 行"
                                  f"第 {error.colno} 列附近）。"]) from None


def feature_code(properties: object) -> str:
    if not isinstance(properties, dict):
        return ""
    for key in CODE_KEYS:
        value = properties.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and normalize_text(value):
            return normalize_text(value)
    return ""


def check_features(data: object, community: Community, codes: dict[str, tuple[int, int, str]]) -> dict[int, str]:
    """{grid id: geometry text} for a valid file; raises GeoJsonImportError listing every problem.

    `codes` maps each upper-cased grid code to (grid id, community id, community name).
    """
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        kind = data.get("type") if isinstance(data, dict) else None
        raise GeoJsonImportError([f"文件的类型是“{kind or '未注明'}”，应为 FeatureCollection（每个网格一个 Feature）。"])
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise GeoJsonImportError(["文件中没有任何要素（features 为空）。"])
    errors: list[str] = []
    areas: dict[int, str] = {}
    seen: dict[str, int] = {}
    for number, feature in enumerate(features, start=1):
        code = feature_code(feature.get("properties")) if isinstance(feature, dict) else ""
        where = f"第 {number} 个要素" + (f"（网格编号 {code}）" if code else "")
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            errors.append(f"{where}：类型应为 Feature。")
            continue
        if not code:
            errors.append(f"{where}：没有网格编号（properties 中应有 {'、'.join(CODE_KEYS[:3])} 之一）。")
            continue
        key = code.upper()
        if key in seen:
            errors.append(f"{where}：网格编号与第 {seen[key]} 个要素重复。")
            continue
        seen[key] = number
        match = codes.get(key)
        if match is None:
            errors.append(f"{where}：没有这个网格编号。")
        elif match[1] != community.id:
            errors.append(f"{where}：该网格属于“{match[2]}”，不属于“{community.name}”。")
        try:
            polygons, _frame = parse_geometry(feature.get("geometry"))
        except GeometryError as error:
            errors.append(f"{where}：{error}")
            continue
        if match is not None and match[1] == community.id:
            areas[match[0]] = geometry_text(polygons)
    if errors:
        raise GeoJsonImportError(errors, file_name="GeoJSON 文件")
    return areas


def find_community(session: Session, name: str) -> Community:
    wanted = normalize_text(name)
    community = session.exec(select(Community).where(Community.name == wanted)).first()
    if community is None:
        names = session.exec(select(Community.name).order_by(Community.id)).all()
        listed = "、".join(names[:30]) + ("……" if len(names) > 30 else "")
        raise GeoJsonImportError([f"没有名为“{wanted}”的社区。现有社区：{listed or '（无）'}。"])
    return community


def import_geojson(db: Database, community_name: str, path: Path | str) -> GeoJsonSummary:
    """Check the whole file, then store every area in one transaction."""
    with db.session() as session:
        return _import_geojson(session, community_name, Path(path))


def _import_geojson(session: Session, community_name: str, path: Path) -> GeoJsonSummary:
    community = find_community(session, community_name)
    data = read_geojson(path)
    codes = {code.upper(): (grid_id, community_id, name) for grid_id, code, community_id, name in session.exec(
        select(Grid.id, Grid.code, Grid.community_id, Community.name).join(Community, Community.id == Grid.community_id))}
    try:
        areas = check_features(data, community, codes)
    except GeoJsonImportError as error:
        raise GeoJsonImportError(error.errors, file_name=path.name) from None
    for grid_id, text in areas.items():
        grid = session.get(Grid, grid_id)
        grid.area_geojson = text
        session.add(grid)
    session.flush()
    total = sum(1 for _id, community_id, _name in codes.values() if community_id == community.id)
    return GeoJsonSummary(community.name, len(areas), total - len(areas))


def export_geojson(db: Database, community_id: int) -> dict:
    """The community's imported (not traced) areas as a FeatureCollection, e.g. to edit in a GIS."""
    with db.session() as session:
        names = dict(session.exec(select(Grid.id, Grid.name).where(Grid.community_id == community_id)).all())
        areas = read_grid_areas(session, community_id)
    features = []
    for area in areas:
        if area.frame != GEO_FRAME:
            continue
        geometry = json.loads(geometry_text(area.polygons))
        features.append({"type": "Feature", "properties": {"code": area.code, "name": names.get(area.grid_id, "")},
                         "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}
