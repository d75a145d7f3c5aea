"""What an editor may see of other people's pages: what is live, and what they may edit.

A page that was never published is its authors' work in progress: in the
admin's page chooser (browse and search) an editor sees it only where they
hold some page permission, and the network's coordinators see every page.
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission

from .views import may_add_partners


def pages_shown_to(user, pages):
    """``pages`` limited to live ones and those in the subtrees ``user`` has permissions on."""
    if may_add_partners(user):
        return pages
    visible = Q(live=True)
    roots = GroupPagePermission.objects.filter(group__user=user).values_list("page__path")
    for (path,) in sorted(set(roots)):
        visible |= Q(path__startswith=path)
    return pages.filter(visible)
