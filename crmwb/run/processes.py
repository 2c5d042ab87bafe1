"""How crmwb's own processes (the command, the local workers, the kernel server and the kernels
it forks) collect their garbage.

Python's cyclic garbage collector looks at the young objects every 700 allocations. Laying out
a report or a pack, WeasyPrint creates millions of short-lived boxes, and each look walks them
all: measured on the Northwind pack (52 pages), 8.1 to 8.8 s of CPU with Python's setting,
6.6 to 6.8 s looking every 50 000 allocations. Memory is still reclaimed as before (reference
counting frees nearly everything at once; the collector only finds cycles), a little later.
"""

from __future__ import annotations

import gc

YOUNG_OBJECTS = 50_000
"""Allocations between two looks of the collector at the young objects (Python's: 700)."""


def collect_garbage_for_batch_work() -> None:
    """Set this process's collector for batch work (see the module): the young generation is
    examined every :data:`YOUNG_OBJECTS` allocations, the older ones as Python does."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG_OBJECTS), middle, old)
