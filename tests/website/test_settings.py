import os
import subprocess
import sys

from django.conf import settings


def run(args, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL")
    }
    env.update({"DJANGO_SETTINGS_MODULE": "website.settings.production", **environment})
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run(["manage.py", "check"], ALLOWED_HOSTS="convivium.example.org")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run(["manage.py", "check"], SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_the_address_its_mails_link_to():
    result = run(["manage.py", "check"], SECRET_KEY="x" * 60, ALLOWED_HOSTS="convivium.example.org")
    assert result.returncode != 0
    assert "Set WAGTAILADMIN_BASE_URL" in result.stderr


def test_production_passes_the_deployment_checks():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY="a-long-random-secret-key-for-the-deployment-check-0123456789abcdef",
        ALLOWED_HOSTS="convivium.example.org",
        WAGTAILADMIN_BASE_URL="https://convivium.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_languages_are_configuration(tmp_path):
    code = "from django.conf import settings; print([c for c, _ in settings.LANGUAGES])"
    result = run(
        ["-c", f"import django; django.setup(); {code}"],
        CONVIVIUM_LANGUAGES="en,de,ar",
        DJANGO_SETTINGS_MODULE="website.settings.test",
    )
    assert result.stdout.strip() == "['en', 'de', 'ar']"


def test_an_unknown_language_code_is_refused():
    result = run(
        ["manage.py", "check"], CONVIVIUM_LANGUAGES="en,zz", SECRET_KEY="x", ALLOWED_HOSTS="x"
    )
    assert "unknown language code 'zz'" in result.stderr


# What development settings give, and whether a stylesheet answers (from WhiteNoise,
# before any database is asked).
DEVELOPMENT = (
    "import django; django.setup(); from django.conf import settings; "
    "from django.test import Client; "
    "css = Client().get('/static/website/css/site.css', HTTP_HOST='localhost'); "
    "print(settings.DEBUG, settings.SERVE_MEDIA, css.status_code, *settings.ALLOWED_HOSTS)"
)


def development_settings(**environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DEBUG", "SERVE_MEDIA", "ALLOWED_HOSTS")
    }
    env.update({"DJANGO_SETTINGS_MODULE": "website.settings.dev", **environment})
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", DEVELOPMENT],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=True,
    )
    return result.stdout.split()


def test_development_debugs_unless_told_otherwise():
    assert development_settings()[:2] == ["True", "True"]


def test_development_with_debug_off_still_serves_files_and_local_hosts():
    debug, serve_media, stylesheet, *hosts = development_settings(DEBUG="false")
    assert (debug, serve_media, stylesheet) == ("False", "True", "200")
    assert {"localhost", ".localhost", "127.0.0.1"} <= set(hosts)


def test_uploaded_images_are_served_with_debug_off(net, client):
    assert not settings.DEBUG and settings.SERVE_MEDIA
    rendition = net.page("practice").featured_image.get_rendition("width-400")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
