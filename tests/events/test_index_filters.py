import pytest

from events.factories import EventPageFactory, in_days


def test_index_filters_by_kind(net, client):
    response = client.get("/en/events/", {"kind": "local"})
    assert response.status_code == 200
    assert "Open tables" in response.text
    assert "Kick-off meeting" not in response.text


def test_index_filters_by_host_partner(net, client):
    EventPageFactory(parent=net.page("events"), title="Hosted by nobody", host_partner=None)
    response = client.get("/en/events/", {"partner": net.page("partner").pk})
    assert "Kick-off meeting" in response.text
    assert "Hosted by nobody" not in response.text


def test_index_filters_by_year_and_country(net, client):
    EventPageFactory(
        parent=net.page("events"), title="Athens forum", venue_country="GR", venue_city="Athens"
    )
    year = in_days(30, 9).year
    response = client.get("/en/events/", {"country": "GR", "year": year})
    assert "Athens forum" in response.text
    assert "Kick-off meeting" not in response.text
    assert client.get("/en/events/", {"year": year + 5}).text.count("card--event") == 0


def test_filtered_index_keeps_its_filters_in_the_form(net, client):
    response = client.get("/en/events/", {"kind": "local"})
    assert '<option value="local" selected>' in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"year": "twenty"},
        {"year": "99999"},
        {"kind": "festival"},
        {"partner": "123456789"},
        {"partner": "palermo"},
        {"country": "XX"},
    ],
)
def test_bad_filters_get_a_clear_400(net, client, params):
    response = client.get("/en/events/", params)
    assert response.status_code == 400
    assert "Some filters are not valid" in response.text
    assert 'class="error"' in response.text


def test_index_in_arabic_is_right_to_left_with_filters(net, client):
    response = client.get("/ar/events/", {"kind": "transnational"})
    assert response.status_code == 200
    assert 'dir="rtl"' in response.text
    assert "الاجتماع الافتتاحي" in response.text


def test_index_offers_a_webcal_subscription(net, client):
    response = client.get("/en/events/")
    assert 'href="webcal://localhost/en/events/calendar.ics"' in response.text


def test_filtered_index_needs_the_same_queries_with_more_events(
    net, client, django_assert_max_num_queries
):
    params = {"kind": "transnational", "partner": net.page("partner").pk}

    def past_event(number):
        EventPageFactory(
            parent=net.page("events"),
            host_partner=net.page("partner"),
            start=in_days(-40 - number, 9),
            end=in_days(-40 - number, 17),
        )

    past_event(0)
    client.get("/en/events/", params)  # warm caches (menus, site)
    with django_assert_max_num_queries(15) as few:
        client.get("/en/events/", params)
    for number in range(1, 9):
        past_event(number)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/en/events/", params)
    assert response.text.count("card--event") == 10
