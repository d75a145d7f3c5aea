"""Errors answer with a page of the site, never a stack trace; a lost database is a 503."""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError, ProgrammingError, connection
from django.test import Client
from django.utils import translation

from tests.website.tcp_proxy import Relay


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_unknown_address_gets_the_site_page_not_found(net, client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'class="error-page"' in content
    assert f'lang="{language}"' in content
    assert ('dir="rtl"' in content) == (language == "ar")


def failing_client():
    return Client(raise_request_exception=False, HTTP_HOST="localhost")


def test_a_lost_database_connection_answers_503_with_a_retry_time(net):
    with mock.patch("search.views.render", side_effect=OperationalError("server closed")):
        response = failing_client().get("/en/search/?q=market")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert b"Back in a moment" in response.content
    assert b"Traceback" not in response.content


def test_a_broken_query_is_a_500_not_a_503(net):
    with mock.patch("search.views.render", side_effect=ProgrammingError("no such column")):
        response = failing_client().get("/en/search/?q=market")
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


@pytest.mark.parametrize("language", ["el", "ar"])
def test_a_failing_view_gets_the_sites_error_page_even_without_the_database(
    net, django_db_blocker, language
):
    """The error page itself asks nothing of the database, which may be what failed."""
    with (
        mock.patch("search.views.render", side_effect=RuntimeError("a defect")),
        django_db_blocker.block(),
    ):
        response = failing_client().get(f"/{language}/search/?q=market")
    assert response.status_code == 500
    content = response.content.decode()
    assert 'class="error-page"' in content
    assert f'lang="{language}"' in content
    assert ('dir="rtl"' in content) == (language == "ar")
    with translation.override(language):
        assert translation.gettext("Something went wrong") in content
    assert "Traceback" not in content


def get_status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - 127.0.0.1
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="cuts a PostgreSQL connection in the middle"
)
def test_the_site_answers_503_while_the_database_is_away_and_recovers_by_itself(net):
    db = connection.settings_dict
    relay = Relay(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    relay.start()
    url_path = net.page("practice", "en").url
    server_port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        # The test database itself, through the relay: the shared network is committed there.
        "DATABASE_URL": f"postgres://{db['USER']}@127.0.0.1:{relay.port}/{db['NAME']}",
    }
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{server_port}"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://localhost:{server_port}{url_path}"
    try:
        assert _wait_for(lambda: get_status(url)[0] == 200)
        relay.stop()
        status, content = get_status(url)
        assert status == 503
        assert "Back in a moment" in content
        relay.start()
        assert _wait_for(lambda: get_status(url)[0] == 200, seconds=5)
    finally:
        server.terminate()
        server.wait(timeout=10)
        relay.stop()


def _free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False
