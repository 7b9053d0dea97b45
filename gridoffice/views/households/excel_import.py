"""导入重点户: choose the community's spreadsheet, see every problem if any (nothing imported), choose
what to do with households already in the ledger, import."""
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.services.common.excel_io import ExcelFileError, ExcelImportError
from gridoffice.services.households.excel import SKIP, UPDATE, HouseholdImportResult, apply_households, read_households
from gridoffice.widgets.file_dialogs import start_path


def import_households_from_excel(db: Database, clock: Clock, parent: QWidget) -> HouseholdImportResult | None:
    name, _ = QFileDialog.getOpenFileName(parent, "导入重点户", start_path(), "Excel 工作簿 (*.xlsx)")
    if not name:
        return None
    path = Path(name)
    try:
        plan = read_households(db, path)
    except ExcelFileError as error:
        QMessageBox.warning(parent, "无法导入", str(error))
        return None
    except ExcelImportError as error:
        from gridoffice.views.roster.import_errors import ImportErrorsDialog

        ImportErrorsDialog(path.name, error.errors, parent).exec()
        return None
    on_duplicate = SKIP
    if plan.duplicates:
        listed = "\n".join(f"第 {d.row} 行：{d.address}" for d in plan.duplicates[:12])
        more = f"\n……共 {len(plan.duplicates)} 户" if len(plan.duplicates) > 12 else ""
        box = QMessageBox(QMessageBox.Icon.Question, "台账中已有这些地址",
                          f"文件中有 {len(plan.duplicates)} 户的地址台账中已经登记：\n{listed}{more}\n\n"
                          "用文件中的内容更新它们，还是跳过（保留台账中的）？", parent=parent)
        update = box.addButton("更新", QMessageBox.ButtonRole.AcceptRole)
        skip = box.addButton("跳过", QMessageBox.ButtonRole.RejectRole)
        box.addButton("取消导入", QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        if box.clickedButton() not in (update, skip):
            return None
        on_duplicate = UPDATE if box.clickedButton() is update else SKIP
    return apply_households(db, plan, today=clock.today(), on_duplicate=on_duplicate)
