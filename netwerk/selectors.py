"""Reads of the activities register. Nothing here is personal data: organisations and counts only."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, QuerySet, Sum

from .choices import Maat, Soort, Training
from .models import Deelname, Netwerkactiviteit


def activiteit_list(*, jaar: int | None = None) -> QuerySet[Netwerkactiviteit]:
    qs = Netwerkactiviteit.objects.annotate(
        deelnemers=Sum("deelnames__aantal", default=0), organisaties=Count("deelnames__organisatie", distinct=True)
    ).order_by("-datum", "-pk")
    return qs.filter(datum__year=jaar) if jaar else qs


def activiteit_get(*, pk: int) -> Netwerkactiviteit | None:
    return Netwerkactiviteit.objects.select_related("geregistreerd_door").filter(pk=pk).first()


def deelname_get(*, pk: int) -> Deelname | None:
    return Deelname.objects.filter(pk=pk).first()


def deelnames_of(activiteit: Netwerkactiviteit) -> QuerySet[Deelname]:
    return activiteit.deelnames.select_related("organisatie").order_by("organisatie__name", "maat")


def jaren() -> list[int]:
    return sorted({d.year for d in Netwerkactiviteit.objects.dates("datum", "year")}, reverse=True)


@dataclass
class Overzicht:
    """The manager's view: per kind (and per training) the number of activities and the new persons reached."""

    jaar: int
    rijen: list[dict] = field(default_factory=list)
    per_organisatie: list[tuple[str, int, int]] = field(default_factory=list)  # (organisatie, getraind, bereikt)


def overzicht(*, jaar: int) -> Overzicht:
    result = Overzicht(jaar=jaar)
    activities = Netwerkactiviteit.objects.filter(datum__year=jaar)
    counts = {
        (r["soort"], r["training"]): r["n"] for r in activities.values("soort", "training").annotate(n=Count("pk"))
    }
    persons = defaultdict(int)
    rows = Deelname.objects.filter(activiteit__datum__year=jaar).values(
        "activiteit__soort", "activiteit__training", "maat"
    )
    for r in rows.annotate(nieuw=Sum(F("aantal") - F("eerder_geteld"))):
        persons[(r["activiteit__soort"], r["activiteit__training"], r["maat"])] += r["nieuw"]
    for soort in Soort:
        trainings = list(Training) if soort == Soort.TRAINING else [None]
        for training in trainings:
            key = (soort.value, training.value if training else "")
            result.rijen.append(
                {
                    "soort": soort.label,
                    "training": training.label if training else "",
                    "activiteiten": counts.get(key, 0),
                    "getraind": persons.get((*key, Maat.GETRAIND.value), 0),
                    "bereikt": persons.get((*key, Maat.BEREIKT.value), 0),
                }
            )
    per_org = defaultdict(lambda: [0, 0])
    org_rows = Deelname.objects.filter(activiteit__datum__year=jaar).values("organisatie__name", "maat")
    for r in org_rows.annotate(nieuw=Sum(F("aantal") - F("eerder_geteld"))):
        per_org[r["organisatie__name"]][0 if r["maat"] == Maat.GETRAIND else 1] += r["nieuw"]
    result.per_organisatie = sorted(((name, g, b) for name, (g, b) in per_org.items()), key=lambda row: row[0])
    return result
