"""Dates, times, numbers and lists as each language writes them, from CLDR (Babel).

Django's own formats know little of a language beyond a few patterns (English prints
"Dec. 22, 2026, 9 a.m.", Italian capitalises its months); CLDR knows how every language
writes a date, an interval, a time zone, a number and a list. Everything here follows the
active Django language, mapped to a Babel locale by ``babel_locale``.

Only human text comes from here: calendar feeds, JSON, the API and ``datetime``
attributes keep ISO 8601.
"""

import datetime
import functools
import re
import zoneinfo

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import lists as babel_lists
from babel import numbers as babel_numbers
from django.conf import settings
from django.utils import timezone, translation

# The network is European: its English writes the day before the month and the 24-hour
# clock ("22 December 2026, 09:00"), which is CLDR's European English, not American.
LOCALES = {"en": "en_150"}

# Italian and French write the first day of a month as an ordinal ("1° ottobre",
# "1er octobre"); CLDR's patterns have the plain number, so the first day is put in here.
FIRST_OF_MONTH = {"it": "1°", "fr": "1er"}

FALLBACK_LOCALE = "en_150"


@functools.cache
def _locale_for(language):
    code = language.replace("-", "_")
    try:
        return Locale.parse(LOCALES.get(code, code))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FALLBACK_LOCALE)


def babel_locale(language=None):
    """The Babel locale of ``language``, by default the active Django language."""
    return _locale_for(language or translation.get_language() or settings.LANGUAGE_CODE)


def _language(locale):
    return locale.language


def _zone(zone):
    if zone is None or zone == "":
        return timezone.get_current_timezone()
    if isinstance(zone, str):
        return zoneinfo.ZoneInfo(zone)
    return zone


def in_zone(value, zone=None):
    """A datetime in ``zone`` (by default the current time zone); dates pass through."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            return value
        return value.astimezone(_zone(zone))
    return value


def long_date(value, language=None):
    """'22 December 2026', '1° ottobre 2016', '22. Dezember 2026', '22 ديسمبر 2026'."""
    if value is None or value == "":
        return ""
    locale = babel_locale(language)
    value = in_zone(value)
    day = value.date() if isinstance(value, datetime.datetime) else value
    pattern = locale.date_formats["long"].pattern
    ordinal = FIRST_OF_MONTH.get(_language(locale))
    if ordinal and day.day == 1:
        pattern = re.sub(r"(?<![d'])d(?!d)", f"'{ordinal}'", pattern, count=1)
    return babel_dates.format_date(day, pattern, locale=locale)


def month_year(value, language=None):
    """'October 2016', 'ottobre 2016', 'październik 2016' (the month standing alone)."""
    if value is None or value == "":
        return ""
    return babel_dates.format_skeleton("yMMMM", in_zone(value), locale=babel_locale(language))


def short_time(value, zone=None, language=None):
    """'09:00'; the time as the language writes it (some with a 12-hour clock)."""
    if value is None or value == "":
        return ""
    return babel_dates.format_time(in_zone(value, zone), "short", locale=babel_locale(language))


def _combine(date_text, time_text, locale):
    pattern = locale.datetime_formats["medium"]
    return pattern.replace("{1}", date_text).replace("{0}", time_text)


def long_datetime(value, zone=None, language=None, *, with_zone=True):
    """'22 December 2026, 09:00 (Athens Time)' in ``zone`` (by default the current one)."""
    if value is None or value == "":
        return ""
    locale = babel_locale(language)
    local = in_zone(value, zone)
    text = _combine(
        long_date(local.date(), language), short_time(local, local.tzinfo, language), locale
    )
    if with_zone:
        text = f"{text} ({zone_name(local.tzinfo if zone is None else zone, language)})"
    return text


def zone_name(zone, language=None):
    """The zone's name in the reader's language, for a reader who knows where it is.

    CLDR's region format applied to the zone's city: "Athens Time", "Ora Atene",
    "توقيت أثينا". German and Greek put that city in brackets ("Athen (Ortszeit)",
    "Ώρα (Αθήνα)"), which cannot stand inside the brackets we print the zone in: for
    them the zone's generic CLDR name, "Osteuropäische Zeit", "Ώρα Ανατολικής Ευρώπης".
    """
    locale = babel_locale(language)
    zone = _zone(zone)
    region = locale.zone_formats["region"]
    city = babel_dates.get_timezone_location(zone, locale=locale, return_city=True)
    if "(" not in region:
        return region % city
    generic = babel_dates.get_timezone_name(zone, "long", locale=locale)
    return city if "(" in generic else generic


def _interval(start, end, skeleton, locale):
    """Babel's ``format_interval``, with the field widths the skeleton asks for.

    Where a language has no interval pattern for the skeleton, CLDR (UTS #35) takes the
    closest one and adjusts its field widths to the skeleton's; Babel takes the closest
    and leaves them, so "yMMMMd" came out with short months ("22–24 Oct 2026").
    """
    formats = locale.interval_formats
    best = skeleton if skeleton in formats else babel_dates.match_skeleton(skeleton, formats)
    if not best or start == end:
        return babel_dates.format_interval(start, end, skeleton, locale=locale)
    widths = {letter: skeleton.count(letter) for letter in "dM" if letter in skeleton}

    def widen(found):
        # Names widen to names ("MMM" to "MMMM"), numbers to numbers ("dd" to "d").
        letters = found.group(0)
        wanted = widths[letters[0]]
        return letters[0] * wanted if (len(letters) >= 3) == (wanted >= 3) else letters

    def adjust(pattern):
        parts = re.split(r"('[^']*')", pattern)
        parts[::2] = [re.sub("d+|M+", widen, part) for part in parts[::2]]
        return "".join(parts)

    start_fmt = babel_dates.DateTimeFormat(start, locale=locale)
    end_fmt = babel_dates.DateTimeFormat(end, locale=locale)
    for field in babel_dates.PATTERN_CHAR_ORDER:
        if field in formats[best] and start_fmt.extract(field) != end_fmt.extract(field):
            return "".join(
                babel_dates.parse_pattern(adjust(pattern)).apply(instant, locale)
                for pattern, instant in zip(formats[best][field], (start, end), strict=True)
            )
    return babel_dates.format_interval(start, end, skeleton, locale=locale)


def date_range(start, end, language=None):
    """'22–24 October 2026', '1 October 2016 – 30 June 2018'; one date if they match."""
    locale = babel_locale(language)
    start, end = in_zone(start), in_zone(end)
    if isinstance(start, datetime.datetime):
        start, end = start.date(), end.date()
    if start == end:
        return long_date(start, language)
    return _interval(start, end, "yMMMMd", locale)


def _separator(text, first, second, fallback):
    if text.startswith(first) and text.endswith(second) and len(text) > len(first + second):
        return text[len(first) : len(text) - len(second)]
    return fallback


def datetime_range_parts(start, end, zone=None, language=None):
    """The pieces of an event's time, each for its own ``<time>`` element.

    ``(first, separator, second, zone name)``: on one day "22 December 2026, 09:00",
    "–", "17:00", "Athens Time"; over several days the second piece has its date too.
    """
    locale = babel_locale(language)
    start, end = in_zone(start, zone), in_zone(end, zone)
    fallback = locale.interval_formats[None].replace("{0}", "").replace("{1}", "")
    first = long_datetime(start, start.tzinfo, language, with_zone=False)
    if start.date() == end.date():
        start_time = short_time(start, start.tzinfo, language)
        second = short_time(end, end.tzinfo, language)
        times = babel_dates.format_interval(start, end, "Hm", locale=locale)
        separator = _separator(times, start_time, second, fallback)
    else:
        second = long_datetime(end, end.tzinfo, language, with_zone=False)
        separator = fallback
    return first, separator, second, zone_name(zone if zone else start.tzinfo, language)


def datetime_range(start, end, zone=None, language=None):
    """'22 December 2026, 09:00–17:00 (Athens Time)'."""
    first, separator, second, name = datetime_range_parts(start, end, zone, language)
    return f"{first}{separator}{second} ({name})"


def number(value, language=None):
    """'1,234,567' in English, '1.234.567' in Italian, '1 234 567' in Polish."""
    if value is None or value == "":
        return ""
    return babel_numbers.format_decimal(value, locale=babel_locale(language))


def language_name(code, language=None):
    """The name of the language ``code`` in the reader's language: 'Italian',
    'italiano', 'Italienisch', 'الإيطالية'; the code itself if CLDR does not know it."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_language_name(babel_locale(language))
    except (UnknownLocaleError, ValueError):
        return code
    return name or code


def format_list(items, style="standard", language=None):
    """'Palermo, Girona and Athens'; in Arabic with the Arabic comma and و."""
    items = [str(item) for item in items if item not in (None, "")]
    if not items:
        return ""
    return babel_lists.format_list(items, style=style, locale=babel_locale(language))
