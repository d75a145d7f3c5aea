"""Registration has the spam rules of every public form: honeypot, timing stamp, rate limit."""

import re
import time

import pytest
import time_machine
from wagtail.models import Locale

from events.factories import EventPageFactory
from events.models import Registration, RegistrationStatus
from website.demo.translation import translate
from website.guard import stamp

from .test_registration import form_data


@pytest.fixture
def event(net):
    return EventPageFactory(
        parent=net.page("events"),
        title="Schools and young people",
        registration_status=RegistrationStatus.ON_SITE,
        capacity=100,
    )


@pytest.fixture
def frozen(settings):
    """One instant for the whole test: the rate limit's window cannot turn over in it."""
    with time_machine.travel(settings.TEST_INSTANT, tick=False):
        yield


def sent_stamp(body):
    return re.search(r'name="started" value="([^"]+)"', body).group(1)


def test_a_filled_honeypot_is_a_400_and_stores_nothing(event, client):
    response = client.post(event.url + "register/", form_data(1, website="http://spam.example"))
    assert response.status_code == 400
    assert "could not be accepted" in response.text
    assert not Registration.objects.exists()


def test_a_form_sent_too_fast_is_a_400_with_the_message_and_what_was_typed(event, client):
    response = client.post(event.url + "register/", form_data(1, started=stamp(time.time())))
    assert response.status_code == 400
    assert "faster than anyone can read the form" in response.text
    assert 'value="Person 1"' in response.text
    assert 'value="person1@example.org"' in response.text
    assert not Registration.objects.exists()


@pytest.mark.parametrize("started", ["1:forged", "", "stale"])
def test_an_expired_or_forged_stamp_is_a_400_and_the_form_works_when_sent_again(
    event, client, frozen, started
):
    if started == "stale":
        started = stamp(time.time() - 25 * 3600)
    response = client.post(event.url + "register/", form_data(1, started=started))
    assert response.status_code == 400
    assert "The form had expired" in response.text
    assert not Registration.objects.exists()
    fresh = sent_stamp(response.text)
    assert fresh != started
    with time_machine.travel(time.time() + 60, tick=False):
        again = client.post(event.url + "register/", form_data(1, started=fresh))
    assert again.status_code == 302
    assert Registration.objects.filter(email="person1@example.org").exists()


def test_the_21st_registration_from_one_address_is_a_429_and_another_address_registers(
    event, client, frozen
):
    for number in range(20):
        assert client.post(event.url + "register/", form_data(number)).status_code == 302
    response = client.post(event.url + "register/", form_data(20))
    assert response.status_code == 429
    assert "Too many submissions from your address" in response.text
    assert 'value="person20@example.org"' in response.text
    assert Registration.objects.count() == 20
    other = client.post(event.url + "register/", form_data(20), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302
    assert Registration.objects.filter(email="person20@example.org").exists()


def test_the_registration_limit_is_its_own_not_the_contributions_one(
    event, client, frozen, settings
):
    settings.CONVIVIUM_CONTRIBUTION_RATE_LIMIT = 1
    for number in range(3):
        assert client.post(event.url + "register/", form_data(number)).status_code == 302


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_trap_field_is_on_the_page_and_hidden_from_people(
    event, client, language, settings, django_capture_on_commit_callbacks
):
    if language != "en":
        with django_capture_on_commit_callbacks(execute=True):
            translate(event, Locale.objects.get(language_code=language), {})
        event = event.get_translation(Locale.objects.get(language_code=language))
    body = client.get(event.url).text
    if language == "ar":
        assert 'dir="rtl"' in body
    trap = re.search(r'<div class="form-trap" aria-hidden="true">(.*?)</div>', body, re.S)
    assert trap is not None
    assert 'name="website"' in trap.group(1)
    assert 'tabindex="-1"' in trap.group(1)
    assert 'autocomplete="off"' in trap.group(1)
    assert 'type="hidden" name="started"' in body
    assert ".form-trap" in (settings.BASE_DIR / "website/static/website/css/site.css").read_text()


def test_a_second_render_of_the_event_page_gets_a_fresh_stamp(event, client, settings):
    settings.CONVIVIUM_PAGE_CACHE_SECONDS = 60
    first = client.get(event.url)
    second = client.get(event.url)
    # Never kept in the page cache: the form's CSRF token sets a cookie.
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert sent_stamp(first.text) != sent_stamp(second.text)
