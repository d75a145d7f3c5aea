"""Feedback on events: after the end, anonymous, summed up per event for the organisers."""

import pytest

from contributions.factories import EventFeedbackFactory
from contributions.feedback import summary_for
from contributions.models import EventFeedback
from events.factories import EventPageFactory, in_days
from website.demo.translation import translate

from .conftest import started_a_minute_ago


@pytest.fixture
def past_event(net):
    return EventPageFactory(
        parent=net.page("events"),
        title="Study visit",
        slug="study-visit",
        start=in_days(-3, 9),
        end=in_days(-3, 17),
        host_partner=net.page("partner"),
    )


def feedback_data(**overrides):
    data = {
        "rating": "5",
        "take_home": "Market walks work.",
        "to_change": "More time to talk.",
        "website": "",
        "started": started_a_minute_ago(),
    }
    data.update(overrides)
    return data


def test_a_past_event_links_to_its_feedback_form(client, past_event):
    body = client.get(past_event.url).content.decode()
    assert f"/en/contribute/feedback/{past_event.pk}/" in body


def test_an_upcoming_event_has_no_feedback_link_and_refuses_feedback(client, net):
    event = net.page("event")
    assert "/contribute/feedback/" not in client.get(event.url).content.decode()
    response = client.post(f"/en/contribute/feedback/{event.pk}/", feedback_data())
    assert response.status_code == 403
    assert "Feedback opens when the event has ended." in response.content.decode()
    assert not EventFeedback.objects.exists()


def test_feedback_after_the_event_is_recorded(client, past_event):
    response = client.post(f"/en/contribute/feedback/{past_event.pk}/", feedback_data())
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    feedback = EventFeedback.objects.get()
    assert (feedback.rating, feedback.take_home) == (5, "Market walks work.")


@pytest.mark.parametrize("rating", ["0", "6", "five", ""])
def test_a_rating_out_of_range_is_refused_and_the_text_kept(client, past_event, rating):
    response = client.post(
        f"/en/contribute/feedback/{past_event.pk}/", feedback_data(rating=rating)
    )
    assert response.status_code == 400
    assert "Market walks work." in response.content.decode()


@pytest.mark.parametrize("event_id", ["99999999", "9" * 30])
def test_an_unknown_event_is_a_404(client, net, event_id):
    assert client.get(f"/en/contribute/feedback/{event_id}/").status_code == 404


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_feedback_form_renders_in_english_and_arabic(
    client,
    past_event,
    locales,
    language,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    with django_capture_on_commit_callbacks(execute=True):
        translate(past_event, locales["ar"], {"Study visit": "زيارة دراسية"})
    url = f"/{language}/contribute/feedback/{past_event.pk}/"
    client.get(url)
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    assert ("زيارة دراسية" if language == "ar" else "Study visit") in response.content.decode()


def test_summary_counts_feedback_in_every_language_in_one_query(
    net, past_event, locales, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        arabic = translate(past_event, locales["ar"], {"Study visit": "زيارة دراسية"})
    EventFeedbackFactory(event=past_event, rating=5)
    EventFeedbackFactory(event=arabic, rating=2, language="ar")
    other = net.page("event")
    with django_assert_num_queries(1):
        summary = summary_for([past_event, other])
    assert summary == {
        past_event.pk: {"count": 2, "average": 3.5},
        other.pk: {"count": 0, "average": None},
    }


def test_organisers_read_the_results_per_event_and_export_them(
    client, past_event, django_user_model
):
    EventFeedbackFactory(event=past_event, rating=5)
    EventFeedbackFactory(event=past_event, rating=4, to_change="Less <b>talk</b>")
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "x"))
    summary = client.get("/admin/reports/event-feedback/").content.decode()
    assert "Study visit" in summary and "4.5" in summary
    comments = client.get(f"/admin/reports/event-feedback/{past_event.translation_key}/")
    assert "Less &lt;b&gt;talk&lt;/b&gt;" in comments.content.decode()
    export = client.get("/admin/reports/event-feedback/?export=csv")
    assert "Study visit" in b"".join(export.streaming_content).decode()


def test_partner_editors_do_not_read_the_feedback_of_network_events(
    client, partners, past_event, person
):
    EventFeedbackFactory(event=past_event, rating=5)
    client.force_login(person("pat", "City of Porto moderators"))
    assert "Study visit" not in client.get("/admin/reports/event-feedback/").content.decode()
