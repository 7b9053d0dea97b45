#!/usr/bin/env bash
# CI's check of the frozen program (called by .ci/run, with the test venv active; about 2 min):
# build the Linux one-folder program from packaging/gridoffice.spec into a folder whose name
# has Chinese characters and spaces, then run it as the clerk and IT would, with a data folder
# named the same way: --version, selftest, demo, an Excel export, a PDF, a backup to a
# "USB stick" and its verify, the window offscreen on the demo office (painted, tabs filled,
# no error box), a first start on an empty data folder (the first-start dialog), and
# `makensis` on packaging/installer.nsi (uncompressed: only whether it compiles). So a missing
# data file, hidden import or bad exclude in the spec fails CI, not the clerk's PC.
#
#   bash packaging/ci-frozen-check.sh          # PYTHON=... to use another interpreter
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python}
WORK=$ROOT/build/frozen-check
TOOLS=$ROOT/build/pyinstaller-tools   # PyInstaller beside, not inside, the test venv
PYINSTALLER_VERSION=$(grep -E '^pyinstaller==' "$ROOT/packaging/requirements-windows-build.txt" | cut -d= -f3)
HOOKS_VERSION=$(grep -E '^pyinstaller-hooks-contrib==' "$ROOT/packaging/requirements-windows-build.txt" | cut -d= -f3)
export QT_QPA_PLATFORM=offscreen

fail() { echo "frozen check FAILED: $*" >&2; exit 1; }
started=$(date +%s)
elapsed() { echo "$(( $(date +%s) - started )) s"; }

if ! command -v makensis >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nsis >/dev/null
fi
if ! PYTHONPATH=$TOOLS "$PYTHON" -c "import PyInstaller, sys; sys.exit(PyInstaller.__version__ != '$PYINSTALLER_VERSION')" 2>/dev/null; then
  rm -rf "$TOOLS"
  # --no-deps: the venv's own packaging (and setuptools) stay the ones requirements.lock tested
  extra=""; "$PYTHON" -c "import setuptools" 2>/dev/null || extra="setuptools"
  "$PYTHON" -m pip install -q --disable-pip-version-check --no-deps --target "$TOOLS" \
    "pyinstaller==$PYINSTALLER_VERSION" "pyinstaller-hooks-contrib==$HOOKS_VERSION" \
    "$(grep -E '^altgraph==' "$ROOT/packaging/requirements-windows-build.txt")" $extra
fi

rm -rf "$WORK"
DIST="$WORK/冒烟 构建"
echo "frozen check: PyInstaller $PYINSTALLER_VERSION, packaging/gridoffice.spec -> $DIST"
(cd "$ROOT" && PYTHONPATH=$TOOLS nice -n 5 "$PYTHON" -m PyInstaller --noconfirm --log-level ERROR \
  --distpath "$DIST" --workpath "$WORK/pyinstaller" packaging/gridoffice.spec) || fail "PyInstaller"
APP="$DIST/gridoffice"
echo "frozen check: built in $(elapsed), $(du -sm "$APP" | cut -f1) MB"

# what the spec must keep, and what it must leave out
for path in resources/fonts/wqy-microhei.ttc resources/fonts/LXGWWenKai-Regular.ttf resources/icons/gridoffice.ico \
            gridoffice/db/migrations/env.py gridoffice/db/migrations/script.py.mako \
            PySide6/Qt/translations/qtbase_zh_CN.qm; do
  [ -e "$APP/_internal/$path" ] || fail "missing from the bundle: $path"
done
[ -n "$(ls "$APP"/_internal/gridoffice/db/migrations/versions/0*.py)" ] || fail "no migration scripts in the bundle"
ls "$APP"/_internal/_rl_accel.* >/dev/null 2>&1 || fail "ReportLab's accelerator (_rl_accel) is missing from the bundle"
unwanted=$(cd "$APP/_internal" && find . \( -iname '*Qt6Quick*' -o -iname '*Qt6Qml*' -o -iname '*VirtualKeyboard*' \
  -o -iname '*WebEngine*' -o -iname '*Qt6Charts*' -o -path '*qt_material/fonts*' -o -iname 'opengl32sw*' \
  -o \( -path '*/translations/*.qm' ! -name '*_zh_CN.qm' \) \) -print | head -5)
[ -z "$unwanted" ] || fail "the bundle has what the spec drops: $unwanted"

# run it as the clerk would: the data folder and the files named in Chinese, with spaces
export GRIDOFFICE_DATA_DIR="$WORK/数据 文件夹"
OUTPUT="$WORK/导出 文件"
mkdir -p "$OUTPUT"
cli() { "$APP/gridoffice-cli" "$@"; }
cli --version
cli selftest || fail "selftest"
cli demo >/dev/null || fail "demo"
DEMO_DB="$GRIDOFFICE_DATA_DIR/demo-office.sqlite"
cli export deputies --db "$DEMO_DB" "$OUTPUT/代表 名册.xlsx" >/dev/null || fail "export deputies"
cli print roster --db "$DEMO_DB" -o "$OUTPUT/代表 名册.pdf" >/dev/null || fail "print roster"
if command -v pdffonts >/dev/null 2>&1; then   # the bundled font found and embedded by the frozen program
  fonts=$(pdffonts "$OUTPUT/代表 名册.pdf" | tail -n +3)
  echo "$fonts" | grep -qE 'NotoSerifSC.* yes +yes' || fail "the bundled Song face is not embedded in the PDF"
  echo "$fonts" | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit bad }' || fail "a font of the PDF is not embedded"
fi
mkdir -p "$WORK/U盘 备份"   # the stick is plugged in: backup refuses a missing folder
cli backup --db "$DEMO_DB" --to "$WORK/U盘 备份" >/dev/null || fail "backup"
gobak=$(find "$WORK/U盘 备份" -name '*.gobak' | head -1)
[ -n "$gobak" ] || fail "the backup wrote no .gobak"
cli verify "$gobak" >/dev/null || fail "verify $gobak"

# the window, offscreen (packaging/smoke_hook.py): the demo office paints, the tabs fill for 3 s
gui_output=$(GRIDOFFICE_SMOKE=3000 timeout 120 "$APP/gridoffice" --demo 2>&1) || fail "the window on the demo office: $gui_output"
echo "$gui_output" | grep -q '^painted' || fail "the main window never painted: $gui_output"
! echo "$gui_output" | grep -E '^dialog QMessageBox' | grep -qE '错误|失败|无法' || fail "an error box: $gui_output"
echo "frozen check: window painted after $(echo "$gui_output" | awk '/^painted/ {print $2}') s (offscreen)"
! grep -E ' (ERROR|CRITICAL) ' "$GRIDOFFICE_DATA_DIR/gridoffice.log" 2>/dev/null || fail "errors in gridoffice.log"

# a first start: an empty data folder gets the first-start dialog (the hook closes it)
first=$(GRIDOFFICE_DATA_DIR="$WORK/新 电脑/数据" GRIDOFFICE_SMOKE=0 timeout 60 "$APP/gridoffice" 2>&1) || fail "first start: $first"
echo "$first" | grep -q '^dialog FirstStartDialog' || fail "no first-start dialog on an empty data folder: $first"

# a backup double-clicked on the stick: the window opens on the office and offers to check or restore it
opened=$(GRIDOFFICE_SMOKE=3000 timeout 120 "$APP/gridoffice" --db "$DEMO_DB" "$gobak" 2>&1) || fail "a .gobak argument: $opened"
echo "$opened" | grep -q '^dialog QMessageBox 打开备份文件' || fail "no offer for the .gobak argument: $opened"

# the installer script compiles (files stored, not compressed: this is only about the script)
VERSION=$(cli --version | awk '{print $2}')
makensis -V2 -DFAST -DVERSION="$VERSION" -DDIST="$APP" -DOUTFILE="$WORK/installer-check.exe" \
  "$ROOT/packaging/installer.nsi" || fail "makensis packaging/installer.nsi"
[ -s "$WORK/installer-check.exe" ] || fail "makensis wrote no installer"
rm -rf "$WORK"
echo "frozen check: passed in $(elapsed)"
