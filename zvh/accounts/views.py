"""Thin wrappers around django-two-factor-auth's views: Dutch labels, nothing else changes."""

from django.utils.translation import gettext_lazy as _
from two_factor import views as tf_views

from zvh.core.middleware import LOGOUT_REASON_KEY

TOKEN_LABEL = _("Verificatiecode")
TOKEN_HELP = _("De 6 cijfers uit uw authenticator-app.")
LOGOUT_REASONS = {
    "idle": _("U bent automatisch uitgelogd omdat u 30 minuten niets heeft gedaan. Log opnieuw in."),
    "absolute": _("U bent automatisch uitgelogd omdat u langer dan 12 uur was ingelogd. Log opnieuw in."),
}


def _dutch_labels(form) -> None:
    for name in ("otp_token", "token"):
        if name in form.fields:
            form.fields[name].label = TOKEN_LABEL
            form.fields[name].help_text = TOKEN_HELP
    if "username" in form.fields:
        form.fields["username"].widget.attrs["autocomplete"] = "username"
    if "password" in form.fields:
        form.fields["password"].widget.attrs["autocomplete"] = "current-password"


class LoginView(tf_views.LoginView):
    def get_form(self, step=None, **kwargs):
        form = super().get_form(step=step, **kwargs)
        _dutch_labels(form)
        if (step or self.steps.current) == self.BACKUP_STEP and "otp_token" in form.fields:
            form.fields["otp_token"].label = _("Reservecode")
            form.fields["otp_token"].help_text = _("Een van de reservecodes die u bij het instellen heeft bewaard.")
        return form

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        reason = self.request.session.pop(LOGOUT_REASON_KEY, None)
        context["logout_reason"] = LOGOUT_REASONS.get(reason)
        return context


class SetupView(tf_views.SetupView):
    def get_form(self, step=None, **kwargs):
        form = super().get_form(step=step, **kwargs)
        _dutch_labels(form)
        return form
