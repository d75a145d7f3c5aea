import pytest
from django.core.management import call_command
from django.test import override_settings

from events.factories import EventPageFactory, in_days
from events.models import Registration, RegistrationStatus, RegistrationSummary


def event_ended(net, days_ago):
    return EventPageFactory(
        parent=net.page("events"),
        registration_status=RegistrationStatus.ON_SITE,
        capacity=10,
        start=in_days(-days_ago, 9),
        end=in_days(-days_ago, 17),
    )


def add(event, number, **fields):
    return Registration.objects.create(
        event=event,
        name=f"Person {number}",
        email=f"person{number}@example.org",
        country=fields.pop("country", "IT"),
        consent=True,
        **fields,
    )


@pytest.fixture
def old_event(net):
    event = event_ended(net, 100)
    add(event, 1, attended=True, country="IT")
    add(event, 2, attended=True, country="DE")
    add(event, 3, attended=True, country="DE")
    add(event, 4, status="waiting")
    add(event, 5, status="cancelled")
    return event


@override_settings(CONVIVIUM_REGISTRATION_RETENTION_DAYS=90)
def test_registrations_past_retention_are_deleted_keeping_counts(old_event):
    call_command("purge_registrations", verbosity=0)
    assert not Registration.objects.filter(event=old_event).exists()
    summary = RegistrationSummary.objects.get(event=old_event)
    assert (summary.confirmed, summary.waiting, summary.cancelled, summary.attended) == (3, 1, 1, 3)
    assert summary.attended_by_country == {"DE": 2, "IT": 1}


@override_settings(CONVIVIUM_REGISTRATION_RETENTION_DAYS=90)
def test_registrations_within_retention_are_kept(net):
    recent = event_ended(net, 30)
    add(recent, 1)
    call_command("purge_registrations", verbosity=0)
    assert Registration.objects.filter(event=recent).count() == 1
    assert not RegistrationSummary.objects.filter(event=recent).exists()


@override_settings(CONVIVIUM_REGISTRATION_RETENTION_DAYS=90)
def test_running_twice_a_day_changes_nothing_more(old_event):
    call_command("purge_registrations", verbosity=0)
    call_command("purge_registrations", verbosity=0)
    summary = RegistrationSummary.objects.get(event=old_event)
    assert summary.attended == 3


def test_retention_days_come_from_settings(old_event):
    with override_settings(CONVIVIUM_REGISTRATION_RETENTION_DAYS=200):
        call_command("purge_registrations", verbosity=0)
    assert Registration.objects.filter(event=old_event).count() == 5


def test_the_command_reports_progress(old_event, capsys):
    call_command("purge_registrations", days=90)
    output = capsys.readouterr().out
    assert "[1/1]" in output
    assert "5 registrations of 1 events deleted." in output


def test_retention_days_default_is_read_from_the_environment(monkeypatch):
    import importlib

    import website.settings.base as base

    monkeypatch.setenv("CONVIVIUM_REGISTRATION_RETENTION_DAYS", "30")
    try:
        assert importlib.reload(base).CONVIVIUM_REGISTRATION_RETENTION_DAYS == 30
    finally:
        monkeypatch.delenv("CONVIVIUM_REGISTRATION_RETENTION_DAYS")
        importlib.reload(base)
