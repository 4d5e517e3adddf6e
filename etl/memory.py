"""Reference structures that live as long as the process, kept out of the cyclic garbage collector's way.

The extractor's lookup index and the GeoNames name indexes hold about two million Python objects that are
never freed. Each full collection walks every tracked object, and the allocations of a long ingest trigger
one every few articles: walking those two million objects cost more than the extraction itself.
``gc.freeze()`` moves every object alive now into a generation the collector leaves alone; objects freed by
their reference count are still freed as usual. At exit they are handed back, so that the interpreter's
last collection sees them (compiled bindings such as DuckDB's report objects still alive then as leaks).
"""
import atexit
import gc
from functools import cache


@cache
def _hand_back_at_exit() -> None:
    atexit.register(gc.unfreeze)


def settle_long_lived(collect: bool = False) -> None:
    """Freeze what is alive now; with collect, first clear the garbage that loading left behind."""
    _hand_back_at_exit()
    if collect:
        gc.collect()
    gc.freeze()
