from ..facilitering.conftest import mark, mass, sec, sec2  # noqa: F401  (shared fixtures)
