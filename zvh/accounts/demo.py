"""Demo organisations and one account per role. Idempotent: existing rows are left as they are."""

from base64 import b32decode
from dataclasses import dataclass

from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .choices import OrganisationType as T
from .choices import Role
from .models import Organisation, User

DEMO_PASSWORD = "demo-wachtwoord-2022"
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # base32, 160 bits

ZVH = "Zorg- en Veiligheidshuis Baronie Breda"
POLITIE = "Politie"
RECLASSERING = "Reclassering Nederland"
VEILIG_THUIS = "Veilig Thuis West-Brabant"
GEMEENTEN = [
    "Breda",
    "Alphen-Chaam",
    "Baarle-Nassau",
    "Drimmelen",
    "Etten-Leur",
    "Geertruidenberg",
    "Oosterhout",
    "Zundert",
]

ORGANISATIONS: list[tuple[str, str, bool]] = [
    (ZVH, T.ZVH, True),
    (POLITIE, T.POLITIE, True),
    ("Openbaar Ministerie", T.OM, True),
    (RECLASSERING, T.RECLASSERING, True),
    ("Dienst Justitiële Inrichtingen", T.DJI, True),
    (VEILIG_THUIS, T.VEILIG_THUIS, True),
    ("MaSS", T.MASS, True),
    ("GGZ Breburg", T.GGZ, True),
    ("KR8-kollektief", T.OVERIG, True),
    *[(f"Gemeente {name}", T.GEMEENTE, True) for name in GEMEENTEN],
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: Role
    organisation: str
    first_name: str
    last_name: str
    function_title: str
    is_staff: bool = False


DEMO_USERS = [
    DemoUser("regisseur", Role.PROCESREGISSEUR, ZVH, "Richard", "de Regisseur", "Procesregisseur"),
    DemoUser("secretariaat", Role.SECRETARIAAT, ZVH, "Sanne", "Smits", "Administratief medewerker"),
    DemoUser("politie", Role.KETENPARTNER, POLITIE, "Pieter", "Peeters", "Wijkagent"),
    DemoUser("reclassering", Role.KETENPARTNER, RECLASSERING, "Roos", "Rijnders", "Reclasseringswerker"),
    DemoUser("veiligthuis", Role.KETENPARTNER, VEILIG_THUIS, "Vera", "Verhoeven", "Medewerker Veilig Thuis"),
    DemoUser("manager", Role.MANAGER, ZVH, "Monique", "Mertens", "Manager ZVH"),
    DemoUser("fg", Role.FG, "Gemeente Breda", "Frank", "Gerritsen", "Functionaris gegevensbescherming"),
    DemoUser("beheer", Role.BEHEERDER, ZVH, "Bas", "Beheer", "Functioneel beheerder", is_staff=True),
]


def totp_key_hex() -> str:
    return b32decode(DEMO_TOTP_SECRET).hex()


def seed_organisations() -> dict[str, Organisation]:
    existing = {org.name: org for org in Organisation.objects.all()}
    for name, org_type, convenant in ORGANISATIONS:
        if name not in existing:
            existing[name] = services.organisation_create(name=name, type=org_type, convenantpartner=convenant)
    return existing


def seed_users(organisations: dict[str, Organisation]) -> list[User]:
    users = []
    for spec in DEMO_USERS:
        user = User.objects.filter(username=spec.username).first()
        if user is None:
            user = services.user_create(
                username=spec.username,
                organisation=organisations[spec.organisation],
                role=spec.role,
                password=DEMO_PASSWORD,
                first_name=spec.first_name,
                last_name=spec.last_name,
                email=f"{spec.username}@demo.zvh.invalid",
                function_title=spec.function_title,
                is_staff=spec.is_staff,
            )
        if not TOTPDevice.objects.filter(user=user).exists():
            TOTPDevice.objects.create(user=user, name="default", key=totp_key_hex(), confirmed=True)
        users.append(user)
    return users


def seed(stdout=None, **options) -> None:
    organisations = seed_organisations()
    seed_users(organisations)
