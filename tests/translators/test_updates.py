"""Updating translations from a changed source loses no one's work.

The event's agenda is a stream of structures holding lists (sessions with
their speakers), and its body has headings and a rich-text list.
"""

import datetime

import pytest
from wagtail.blocks import StreamValue
from wagtail_localize.models import StringSegment, TranslationSource
from wagtail_localize.strings import StringValue

from events.factories import EventPageFactory
from website.demo.translation import translate


def session(time, title, speakers):
    return (
        "session",
        {
            "time": datetime.time.fromisoformat(time),
            "title": title,
            "speakers": speakers,
            "description": "",
        },
    )


@pytest.fixture
def event(net):
    return EventPageFactory(
        parent=net.page("events"),
        title="Forum on housing",
        slug="housing-forum",
        agenda=[
            session("09:30", "Welcome and introduction", ["Giulia Ferrante"]),
            session("10:00", "Desegregation in practice", ["Ana Pop", "Samir Haddad"]),
            session("14:00", "What cities can do", ["Marta Ferrer"]),
        ],
        body=[
            ("heading", {"text": "Why this forum", "level": "h2"}),
            (
                "paragraph",
                "<p>Three questions:</p><ul><li>Who decides?</li><li>Who pays?</li></ul>",
            ),
        ],
    )


def translate_all(page, locale):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    texts = [
        StringValue(segment.string.data).render_text().strip()
        for segment in StringSegment.objects.filter(source=source).select_related("string")
    ]
    translate(page, locale, {text: f"IT {text}" for text in texts})


@pytest.fixture
def coordinator(django_user_model):
    return django_user_model.objects.create_superuser("coordinator", "c@example.org", "secret")


def update(client, page):
    source = TranslationSource.objects.get_for_instance(page)
    return client.post(
        f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}, follow=True
    )


def test_update_keeps_every_translation_whose_source_did_not_change(
    client, event, locales, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_all(event, locales["it"])
    agenda = list(event.agenda.raw_data)
    agenda[1]["value"]["title"] = "Desegregation: what worked"
    event.agenda = StreamValue(event.agenda.stream_block, agenda, is_lazy=True)
    event.save_revision().publish()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        update(client, event)
    italian = event.get_translation(locales["it"])
    titles = [block.value["title"] for block in italian.agenda]
    speakers = [list(block.value["speakers"]) for block in italian.agenda]
    assert titles == [
        "IT Welcome and introduction",
        "Desegregation: what worked",  # new source text, waiting for its translation
        "IT What cities can do",
    ]
    assert speakers == [
        ["IT Giulia Ferrante"],
        ["IT Ana Pop", "IT Samir Haddad"],
        ["IT Marta Ferrer"],
    ]
    body = italian.body
    assert body[0].value["text"] == "IT Why this forum"
    assert "IT Who decides?" in str(body[1].value)
    assert italian.title == "IT Forum on housing"


def test_update_never_overwrites_a_page_edited_by_hand(
    client, event, locales, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_all(event, locales["it"])
    italian = event.get_translation(locales["it"])
    italian.summary = "Riassunto corretto a mano."
    italian.save_revision(user=coordinator).publish()
    event.summary = "A new summary in the source."
    event.save_revision().publish()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = update(client, event)
    assert "edited them by hand" in response.text
    italian.refresh_from_db()
    assert italian.summary == "Riassunto corretto a mano."


def test_pages_not_edited_by_hand_are_updated(
    client, event, locales, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_all(event, locales["it"])
        translate_all(event, locales["ar"])
    italian = event.get_translation(locales["it"])
    italian.title = "Forum sull'abitare"
    italian.save_revision(user=coordinator).publish()
    event.summary = "A new summary in the source."
    event.save_revision().publish()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        update(client, event)
    assert event.get_translation(locales["ar"]).summary == "A new summary in the source."
    assert event.get_translation(locales["it"]).title == "Forum sull'abitare"
