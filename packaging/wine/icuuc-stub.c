/* A stand-in for Windows' own icuuc.dll, for the Wine build prefix only (never shipped).

   Qt6Core.dll (Qt 6.7 and later) imports ICU's converter functions from the icuuc.dll that
   Windows 10 1703+ has in System32; Wine 8 has none, so python.exe cannot even import
   PySide6 under Wine. Qt uses these functions only for text codecs that it does not have
   built in (QStringConverter by name, e.g. "GBK"); gridoffice does not. Every function here
   fails the way ICU fails for a converter it does not know (U_UNSUPPORTED_ERROR), so Qt
   falls back as it would for an unknown codec.

   Built by packaging/build-windows.sh with x86_64-w64-mingw32-gcc into
   $WINEPREFIX/drive_c/windows/system32/icuuc.dll. PyInstaller does not collect DLLs from
   the Windows folder, and the real Windows 10/11 has its own icuuc.dll. */
#include <stddef.h>

typedef int UErrorCode;
typedef unsigned short UChar;
#define EXPORT __declspec(dllexport)
#define U_UNSUPPORTED_ERROR 16
#define FAIL(status) do { if ((status) != NULL && *(status) <= 0) *(status) = U_UNSUPPORTED_ERROR; } while (0)

EXPORT void *ucnv_open(const char *name, UErrorCode *status) { (void)name; FAIL(status); return NULL; }
EXPORT void ucnv_close(void *converter) { (void)converter; }
EXPORT void ucnv_reset(void *converter) { (void)converter; }
EXPORT signed char ucnv_getMaxCharSize(const void *converter) { (void)converter; return 4; }
EXPORT const char *ucnv_getName(const void *converter, UErrorCode *status) { (void)converter; FAIL(status); return ""; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *status)
{ (void)name; (void)standard; FAIL(status); return NULL; }
EXPORT const char *ucnv_getAvailableName(int index) { (void)index; return NULL; }
EXPORT int ucnv_countAvailable(void) { return 0; }

EXPORT void ucnv_getToUCallBack(const void *converter, void **action, const void **context)
{ (void)converter; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_getFromUCallBack(const void *converter, void **action, const void **context)
{ (void)converter; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_setToUCallBack(void *converter, void *action, const void *context, void **old_action,
                                const void **old_context, UErrorCode *status)
{ (void)converter; (void)action; (void)context; (void)old_action; (void)old_context; FAIL(status); }
EXPORT void ucnv_setFromUCallBack(void *converter, void *action, const void *context, void **old_action,
                                  const void **old_context, UErrorCode *status)
{ (void)converter; (void)action; (void)context; (void)old_action; (void)old_context; FAIL(status); }

EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *units, int length,
                                            int code_point, int reason, UErrorCode *status)
{ (void)context; (void)args; (void)units; (void)length; (void)code_point; (void)reason; FAIL(status); }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *bytes, int length,
                                          int reason, UErrorCode *status)
{ (void)context; (void)args; (void)bytes; (void)length; (void)reason; FAIL(status); }

EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int length, int offset, UErrorCode *status)
{ (void)args; (void)source; (void)length; (void)offset; FAIL(status); }
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit, int offset,
                                    UErrorCode *status)
{ (void)args; (void)source; (void)limit; (void)offset; FAIL(status); }

EXPORT void ucnv_toUnicode(void *converter, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int *offsets, signed char flush, UErrorCode *status)
{ (void)converter; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
  FAIL(status); }
EXPORT void ucnv_fromUnicode(void *converter, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int *offsets, signed char flush, UErrorCode *status)
{ (void)converter; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
  FAIL(status); }
EXPORT int ucnv_toUCountPending(const void *converter, UErrorCode *status) { (void)converter; FAIL(status); return 0; }
EXPORT int ucnv_fromUCountPending(const void *converter, UErrorCode *status) { (void)converter; FAIL(status); return 0; }
