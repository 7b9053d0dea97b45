"""The shared deputy picker: search by name, pinyin and initials; selection survives filtering."""
from PySide6.QtCore import Qt

from gridoffice.gui import create_application
from gridoffice.services.common.pinyin import pinyin_of
from gridoffice.widgets.deputy_picker import DeputyPicker
from gridoffice.services.common.lookups import DeputyChoice


def _choice(id_: int, name: str) -> DeputyChoice:
    full, initials = pinyin_of(name)
    return DeputyChoice(id_, name, full, initials, "区", "中心站", "在任")


def _visible(picker: DeputyPicker) -> list[str]:
    return [picker.list.item(i).text().split("　")[0] for i in range(picker.list.count())
            if not picker.list.item(i).isHidden()]


def test_search_by_initials_pinyin_and_name(qtbot):
    create_application()
    picker = DeputyPicker()
    qtbot.addWidget(picker)
    picker.set_choices([_choice(1, "张利霞"), _choice(2, "李明"), _choice(3, "刘䶮")], selected=[2])
    qtbot.keyClicks(picker.search_box, "zlx")
    assert _visible(picker) == ["张利霞"]
    picker.search_box.setText("liuyan")
    assert _visible(picker) == ["刘䶮"]
    picker.search_box.setText("䶮")
    assert _visible(picker) == ["刘䶮"]
    picker.list.item(2).setCheckState(Qt.CheckState.Checked)
    picker.search_box.clear()
    assert picker.selected_ids() == [2, 3]
    assert picker.summary.text() == "已选 2 人：李明、刘䶮"


def test_single_choice_unchecks_the_others(qtbot):
    create_application()
    picker = DeputyPicker(single=True)
    qtbot.addWidget(picker)
    picker.set_choices([_choice(1, "张利霞"), _choice(2, "李明")], selected=[1])
    picker.list.item(1).setCheckState(Qt.CheckState.Checked)
    assert picker.selected_ids() == [2]
