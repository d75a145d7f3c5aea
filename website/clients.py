"""Who is asking: the client's address as the outermost trusted proxy saw it."""

from django.conf import settings


def client_address(request):
    """REMOTE_ADDR, or with TRUSTED_PROXY_COUNT proxies in front, the address they forwarded.

    Each proxy appends the address it received the request from to
    X-Forwarded-For, so the entry TRUSTED_PROXY_COUNT from the end is the one
    written by the outermost proxy we run; anything before it was sent by the
    client and can be forged.
    """
    proxies = settings.CONVIVIUM_TRUSTED_PROXY_COUNT
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
