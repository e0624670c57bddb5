"""CSV import of detentiemeldingen: upload → preview (nothing stored) → import (the signed text comes back)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from zvh.permissions import role_required

from .. import services
from ..forms import ImportForm
from ..services.importeren import COLUMNS, MAX_BYTES, decode, sign, unsign
from .common import VIEW_ROLES, require_director

EXAMPLE = (
    ";".join(COLUMNS)
    + "\n999990068;Ronald;;Kok;14-03-1985;Breda;01-02-2026;15-12-2026;PI Breda;M. de Groot;076 000 0000"
)


@require_http_methods(["GET", "POST"])
@role_required(*VIEW_ROLES)
def import_upload(request: HttpRequest) -> HttpResponse:
    require_director(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            # Read in memory and never saved: the size is checked before reading.
            text = decode(_read(form.cleaned_data["bestand"]))
        except ValidationError as exc:
            form.add_error("bestand", exc.messages[0])
        else:
            preview = services.detentiemeldingen_preview(by=request.user, text=text)
            return render(
                request,
                "reintegration/import_preview.html",
                {"preview": preview, "token": sign(text) if preview.new else "", "confirm": True},
            )
    return render(request, "reintegration/import_upload.html", {"form": form, "columns": COLUMNS, "example": EXAMPLE})


def _read(bestand) -> bytes:
    if bestand.size > MAX_BYTES:
        raise ValidationError(_("Het bestand is groter dan 1 MB. Splits het in kleinere bestanden."))
    return bestand.read()


@require_POST
@role_required(*VIEW_ROLES)
def import_confirm(request: HttpRequest) -> HttpResponse:
    require_director(request)
    try:
        text = unsign(request.POST.get("voorbeeld", ""))
    except ValidationError as exc:
        return render(
            request,
            "reintegration/import_upload.html",
            {"form": ImportForm(), "columns": COLUMNS, "example": EXAMPLE, "error": exc.messages[0]},
            status=400,
        )
    result = services.detentiemeldingen_import(by=request.user, text=text)
    return render(request, "reintegration/import_preview.html", {"preview": result, "confirm": False})
