import pytest

from partners.models import PartnerPage


@pytest.fixture
def spanish_partner(net):
    """Palermo's page, in every language, kept by a Spanish association of 1,234,567."""
    partner = net.page("partner")
    PartnerPage.objects.filter(translation_key=partner.translation_key).update(
        organisation_name="Asociación Puentes de Convivencia (APC)",
        population=1234567,
        languages=["it", "ar"],
    )
    return partner


def test_partner_page_in_english_gives_cldr_month_number_and_language_list(client, spanish_partner):
    text = client.get(spanish_partner.url).text
    assert "<dd>January 2025</dd>" in text
    assert "<dd>1,234,567</dd>" in text
    assert "<dd>Italian and Arabic</dd>" in text


def test_partner_page_in_italian_writes_the_month_in_lower_case(client, net, spanish_partner):
    text = client.get(net.page("partner", "it").url).text
    assert "<dd>gennaio 2025</dd>" in text
    assert "<dd>1.234.567</dd>" in text
    assert "<dd>italiano e arabo</dd>" in text


def test_partner_page_in_arabic_names_languages_in_arabic_and_isolates_the_organisation(
    client, net, spanish_partner
):
    text = client.get(net.page("partner", "ar").url).text
    assert 'dir="rtl"' in text
    assert "<dd>يناير 2025</dd>" in text
    assert "<dd>الإيطالية والعربية</dd>" in text
    assert "<bdi>Asociación Puentes de Convivencia (APC)</bdi> · " in text


def test_partner_card_in_arabic_isolates_a_latin_organisation_name(client, net, spanish_partner):
    text = client.get(net.page("partners", "ar").url).text
    assert '<p class="card__meta"><bdi>Asociación Puentes de Convivencia (APC)</bdi> · ' in text
    assert '<h3 class="card__title" dir="auto">' in text


def test_partner_page_places_the_city_in_its_country_with_the_readers_comma(
    client, net, spanish_partner
):
    english = client.get(spanish_partner.url).text
    assert f"<bdi>{net.page('partner').city}</bdi>, " in english
    arabic = net.page("partner", "ar")
    assert f"<bdi>{arabic.city}</bdi>، " in client.get(arabic.url).text
