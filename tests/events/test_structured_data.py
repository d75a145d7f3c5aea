import json
import re

import pytest


def json_ld(response):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    return json.loads(found.group(1))


@pytest.mark.parametrize(
    "language,title", [("en", "Kick-off meeting"), ("ar", "الاجتماع الافتتاحي")]
)
def test_event_page_describes_the_event_for_search_engines(net, client, language, title):
    event = net.page("event", language)
    response = client.get(event.url)
    assert response.status_code == 200
    data = json_ld(response)
    assert data["@type"] == "Event"
    assert data["name"] == title
    assert data["startDate"] == event.local_start.isoformat()
    assert data["location"]["address"]["addressCountry"] == "IT"
    assert data["organizer"]["url"].endswith(net.page("partner", language).url)
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["inLanguage"] == language


def test_json_ld_cannot_close_its_script_element(net, client):
    event = net.page("event")
    event.summary = "</script><script>alert(1)</script>"
    event.save_revision().publish()
    response = client.get(event.url)
    assert "</script><script>alert(1)" not in response.text
    assert json_ld(response)["description"] == event.summary


def test_arabic_event_page_is_right_to_left(net, client):
    response = client.get(net.page("event", "ar").url)
    assert 'dir="rtl"' in response.text
