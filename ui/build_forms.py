"""Compile the Qt Designer forms: ui/NAME.ui → gridoffice/views/forms/ui_NAME.py.

    python ui/build_forms.py          # after editing a form in Qt Designer (pyside6-designer)

The generated classes are committed, so the program never loads .ui files at run time;
tests/unit/test_forms.py fails when a form and its generated class differ.
"""
import subprocess
import sys
import sysconfig
from pathlib import Path

UI_DIR = Path(__file__).resolve().parent
FORMS_DIR = UI_DIR.parent / "gridoffice" / "views" / "forms"


def uic_command() -> list[str]:
    """pyside6-uic of the running Python (its Scripts folder on Windows, bin elsewhere)."""
    name = "pyside6-uic.exe" if sys.platform == "win32" else "pyside6-uic"
    return [str(Path(sysconfig.get_path("scripts")) / name)]


def generated_name(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path) -> str:
    result = subprocess.run([*uic_command(), "-g", "python", str(ui_file)], capture_output=True, check=True)
    return result.stdout.decode("utf-8").replace("\r\n", "\n")


def ui_files() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def main() -> int:
    for ui_file in ui_files():
        generated_name(ui_file).write_text(compile_form(ui_file), encoding="utf-8", newline="\n")
        print(f"{ui_file.name} → {generated_name(ui_file).relative_to(UI_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
