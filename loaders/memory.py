"""Hand freed memory back to the operating system while loading large tables.

Loading a folder allocates several short-lived copies of the big columns (the parsed CSV, the
trimmed cells, the typed values, hash tables for the checks). With pyarrow's default allocator
(mimalloc) and glibc's adaptive ``malloc``, the freed blocks stay in the process and the peak
RSS at country scale was 7–8× the folder's size; with arrow on the system allocator and large
blocks always mapped (so ``free`` unmaps them at once) it is about 4×, for a load about 15 %
slower (fresh pages to fault in; ``python -m benchmarks.run``, the README's Performance).
It changes the whole process, so no library call makes it: each entry point calls
:func:`return_freed_memory` once at its start (``dashboard.py``, the ``main`` of
``python -m loaders``, ``reports`` and ``storage``, the benchmark and ``tests/conftest.py``), so the
app, the command-line tools, the benchmark and the tests all load with the same settings.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache

import pyarrow as pa

#: glibc's ``mallopt`` parameter number for the mmap threshold (``M_MMAP_THRESHOLD``)
_M_MMAP_THRESHOLD = -3
#: blocks from this size on get their own mapping; setting it also switches off glibc's
#: adaptive threshold, which otherwise climbs to 32 MB and keeps such blocks on the heap
MMAP_THRESHOLD_BYTES = 256 * 1024


@cache
def return_freed_memory() -> bool:
    """Switch arrow to the system allocator and fix glibc's mmap threshold; once per process.

    Returns whether glibc took the setting (other C libraries are left as they are).
    """
    pa.set_memory_pool(pa.system_memory_pool())
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
    except (OSError, AttributeError):
        return False
