"""The language menu on phones and desktops, by mouse, touch and keyboard, on every host."""

import re
import urllib.request
from urllib.parse import urlsplit

import pytest

PHONES = [320, 390]


def open_menu(page, url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url)
    page.click(".language-switcher summary")
    return page.locator(".language-switcher ul")


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_open_menu_lies_inside_a_phone_screen(page, live_site, language, width):
    menu = open_menu(page, f"{live_site['base']}/{language}/", width)
    box = menu.bounding_box()
    assert menu.is_visible()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    for link in menu.locator("a").all():
        link_box = link.bounding_box()
        assert link_box["x"] >= 0 and link_box["x"] + link_box["width"] <= width
        assert link_box["height"] >= 44  # a finger's target


@pytest.mark.parametrize("language", ["en", "ar"])
def test_choosing_a_language_by_touch_on_a_phone_leads_to_it(browser, live_site, language):
    phone = browser.new_context(
        viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True
    )
    page = phone.new_page()
    page.goto(f"{live_site['base']}/{language}/practices/")
    page.tap(".language-switcher summary")
    page.tap(".language-switcher a[hreflang='it']")
    page.wait_for_url(re.compile(r"/it/"))
    assert page.locator("html").get_attribute("lang") == "it"
    assert urlsplit(page.url).path == "/it/practices/"
    phone.close()


def test_the_menu_on_a_desktop_opens_under_its_button(page, live_site):
    menu = open_menu(page, f"{live_site['base']}/en/", 1366)
    button = page.locator(".language-switcher summary").bounding_box()
    box = menu.bounding_box()
    assert box["y"] >= button["y"] + button["height"] - 8
    assert box["x"] + box["width"] <= 1366
    assert box["x"] + box["width"] >= button["x"] + button["width"] - 24


def test_the_keyboard_moves_through_the_languages_and_escape_closes(page, live_site):
    page.goto(f"{live_site['base']}/en/")
    page.focus(".language-switcher summary")
    page.keyboard.press("Enter")
    assert page.locator(".language-switcher details").get_attribute("open") is not None
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.hreflang") == "en"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.hreflang") == "it"
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.hreflang") == "ar"
    page.keyboard.press("Home")
    assert page.evaluate("document.activeElement.hreflang") == "en"
    page.keyboard.press("Escape")
    assert page.locator(".language-switcher details").get_attribute("open") is None
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"


def test_a_click_outside_closes_the_menu(page, live_site):
    open_menu(page, f"{live_site['base']}/en/", 1366)
    page.click("main h1")
    assert page.locator(".language-switcher details").get_attribute("open") is None


def test_the_menu_is_a_named_navigation_with_the_current_language_marked(page, live_site):
    page.goto(f"{live_site['base']}/ar/")
    navigation = page.get_by_role("navigation", name="اللغات")
    assert navigation.count() == 1
    current = navigation.locator("a[aria-current='true']")
    assert current.get_attribute("hreflang") == "ar"


def status_on_host(address):
    """GET through the server's own address, naming the microsite's host."""
    parts = urlsplit(address)
    request = urllib.request.Request(  # noqa: S310
        f"http://127.0.0.1:{parts.port}{parts.path}", headers={"Host": parts.netloc}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.status


def test_a_microsite_added_while_the_site_runs_switches_languages_on_its_own_host(page, live_site):
    # Another process adds the partner, as an administrator does beside the running site.
    live_site["manage"](
        "add_partner",
        "Comune di Bologna",
        "--city=Bologna",
        "--country=IT",
        "--languages=it,en",
        "--hostname=bologna.localhost",
    )
    host = f"bologna.localhost:{live_site['port']}"
    page.goto(f"http://{host}/en/")
    assert page.locator("h1").inner_text() == "Bologna"
    addresses = page.eval_on_selector_all(
        ".language-switcher a", "links => links.map(link => link.href)"
    )
    assert addresses
    for address in addresses:
        assert urlsplit(address).netloc == host, address
        assert status_on_host(address) == 200, address
    page.click(".language-switcher summary")
    page.click(".language-switcher a[hreflang='it']")
    assert urlsplit(page.url).netloc == host
    assert page.locator("html").get_attribute("lang") == "it"
