"""Authorization matrix entries for the reporting app (merged into tests/authz.py MATRIX).

Objects are made lazily by the kwargs functions (and by ``build_world`` once the shared matrix test calls it), so the
entries work with the plain ``{"user": ...}`` world as well.
"""

from tests.authz import REDIRECT, only
from zvh.accounts.choices import Role

FIGURES = (Role.MANAGER, Role.BEHEERDER)
JAARPLAN = (Role.MANAGER, Role.SECRETARIAAT, Role.BEHEERDER)
REALISATIE = (Role.MANAGER, Role.SECRETARIAAT)


def build_world(world: dict) -> None:
    """Add a small jaarplan (year 2021, all quarters started) and a finished report to the test world."""
    from django.core.files.base import ContentFile

    from reporting.choices import ReportStatus, Soort
    from reporting.models import Activiteit, Jaarplan, Ontwikkellijn, Report, Thema

    if "jaarplan" in world:
        return
    jaarplan, _ = Jaarplan.objects.get_or_create(jaar=2021, defaults={"titel": "Jaarplan 2021 (test)"})
    lijn, _ = Ontwikkellijn.objects.get_or_create(jaarplan=jaarplan, nummer=1, defaults={"titel": "Huis op orde"})
    thema, _ = Thema.objects.get_or_create(ontwikkellijn=lijn, volgorde=1, defaults={"titel": "Privacy"})
    activiteit, _ = Activiteit.objects.get_or_create(
        thema=thema, volgorde=1, defaults={"omschrijving": "Trainingen", "soort": Soort.PROFESSIONALS, "prognose": 40}
    )
    report = Report.objects.create(jaarplan=jaarplan, kwartaal=4, status=ReportStatus.DONE)
    report.file.save("rapport.pdf", ContentFile(b"%PDF-1.7 test"), save=True)
    world.update(jaarplan=jaarplan, activiteit=activiteit, report=report)


def _world(world: dict) -> dict:
    build_world(world)
    return world


def report(world: dict) -> dict:
    return {"pk": _world(world)["report"].pk}


def jaar(world: dict) -> dict:
    return {"jaar": _world(world)["jaarplan"].jaar}


def activiteit(world: dict) -> dict:
    return {"pk": _world(world)["activiteit"].pk}


def realisatie(world: dict) -> dict:
    return {"pk": _world(world)["activiteit"].pk, "kwartaal": 2}


MATRIX = {
    "reporting:dashboard": only(*FIGURES),
    # Without ?jaar=&kwartaal= the CSV sends permitted users back to the dashboard with a message.
    "reporting:figures_csv": only(*FIGURES, allowed=REDIRECT),
    "reporting:report_list": only(*FIGURES),
    "reporting:report_detail": only(*FIGURES, kwargs=report),
    "reporting:report_status": only(*FIGURES, kwargs=report),
    "reporting:report_download": only(*FIGURES, kwargs=report),
    "reporting:jaarplan_list": only(*JAARPLAN),
    "reporting:jaarplan_detail": only(*JAARPLAN, kwargs=jaar),
    "reporting:jaarplan_copy": only(Role.MANAGER, kwargs=jaar),
    "reporting:activiteit_update": only(Role.MANAGER, kwargs=activiteit),
    "reporting:realisatie_edit": only(*REALISATIE, kwargs=realisatie),
}
