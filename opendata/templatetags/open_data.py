import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from opendata.sharing import sharing

register = template.Library()

# As Django's json_script: nothing in the data can close the script element.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("opendata/includes/head.html", takes_context=True)
def open_data_head(context, page=None):
    """Feeds of the current language, and a page's sharing tags and JSON-LD."""
    found = {
        "feeds": [
            (_("New good practices"), reverse("opendata_i18n:practices_feed")),
            (_("Events of the network"), reverse("opendata_i18n:events_feed")),
        ],
        "site_name": getattr(context.get("branding"), "site_title", ""),
    }
    if page is not None and getattr(page, "pk", None):
        card, data = sharing(page, context)
        found["card"] = card
        if data:
            text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
            found["json_ld"] = mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308 - escaped above
    return found


@register.simple_tag
def open_data_licence():
    return settings.CONVIVIUM_OPEN_DATA_LICENCE
