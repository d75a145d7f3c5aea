"""Whole public pages kept in the cache for anonymous visitors.

A page's time goes to routing and rendering, the same for every visitor who
has no session. Such a response is kept under its address (host, path and
query string, which carry the language) until the content changes: any
publication, move or deletion of a page and any saved snippet, image, menu or
setting raises a generation number that every key carries, so a change shows
at once and nothing has to be deleted (see website.signals). A generation
made afresh, after the cache lost it, is a random number rather than the first
one again (website.caching): copies kept under an earlier generation, in Redis
or in a process, can never be taken for the new one. The age limit,
CONVIVIUM_PAGE_CACHE_SECONDS, only bounds pages that change with time, such
as upcoming events; 0 turns the cache off.

Kept: anonymous GET and HEAD answers with status 200 that set no cookie and
are not private. A page that rendered a CSRF token sets its cookie, so forms
are never shared between visitors. Visitors with a session (editors) or with
a message waiting for them always get a fresh page.

Finer than whole pages, ``remember`` keeps what any request needs that depends
on the content alone (the Site, routes, rendered fragments, search rows,
calendar feeds) under the same generation, for every visitor, signed in or
not. Both need the shared cache (Redis): with a cache per process a change
would reach the other processes only when their copies expire.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import cc_delim_re
from wagtail.models import Site

from .caching import current_version, raise_version

GENERATION_KEY = "convivium:pages:generation"
CACHED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link")
MISSING = object()


def page_cache():
    return caches[settings.CONVIVIUM_PAGE_CACHE]


def invalidate():
    if not (settings.CONVIVIUM_PAGE_CACHE_SECONDS or settings.CONVIVIUM_FRAGMENT_CACHE_SECONDS):
        return
    raise_version(page_cache(), GENERATION_KEY)


def generation(request):
    """The content's generation, read from the cache once per request.

    None when the shared cache cannot be reached: then nothing is kept or reused,
    not even a process's own copies, which a change made meanwhile may have retired.
    """
    if not hasattr(request, "_convivium_generation"):
        request._convivium_generation = current_version(page_cache(), GENERATION_KEY)
    return request._convivium_generation


def remember(request, key, build):
    """What ``build()`` returns, kept under ``key`` until the content changes.

    For the parts of a page that depend on the content alone: rendered
    fragments, routes, calendar feeds. Off, and ``build()`` every time, unless
    CONVIVIUM_FRAGMENT_CACHE_SECONDS is set (it needs the shared cache).
    """
    seconds = settings.CONVIVIUM_FRAGMENT_CACHE_SECONDS
    if not seconds:
        return build()
    version = generation(request)
    if version is None:
        return build()
    digest = hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()
    full_key = f"convivium:content:{version}:{digest}"
    # A key names its generation, so a value never changes under it: each
    # process may keep its own copy, and asks the shared cache only once.
    local = caches[settings.CONVIVIUM_LOCAL_CACHE]
    value = local.get(full_key, MISSING)
    if value is MISSING:
        shared = page_cache()
        value = shared.get(full_key, MISSING)
        if value is MISSING:
            value = build()
            shared.set(full_key, value, timeout=seconds)
        local.set(full_key, value, timeout=seconds)
    return value


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(settings.CONVIVIUM_PAGE_CACHE_SKIP_PREFIXES)
    )


def _cacheable_response(response):
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    cache_control = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not cache_control & {"private", "no-cache", "no-store"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.CONVIVIUM_PAGE_CACHE_SECONDS
        if not seconds or not _cacheable_request(request):
            return self.get_response(request)
        version = generation(request)
        if version is None:
            return self.get_response(request)
        cache = page_cache()
        address = f"{request.get_host()}:{request.get_full_path()}"
        key = f"convivium:pages:{version}:{address}"
        kept = cache.get(key)
        if kept is not None:
            status, headers, content = kept
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = [(name, response[name]) for name in CACHED_HEADERS if name in response]
            cache.set(key, (response.status_code, headers, response.content), timeout=seconds)
            response["X-Page-Cache"] = "miss"
        return response


class RememberedSiteMiddleware:
    """The request's Wagtail Site, remembered until the content changes.

    Wagtail looks it up with a query on every request; the menus, the
    settings, the routing and every page address ask for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.CONVIVIUM_FRAGMENT_CACHE_SECONDS:
            host = f"{request._get_raw_host()}:{request.get_port()}"
            request._wagtail_site = remember(
                request, f"site:{host}", lambda: Site.find_for_request(request)
            )
        return self.get_response(request)
