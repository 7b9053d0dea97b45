"""Printing from the reception calendar: the month's 值班表 and the 接待日公告, each previewed first."""
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from gridoffice.db import Database
from gridoffice.clock import Clock
from gridoffice.paths import preview_file
from gridoffice.services.reception.notice import (late_notice_warning, load_notices, notices_file_name,
                                                  past_notice_refusal)
from gridoffice.widgets.pdf_preview import PdfPreviewDialog
from gridoffice.widgets.remedies import go_to_tab, refuse


def show_pdf(parent: QWidget, path: Path, *, title: str, suggested_name: str, kind: str = "") -> None:
    PdfPreviewDialog(path, title=title, suggested_name=suggested_name, parent=parent, kind=kind).exec()


def schedule_remedy(parent: QWidget) -> list:
    """生成排班… for a refusal that only a schedule can lift."""
    return go_to_tab(parent, "生成排班…", "ReceptionTab", "generate")


def print_notices(parent: QWidget, db: Database, clock: Clock, day_ids: Sequence[int], *,
                  title: str = "接待日公告") -> Path | None:
    """The notices of these days in one PDF, previewed; warns first when one is less than 3 days ahead."""
    from gridoffice.services.reception.pdf import write_notices_pdf  # ReportLab: not on the start-up path

    if not day_ids:
        refuse(parent, "没有公告可打印", "所选范围内没有计划中的接待日：先生成排班，再打印公告。", schedule_remedy(parent))
        return None
    today = clock.today()
    notices = load_notices(db, day_ids)
    refusal = past_notice_refusal([n.date for n in notices], today)
    if refusal:
        QMessageBox.information(parent, "不能打印公告", refusal)
        return None
    late = late_notice_warning([n.date for n in notices], today)
    if late and QMessageBox.warning(parent, "公告张贴时间不足 3 天", f"{late}\n\n仍要打印吗？",
                                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.Yes) != QMessageBox.StandardButton.Yes:
        return None
    name = notices_file_name(notices)
    target = preview_file(name)
    try:
        write_notices_pdf(target, notices, issued_on=today)
    except OSError as error:
        QMessageBox.warning(parent, "无法生成 PDF", f"生成公告失败：{error}")
        return None
    show_pdf(parent, target, title=title, suggested_name=name, kind="接待日公告")
    return target


def print_roster(parent: QWidget, db: Database, clock: Clock, month: dt.date, station_id: int | None) -> Path | None:
    """The month's duty roster of one station (or all), previewed; an empty month is said, not printed."""
    from gridoffice.services.reception.duty import EmptyRosterError, load_duty_roster, roster_file_name
    from gridoffice.services.reception.pdf import write_duty_roster_pdf  # ReportLab: not on the start-up path

    try:
        roster = load_duty_roster(db, month.year, month.month, station_id)
    except EmptyRosterError as error:
        refuse(parent, "没有值班安排", str(error), schedule_remedy(parent))
        return None
    name = roster_file_name(roster)
    target = preview_file(name)
    try:
        write_duty_roster_pdf(target, roster, today=clock.today())
    except OSError as error:
        QMessageBox.warning(parent, "无法生成 PDF", f"生成值班表失败：{error}")
        return None
    show_pdf(parent, target, title="接待值班表", suggested_name=name, kind="接待值班表")
    return target
