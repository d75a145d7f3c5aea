from django.contrib.auth import get_user_model
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import UnansweredQuery


def test_promoted_result_for_a_query_shows_first(client, search_index):
    about = search_index.page("about")
    SearchPromotion.objects.create(
        query=Query.get("market"), page=about, description="Who we are", sort_order=0
    )
    page = client.get("/en/search/?q=Market").content.decode()
    promotions = page.index('class="promotions"')
    assert promotions < page.index("About the network", promotions) < page.index("Market walks")


def test_promoted_page_is_shown_in_the_active_language(client, search_index):
    SearchPromotion.objects.create(query=Query.get("mercato"), page=search_index.page("about"))
    page = client.get("/it/search/?q=mercato").content.decode()
    assert "La rete" in page[page.index('class="promotions"') :]


def test_every_search_counts_for_the_search_terms_report(client, search_index):
    client.get("/en/search/?q=market")
    client.get("/en/search/?q=Market")
    assert Query.get("market").hits == 2


def test_a_search_without_result_is_recorded_with_its_language(client, search_index):
    client.get("/en/search/?q=zeppelin")
    client.get("/en/search/?q=zeppelin")
    client.get("/en/search/?q=market")
    miss = UnansweredQuery.objects.get()
    assert (miss.query.query_string, miss.language, miss.hits) == ("zeppelin", "en", 2)


def test_report_lists_the_most_frequent_searches_without_result(client, search_index):
    for text in ["zeppelin", "zeppelin", "submarine"]:
        client.get(f"/en/search/?q={text}")
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    page = client.get("/admin/reports/searches-without-result/").content.decode()
    assert page.index("zeppelin") < page.index("submarine")


def test_report_exports_to_a_spreadsheet(client, search_index):
    client.get("/en/search/?q=zeppelin")
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/reports/searches-without-result/?export=csv")
    assert b"zeppelin" in b"".join(response.streaming_content)


def test_a_search_counts_each_time_even_when_its_results_are_remembered(
    settings, client, search_index
):
    settings.CONVIVIUM_FRAGMENT_CACHE_SECONDS = 60
    for _ in range(3):
        assert b"Market walks" in client.get("/en/search/?q=market").content
    assert Query.get("market").hits == 3
