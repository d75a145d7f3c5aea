import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

SCRIPT = Path(__file__).with_name("registration_load.py")

@pytest.fixture
def fresh_database(django_db_setup, tmp_path):
    """A database of its own, dropped afterwards.

    A copy of the migrated test database: on SQLite through its backup API, on
    PostgreSQL as a template when it can make one (no other session on it), else
    an empty database that the script migrates (a minute).
    """
    if connection.vendor == "sqlite":
        copy = tmp_path / "load.sqlite3"
        with sqlite3.connect(connection.settings_dict["NAME"]) as source:
            with sqlite3.connect(copy) as target:
                source.backup(target)
        yield f"sqlite:///{copy}"
        return
    params = settings.DATABASES["default"]
    template = connection.settings_dict["NAME"]
    if not template.startswith("test_"):
        template = connection.creation._get_test_db_name()
    name = f"{template}_load"[:63]
    server = {
        "host": params.get("HOST") or "127.0.0.1",
        "port": params.get("PORT") or 5432,
        "user": params.get("USER") or "postgres",
        "password": params.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.close()
        try:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        except (psycopg.errors.ObjectInUse, psycopg.errors.InvalidCatalogName):
            admin.execute(f'CREATE DATABASE "{name}"')
    auth = server["user"] + (f":{server['password']}" if server["password"] else "")
    yield f"postgres://{auth}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_200_concurrent_registrations_for_50_places_overbook_nothing(fresh_database):
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
