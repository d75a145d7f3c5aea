"""Whatever people type is shown as text: script tags and event handlers never run."""

import json

import pytest
from django.db import models
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.fields import RichTextField
from wagtail.rich_text import features as rich_text_features

from practices.models import Theme

PAYLOAD = '"><script>alert("x")</script><img src=x onerror=alert(1)>'
LIVE_MARKUP = ("<script>alert", "<img src=x onerror")

# Fields people type into, on every page type; technical fields and choices are not text.
TECHNICAL = {"slug", "url_path", "path", "draft_title", "live_revision", "time_zone"}


def typed_fields(page):
    for field in page._meta.concrete_fields:
        if (
            isinstance(field, (models.CharField, models.TextField))
            and not isinstance(field, RichTextField)
            and not field.choices
            and field.name not in TECHNICAL
            and not isinstance(field, (models.URLField, models.EmailField, models.SlugField))
            and field.editable
        ):
            yield field


def assert_shown_as_text(content):
    for markup in LIVE_MARKUP:
        assert markup not in content


PAGE_NAMES = [
    "home",
    "about",
    "partners",
    "practices",
    "events",
    "handbook",
    "partner",
    "practice",
    "event",
    "chapter",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_typed_field_of_every_page_type_is_escaped(net, client, name, language):
    page = net.page(name, language)
    fields = list(typed_fields(page))
    assert fields, f"{name} has no typed field"
    for field in fields:
        setattr(page, field.name, PAYLOAD[: field.max_length] if field.max_length else PAYLOAD)
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "&lt;script&gt;" in content or "&quot;&gt;&lt;script&gt;" in content
    assert_shown_as_text(content)


def test_snippet_names_are_escaped_where_pages_show_them(net, client):
    practice = net.page("practice", "en")
    Theme.objects.filter(locale=practice.locale).update(name=PAYLOAD)
    for url in (practice.url, net.page("practices", "en").url):
        assert_shown_as_text(client.get(url).content.decode())


def test_rich_text_from_the_editor_keeps_no_script_and_no_javascript_link():
    converter = ContentstateConverter(rich_text_features.get_default_features())
    editor_state = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "text": '<script>alert("x")</script> and a link',
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 32, "length": 6, "key": 0}],
                "depth": 0,
                "data": {},
            }
        ],
        "entityMap": {
            "0": {
                "type": "LINK",
                "mutability": "MUTABLE",
                "data": {"url": "javascript:alert(1)"},
            }
        },
    }
    stored = converter.to_database_format(json.dumps(editor_state))
    assert "<script>" not in stored
    assert "javascript:" not in stored
    assert "&lt;script&gt;" in stored


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_hostile_search_is_shown_as_text(net, client, language):
    response = client.get(f"/{language}/search/", {"q": PAYLOAD})
    assert response.status_code in (200, 400)
    assert_shown_as_text(response.content.decode())
