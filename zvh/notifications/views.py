"""The e-mail preference, shown on the account page ('Mijn account')."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from zvh.core.forms import posted, submit

from . import services
from .forms import PreferenceForm


@require_http_methods(["GET", "POST"])
def preference(request: HttpRequest) -> HttpResponse:
    """Every logged-in user chooses immediate e-mails or one digest a day."""
    form = PreferenceForm(posted(request), initial={"frequency": request.user.notification_frequency})
    ok, _user = submit(
        request,
        form,
        lambda: services.notification_frequency_set(user=request.user, frequency=form.cleaned_data["frequency"]),
        _("Uw keuze voor e-mailmeldingen is opgeslagen."),
    )
    if ok:
        return redirect("two_factor:profile")
    return render(request, "notifications/preference.html", {"form": form})
