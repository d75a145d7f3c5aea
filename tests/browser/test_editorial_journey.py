"""A practice goes from Palermo's editor, through moderation and translation, to the public.

Everyone works in the admin as they would: the editor writes the practice and
submits it, Palermo's moderator approves it from the dashboard, the Italian
translator starts the translation from their queue, fills it in
wagtail-localize's editor and sends it to review, and the Italian reviewer
approves it. Each person has a browser context of their own.
"""

import re
from contextlib import contextmanager

from playwright.sync_api import expect

ENGLISH = {
    "title": "Neighbourhood supper clubs",
    "summary": "Residents old and new cook for each other once a month.",
    "context": "Newcomers and old residents rarely share a table.",
    "approach": "Each month a different household hosts a supper for its street.",
}
ITALIAN = {
    "title": "Cene di quartiere",
    "summary": "Residenti vecchi e nuovi cucinano gli uni per gli altri una volta al mese.",
    "context": "Nuovi arrivati e vecchi residenti condividono di rado una tavola.",
    "approach": "Ogni mese una famiglia diversa ospita una cena per la sua strada.",
}
PATH = "/partners/palermo/neighbourhood-supper-clubs/"


@contextmanager
def signed_in(browser, live_site, username, password):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{live_site['base']}/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_site['base']}/admin/")
        yield page
    finally:
        context.close()


def approve_from_the_dashboard(page, title):
    awaiting = page.get_by_role("region", name="Awaiting your review")
    row = awaiting.get_by_role("row").filter(has_text=title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(row).to_have_count(0)


def write_rich_text(page, field, text):
    """Type into a Draftail editor, and wait until it has saved the text to its form field."""
    # Draftail's editors have no accessible name: each is found by its field.
    editor = page.locator(f"[data-contentpath={field}] [role=textbox]")
    # Keystrokes into a focused editor, as a person types: Draft.js can miss a
    # whole-text fill that lands before it has taken the focus on a busy machine.
    editor.click()
    expect(editor).to_be_focused()
    editor.press_sequentially(text)
    expect(page.locator(f"input[name={field}]")).to_have_value(re.compile(re.escape(text)))


def wait_for_autosave(page):
    """Let Wagtail's autosave of the last change finish, as a person sees "Saved".

    A form sent while the autosave that creates the page is on its way is a second
    creation of the same page: Wagtail refuses it (slug already in use).
    """
    indicator = page.locator("#w-autosave-indicator")
    page.wait_for_timeout(1000)  # past the autosave's 500 ms delay after the last key
    expect(indicator).to_have_attribute("data-w-autosave-state-value", "saved", timeout=15000)


def translate_segment(page, source, translation):
    """One string of wagtail-localize's editor: Translate, type, Save, saved."""
    exactly = re.compile(f"^{re.escape(source)}$")
    segment = page.get_by_role("listitem").filter(
        has=page.get_by_role("paragraph").filter(has_text=exactly)
    )
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill(translation)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()


def test_a_practice_goes_from_its_editor_through_review_and_translation_to_the_public(
    browser, live_site, editorial_team, page
):
    base, password = live_site["base"], editorial_team["password"]
    visitor = page

    with signed_in(browser, live_site, "editor", password) as editor:
        editor.get_by_role("button", name="Pages").click()
        editor.get_by_role("link", name="Palermo", exact=True).click()
        editor.get_by_role("link", name="Add child page").click()
        editor.get_by_role("link", name="Practice page", exact=True).click()
        editor.get_by_role("textbox", name="Title*").fill(ENGLISH["title"])
        editor.get_by_role("textbox", name="Summary*").fill(ENGLISH["summary"])
        editor.get_by_role("textbox", name="Start date*").fill("2026-03-01")
        editor.get_by_role("button", name="Choose theme").click()
        editor.get_by_role("dialog").get_by_role("link", name="Housing").click()
        expect(editor.get_by_role("dialog")).to_be_hidden()
        for field in ("context", "approach"):
            write_rich_text(editor, field, ENGLISH[field])
        wait_for_autosave(editor)
        editor.get_by_role("button", name="More actions").click()
        editor.get_by_role("button", name="Submit to Municipality of Palermo moderation").click()
        # Created by the autosave already: Wagtail's message is then the edit view's.
        expect(editor.get_by_text("submitted for moderation")).to_be_visible()
    assert visitor.goto(f"{base}/en{PATH}").status == 404

    with signed_in(browser, live_site, "moderator", password) as moderator:
        approve_from_the_dashboard(moderator, ENGLISH["title"])
    assert visitor.goto(f"{base}/en{PATH}").status == 200

    with signed_in(browser, live_site, "translator", password) as translator:
        queue = translator.get_by_role("region", name=re.compile("^Your translation queue"))
        queue.get_by_role("link", name=ENGLISH["title"]).click()
        translator.get_by_role("button", name="Start translating").click()
        expect(translator.get_by_text("English to Italian translation").first).to_be_visible()
        # Addresses keep their slug in every language: the slug's segment stays as it is.
        for field, source in ENGLISH.items():
            translate_segment(translator, source, ITALIAN[field])
        translator.get_by_role("link", name="Translation tasks").click()
        task = translator.get_by_role("row").filter(has_text=ENGLISH["title"])
        task.get_by_role("link", name="Submit for review").click()
        translator.get_by_role("button", name="Submit for review").click()
        expect(translator.get_by_text("in Italian sent to the reviewers")).to_be_visible()
    # A translation goes live only once its language's reviewers approve it: until
    # then the Italian page shows the English text, labelled as such.
    assert visitor.goto(f"{base}/it{PATH}").status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(ENGLISH["title"])
    expect(visitor.locator(".fallback-note")).to_be_visible()

    with signed_in(browser, live_site, "reviewer", password) as reviewer:
        approve_from_the_dashboard(reviewer, ITALIAN["title"])

    visitor.goto(f"{base}/en{PATH}")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(ENGLISH["title"])
    expect(visitor.get_by_text(ENGLISH["approach"])).to_be_visible()
    languages = visitor.get_by_role("navigation", name="Languages")
    languages.locator("summary").click()
    languages.get_by_role("link", name="italiano").click()
    visitor.wait_for_url(f"{base}/it{PATH}")
    expect(visitor.locator("html")).to_have_attribute("lang", "it")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(ITALIAN["title"])
    for field in ("summary", "context", "approach"):
        expect(visitor.get_by_text(ITALIAN[field])).to_be_visible()
    expect(visitor.get_by_text("Abitare", exact=True)).to_be_visible()
    languages = visitor.get_by_role("navigation", name="Lingue")
    languages.locator("summary").click()
    expect(languages.get_by_role("link", name="English")).to_have_attribute("href", f"/en{PATH}")
