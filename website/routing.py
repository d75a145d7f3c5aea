from wagtail.models import Page


class DirectRouteMixin:
    """Resolve a deep URL with one query instead of two per level of the tree.

    Wagtail walks the tree one slug at a time. A site root using this mixin looks
    up every prefix of the path by its ``url_path`` at once and hands the rest of
    the path to the deepest page found, so that sub-URLs of routable pages
    (``calendar.ics``, ``print/``) still work. Unlike Wagtail's walk, a child
    whose slug equals a sub-route of its routable parent wins over the sub-route.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:length]) + "/"
            for length in range(1, len(path_components) + 1)
        ]
        deepest = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
            .order_by("-depth")
            .first()
        )
        if deepest is None:
            return super().route(request, path_components)
        consumed = deepest.depth - self.depth
        return deepest.specific.route(request, path_components[consumed:])
