import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import translation

from website import formats

ATHENS = zoneinfo.ZoneInfo("Europe/Athens")
START = datetime.datetime(2026, 12, 22, 9, 0, tzinfo=ATHENS)
SAME_DAY_END = datetime.datetime(2026, 12, 22, 17, 0, tzinfo=ATHENS)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "22 December 2026"),
        ("it", "22 dicembre 2026"),
        ("de", "22. Dezember 2026"),
        ("el", "22 Δεκεμβρίου 2026"),
        ("ar", "22 ديسمبر 2026"),
    ],
)
def test_long_date_is_written_as_each_language_writes_it(language, expected):
    assert formats.long_date(datetime.date(2026, 12, 22), language) == expected


def test_italian_and_french_write_the_first_of_the_month_as_an_ordinal():
    first = datetime.date(2016, 10, 1)
    assert formats.long_date(first, "it") == "1° ottobre 2016"
    assert formats.long_date(first, "fr") == "1er octobre 2016"
    assert formats.long_date(first, "en") == "1 October 2016"


def test_the_active_language_chooses_the_locale():
    with translation.override("it"):
        assert formats.long_date(datetime.date(2027, 1, 1)) == "1° gennaio 2027"
    with translation.override("en"):
        assert formats.long_date(datetime.date(2027, 1, 1)) == "1 January 2027"


def test_month_year_stands_alone_in_lower_case_where_the_language_wants():
    october = datetime.date(2016, 10, 1)
    assert formats.month_year(october, "it") == "ottobre 2016"
    assert formats.month_year(october, "pl") == "październik 2016"
    assert formats.month_year(october, "en") == "October 2016"


def test_european_english_has_the_day_first_and_the_24_hour_clock():
    assert (
        formats.long_datetime(START, "Europe/Athens", "en")
        == "22 December 2026, 09:00 (Athens Time)"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Athens Time"),
        ("it", "Ora Atene"),
        ("es", "hora de Atenas"),
        ("ar", "توقيت أثينا"),
        # German and Greek write the city in brackets: their generic zone name instead.
        ("de", "Osteuropäische Zeit"),
        ("el", "Ώρα Ανατολικής Ευρώπης"),
    ],
)
def test_time_zone_is_named_in_the_readers_language(language, expected):
    assert formats.zone_name("Europe/Athens", language) == expected


def test_no_zone_name_nests_brackets():
    for language in ("en", "it", "el", "es", "pl", "ro", "de", "fr", "ar"):
        text = formats.long_datetime(START, "Europe/Athens", language)
        assert text.count("(") == 1, text


def test_arabic_datetime_uses_the_arabic_comma_and_cldr_digits():
    assert (
        formats.long_datetime(START, "Europe/Athens", "ar")
        == "22 ديسمبر 2026، 9:00 ص (توقيت أثينا)"
    )


def test_a_datetime_is_shown_in_the_zone_asked_for_or_else_the_current_one():
    assert formats.long_datetime(START, "Europe/Rome", "en") == (
        "22 December 2026, 08:00 (Rome Time)"
    )
    assert formats.long_datetime(START, language="en") == (
        "22 December 2026, 08:00 (Brussels Time)"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "22–24 October 2026"),
        ("it", "22–24 ottobre 2026"),
        ("de", "22.–24. Oktober 2026"),
        ("ar", "22–24 أكتوبر 2026"),
    ],
)
def test_a_date_range_within_a_month_names_the_month_once(language, expected):
    start, end = datetime.date(2026, 10, 22), datetime.date(2026, 10, 24)
    assert formats.date_range(start, end, language) == expected


def test_a_date_range_over_years_keeps_full_month_names_and_plain_days():
    # CLDR sets the dash between two whole dates in thin spaces (U+2009).
    start, end = datetime.date(2016, 10, 1), datetime.date(2018, 6, 30)
    assert formats.date_range(start, end, "en") == "1 October 2016\u2009–\u200930 June 2018"
    assert formats.date_range(start, end, "it") == "1 ottobre 2016\u2009–\u200930 giugno 2018"


def test_a_date_range_of_one_day_is_that_day():
    day = datetime.date(2026, 10, 22)
    assert formats.date_range(day, day, "en") == "22 October 2026"


def test_a_datetime_range_on_one_day_gives_the_date_once():
    assert formats.datetime_range(START, SAME_DAY_END, "Europe/Athens", "en") == (
        "22 December 2026, 09:00–17:00 (Athens Time)"
    )
    assert formats.datetime_range(START, SAME_DAY_END, "Europe/Athens", "de") == (
        "22. Dezember 2026, 09:00\u2009–\u200917:00 (Osteuropäische Zeit)"
    )


def test_a_datetime_range_over_days_gives_both_dates():
    end = START + datetime.timedelta(days=2, hours=8)
    assert formats.datetime_range(START, end, "Europe/Athens", "it") == (
        "22 dicembre 2026, 09:00\u2009–\u200924 dicembre 2026, 17:00 (Ora Atene)"
    )


def test_numbers_group_as_each_language_does():
    assert formats.number(1234567, "en") == "1,234,567"
    assert formats.number(1234567, "it") == "1.234.567"
    assert formats.number(1234567, "de") == "1.234.567"
    assert formats.number(1234567, "ar") == "1,234,567"


def test_lists_join_as_each_language_does():
    cities = ["Palermo", "Girona", "Athens"]
    assert formats.format_list(cities, language="en") == "Palermo, Girona and Athens"
    assert formats.format_list(cities, language="it") == "Palermo, Girona e Athens"
    assert formats.format_list(cities, language="de") == "Palermo, Girona und Athens"
    # CLDR's Arabic "and" list has و and no comma; lists of units take the Arabic comma.
    assert formats.format_list(cities, language="ar") == "Palermo وGirona وAthens"
    assert formats.format_list(cities, "unit", "ar") == "Palermo، وGirona، وAthens"


def test_an_unknown_language_falls_back_to_european_english():
    assert formats.long_date(datetime.date(2026, 12, 22), "xx") == "22 December 2026"


def test_template_filters_follow_the_active_language():
    template = Template(
        "{% load convivium_formats %}{{ start|long_datetime:zone }}|{{ items|names }}|"
        "{% datetime_range start end zone %}"
    )
    context = Context(
        {"start": START, "end": SAME_DAY_END, "zone": "Europe/Athens", "items": ["A&B", "C"]}
    )
    with translation.override("ar"):
        text = template.render(context)
    assert text.startswith("22 ديسمبر 2026، 9:00 ص (توقيت أثينا)|")
    assert "<bdi>A&amp;B</bdi> و<bdi>C</bdi>" in text
    assert '<time datetime="2026-12-22T09:00:00+02:00">22 ديسمبر 2026، 9:00 ص</time>' in text
    assert '<time datetime="2026-12-22T17:00:00+02:00">5:00 م</time>' in text


def test_languages_are_named_in_the_readers_language():
    assert formats.language_name("it", "en") == "Italian"
    assert formats.language_name("it", "de") == "Italienisch"
    assert formats.language_name("it", "ar") == "الإيطالية"
    assert formats.language_name("zz-unknown", "en") == "zz-unknown"
