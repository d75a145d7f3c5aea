"""Browsers report what the admin's Content-Security-Policy refused: logged, bounded, limited."""

import json
import logging

import pytest

URL = "/csp-report/"
# What Chromium sends to report-uri for an inline script of the admin.
LEGACY_REPORT = {
    "csp-report": {
        "document-uri": "http://localhost/admin/pages/3/edit/",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "inline",
        "disposition": "report",
        "line-number": 412,
        "script-sample": "(function() { var panel = new InlinePanel(",
    }
}
# What it sends to report-to (the Reporting API).
REPORTING_API_REPORTS = [
    {
        "type": "csp-violation",
        "age": 10,
        "url": "http://localhost/admin/",
        "body": {
            "documentURL": "http://localhost/admin/",
            "effectiveDirective": "style-src-attr",
            "blockedURL": "inline",
            "disposition": "report",
        },
    }
]


def send(client, body, content_type="application/csp-report", **extra):
    if not isinstance(body, bytes):
        body = json.dumps(body).encode()
    return client.generic("POST", URL, body, content_type=content_type, **extra)


@pytest.fixture
def client(client):
    return client.__class__(enforce_csrf_checks=True)


def test_a_report_is_logged_at_warning_and_answered_204(db, client, caplog):
    with caplog.at_level(logging.WARNING, logger="website.security"):
        response = send(client, LEGACY_REPORT)
    assert response.status_code == 204
    [record] = [record for record in caplog.records if record.name == "website.security"]
    assert record.levelno == logging.WARNING
    assert "effective-directive='script-src-elem'" in record.getMessage()
    assert "InlinePanel" in record.getMessage()


def test_reports_of_the_reporting_api_are_logged_one_by_one(db, client, caplog):
    with caplog.at_level(logging.WARNING, logger="website.security"):
        response = send(client, REPORTING_API_REPORTS * 2, content_type="application/reports+json")
    assert response.status_code == 204
    records = [record for record in caplog.records if record.name == "website.security"]
    assert len(records) == 2
    assert "effective-directive='style-src-attr'" in records[0].getMessage()


def test_no_csrf_token_is_needed(db, client):
    assert send(client, LEGACY_REPORT).status_code == 204


def test_only_post_is_accepted(db, client):
    assert client.get(URL).status_code == 405


def test_a_body_over_16_kb_is_refused_with_413(db, client, caplog):
    padded = {"csp-report": {**LEGACY_REPORT["csp-report"], "script-sample": "x" * 17_000}}
    with caplog.at_level(logging.WARNING, logger="website.security"):
        assert send(client, padded).status_code == 413
    assert not [record for record in caplog.records if record.name == "website.security"]


@pytest.mark.parametrize(
    "body",
    [b"", b"{not json", b"\xff\xfe", b"null", b"[1, 2]", b'{"csp-report": "x"}', b'"text"'],
)
def test_junk_is_a_400_never_a_500(db, client, body):
    assert send(client, body).status_code == 400


def test_a_flood_from_one_address_is_refused_with_429(db, client, settings):
    settings.CONVIVIUM_CSP_REPORT_RATE_LIMIT = 5
    statuses = [send(client, LEGACY_REPORT).status_code for _ in range(8)]
    assert statuses == [204] * 5 + [429] * 3
    # Another address is counted on its own.
    assert send(client, LEGACY_REPORT, REMOTE_ADDR="192.0.2.7").status_code == 204
