"""Jaarplan 2022 of ZVH Baronie Breda, transcribed from the text of the document.

Source: ``reporting/seeds/jaarplan-2022-zvh-baronie-breda.txt`` (text extracted from the PDF; a copy of the
shared seed). Every activity table of the document is here, in document order, under the ontwikkellijn and the
section (thema) where the document puts it. Columns: prognose 2022 / prognose 2021 / resultaat 2020, as numbers
where the document gives numbers and in the document's own words where it does not.
``tests/reporting/test_jaarplan_data.py`` checks every description and every number against the text.

How the text was read where it is ambiguous (also stored per activity in ``bron_opmerking``):

1. Weegploeg, first table ("Activiteiten complexe casuïstiek"): the row reads "26 zaken  31 zaken", two values for
   three columns. The dedicated table of section "Radicalisering weegploeg en casusoverleg" gives the same
   activity as 30 / 30 / 31 zaken. Its 31 (resultaat 2020) matches the first table; 26 matches no column of it.
   Choice: the activity is loaded once, in its dedicated section, as 30 / 30 / 31 zaken; the deviating 26 is noted.
   Loading it twice would count the weegploeg twice in the summaries.
2. "Meerdere per dag" (advies op verzoek) and "Dagelijks" (advies mensenhandel) are not numbers: the activities are
   qualitative. Advies op verzoek is bound to the metric ``triage.adviezen`` so the report shows how many adviezen
   were registered, without a status against a number the plan does not give.
3. Facilitering ("MaSS: 8 u / week, VT: 32 u / week, KR8: 11 u / week", three identical columns) is one row with
   three partners; it is loaded as three activities, one per partner, each bound to
   ``facilitering.uren_per_week`` with the partner's organisation name.
4. Werkbezoeken (Positionering in het district): the cells are read column by column: 2022 "Partnerorganisaties in
   de eerste ring"; 2021 "Avans, OM, AVIM, div. org. mensenhandel, Juzt"; 2020 "Handhaving Breda, Avans,
   Multicultureel".
5. "Diverse trainingen (zie lerende organisaties)" has empty cells: loaded as a qualitative reference row; the
   trainings themselves are the activities of "Lerende organisaties".
6. Mensenhandel: the table has only 2022 and 2021 columns. "Coördineren van casuïstiek n.a.v. signalen" 50 / 30 and
   "Procesregie op casusoverleggen" 10 / 6 have no unit; both count cases (zaken). "Leveren van initiërende
   bijdragen": the three cells "Actieprogramma | Overleg gemeenten | Actieprogramma" are read as 2022 =
   "Actieprogramma; overleg gemeenten" and 2021 = "Actieprogramma" (only two columns exist).
7. "Week tegen de mensenhandel": two empty cells, then "520 professionals bereikt" and "n.v.t.". Read as 2022 no
   prognose, 2021 520 professionals bereikt, 2020 n.v.t. Realisation is recorded, without a status.
8. "Onderhoud regiekaart de-escaleren": 60 professionals *getraind* (2022) against 400 professionals *bereikt* (2021)
   and 115 getraind (2020): different measures, so the words are kept next to the numbers.
9. "Training gegevensdeling" resultaat 2020 "Geen training gegeven" is kept as words (no number).
10. "Coördineren van re-integratie ex-gedetineerden" resultaat 2020 is "229" without a unit: personen, as the
    other columns.
11. The document plans a DPIA of the information system twice: "DPIA informatiesysteem" in the 1st quarter
    (Informatiedeling en privacy) and "Uitvoeren van een DPIA" in the 2nd quarter (Ondersteunende ICT). Both rows are
    loaded as the document gives them; the inconsistency is noted.
12. "Uitvoering geven aan de afspraken ‘Scenario’s ZVH/ZSM" lacks its closing quotation mark; it is added.
13. Words broken over lines in the PDF ("re-integratie", "informatieverwerkings-systeem", "Actie-programma") are
    joined; hyphens that belong to the word (re-integratie, ex-gedetineerden, de-escaleren) are kept.
14. Themes are the document's sections that have an activity table; sections without one (ISD, 18b, jeugd-
    netwerken, Veilig Thuis, RIEC, ...) set no measurable target and are not loaded. "Lerende organisaties" follows
    "Ondersteunende ICT" in the document and is therefore under ontwikkellijn 3, although ontwikkellijn 2 refers to it.

Metric bindings (live when the metric is registered; until then the activity falls back to manual entries):
triage.besluiten (bord mass_vt / weegploeg), cases.onder_regie, triage.adviezen_thema,
facilitering.uren_per_week (partner by its stable organisation code), bij.personen, mensenhandel.signalen,
mensenhandel.casusoverleggen, mensenhandel.adviezen, reintegratie.personen, netwerk.getraind / netwerk.bereikt /
netwerk.activiteiten (activities register), privacy.vastgesteld (DPIA and protocol milestones from the FG's
register). Rows left manual are work that happens outside this system (milestones of processes and ICT, qualitative
contributions) or rows another module binds (verward gedrag: levensloop.*, ZSM: zsm.*).
"""

JAAR = 2022
TITEL = "Jaarplan 2022 Zorg- en Veiligheidshuis Baronie Breda"

# Advies op verzoek under "Complexe casuïstiek": every theme except mensenhandel, which has its own advice row.
COMPLEXE_THEMAS = "complex,radicalisering,verward,ex_gedetineerde,huiselijk_geweld,jeugd,overig"
DPIA_IS = "DPIA informatiesysteem"

WEEGPLOEG_OPMERKING = (
    "De tabel 'Activiteiten complexe casuïstiek' noemt deze activiteit ook, met '26 zaken  31 zaken' (twee waarden "
    "voor drie kolommen). De eigen tabel bij 'Radicalisering weegploeg en casusoverleg' geeft 30 / 30 / 31 zaken; "
    "de 31 (resultaat 2020) komt in beide voor. Gekozen is voor de eigen tabel; de activiteit staat één keer in het "
    "jaarplan om dubbeltelling te voorkomen. Afwijkend getal in de eerste tabel: 26."
)
DPIA_OPMERKING = (
    "Het jaarplan plant de DPIA op het informatiesysteem twee keer: 'DPIA informatiesysteem' in het 1e kwartaal "
    "(Informatiedeling en privacy) en 'Uitvoeren van een DPIA' in het 2e kwartaal (Ondersteunende ICT). Beide "
    "regels zijn overgenomen zoals het document ze geeft."
)


def _telling(omschrijving, soort, prognose, vorig, eerder, **extra):
    return {
        "omschrijving": omschrijving,
        "soort": soort,
        "prognose": prognose,
        "vorig": vorig,
        "eerder": eerder,
    } | extra


def _mijlpaal(omschrijving, kwartaal, **extra):
    return {"omschrijving": omschrijving, "soort": "mijlpaal", "kwartaal": kwartaal} | extra


def _kwalitatief(omschrijving, prognose_tekst, vorig_tekst="", eerder_tekst="", **extra):
    return {
        "omschrijving": omschrijving,
        "soort": "kwalitatief",
        "prognose_tekst": prognose_tekst,
        "vorig_tekst": vorig_tekst,
        "eerder_tekst": eerder_tekst,
    } | extra


def _training(code):
    """Trainings count distinct professionals trained in the year (activities register, netwerk app)."""
    return {"metric": "netwerk.getraind", "params": {"training": code}}


def _register(soort, titel):
    """DPIA and protocol milestones are reported from the FG's privacy register (privacy app)."""
    return {"metric": "privacy.vastgesteld", "params": {"soort": soort, "titel": titel}}


def _facilitering(partner_kort, code, uren):
    return _telling(
        f"Continueren van administratieve ondersteuning aan partners t.b.v. casusoverleg — {partner_kort}",
        "uren_per_week",
        uren,
        uren,
        uren,
        metric="facilitering.uren_per_week",
        params={"partner": code},
        opmerking=(
            "Eén regel in het jaarplan met drie partners (MaSS 8, VT 32, KR8 11 uur per week, in alle drie de kolommen "
            "gelijk); per partner een eigen activiteit."
        ),
    )


ONTWIKKELLIJNEN = [
    {
        "nummer": 1,
        "titel": "Aanpak van personen met een (hoog) veiligheidsrisico",
        "themas": [
            {
                "titel": "Complexe casuïstiek",
                "omschrijving": (
                    "Wekelijkse triage met MaSS en Veilig Thuis, regie op vastgelopen complexe casuïstiek en advies "
                    "aan partners."
                ),
                "activiteiten": [
                    _kwalitatief(
                        "Geven van advies op verzoek",
                        "Meerdere per dag",
                        "Meerdere per dag",
                        "Meerdere per dag",
                        metric="triage.adviezen_thema",
                        params={"themas": COMPLEXE_THEMAS},
                        opmerking=(
                            "Geen getal in het jaarplan; het aantal geregistreerde adviezen wordt getoond, zonder "
                            "de adviezen mensenhandel (die hebben een eigen regel)."
                        ),
                    ),
                    _telling(
                        "Uitvoeren van gezamenlijke triage met MaSS en Veilig Thuis",
                        "zaken",
                        150,
                        130,
                        112,
                        metric="triage.besluiten",
                        params={"bord": "mass_vt"},
                    ),
                    _telling(
                        "Voeren van regie over complexe casuïstiek incl. radicalisering",
                        "zaken",
                        90,
                        96,
                        78,
                        metric="cases.onder_regie",
                        opmerking=(
                            "Aantal zaken dat in de periode onder regie van het ZVH stond, zonder de thema's met een "
                            "eigen regel (mensenhandel, ex-gedetineerden, verward gedrag)."
                        ),
                    ),
                ],
            },
            {
                "titel": "Ex-justitiabelen",
                "omschrijving": (
                    "Bestuurlijke informatievoorziening justitiabelen (BIJ), ISD, re-integratie van ex-gedetineerden "
                    "en 18b-meldingen."
                ),
                "activiteiten": [
                    _telling(
                        "Coördineren van re-integratie ex-gedetineerden",
                        "personen",
                        250,
                        250,
                        229,
                        metric="reintegratie.personen",
                        opmerking="Resultaat 2020 staat in het jaarplan zonder eenheid ('229'); gelezen als personen.",
                    ),
                    _telling(
                        "Wegen en aanpakken casuïstiek BIJ",
                        "personen",
                        20,
                        20,
                        21,
                        metric="bij.personen",
                        opmerking="Gemeten: unieke personen met een BIJ-melding die in de periode is ontvangen.",
                    ),
                ],
            },
            {
                "titel": "Personen met verward gedrag met een hoog veiligheidsrisico",
                "omschrijving": "Implementatie van de Ketenveldnorm Levensloopfunctie en procesregie op de doelgroep.",
                "activiteiten": [
                    _mijlpaal("Ontwikkelen selectie instrument", 2, metric="levensloop.selecties"),
                    _mijlpaal("Implementatie casusoverleg", 2, metric="levensloop.reviews"),
                    _mijlpaal("Ontwikkelen monitor systematiek", 3, metric="levensloop.personen"),
                ],
            },
            {
                "titel": "Radicalisering weegploeg en casusoverleg",
                "omschrijving": "Maandelijkse weegploeg met justitiële partners; zo nodig een maatwerkoverleg.",
                "activiteiten": [
                    _telling(
                        "Uitvoeren van gezamenlijke triage in de Weegploeg Radicalisering en Extremisme",
                        "zaken",
                        30,
                        30,
                        31,
                        metric="triage.besluiten",
                        params={"bord": "weegploeg"},
                        opmerking=WEEGPLOEG_OPMERKING,
                    ),
                ],
            },
        ],
    },
    {
        "nummer": 2,
        "titel": "Verbinding met de omgeving",
        "themas": [
            {
                "titel": "Positionering in het district",
                "omschrijving": "Kennis delen en werkprocessen afstemmen met de andere netwerken in het district.",
                "activiteiten": [
                    _kwalitatief(
                        "Afleggen van werkbezoeken, organiseren van ontvangsten en organiseren van trainingen",
                        "Partnerorganisaties in de eerste ring",
                        "Avans, OM, AVIM, div. org. mensenhandel, Juzt",
                        "Handhaving Breda, Avans, Multicultureel",
                        metric="netwerk.activiteiten",
                        params={"soort": "werkbezoek"},
                        opmerking=(
                            "De cellen van deze regel zijn kolomsgewijs gelezen. Geteld: werkbezoeken en ontvangsten "
                            "in het activiteitenregister; de trainingen staan onder Lerende organisaties."
                        ),
                    ),
                    _telling(
                        "Organiseren van een districtelijke netwerkdag Zorg en Veiligheid",
                        "professionals",
                        100,
                        None,
                        None,
                        vorig_tekst="niet",
                        eerder_tekst="niet",
                        spreiding="eenmalig",
                        metric="netwerk.bereikt",
                        params={"soort": "netwerkdag"},
                        opmerking="Eén bijeenkomst: de prognose geldt voor het hele jaar, niet naar rato per kwartaal.",
                    ),
                    _kwalitatief(
                        "Diverse trainingen (zie lerende organisaties)",
                        "Zie Lerende organisaties",
                        opmerking="Verwijzing zonder eigen prognose; de trainingen staan onder Lerende organisaties.",
                    ),
                ],
            },
            {
                "titel": "ZSM",
                "omschrijving": "Contextinformatie aan ZSM en meldingen van ZSM over 'buikpijn'-zaken.",
                "activiteiten": [
                    _mijlpaal("Uitvoering geven aan de afspraken ‘contextinformatie minderjarigen’", 1),
                    _mijlpaal("Ontwikkelen van afspraken ‘contextinformatie volwassenen’", 2),
                    _mijlpaal(
                        "Uitvoering geven aan de afspraken ‘Scenario’s ZVH/ZSM’",
                        1,
                        opmerking="Het afsluitende aanhalingsteken ontbreekt in het jaarplan en is toegevoegd.",
                    ),
                ],
            },
            {
                "titel": "Partners tegen mensenhandel – de zorgcoördinatie",
                "omschrijving": "Zorgcoördinatie voor slachtoffers van mensenhandel namens de gemeenten.",
                "activiteiten": [
                    _kwalitatief(
                        "Geven van advies gevraagd en ongevraagd",
                        "Dagelijks",
                        "Dagelijks",
                        metric="mensenhandel.adviezen",
                    ),
                    _telling(
                        "Coördineren van casuïstiek n.a.v. signalen",
                        "zaken",
                        50,
                        30,
                        None,
                        metric="mensenhandel.signalen",
                        opmerking="De tabel heeft geen kolom resultaat 2020 en noemt geen eenheid; gelezen als zaken.",
                    ),
                    _telling(
                        "Procesregie op casusoverleggen",
                        "zaken",
                        10,
                        6,
                        None,
                        metric="mensenhandel.casusoverleggen",
                        opmerking="De tabel heeft geen kolom resultaat 2020 en noemt geen eenheid; gelezen als zaken.",
                    ),
                    _mijlpaal("Inrichten proces op basis van de handreiking", 2, vorig_tekst="n.v.t."),
                    _kwalitatief(
                        "Leveren van initiërende bijdragen regionale samenwerking",
                        "Actieprogramma; overleg gemeenten",
                        "Actieprogramma",
                        opmerking=(
                            "Drie cellen ('Actie-programma', 'Overleg gemeenten', 'Actie-programma') in twee kolommen: "
                            "de eerste twee zijn gelezen als 2022, de derde als 2021."
                        ),
                    ),
                    _kwalitatief("Positioneren bestuurlijke tafels", "Stuurgroep ZVH"),
                ],
            },
            {
                "titel": "Bieden van faciliteiten aan partnerorganisaties",
                "omschrijving": "Administratieve ondersteuning van casusoverleggen van partners onder hun eigen regie.",
                "activiteiten": [
                    _facilitering("MaSS", "mass", 8),
                    _facilitering("Veilig Thuis", "veilig-thuis-west-brabant", 32),
                    _facilitering("KR8-kollektief", "kr8-kollektief", 11),
                ],
            },
        ],
    },
    {
        "nummer": 3,
        "titel": "Huis op orde",
        "themas": [
            {
                "titel": "Informatiedeling en privacy",
                "omschrijving": "DPIA's, toezicht met de functionarissen gegevensbescherming en privacyprotocollen.",
                "activiteiten": [
                    _mijlpaal("DPIA informatiesysteem", 1, opmerking=DPIA_OPMERKING, **_register("dpia", DPIA_IS)),
                    _mijlpaal("DPIA BIJ", 2, **_register("dpia", "DPIA BIJ")),
                    _mijlpaal(
                        "Privacy protocol Mensenhandel", 1, **_register("protocol", "Privacyprotocol Mensenhandel")
                    ),
                    _mijlpaal("Privacy protocol BIJ", 3, **_register("protocol", "Privacyprotocol BIJ")),
                ],
            },
            {
                "titel": "Ondersteunende ICT",
                "omschrijving": "Uitfasering van GCOS en een nieuw, veilig informatiesysteem.",
                "activiteiten": [
                    _mijlpaal(
                        "Uitvoeren van een DPIA",
                        2,
                        vorig_tekst="Voorbereiding",
                        eerder_tekst="n.v.t.",
                        opmerking=DPIA_OPMERKING,
                        **_register("dpia", DPIA_IS),
                    ),
                    _mijlpaal("Implementeren van nieuwe ICT", 2, vorig_tekst="Voorbereiding", eerder_tekst="n.v.t."),
                ],
            },
            {
                "titel": "Lerende organisaties",
                "omschrijving": "Trainingen en expertmeetings voor professionals van de partners.",
                "activiteiten": [
                    _telling(
                        "Training polarisatie en radicalisering",
                        "professionals",
                        50,
                        50,
                        90,
                        **_training("polarisatie"),
                    ),
                    _telling(
                        "Training gegevensdeling",
                        "professionals",
                        40,
                        40,
                        None,
                        eerder_tekst="Geen training gegeven",
                        **_training("gegevensdeling"),
                    ),
                    _telling(
                        "Onderhoud regiekaart de-escaleren",
                        "professionals",
                        60,
                        400,
                        115,
                        prognose_tekst="60 professionals getraind",
                        vorig_tekst="400 professionals bereikt",
                        eerder_tekst="115 professionals getraind",
                        opmerking="2021 telt bereikte professionals, 2022 en 2020 getrainde: verschillende maten.",
                        **_training("regiekaart"),
                    ),
                    _telling(
                        "Week tegen de mensenhandel",
                        "professionals",
                        None,
                        520,
                        None,
                        vorig_tekst="520 professionals bereikt",
                        eerder_tekst="n.v.t.",
                        opmerking=(
                            "Twee lege cellen, dan '520 professionals bereikt' en 'n.v.t.': gelezen als geen prognose "
                            "2022, 520 bereikt in 2021, n.v.t. in 2020. De realisatie wordt vastgelegd zonder status."
                        ),
                        metric="netwerk.bereikt",
                        params={"soort": "week_mensenhandel"},
                    ),
                    _telling(
                        "Training informatieverwerkingssysteem",
                        "professionals",
                        20,
                        None,
                        None,
                        prognose_tekst="20 professionals getraind",
                        vorig_tekst="n.v.t.",
                        eerder_tekst="n.v.t.",
                        **_training("informatiesysteem"),
                    ),
                ],
            },
            {
                "titel": "Inrichting en besturing",
                "omschrijving": "PDCA-cyclus op beleid en werkprocessen.",
                "activiteiten": [_mijlpaal("Updaten werkprocessen", 2)],
            },
        ],
    },
]
