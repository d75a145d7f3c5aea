from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from partners.models import PartnerPage
from website.models import HomePage
from website.navigation import network_page
from website.sections import Section

from .models import PracticeAdoption, PracticeIndexPage, PracticePage, TargetGroup, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (ThemeViewSet, TargetGroupViewSet)


register_snippet(TaxonomyViewSetGroup)


@hooks.register("convivium_sections")
def practices_section(page, request):
    is_partner = isinstance(page, PartnerPage)
    if isinstance(page, HomePage):
        practices = PracticePage.objects.listing(page.locale_id)[:6]
        heading = _("Latest good practices")
    elif isinstance(page, PartnerPage):
        practices = PracticePage.objects.listing(page.locale_id).child_of(page)
        heading = _("Good practices")
    else:
        return None
    return Section(
        "practices/includes/practice_section.html",
        {
            "heading": heading,
            "practices": practices,
            # A partner's page lists all its practices: no link away from its microsite.
            "index": None
            if is_partner
            else network_page(request, page.locale_id, PracticeIndexPage),
        },
        order=10,
    )


@hooks.register("convivium_sections")
def taken_from_others_section(page, request):
    """On a partner's page: the practices of other partners it adopted or adapted."""
    if not isinstance(page, PartnerPage):
        return None
    adoptions = list(
        PracticeAdoption.objects.filter(
            partner__translation_key=page.translation_key,
            page__locale_id=page.locale_id,
            page__live=True,
        )
        .select_related("page", "page__partner")
        .order_by("-started")
    )
    if not adoptions:
        return None
    return Section(
        "practices/includes/taken_from_others.html",
        {"heading": _("What we took from other partners"), "adoptions": adoptions},
        order=15,
    )
