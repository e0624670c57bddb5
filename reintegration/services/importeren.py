"""Detentiemeldingen from a CSV file: a preview first, then the import. The file itself is never stored: the
preview carries its text back to the browser in a signed form field, and the import reads it from there.

Format (first line: the column names, in any order; separator ``;`` or ``,``; UTF-8 or Windows-1252)::

    bsn;voornamen;tussenvoegsel;achternaam;geboortedatum;gemeente;begin_detentie;verwachte_vrijlating;
    inrichting;dji_casemanager;dji_contact

Dates as dd-mm-jjjj or jjjj-mm-dd; gemeente as "Breda" or "Gemeente Breda"; bsn, tussenvoegsel, dji_casemanager
and dji_contact may be empty. Persons are matched with the rules of the person register (a BSN only with the
same name and birth date; without a BSN one person with the same name and birth date). A detention that is
already registered (same person, same begin) is skipped, so importing the same file twice adds nothing.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.models import Organisation
from zvh.persons.models import Persoon, validate_bsn
from zvh.persons.services import BSN_CONFLICT, possible_duplicates, same_person

from ..choices import Bron
from ..models import Traject
from .traject import AMBIGUOUS, require_director, traject_create

COLUMNS = (
    "bsn",
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "gemeente",
    "begin_detentie",
    "verwachte_vrijlating",
    "inrichting",
    "dji_casemanager",
    "dji_contact",
)
REQUIRED = (
    "voornamen",
    "achternaam",
    "geboortedatum",
    "gemeente",
    "begin_detentie",
    "verwachte_vrijlating",
    "inrichting",
)
DATES = ("geboortedatum", "begin_detentie", "verwachte_vrijlating")
MAX_BYTES = 1_000_000
MAX_ROWS = 2000
SALT = "reintegration.import"
MAX_AGE = 3600  # a preview can be confirmed for an hour

NEW, SKIPPED, REFUSED = "nieuw", "al_ingelezen", "geweigerd"


@dataclass
class Row:
    line: int
    data: dict
    outcome: str = NEW
    reason: str = ""

    @property
    def naam(self) -> str:
        return " ".join(self.data.get(k) or "" for k in ("voornamen", "tussenvoegsel", "achternaam")).strip()


@dataclass
class Preview:
    rows: list[Row] = field(default_factory=list)
    error: str = ""

    def of(self, outcome: str) -> list[Row]:
        return [row for row in self.rows if row.outcome == outcome]

    @property
    def new(self) -> list[Row]:
        return self.of(NEW)

    @property
    def skipped(self) -> list[Row]:
        return self.of(SKIPPED)

    @property
    def refused(self) -> list[Row]:
        return self.of(REFUSED)


def decode(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise ValidationError(_("Het bestand is groter dan 1 MB. Splits het in kleinere bestanden."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("Het bestand is geen leesbare tekst (CSV)."))


def sign(text: str) -> str:
    return signing.dumps(text, salt=SALT, compress=True)


def unsign(token: str) -> str:
    try:
        return signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise ValidationError(_("Het voorbeeld is verlopen. Lees het bestand opnieuw in.")) from None
    except signing.BadSignature:
        raise ValidationError(_("Het voorbeeld is niet geldig. Lees het bestand opnieuw in.")) from None


def _date(value: str) -> date:
    for fmt in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError


def _gemeenten() -> dict[str, Organisation]:
    found = {}
    for org in Organisation.objects.filter(type=OrganisationType.GEMEENTE, active=True):
        found[org.name.lower()] = org
        found[org.name.lower().removeprefix("gemeente ").strip()] = org
    return found


def _reader(text: str):
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return csv.DictReader(io.StringIO(text), delimiter=delimiter)


def _check_row(row: Row, *, by, gemeenten: dict) -> None:
    """Fill row.data with parsed values, or mark the row refused with the first reason found."""
    data = row.data
    for name in REQUIRED:
        if not data.get(name):
            raise ValidationError(_("de kolom '%(kolom)s' is leeg.") % {"kolom": name})
    for name in DATES:
        try:
            data[name] = _date(data[name])
        except ValueError:
            raise ValidationError(
                _("'%(waarde)s' in kolom '%(kolom)s' is geen datum (gebruik dd-mm-jjjj).")
                % {"waarde": data[name][:20], "kolom": name}
            ) from None
    if data["verwachte_vrijlating"] < data["begin_detentie"]:
        raise ValidationError(_("de verwachte vrijlating ligt vóór het begin van de detentie."))
    if data["bsn"]:
        try:
            validate_bsn(data["bsn"])
        except ValidationError as exc:
            raise ValidationError(_("ongeldig BSN: %(fout)s") % {"fout": exc.messages[0]}) from None
    gemeente = gemeenten.get(data["gemeente"].lower())
    if gemeente is None:
        raise ValidationError(_("onbekende gemeente '%(naam)s'.") % {"naam": data["gemeente"][:60]})
    if not by.has_role(Role.PROCESREGISSEUR) and gemeente.pk != by.organisation_id:
        raise ValidationError(_("u kunt alleen meldingen voor inwoners van uw eigen gemeente inlezen."))
    data["gemeente"] = gemeente


def _existing_person(data: dict) -> Persoon | None:
    """The register's rules, read-only: what the import would link to (or a refusal)."""
    if data["bsn"]:
        existing = Persoon.objects.filter(bsn=data["bsn"]).first()
        if existing is not None and not same_person(existing, data):
            raise ValidationError(str(BSN_CONFLICT))
        return existing
    found = list(
        possible_duplicates(
            voornamen=data["voornamen"], achternaam=data["achternaam"], geboortedatum=data["geboortedatum"]
        ).filter(tussenvoegsel__iexact=data["tussenvoegsel"])[:2]
    )
    if len(found) > 1:
        raise ValidationError(str(AMBIGUOUS))
    return found[0] if found else None


def _key(data: dict) -> tuple:
    who = data["bsn"] or (
        data["voornamen"].lower(),
        data["tussenvoegsel"].lower(),
        data["achternaam"].lower(),
        data["geboortedatum"],
    )
    return (who, data["begin_detentie"])


def detentiemeldingen_preview(*, by, text: str) -> Preview:
    """Check every row; nothing is written."""
    require_director(by=by)
    preview = Preview()
    reader = _reader(text)
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        preview.error = _("De eerste regel mist de kolom(men): %(kolommen)s.") % {"kolommen": ", ".join(missing)}
        return preview
    reader.fieldnames = columns
    gemeenten = _gemeenten()
    seen: dict[tuple, int] = {}
    for record in reader:
        if len(preview.rows) >= MAX_ROWS:
            preview.error = _("Het bestand heeft meer dan %(n)s regels; alleen de eerste zijn bekeken.") % {
                "n": MAX_ROWS
            }
            break
        line = reader.line_num
        if not any((v or "").strip() for k, v in record.items() if k):
            continue  # an empty line
        data = {c: (record.get(c) or "").strip() for c in COLUMNS}
        row = Row(line=line, data=data)
        preview.rows.append(row)
        try:
            _check_row(row, by=by, gemeenten=gemeenten)
            key = _key(data)
            if key in seen:
                raise ValidationError(_("dezelfde detentie staat al op regel %(regel)s.") % {"regel": seen[key]})
            seen[key] = line
            persoon = _existing_person(data)
        except ValidationError as exc:
            row.outcome, row.reason = REFUSED, exc.messages[0]
            continue
        if (
            persoon is not None
            and Traject.objects.filter(persoon=persoon, begin_detentie=data["begin_detentie"]).exists()
        ):
            row.outcome, row.reason = SKIPPED, _("deze detentie is al eerder ingelezen of ingevoerd.")
    return preview


def detentiemeldingen_import(*, by, text: str) -> Preview:
    """Import the rows the preview accepts; each row on its own (one refused row does not stop the others).
    Returns the preview with the outcome per row."""
    preview = detentiemeldingen_preview(by=by, text=text)
    if preview.error and not preview.rows:
        return preview
    for row in preview.new:
        data = row.data
        try:
            with transaction.atomic():
                traject_create(
                    by=by,
                    persoon={k: data[k] for k in ("bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum")},
                    gemeente=data["gemeente"],
                    begin_detentie=data["begin_detentie"],
                    verwachte_vrijlating=data["verwachte_vrijlating"],
                    inrichting=data["inrichting"],
                    dji_casemanager=data["dji_casemanager"],
                    dji_contact=data["dji_contact"],
                    bron=Bron.IMPORT,
                )
        except ValidationError as exc:
            row.outcome = SKIPPED if getattr(exc, "code", "") == "duplicate" else REFUSED
            row.reason = exc.messages[0]
    return preview
