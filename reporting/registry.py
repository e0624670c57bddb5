"""Registry of named metrics: period → number, computed from the system's own data.

Apps register metrics in a ``metrics.py`` module (autodiscovered when the reporting app is ready)::

    from reporting.registry import register_metric

    @register_metric("triage.beslissingen", label="Triagebesluiten", unit="zaken", params=("bord",))
    def triage_decisions(start: datetime, end: datetime, *, bord: str) -> int: ...

``start`` and ``end`` are timezone-aware datetimes at local midnight (Europe/Amsterdam); the period is
half-open: ``start <= t < end``. Metrics return aggregate numbers only, never personal data.

A *breakdown* is a metric that returns ``{label: number}`` for one period, e.g. aanmeldingen per aanbrengende
partner. Labels are names of organisations, gemeenten or code-list values, never of persons::

    @register_breakdown("triage.aanmeldingen_per_partner", label="Aanmeldingen per aanbrengende partner",
                        unit="aanmeldingen")
    def per_partner(start: datetime, end: datetime) -> dict[str, int]: ...
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
    breakdown: bool = False
    # What exactly is counted, in Dutch; printed as a footnote under the report's tables.
    definition: str = ""
    # A stock (stand: e.g. cases under regie) is judged differently from a flow (stroom: e.g. aanmeldingen).
    stock: bool = False

    def compute(self, start: datetime, end: datetime, **params: str) -> Number | dict[str, Number]:
        unknown = set(params) - set(self.params)
        missing = set(self.params) - set(params)
        if unknown or missing:
            raise ValueError(f"metric {self.key}: unknown params {sorted(unknown)}, missing {sorted(missing)}")
        return self.fn(start, end, **params)


_REGISTRY: dict[str, Metric] = {}


def register_metric(
    key: str,
    *,
    label: str,
    unit: str,
    params: tuple[str, ...] = (),
    breakdown: bool = False,
    definition: str = "",
    stock: bool = False,
) -> Callable:
    """``definition``: what is counted, for the report's footnotes (default: the first paragraph of the
    function's docstring). ``stock``: the metric counts what is present in a period (cases under regie), not
    what happened in it; the report then does not expect a pro-rata share of the year."""

    def decorator(fn: Callable[..., Number]) -> Callable[..., Number]:
        if key in _REGISTRY and _REGISTRY[key].fn is not fn:
            raise ValueError(f"metric {key} registered twice")
        _REGISTRY[key] = Metric(
            key=key,
            label=str(label),
            unit=str(unit),
            fn=fn,
            params=tuple(params),
            breakdown=breakdown,
            definition=str(definition) or _first_paragraph(fn.__doc__),
            stock=stock,
        )
        return fn

    return decorator


def _first_paragraph(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def register_breakdown(
    key: str, *, label: str, unit: str, params: tuple[str, ...] = (), definition: str = ""
) -> Callable:
    """Register a metric that returns ``{label: number}`` for a period."""
    return register_metric(key, label=label, unit=unit, params=params, breakdown=True, definition=definition)


def unregister_metric(key: str) -> None:
    """Remove a metric (tests register fake metrics and remove them again)."""
    _REGISTRY.pop(key, None)


def get_metric(key: str) -> Metric:
    return _REGISTRY[key]


def find_metric(key: str) -> Metric | None:
    """The metric, or None when no installed app registers it (yet)."""
    return _REGISTRY.get(key) if key else None


def all_metrics() -> dict[str, Metric]:
    return dict(_REGISTRY)
