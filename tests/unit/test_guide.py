"""The first-run guide's services: what an office still lacks, a station saved with its rule before
it has deputies, deputies placed into their station's pool, the month a first schedule is for."""
import datetime as dt

import pytest

from gridoffice.domain.errors import FieldError
from gridoffice.services.office.guide import (default_rule, guide_status, mark_notice_done, next_unplanned_month,
                                              place_deputies, save_station_with_rule)
from gridoffice.services.office.setup import create_empty_office
from gridoffice.services.office.stations import StationForm
from gridoffice.services.reception.days import read_rule
from gridoffice.services.reception.schedule import generate_plan, load_rules, month_range, save_plan
from gridoffice.services.roster.deputies import DeputyData, create_deputy

TODAY = dt.date(2026, 12, 10)


def test_an_empty_database_lacks_everything_and_says_so_in_the_guides_words(db):
    assert guide_status(db, TODAY).sentence() == "还差：办公室名称、联络站、接待规则、代表、排班"
    create_empty_office(db, "东城街道人大工委")
    assert guide_status(db, TODAY).sentence() == "还差：联络站、接待规则、代表、排班、第一张公告"


def test_the_steps_fill_in_one_by_one(db):
    create_empty_office(db, "东城街道人大工委")
    station = save_station_with_rule(db, None, StationForm("东城街道人大代表联络站"),
                                     default_rule("东城街道人大代表联络站"))
    rule = read_rule(db, station)
    assert (rule.place, rule.pool, rule.per_day) == ("东城街道人大代表联络站接待室", (), 2)
    assert guide_status(db, TODAY).missing() == ["deputies", "schedule", "notice"]
    for name in ("王建国", "李秀英", "张伟"):
        create_deputy(db, DeputyData(name=name, levels="区"), today=TODAY)
    placed = place_deputies(db, station)
    assert (placed.attached, placed.pooled) == (3, 3)
    assert placed.describe("中心站") == "3 名代表进了“中心站”，3 人次进入接待代表库"
    assert len(read_rule(db, station).pool) == 3
    assert guide_status(db, TODAY).missing() == ["schedule", "notice"]
    month = next_unplanned_month(db, TODAY)
    assert month == dt.date(2027, 1, 1)
    save_plan(db, generate_plan(db, *month_range(month, 1)))
    assert guide_status(db, TODAY).missing() == ["notice"]
    assert next_unplanned_month(db, TODAY) == dt.date(2027, 2, 1)   # January is planned now
    mark_notice_done(db, TODAY)
    assert guide_status(db, TODAY).complete and guide_status(db, TODAY).sentence() == ""


def test_placing_leaves_a_pool_the_clerk_chose_alone(db):
    create_empty_office(db, "东城街道人大工委")
    station = save_station_with_rule(db, None, StationForm("西城片区联络站"), default_rule("西城片区联络站"))
    ids = [create_deputy(db, DeputyData(name=n, levels="区", station_id=station), today=TODAY) for n in "甲乙丙"]
    assert place_deputies(db, None).pooled == 3
    rule = read_rule(db, station)
    from dataclasses import replace

    from gridoffice.services.reception.days import save_rule

    save_rule(db, replace(rule, pool=tuple(ids[:2])))
    create_deputy(db, DeputyData(name="丁", levels="区", station_id=station), today=TODAY)
    assert place_deputies(db, None).pooled == 0 and read_rule(db, station).pool == tuple(ids[:2])


def test_a_rule_without_a_place_is_refused_and_nothing_is_saved(db):
    create_empty_office(db, "东城街道人大工委")
    with pytest.raises(FieldError) as refused:
        save_station_with_rule(db, None, StationForm("西城片区联络站"), default_rule(""))
    assert refused.value.field == "place"
    assert guide_status(db, TODAY).stations == 0 and load_rules(db) == []


def test_a_station_without_reception_days_loses_its_rule(db):
    create_empty_office(db, "东城街道人大工委")
    station = save_station_with_rule(db, None, StationForm("法律服务专业联络站", scope="专业"), default_rule("法律服务专业联络站"))
    save_station_with_rule(db, station, StationForm("法律服务专业联络站", scope="专业"), None)
    assert load_rules(db) == [] and [gap.name for gap in guide_status(db, TODAY).without_rule] == ["法律服务专业联络站"]
