"""Absolute addresses on the Site a request is for, as Wagtail gives them for pages.

Every address the site prints (sitemap, robots.txt, feeds, downloads, share
images) starts with the Site's ``root_url``, the host and port it is served on,
so that it agrees with ``page.get_full_url()`` whichever name the request used.
"""

from wagtail.models import Site


def site_url(request, path="/"):
    """``path`` (an address on this server, or already absolute) on the request's Site."""
    if path.startswith(("http://", "https://")):
        return path
    site = Site.find_for_request(request)
    if site is None:
        return request.build_absolute_uri(path)
    return site.root_url + path
