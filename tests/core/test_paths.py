"""``path_pk`` / ``{% url_pk %}``: the same path as ``reverse`` for every URL with one integer key."""

import re

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse, set_script_prefix

from zvh.core.paths import path_pk

# Every name a template passes to {% url_pk %}.
NAMES = (
    "cases:casus_detail",
    "cases:afspraak_status",
    "cases:afspraak_deadline",
    "cases:overleg_detail",
    "triage:aanmelding_detail",
    "reintegration:traject_detail",
    "reintegration:isd_detail",
    "bij:advies_detail",
    "bij:melding_detail",
    "zsm:verzoek_detail",
    "levensloop:dossier_detail",
)


def test_every_url_pk_in_the_templates_is_tested():
    from pathlib import Path

    from django.conf import settings

    used = set()
    for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        used |= set(re.findall(r"\{% url_pk '([a-z_]+:[a-z_]+)'", path.read_text()))
    assert used <= set(NAMES), used - set(NAMES)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("pk", [0, 7, 1234567, 918273645])
def test_path_pk_is_reverse(name, pk):
    assert path_pk(name, pk) == reverse(name, args=[pk])


def test_path_pk_follows_the_script_prefix():
    try:
        set_script_prefix("/zvh/")
        assert path_pk("cases:casus_detail", 5) == "/zvh/casussen/5/" == reverse("cases:casus_detail", args=[5])
    finally:
        set_script_prefix("/")
    assert path_pk("cases:casus_detail", 5) == "/casussen/5/"


def test_path_pk_refuses_what_reverse_refuses():
    with pytest.raises(NoReverseMatch):
        path_pk("cases:casus_detail", -1)
    with pytest.raises(NoReverseMatch):
        path_pk("cases:casus_list", 1)  # no key in the pattern
    with pytest.raises(ValueError):
        path_pk("cases:casus_detail", "1/../2")


def test_url_pk_tag_needs_no_load():
    html = Template("<a href=\"{% url_pk 'cases:casus_detail' c %}\">").render(Context({"c": 42}))
    assert html == '<a href="/casussen/42/">'
