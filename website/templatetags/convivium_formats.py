"""Template filters and tags over website.formats: CLDR dates, times, numbers and lists.

{% load convivium_formats %}
{{ page.start_date|long_date }}          22 December 2026
{{ page.member_since|month_year }}       October 2016
{{ event.start|long_datetime:event.time_zone }}   22 December 2026, 09:00 (Athens Time)
{% datetime_range event.start event.end event.time_zone %}   <time>s, then the zone
{% date_range page.start_date page.end_date %}       1 October 2016 – 30 June 2018
{{ page.population|number }}             1,234,567
{{ page.get_language_names|list }}       Italian, Greek and Arabic
{{ speakers|names }}                     each name in <bdi>, then the list
{% blocktranslate with host=partner.title|bdi %}   a name isolated in a sentence
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from website import formats

register = template.Library()


@register.filter
def long_date(value):
    return formats.long_date(value)


@register.filter
def month_year(value):
    return formats.month_year(value)


@register.filter
def short_time(value, zone=None):
    return formats.short_time(value, zone)


@register.filter
def long_datetime(value, zone=None):
    return formats.long_datetime(value, zone)


@register.filter
def zone_name(value):
    return formats.zone_name(value)


@register.filter
def number(value):
    return formats.number(value)


@register.filter(name="list")
def list_(items):
    return formats.format_list(items)


@register.filter(is_safe=True)
def bdi(value):
    """A name isolated in <bdi>, so that a Latin name keeps its order in an Arabic line
    (and an Arabic one in a Latin line); safe to pass into {% blocktranslate %}."""
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)


@register.filter(is_safe=True)
def names(items):
    """A list of names, each isolated in <bdi> so that a name in another script or
    direction keeps its order inside the reader's sentence."""
    isolated = [bdi(item) for item in items if item not in (None, "")]
    return mark_safe(formats.format_list(isolated))  # noqa: S308 - every item is escaped


@register.simple_tag
def date_range(start, end):
    return formats.date_range(start, end)


@register.simple_tag
def datetime_range(start, end, zone=None):
    """<time>22 December 2026, 09:00</time>–<time>17:00</time> (Athens Time)"""
    first, separator, second, name = formats.datetime_range_parts(start, end, zone)
    start, end = formats.in_zone(start, zone), formats.in_zone(end, zone)
    return format_html(
        '<time datetime="{}">{}</time>{}<time datetime="{}">{}</time> <span class="tz">({})</span>',
        start.isoformat(),
        first,
        separator,
        end.isoformat(),
        second,
        name,
    )
