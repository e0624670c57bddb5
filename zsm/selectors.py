"""Reads on contextverzoeken, always scoped to the user through the access layer."""

from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from zvh.access import conditions
from zvh.persons.services import possible_duplicates

from .access import CONTEXTVERZOEK
from .models import Contextverzoek


def verzoek_list_for(user, *, status: str = "") -> QuerySet[Contextverzoek]:
    """The visible verzoeken, newest first; ``status`` "open" / "te-laat" (by deadline) or "beantwoord". Evaluated
    itself (the list, Mijn werk), so with the compiled access rule; never as a subquery."""
    qs = (
        conditions.visible_compiled(user, CONTEXTVERZOEK)
        .select_related("partner_organisatie", "beantwoord_door")
        .order_by("-ontvangen_op", "-pk")
    )
    if status == "open":
        return qs.filter(beantwoord_op__isnull=True).order_by("deadline", "pk")
    if status == "te-laat":
        return qs.filter(beantwoord_op__isnull=True, deadline__lt=timezone.now()).order_by("deadline", "pk")
    if status == "beantwoord":
        return qs.filter(beantwoord_op__isnull=False)
    return qs


def verzoeken_open(user) -> QuerySet[Contextverzoek]:
    """Open verzoeken, the nearest deadline first (overdue ones on top)."""
    return verzoek_list_for(user).filter(beantwoord_op__isnull=True).order_by("deadline", "pk")


def beantwoord_sinds(user, since: datetime) -> QuerySet[Contextverzoek]:
    return verzoek_list_for(user).filter(beantwoord_op__gte=since).order_by("-beantwoord_op", "-pk")


def start_of_today() -> datetime:
    now = timezone.localtime()
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def detail_queryset() -> QuerySet[Contextverzoek]:
    """For the gateway (which adds the access condition)."""
    return Contextverzoek.objects.select_related(
        "partner_organisatie", "aangevraagd_door", "beantwoord_door", "persoon"
    )


def known_at_zvh(user, verzoek: Contextverzoek) -> list:
    """For the procesregisseur: the dossiers of every type that hold the linked person and that they may see (the
    basis of the answer); other contextverzoeken are left out."""
    if not verzoek.persoon_id:
        return []
    return conditions.person_dossiers(user, verzoek.persoon_id, exclude=(CONTEXTVERZOEK,))


def possible_matches(user, verzoek: Contextverzoek, *, limit: int = 5) -> list:
    """Persons the regisseur may see with the same name and birth date as the suspect (other than the linked one):
    the suspect may be known without a BSN match."""
    visible = conditions.person_condition(user)
    candidates = possible_duplicates(
        voornamen=verzoek.voornamen,
        achternaam=verzoek.achternaam,
        geboortedatum=verzoek.geboortedatum,
        exclude_pk=verzoek.persoon_id,
    )
    return list(candidates.filter(visible)[:limit])
