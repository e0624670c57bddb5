"""The cyclic garbage collector for a long-running server process (gunicorn worker, in-process bench).

With CPython's default thresholds (700, 10, 10) a Mijn werk request of a busy procesregisseur starts about two
young-generation collections and, every thirty requests or so, a full collection that walks every object of the
process: ≈ 155,000 after start-up (modules, URLconf, templates, translations), 60-80 ms for one request (10k data
set, in-process; measured with ``gc.callbacks``). None of those start-up objects ever becomes garbage.

``tune_for_serving`` (once the application is loaded, before the first request):

- ``gc.freeze()`` moves everything alive at that moment into the permanent generation, so no collection walks it
  again (with a preloading server it also keeps the pages shared after fork, as the ``gc`` documentation advises);
- a young-generation threshold of ``GEN0_THRESHOLD`` allocations: a request's ORM rows and template nodes are freed
  by reference counting, and the collector then runs about once per thirty heavy requests instead of twice per
  request; cycles still get collected, just in larger batches.

Python 3.13 and later change the collector (incremental collection); these settings stay valid there.
"""

import gc

GEN0_THRESHOLD = 50_000
GEN1_THRESHOLD = 20
GEN2_THRESHOLD = 100


def tune_for_serving() -> None:
    gc.collect()  # what loading the application left behind, before freezing
    gc.freeze()
    gc.set_threshold(GEN0_THRESHOLD, GEN1_THRESHOLD, GEN2_THRESHOLD)
