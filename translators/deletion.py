"""Language roles never delete what the public can read.

Wagtail lets anyone who may change and publish a page delete it while it is
live; reviewers may publish in their language, so they could delete any
partner's live pages in it. Deleting a live page, or a subtree that holds
one, is for the page's partner moderators, the coordinators and the
administrators; people whose rights come from language roles delete only
pages that are not live, and unpublish the others.
"""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.models import GroupPagePermission, Page

from .access import is_language_restricted


def holds_live_page(page):
    return page.live or page.get_descendants().live().exists()


def may_delete(user, page):
    """False where deleting ``page`` would take a live page down on language-role rights."""
    if not is_language_restricted(user) or not holds_live_page(page):
        return True
    # Rights from other groups still count: a partner's moderators publish its whole subtree.
    return any(page.path.startswith(path) for path in publish_paths_beyond_language_roles(user))


def publish_paths_beyond_language_roles(user):
    """Tree paths where ``user`` may publish through a group that is not a language role.

    Read once per request: the explorer asks for every row it lists.
    """
    if not hasattr(user, "_convivium_publish_paths"):
        user._convivium_publish_paths = list(
            GroupPagePermission.objects.filter(
                group__user=user,
                group__language_role__isnull=True,
                permission__codename="publish_page",
            ).values_list("page__path", flat=True)
        )
    return user._convivium_publish_paths


def delete_refusal(request, page):
    return TemplateResponse(
        request,
        "translators/not_deleted.html",
        {
            "page": page,
            "message": _(
                "This page, or a page below it, is live. Translators and reviewers delete "
                "only pages that are not live: unpublish it instead, or ask its partner's "
                "moderators or a coordinator to delete it."
            ),
        },
        status=403,
    )


class LanguageRolesDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete, with live pages listed as not theirs to delete."""

    def check_perm(self, page):
        return super().check_perm(page) and may_delete(self.request.user, page)


def refused_pages(user, objects):
    return [obj for obj in objects if isinstance(obj, Page) and not may_delete(user, obj)]


def is_delete_button(button, page):
    url = getattr(button, "url", None) or ""
    return url.split("?")[0] == reverse("wagtailadmin_pages:delete", args=[page.pk])
