"""Findings 2 and 3: the beheerder can neither become someone else nor promote itself (or anyone) alone."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from zvh.accounts import services
from zvh.accounts.choices import Role
from zvh.accounts.models import RoleChangeRequest

from ..conftest import make_user, verified_client
from ..factories import TOTP_KEY_HEX
from ..helpers import post_password

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "een-heel-nieuw-wachtwoord-2025"


def user_form(user, **overrides) -> dict:
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "organisation": user.organisation_id,
        "function_title": "",
        "groups": [Group.objects.get(name=user.role).pk],
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
    }
    return data | overrides


# --- Finding 2: no TOTP secret, no password setting, reset by one-time link -------------------------------------


def test_the_admin_never_shows_a_totp_secret_or_its_qr_code():
    beheerder, ggz = make_user(Role.BEHEERDER), make_user(Role.KETENPARTNER, username="ggz")
    device = TOTPDevice.objects.get(user=ggz)
    client = verified_client(beheerder)
    response = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    page = response.content.decode()
    assert response.status_code in (200, 403, 404)
    assert TOTP_KEY_HEX not in page and TOTP_KEY_HEX.upper() not in page
    assert "otpauth://" not in page
    qr = client.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk]))
    assert qr.status_code in (403, 404)


def test_the_admin_has_no_page_to_set_a_password():
    beheerder, ggz = make_user(Role.BEHEERDER), make_user(Role.KETENPARTNER, username="ggz")
    client = verified_client(beheerder)
    with pytest.raises(NoReverseMatch):
        reverse("admin:auth_user_password_change", args=[ggz.pk])
    response = client.post(
        f"/beheer/accounts/user/{ggz.pk}/password/", {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code in (302, 404)  # the admin turns an unknown sub-page into a redirect to the object
    ggz.refresh_from_db()
    assert not ggz.check_password(NEW_PASSWORD)
    page = client.get(reverse("admin:accounts_user_change", args=[ggz.pk])).content.decode()
    assert "/password/" not in page and "argon2" not in page and "md5$" not in page


def test_a_new_user_gets_no_password_from_the_beheerder_but_a_one_time_link(mailoutbox):
    beheerder, politie = make_user(Role.BEHEERDER), make_user(Role.KETENPARTNER).organisation
    client = verified_client(beheerder)
    data = {"username": "nieuw", "email": "nieuw@politie.invalid", "organisation": politie.pk}
    with_passwords = data | {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}
    response = client.post(reverse("admin:accounts_user_add"), with_passwords)
    assert response.status_code == 302, response.content.decode()[:3000]
    from zvh.accounts.models import User

    user = User.objects.get(username="nieuw")
    assert not user.has_usable_password()


def test_reset_ends_sessions_and_devices_and_the_user_sets_the_password_and_enrols_again(
    django_capture_on_commit_callbacks, mailoutbox
):
    beheerder, ggz = make_user(Role.BEHEERDER), make_user(Role.KETENPARTNER, username="ggz", email="ggz@x.invalid")
    StaticDevice.objects.create(user=ggz, name="backup")
    ggz_client = verified_client(ggz)
    assert ggz_client.get(reverse("core:home")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = verified_client(beheerder).post(
            reverse("admin:accounts_user_changelist"),
            {"action": "reset_password", "_selected_action": [ggz.pk]},
        )
    assert response.status_code == 302
    ggz.refresh_from_db()
    assert not ggz.has_usable_password()
    assert not TOTPDevice.objects.filter(user=ggz).exists() and not StaticDevice.objects.filter(user=ggz).exists()
    assert ggz_client.get(reverse("core:home")).status_code == 302  # logged out everywhere
    assert not any(s.get_decoded().get("_auth_user_id") == str(ggz.pk) for s in Session.objects.all())
    # The beheerder never sees the link: it goes to the user's own mailbox.
    [mail] = mailoutbox
    assert mail.to == ["ggz@x.invalid"]
    link = re.search(r"http://testserver(/wachtwoord/instellen/\S+/)", mail.body).group(1)

    user_client = Client()
    form_url = user_client.get(link)["Location"]  # Django moves the token out of the URL into the session
    response = user_client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("password_set_done")
    ggz.refresh_from_db()
    assert ggz.check_password(NEW_PASSWORD)
    # One time only: the same link no longer works.
    again = Client().get(Client().get(link).get("Location", link))
    assert "ongeldig of al gebruikt" in again.content.decode()
    # Logging in now leads to the enrolment of a new authenticator, nothing else.
    login = Client()
    response = post_password(login, "ggz", NEW_PASSWORD)
    assert response.status_code == 302
    assert login.get(reverse("core:home"))["Location"] == reverse("two_factor:setup")


def test_the_beheerder_cannot_reset_its_own_password_through_the_admin():
    beheerder = make_user(Role.BEHEERDER, email="b@x.invalid")
    with pytest.raises(PermissionDenied):
        services.user_reset_password(user=beheerder, by=beheerder, request=None)


# --- Finding 3: no self-promotion, four eyes on privileged roles, the FG sees every change ------------------------


def test_the_beheerder_cannot_change_its_own_role_or_organisation():
    beheerder = make_user(Role.BEHEERDER)
    other_org = make_user(Role.KETENPARTNER).organisation
    client = verified_client(beheerder)
    regisseur_group = Group.objects.get(name=Role.PROCESREGISSEUR)
    response = client.post(
        reverse("admin:accounts_user_change", args=[beheerder.pk]),
        user_form(beheerder, groups=[regisseur_group.pk], organisation=other_org.pk),
    )
    assert response.status_code == 302
    beheerder.refresh_from_db()
    beheerder.forget_memberships()
    assert beheerder.roles == {Role.BEHEERDER}
    assert beheerder.organisation_id != other_org.pk
    with pytest.raises(PermissionDenied):
        services.role_change_request(user=beheerder, new_role=Role.PROCESREGISSEUR, by=beheerder)


@pytest.mark.parametrize("role", [Role.PROCESREGISSEUR, Role.FG, Role.BEHEERDER])
def test_a_privileged_role_waits_for_a_second_beheerder(role):
    first, second = make_user(Role.BEHEERDER, username="beheer1"), make_user(Role.BEHEERDER, username="beheer2")
    target = make_user(Role.SECRETARIAAT)
    response = verified_client(first).post(
        reverse("admin:accounts_user_change", args=[target.pk]),
        user_form(target, groups=[Group.objects.get(name=role).pk]),
        follow=True,
    )
    assert "wacht op goedkeuring door een tweede beheerder" in response.content.decode()
    target.forget_memberships()
    assert target.roles == {Role.SECRETARIAAT}  # not yet
    change = RoleChangeRequest.objects.get(user=target)
    assert change.status == RoleChangeRequest.Status.PENDING
    with pytest.raises(PermissionDenied):  # the requester cannot approve its own request
        services.role_change_approve(change=change, by=first)
    with pytest.raises(PermissionDenied):  # nor can the user it is about, nor anyone who is not a beheerder
        services.role_change_approve(change=change, by=target)
    verified_client(second).post(
        reverse("admin:accounts_rolechangerequest_changelist"), {"action": "approve", "_selected_action": [change.pk]}
    )
    change.refresh_from_db()
    target.forget_memberships()
    assert change.status == RoleChangeRequest.Status.APPLIED and change.decided_by == second
    assert target.roles == {role}


def test_a_refused_request_changes_nothing():
    first, second = make_user(Role.BEHEERDER, username="beheer1"), make_user(Role.BEHEERDER, username="beheer2")
    target = make_user(Role.MANAGER)
    change = services.role_change_request(user=target, new_role=Role.BEHEERDER, by=first)
    services.role_change_refuse(change=change, by=second)
    target.forget_memberships()
    assert target.roles == {Role.MANAGER}


def test_an_ordinary_role_is_applied_at_once_and_recorded():
    beheerder, target = make_user(Role.BEHEERDER), make_user(Role.KETENPARTNER)
    change = services.role_change_request(user=target, new_role=Role.MANAGER, by=beheerder)
    target.forget_memberships()
    assert target.roles == {Role.MANAGER} and change.status == RoleChangeRequest.Status.APPLIED


def test_the_fg_sees_every_role_change():
    first = make_user(Role.BEHEERDER, username="beheer1", first_name="Bea", last_name="van Beheer")
    second = make_user(Role.BEHEERDER, username="beheer2", first_name="Bert", last_name="Beheerder")
    target = make_user(Role.SECRETARIAAT, username="doelwit", first_name="Dirk", last_name="de Doel")
    pending = services.role_change_request(user=target, new_role=Role.FG, by=first)
    services.role_change_refuse(change=pending, by=second)
    services.role_change_request(user=target, new_role=Role.MANAGER, by=first)
    page = verified_client(make_user(Role.FG)).get(reverse("role_change_list")).content.decode()
    # users by full name, not by username (issue 16)
    assert page.count("Dirk de Doel") == 2 and "doelwit" not in page
    assert "afgewezen" in page and "doorgevoerd" in page and "Bea van Beheer" in page and "Bert Beheerder" in page


def test_an_ordinary_role_chosen_in_the_admin_is_applied():
    beheerder, target = make_user(Role.BEHEERDER), make_user(Role.KETENPARTNER)
    response = verified_client(beheerder).post(
        reverse("admin:accounts_user_change", args=[target.pk]),
        user_form(target, groups=[Group.objects.get(name=Role.MANAGER).pk]),
    )
    assert response.status_code == 302
    target.forget_memberships()
    assert target.roles == {Role.MANAGER}
    assert RoleChangeRequest.objects.get(user=target).status == RoleChangeRequest.Status.APPLIED
