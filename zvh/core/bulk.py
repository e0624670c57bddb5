"""Helpers for bulk generation of historic rows (scale data)."""

from contextlib import contextmanager


@contextmanager
def historic_timestamps(*fields):
    """Let bulk_create keep the given ``auto_now``/``auto_now_add`` values instead of stamping "now".

    ``fields`` are model fields (``Model._meta.get_field(name)``). Only for single-threaded generation commands.
    """
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    try:
        for f in fields:
            f.auto_now = f.auto_now_add = False
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def field(model, name: str):
    return model._meta.get_field(name)
