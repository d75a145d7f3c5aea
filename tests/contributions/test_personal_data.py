"""Contact data: exported for one person on request, deleted when due, contributions kept."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from contributions.factories import ConsultationAnswerFactory
from contributions.models import ConsultationAnswer, PracticeProposal


@pytest.fixture
def contributions(net):
    home = net.page("home")
    old = timezone.now() - datetime.timedelta(days=400)
    return {
        "old answer": ConsultationAnswerFactory(
            consultation__parent=home, email="ada@example.org", submitted_at=old
        ),
        "new answer": ConsultationAnswerFactory(
            consultation__parent=home, email="Ada@Example.org", text="Fresh idea."
        ),
        "someone else": ConsultationAnswerFactory(
            consultation__parent=home, email="bo@example.org", submitted_at=old
        ),
        "old proposal": PracticeProposal.objects.create(
            title="Dinners", name="Ada", email="ada@example.org", language="it", submitted_at=old
        ),
    }


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_export_gives_everything_held_about_one_email_and_nothing_else(contributions):
    out, err = run("export_personal_data", "ada@example.org")
    data = json.loads(out)
    kinds = sorted(item["kind"] for item in data["contributions"])
    assert kinds == ["consultation answer", "consultation answer", "practice proposal"]
    assert "bo@example.org" not in out
    assert "3 contribution(s)" in err


def test_export_refuses_something_that_is_not_an_email(contributions):
    with pytest.raises(CommandError):
        run("export_personal_data", "'; DROP TABLE")


@override_settings(CONVIVIUM_PERSONAL_DATA_DAYS=365)
def test_contact_data_older_than_the_period_is_deleted_and_the_contribution_kept(
    contributions,
):
    out, _err = run("purge_personal_data")
    assert "3 contribution(s)" in out
    old = ConsultationAnswer.objects.get(pk=contributions["old answer"].pk)
    assert (old.name, old.email, old.organisation) == ("", "", "")
    assert old.anonymised_at is not None
    assert old.text == contributions["old answer"].text
    assert ConsultationAnswer.objects.get(pk=contributions["new answer"].pk).email
    assert PracticeProposal.objects.get().email == ""


def test_deleting_twice_changes_nothing_more(contributions):
    run("purge_personal_data", "--days", "30")
    first = {a.pk: a.anonymised_at for a in ConsultationAnswer.objects.all()}
    out, _err = run("purge_personal_data", "--days", "30")
    assert "0 contribution(s)" in out
    assert {a.pk: a.anonymised_at for a in ConsultationAnswer.objects.all()} == first


def test_one_persons_contact_data_is_deleted_on_request(contributions):
    run("purge_personal_data", "--email", "ada@example.org")
    assert not ConsultationAnswer.objects.filter(email__iexact="ada@example.org").exists()
    assert ConsultationAnswer.objects.filter(email="bo@example.org").exists()
    assert ConsultationAnswer.objects.count() == 3
    out, _err = run("export_personal_data", "ada@example.org")
    assert json.loads(out)["contributions"] == []
