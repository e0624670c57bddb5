"""Paths the settings modules need before ``base`` is imported."""

from pathlib import Path

BASE_DIR_FOR_DEFAULTS = Path(__file__).resolve().parent.parent.parent
(BASE_DIR_FOR_DEFAULTS / "var").mkdir(exist_ok=True)
