"""The steps of the loop as a table: for each, the dialog's title, its fields and the service call.

The step dialog (step_dialog.py) builds itself from a StepSpec: the date the step was taken,
then one row per field (the key is the service's FieldError.field, so an error shows beside
its field), and on OK it calls `spec.call(db, opinion_id, on=…, today=…, **spec.arguments(values))`.
No Qt here: the table can be read (and tested) without a screen.
"""
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

from gridoffice.db import Database
from gridoffice.domain.enums import HandlingMode, RejectReason, ReplyMethod, Satisfaction
from gridoffice.domain.opinion_rules import REOPEN_DUE_DAYS, SUPERVISE_DUE_DAYS, Step, default_due_days, reopens
from gridoffice.services.opinions import loop
from gridoffice.services.opinions.detail import OpinionDetail
from gridoffice.services.opinions.lists import department_names


class Kind(Enum):
    TEXT = auto()       # several lines
    LINE = auto()       # one line
    DATE = auto()
    CHOICE = auto()     # a drop-down; its value is the chosen entry's data
    CHECK = auto()      # a tick box; the label is its own text
    DEPUTY = auto()     # one serving deputy, found by name or pinyin; its value is the id or None


Choices = Callable[[Database], list[tuple[object, str]]]     # (value, text shown)
Default = Callable[[OpinionDetail, dt.date], object]         # (the opinion, today) → the value it starts with
Values = dict[str, object]


@dataclass(frozen=True)
class StepField:
    key: str
    label: str
    kind: Kind = Kind.TEXT
    placeholder: str = ""
    tooltip: str = ""
    max_height: int = 0                     # TEXT: a short note rather than a letter
    choices: Choices | None = None          # CHOICE
    default: Default | None = None
    not_after_today: bool = False           # DATE
    enabled_by: tuple[str, Callable[[object], bool]] | None = None   # (another field, when its value enables this)


@dataclass(frozen=True)
class StepSpec:
    step: Step
    title: str                              # "代表认领": the dialog's title; the form's button adds "…"
    fields: tuple[StepField, ...]
    call: Callable[..., object]             # a service step: (db, opinion_id, *, on, today, **arguments)
    arguments: Callable[[Values], dict]     # the field values → the call's keyword arguments

    @property
    def button_text(self) -> str:
        return f"{self.title}…"


# every step is dated: on or after the previous step, and not after today
ON = StepField("on", "日期", Kind.DATE, default=lambda _detail, today: today, not_after_today=True)


def _values_of(enum) -> Choices:
    return lambda _db: [(member.value, member.value) for member in enum]


def _in_days(days: int) -> Default:
    return lambda _detail, today: today + dt.timedelta(days=days)


def _note(label: str, placeholder: str = "") -> StepField:
    return StepField("note", label, placeholder=placeholder, max_height=90)


def _satisfaction(*, optional: bool) -> tuple[StepField, StepField]:
    """群众评价, and the due date a 不满意 reopens the matter with (enabled only then)."""
    blank = [("", "（暂未评价）")] if optional else []
    return (StepField("satisfaction", "群众评价", Kind.CHOICE,
                      choices=lambda _db: blank + [(s.value, s.value) for s in Satisfaction]),
            StepField("due_on", "重办期限", Kind.DATE, tooltip="群众不满意时重新交办的期限",
                      default=_in_days(REOPEN_DUE_DAYS), enabled_by=("satisfaction", reopens)))


SPECS = (
    StepSpec(Step.CLAIM, "代表认领",
             (StepField("deputy", "认领代表", Kind.DEPUTY), _note("说明")),
             loop.claim, lambda v: {"deputy_id": v["deputy"], "note": v["note"]}),
    StepSpec(Step.ASSIGN, "交办部门",
             (StepField("department", "承办部门", Kind.CHOICE, choices=department_names,
                        default=lambda detail, _today: detail.opinion.department_id),
              StepField("mode", "办理方式", Kind.CHOICE, choices=_values_of(HandlingMode),
                        default=lambda detail, _today: detail.opinion.handling_mode or HandlingMode.ASSIGN.value),
              StepField("due_on", "办理期限", Kind.DATE,
                        default=lambda detail, today: today + dt.timedelta(days=default_due_days(detail.opinion.urgency))),
              _note("交办意见")),
             loop.assign, lambda v: {"department_id": v["department"], "mode": v["mode"], "due_on": v["due_on"],
                                     "note": v["note"]}),
    StepSpec(Step.PROGRESS, "记录进展",
             (_note("办理进展", "例如：已现场查看，部门答复本月底前完成"),),
             loop.add_progress, lambda v: {"note": v["note"]}),
    StepSpec(Step.SUPERVISE, "督办",
             (StepField("change_due", "同时改定办理期限", Kind.CHECK),
              StepField("due_on", "新的期限", Kind.DATE, default=_in_days(SUPERVISE_DUE_DAYS),
                        enabled_by=("change_due", bool)),
              _note("督办意见", "例如：已电话督促，要求一周内办结")),
             loop.supervise, lambda v: {"note": v["note"], "new_due_on": v["due_on"] if v["change_due"] else None}),
    StepSpec(Step.RESOLVE, "办结",
             (StepField("result", "办理结果", placeholder="承办部门的办理结果"),),
             loop.resolve, lambda v: {"result": v["result"]}),
    StepSpec(Step.REPLY, "回复群众",
             (StepField("reply", "回复内容", default=lambda detail, _today: detail.opinion.result),
              StepField("reply_method", "回复方式", Kind.CHOICE, choices=_values_of(ReplyMethod)),
              *_satisfaction(optional=True)),
             loop.reply, lambda v: {"text": v["reply"], "method": v["reply_method"], "satisfaction": v["satisfaction"],
                                    "new_due_on": v["due_on"]}),
    StepSpec(Step.RATE, "群众评价",
             (*_satisfaction(optional=False), _note("说明")),
             loop.rate, lambda v: {"satisfaction": v["satisfaction"], "note": v["note"], "new_due_on": v["due_on"]}),
    StepSpec(Step.REOPEN, "重新办理",
             (StepField("due_on", "新的期限", Kind.DATE, default=_in_days(REOPEN_DUE_DAYS)),
              _note("原因", "为什么要重新办理")),
             loop.reopen, lambda v: {"due_on": v["due_on"], "reason": v["note"]}),
    StepSpec(Step.REJECT, "不予受理",
             (StepField("reason", "原因", Kind.CHOICE, choices=_values_of(RejectReason)),
              StepField("referred_to", "引导至", Kind.LINE,
                        placeholder="例如：区人民法院诉讼服务中心、区劳动人事争议仲裁院、区信访局"),
              _note("说明")),
             loop.reject, lambda v: {"reason": v["reason"], "referred_to": v["referred_to"], "note": v["note"]}),
)
STEPS: dict[Step, StepSpec] = {spec.step: spec for spec in SPECS}   # in the order of the loop
