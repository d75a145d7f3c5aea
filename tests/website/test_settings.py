import os
import subprocess
import sys

from django.conf import settings


def run(args, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "ALLOWED_HOSTS")
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


def test_production_passes_the_deployment_checks():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY="a-long-random-secret-key-for-the-deployment-check-0123456789abcdef",
        ALLOWED_HOSTS="convivium.example.org",
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
