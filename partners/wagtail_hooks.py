from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from website.models import HomePage
from website.navigation import network_page
from website.sections import Section

from .models import PartnerIndexPage, PartnerPage


@hooks.register("convivium_sections")
def partners_section(page, request):
    if not isinstance(page, HomePage):
        return None
    partners = (
        PartnerPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .select_related("logo")
        .prefetch_related("logo__renditions")
        .defer_streamfields()
        .order_by("title")
    )
    return Section(
        "partners/includes/partner_section.html",
        {
            "heading": _("The partners"),
            "partners": partners,
            "index": network_page(request, page.locale_id, PartnerIndexPage),
        },
        order=30,
    )
