"""需求单: registering an opinion (its serial and first history entry) and correcting the form."""
import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.db.portable import number_after
from gridoffice.db.serials import next_number
from gridoffice.domain import Activity, Grid, Opinion, OpinionCategory, OpinionHistory, ReceptionDay
from gridoffice.domain.enums import OpinionChannel, OpinionStatus, Urgency
from gridoffice.domain.opinion_rules import Step
from gridoffice.domain.rules import is_landline, is_mobile, normalize_phone, normalize_text

from gridoffice.services.opinions.loop import OpinionInputError, get_opinion

CHANNEL_NOTES = {"接待日": "接待日当面反映", "走访": "代表走访时收集", "电话": "电话反映", "微信群": "网格微信群反映",
                 "意见箱": "民情意见箱投递", "网上": "网上留言"}


@dataclass
class OpinionForm:
    """The 需求单 as the clerk fills it in."""
    received_on: dt.date
    channel: str
    content: str
    resident_name: str = ""
    resident_phone: str = ""
    resident_address: str = ""
    grid_id: int | None = None
    category: str = "其他"
    urgency: str = Urgency.NORMAL.value
    activity_id: int | None = None
    reception_day_id: int | None = None


def form_of(opinion: Opinion) -> OpinionForm:
    """The 需求单 of a registered opinion, as the form shows it for correcting."""
    return OpinionForm(
        received_on=opinion.received_on, channel=opinion.channel, content=opinion.content,
        resident_name=opinion.resident_name, resident_phone=opinion.resident_phone,
        resident_address=opinion.resident_address, grid_id=opinion.grid_id, category=opinion.category,
        urgency=opinion.urgency, activity_id=opinion.activity_id, reception_day_id=opinion.reception_day_id)


def validate_form(session: Session, form: OpinionForm, today: dt.date) -> OpinionForm:
    """The form trimmed and checked; raises OpinionInputError naming the field."""
    if form.received_on > today:
        raise OpinionInputError("received_on", f"登记日期不能晚于今天（{today:%Y-%m-%d}）。")
    if form.channel not in {c.value for c in OpinionChannel}:
        raise OpinionInputError("channel", "请选择意见来源渠道。")
    name = normalize_text(form.resident_name)
    if len(name) > 50:
        raise OpinionInputError("resident_name", "群众姓名不能超过 50 个字。")
    phone = normalize_phone(form.resident_phone)
    if phone and not (is_mobile(phone) or is_landline(phone)):
        raise OpinionInputError("resident_phone", "联系电话格式不对：请填 11 位手机号或带区号的固定电话（如 0395-1234567）。")
    address = normalize_text(form.resident_address)
    if len(address) > 200:
        raise OpinionInputError("resident_address", "住址不能超过 200 个字。")
    if form.grid_id is not None and session.get(Grid, form.grid_id) is None:
        raise OpinionInputError("grid", "所选网格不存在，请重新选择。")
    if session.exec(select(OpinionCategory.id).where(OpinionCategory.name == form.category)).first() is None:
        raise OpinionInputError("category", f"意见分类“{form.category}”不在分类列表中，请重新选择。")
    content = form.content.strip()
    if not content:
        raise OpinionInputError("content", "请填写群众反映的问题或意见。")
    if len(content) > 2000:
        raise OpinionInputError("content", "意见内容不能超过 2000 个字，请概括后填写。")
    if form.urgency not in {u.value for u in Urgency}:
        raise OpinionInputError("urgency", "请选择紧急程度。")
    if form.activity_id is not None and session.get(Activity, form.activity_id) is None:
        raise OpinionInputError("channel", "关联的走访活动已被删除。")
    if form.reception_day_id is not None and session.get(ReceptionDay, form.reception_day_id) is None:
        raise OpinionInputError("channel", "关联的接待日已被删除。")
    return replace(form, resident_name=name, resident_phone=phone, resident_address=address, content=content)


def next_serial(session: Session, year: int) -> str:
    """2026-0001, 2026-0002 …: from the year's counter, which two clerks never share (gaps are kept)."""
    prefix = f"{year}-"
    highest = session.exec(select(func.max(number_after(Opinion.serial, prefix)))
                           .where(Opinion.serial.like(f"{prefix}%"))).one()
    return f"{prefix}{next_number(session, 'opinion', year, highest or 0):04d}"


def register_opinion(db: Database, form: OpinionForm, today: dt.date) -> Opinion:
    with db.session() as session:
        return add_opinion(session, form, today)


def add_opinion(session: Session, form: OpinionForm, today: dt.date) -> Opinion:
    """register_opinion inside the caller's transaction (a meeting's decision, a question at a 述职会)."""
    form = validate_form(session, form, today)
    opinion = Opinion(serial=next_serial(session, form.received_on.year), received_on=form.received_on,
                      channel=form.channel, resident_name=form.resident_name,
                      resident_phone=form.resident_phone, resident_address=form.resident_address,
                      grid_id=form.grid_id, category=form.category, content=form.content, urgency=form.urgency,
                      activity_id=form.activity_id, reception_day_id=form.reception_day_id,
                      status=OpinionStatus.REGISTERED.value)
    opinion.history.append(OpinionHistory(on=form.received_on, action=Step.REGISTER.value, from_status="",
                                          to_status=OpinionStatus.REGISTERED.value,
                                          note=f"{CHANNEL_NOTES.get(form.channel, '群众反映')}，登记需求单"))
    session.add(opinion)
    session.flush()
    return opinion


def update_form(db: Database, opinion_id: int, form: OpinionForm, today: dt.date) -> Opinion:
    """Correct the 需求单 (a typo, a missing phone). Audited; not a step of the loop.
    The received date cannot move past the first step taken after registering."""
    with db.session() as session:
        opinion = get_opinion(session, opinion_id)
        form = validate_form(session, form, today)
        later = [h.on for h in opinion.history if h.action != Step.REGISTER]
        if later and form.received_on > min(later):
            raise OpinionInputError("received_on", f"登记日期不能晚于之后的办理日期（{min(later):%Y-%m-%d}）。")
        for name in ("received_on", "channel", "resident_name", "resident_phone", "resident_address", "grid_id",
                     "category", "content", "urgency", "activity_id", "reception_day_id"):
            setattr(opinion, name, getattr(form, name))
        for entry in opinion.history:
            if entry.action == Step.REGISTER:
                entry.on = form.received_on
        session.add(opinion)
        session.flush()
        return opinion
