"""Demo data for ZSM contextinformatie. Idempotent.

- account ``zsm``: ketenpartner of the Openbaar Ministerie in the ZSM team (demo password and TOTP secret);
- the fixed fixture: a contextverzoek from the Openbaar Ministerie about Jan de Vries (BSN 999990019, the triage
  demo's fixture), received and answered today, within its deadline: created when no verzoek about him was
  received today (a run on a later day makes that day's);
- an open verzoek about a minor whose deadline is later today (Mijn werk of the procesregisseur).
"""

from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from zvh.access.models import Team
from zvh.accounts import services as account_services
from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.demo import DEMO_PASSWORD, totp_key_hex
from zvh.accounts.models import Organisation, User

from . import services
from .choices import TEAM, ZsmPartner
from .models import Contextverzoek

ACCOUNT = "zsm"
OM = "Openbaar Ministerie"
JAN = {"voornamen": "Jan", "tussenvoegsel": "de", "achternaam": "Vries", "bsn": "999990019"}
JAN_GEBOORTEDATUM = date(1979, 3, 14)
JAN_CONTEXT = (
    "Bekend bij het ZVH: casus in regie (complexe casuïstiek), politie en reclassering zijn betrokken. "
    "Contact: de procesregisseur van het ZVH, via het algemene nummer."
)


def zsm_account() -> User:
    organisation = Organisation.objects.filter(name=OM).first() or account_services.organisation_create(
        name=OM, type=OrganisationType.OM, convenantpartner=True
    )
    user = User.objects.filter(username=ACCOUNT).first() or account_services.user_create(
        username=ACCOUNT,
        organisation=organisation,
        role=Role.KETENPARTNER,
        password=DEMO_PASSWORD,
        first_name="Zara",
        last_name="Zandbergen",
        email=f"{ACCOUNT}@demo.zvh.invalid",
        function_title="Parketsecretaris ZSM",
    )
    TOTPDevice.objects.get_or_create(user=user, name="default", defaults={"key": totp_key_hex(), "confirmed": True})
    Team.objects.get(code=TEAM).leden.add(user)
    user.forget_memberships()
    return user


def _today_window(now: datetime) -> tuple[datetime, datetime, datetime]:
    """Today's midnight, a moment this morning before now, and the end of today (dates stay today whenever this
    runs)."""
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    start = max(midnight + timedelta(minutes=1), now - timedelta(hours=3))
    return midnight, min(start, now), midnight + timedelta(hours=23, minutes=59)


def _jan_today(user: User, regisseur: User, now: datetime) -> None:
    midnight, start, end_of_day = _today_window(now)
    if Contextverzoek.objects.filter(bsn=JAN["bsn"], ontvangen_op__gte=midnight).exists():
        return
    verzoek = services.contextverzoek_create(
        by=user,
        **JAN,
        geboortedatum=JAN_GEBOORTEDATUM,
        minderjarig=False,
        partner=ZsmPartner.OM,
        ontvangen_op=start,
        deadline=min(start + timedelta(hours=4), end_of_day),
        kenmerk="ZSM-BRE-0412",
        vraag="Afdoeningsbeslissing vandaag: is er zorg of regie rond de verdachte?",
    )
    services.contextverzoek_answer(verzoek=verzoek, by=regisseur, bekend=True, context=JAN_CONTEXT)
    # The demo plays the morning: answered halfway between receipt and now, within the deadline.
    Contextverzoek.objects.filter(pk=verzoek.pk).update(beantwoord_op=start + (now - start) / 2)


def _open_minor(user: User, now: datetime) -> None:
    _midnight, _start, end_of_day = _today_window(now)
    if Contextverzoek.objects.filter(achternaam="Vermeulen", beantwoord_op__isnull=True).exists():
        return
    services.contextverzoek_create(
        by=user,
        voornamen="Daan",
        achternaam="Vermeulen",
        geboortedatum=date(now.year - 16, 6, 2),
        minderjarig=True,
        partner=ZsmPartner.OM,
        ontvangen_op=now,
        deadline=min(now + timedelta(hours=3), end_of_day),
        vraag="Jeugdige verdachte, winkeldiefstal: loopt er iets in het gezin?",
    )


def seed(stdout=None, **options) -> None:
    regisseur = User.objects.filter(username="regisseur").first()
    if regisseur is None or not Organisation.objects.exists():
        return
    with transaction.atomic():
        user = zsm_account()
        now = timezone.now()
        _jan_today(user, regisseur, now)
        if (timezone.localtime(now) + timedelta(minutes=5)).date() == timezone.localdate(now):
            _open_minor(user, now)
    if stdout is not None:
        stdout.write("ZSM: account zsm, contextverzoek over Jan de Vries (vandaag beantwoord).")
