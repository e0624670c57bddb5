"""The WSGI application a server loads sets the collector for serving (zvh.core.gcconfig)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from zvh.core import gcconfig

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc, json
before = gc.get_threshold()
import zvh.wsgi
print(json.dumps({"before": before, "after": gc.get_threshold(), "frozen": gc.get_freeze_count()}))
"""


def test_loading_the_wsgi_application_freezes_start_up_and_raises_the_young_threshold():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "zvh.settings.test"}
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    ).stdout
    state = json.loads(out.strip().splitlines()[-1])
    assert state["before"] != state["after"]  # the change is the module's
    assert state["after"] == [gcconfig.GEN0_THRESHOLD, gcconfig.GEN1_THRESHOLD, gcconfig.GEN2_THRESHOLD]
    # Django, the apps and the settings are loaded by then: tens of thousands of objects no collection walks again.
    assert state["frozen"] > 20_000
