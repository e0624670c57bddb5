"""Login, two-factor enrolment and logout. Built on django-two-factor-auth; disabling 2FA is not offered."""

from django.contrib.auth.views import LogoutView
from django.urls import include, path
from two_factor.views import ProfileView, QRGeneratorView, SetupCompleteView

from .views import BackupTokensView, LoginView, SetupView, password_set, password_set_done, role_change_list

two_factor_patterns = [
    path("inloggen/", LoginView.as_view(), name="login"),
    path("account/tweestapsverificatie/instellen/", SetupView.as_view(), name="setup"),
    path("account/tweestapsverificatie/qr/", QRGeneratorView.as_view(), name="qr"),
    path("account/tweestapsverificatie/gereed/", SetupCompleteView.as_view(), name="setup_complete"),
    path("account/tweestapsverificatie/reservecodes/", BackupTokensView.as_view(), name="backup_tokens"),
    path("account/", ProfileView.as_view(), name="profile"),
]

urlpatterns = [
    path("", include((two_factor_patterns, "two_factor"))),
    path("uitloggen/", LogoutView.as_view(), name="logout"),
    # The one-time link of a password reset (Django's token: valid once, until the password changes).
    path("wachtwoord/instellen/<uidb64>/<token>/", password_set, name="password_reset_confirm"),
    path("wachtwoord/ingesteld/", password_set_done, name="password_set_done"),
    path("privacy/rolwijzigingen/", role_change_list, name="role_change_list"),
]
