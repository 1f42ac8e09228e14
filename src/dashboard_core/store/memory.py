"""Allocator settings for a long-running server that must give memory back after large views.

A whole country's evaluation reads, converts and concatenates a few hundred MB of short-lived
columns. By default each allocator involved keeps what it freed for later: glibc's malloc in one
arena per thread (Streamlit runs every session on its own thread), Arrow's mimalloc pool, and
DuckDB's own allocator (see db.connection). Measured on the national benchmark, the server then
stayed at about 800 MB long after the work was done; with the settings below it stays near what
the cached results actually hold. Nothing here changes results, only where freed memory goes.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
import threading

import pyarrow as pa

_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD, _M_ARENA_MAX = -1, -3, -8  # glibc mallopt parameters (malloc.h)
_ARENAS = 2
_MMAP_FROM = 256 * 1024  # a column of a few thousand rows or more: its own mapping, unmapped when freed
_TRIM_FROM = 1024 * 1024
_lock = threading.Lock()
_configured = False
_frozen_modules = 0  # how many modules were loaded when the long-lived objects were last frozen
_libc = None


def _glibc():
    global _libc
    if _libc is None:
        name = ctypes.util.find_library("c")
        try:
            libc = ctypes.CDLL(name) if name else None
            _libc = libc if libc is not None and hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else False
        except OSError:
            _libc = False  # not glibc (macOS, Windows, musl): the defaults stay
    return _libc or None


def configure() -> None:
    """Once per process, before the first large query."""
    global _configured
    with _lock:
        if _configured:
            return
        _configured = True
        # Arrow's buffers (pandas' text columns) through malloc, so that trimming returns them too
        pa.set_memory_pool(pa.system_memory_pool())
        libc = _glibc()
        if libc is not None:
            libc.mallopt(_M_ARENA_MAX, _ARENAS)  # a few shared arenas instead of one per session thread
            # fixed, not glibc's sliding threshold, which after the first large free keeps columns of
            # up to 32 MB on the heap, where they fragment it and are rarely returned
            libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_FROM)
            libc.mallopt(_M_TRIM_THRESHOLD, _TRIM_FROM)


def give_back() -> None:
    """Return freed memory to the operating system (after a large computation)."""
    pa.default_memory_pool().release_unused()
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


def settle() -> None:
    """At the end of a page run: free what the run left in reference cycles, then give it back.

    A page script's functions refer to the page's globals and the globals to the functions, so a
    run's frames (a country's tables among them) would wait for Python's occasional full collection.
    The objects that live as long as the process (modules, classes, the first run's caches) are
    frozen, so that this collection looks only at what runs have made since: about 10 ms instead of
    60 ms at national scale. They are frozen again when a run has loaded modules the first run did not
    (the plan page loads scipy, the file pages openpyxl): their functions and classes are some 40,000
    more objects that every later collection would otherwise look at again (~20 ms a run). Freezing
    happens a few times in a process's life, so what else was alive at those moments (and is kept
    from the cycle collector afterwards) stays bounded."""
    global _frozen_modules
    gc.collect()
    if len(sys.modules) > _frozen_modules:
        with _lock:
            if len(sys.modules) > _frozen_modules:
                gc.freeze()
                _frozen_modules = len(sys.modules)
    give_back()
