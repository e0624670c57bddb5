from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from zvh.permissions import role_required

from ..forms import BudgetForm
from ..periods import quarter_bounds, quarter_of
from ..selectors.budget import budget_overview as overview
from ._helpers import BUDGET_READERS


@require_GET
@role_required(*BUDGET_READERS)
def budget_overview(request: HttpRequest) -> HttpResponse:
    year, quarter = quarter_of(timezone.localdate())
    form = BudgetForm(request.GET or None, initial={"jaar": year, "kwartaal": quarter})
    if form.is_bound and form.is_valid():
        year, quarter = form.cleaned_data["jaar"], form.cleaned_data["kwartaal"]
    start, end = quarter_bounds(year, quarter)
    return render(
        request,
        "facilitering/budget_overview.html",
        {
            "form": form,
            "year": year,
            "quarter": quarter,
            "start": start,
            "last": end - timedelta(days=1),
            "partners": overview(start, end),
        },
    )
