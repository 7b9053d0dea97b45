"""Moving grids to another community (the list's context menu)."""
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from gridoffice.db import Database
from gridoffice.services.common.lookups import community_choices
from gridoffice.services.grids.editing import move_grids
from gridoffice.services.grids.values import GridInputError


def move_grids_to(db: Database, parent: QWidget, grid_ids: list[int], codes: list[str]) -> bool:
    """Ask for a community and move the grids there; True if anything moved."""
    communities = community_choices(db)
    shown = "、".join(codes[:5]) + ("等" if len(codes) > 5 else "")
    name, ok = QInputDialog.getItem(parent, "移到其他社区", f"把 {shown} 共 {len(codes)} 个网格移到：",
                                    [c.label for c in communities], 0, False)
    if not ok:
        return False
    community_id = next(c.id for c in communities if c.label == name)
    try:
        return move_grids(db, grid_ids, community_id) > 0
    except GridInputError as error:   # a grid or the community deleted meanwhile
        QMessageBox.warning(parent, "无法移动", str(error))
        return False
