"""Wagtail's admin works under the Content-Security-Policy it enforces.

Chromium writes every refusal to the console: "Refused to … because it violates
the following Content Security Policy directive …", with "The policy is
report-only" (older versions: a "[Report Only]" prefix) for the strict policy the
admin only reports on. An editor signs in, opens the
dashboard, the page explorer, a practice's edit view (Draftail, date pickers,
inline panels) and the image chooser; nothing of the enforced policy is refused.
"""

import re

from playwright.sync_api import expect

PRACTICE = "Storytelling walks through the Ballarò market"
PRACTICE_ID = f"""
from practices.models import PracticePage
print(PracticePage.objects.get(title={PRACTICE!r}, locale__language_code="en").pk)
"""


def is_policy_message(text):
    return "Content Security Policy" in text or "Content-Security-Policy" in text


def is_report_only(text):
    return "report-only" in text.lower() or "[Report Only]" in text


def test_the_page_editor_works_under_the_enforced_policy(page, live_site):
    base = live_site["base"]
    messages = []
    page.on("console", lambda message: messages.append((message.type, message.text)))
    failures = []
    page.on("pageerror", lambda error: failures.append(str(error)))

    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill(live_site["user"])
    page.get_by_label("Password").fill(live_site["password"])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/admin/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.goto(f"{base}/admin/pages/")
    expect(page.get_by_role("table")).to_be_visible()

    practice = live_site["manage"]("shell", "-v", "0", "-c", PRACTICE_ID).strip()
    page.goto(f"{base}/admin/pages/{practice}/edit/")
    editor = page.locator("[data-contentpath=context] [role=textbox]")
    expect(editor).to_be_visible()  # Draftail has loaded
    editor.click()
    editor.press_sequentially(" More.")
    expect(page.locator("input[name=context]")).to_have_value(re.compile("More"))

    chooser = page.locator("[data-contentpath=featured_image]")
    chooser.get_by_role("button", name="Actions").click()
    chooser.get_by_role("button", name="Change image").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", name="Choose an image")).to_be_visible()
    expect(dialog.get_by_text("Latest images")).to_be_visible()

    enforced = [text for _type, text in messages if is_policy_message(text)]
    enforced = [text for text in enforced if not is_report_only(text)]
    assert enforced == []
    assert failures == []
    # The strict policy is evaluated and reports what Wagtail does inline.
    assert any(is_report_only(text) for _type, text in messages if is_policy_message(text))
