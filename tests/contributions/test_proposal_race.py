import json
import os
import subprocess
import sys
from pathlib import Path

from tests.databases import fresh_database  # noqa: F401

SCRIPT = Path(__file__).with_name("proposal_race.py")


def test_forty_proposals_sent_at_once_store_each_form_once_with_its_own_address(
    fresh_database,  # noqa: F811
):
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
    assert result["errors"] == []
    assert result["statuses"] == {"302": 40}  # every click thanked
    assert result["proposals"] == result["pages"] == 21  # the double click once, 20 others
    assert result["distinct_slugs"] == 21
