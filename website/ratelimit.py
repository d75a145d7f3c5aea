"""How often one client (or one target, such as an email address) may do something.

Counted in the cache, so that the limit holds across app servers sharing Redis;
while Redis is down each app server counts on its own, a looser limit but a limit.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache, caches

from .caching import CacheUnavailable


def over_limit(scope, who, limit, window):
    """Count one more for ``who`` in ``scope``; True once it exceeds ``limit`` per ``window`` s."""
    digest = hashlib.sha256((who or "").encode()).hexdigest()[:32]
    key = f"{scope}:rate:{digest}:{int(time.time()) // window}"
    try:
        count = _count(cache, key, window)
    except CacheUnavailable:
        count = _count(caches[settings.CONVIVIUM_LOCAL_CACHE], key, window)
    return count > limit


def _count(counter, key, window):
    counter.add(key, 0, timeout=window)
    try:
        return counter.incr(key)
    except CacheUnavailable:
        raise
    except ValueError:  # expired between add and incr
        counter.set(key, 1, timeout=window)
        return 1
