"""Designer forms: every ui/*.ui has its generated class committed, and the two agree."""
import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("build_forms", ROOT / "ui" / "build_forms.py")
build_forms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_forms)

UI_FILES = build_forms.ui_files()


def test_the_forms_folder_has_forms():
    assert len(UI_FILES) >= 1


@pytest.mark.skipif(not Path(build_forms.uic_command()[0]).exists() and not shutil.which("pyside6-uic"),
                    reason="pyside6-uic is not installed beside this Python")
@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda path: path.name)
def test_generated_class_matches_its_form(ui_file):
    generated = build_forms.generated_name(ui_file)
    assert generated.exists(), f"{generated.name} is missing: run python ui/build_forms.py"
    assert generated.read_text(encoding="utf-8") == build_forms.compile_form(ui_file), \
        f"{ui_file.name} changed since {generated.name} was generated: run python ui/build_forms.py"


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda path: path.name)
def test_every_field_has_a_label_with_a_shortcut(ui_file):
    """Tab order and & shortcuts are set in the form: each label with a buddy has an & key."""
    import xml.etree.ElementTree as ElementTree

    tree = ElementTree.parse(ui_file)
    for widget in tree.iter("widget"):
        props = {p.get("name"): p for p in widget.findall("property")}
        if widget.get("class") == "QLabel" and "buddy" in props:
            text = props["text"].findtext("string") or ""
            assert "&" in text, f"{ui_file.name}: label {widget.get('name')} has no & shortcut"
    assert tree.find("tabstops") is not None, f"{ui_file.name} sets no tab order"
