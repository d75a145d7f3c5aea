import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory


def items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["items"]


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Market walks"), ("it", "Passeggiate al mercato"), ("ar", "جولات في السوق")],
)
def test_practices_in_one_language_carry_that_language_s_title_and_fields(
    client, net, language, title
):
    found = items(client, f"/api/v2/practices/?locale={language}&fields=*")
    assert [item["title"] for item in found] == [title]
    item = found[0]
    assert item["meta"]["locale"] == language
    assert item["meta"]["html_url"].startswith(f"http://localhost/{language}/")
    assert item["partner"]["slug"] == "palermo"
    assert item["partner"]["country"] == "IT"
    assert [theme["slug"] for theme in item["themes"]] == ["integration"]
    assert [group["slug"] for group in item["target_groups"]] == ["young-people"]
    assert item["start_date"] == "2020-03-01"
    assert item["ongoing"] is True
    assert "<p>" in item["context"]
    assert item["featured_image"]["width"] > 0


def test_themes_carry_their_name_in_each_language(client, net):
    names = {
        item["meta"]["locale"]: item["name"]
        for item in items(client, "/api/v2/themes/?slug=integration")
    }
    assert names == {"en": "Integration", "it": "Integrazione", "ar": "الاندماج"}


def test_target_groups_are_listed_per_language(client, net):
    found = items(client, "/api/v2/target_groups/?locale=it")
    assert [(item["slug"], item["name"]) for item in found] == [("young-people", "Giovani")]


def test_every_translation_shares_one_translation_key_and_links_all_the_others(client, net):
    found = items(client, "/api/v2/practices/")
    keys = {item["meta"]["translation_key"] for item in found}
    assert keys == {str(net.page("practice").translation_key)}
    for item in found:
        links = item["meta"]["translations"]
        assert sorted(link["locale"] for link in links) == ["ar", "en", "it"]
        assert item["id"] in [link["id"] for link in links]
        for link in links:
            assert client.get(link["detail_url"]).json()["id"] == link["id"]


def test_translation_key_filter_gives_every_translation_of_an_item(client, net):
    key = net.page("partner").translation_key
    found = items(client, f"/api/v2/partners/?translation_key={key}")
    assert sorted(item["meta"]["locale"] for item in found) == ["ar", "en", "it"]


def test_snippet_translations_share_their_key(client, net):
    found = items(client, "/api/v2/themes/?slug=integration")
    assert len({item["meta"]["translation_key"] for item in found}) == 1
    assert all(len(item["meta"]["translations"]) == 3 for item in found)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=integration", 1),
        ("theme=housing", 0),
        ("theme=housing,integration", 1),
        ("country=IT", 1),
        ("country=it", 1),
        ("country=GR", 0),
        ("partner=palermo", 1),
        ("partner=cork", 0),
        ("target_group=young-people", 1),
    ],
)
def test_practices_filter_by_theme_country_and_partner(client, net, query, expected):
    assert len(items(client, f"/api/v2/practices/?locale=en&{query}")) == expected


def test_filters_combine_with_the_language(client, net, add_practices):
    add_practices(2)
    assert len(items(client, "/api/v2/practices/?locale=en&country=GR")) == 2
    assert len(items(client, "/api/v2/practices/?locale=it&country=GR")) == 0
    assert len(items(client, "/api/v2/practices/?locale=en&theme=integration")) == 3


def test_events_filter_by_host_partner_country_and_kind(client, net):
    assert len(items(client, "/api/v2/events/?locale=en&partner=palermo")) == 2
    transnational = items(client, "/api/v2/events/?locale=en&kind=transnational&fields=*")
    assert [event["title"] for event in transnational] == ["Kick-off meeting"]
    assert transnational[0]["host_partner"]["slug"] == "palermo"
    assert len(items(client, "/api/v2/events/?locale=en&country=SE")) == 0


def test_partners_list_their_structured_fields(client, net):
    (partner,) = items(client, "/api/v2/partners/?locale=en&fields=*")
    assert partner["country"] == "IT"
    assert partner["organisation_type"] == "municipality"
    assert isinstance(partner["latitude"], float)
    assert len(items(client, "/api/v2/partners/?country=FR")) == 0


def test_private_pages_are_not_in_the_api(client, net):
    practice = net.page("practice", "it")
    PageViewRestriction.objects.create(
        page=practice, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    listed = items(client, "/api/v2/practices/")
    assert sorted(item["meta"]["locale"] for item in listed) == ["ar", "en"]
    assert client.get(f"/api/v2/practices/{practice.pk}/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/practices/?colour=red",
        "/api/v2/practices/?limit=100000",
        "/api/v2/practices/?limit=abc",
        "/api/v2/practices/?limit=-1",
        "/api/v2/practices/?offset=99999999999999999999",
        "/api/v2/practices/?offset=1.5",
        "/api/v2/practices/?theme=Not%20a%20slug",
        "/api/v2/practices/?theme=",
        "/api/v2/practices/?theme=" + ",".join(["a"] * 21),
        "/api/v2/practices/?country=ITA",
        "/api/v2/practices/?locale=xx",
        "/api/v2/practices/?translation_key=not-a-uuid",
        "/api/v2/practices/?fields=nonsense",
        "/api/v2/practices/?fields=title(",
        "/api/v2/practices/?order=nonsense",
        "/api/v2/practices/?order=random&offset=2",
        "/api/v2/events/?kind=global",
        "/api/v2/themes/?slug=%00",
        "/api/v2/practices/999999999/",
        "/api/v2/themes/999999999/",
        "/api/v2/practices/?type=wagtailcore.Page",
        "/api/v2/practices/?search=walks",
    ],
)
def test_hostile_input_gets_a_client_error_not_a_server_error(client, net, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500
    assert response.json()["message"]


@pytest.mark.parametrize("endpoint", ["practices", "events", "partners", "themes"])
def test_listings_need_the_same_queries_for_few_and_many_items(
    client, net, add_practices, endpoint
):
    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(f"/api/v2/{endpoint}/?fields=*&limit=100").status_code == 200
        return len(context.captured_queries)

    partner, _pages = add_practices(1)
    EventPageFactory(parent=net.page("events"), host_partner=partner)
    client.get(f"/api/v2/{endpoint}/?fields=*&limit=100")  # renditions made once
    few = count()
    add_practices(5, partner=partner)
    for _ in range(5):
        EventPageFactory(parent=net.page("events"), host_partner=partner)
    client.get(f"/api/v2/{endpoint}/?fields=*&limit=100")
    assert count() == few
