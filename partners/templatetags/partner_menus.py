from django import template
from wagtail.models import Page

from partners.models import PartnerPage
from website.query import private_pages

register = template.Library()


@register.inclusion_tag("partners/includes/partner_menu.html", takes_context=True)
def partner_menu(context, page, partner=None):
    """The menu of the partner whose microsite holds ``page``: its home and its menu pages.

    Templates that already have the partner pass it, which saves looking it up.
    """
    if partner is None:
        lineage = [page.path[: Page.steplen * depth] for depth in range(1, page.depth + 1)]
        partner = PartnerPage.objects.live().filter(path__in=lineage).defer_streamfields().first()
    if partner is None:
        return {"partner": None}
    children = (
        partner.get_children()
        .live()
        .in_menu()
        .exclude(private_pages())
        .only("id", "title", "url_path", "path", "depth", "locale_id")
    )
    return {"partner": partner, "children": children, "page": page, "request": context["request"]}
