"""factory_boy factories. Users get their role as a group; ``verified`` clients come from conftest."""

import factory
from django.contrib.auth.models import Group
from django.utils.text import slugify
from django_otp.plugins.otp_totp.models import TOTPDevice

from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.models import Organisation, User
from zvh.accounts.services import user_sync_organisation_group

TEST_PASSWORD = "een-lang-testwachtwoord-2022"
# The fictitious BSNs of ../shared/DOMAIN.md (test range, valid by the 11-proof).
TEST_BSNS = (
    "999990007",
    "999990019",
    "999990020",
    "999990032",
    "999990044",
    "999990056",
    "999990068",
    "999990081",
    "999990093",
    "999990111",
    "999990123",
    "999990135",
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    code = factory.LazyAttribute(lambda o: slugify(o.name)[:60])  # stable key, as organisation_create sets it
    type = OrganisationType.OVERIG
    convenantpartner = True

    @factory.post_generation
    def with_group(self, create, extracted, **kwargs):
        if create and self.group_id is None:
            self.group = Group.objects.create(name=f"organisatie:{self.pk}")
            self.save(update_fields=["group"])

    class Params:
        zvh = factory.Trait(name="Zorg- en Veiligheidshuis Baronie Breda", type=OrganisationType.ZVH)
        politie = factory.Trait(name="Politie", type=OrganisationType.POLITIE)
        reclassering = factory.Trait(name="Reclassering Nederland", type=OrganisationType.RECLASSERING)
        veilig_thuis = factory.Trait(name="Veilig Thuis West-Brabant", type=OrganisationType.VEILIG_THUIS)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@test.zvh.invalid")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=Role(extracted).value))
            self.forget_memberships()
        if create:
            user_sync_organisation_group(user=self)
        self.save()

    @factory.post_generation
    def with_device(self, create, extracted, **kwargs):
        if create and extracted is not False:
            TOTPDevice.objects.create(user=self, name="default", key=TOTP_KEY_HEX, confirmed=True)


# A fixed secret so tests can compute codes; the demo uses its own (zvh.accounts.demo).
TOTP_KEY_HEX = "3132333435363738393031323334353637383930"  # RFC 6238 test secret "12345678901234567890"
