"""Windows version information for gridoffice.exe and gridoffice-cli.exe, made from
gridoffice.__version__ when the spec runs (no hand-edited file to forget). Used by the spec."""
from PyInstaller.utils.win32.versioninfo import (FixedFileInfo, StringFileInfo, StringStruct, StringTable,
                                                  VarFileInfo, VarStruct, VSVersionInfo)

PRODUCT = "人大工委网格履职台账"
COMPANY = "街道人大工委"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); a suffix such as '0.2.0rc1' or '.dev3' is dropped."""
    numbers = []
    for part in version.split(".")[:4]:
        digits = "".join(ch for ch in part if ch.isdigit()) if part[:1].isdigit() else ""
        numbers.append(int(digits[:5] or 0))
        if not part.isdigit():
            break
    return tuple((numbers + [0, 0, 0, 0])[:4])


def version_info(version: str, *, exe_name: str, description: str) -> VSVersionInfo:
    numbers = version_tuple(version)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0, OS=0x40004,
                          fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[
            StringFileInfo([StringTable("080404b0", [   # zh-CN, Unicode
                StringStruct("CompanyName", COMPANY),
                StringStruct("FileDescription", description),
                StringStruct("FileVersion", version),
                StringStruct("InternalName", exe_name),
                StringStruct("OriginalFilename", f"{exe_name}.exe"),
                StringStruct("ProductName", PRODUCT),
                StringStruct("ProductVersion", version),
                StringStruct("LegalCopyright", f"{COMPANY}内部使用"),
            ])]),
            VarFileInfo([VarStruct("Translation", [0x0804, 1200])]),
        ],
    )
