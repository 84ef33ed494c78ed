"""Connect speaks to members with "tú", also where the words come from
allauth or Django, whose own Spanish uses "usted" (accounts/allauth_messages.py)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import make_member

from .test_spanish_pages import SPANISH

pytestmark = pytest.mark.django_db

USTED = re.compile(r"\b(usted|Introduzca|Ingrese|Utilice|Añadir|Aplicación de autenticación)\b")


def test_a_bad_email_on_sign_up_is_told_with_tu():
    page = Client(headers=SPANISH).post(reverse("account_signup"), {"email": "nope"})
    html = page.content.decode()
    assert "Escribe una dirección de correo electrónico válida." in html
    assert not USTED.search(html)


@pytest.fixture
def member_es() -> Client:
    client = Client(headers=SPANISH)
    sign_in(client, make_member())
    return client


def test_adding_a_bad_email_address_is_told_with_tu(member_es):
    html = member_es.post(reverse("account_email"), {"action_add": "", "email": "nope"})
    html = html.content.decode()
    assert "Escribe una dirección de correo electrónico válida." in html
    assert "Agregar correo electrónico" in html
    assert not USTED.search(html), USTED.search(html)


def test_the_two_factor_page_says_app_as_the_glossary_does(member_es):
    html = member_es.get(reverse("mfa_index")).content.decode()
    assert "No tienes ninguna app de autenticación activa." in html
    assert "Autenticación de dos factores" in html
    assert not USTED.search(html), USTED.search(html)
