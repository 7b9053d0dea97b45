"""ReportLab's paragraph module without the one regular expression it compiles for nothing.

`reportlab.platypus.paragraph` compiles `uri_pat`, a URL pattern case-insensitive over all of
Unicode, when it is imported: 20 ms, a twentieth of a `gridoffice print` command. ReportLab uses
it only to hyphenate a long URL in a Western paragraph (`_uri_split_pairs`), which no paper of the
office has. While that module is imported, the pattern is handed over uncompiled and compiled the
first time it is used; every other pattern is compiled as usual, and `re.compile` is the usual one
again once the module is loaded. Nothing changes where the module is already loaded, or when a
ReportLab version writes the pattern differently (it is then compiled at import, as before).

`install()` runs when `gridoffice.services` is imported, before any paper module imports ReportLab.
"""
import importlib.abc
import re
import sys

PARAGRAPH_MODULE = "reportlab.platypus.paragraph"
URI_PATTERN_START = r"(^(?:[a-z0-9\.\-\+]*)://)"   # how uri_pat begins (ReportLab 4 and 5)


class LazyPattern:
    """Stands for a compiled pattern and compiles it when it is first used."""

    def __init__(self, compile_now, pattern: str, flags: int):
        self._compile_now, self._source, self._compiled = compile_now, (pattern, flags), None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = self._compile_now(*self._source)
        return getattr(self._compiled, name)


class _ParagraphLoader(importlib.abc.Loader):
    """The module's own loader, with the URL pattern left uncompiled while its code runs."""

    def __init__(self, loader, finder: "_DeferUriPattern"):
        self._loader, self._finder = loader, finder

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        compile_now = re.compile

        def compile_later(pattern, flags=0):
            if isinstance(pattern, str) and pattern.startswith(URI_PATTERN_START):
                return LazyPattern(compile_now, pattern, flags)
            return compile_now(pattern, flags)

        re.compile = compile_later
        try:
            self._loader.exec_module(module)
        finally:
            re.compile = compile_now
            self._finder.remove()

    def __getattr__(self, name: str):   # get_source (tracebacks), is_package...: the module's loader answers
        return getattr(self._loader, name)


class _DeferUriPattern(importlib.abc.MetaPathFinder):
    """Finds the paragraph module through the finders after it (files, or a frozen build's archive)."""

    def find_spec(self, name, path, target=None):
        if name != PARAGRAPH_MODULE:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _ParagraphLoader(spec.loader, self)
                return spec
        return None

    def remove(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)


def install() -> None:
    if PARAGRAPH_MODULE in sys.modules or any(isinstance(f, _DeferUriPattern) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _DeferUriPattern())
