"""Importing grids from a spreadsheet (.xlsx, .xls, .et, .ods, CSV): the preview shows what the
file holds and what will change, refused rows with their reasons, and asks before creating
communities the office does not have; nothing is written until the clerk confirms."""
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QWidget

from gridoffice.db import Database
from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError, SheetChoiceNeeded
from gridoffice.services.grids.excel import GridImportSummary, GridPlan, apply_grid_import, read_grid_import
from gridoffice.widgets.file_dialogs import ask_open_table

from gridoffice.views.grids.map_panel import show_long_error
from gridoffice.views.roster.import_preview import ImportPreviewDialog, choose_sheet


def import_grids_from_excel(db: Database, parent: QWidget) -> GridImportSummary | None:
    """Ask for a file and import it after the preview; None when cancelled or refused."""
    path = ask_open_table(parent, "导入网格")
    return import_grids_from(db, parent, path) if path else None


def import_grids_from(db: Database, parent: QWidget, path: Path, sheet: str | None = None) -> GridImportSummary | None:
    try:
        plan = read_grid_import(db, path, sheet=sheet)
    except SheetChoiceNeeded as error:
        chosen = choose_sheet(parent, path.name, error.sheets)
        return import_grids_from(db, parent, path, chosen) if chosen else None
    except ExcelFileError as error:
        show_long_error(parent, "网格没有导入", str(error))
        return None
    dialog = grid_preview(plan, parent)
    if not dialog.exec():
        return None
    try:
        return apply_grid_import(db, plan, create_communities=dialog.create_communities.isChecked())
    except (ExcelFileError, ExcelImportError) as error:   # the preview lets neither through; kept for safety
        show_long_error(parent, "网格没有导入", str(error))
        return None


def grid_preview(plan: GridPlan, parent: QWidget | None) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(parent, what="网格", reading=plan.reading, refused=plan.refused, warnings=plan.warnings,
                                 total_rows=len(plan.rows) + len(plan.refused_rows),
                                 outcome=lambda d: plan.outcome(d.create_communities.isChecked()))
    dialog.create_communities = QCheckBox(f"同时新建文件中的 {len(plan.unknown_communities)} 个社区："
                                          f"{'、'.join(plan.unknown_communities)}", dialog)
    if plan.unknown_communities and not plan.refused:
        dialog.add_option(dialog.create_communities, required="请勾选“同时新建”后导入，或先在网格列表中新建这些社区。")
    else:
        dialog.create_communities.hide()
    if not plan.refused:
        new, updated = set(plan.new_codes), set(plan.updated_codes)
        for label, codes in (("新增的网格", new), ("更新的网格", updated)):
            rows = [[item.code, str(item.values.get("name", "")), item.community] for item in plan.rows if item.code in codes]
            if rows:
                dialog.add_list_tab(f"{label}（{len(rows)}）", ["网格编号", "网格名称", "所属社区"], rows)
    return dialog.finish()
