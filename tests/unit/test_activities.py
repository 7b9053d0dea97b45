"""走访记录: recording an activity with its deputies and photos, the filters and their totals."""
import datetime as dt

import pytest
from sqlalchemy import func
from sqlmodel import select

from gridoffice.db import Database
from gridoffice.db.database import AuditedSession
from gridoffice.domain import Activity, ActivityDeputyLink, ActivityPhoto, Community, Deputy, Grid, Opinion, Station
from gridoffice.services.activities.records import (ActivityInput, ActivityInputError, activity_detail,
                                                    activity_totals, delete_activity, list_activities, save_activity)
from gridoffice.services.demo.build import build_demo
from gridoffice.services.office.setup import ensure_default_lists
from gridoffice.services.opinions.register import OpinionForm, register_opinion

TODAY = dt.date(2026, 11, 20)
DAY = dt.timedelta(days=1)
# a 1x1 PNG
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5b1b10000000049454e44ae426082")


@pytest.fixture
def ids(db):
    with db.session() as session:
        ensure_default_lists(session)
        community = Community(name="锦塘社区")
        station = Station(name="锦塘片区代表联络站")
        session.add_all([community, station])
        session.flush()
        grids = [Grid(code=f"JT-01-0{n}", name=f"第{n}网格", community_id=community.id) for n in (1, 2)]
        deputies = [Deputy(name=name) for name in ("张利霞", "李明", "王芳")]
        retired = Deputy(name="赵老", status="离任", left_office_on=TODAY - 100 * DAY)
        session.add_all([*grids, *deputies, retired])
        session.flush()
        return {"station": station.id, "grids": [g.id for g in grids], "deputies": [d.id for d in deputies],
                "retired": retired.id}


def record(db: Database, ids: dict, *, today=TODAY, **changes) -> int:
    values = dict(date=TODAY - DAY, kind="入户走访", deputy_ids=ids["deputies"][:2], grid_id=ids["grids"][0],
                  station_id=ids["station"], place="幸福花园", other_participants="网格员王某、民警李某",
                  residents_contacted=6, summary="走访独居老人。")
    values.update(changes)
    return save_activity(db, ActivityInput(**values), today)


def test_an_activity_is_saved_with_its_deputies(db, ids):
    activity_id = record(db, ids)
    detail = activity_detail(db, activity_id)
    [row] = list_activities(db)
    assert detail.deputy_names == ["张利霞", "李明"] and detail.residents_contacted == 6
    assert (row.deputies, row.deputy_count, row.grid, row.station) == ("张利霞、李明", 2, "JT-01-01", "锦塘片区代表联络站")
    assert row.other_participants == "网格员王某、民警李某"


@pytest.mark.parametrize(("changes", "field"), [
    ({"deputy_ids": []}, "deputies"),
    ({"date": TODAY + DAY}, "date"),
    ({"kind": "聚餐"}, "kind"),
    ({"grid_id": 999}, "grid"),
    ({"residents_contacted": -1}, "residents_contacted"),
])
def test_bad_input_is_refused_naming_the_field(db, ids, changes, field):
    with pytest.raises(ActivityInputError) as refused:
        record(db, ids, **changes)
    assert refused.value.field == field and str(refused.value).endswith("。")
    with db.session() as session:
        assert session.exec(select(func.count(Activity.id))).one() == 0


def test_a_deputy_who_had_left_cannot_take_part_but_could_before(db, ids):
    with pytest.raises(ActivityInputError, match="已于"):
        record(db, ids, deputy_ids=[ids["retired"]])
    record(db, ids, deputy_ids=[ids["retired"]], date=TODAY - 200 * DAY)


def test_editing_replaces_the_deputies(db, ids):
    activity_id = record(db, ids)
    save_activity(db, ActivityInput(date=TODAY, kind="议事会", deputy_ids=[ids["deputies"][2]]), TODAY, activity_id)
    with db.session() as session:
        links = session.exec(select(ActivityDeputyLink.deputy_id)).all()
    assert links == [ids["deputies"][2]]


def test_photos_are_copied_beside_the_database_and_removed_with_the_record(db, ids, tmp_path):
    source = tmp_path / "现场 照片.PNG"
    source.write_bytes(PNG)
    activity_id = record(db, ids, new_photos=[source, source])
    with db.session() as session:
        files = [p.file for p in session.exec(select(ActivityPhoto).order_by(ActivityPhoto.id))]
    assert len(files) == 2 and all(f.startswith("走访照片/") and f.endswith(".png") for f in files)
    copies = [db.attachments_dir / f for f in files]
    assert all(c.read_bytes() == PNG for c in copies) and copies[0] != copies[1]
    assert source.exists()   # the clerk's own file stays
    with db.session() as session:
        photo_id = session.exec(select(ActivityPhoto.id).order_by(ActivityPhoto.id)).first()
    save_activity(db, ActivityInput(date=TODAY - DAY, kind="入户走访", deputy_ids=ids["deputies"][:1],
                                    removed_photo_ids=[photo_id]), TODAY, activity_id)
    assert not copies[0].exists() and copies[1].exists()
    delete_activity(db, activity_id)
    assert not copies[1].exists()


def test_a_failed_save_leaves_no_copied_photo(db, ids, tmp_path, monkeypatch):
    source = tmp_path / "p.jpg"
    source.write_bytes(PNG)

    folder = db.attachments_dir / "走访照片"
    copied_before_commit = []

    def failing_commit(session):
        copied_before_commit.extend(folder.iterdir())
        raise RuntimeError("the disk is full when the transaction commits, after the copy")

    monkeypatch.setattr(AuditedSession, "commit", failing_commit)
    with pytest.raises(RuntimeError):
        save_activity(db, ActivityInput(date=TODAY, kind="入户走访", deputy_ids=ids["deputies"][:1],
                                        new_photos=[source]), TODAY)
    monkeypatch.undo()
    assert len(copied_before_commit) == 1 and not any(folder.iterdir())


def test_a_file_that_is_not_a_photo_is_refused(db, ids, tmp_path):
    document = tmp_path / "名单.xlsx"
    document.write_bytes(b"x")
    with pytest.raises(ActivityInputError, match="不是照片") as refused:
        record(db, ids, new_photos=[document])
    assert refused.value.field == "photos"


def test_deleting_an_activity_keeps_the_opinions_raised_there(db, ids):
    activity_id = record(db, ids)
    opinion = register_opinion(db, OpinionForm(received_on=TODAY - DAY, channel="走访", content="路灯坏了",
                                               activity_id=activity_id), TODAY)
    assert activity_detail(db, activity_id).opinions == [(opinion.serial, opinion.status)]
    delete_activity(db, activity_id)
    with db.session() as session:
        kept = session.get(Opinion, opinion.id)
        assert kept is not None and kept.activity_id is None


def test_filters_and_their_totals(db, ids):
    a, b, c = ids["deputies"]
    record(db, ids, date=TODAY - 40 * DAY, kind="入户走访", deputy_ids=[a, b], residents_contacted=5)
    record(db, ids, date=TODAY - 10 * DAY, kind="议事会", deputy_ids=[a, b, c], residents_contacted=12,
           grid_id=ids["grids"][1])
    record(db, ids, date=TODAY - 2 * DAY, kind="入户走访", deputy_ids=[c], residents_contacted=3, grid_id=None)

    def totals(**where):
        return activity_totals(list_activities(db, **where))

    assert totals() == (3, 6, 20)
    assert totals(start=TODAY - 10 * DAY, end=TODAY) == (2, 4, 15)
    assert totals(end=TODAY - 11 * DAY) == (1, 2, 5)
    assert totals(kind="入户走访") == (2, 3, 8)
    assert totals(deputy_id=a) == (2, 5, 17)       # 人次 counts every deputy of the activity
    assert totals(deputy_id=c, kind="议事会") == (1, 3, 12)
    assert totals(grid_id=ids["grids"][1]) == (1, 3, 12)
    dates = [row.date for row in list_activities(db)]
    assert dates == sorted(dates, reverse=True)
    assert activity_totals([]).describe() == "活动 0 次，代表 0 人次，联系群众 0 人次"


def test_totals_on_the_demo_match_the_database(tmp_path):
    with Database.open(tmp_path / "演示.sqlite") as db:
        build_demo(db, today=TODAY)
        totals = activity_totals(list_activities(db))
        with db.session() as session:
            links = session.exec(select(func.count()).select_from(ActivityDeputyLink)).one()
            residents = session.exec(select(func.sum(Activity.residents_contacted))).one()
            activities = session.exec(select(func.count(Activity.id))).one()
    assert totals == (activities, links, residents)
