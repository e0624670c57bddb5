from django import template

from ..forms import PreferenceForm

register = template.Library()


@register.inclusion_tag("notifications/_preference_form.html", takes_context=True)
def notification_preference(context) -> dict:
    """The preference form for the account page, posting to its own view."""
    user = context["request"].user
    return {"form": PreferenceForm(initial={"frequency": user.notification_frequency}), "request": context["request"]}
