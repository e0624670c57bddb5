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


def test_csrf_veld_renders_one_valid_field_for_every_form_of_a_list():
    from django.middleware.csrf import CsrfViewMiddleware, get_token
    from django.template import RequestContext
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    secret_holder = get_token(request)  # the request's token, as the middleware sets it
    html = Template("{% csrf_veld as veld %}<form>{{ veld }}</form><form>{{ veld }}</form>").render(
        RequestContext(request, {})
    )
    values = re.findall(r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">', html)
    assert len(values) == 2 and values[0] == values[1]
    # What a form posts back is accepted by Django's check against the cookie.
    post = RequestFactory().post("/", {"csrfmiddlewaretoken": values[0]})
    post.COOKIES["csrftoken"] = request.META["CSRF_COOKIE"]
    middleware = CsrfViewMiddleware(lambda r: None)
    assert middleware.process_view(post, lambda r: None, (), {}) is None
    forged = RequestFactory().post("/", {"csrfmiddlewaretoken": "a" * 64})
    forged.COOKIES["csrftoken"] = request.META["CSRF_COOKIE"]
    assert middleware.process_view(forged, lambda r: None, (), {}).status_code == 403
    assert secret_holder
    # Without a request (no token in the context) it renders nothing, like {% csrf_token %}.
    assert Template("{% csrf_veld as veld %}[{{ veld }}]").render(Context({})) == "[]"
