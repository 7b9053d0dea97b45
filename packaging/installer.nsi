; gridoffice installer: per user, no administrator rights, Chinese pages.
;
;   makensis -DVERSION=0.1.0 -DDIST=dist/gridoffice -DOUTFILE=packaging/out/gridoffice-setup-0.1.0.exe packaging/installer.nsi
;
; DIST is the PyInstaller one-folder output (gridoffice.exe, gridoffice-cli.exe, _internal\).
; -DFAST stores the files uncompressed (CI only checks that the script compiles).
;
; What it does (packaging/README.md has the checks):
; - installs into %LOCALAPPDATA%\Programs\gridoffice (the per-user programs folder), registers
;   under HKCU only, Start-menu and desktop shortcuts, and .gobak files opening with
;   `gridoffice.exe "<file>"`;
; - never touches the data folder %LOCALAPPDATA%\gridoffice: an upgrade replaces only the
;   program files and the program migrates its database when it next opens it;
; - the uninstaller keeps the data folder unless the clerk ticks 删除数据文件夹 (or IT passes
;   /REMOVEDATA to a silent uninstall).
;
; Silent use (IT, and packaging/build-windows.sh under Wine):
;   gridoffice-setup-X.exe /S [/D=C:\path without quotes, last]
;   "%LOCALAPPDATA%\Programs\gridoffice\uninstall.exe" /S [/REMOVEDATA]

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z (gridoffice.__version__)"
!endif
!ifndef DIST
  !define DIST "..\dist\gridoffice"
!endif
!ifndef OUTFILE
  !define OUTFILE "gridoffice-setup-${VERSION}.exe"
!endif
!ifndef ICON
  !define ICON "..\resources\icons\gridoffice.ico"
!endif
; a four-part numeric version for the file properties (0.1.0 -> 0.1.0.0)
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif

!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 64
!endif

!define APP_NAME "gridoffice"
!define APP_TITLE "人大工委网格履职台账"
!define PUBLISHER "街道人大工委"
!define APP_EXE "gridoffice.exe"
!define CLI_EXE "gridoffice-cli.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
!define APP_KEY "Software\${APP_NAME}"
!define PROG_ID "gridoffice.backup"
!define BACKUP_EXT ".gobak"
; platformdirs.user_data_dir("gridoffice", appauthor=False, roaming=False) on Windows
!define DATA_DIR "$LOCALAPPDATA\${APP_NAME}"

Name "${APP_TITLE}"
Caption "${APP_TITLE} ${VERSION} 安装"
UninstallCaption "${APP_TITLE} 卸载"
OutFile "${OUTFILE}"
BrandingText "${APP_TITLE} ${VERSION}"
InstallDir ""
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
ShowInstDetails hide
ShowUninstDetails hide

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_TITLE}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_TITLE} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${PUBLISHER}内部使用"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"
!include "WinCore.nsh"
!include "Integration.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

!define MUI_WELCOMEPAGE_TITLE "欢迎安装 ${APP_TITLE}"
!define MUI_WELCOMEPAGE_TEXT "将为当前 Windows 用户安装 ${APP_TITLE} ${VERSION}，不需要管理员权限。$\r$\n$\r$\n如果以前装过，本次安装会替换程序文件，代表名册、走访记录等数据保留不动，程序下次打开时会自动升级数据。$\r$\n$\r$\n请先关闭正在运行的本程序，然后点“下一步”。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开 ${APP_TITLE}"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从这台电脑上卸载 ${APP_TITLE}。数据文件夹（代表名册、走访记录、本机备份）默认保留，下一页可以选择是否删除。"
!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "数据文件夹（代表、网格、走访、民情数据和本机备份）默认保留：以后重新安装，数据还在。只有确定不再需要这些数据、并且已经备份到U盘时，才勾选删除。"
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "SimpChinese"

LangString MsgRunning ${LANG_SIMPCHINESE} "${APP_TITLE} 正在运行。$\r$\n$\r$\n请先在程序里保存并关闭它，然后点“重试”。"
LangString MsgNeeds64 ${LANG_SIMPCHINESE} "${APP_TITLE} 需要 64 位的 Windows 10（1809 或更新版本）或 Windows 11。"
LangString MsgNeedsWin10 ${LANG_SIMPCHINESE} "${APP_TITLE} 需要 Windows 10 1809 或更新版本（或 Windows 11）。这台电脑的 Windows 版本太旧，无法安装。"
LangString MsgRemoveData ${LANG_SIMPCHINESE} "确定要删除数据文件夹吗？$\r$\n$\r$\n${DATA_DIR}$\r$\n$\r$\n其中的代表名册、网格、走访记录、民情意见和本机备份都会被删除，无法恢复。U盘上的备份不受影响。"

; ---------------------------------------------------------------------------------------------

; Delete the two programs; Windows refuses while one of them runs. Asks the clerk to close it.
!macro CloseProgramFirst
  ${Do}
    ClearErrors
    ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
      Delete "$INSTDIR\${APP_EXE}"
    ${EndIf}
    ${If} ${FileExists} "$INSTDIR\${CLI_EXE}"
      Delete "$INSTDIR\${CLI_EXE}"
    ${EndIf}
    ${IfNot} ${Errors}
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MsgRunning)" /SD IDCANCEL IDRETRY +2
    Abort
  ${Loop}
!macroend

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "$(MsgNeeds64)" /SD IDOK
    Abort
  ${EndIf}
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} 17763
    MessageBox MB_ICONSTOP|MB_OK "$(MsgNeedsWin10)" /SD IDOK
    Abort
  ${EndIf}
  ${If} $INSTDIR == ""   ; neither /D= nor an earlier installation
    GetKnownFolderPath $INSTDIR ${FOLDERID_UserProgramFiles}   ; %LOCALAPPDATA%\Programs
    ${If} $INSTDIR == ""
      StrCpy $INSTDIR "$LOCALAPPDATA\Programs"
    ${EndIf}
    StrCpy $INSTDIR "$INSTDIR\${APP_NAME}"
  ${EndIf}
FunctionEnd

Section "程序文件（必需）" SecProgram
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  !insertmacro CloseProgramFirst
  ; an upgrade: the earlier version's libraries go (a Qt plugin left from another version may
  ; be loaded by the new Qt); only this folder, never the data folder
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_TITLE}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0

  ; .gobak backups open with the program, which offers to verify or restore them
  WriteRegStr HKCU "Software\Classes\${BACKUP_EXT}" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\${BACKUP_EXT}" "Content Type" "application/x-gridoffice-backup"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "${APP_TITLE} 备份文件"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open" "" "用 ${APP_TITLE} 检查或恢复"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  ${NotifyShell_AssocChanged}

  CreateShortcut "$SMPROGRAMS\${APP_TITLE}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "${APP_TITLE}"
SectionEnd

Section "桌面快捷方式" SecDesktop
  SetShellVarContext current
  SetOutPath "$INSTDIR"   ; the shortcut's working folder
  CreateShortcut "$DESKTOP\${APP_TITLE}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "${APP_TITLE}"
SectionEnd

; ---------------------------------------------------------------------------------------------

Section "un.程序文件、快捷方式和文件关联" SecUnProgram
  SectionIn RO
  SetShellVarContext current
  !insertmacro CloseProgramFirst
  ; only what the installer put here: a folder the clerk chose may hold other files
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"

  ${UnpinShortcut} "$SMPROGRAMS\${APP_TITLE}.lnk"
  Delete "$SMPROGRAMS\${APP_TITLE}.lnk"
  Delete "$DESKTOP\${APP_TITLE}.lnk"

  ReadRegStr $0 HKCU "Software\Classes\${BACKUP_EXT}" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegKey HKCU "Software\Classes\${BACKUP_EXT}"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  ${NotifyShell_AssocChanged}
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "${APP_KEY}"
SectionEnd

Section /o "un.同时删除数据文件夹（无法恢复）" SecUnData
  SetShellVarContext current
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/REMOVEDATA" $1
  ${If} ${Errors}   ; ticked on the page, not asked for on the command line: make sure
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(MsgRemoveData)" /SD IDNO IDYES +2
    Return
  ${EndIf}
  RMDir /r "${DATA_DIR}"
SectionEnd

; after the sections: it selects SecUnData
Function un.onInit
  SetShellVarContext current
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/REMOVEDATA" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecUnData}
  ${EndIf}
FunctionEnd
