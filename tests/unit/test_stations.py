"""联络站: the clerk adds, edits and deletes stations; every change is checked and audited."""
import pytest
from sqlmodel import select

from gridoffice.domain import AuditLog, Deputy, ReceptionRule, Station
from gridoffice.services.office.stations import StationForm, StationInputError, delete_station, list_stations, save_station


def _save(db, form: StationForm, station_id: int | None = None) -> int:
    return save_station(db, station_id, form)


def test_add_and_edit_a_station(db):
    station_id = _save(db, StationForm(" 东城街道人大代表联络站 ", "代表联络站", "东城路 1 号", "一楼接待室", "０３９５-1234567", scope="中心"))
    _save(db, StationForm("东城街道人大代表联络站（中心站）", "代表联络站", "东城路 1 号", "二楼接待室", "12345", scope="中心"), station_id)
    rows = list_stations(db)
    with db.session() as session:
        actions = session.exec(select(AuditLog.action).where(AuditLog.table_name == "station")).all()
    assert [(r.name, r.reception_room, r.phone) for r in rows] == [("东城街道人大代表联络站（中心站）", "二楼接待室", "12345")]
    assert actions == ["insert", "update"]


@pytest.mark.parametrize("form, field", [
    (StationForm(""), "name"),
    (StationForm("x" * 101), "name"),
    (StationForm("东城站", kind="总站"), "kind"),
    (StationForm("东城站", phone="电话"), "phone"),
])
def test_bad_input_names_the_field_and_saves_nothing(db, form, field):
    with pytest.raises(StationInputError) as error:
        _save(db, form)
    assert error.value.field == field
    with db.session() as session:
        assert session.exec(select(Station)).all() == []


def test_names_are_unique(db):
    _save(db, StationForm("西城片区联络站"))
    with pytest.raises(StationInputError, match="已经有名为“西城片区联络站”的联络站"):
        _save(db, StationForm("西城片区联络站", "联系点"))


def test_a_station_in_use_cannot_be_deleted_but_an_empty_one_can(db):
    used = _save(db, StationForm("南城片区联络站"))
    empty = _save(db, StationForm("北城联系点", "联系点"))
    with db.session() as session:
        session.add(Deputy(name="王秀英", levels="区", station_id=used))
        session.add(ReceptionRule(station_id=empty))
    with pytest.raises(StationInputError, match="还有 1 名代表，不能删除"):
        delete_station(db, used)
    delete_station(db, empty)
    with db.session() as session:
        assert session.exec(select(Station.name)).all() == ["南城片区联络站"]
        assert session.exec(select(ReceptionRule)).all() == []
