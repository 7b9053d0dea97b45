"""民情意见 to Excel with their current status and the whole loop in columns.

The resident's name, phone and address are masked unless the clerk asks for them
(with_contact): a spreadsheet travels by USB stick and chat, so by default it carries
no more personal information than the list on screen.
"""
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from sqlmodel import select

from gridoffice.db import Database
from gridoffice.domain import (Department, Deputy, Grid, Opinion, Project, ProjectOpinionLink, Suggestion,
                               SuggestionOpinionLink)
from gridoffice.domain.opinion_rules import days_overdue, is_overdue
from gridoffice.domain.rules import mask_name, mask_phone, shorten_address

from gridoffice.services.common.excel_io import TEXT_FORMAT, write_sheet
from gridoffice.services.opinions.listing import OpinionFilter, select_rows

HEADERS = ("编号", "登记日期", "来源渠道", "群众姓名", "联系电话", "住址", "网格", "意见分类", "反映问题", "紧急程度",
           "认领代表", "承办部门", "办理方式", "办理期限", "当前状态", "超期天数", "办结日期", "办理结果", "回复日期",
           "回复方式", "回复内容", "群众评价", "不予受理原因", "引导至", "代表建议", "为民办实事")
WIDTHS = (11, 12, 9, 10, 14, 22, 11, 10, 50, 9, 10, 16, 9, 12, 9, 9, 12, 40, 12, 9, 40, 9, 12, 20, 12, 24)


def export_opinions(db: Database, path: Path | str, *, today: dt.date, where: OpinionFilter = OpinionFilter(),
                    ids: Iterable[int] | None = None, with_contact: bool = False) -> int:
    """Write the opinions the filter selects (or exactly `ids`, in that order); returns how many."""
    with db.session() as session:
        wanted = list(ids) if ids is not None else [row.id for row in select_rows(session, today=today, where=where)]
        names = {
            "grid": dict(session.exec(select(Grid.id, Grid.code)).all()),
            "deputy": dict(session.exec(select(Deputy.id, Deputy.name)).all()),
            "department": dict(session.exec(select(Department.id, Department.name)).all()),
        }
        by_id: dict[int, Opinion] = {}
        for chunk_start in range(0, len(wanted), 900):   # SQLite allows a limited number of parameters
            chunk = wanted[chunk_start:chunk_start + 900]
            by_id.update({o.id: o for o in session.exec(select(Opinion).where(Opinion.id.in_(chunk)))})
        # 代表建议 and 为民办实事 are records of their own: the columns name those an opinion fed
        names["suggestion"] = _joined(session.exec(select(SuggestionOpinionLink.opinion_id, Suggestion.serial)
                                                    .join(Suggestion, Suggestion.id == SuggestionOpinionLink.suggestion_id)
                                                    .order_by(Suggestion.serial)))
        names["project"] = _joined(session.exec(select(ProjectOpinionLink.opinion_id, Project.name)
                                                 .join(Project, Project.id == ProjectOpinionLink.project_id)
                                                 .order_by(Project.id)))
        rows = [_cells(by_id[i], names, today, with_contact) for i in wanted if i in by_id]
    write_sheet(path, title="民情意见", headers=HEADERS, rows=rows, column_widths=WIDTHS,
                formats=dict.fromkeys(("编号", "联系电话", "网格"), TEXT_FORMAT))
    return len(rows)


def _joined(pairs) -> dict[int, str]:
    joined: dict[int, list[str]] = {}
    for opinion_id, text in pairs:
        joined.setdefault(opinion_id, []).append(text)
    return {opinion_id: "、".join(texts) for opinion_id, texts in joined.items()}


def _cells(o: Opinion, names: dict[str, dict[int, str]], today: dt.date, with_contact: bool) -> list:
    name, phone, address = ((o.resident_name, o.resident_phone, o.resident_address) if with_contact else
                            (mask_name(o.resident_name), mask_phone(o.resident_phone), shorten_address(o.resident_address)))
    overdue = days_overdue(o.due_on, today) if is_overdue(o.status, o.due_on, today) else ""
    return [o.serial, o.received_on, o.channel, name, phone, address, names["grid"].get(o.grid_id, ""), o.category,
            o.content, o.urgency, names["deputy"].get(o.deputy_id, ""), names["department"].get(o.department_id, ""),
            o.handling_mode, o.due_on, o.status, overdue, o.resolved_on, o.result, o.replied_on, o.reply_method,
            o.reply, o.satisfaction, o.reject_reason, o.referred_to, names["suggestion"].get(o.id, ""),
            names["project"].get(o.id, "")]
