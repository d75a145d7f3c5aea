from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets import Button

from website.models import HomePage
from website.navigation import network_page
from website.sections import Section

from . import archiving
from .models import PartnerIndexPage, PartnerPage
from .views import AddPartnerView, InviteView, archive_partner, may_add_partners
from .visibility import pages_shown_to


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


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_live_pages_and_own_drafts(pages, request):
    # Wagtail runs this hook for the chooser's browsing and its search alike.
    return pages_shown_to(request.user, pages)


@hooks.register("register_admin_urls")
def partner_admin_urls():
    return [
        path("partners/add/", AddPartnerView.as_view(), name="partners_add"),
        path("partners/invite/", InviteView.as_view(), name="partners_invite"),
        path("partners/<int:page_id>/archive/", archive_partner, name="partners_archive"),
    ]


@hooks.register("register_page_header_buttons")
def archive_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, PartnerPage) and may_add_partners(user):
        archived = archiving.active_archive(page) is not None
        yield Button(
            _("Restore partner") if archived else _("Archive partner"),
            reverse("partners_archive", args=[page.pk]),
            icon_name="undo" if archived else "folder-inverse",
            priority=45,
        )


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return may_add_partners(request.user)


partners_menu = Menu(
    register_hook_name="register_partners_menu_item", construct_hook_name="construct_partners_menu"
)


@hooks.register("register_partners_menu_item")
def add_partner_menu_item():
    return CoordinatorMenuItem(
        _("Add partner"), reverse("partners_add"), icon_name="plus", order=10
    )


@hooks.register("register_partners_menu_item")
def invite_menu_item():
    return CoordinatorMenuItem(
        _("Invite people"), reverse("partners_invite"), icon_name="mail", order=20
    )


@hooks.register("register_admin_menu_item")
def partners_submenu():
    return SubmenuMenuItem(
        _("Partners"), partners_menu, icon_name="group", order=150, name="partners"
    )
