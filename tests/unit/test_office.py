"""Office settings and the empty office."""
import pytest
from sqlmodel import select

from gridoffice.domain import HouseholdCategory, OpinionCategory
from gridoffice.services.office.setup import (OfficeInputError, OfficeSettings, create_empty_office, is_set_up,
                                        read_office_settings, save_office_settings)
from gridoffice.services.common.pinyin import matches, pinyin_of


def test_empty_office_gets_its_name_and_default_lists(db):
    assert not is_set_up(db)
    create_empty_office(db, "  东城街道人大工委 ", "０３９５-1234567")
    settings = read_office_settings(db)
    assert is_set_up(db)
    with db.session() as session:
        assert settings.office_name == "东城街道人大工委"
        assert settings.hotline == "0395-1234567"
        assert "养老" in session.exec(select(OpinionCategory.name)).all()
        assert "独居老人" in session.exec(select(HouseholdCategory.name)).all()


@pytest.mark.parametrize("settings, field", [
    (OfficeSettings(""), "office_name"),
    (OfficeSettings("x" * 51), "office_name"),
    (OfficeSettings("东城", "热线"), "hotline"),
    (OfficeSettings("东城", "", "11:30-09:00"), "reception_time"),
    (OfficeSettings("东城", "", "25:00-26:00"), "reception_time"),
    (OfficeSettings("东城", "", "上午"), "reception_time"),
])
def test_bad_settings_are_refused_naming_the_field(db, settings, field):
    with pytest.raises(OfficeInputError) as error:
        save_office_settings(db, settings)
    assert error.value.field == field
    assert read_office_settings(db).office_name == ""


def test_settings_are_saved_normalised(db):
    save_office_settings(db, OfficeSettings("东城街道人大工委", "12345", "9:00～11:30", "中心站接待室"))
    assert read_office_settings(db) == OfficeSettings("东城街道人大工委", "12345", "09:00-11:30", "中心站接待室")


@pytest.mark.parametrize("query", ["张利霞", "zhanglixia", "zlx", "ZLX", "lixia", "利霞"])
def test_pinyin_search_finds_a_name(query):
    full, initials = pinyin_of("张利霞")
    assert matches(query, "张利霞", full, initials)


def test_pinyin_search_knows_surname_readings_and_misses():
    full, initials = pinyin_of("单雄信")
    assert matches("sxx", "单雄信", full, initials)
    assert not matches("zlx", "单雄信", full, initials)


def test_print_previews_are_cleared():
    from gridoffice.paths import clear_previews, preview_file

    preview = preview_file("交办单-2026-0001.pdf")
    preview.write_bytes(b"%PDF-1.4 resident details")
    clear_previews()
    assert not preview.exists()
    clear_previews()  # an empty or missing folder is fine
