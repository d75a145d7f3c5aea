import datetime

import pytest

from practices.models import PracticePage


@pytest.fixture
def since_october(net):
    """The market walks, in every language, running since 1 October 2016."""
    practice = net.page("practice")
    PracticePage.objects.filter(translation_key=practice.translation_key).update(
        start_date=datetime.date(2016, 10, 1), end_date=None, ongoing=True
    )
    return practice


def test_ongoing_practice_in_english_gives_its_start_day(client, since_october):
    assert "Since 1 October 2016, ongoing" in client.get(since_october.url).text


def test_ongoing_practice_in_italian_writes_the_first_as_an_ordinal_in_lower_case(
    client, net, since_october
):
    text = client.get(net.page("practice", "it").url).text
    assert "Dal 1° ottobre 2016, in corso" in text
    assert "Ottobre" not in text


def test_ongoing_practice_in_arabic_gives_the_arabic_month_and_isolates_the_partner(
    client, net, since_october
):
    text = client.get(net.page("practice", "ar").url).text
    assert 'dir="rtl"' in text
    assert "منذ 1 أكتوبر 2016، ولا تزال مستمرة" in text
    assert f"<bdi>{net.page('partner', 'ar').title}</bdi></a>" in text


def test_finished_practice_gives_its_dates_as_a_range(client, net):
    practice = net.page("practice")
    PracticePage.objects.filter(translation_key=practice.translation_key).update(
        start_date=datetime.date(2026, 10, 22), end_date=datetime.date(2026, 10, 24), ongoing=False
    )
    assert "22–24 October 2026" in client.get(practice.url).text
    assert "22–24 ottobre 2026" in client.get(net.page("practice", "it").url).text


@pytest.fixture
def spanish_partner_in_arabic(net):
    partner = net.page("partner", "ar")
    partner.title = "Asociación Puentes de Convivencia (APC)"
    partner.save_revision().publish()
    return partner


def test_practice_card_in_arabic_isolates_a_latin_partner_name(client, spanish_partner_in_arabic):
    text = client.get("/ar/").text
    assert "<bdi>Asociación Puentes de Convivencia (APC)</bdi> · " in text
    assert '<h3 class="card__title" dir="auto"><a href="/ar/' in text


def test_practice_search_result_in_arabic_isolates_a_latin_partner_name(
    client, net, spanish_partner_in_arabic
):
    text = client.get(net.page("practices", "ar").url).text
    assert "<bdi>Asociación Puentes de Convivencia (APC)</bdi> · " in text
    assert '<h2 class="card__title" dir="auto">' in text
