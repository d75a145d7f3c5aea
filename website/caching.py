"""The shared cache (Redis) as a help, never a dependency.

When Redis cannot be reached, every read is a miss and every write is dropped:
pages are built and served uncached, the admin works (sessions are in the
database) and nothing submitted is lost. Nothing falls back to a cache of the
process's own, which could serve a copy that another process has since
invalidated. After a failure the process leaves Redis alone for
CONVIVIUM_CACHE_RETRY_SECONDS, so that a page does not wait for a dead server
once per read; a server that answers again is used at the next try.
"""

import logging
import secrets
import threading
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class CacheUnavailable(ValueError):
    """Raised by ``incr`` when the cache is unreachable: a count cannot be kept there.

    A ValueError, as for a missing key, so that code which then sets the key afresh
    goes on working; code that needs a count (a rate limit) counts elsewhere.
    """


class FailSafeRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._resting_until = 0.0
        self._lock = threading.Lock()
        self.outages = 0  # how many times this process found the cache unreachable

    @property
    def available(self):
        return time.monotonic() >= self._resting_until

    def _failed(self, error):
        with self._lock:
            first = self.available
            if first:
                self.outages += 1
            self._resting_until = time.monotonic() + settings.CONVIVIUM_CACHE_RETRY_SECONDS
        if first:
            logger.warning("The shared cache is unreachable, serving uncached: %s", error)

    def _try(self, operation, fallback):
        if not self.available:
            return fallback
        try:
            return operation()
        except RedisError as error:
            self._failed(error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._try(
            lambda: super(FailSafeRedisCache, self).get(key, default, version), default
        )

    def get_many(self, keys, version=None):
        return self._try(lambda: super(FailSafeRedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None):
        return self._try(lambda: super(FailSafeRedisCache, self).has_key(key, version), False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(
            lambda: super(FailSafeRedisCache, self).add(key, value, timeout, version), False
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._try(lambda: super(FailSafeRedisCache, self).set(key, value, timeout, version), None)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(
            lambda: super(FailSafeRedisCache, self).set_many(data, timeout, version), list(data)
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(
            lambda: super(FailSafeRedisCache, self).touch(key, timeout, version), False
        )

    def delete(self, key, version=None):
        return self._try(lambda: super(FailSafeRedisCache, self).delete(key, version), False)

    def delete_many(self, keys, version=None):
        self._try(lambda: super(FailSafeRedisCache, self).delete_many(keys, version), None)

    def clear(self):
        return self._try(lambda: super(FailSafeRedisCache, self).clear(), False)

    def incr(self, key, delta=1, version=None):
        if not self.available:
            raise CacheUnavailable(key)
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            self._failed(error)
            raise CacheUnavailable(key) from error


# Version numbers: every key of a kind of copies carries one, and raising it leaves the
# old copies behind (see website.pagecache). A number that starts again where it began
# would bring them back, in the processes that keep copies of their own: a version made
# afresh (after a restart, a flush, an eviction) is a random one instead.


def fresh_version():
    return secrets.randbits(60)


def current_version(cache, key):
    """The version under ``key``, made afresh if the cache has none; None if unreachable."""
    _raise_after_outage(cache, key)
    version = cache.get(key)
    if version is None:
        cache.add(key, fresh_version(), timeout=None)
        version = cache.get(key)
    return version


_outages_handled = {}


def _raise_after_outage(cache, key):
    """Raise the version once the cache answers again after this process lost it.

    A change made during the outage could not raise it; the process that made it
    may be gone before the cache is back. Copies from before the outage are left
    behind, at the cost of building the pages again once.
    """
    outages = getattr(cache, "outages", 0)
    handled = _outages_handled.setdefault((id(cache), key), outages)
    if handled == outages or not getattr(cache, "available", True):
        return
    try:
        cache.incr(key)
    except CacheUnavailable:
        return
    except ValueError:
        pass  # no version at all: the caller makes a fresh one
    _outages_handled[(id(cache), key)] = outages


_retrying = set()
_retrying_lock = threading.Lock()


def raise_version(cache, key):
    """Leave every copy under ``key``'s version behind.

    If the cache is unreachable the change is kept waiting and tried again until it
    answers: copies made before it must not be used once it is back.
    """
    try:
        cache.incr(key)
    except CacheUnavailable:
        _retry_until_reachable(cache, key)
    except ValueError:  # no version yet: nothing was kept under one
        cache.add(key, fresh_version(), timeout=None)


def _retry_until_reachable(cache, key):
    with _retrying_lock:
        if (id(cache), key) in _retrying:
            return
        _retrying.add((id(cache), key))

    def retry():
        try:
            while True:
                time.sleep(settings.CONVIVIUM_CACHE_RETRY_SECONDS)
                try:
                    cache.incr(key)
                    return
                except CacheUnavailable:
                    continue
                except ValueError:
                    return  # emptied meanwhile: the next reader makes a fresh version
        finally:
            with _retrying_lock:
                _retrying.discard((id(cache), key))

    threading.Thread(target=retry, name=f"raise {key}", daemon=True).start()
