"""Parts of a page kept rendered until the content changes.

    {% load convivium_cache %}
    {% cachedfragment "practice" %}…{% endcachedfragment %}

Django's own ``{% cache %}`` tag keeps a fragment for a fixed time. Here a
fragment is kept per host, address (path and query string), language and
name, under the content generation of ``website.pagecache``: a publication,
a move or a saved snippet, image, menu or setting renders every fragment anew.
CONVIVIUM_FRAGMENT_CACHE_SECONDS bounds what changes with time alone, such
as upcoming events; 0 renders every fragment every time.

Previews are never kept nor served from the cache. What differs from one
visitor to the next (forms with their CSRF token, messages, the user bar) is
left outside the fragments.
"""

from django import template
from django.utils.translation import get_language

from website.pagecache import remember

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        address = f"{request.get_host()}{request.get_full_path()}"
        key = f"fragment:{self.name.resolve(context)}:{get_language()}:{address}"
        return remember(request, key, lambda: self.nodelist.render(context))


@register.tag
def cachedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: the fragment's name.")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, parser.compile_filter(bits[1]))
