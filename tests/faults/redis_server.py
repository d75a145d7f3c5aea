"""A Redis server of a test's own, on a free port, that the test can stop and start again."""

import shutil
import socket
import subprocess
import time

import pytest


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self):
        self.executable = shutil.which("redis-server")
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        # Nothing written to disk: a restart comes back empty, as after a crash or a flush.
        self.process = subprocess.Popen(  # noqa: S603
            [self.executable, "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def restart(self):
        self.stop()
        self.start()


@pytest.fixture
def redis_server():
    server = RedisServer()
    if server.executable is None:
        pytest.skip("redis-server is not installed")
    server.start()
    yield server
    server.stop()


def fail_safe_caches(url, base):
    """The production cache configuration (website.settings.base) pointed at ``url``."""
    shared = {
        "BACKEND": "website.caching.FailSafeRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    return {
        **base,
        "default": {**shared, "KEY_PREFIX": "convivium"},
        "pages": {**shared, "KEY_PREFIX": "convivium-pages"},
    }
