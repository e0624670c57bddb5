"""The jaarplan 2022 rows of "Personen met verward gedrag met een hoog veiligheidsrisico" and their metrics.

``reporting/seeds/jaarplan_2022.py`` carries the same bindings for a database that loads the plan afresh; a
database that loaded the plan before this app existed gets them from migration 0002 (``jaarplan_load`` leaves an
existing year as it is).
"""

THEMA = "Personen met verward gedrag met een hoog veiligheidsrisico"
BINDINGS = {
    "Ontwikkelen selectie instrument": "levensloop.selecties",
    "Implementatie casusoverleg": "levensloop.reviews",
    "Ontwikkelen monitor systematiek": "levensloop.personen",
}


def bind(activiteit_model) -> int:
    """Bind the rows that have no metric yet (a binding the manager changed is left alone). Returns the count."""
    bound = 0
    rows = activiteit_model.objects.filter(thema__titel=THEMA, metric_key="", omschrijving__in=list(BINDINGS))
    for activiteit in rows:
        activiteit.metric_key = BINDINGS[activiteit.omschrijving]
        activiteit.save(update_fields=["metric_key"])
        bound += 1
    return bound
