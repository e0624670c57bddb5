"""Headroom on CPython's frame stack for every request: a workaround for CPython issue gh-142183.

CPython keeps the frames of Python functions in chunks of 16 KiB. A call that needs a new chunk allocates one, and
the return that leaves it frees it again; in a loop that runs at exactly that depth, every iteration pays both
(for Django templates: every ``{% for %}`` row and every variable in it). Where the boundaries fall depends on how
deep a request is, so which page pays changes with any middleware or template include added. Measured on Mijn
werk: the afspraken panel took 36 ms to render inside a request and 9 ms outside it, at the same data.

``run_with_headroom`` runs the request inside a frame too large for the chunk in use: CPython starts a fresh chunk
for it (256 KiB), so the request runs with about 120 KiB of room (several hundred frames) and crosses no boundary.
Cost per request: one allocation and its release. Newer CPython keeps a spare chunk per thread (the upstream fix);
there this changes nothing.
"""

# 17,000 slots of 8 bytes: more than half of 256 KiB, so the chunk CPython allocates for this frame is 256 KiB and
# about 120 KiB of it is left for the request. The room is declared as evaluation stack, which CPython neither
# initialises nor uses beyond what the function needs: the pages are reserved, not touched (≈ 20 µs per request;
# as extra locals, which CPython sets to NULL on every call, it cost ≈ 0.1-0.4 ms).
HEADROOM_SLOTS = 17_000


def run_with_headroom(function, argument):
    """``function(argument)``, called from a frame with room for ``HEADROOM_SLOTS`` more values (see the module)."""
    return function(argument)


_code = run_with_headroom.__code__
run_with_headroom.__code__ = _code.replace(co_stacksize=_code.co_stacksize + HEADROOM_SLOTS)


class StackHeadroomMiddleware:
    """Outermost middleware: the rest of the request runs with room on the frame stack (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return run_with_headroom(self.get_response, request)
