"""Extraction worker processes that end with the loader that started them, however it ends.

A pool's workers outlive a loader killed with SIGKILL (they are re-parented to init and wait
for work forever). Each worker therefore asks the kernel for SIGKILL when its parent dies
(Linux `prctl(PR_SET_PDEATHSIG)`), and, where that is not available or the parent died before
the request, a daemon thread watches the parent's pid and ends the worker when it changes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5


def _ask_kernel_for_death_signal() -> bool:
    """On Linux, have the kernel send SIGKILL to this process when its parent exits."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    stopped = threading.Event()
    while not stopped.wait(WATCH_SECONDS):
        if os.getppid() != parent:
            os._exit(1)


def die_with_parent(parent: int) -> None:
    """Pool initializer: end this worker when the process `parent` is gone."""
    _ask_kernel_for_death_signal()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch",
                     daemon=True).start()


def extraction_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool of `workers` that die with this process."""
    # fork: the children inherit the loaded ontology and gazetteer instead of loading them
    # again; the parent has no threads yet (the pool starts before the progress bar).
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=die_with_parent, initargs=(os.getpid(),))
