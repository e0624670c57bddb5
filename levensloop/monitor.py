"""The monitor of the levensloopaanpak: aggregate figures only, never a person (for the manager, the dashboard
and the quarterly PDF). Counts come from the same querysets as the jaarplan metrics (``metrics.py``)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from reporting.periods import quarter_end_day, quarter_start_day

from .choices import OPGENOMEN, UitstroomReden
from .models import Dossier, Review


def selecties(start: date, end: date) -> QuerySet[Dossier]:
    return Dossier.objects.filter(geselecteerd_op__gte=start, geselecteerd_op__lt=end)


def inclusies(start: date, end: date) -> QuerySet[Dossier]:
    """Taken into the approach by the inclusietafel in [start, end)."""
    return Dossier.objects.filter(status__in=OPGENOMEN, besloten_op__gte=start, besloten_op__lt=end)


def in_aanpak(start: date, end: date) -> QuerySet[Dossier]:
    """In the approach on some day of [start, end): included before the end, not flowed out before the start."""
    return Dossier.objects.filter(status__in=OPGENOMEN, besloten_op__lt=end).filter(
        Q(uitstroom_op__isnull=True) | Q(uitstroom_op__gte=start)
    )


def personen(start: date, end: date) -> int:
    return in_aanpak(start, end).values("persoon").distinct().count()


def reviews(start: date, end: date) -> QuerySet[Review]:
    return Review.objects.filter(gehouden_op__gte=start, gehouden_op__lt=end)


def uitstroom(start: date, end: date) -> QuerySet[Dossier]:
    return Dossier.objects.filter(uitstroom_op__gte=start, uitstroom_op__lt=end)


def te_laat_op(day: date) -> int:
    """Dossiers in the approach on ``day`` whose review planned at that moment lay before ``day``: reconstructed
    from the first review date and the reviews held up to that day (a later review does not undo a past delay)."""
    count = 0
    dossiers = in_aanpak(day, day + timedelta(days=1)).filter(besloten_op__lte=day).exclude(uitstroom_op__lte=day)
    for dossier in dossiers.only("eerste_review").prefetch_related("reviews"):
        held = [r for r in dossier.reviews.all() if r.gehouden_op <= day]
        due = max(held, key=lambda r: (r.gehouden_op, r.pk)).volgende_review if held else dossier.eerste_review
        if due is not None and due < day:
            count += 1
    return count


@dataclass
class QuarterRow:
    kwartaal: int
    selecties: int
    inclusies: int
    personen: int
    reviews: int
    te_laat: int
    uitstroom: int


@dataclass
class Monitor:
    jaar: int
    rows: list[QuarterRow]
    uitstroom_per_reden: list[tuple[str, int]] = field(default_factory=list)

    @property
    def totaal(self) -> dict[str, int]:
        year_start, year_end = date(self.jaar, 1, 1), quarter_end_day(self.jaar, self.rows[-1].kwartaal)
        return {
            "selecties": sum(r.selecties for r in self.rows),
            "inclusies": sum(r.inclusies for r in self.rows),
            "personen": personen(year_start, year_end),
            "reviews": sum(r.reviews for r in self.rows),
            "uitstroom": sum(r.uitstroom for r in self.rows),
        }


def monitor(jaar: int, tot_kwartaal: int = 4, *, today: date | None = None) -> Monitor:
    """Per quarter of ``jaar`` up to ``tot_kwartaal``: selections, inclusions, persons in the approach, reviews held,
    reviews overdue at the end of the quarter (or today, for the running quarter) and outflow."""
    today = today or timezone.localdate()
    rows = []
    for q in range(1, tot_kwartaal + 1):
        start, end = quarter_start_day(jaar, q), quarter_end_day(jaar, q)
        if start > today:
            break
        peildag = min(end - timedelta(days=1), today)
        rows.append(
            QuarterRow(
                kwartaal=q,
                selecties=selecties(start, end).count(),
                inclusies=inclusies(start, end).count(),
                personen=personen(start, end),
                reviews=reviews(start, end).count(),
                te_laat=te_laat_op(peildag),
                uitstroom=uitstroom(start, end).count(),
            )
        )
    end = quarter_end_day(jaar, rows[-1].kwartaal) if rows else date(jaar, 1, 1)
    per_reden = dict(uitstroom(date(jaar, 1, 1), end).values_list("uitstroom_reden").annotate(n=Count("pk")).order_by())
    return Monitor(
        jaar=jaar,
        rows=rows,
        uitstroom_per_reden=[
            (str(label), per_reden[value]) for value, label in UitstroomReden.choices if value in per_reden
        ],
    )


def huidig(*, today: date | None = None) -> dict[str, int]:
    """Today's position: persons in the approach now, aangemeld for the inclusietafel, reviews overdue now."""
    today = today or timezone.localdate()
    from .choices import DossierStatus

    return {
        "in_aanpak": Dossier.objects.filter(status=DossierStatus.IN_AANPAK).values("persoon").distinct().count(),
        "aangemeld": Dossier.objects.filter(status=DossierStatus.AANGEMELD).count(),
        "te_laat": Dossier.objects.filter(status=DossierStatus.IN_AANPAK, volgende_review__lt=today).count(),
    }
