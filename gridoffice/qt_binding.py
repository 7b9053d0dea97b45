"""A workaround for PySide6 6.12 on CPython 3.11: every Qt method that returns nothing drops a
reference to None it never took, and the process dies with "Fatal Python error: none_dealloc:
deallocating None" — at exit (the grid-tab tests, bench_map.py) or in the middle of the work.

The cause: PySide6 6.12.0's wheels are built once for the stable ABI (abi3) against CPython 3.12+
headers, where None is immortal (PEP 683) and `Py_RETURN_NONE` no longer counts a reference. On
3.11 each `QLabel.setText`, `QGraphicsItem.setVisible`, `QPointF.setX`... then takes one reference
from None; after some thousands of calls its count reaches zero. The same header skew in other abi3
wheels: vllm-project/vllm#49950; the same workaround: vllm-project/vllm-ascend#6441, and PyMuPDF#5043
on why only Python < 3.12 is hit. Nothing in our code can avoid it (every setter is affected).

The workaround makes None as good as immortal, as 3.12 does: its count is raised by 2**40, more
references than any session can drop. It is applied only where it is needed: Python before 3.12
and a Qt binding seen to drop references. The Windows program runs CPython 3.12: untouched there.
Every package of Qt code (gui, models, widgets, views) calls `keep_none_alive()` when imported.
"""
import sys

MARGIN = 1 << 40


def binding_drops_none() -> bool:
    """Whether a void Qt method takes a reference from None (measured on ten calls)."""
    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(10):
        point.setX(1.0)
    return sys.getrefcount(None) < before - 5


def keep_none_alive() -> bool:
    """Apply the workaround if this interpreter and binding need it; True if None's count was raised."""
    if sys.version_info >= (3, 12) or sys.getrefcount(None) > MARGIN // 2 or not binding_drops_none():
        return False
    import ctypes

    # ob_refcnt is the first field of every object (Py_ssize_t) in CPython's release builds
    count = ctypes.c_ssize_t.from_address(id(None))
    count.value += MARGIN
    return True
