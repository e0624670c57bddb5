"""The FG's two screens on the access log: per person ("wie heeft dit dossier ingezien") and per user."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from zvh import csv as zvh_csv
from zvh.access import gateway
from zvh.accounts.choices import Role
from zvh.accounts.models import User
from zvh.core.dates import datum_tabel
from zvh.core.pagination import BoundedCountPaginator
from zvh.permissions import role_required
from zvh.persons.sorting import users_op_naam

from . import plain, selectors
from .choices import AccessAction
from .forms import PeriodForm, PersonLookupForm
from .services import access_log_record

PAGE_SIZE = 50


def _period(request: HttpRequest) -> tuple[PeriodForm, dict]:
    form = PeriodForm(request.GET or None)
    period = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form, {"van": period.get("van"), "tot": period.get("tot")}


def _query(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


@require_http_methods(["GET", "POST"])
@role_required(Role.FG)
def person_lookup(request: HttpRequest) -> HttpResponse:
    """Find the person an AVG request or complaint is about (identity only, no case content)."""
    form = PersonLookupForm(request.POST if request.method == "POST" else None)
    found = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        found = gateway.identity_search(
            request=request, bsn=data["bsn"], achternaam=data["achternaam"], geboortedatum=data["geboortedatum"]
        )
    return render(request, "privacy/person_lookup.html", {"form": form, "found": found})


@require_GET
@role_required(Role.FG)
def person_log(request: HttpRequest, pk: int) -> HttpResponse:
    persoon = gateway.identity_get(request=request, pk=pk)
    form, period = _period(request)
    page = Paginator(selectors.person_access_log(person_id=pk, **period), PAGE_SIZE).get_page(request.GET.get("pagina"))
    page.object_list = list(page.object_list)  # read what existed before this view is itself logged
    access_log_record(
        request=request,
        user=request.user,
        action=AccessAction.READ,
        object_type="privacy.toegangsregistratie",
        object_ids=[pk],
        person_ids=[pk],
    )
    context = {"persoon": persoon, "form": form, "page": page, "query": _query(request)}
    context["csv_url"] = reverse("privacy:person_log_csv", args=[pk])
    return render(request, "privacy/person_log.html", context)


@require_GET
@role_required(Role.FG)
def person_log_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """The same rows as the screen (same period), for the FG's report; logged as an export of the person."""
    gateway.identity_get(request=request, pk=pk)
    _form, period = _period(request)
    entries = [row.entry for row in selectors.person_access_log(person_id=pk, **period)[:CSV_MAX]]
    response = _csv(entries, f"toegang-persoon-{pk}.csv")
    access_log_record(
        request=request,
        user=request.user,
        action=AccessAction.EXPORT,
        object_type="privacy.toegangsregistratie",
        object_ids=[pk],
        person_ids=[pk],
    )
    return response


@require_GET
@role_required(Role.FG)
def user_list(request: HttpRequest) -> HttpResponse:
    users = users_op_naam(User.objects.select_related("organisation").prefetch_related("groups"))
    return render(request, "privacy/user_list.html", {"users": users})


@require_GET
@role_required(Role.FG)
def user_log(request: HttpRequest, pk: int) -> HttpResponse:
    subject = User.objects.select_related("organisation").filter(pk=pk).first()
    if subject is None:
        raise Http404
    form, period = _period(request)
    # Counting a busy user's rows (millions for a procesregisseur) costs more than the page: "ongeveer" past two pages.
    paginator = BoundedCountPaginator(selectors.user_access_log(user_id=pk, **period), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("pagina"))
    page.object_list = selectors.attach_person_ids(list(page.object_list))
    shown_persons = sorted({pid for entry in page.object_list for pid in entry.person_ids})
    access_log_record(
        request=request,
        user=request.user,
        action=AccessAction.READ,
        object_type="privacy.toegangsregistratie",
        object_ids=[f"gebruiker:{pk}"],
        person_ids=shown_persons,
    )
    context = {"subject": subject, "form": form, "page": page, "query": _query(request)}
    context["csv_url"] = reverse("privacy:user_log_csv", args=[pk])
    return render(request, "privacy/user_log.html", context)


@require_GET
@role_required(Role.FG)
def user_log_csv(request: HttpRequest, pk: int) -> HttpResponse:
    if not User.objects.filter(pk=pk).exists():
        raise Http404
    _form, period = _period(request)
    entries = selectors.attach_person_ids(list(selectors.user_access_log(user_id=pk, **period)[:CSV_MAX]))
    response = _csv(entries, f"toegang-gebruiker-{pk}.csv", persons=True)
    access_log_record(
        request=request,
        user=request.user,
        action=AccessAction.EXPORT,
        object_type="privacy.toegangsregistratie",
        object_ids=[f"gebruiker:{pk}"],
        person_ids=sorted({pid for entry in entries for pid in entry.person_ids}),
    )
    return response


CSV_MAX = 50_000


def _csv(entries, filename: str, *, persons: bool = False) -> HttpResponse:
    """Through zvh/csv.py (formula cells neutralised); plain words, full names, organisations."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = zvh_csv.writer(response)
    header = [_("Tijdstip"), _("Wie"), _("Organisatie"), _("Rol"), _("Wat"), _("Soort dossier"), _("Dossier")]
    writer.writerow([*header, _("Namens"), *([_("Personen (nummer)")] if persons else [])])
    roles = dict(Role.choices)
    for e in entries:
        row = [
            datum_tabel(e.timestamp, "seconden"),
            e.user.display_name if e.user_id else e.username,
            str(e.organisation or ""),
            str(roles.get(e.role, e.role)),
            plain.action_text(e.action, e.result),
            plain.object_text(e.object_type),
            ", ".join(str(x) for x in e.object_ids),
            str(e.on_behalf_of or ""),
        ]
        if persons:
            row.append(", ".join(str(pid) for pid in e.person_ids))
        writer.writerow(row)
    return response
