"""Writes on the levensloopaanpak: selectie-instrument, inclusietafel, reviews of the levenslooptafel, uitstroom.

There is no automatic end ("niet loslaten"): no task or date closes a dossier; only :func:`uitstroom_record`, a
decision with a reason, takes a person out of the approach.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mensenhandel.models import add_months
from zvh.accounts.choices import OrganisationType, Role

from .choices import OPEN, REVIEW_MAX_MAANDEN, DossierStatus, Oorzaak, SelectieUitkomst, Titel, UitstroomReden
from .models import Dossier, Review


def _require_regisseur(user) -> None:
    if not user.has_role(Role.PROCESREGISSEUR):
        raise PermissionDenied(_("Alleen een procesregisseur kan dit doen."))


def _require_status(dossier: Dossier, status: str, message: str) -> None:
    if dossier.status != status:
        raise ValidationError(message)


def _not_future(day: date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("Deze datum ligt in de toekomst.")})


def criteria_met(
    *,
    meerderjarig: bool,
    gevaarlijk_gedrag: bool,
    oorzaken,
    justitiecontacten: bool,
    langdurig_meervoudig: bool,
    titel: str,
) -> bool:
    """All criteria of the selectie-instrument hold (a missing titel must then be explained: see the service)."""
    return all((meerderjarig, gevaarlijk_gedrag, oorzaken, justitiecontacten, langdurig_meervoudig, titel))


@transaction.atomic
def selectie_record(
    *,
    by,
    persoon,
    aanmelding=None,
    casus=None,
    meerderjarig: bool,
    gevaarlijk_gedrag: bool,
    oorzaken: list[str],
    justitiecontacten: bool,
    langdurig_meervoudig: bool,
    titel: str,
    titel_toelichting: str = "",
    uitkomst: str,
    motivering: str,
    op: date | None = None,
) -> Dossier:
    """The selectie-instrument on an aanmelding or a casus. Inclusie sends the person to the inclusietafel."""
    _require_regisseur(by)
    if aanmelding is None and casus is None:
        raise ValidationError(_("Het selectie-instrument hoort bij een aanmelding of een casus."))
    if casus is None and aanmelding is not None:
        casus = getattr(aanmelding, "casus", None)
    if Dossier.objects.filter(persoon=persoon, status__in=OPEN).exists():
        raise ValidationError(_("Deze persoon is al aangemeld voor de inclusietafel of zit in de levensloopaanpak."))
    oorzaken = sorted(set(oorzaken))
    if any(o not in Oorzaak.values for o in oorzaken):
        raise ValidationError({"oorzaken": _("Kies een oorzaak uit de lijst.")})
    if gevaarlijk_gedrag and not oorzaken:
        raise ValidationError({"oorzaken": _("Kies waaruit het gevaarlijke gedrag voortkomt.")})
    titel_toelichting = (titel_toelichting or "").strip()
    if titel == Titel.GEEN and not titel_toelichting:
        raise ValidationError({"titel_toelichting": _("Licht toe waarom er geen juridische titel is.")})
    met = criteria_met(
        meerderjarig=meerderjarig,
        gevaarlijk_gedrag=gevaarlijk_gedrag,
        oorzaken=oorzaken,
        justitiecontacten=justitiecontacten,
        langdurig_meervoudig=langdurig_meervoudig,
        titel=titel,
    )
    if uitkomst == SelectieUitkomst.INCLUSIE and not met:
        raise ValidationError(
            {"uitkomst": _("Inclusie kan alleen als aan alle criteria is voldaan en de titel is beoordeeld.")}
        )
    if not (motivering or "").strip():
        raise ValidationError({"motivering": _("Geef de motivering van de uitkomst.")})
    op = op or timezone.localdate()
    _not_future(op, "op")
    dossier = Dossier(
        persoon=persoon,
        aanmelding=aanmelding,
        casus=casus,
        meerderjarig=meerderjarig,
        gevaarlijk_gedrag=gevaarlijk_gedrag,
        oorzaken=oorzaken,
        justitiecontacten=justitiecontacten,
        langdurig_meervoudig=langdurig_meervoudig,
        titel=titel,
        titel_toelichting=titel_toelichting,
        selectie_uitkomst=uitkomst,
        selectie_motivering=motivering.strip(),
        geselecteerd_door=by,
        geselecteerd_op=op,
        status=DossierStatus.AANGEMELD if uitkomst == SelectieUitkomst.INCLUSIE else DossierStatus.GEEN_INCLUSIE,
        afgesloten_op=None if uitkomst == SelectieUitkomst.INCLUSIE else op,
    )
    dossier.full_clean()
    dossier.save()
    return dossier


def _check_next(volgende_review: date | None, after: date, field: str = "volgende_review") -> None:
    if volgende_review is None:
        raise ValidationError({field: _("Plan de volgende review.")})
    if volgende_review <= after:
        raise ValidationError({field: _("De volgende review ligt na deze datum.")})
    if volgende_review > add_months(after, REVIEW_MAX_MAANDEN):
        raise ValidationError({field: _("De volgende review ligt ten hoogste een jaar later.")})


@transaction.atomic
def inclusie_besluit(
    *,
    dossier: Dossier,
    by,
    opgenomen: bool,
    motivering: str,
    besloten_op: date | None = None,
    levensloopaanbieder=None,
    casusregisseur_gemeente=None,
    casusregisseur_naam: str = "",
    levensloopplan: str = "",
    volgende_review: date | None = None,
) -> Dossier:
    """The inclusietafel decides. Opgenomen: aanbieder, gemeentelijke casusregisseur, plan and the first review."""
    _require_regisseur(by)
    _require_status(dossier, DossierStatus.AANGEMELD, _("Over dit dossier heeft de inclusietafel al besloten."))
    if not (motivering or "").strip():
        raise ValidationError({"motivering": _("Geef de motivering van het besluit.")})
    besloten_op = besloten_op or timezone.localdate()
    _not_future(besloten_op, "besloten_op")
    if besloten_op < dossier.geselecteerd_op:
        raise ValidationError({"besloten_op": _("Het besluit ligt vóór de selectie.")})
    dossier.besloten_op, dossier.besluit_motivering = besloten_op, motivering.strip()
    if opgenomen:
        _fill_inclusion(dossier, levensloopaanbieder, casusregisseur_gemeente, casusregisseur_naam, levensloopplan)
        _check_next(volgende_review, besloten_op)
        dossier.volgende_review = dossier.eerste_review = volgende_review
        dossier.status = DossierStatus.IN_AANPAK
    else:
        dossier.status, dossier.afgesloten_op = DossierStatus.NIET_OPGENOMEN, besloten_op
    dossier.full_clean()
    dossier.save()
    return dossier


def _fill_inclusion(dossier: Dossier, aanbieder, gemeente, naam: str, plan: str) -> None:
    if dossier.casus_id is None and dossier.aanmelding_id is not None:
        dossier.casus = getattr(dossier.aanmelding, "casus", None)
    if dossier.casus_id is None:
        raise ValidationError(
            _(
                "Er is nog geen casus. De partners aan de levenslooptafel krijgen toegang via de casus: "
                "schaal de aanmelding eerst op in de triage."
            )
        )
    if aanbieder is None:
        raise ValidationError({"levensloopaanbieder": _("Kies de levensloopaanbieder.")})
    if gemeente is None or gemeente.type != OrganisationType.GEMEENTE:
        raise ValidationError({"casusregisseur_gemeente": _("Kies de gemeente van de casusregisseur.")})
    if not (naam or "").strip():
        raise ValidationError({"casusregisseur_naam": _("Vul de naam van de gemeentelijke casusregisseur in.")})
    if not (plan or "").strip():
        raise ValidationError({"levensloopplan": _("Vul het levensloopplan in.")})
    dossier.levensloopaanbieder, dossier.casusregisseur_gemeente = aanbieder, gemeente
    dossier.casusregisseur_naam, dossier.levensloopplan = naam.strip(), plan.strip()


@transaction.atomic
def review_record(
    *,
    dossier: Dossier,
    by,
    gehouden_op: date,
    conclusie: str,
    volgende_review: date | None,
    levensloopplan: str | None = None,
) -> Review:
    """A review at the levenslooptafel; the next review date is required (there is no last review)."""
    _require_regisseur(by)
    _require_status(dossier, DossierStatus.IN_AANPAK, _("Alleen een persoon in de levensloopaanpak krijgt een review."))
    _not_future(gehouden_op, "gehouden_op")
    if dossier.besloten_op and gehouden_op < dossier.besloten_op:
        raise ValidationError({"gehouden_op": _("De review ligt vóór het besluit van de inclusietafel.")})
    if not (conclusie or "").strip():
        raise ValidationError({"conclusie": _("Vul de conclusie van de review in.")})
    _check_next(volgende_review, gehouden_op)
    review = Review(
        dossier=dossier,
        gehouden_op=gehouden_op,
        conclusie=conclusie.strip(),
        volgende_review=volgende_review,
        vastgelegd_door=by,
    )
    review.full_clean()
    review.save()
    dossier.volgende_review = volgende_review
    if levensloopplan is not None and levensloopplan.strip():
        dossier.levensloopplan = levensloopplan.strip()
    dossier.full_clean()
    dossier.save(update_fields=["volgende_review", "levensloopplan", "gewijzigd_op"])
    return review


@transaction.atomic
def uitstroom_record(*, dossier: Dossier, by, op: date, reden: str, toelichting: str) -> Dossier:
    """Out of the approach, only by an explicit decision of the levenslooptafel with its reason."""
    _require_regisseur(by)
    _require_status(dossier, DossierStatus.IN_AANPAK, _("Alleen een persoon in de levensloopaanpak kan uitstromen."))
    if reden not in UitstroomReden.values:
        raise ValidationError({"reden": _("Kies de reden van uitstroom.")})
    if not (toelichting or "").strip():
        raise ValidationError({"toelichting": _("Licht het besluit tot uitstroom toe.")})
    _not_future(op, "op")
    if dossier.besloten_op and op < dossier.besloten_op:
        raise ValidationError({"op": _("De uitstroom ligt vóór het besluit van de inclusietafel.")})
    dossier.status, dossier.uitstroom_op, dossier.afgesloten_op = DossierStatus.UITGESTROOMD, op, op
    dossier.uitstroom_reden, dossier.uitstroom_toelichting = reden, toelichting.strip()
    dossier.volgende_review = None
    dossier.full_clean()
    dossier.save()
    return dossier
