"""wagtailmenus' main menu in the admin, with Wagtail's permission check.

wagtailmenus' listing of main menus sends everyone straight to the menu of the
current site without asking whether they may edit it; for anyone who may not,
that address does not exist and the request fails. Here they are refused like
anywhere else in the admin.
"""

from django.core.exceptions import PermissionDenied
from wagtailmenus import menuadmin


class MainMenuIndexView(menuadmin.MainMenuIndexView):
    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MainMenuAdmin(menuadmin.MainMenuAdmin):
    index_view_class = MainMenuIndexView
