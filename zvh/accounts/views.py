"""Thin wrappers around django-two-factor-auth's views: Dutch labels, one username normalisation, and wrong
verification codes counted by the lockout exactly like wrong passwords."""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_login_failed
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from two_factor import views as tf_views

from zvh.core.middleware import LOGOUT_REASON_KEY
from zvh.permissions import role_required

from . import selectors
from .backup_codes import as_hashed, backup_device_for
from .choices import Role
from .forms import LoginForm

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
    form_list = (
        (tf_views.LoginView.AUTH_STEP, LoginForm),
        *tf_views.LoginView.form_list[1:],
    )
    CODE_STEPS = (tf_views.LoginView.TOKEN_STEP, tf_views.LoginView.BACKUP_STEP)

    def _code_credentials(self) -> dict | None:
        """At the code steps: the credentials axes counts under (the user who passed the password step)."""
        if self.steps.current not in self.CODE_STEPS:
            return None
        user = self.get_user()
        return {"username": user.get_username()} if user else None

    def post(self, *args, **kwargs):
        credentials = self._code_credentials()
        if credentials and not AxesProxyHandler.is_allowed(self.request, credentials):
            # Locked (by passwords or codes) while at the code step: no code is checked any more.
            self.storage.reset()
            return get_lockout_response(self.request, credentials=credentials)
        return super().post(*args, **kwargs)

    def render(self, form=None, **kwargs):
        credentials = self._code_credentials()
        if credentials and form is not None and form.is_bound and form.errors:
            # A wrong verification or backup code is a failed login: same counter, same threshold, same record.
            user_login_failed.send(sender=type(self), credentials=credentials, request=self.request)
            if getattr(self.request, "axes_locked_out", False):
                self.storage.reset()
                return get_lockout_response(self.request, credentials=credentials)
        return super().render(form, **kwargs)

    def get_device(self, step=None):
        # Backup codes are stored hashed: whichever way the wizard picks the static device (the backup step or a
        # posted challenge_device), it is checked by HashedStaticDevice.
        self.device_cache = as_hashed(super().get_device(step=step))
        return self.device_cache

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


class BackupTokensView(tf_views.BackupTokensView):
    """New backup codes are shown once, in the answer to the POST that made them; the database keeps only hashes."""

    def get_device(self):
        return backup_device_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["code_count"] = context["device"].token_set.count()
        return context

    def form_valid(self, form):
        codes = self.get_device().generate_codes()
        return self.render_to_response(self.get_context_data(form=form, new_codes=codes))


class PasswordSetView(auth_views.PasswordResetConfirmView):
    """The one-time link from a password reset: the user chooses a password, then logs in and enrols again."""

    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("password_set_done")
    post_reset_login = False


class PasswordSetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_set_done.html"


password_set = login_not_required(PasswordSetView.as_view())
password_set_done = login_not_required(PasswordSetDoneView.as_view())


@require_GET
@role_required(Role.FG)
def role_change_list(request: HttpRequest) -> HttpResponse:
    """For the FG: every change of a user's role, who asked, who approved or refused, and when."""
    page = Paginator(selectors.role_changes(), 50).get_page(request.GET.get("pagina"))
    return render(request, "accounts/role_change_list.html", {"page": page})
