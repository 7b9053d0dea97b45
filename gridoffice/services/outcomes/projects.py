"""为民办实事: the project register (a road resurfaced, a bus stop, 37 charging points), the opinions
or suggestion each answers, before and after photos, and the yearly list the office prints."""
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from gridoffice.db import Database
from gridoffice.domain import (Campaign, Community, Deputy, Department, Grid, Opinion, Project, ProjectDeputyLink,
                               ProjectOpinionLink, ProjectPhoto, Suggestion)
from gridoffice.domain.outcome_rules import (KindList, OutcomeInputError, PhotoStage, ProjectStatus,
                                             check_project_dates, check_text, format_quantity)

from .common import (check_campaign, check_community, check_deputies, check_exists, check_grid, check_kind,
                     check_opinions, first_sentence, get_record, kind_names)
from .files import FilesOfTransaction, check_file

PS = ProjectStatus
PHOTO_FOLDER = "实事照片"
EARLIEST_YEAR = 2000


@dataclass
class ProjectForm:
    name: str
    year: int
    kind: str = "其他"
    status: str = PS.PLANNED.value
    community_id: int | None = None
    grid_id: int | None = None
    quantity: float | None = None
    unit: str = ""
    responsible_unit: str = ""
    suggestion_id: int | None = None
    opinion_ids: Sequence[int] = ()
    deputy_ids: Sequence[int] = ()       # deputies who follow the project (监督)
    started_on: dt.date | None = None
    planned_on: dt.date | None = None
    completed_on: dt.date | None = None
    campaign_id: int | None = None
    description: str = ""


def _validate(session: Session, form: ProjectForm, today: dt.date) -> ProjectForm:
    name = check_text(form.name, "name", "项目名称", 200)
    if not EARLIEST_YEAR <= form.year <= today.year + 1:
        raise OutcomeInputError("year", f"项目年度应在 {EARLIEST_YEAR} 到 {today.year + 1} 年之间。")
    kind = check_kind(session, KindList.PROJECT.value, form.kind)
    check_project_dates(form.status, form.started_on, form.planned_on, form.completed_on, today)
    check_grid(session, form.grid_id)
    check_community(session, form.community_id)
    community_id = form.community_id
    if form.grid_id is not None:
        grid = session.get(Grid, form.grid_id)
        if community_id is not None and community_id != grid.community_id:
            raise OutcomeInputError("grid", f"网格“{grid.name}”不属于所选社区。")
        community_id = grid.community_id
    if form.quantity is not None and not 0 < form.quantity <= 1_000_000:
        raise OutcomeInputError("quantity", "数量应大于 0（不计数量的项目请留空）。")
    unit = check_text(form.unit, "unit", "单位", 10, required=form.quantity is not None)
    responsible = check_text(form.responsible_unit, "responsible_unit", "责任单位", 100, required=False)
    check_exists(session, Suggestion, form.suggestion_id, "suggestion", "代表建议")
    check_campaign(session, form.campaign_id)
    opinion_ids = check_opinions(session, form.opinion_ids)
    deputy_ids = check_deputies(session, form.deputy_ids, form.started_on or today, "deputies", what="监督代表")
    return replace(form, name=name, kind=kind, community_id=community_id, unit=unit, responsible_unit=responsible,
                   opinion_ids=opinion_ids, deputy_ids=deputy_ids, description=form.description.strip())


def create_project(db: Database, form: ProjectForm, *, today: dt.date) -> int:
    with db.session() as session:
        form = _validate(session, form, today)
        project = Project(name=form.name, year=form.year)
        _fill(session, project, form)
        return project.id


def update_project(db: Database, project_id: int, form: ProjectForm, *, today: dt.date) -> None:
    with db.session() as session:
        project = get_record(session, Project, project_id, "为民办实事项目")
        _fill(session, project, _validate(session, form, today))


def _fill(session: Session, project: Project, form: ProjectForm) -> None:
    for name in ("name", "year", "kind", "status", "community_id", "grid_id", "quantity", "unit", "responsible_unit",
                 "suggestion_id", "started_on", "planned_on", "completed_on", "campaign_id", "description"):
        setattr(project, name, getattr(form, name))
    session.add(project)
    session.flush()
    _set_links(session, ProjectOpinionLink, project.id, "opinion_id", form.opinion_ids)
    _set_links(session, ProjectDeputyLink, project.id, "deputy_id", form.deputy_ids)
    session.flush()


def _set_links(session: Session, model, project_id: int, column: str, wanted: Sequence[int]) -> None:
    current = {getattr(link, column): link for link in session.exec(select(model).where(model.project_id == project_id))}
    for other_id, link in current.items():
        if other_id not in wanted:
            session.delete(link)
    for other_id in wanted:
        if other_id not in current:
            session.add(model(project_id=project_id, **{column: other_id}))


def set_project_status(db: Database, project_id: int, *, status: str, on: dt.date, today: dt.date) -> None:
    """The list's quick steps: 开工 (实施中 from `on`), 完成 (已完成 on `on`), 取消."""
    with db.session() as session:
        project = get_record(session, Project, project_id, "为民办实事项目")
        started, completed = project.started_on, None
        if status == PS.UNDERWAY:
            started = on
        elif status == PS.DONE:
            started, completed = started or on, on
        elif status == PS.PLANNED:
            started = None
        check_project_dates(status, started, project.planned_on, completed, today)
        project.status, project.started_on, project.completed_on = status, started, completed
        session.add(project)


def delete_project(db: Database, project_id: int) -> None:
    """The project, its links and its photos (the files go once the deletion is committed)."""
    with db.session() as session:
        project = get_record(session, Project, project_id, "为民办实事项目")
        files = FilesOfTransaction(session)
        for model in (ProjectOpinionLink, ProjectDeputyLink, ProjectPhoto):
            for row in session.exec(select(model).where(model.project_id == project_id)).all():
                if isinstance(row, ProjectPhoto):
                    files.delete_on_commit(db.attachments_dir, row.file)
                session.delete(row)
        session.flush()
        session.delete(project)


def draft_from_opinions(db: Database, opinion_ids: Sequence[int], *, today: dt.date) -> ProjectForm:
    """The form's start when the clerk selects opinions in 民情办理 and chooses 列为为民办实事."""
    with db.session() as session:
        ids = check_opinions(session, opinion_ids)
        opinions = list(session.exec(select(Opinion).where(Opinion.id.in_(ids))
                                     .order_by(Opinion.received_on, Opinion.id))) if ids else []
        departments = Counter(o.department_id for o in opinions if o.department_id)
        department = session.get(Department, departments.most_common(1)[0][0]) if departments else None
        grids = {o.grid_id for o in opinions if o.grid_id}
        grid_id = grids.pop() if len(grids) == 1 else None
        kinds = kind_names(session, KindList.PROJECT.value)
    name = first_sentence(opinions[0].content, 60) if opinions else ""
    category = opinions[0].category if opinions else ""
    kind = next((k for k in kinds if category and (category in k or k in category)), "其他")
    claimants = list(dict.fromkeys(o.deputy_id for o in opinions if o.deputy_id))
    return ProjectForm(name=name, year=today.year, kind=kind if kind in kinds else kinds[-1], grid_id=grid_id,
                       responsible_unit=department.name if department else "", opinion_ids=[o.id for o in opinions],
                       deputy_ids=claimants, description="\n".join(o.content for o in opinions))


# --- photos --------------------------------------------------------------------------------------

def add_photos(db: Database, project_id: int, files: Sequence[Path], *, stage: str) -> list[int]:
    """Photos before, during or after the work (实施前 / 实施中 / 实施后)."""
    if stage not in {s.value for s in PhotoStage}:
        raise OutcomeInputError("stage", "请选择照片阶段：实施前、实施中或实施后。")
    paths = [Path(f) for f in files]
    for path in paths:
        check_file(path, "photos", photos_only=True)
    with db.session() as session:
        project = get_record(session, Project, project_id, "为民办实事项目")
        copies = FilesOfTransaction(session)
        rows = [ProjectPhoto(project_id=project.id, stage=stage, caption=path.stem[:200],
                             file=copies.copy_in(db.attachments_dir, path, PHOTO_FOLDER, f"{project.year}-实事{project.id}-{stage}",
                                                 "photos"))
                for path in paths]
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows]


def remove_photo(db: Database, photo_id: int) -> None:
    with db.session() as session:
        photo = get_record(session, ProjectPhoto, photo_id, "照片")
        FilesOfTransaction(session).delete_on_commit(db.attachments_dir, photo.file)
        session.delete(photo)


# --- reading --------------------------------------------------------------------------------------

@dataclass(slots=True)
class ProjectRow:
    id: int
    name: str
    year: int
    kind: str
    community: str
    grid: str
    quantity: str            # "37处", "" when not counted
    responsible_unit: str
    status: str
    started_on: dt.date | None
    planned_on: dt.date | None
    completed_on: dt.date | None
    suggestion: str          # the suggestion's 编号
    opinions: int
    campaign: str
    late: bool               # not done and past the planned completion
    photos_before: int = 0
    photos_after: int = 0


@dataclass(frozen=True)
class ProjectFilter:
    year: int | None = None
    status: str | None = None
    kind: str | None = None
    community_id: int | None = None
    grid_id: int | None = None
    campaign_id: int | None = None
    suggestion_id: int | None = None


def list_projects(db: Database, *, today: dt.date, where: ProjectFilter = ProjectFilter()) -> list[ProjectRow]:
    """Newest year first; within a year by community, then name."""
    with db.session() as session:
        return _rows(session, today, where)


def _rows(session: Session, today: dt.date, where: ProjectFilter, only_id: int | None = None) -> list[ProjectRow]:
    query = (select(Project.id, Project.name, Project.year, Project.kind, Community.name, Grid.name, Project.quantity,
                    Project.unit, Project.responsible_unit, Project.status, Project.started_on, Project.planned_on,
                    Project.completed_on, Suggestion.serial, Campaign.name)
             .join(Community, Community.id == Project.community_id, isouter=True)
             .join(Grid, Grid.id == Project.grid_id, isouter=True)
             .join(Suggestion, Suggestion.id == Project.suggestion_id, isouter=True)
             .join(Campaign, Campaign.id == Project.campaign_id, isouter=True)
             .order_by(Project.year.desc(), Community.name, Project.name, Project.id))
    for column, value in ((Project.id, only_id), (Project.year, where.year), (Project.status, where.status),
                          (Project.kind, where.kind), (Project.community_id, where.community_id),
                          (Project.grid_id, where.grid_id), (Project.campaign_id, where.campaign_id),
                          (Project.suggestion_id, where.suggestion_id)):
        if value is not None:
            query = query.where(column == value)
    opinions = dict(session.exec(select(ProjectOpinionLink.project_id, func.count())
                                 .group_by(ProjectOpinionLink.project_id)).all())
    photos = Counter()
    for project_id, stage, count in session.exec(select(ProjectPhoto.project_id, ProjectPhoto.stage, func.count())
                                                 .group_by(ProjectPhoto.project_id, ProjectPhoto.stage)):
        photos[(project_id, stage)] = count
    rows = []
    for (id_, name, year, kind, community, grid, quantity, unit, responsible, status, started, planned, completed,
         serial, campaign) in session.connection().execute(query):
        late = status in (PS.PLANNED, PS.UNDERWAY) and planned is not None and planned < today
        rows.append(ProjectRow(id_, name, year, kind, community or "", grid or "", format_quantity(quantity, unit),
                               responsible, status, started, planned, completed, serial or "", opinions.get(id_, 0),
                               campaign or "", late, photos[(id_, PhotoStage.BEFORE.value)],
                               photos[(id_, PhotoStage.AFTER.value)]))
    return rows


@dataclass(frozen=True)
class PhotoEntry:
    id: int
    stage: str
    file: str          # relative to the attachments folder
    caption: str


@dataclass(frozen=True)
class ProjectDetail:
    row: ProjectRow
    form: ProjectForm
    deputies: list[str]
    opinions: list[tuple[int, str, str]]      # (id, serial, content)
    photos: list[PhotoEntry] = field(default_factory=list)


def project_detail(db: Database, project_id: int, *, today: dt.date) -> ProjectDetail:
    with db.session() as session:
        project = get_record(session, Project, project_id, "为民办实事项目")
        row, = _rows(session, today, ProjectFilter(), only_id=project_id)
        opinions = [tuple(o) for o in session.exec(
            select(Opinion.id, Opinion.serial, Opinion.content)
            .join(ProjectOpinionLink, ProjectOpinionLink.opinion_id == Opinion.id)
            .where(ProjectOpinionLink.project_id == project_id).order_by(Opinion.received_on, Opinion.id))]
        deputies = list(session.exec(select(Deputy.id, Deputy.name)
                                     .join(ProjectDeputyLink, ProjectDeputyLink.deputy_id == Deputy.id)
                                     .where(ProjectDeputyLink.project_id == project_id).order_by(Deputy.id)))
        photos = [PhotoEntry(p.id, p.stage, p.file, p.caption) for p in session.exec(
            select(ProjectPhoto).where(ProjectPhoto.project_id == project_id).order_by(ProjectPhoto.id))]
        form = ProjectForm(project.name, project.year, project.kind, project.status, project.community_id,
                           project.grid_id, project.quantity, project.unit, project.responsible_unit,
                           project.suggestion_id, [o[0] for o in opinions], [d[0] for d in deputies],
                           project.started_on, project.planned_on, project.completed_on, project.campaign_id,
                           project.description)
        return ProjectDetail(row, form, [d[1] for d in deputies], opinions, photos)


def projects_of_opinion(db: Database, opinion_id: int) -> list[tuple[int, str, str]]:
    """(id, name, status) of the projects that answer an opinion."""
    with db.session() as session:
        return [tuple(r) for r in session.exec(
            select(Project.id, Project.name, Project.status)
            .join(ProjectOpinionLink, ProjectOpinionLink.project_id == Project.id)
            .where(ProjectOpinionLink.opinion_id == opinion_id).order_by(Project.id))]
