"""Connect in Spanish in a real browser: the footer's language switcher works
without JavaScript, and Spanish pages are accessible on a 375 px phone."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from activities.models import Activity
from tests.factories import PASSWORD

from .conftest import assert_accessible, watch

pytestmark = pytest.mark.django_db(transaction=True)

SPANISH_PAGES = {
    "/": "Mantente en contacto, un pasito a la vez",
    "/about/": "Acerca de Connect",
    "/privacy/": "Aviso de privacidad",
    "/accessibility/": "Declaración de accesibilidad",
    "/being-with-people/": "Consejos para estar con otras personas",
    "/accounts/signup/": "Regístrate",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_spanish_pages_are_accessible_on_a_phone(live_server, browser, scheme):
    context = browser.new_context(
        locale="es-US", viewport={"width": 375, "height": 800}, color_scheme=scheme
    )
    page = context.new_page()
    problems = watch(page)
    for path, heading in SPANISH_PAGES.items():
        page.goto(live_server.url + path)
        assert page.get_attribute("html", "lang") == "es", path
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    assert not problems, problems
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_footer_switcher_works_without_javascript(live_server, browser, width):
    context = browser.new_context(
        java_script_enabled=False, locale="en-US", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.goto(live_server.url + "/about/")
    expect(page.get_by_role("heading", level=1)).to_have_text("About Connect")
    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_url(live_server.url + "/about/")
    assert page.get_attribute("html", "lang") == "es"
    expect(page.get_by_role("heading", level=1)).to_have_text("Acerca de Connect")
    # The choice sticks as you move on, and can be undone the same way.
    page.get_by_role("link", name="Aviso de privacidad", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aviso de privacidad")
    page.get_by_label("Idioma").select_option("en")
    page.get_by_role("button", name="Cambiar idioma").click()
    page.wait_for_url(live_server.url + "/privacy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice")
    context.close()


def test_footer_switcher_is_reachable_by_keyboard(live_server, browser):
    context = browser.new_context(locale="en-US", viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/about/")
    select = page.get_by_label("Language")
    select.focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Change language")).to_be_focused()
    context.close()


def assert_spanish_page(page, heading: str) -> None:
    """In Spanish, with its heading, the Spanish crisis footer, no axe
    violation and nothing wider than a 375 px phone."""
    assert page.get_attribute("html", "lang") == "es", page.url
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    expect(page.get_by_role("heading", name="¿Necesitas ayuda ahora mismo?")).to_be_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, page.url


def test_a_member_walks_connect_in_spanish_chosen_in_the_footer(live_server, browser, member):
    """No Spanish from the browser: the phone asks for English, and the
    footer's switcher alone makes every page Spanish, signed in or not."""
    call_command("load_starter_catalogue")
    call_command("load_starter_helplines")
    activity = Activity.objects.published().order_by("order").first()
    context = browser.new_context(locale="en-US", viewport={"width": 375, "height": 800})
    page = context.new_page()
    problems = watch(page)

    page.goto(live_server.url + "/")
    assert page.get_attribute("html", "lang") == "en"
    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_url(live_server.url + "/")
    assert_spanish_page(page, "Mantente en contacto, un pasito a la vez")

    page.goto(live_server.url + "/activities/")
    assert_spanish_page(page, "Formas de conectar")

    page.goto(live_server.url + activity.get_absolute_url())
    # The starter catalogue's own Spanish text.
    assert_spanish_page(page, activity.title_es)
    expect(page.get_by_role("link", name="crea una cuenta gratis")).to_be_visible()

    page.goto(live_server.url + "/helplines/?state=OR")
    assert_spanish_page(page, "Líneas de ayuda y de apoyo emocional")

    page.goto(live_server.url + "/accounts/login/")
    assert_spanish_page(page, "Iniciar sesión")
    page.get_by_label("Correo electrónico").fill(member.email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)

    page.goto(live_server.url + "/activities/my/")
    assert_spanish_page(page, "Mis actividades")

    page.goto(live_server.url + "/worksheets/")
    assert_spanish_page(page, "Tus hojas de trabajo")
    expect(page.get_by_role("navigation", name="Principal")).to_contain_text("Hojas de trabajo")
    assert not problems, problems
    context.close()
