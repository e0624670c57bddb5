"""Every request runs inside the frame with room on CPython's frame stack (zvh/core/stack.py)."""

import sys

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.template import base
from django.test import RequestFactory

from zvh.core.stack import HEADROOM_SLOTS, StackHeadroomMiddleware, run_with_headroom


def _frames_from_here():
    frame = sys._getframe()
    while frame is not None:
        yield frame.f_code
        frame = frame.f_back


def test_the_frame_is_large_and_passes_the_call_through():
    assert run_with_headroom.__code__.co_stacksize >= HEADROOM_SLOTS
    assert run_with_headroom(lambda x: x * 2, 21) == 42


def test_the_middleware_runs_the_rest_of_the_request_inside_it():
    seen = {}

    def view(request):
        seen["inside"] = run_with_headroom.__code__ in set(_frames_from_here())
        return HttpResponse("ok")

    response = StackHeadroomMiddleware(view)(RequestFactory().get("/"))
    assert response.content == b"ok"
    assert seen["inside"]


def test_it_is_the_outermost_middleware():
    assert settings.MIDDLEWARE[0] == "zvh.core.stack.StackHeadroomMiddleware"


@pytest.mark.django_db
def test_a_real_page_is_rendered_inside_it(client, monkeypatch):
    seen = {}
    original = base.Template._render

    def render(self, context):
        seen.setdefault("inside", run_with_headroom.__code__ in set(_frames_from_here()))
        return original(self, context)

    monkeypatch.setattr(base.Template, "_render", render)
    assert client.get("/inloggen/").status_code == 200
    assert seen["inside"]
