"""社区/村: add, rename and delete the communities grids belong to."""
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Community, Grid
from gridoffice.domain.enums import CommunityKind
from gridoffice.domain.rules import normalize_text

from gridoffice.services.grids.values import GridInputError
from gridoffice.services.outcomes.references import outcome_uses


@dataclass
class CommunityInput:
    name: str
    kind: str = CommunityKind.COMMUNITY.value
    notes: str = ""


def read_community(db: Database, community_id: int) -> CommunityInput | None:
    with db.session() as session:
        community = session.get(Community, community_id)
        return CommunityInput(community.name, community.kind, community.notes) if community else None


def validate_community(session: Session, data: CommunityInput, *, community_id: int | None = None) -> CommunityInput:
    name = normalize_text(data.name)
    if not name:
        raise GridInputError("name", "请填写社区（村）名称。")
    if len(name) > 100:
        raise GridInputError("name", "社区名称不能超过 100 个字。")
    same = session.exec(select(Community.id).where(Community.name == name)).first()
    if same is not None and same != community_id:
        raise GridInputError("name", f"已经有名为“{name}”的社区。")
    kinds = [kind.value for kind in CommunityKind]
    if data.kind not in kinds:
        raise GridInputError("kind", f"类型应为 {'、'.join(kinds)} 之一。")
    return CommunityInput(name, data.kind, data.notes.strip())


def save_community(db: Database, data: CommunityInput, community_id: int | None = None) -> int:
    """Add (community_id None) or change a community; returns its id."""
    with db.session() as session:
        if community_id is None:
            community = Community()
        else:
            community = session.get(Community, community_id)
            if community is None:
                raise GridInputError("name", "该社区已不存在，请刷新后再试。")
        clean = validate_community(session, data, community_id=community_id)
        community.name, community.kind, community.notes = clean.name, clean.kind, clean.notes
        session.add(community)
        session.flush()
        return community.id


def delete_community(db: Database, community_id: int) -> None:
    """Only an empty community: its grids must be moved or deleted first."""
    with db.session() as session:
        community = session.get(Community, community_id)
        if community is None:
            return
        grids = session.exec(select(func.count()).select_from(Grid).where(Grid.community_id == community_id)).one()
        if grids:
            raise GridInputError("name", f"“{community.name}”下还有 {grids} 个网格，请先把网格移到其他社区或删除，再删除社区。")
        uses = outcome_uses(session, community_id=community_id)
        if uses:
            raise GridInputError("name", f"“{community.name}”已有 {'、'.join(uses)}，不能删除；可以改名。")
        session.delete(community)
