import io

from django.core import mail
from django.core.management import call_command

from practices.factories import PracticePageFactory
from translators import queue
from translators.digest import send_digests


def test_translators_get_one_digest_of_their_new_tasks(net, italian_translator):
    PracticePageFactory(parent=net.page("partner"), title="Language cafés", slug="cafes")
    PracticePageFactory(parent=net.page("partner"), title="Welcome classes", slug="classes")
    queue.refresh()
    mail.outbox.clear()
    assert send_digests() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [italian_translator.email]
    assert "Language cafés (Italian, missing)" in message.body
    assert "Welcome classes (Italian, missing)" in message.body
    assert "(Greek" not in message.body


def test_the_next_digest_holds_only_what_is_new_since(net, italian_translator):
    queue.refresh()
    send_digests()
    mail.outbox.clear()
    assert send_digests() == 0
    PracticePageFactory(parent=net.page("partner"), title="Mock elections", slug="mock")
    queue.refresh()
    assert send_digests() == 1
    assert "Mock elections" in mail.outbox[0].body
    assert "Market walks" not in mail.outbox[0].body


def test_digest_command_reports_what_it_sent(net, italian_translator):
    PracticePageFactory(parent=net.page("partner"), title="Language cafés", slug="cafes")
    queue.refresh()
    out = io.StringIO()
    call_command("send_translation_digest", stdout=out)
    assert "Translation digests sent: 1" in out.getvalue()
