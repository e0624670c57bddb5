"""Demo data: Jaarplan 2022 and a year of manual realisations with explanations (fictitious, aggregate only).

Runs after the accounts seeder (it needs the demo users). Activities bound to a registered metric get only an
explanation; until their metric exists they get manual fallback values as well, so the 2022 reports are meaningful
on any installation. Some activities end the year on schedule, some behind, some milestones late. Idempotent.
"""

from decimal import Decimal

from zvh.accounts.models import User

from . import registry, services
from .choices import Soort
from .models import Activiteit, Jaarplan, Realisatie
from .seeds import jaarplan_2022

# omschrijving → {quarter: value}. Milestones: {quarter: "gereed"}.
VALUES: dict[str, dict[int, object]] = {
    "Uitvoeren van gezamenlijke triage met MaSS en Veilig Thuis": {1: 34, 2: 41, 3: 33, 4: 38},
    "Voeren van regie over complexe casuïstiek incl. radicalisering": {1: 24, 2: 20, 3: 18, 4: 16},
    "Uitvoeren van gezamenlijke triage in de Weegploeg Radicalisering en Extremisme": {1: 6, 2: 8, 3: 7, 4: 9},
    "Coördineren van re-integratie ex-gedetineerden": {1: 58, 2: 61, 3: 55, 4: 52},
    "Wegen en aanpakken casuïstiek BIJ": {1: 3, 2: 4, 3: 3, 4: 4},
    "Organiseren van een districtelijke netwerkdag Zorg en Veiligheid": {4: 112},
    "Coördineren van casuïstiek n.a.v. signalen": {1: 9, 2: 14, 3: 12, 4: 13},
    "Procesregie op casusoverleggen": {1: 1, 2: 2, 3: 1, 4: 2},
    "Continueren van administratieve ondersteuning aan partners t.b.v. casusoverleg — MaSS": {
        1: 8,
        2: Decimal("7.5"),
        3: 8,
        4: 8,
    },
    "Continueren van administratieve ondersteuning aan partners t.b.v. casusoverleg — Veilig Thuis": {
        1: 30,
        2: 31,
        3: 28,
        4: 32,
    },
    "Continueren van administratieve ondersteuning aan partners t.b.v. casusoverleg — KR8-kollektief": {
        1: 9,
        2: Decimal("8.5"),
        3: 9,
        4: 8,
    },
    "Training polarisatie en radicalisering": {1: 0, 2: 24, 3: 0, 4: 31},
    "Training gegevensdeling": {1: 0, 2: 12, 3: 0, 4: 10},
    "Onderhoud regiekaart de-escaleren": {1: 18, 2: 14, 3: 9, 4: 21},
    "Week tegen de mensenhandel": {4: 460},
    "Training informatieverwerkingssysteem": {2: 14, 3: 6, 4: 4},
    # Milestones: the quarter in which each was reported done (absent: not done in 2022).
    "Ontwikkelen selectie instrument": {2: "gereed"},
    "Implementatie casusoverleg": {3: "gereed"},
    "Uitvoering geven aan de afspraken ‘contextinformatie minderjarigen’": {1: "gereed"},
    "Ontwikkelen van afspraken ‘contextinformatie volwassenen’": {3: "gereed"},
    "Uitvoering geven aan de afspraken ‘Scenario’s ZVH/ZSM’": {1: "gereed"},
    "Inrichten proces op basis van de handreiking": {2: "gereed"},
    "DPIA informatiesysteem": {1: "gereed"},
    "DPIA BIJ": {3: "gereed"},
    "Privacy protocol Mensenhandel": {2: "gereed"},
    "Uitvoeren van een DPIA": {1: "gereed"},
    "Implementeren van nieuwe ICT": {4: "gereed"},
    "Updaten werkprocessen": {2: "gereed"},
}

NOTES: dict[str, dict[int, str]] = {
    "Geven van advies op verzoek": {
        2: "Adviesvragen vooral van wijkteams en politie over op- en afschalen; dagelijks meerdere vragen.",
        4: "Eind van het jaar meer vragen over personen met verward gedrag.",
    },
    "Voeren van regie over complexe casuïstiek incl. radicalisering": {
        3: "Minder nieuwe zaken onder regie in de zomer; twee regisseurs ingezet op de implementatie van het nieuwe "
        "informatiesysteem.",
        4: "Het jaar sluit onder de prognose. Meer zaken zijn na triage doorgeleid naar lokale teams.",
    },
    "Wegen en aanpakken casuïstiek BIJ": {
        2: "Minder BIJ-meldingen van DJI dan verwacht; het tweewekelijks BIJ-overleg liep door.",
        4: "Landelijk daalde het aantal BIJ-meldingen; de prognose voor 2023 wordt bijgesteld.",
    },
    "Organiseren van een districtelijke netwerkdag Zorg en Veiligheid": {
        2: "Voorbereiding gestart met de gemeenten en de politie.",
        4: "De netwerkdag is in oktober gehouden met 112 professionals uit zorg, straf en gemeenten.",
    },
    "Procesregie op casusoverleggen": {
        4: "Minder casusoverleggen nodig dan gepland: meer zaken konden via de zorgcoördinatie zelf worden opgepakt.",
    },
    "Continueren van administratieve ondersteuning aan partners t.b.v. casusoverleg — KR8-kollektief": {
        2: "Door ziekte van een medewerker van het secretariaat kon niet alle ondersteuning worden geleverd.",
        4: "Het KR8-kollektief heeft minder overleggen gepland dan afgesproken.",
    },
    "Training gegevensdeling": {
        4: "Een geplande training in november is verschoven naar februari 2023.",
    },
    "Week tegen de mensenhandel": {
        4: "Bijeenkomsten in Breda en Oosterhout; 460 professionals bereikt.",
    },
    "Implementatie casusoverleg": {
        2: "Vertraagd: de afspraken met de GGZ-partners over deelname kostten meer tijd.",
        3: "Het casusoverleg is in september van start gegaan.",
    },
    "Ontwikkelen monitor systematiek": {
        3: "Vertraagd door de late start van het casusoverleg.",
        4: "Doorgeschoven naar het 2e kwartaal van 2023.",
    },
    "Privacy protocol BIJ": {
        4: "Wacht op de afronding van de DPIA BIJ en de reactie van de FG; verwacht in het 1e kwartaal van 2023.",
    },
    "DPIA BIJ": {
        2: "Concept besproken met de privacyadviseur van de gemeente Breda.",
        3: "Vastgesteld in de stuurgroep.",
    },
    "Implementeren van nieuwe ICT": {
        2: "Aanbesteding afgerond; de planning is verschoven naar het 4e kwartaal.",
        4: "Het nieuwe informatiesysteem is in gebruik genomen; GCOS wordt in 2023 uitgefaseerd.",
    },
    "Afleggen van werkbezoeken, organiseren van ontvangsten en organiseren van trainingen": {
        1: "Werkbezoeken aan de wijkteams van Etten-Leur en Drimmelen.",
        3: "Ontvangst van de nieuwe teamchefs van de politie.",
    },
    "Leveren van initiërende bijdragen regionale samenwerking": {
        2: "Bijdrage aan het Actieprogramma Mensenhandel Zeeland-West-Brabant.",
        4: "Eerste overleg van de gemeenten over de aanpak van mensenhandel georganiseerd.",
    },
    "Positioneren bestuurlijke tafels": {
        3: "Mensenhandel is vast agendapunt van de Stuurgroep ZVH geworden.",
    },
}


def seed(stdout=None, **options) -> None:
    jaarplan, created = services.jaarplan_load(data=jaarplan_2022)
    users = {u.username: u for u in User.objects.filter(username__in=("secretariaat", "manager"))}
    if len(users) < 2:
        return
    added = seed_realisaties(jaarplan, secretariaat=users["secretariaat"], manager=users["manager"])
    if stdout is not None and (created or added):
        stdout.write(f"Jaarplan {jaarplan.jaar} geladen; {added} realisaties per kwartaal toegevoegd.")


def seed_realisaties(jaarplan: Jaarplan, *, secretariaat: User, manager: User) -> int:
    activities = Activiteit.objects.filter(thema__ontwikkellijn__jaarplan=jaarplan)
    existing = set(Realisatie.objects.filter(activiteit__in=activities).values_list("activiteit_id", "kwartaal"))
    added = 0
    for activiteit in activities:
        values, notes = VALUES.get(activiteit.omschrijving, {}), NOTES.get(activiteit.omschrijving, {})
        measured = registry.find_metric(activiteit.metric_key) is not None
        for kwartaal in sorted(set(values) | set(notes)):
            if (activiteit.pk, kwartaal) in existing:
                continue
            value = values.get(kwartaal)
            is_milestone = activiteit.soort == Soort.MIJLPAAL
            waarde = None if is_milestone or measured or value is None else Decimal(value)
            # A milestone measured from a register (DPIA's, protocols) is reported there, not by hand.
            gereed, toelichting = is_milestone and not measured and value == "gereed", notes.get(kwartaal, "")
            if waarde is None and not gereed and not toelichting:
                continue
            services.realisatie_save(
                activiteit=activiteit,
                kwartaal=kwartaal,
                user=manager if is_milestone or toelichting else secretariaat,
                waarde=waarde,
                gereed=gereed,
                toelichting=toelichting,
            )
            added += 1
    return added
