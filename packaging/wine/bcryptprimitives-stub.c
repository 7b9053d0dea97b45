/* A stand-in for Windows' bcryptprimitives.dll, for the Wine build prefix only (never shipped).

   Programs built with Rust 1.78 or later (pydantic_core, cryptography's _rust) import
   ProcessPrng from bcryptprimitives.dll, which Windows 10 has and Wine 8 does not: without it
   they fail to load under Wine ("DLL load failed ... Module not found"), so PyInstaller's
   hooks cannot import them and `selftest` cannot run. ProcessPrng fills a buffer with random
   bytes and always succeeds; here it asks bcrypt.dll's system-preferred generator.

   Built by packaging/build-windows.sh with x86_64-w64-mingw32-gcc (-lbcrypt) into
   $WINEPREFIX/drive_c/windows/system32/. PyInstaller does not collect DLLs from the Windows
   folder. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
