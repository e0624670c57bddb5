import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from zvh.accounts.choices import Role

from .factories import OrganisationFactory, UserFactory

ROLE_ORGANISATIONS = {
    Role.PROCESREGISSEUR: "zvh",
    Role.SECRETARIAAT: "zvh",
    Role.KETENPARTNER: "politie",
    Role.MANAGER: "zvh",
    Role.FG: "zvh",
    Role.BEHEERDER: "zvh",
}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The fault drills first (after pytest-django's ordering, which puts them last as tests without a database),
    then the full demo seed test.

    The drills start their own PostgreSQL cluster, gunicorn and Celery and take minutes of mostly waiting; the
    seed test takes ≈ 45 s. At the front they start at once, while the other worker runs the short tests, instead
    of keeping one worker busy after the other has finished. Only tests that leave the test database as they found
    it may move: a transactional test (the scale test) empties it, so pytest-django's order keeps it after the
    tests that need the migrations' rows.
    """
    first = ("tests/faults/", "tests/core/test_seed_demo.py::")
    items.sort(key=lambda item: next((i for i, prefix in enumerate(first) if item.nodeid.startswith(prefix)), 2))


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_filter_choices():
    """List filters keep their choices in memory for minutes; each test starts with its own data."""
    from cases.forms import cached_choices

    cached_choices.cache_clear()


def make_user(role: Role | str | None, **kwargs):
    if role is not None and "organisation" not in kwargs:
        kwargs["organisation"] = OrganisationFactory(**{ROLE_ORGANISATIONS[Role(role)]: True})
    if role == Role.BEHEERDER:
        kwargs.setdefault("is_staff", True)
    return UserFactory(role=role, **kwargs)


def verified_client(user) -> Client:
    """A test client logged in as ``user`` whose session passed the second factor."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user).first()
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def user_factory(db):
    return make_user


@pytest.fixture
def client_for(db):
    """``client_for(Role.FG)`` → (client, user), logged in and 2FA-verified."""

    def build(role: Role | str, **kwargs):
        user = make_user(role, **kwargs)
        return verified_client(user), user

    return build


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Each worker's test database is a copy of one migrated template, and a transactional test's tables are
    emptied with DELETE (PostgreSQL; see tests/dbtemplate.py)."""
    from .dbtemplate import fast_flush, use_migrated_template

    use_migrated_template()
    fast_flush()
