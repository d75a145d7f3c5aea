"""Public pages carry a Content-Security-Policy that forbids inline scripts, the admin one it
works with and a strict one reported only; every answer a Permissions-Policy, and the app
server names no software."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.test import Client


def directives(response, header="Content-Security-Policy"):
    policy = response[header]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_public_pages_allow_scripts_only_from_the_site_itself(net, client, language):
    response = client.get(net.page("practice", language).url)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy.get("style-src", [])
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_no_public_page_has_an_inline_script_or_event_handler(net, client):
    for name in net.pages:
        for language in ("en", "ar"):
            content = client.get(net.page(name, language).url).content.decode()
            for script in content.split("<script")[1:]:
                opening = script.split(">", 1)[0]
                # Scripts come from files; JSON-LD data blocks are not executed.
                assert " src=" in opening or 'type="application/ld+json"' in opening, (
                    name,
                    language,
                    opening,
                )
            assert " onclick=" not in content and " onload=" not in content, (name, language)


def test_pages_from_the_page_cache_carry_the_policy_too(net, client, settings):
    settings.CONVIVIUM_PAGE_CACHE_SECONDS = 60
    url = net.page("practice", "en").url
    client.get(url)
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit"
    assert "script-src 'self'" in cached["Content-Security-Policy"]


def test_public_pages_have_no_report_only_policy(net, client):
    response = client.get(net.page("practice", "en").url)
    assert "Content-Security-Policy-Report-Only" not in response
    assert "report-uri" not in response["Content-Security-Policy"]


ADMIN_PAGES = ["/admin/login/", "/admin/", "/admin/pages/", "/admin/images/"]


@pytest.fixture
def admin_page(admin_client):
    """An admin page as Wagtail answers it: its login signed out, the rest signed in."""

    def get(path):
        signed_out = Client(HTTP_HOST="localhost")
        return (signed_out if path == "/admin/login/" else admin_client).get(path)

    return get


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_the_admin_enforces_what_wagtails_admin_works_with(net, admin_page, path):
    response = admin_page(path)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["script-src-attr"] == ["'none'"]
    # Wagtail's inline scripts and styles: nothing that would refuse them is enforced.
    assert not {"default-src", "script-src", "style-src"} & set(policy)
    assert policy["report-uri"] == ["/csp-report/"]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_the_admin_reports_what_a_strict_policy_would_refuse(net, admin_page, path):
    response = admin_page(path)
    policy = directives(response, "Content-Security-Policy-Report-Only")
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'report-sample'"]
    assert policy["style-src"] == ["'self'", "'report-sample'"]
    assert "'unsafe-inline'" not in sum(policy.values(), [])
    assert policy["report-uri"] == ["/csp-report/"]


def test_the_page_editor_has_the_admins_policy(net, admin_client):
    page = net.page("practice", "en")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert directives(response)["object-src"] == ["'none'"]
    assert "script-src" in directives(response, "Content-Security-Policy-Report-Only")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_pages_refuse_the_browser_features_no_page_uses(net, client, language):
    response = client.get(net.page("practice", language).url)
    policy = dict(part.split("=", 1) for part in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert policy[feature] == "()"
    assert policy["fullscreen"].startswith("(self ")  # the embedded video players


def test_the_admin_refuses_them_too(admin_client):
    assert "camera=()" in admin_client.get("/admin/login/")["Permissions-Policy"]


def test_the_app_server_names_no_software(tmp_path):
    """gunicorn, started as production starts it, from the project's directory."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    project = Path(__file__).resolve().parents[2]
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603 - gunicorn of this virtual environment
        [str(gunicorn), "-b", f"127.0.0.1:{port}", "website.wsgi"],
        cwd=project,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "website.settings.test"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(100):
            try:
                response = urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5)  # noqa: S310
            except urllib.error.HTTPError as error:
                response = error
            except OSError:
                time.sleep(0.1)
                continue
            break
        assert response.headers["Server"] == "Convivium"
    finally:
        server.terminate()
        server.wait(10)
