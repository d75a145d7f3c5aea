"""A database of a test's own, for scripts that write to it from many connections at once.

The suite's own database lives inside a transaction that other connections cannot see.
"""

import sqlite3
from contextlib import closing

import psycopg
import pytest
from django.conf import settings
from django.db import connection


@pytest.fixture
def fresh_database(django_db_setup, tmp_path):
    """A database of its own, dropped afterwards.

    A copy of the migrated test database: on SQLite through its backup API, on
    PostgreSQL as a template when it can make one (no other session on it), else
    an empty database that the script migrates (a minute).
    """
    if connection.vendor == "sqlite":
        copy = tmp_path / "load.sqlite3"
        source = sqlite3.connect(connection.settings_dict["NAME"])
        target = sqlite3.connect(copy)
        with closing(source), closing(target):
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
