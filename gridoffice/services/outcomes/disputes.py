"""调解: disputes deputies mediate (rental, family, neighbours, property management…), counted apart
from opinions. A matter already before a court, an arbitration commission or the petition office is
not mediated: it is recorded as 不予受理 with the reason and where the parties were referred, as an
opinion would be. Parties' names are personal information: lists and papers show them masked.
"""
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import Campaign, Deputy, Dispute, DisputeDeputyLink, Grid
from gridoffice.domain.outcome_rules import (PROCEEDINGS, DisputeStatus, KindList, OutcomeInputError,
                                             OutcomeStateError, check_dispute_result, check_not_future, check_refusal,
                                             check_text)
from gridoffice.domain.rules import normalize_text

from .common import (check_campaign, check_deputies, check_grid, check_kind, clean_people, get_record, mask_people,
                     next_serial)

DS = DisputeStatus
SERIAL_PREFIX = "TJ"


@dataclass
class DisputeForm:
    received_on: dt.date
    kind: str
    parties: str                       # names, any separator: stored joined by "、"
    summary: str = ""
    grid_id: int | None = None
    deputy_ids: Sequence[int] = ()     # deputies mediating
    other_mediators: str = ""          # 律师, 网格员, 民警…
    campaign_id: int | None = None
    # the matter is already in 诉讼, 仲裁 or 信访: not mediated, the parties are referred
    proceeding: str = ""
    referred_to: str = ""


def _validate(session: Session, form: DisputeForm, today: dt.date, *, refused: bool = False) -> DisputeForm:
    """`refused`: the record is already 不予受理 (no mediators needed, the referral stays)."""
    check_not_future(form.received_on, today, "received_on", "受理日期")
    kind = check_kind(session, KindList.DISPUTE.value, form.kind)
    parties = clean_people(form.parties, "parties", "当事人", required=True)
    summary = check_text(form.summary, "summary", "纠纷情况", 2000, required=False)
    check_grid(session, form.grid_id)
    check_campaign(session, form.campaign_id)
    deputies = check_deputies(session, form.deputy_ids, form.received_on, "deputies", what="调解代表")
    others = check_text(normalize_text(form.other_mediators), "other_mediators", "其他调解人员", 200, required=False)
    if form.proceeding and form.proceeding not in PROCEEDINGS:
        raise OutcomeInputError("proceeding", "请选择：已进入诉讼、仲裁或信访程序的事项。")
    if form.proceeding:
        check_refusal(form.proceeding, form.referred_to, "")
    elif not deputies and not others and not refused:
        raise OutcomeInputError("deputies", "请选择调解的代表，或填写其他调解人员。")
    return replace(form, kind=kind, parties=parties, summary=summary, deputy_ids=deputies, other_mediators=others,
                   referred_to=normalize_text(form.referred_to)[:100])


def register_dispute(db: Database, form: DisputeForm, *, today: dt.date) -> int:
    """A new dispute (调解中); one in litigation, arbitration or petition is recorded as 不予受理
    at once, with where the parties were referred. Returns its id."""
    with db.session() as session:
        form = _validate(session, form, today)
        dispute = Dispute(serial=next_serial(session, Dispute.serial, SERIAL_PREFIX, form.received_on.year),
                          received_on=form.received_on, kind=form.kind, parties=form.parties)
        _fill(session, dispute, form)
        if form.proceeding:
            _refuse(dispute, form.proceeding, form.referred_to, "", form.received_on)
            session.add(dispute)
        return dispute.id


def update_dispute(db: Database, dispute_id: int, form: DisputeForm, *, today: dt.date) -> None:
    """Correct the record; the result is changed through record_result or refuse_dispute."""
    with db.session() as session:
        dispute = get_record(session, Dispute, dispute_id, "矛盾纠纷")
        form = _validate(session, replace(form, proceeding="", referred_to=dispute.referred_to), today,
                         refused=dispute.status == DS.REFUSED)
        if dispute.result_on and form.received_on > dispute.result_on:
            raise OutcomeInputError("received_on", f"受理日期不能晚于调解结果的日期（{dispute.result_on:%Y-%m-%d}）。")
        _fill(session, dispute, form)


def _fill(session: Session, dispute: Dispute, form: DisputeForm) -> None:
    for name in ("received_on", "kind", "parties", "summary", "grid_id", "other_mediators", "campaign_id"):
        setattr(dispute, name, getattr(form, name))
    session.add(dispute)
    session.flush()
    current = {link.deputy_id: link for link in
               session.exec(select(DisputeDeputyLink).where(DisputeDeputyLink.dispute_id == dispute.id))}
    for deputy_id, link in current.items():
        if deputy_id not in form.deputy_ids:
            session.delete(link)
    for deputy_id in form.deputy_ids:
        if deputy_id not in current:
            session.add(DisputeDeputyLink(dispute_id=dispute.id, deputy_id=deputy_id))
    session.flush()


def record_result(db: Database, dispute_id: int, *, result: str, on: dt.date, today: dt.date, agreement: str = "",
                  referred_to: str = "") -> None:
    """调解成功 (with what was agreed), 未成功, or 转交 (to whom). A failed mediation may be tried again."""
    with db.session() as session:
        dispute = get_record(session, Dispute, dispute_id, "矛盾纠纷")
        if dispute.status not in (DS.PENDING, DS.FAILED):
            raise OutcomeStateError(f"纠纷 {dispute.serial} 已是“{dispute.status}”，不能再记录调解结果。")
        check_dispute_result(result, referred_to)
        check_not_future(on, today, "on", "调解日期")
        if on < dispute.received_on:
            raise OutcomeInputError("on", f"调解日期不能早于受理日期（{dispute.received_on:%Y-%m-%d}）。")
        if result == DS.SETTLED and not agreement.strip():
            raise OutcomeInputError("agreement", "调解成功时请填写达成的协议或化解情况。")
        dispute.status, dispute.result_on = result, on
        dispute.agreement = agreement.strip()
        dispute.referred_to = normalize_text(referred_to)[:100] if result == DS.REFERRED else ""
        session.add(dispute)


def refuse_dispute(db: Database, dispute_id: int, *, reason: str, referred_to: str, on: dt.date, today: dt.date,
                   note: str = "") -> None:
    """不予受理: it turned out to be in litigation, arbitration or petition (or another reason, said in
    the note); the parties are referred where it belongs."""
    with db.session() as session:
        dispute = get_record(session, Dispute, dispute_id, "矛盾纠纷")
        if dispute.status != DS.PENDING:
            raise OutcomeStateError(f"纠纷 {dispute.serial} 已是“{dispute.status}”，不能再改为不予受理。")
        check_refusal(reason, referred_to, note)
        check_not_future(on, today, "on", "日期")
        if on < dispute.received_on:
            raise OutcomeInputError("on", f"日期不能早于受理日期（{dispute.received_on:%Y-%m-%d}）。")
        _refuse(dispute, reason, referred_to, note, on)
        session.add(dispute)


def _refuse(dispute: Dispute, reason: str, referred_to: str, note: str, on: dt.date) -> None:
    referred_to = normalize_text(referred_to)[:100]
    text = f"属{reason}事项，不予调解，已引导当事人至{referred_to}" if reason in PROCEEDINGS else \
        f"不予调解（{note.strip()}），已引导当事人至{referred_to}"
    dispute.status, dispute.reject_reason, dispute.referred_to = DS.REFUSED.value, reason, referred_to
    dispute.result_on, dispute.agreement = on, text


def delete_dispute(db: Database, dispute_id: int) -> None:
    with db.session() as session:
        dispute = get_record(session, Dispute, dispute_id, "矛盾纠纷")
        for link in session.exec(select(DisputeDeputyLink).where(DisputeDeputyLink.dispute_id == dispute_id)).all():
            session.delete(link)
        session.flush()
        session.delete(dispute)


# --- reading --------------------------------------------------------------------------------------

@dataclass(slots=True)
class DisputeRow:
    id: int
    serial: str
    received_on: dt.date
    kind: str
    grid: str
    parties: str             # masked: 王**、李**
    mediators: str           # deputies and others
    status: str
    result_on: dt.date | None
    referred_to: str
    campaign: str


@dataclass(frozen=True)
class DisputeFilter:
    start: dt.date | None = None       # received from
    end: dt.date | None = None
    kind: str | None = None
    status: str | None = None
    grid_id: int | None = None
    deputy_id: int | None = None
    campaign_id: int | None = None


def list_disputes(db: Database, *, where: DisputeFilter = DisputeFilter()) -> list[DisputeRow]:
    """Newest first, parties masked."""
    with db.session() as session:
        return _rows(session, where)


def _rows(session: Session, where: DisputeFilter, only_id: int | None = None) -> list[DisputeRow]:
    query = (select(Dispute.id, Dispute.serial, Dispute.received_on, Dispute.kind, Grid.name, Dispute.parties,
                    Dispute.other_mediators, Dispute.status, Dispute.result_on, Dispute.referred_to, Campaign.name)
             .join(Grid, Grid.id == Dispute.grid_id, isouter=True)
             .join(Campaign, Campaign.id == Dispute.campaign_id, isouter=True)
             .order_by(Dispute.received_on.desc(), Dispute.id.desc()))
    if where.start:
        query = query.where(Dispute.received_on >= where.start)
    if where.end:
        query = query.where(Dispute.received_on <= where.end)
    for column, value in ((Dispute.id, only_id), (Dispute.kind, where.kind), (Dispute.status, where.status),
                          (Dispute.grid_id, where.grid_id), (Dispute.campaign_id, where.campaign_id)):
        if value is not None:
            query = query.where(column == value)
    if where.deputy_id:
        query = query.where(Dispute.id.in_(select(DisputeDeputyLink.dispute_id)
                                           .where(DisputeDeputyLink.deputy_id == where.deputy_id)))
    mediators: dict[int, list[str]] = {}
    for dispute_id, name in session.exec(select(DisputeDeputyLink.dispute_id, Deputy.name)
                                         .join(Deputy, Deputy.id == DisputeDeputyLink.deputy_id)
                                         .order_by(Deputy.id)):
        mediators.setdefault(dispute_id, []).append(f"{name}代表")
    rows = []
    for (id_, serial, received, kind, grid, parties, others, status, result_on, referred,
         campaign) in session.connection().execute(query):
        who = "、".join([*mediators.get(id_, []), *([others] if others else [])])
        rows.append(DisputeRow(id_, serial, received, kind, grid or "", mask_people(parties), who, status, result_on,
                               referred, campaign or ""))
    return rows


@dataclass(frozen=True)
class DisputeDetail:
    """The form's content, parties in full."""
    row: DisputeRow
    form: DisputeForm
    agreement: str
    reject_reason: str


def dispute_detail(db: Database, dispute_id: int) -> DisputeDetail:
    with db.session() as session:
        dispute = get_record(session, Dispute, dispute_id, "矛盾纠纷")
        row, = _rows(session, DisputeFilter(), only_id=dispute_id)
        deputies = list(session.exec(select(DisputeDeputyLink.deputy_id).where(DisputeDeputyLink.dispute_id == dispute_id)
                                     .order_by(DisputeDeputyLink.deputy_id)))
        form = DisputeForm(dispute.received_on, dispute.kind, dispute.parties, dispute.summary, dispute.grid_id,
                           deputies, dispute.other_mediators, dispute.campaign_id,
                           dispute.reject_reason if dispute.status == DS.REFUSED else "", dispute.referred_to)
        return DisputeDetail(row, form, dispute.agreement, dispute.reject_reason)
