"""Fixtures for the reporting tests: the real Jaarplan 2022, and fake metrics that stand in for the case core.

Fake metrics count fixture events (aware datetimes) in the half-open period, like the real ones must, and are
unregistered afterwards so no test depends on another app's models or leaks into another test.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from reporting import registry, services
from reporting.seeds import jaarplan_2022

AMS = ZoneInfo("Europe/Amsterdam")


def local(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


class FakeMetrics:
    """Register metrics backed by lists of event times; every registration is undone at teardown."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.calls: list[tuple] = []

    def events(self, key: str, times: list[datetime], *, params: tuple[str, ...] = (), by_param=None) -> None:
        """``times`` for a metric without params, or ``by_param`` = {param value: [times]} for one param."""

        def fn(start, end, **kwargs):
            self.calls.append((key, start, end, kwargs))
            source = by_param[next(iter(kwargs.values()))] if by_param is not None else times
            return sum(1 for t in source if start <= t < end)

        self._register(key, fn, params)

    def value(self, key: str, fn, *, params: tuple[str, ...] = (), breakdown: bool = False) -> None:
        self._register(key, fn, params, breakdown)

    def _register(self, key, fn, params, breakdown=False) -> None:
        registry.unregister_metric(key)
        registry.register_metric(key, label=f"Test {key}", unit="zaken", params=params, breakdown=breakdown)(fn)
        self.keys.append(key)

    def clear(self) -> None:
        for key in self.keys:
            registry.unregister_metric(key)


@pytest.fixture
def fake_metrics():
    """Removes the real metrics of other apps for the duration of the test, and restores them afterwards."""
    saved = registry.all_metrics()
    for key in saved:
        registry.unregister_metric(key)
    fake = FakeMetrics()
    yield fake
    fake.clear()
    registry._REGISTRY.update(saved)


@pytest.fixture
def jaarplan(db, fake_metrics):
    return services.jaarplan_load(data=jaarplan_2022)[0]


def activity(jaarplan, omschrijving: str):
    from reporting.models import Activiteit

    return Activiteit.objects.get(thema__ontwikkellijn__jaarplan=jaarplan, omschrijving=omschrijving)
