import json
import os
import subprocess
import sys
from pathlib import Path

from tests.databases import fresh_database  # noqa: F401

SCRIPT = Path(__file__).with_name("registration_load.py")


def test_200_concurrent_registrations_for_50_places_overbook_nothing(fresh_database):  # noqa: F811
    environment = {
        **os.environ,
        "DATABASE_URL": fresh_database,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
    }
    finished = subprocess.run(  # noqa: S603 (our own script)
        [sys.executable, str(SCRIPT)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    result = json.loads(finished.stdout.strip().splitlines()[-1])
    print(f"200 concurrent registrations in {result['seconds']:.2f} s")  # shown with -s
    assert result["errors"] == []
    assert result["outcomes"] == {"confirmed": 50, "waiting": 150}
    assert result["confirmed"] == 50
    assert result["waiting"] == 151  # and the one address registered 20 times at once
    assert result["same_address"] == {"waiting": 1, "already registered": 19}
    assert result["rows"] == result["distinct_emails"] == 201
