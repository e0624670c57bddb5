"""Registry of named metrics: period → number, computed from the system's own data.

Apps register metrics in a ``metrics.py`` module (autodiscovered when the reporting app is ready)::

    from reporting.registry import register_metric

    @register_metric("triage.beslissingen", label="Triagebesluiten", unit="zaken", params=("bord",))
    def triage_decisions(start: datetime, end: datetime, *, bord: str) -> int: ...

``start`` and ``end`` are timezone-aware datetimes at local midnight (Europe/Amsterdam); the period is
half-open: ``start <= t < end``. Metrics return aggregate numbers only, never personal data.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

Number = int | Decimal


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str
    fn: Callable[..., Number]
    params: tuple[str, ...] = ()

    def compute(self, start: datetime, end: datetime, **params: str) -> Number:
        unknown = set(params) - set(self.params)
        missing = set(self.params) - set(params)
        if unknown or missing:
            raise ValueError(f"metric {self.key}: unknown params {sorted(unknown)}, missing {sorted(missing)}")
        return self.fn(start, end, **params)


_REGISTRY: dict[str, Metric] = {}


def register_metric(key: str, *, label: str, unit: str, params: tuple[str, ...] = ()) -> Callable:
    def decorator(fn: Callable[..., Number]) -> Callable[..., Number]:
        if key in _REGISTRY and _REGISTRY[key].fn is not fn:
            raise ValueError(f"metric {key} registered twice")
        _REGISTRY[key] = Metric(key=key, label=str(label), unit=str(unit), fn=fn, params=tuple(params))
        return fn

    return decorator


def get_metric(key: str) -> Metric:
    return _REGISTRY[key]


def all_metrics() -> dict[str, Metric]:
    return dict(_REGISTRY)
