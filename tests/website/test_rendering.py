import pytest

PAGE_NAMES = [
    "home",
    "about",
    "partners",
    "partner",
    "partner_about",
    "practices",
    "practice",
    "events",
    "event",
    "local_event",
    "handbook",
    "chapter",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_renders_in_english(client, net, name):
    page = net.page(name)
    response = client.get(page.url)
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr"' in response.text
    assert page.title in response.text


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_renders_in_arabic_right_to_left(client, net, name):
    page = net.page(name, "ar")
    assert page.url.startswith("/ar/")
    response = client.get(page.url)
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl"' in response.text
    assert page.title in response.text


def test_root_redirects_to_the_visitors_preferred_language(client, net):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="it-IT,it;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/it/"


def test_root_redirects_to_english_for_an_unknown_language(client, net):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="tlh")
    assert response["Location"] == "/en/"


def test_unknown_page_is_a_404(client, net):
    assert client.get("/en/no-such-page/").status_code == 404


def test_unknown_language_prefix_ends_in_a_404(client, net):
    assert client.get("/xx/practices/", follow=True).status_code == 404


def test_practice_page_shows_its_partner_themes_and_target_groups_in_its_language(client, net):
    response = client.get(net.page("practice", "it").url)
    assert "Integrazione" in response.text
    assert "Giovani" in response.text
    assert 'href="/it/partners/palermo/"' in response.text


def test_chapter_cites_practices_in_the_readers_language(client, net):
    response = client.get(net.page("chapter", "ar").url)
    assert 'href="/ar/partners/palermo/market-walks/"' in response.text
    assert "جولات في السوق" in response.text


def test_home_page_lists_latest_practices_upcoming_events_and_partners(client, net):
    response = client.get("/it/")
    text = response.text
    assert "Passeggiate al mercato" in text
    assert "Riunione di avvio" in text
    assert 'href="/it/partners/palermo/"' in text


def test_event_shows_times_in_the_events_time_zone(client, net):
    event = net.page("event")
    local = event.local_start
    response = client.get(event.url)
    assert f'datetime="{local.isoformat()}"' in response.text
    # The zone is named as the reader says it (CLDR), not by its tz database name.
    assert "(Rome Time)" in response.text


def test_page_has_skip_link_and_main_landmark(client, net):
    response = client.get(net.page("practice").url)
    assert 'class="skip-link" href="#main"' in response.text
    assert '<main id="main"' in response.text
    assert response.text.count("<h1") == 1
