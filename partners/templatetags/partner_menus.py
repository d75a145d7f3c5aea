from django import template
from wagtail.models import Page

from partners.models import PartnerPage

register = template.Library()


@register.inclusion_tag("partners/includes/partner_menu.html", takes_context=True)
def partner_menu(context, page):
    """The menu of the partner whose microsite holds ``page``: its home and its menu pages."""
    lineage = [page.path[: Page.steplen * depth] for depth in range(1, page.depth + 1)]
    partner = PartnerPage.objects.live().filter(path__in=lineage).defer_streamfields().first()
    if partner is None:
        return {"partner": None}
    children = partner.get_children().live().public().in_menu().only(
        "id", "title", "url_path", "path", "depth", "locale_id"
    )
    return {"partner": partner, "children": children, "page": page, "request": context["request"]}
