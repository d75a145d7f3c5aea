import re
import time

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from wagtail.models import Locale

from events.factories import EventPageFactory, in_days
from events.models import AttendeeStatus, Registration, RegistrationStatus
from events.registration import AlreadyRegistered, cancel, register
from website.demo.translation import translate
from website.guard import stamp


@pytest.fixture
def event(net):
    return EventPageFactory(
        parent=net.page("events"),
        title="Schools and young people",
        registration_status=RegistrationStatus.ON_SITE,
        capacity=2,
    )


def person(number, **extra):
    return {
        "name": f"Person {number}",
        "email": f"person{number}@example.org",
        "organisation": "Comune di Palermo",
        "country": "IT",
        "role": "Teacher",
        "accessibility_needs": "",
        "consent": True,
        **extra,
    }


def form_data(number, **extra):
    """What a person sends from the page: their details and a form rendered a minute ago."""
    fields = {key: ("on" if value is True else value) for key, value in person(number).items()}
    return {**fields, "website": "", "started": stamp(time.time() - 60), **extra}


def test_places_are_confirmed_until_full_then_people_wait(event):
    statuses = [register(event, person(number)).status for number in range(4)]
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]


def test_registering_through_the_page_confirms_and_emails_a_cancel_link(
    event, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url + "register/", form_data(1))
    assert response.status_code == 302
    registration = Registration.objects.get(email="person1@example.org")
    assert registration.status == AttendeeStatus.CONFIRMED
    assert registration.country == "IT"
    assert len(mail.outbox) == 1
    assert "Registration confirmed" in mail.outbox[0].subject
    assert re.search(r"http://localhost/en/events/\S+/cancel/\S+/", mail.outbox[0].body)


def test_registration_in_italian_writes_the_email_in_italian(
    event, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate(event, Locale.objects.get(language_code="it"), {event.title: "Scuole e giovani"})
    italian = event.get_translation(Locale.objects.get(language_code="it"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(italian.url + "register/", form_data(1))
    registration = Registration.objects.get()
    assert registration.event_id == event.pk  # every language fills the same places
    assert "Scuole e giovani" in mail.outbox[0].subject
    assert "/it/" in mail.outbox[0].body


def test_the_same_email_cannot_register_twice(event, client):
    client.post(event.url + "register/", form_data(1))
    response = client.post(event.url + "register/", form_data(1, email="PERSON1@example.org"))
    assert response.status_code == 409
    assert "already registered" in response.text
    assert Registration.objects.filter(event=event).count() == 1


def test_the_database_refuses_a_second_live_registration_for_one_address(event):
    register(event, person(1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, **person(1))


def test_double_submission_is_refused_cleanly(event):
    register(event, person(1))
    with pytest.raises(AlreadyRegistered):
        register(event, person(1))


def test_cancelling_gives_the_place_to_the_first_waiting_and_tells_them(
    event, django_capture_on_commit_callbacks
):
    first, _second, waiting, later = (register(event, person(number)) for number in range(4))
    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel(first)
    assert promoted == waiting
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert waiting.status == AttendeeStatus.CONFIRMED
    assert later.status == AttendeeStatus.WAITING
    assert [message.to for message in mail.outbox] == [["person2@example.org"]]
    assert "A place is yours" in mail.outbox[0].subject


def test_cancelling_a_waiting_place_promotes_nobody(event):
    registrations = [register(event, person(number)) for number in range(3)]
    assert cancel(registrations[2]) is None
    assert Registration.objects.filter(status="confirmed").count() == 2


def test_a_cancelled_address_may_register_again(event):
    cancel(register(event, person(1)))
    assert register(event, person(1)).status == AttendeeStatus.CONFIRMED


def test_cancel_link_asks_then_cancels(event, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(event.url + "register/", form_data(1))
    link = re.search(r"http://localhost(/\S+/cancel/\S+/)", mail.outbox[0].body).group(1)
    page = client.get(link)
    assert page.status_code == 200
    assert Registration.objects.get().status == AttendeeStatus.CONFIRMED  # a GET changes nothing
    assert client.post(link).status_code == 302
    assert Registration.objects.get().status == AttendeeStatus.CANCELLED


def test_a_forged_cancel_link_is_refused(event, client):
    register(event, person(1))
    response = client.post(event.url + "cancel/not-a-token/")
    assert response.status_code == 404
    assert "not valid" in response.text
    assert Registration.objects.get().status == AttendeeStatus.CONFIRMED


@pytest.mark.parametrize(
    "change,field",
    [
        ({"email": "not an address"}, "email"),
        ({"consent": ""}, "consent"),
        ({"country": "XX"}, "country"),
        ({"name": ""}, "name"),
        ({"accessibility_needs": "x" * 2_000_000}, "accessibility_needs"),
        ({"organisation": "x" * 201}, "organisation"),
    ],
)
def test_a_broken_registration_form_is_a_400_with_the_reason(event, client, change, field):
    response = client.post(event.url + "register/", {**form_data(1), **change})
    assert response.status_code == 400
    assert 'class="error"' in response.text
    assert not Registration.objects.exists()


def test_an_event_without_registration_refuses_posts(net, client):
    response = client.post(net.page("event").url + "register/", form_data(1))
    assert response.status_code == 409
    assert not Registration.objects.exists()


def test_a_past_event_takes_no_registrations(net, client):
    past = EventPageFactory(
        parent=net.page("events"),
        registration_status=RegistrationStatus.ON_SITE,
        capacity=10,
        start=in_days(-3, 9),
        end=in_days(-3, 17),
    )
    assert client.post(past.url + "register/", form_data(1)).status_code == 409


def test_registration_needs_a_number_of_places(net):
    event = EventPageFactory.build(registration_status=RegistrationStatus.ON_SITE, capacity=None)
    with pytest.raises(Exception, match="number of places"):
        event.clean()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_event_page_shows_the_registration_form(
    event, client, language, django_capture_on_commit_callbacks
):
    if language != "en":
        with django_capture_on_commit_callbacks(execute=True):
            translate(event, Locale.objects.get(language_code=language), {})
        event = event.get_translation(Locale.objects.get(language_code=language))
    response = client.get(event.url)
    assert response.status_code == 200
    assert 'name="consent"' in response.text
    assert "2" in re.search(r'id="register".*?</p>', response.text, re.S).group(0)


def test_event_page_queries_do_not_grow_with_registrations(
    event, client, django_assert_max_num_queries
):
    register(event, person(0))
    client.get(event.url)
    with django_assert_max_num_queries(20) as few:
        client.get(event.url)
    for number in range(1, 6):
        register(event, person(number))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(event.url)
    assert "0 places left" in response.text


def test_a_new_event_taking_registrations_can_be_previewed(net, client):
    from django.contrib.auth import get_user_model
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "pw"))
    data = nested_form_data(
        {
            "title": "Preview me",
            "slug": "preview-me",
            "summary": "Not saved yet.",
            "start": "2030-01-10 09:00",
            "end": "2030-01-10 17:00",
            "time_zone": "Europe/Rome",
            "registration_status": "on_site",
            "capacity": 30,
            "agenda": streamfield([]),
            "body": streamfield([]),
        }
    )
    url = f"/admin/pages/add/events/eventpage/{net.page('events').pk}/preview/"
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    assert "30 places left" in response.text
