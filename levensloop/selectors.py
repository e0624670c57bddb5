"""Reads on the levensloopaanpak, scoped to the user through the access layer."""

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from zvh.access import conditions

from .access import DOSSIER
from .choices import DossierStatus
from .models import Dossier, Review


def dossier_list_for(user) -> QuerySet[Dossier]:
    """Evaluated itself (the list, Mijn werk), so with the compiled access rule; never as a subquery."""
    return (
        conditions.visible_compiled(user, DOSSIER)
        .select_related("persoon", "casus", "levensloopaanbieder")
        .order_by("-geselecteerd_op", "-pk")
    )


def dossier_detail_queryset() -> QuerySet[Dossier]:
    """For the gateway (which adds the access condition): what the detail page shows, in one query."""
    return Dossier.objects.select_related(
        "persoon", "casus", "aanmelding", "levensloopaanbieder", "casusregisseur_gemeente", "geselecteerd_door"
    )


def reviews_te_laat(user, *, today: date | None = None) -> QuerySet[Dossier]:
    """Dossiers in the approach whose planned review date has passed, the longest overdue first."""
    today = today or timezone.localdate()
    return (
        dossier_list_for(user)
        .filter(status=DossierStatus.IN_AANPAK, volgende_review__lt=today)
        .order_by("volgende_review", "pk")
    )


def reviews_of(dossier: Dossier) -> list[Review]:
    return list(dossier.reviews.select_related("vastgelegd_door").order_by("-gehouden_op", "-pk"))


def open_dossier_for(user, *, persoon_id: int) -> Dossier | None:
    """A visible dossier of this person that is still aangemeld or in the approach (the selectie page links it)."""
    return (
        conditions.visible(user, DOSSIER)
        .filter(persoon_id=persoon_id, status__in=(DossierStatus.AANGEMELD, DossierStatus.IN_AANPAK))
        .first()
    )
