"""A visitor finds a practice, reads it in Italian, searches, saves an event, opens the handbook."""

import re


def test_a_visitor_goes_from_the_home_page_to_the_handbook(page, live_site):
    base = live_site["base"]
    page.goto(f"{base}/en/")

    page.click("header a[href='/en/practices/']")
    page.get_by_role("link", name=re.compile(r"^Intercultural dialogue")).click()
    page.get_by_role("link", name=re.compile(r"^Italy")).click()
    assert "theme=intercultural-dialogue" in page.url and "country=IT" in page.url
    page.get_by_role("link", name="Storytelling walks through the Ballarò market").click()
    assert page.locator("h1").inner_text() == "Storytelling walks through the Ballarò market"

    page.click(".language-switcher summary")
    page.click(".language-switcher a[hreflang='it']")
    assert page.locator("html").get_attribute("lang") == "it"
    assert page.locator("h1").inner_text() == "Passeggiate narrate nel mercato di Ballarò"

    page.fill("header input[name=q]", "mercato")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/it/search/\?q=mercato"))
    assert page.get_by_role("link", name="Passeggiate narrate nel mercato di Ballarò").count()

    page.goto(f"{base}/it/events/")
    page.locator("main article a, main .card a").first.click()
    with page.expect_download() as download:
        page.click("a[href$='calendar.ics'][download]")
    calendar = download.value.path().read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in calendar

    page.click("header a[href='/it/handbook/']")
    assert page.locator("html").get_attribute("lang") == "it"
    assert page.locator("main ol li a").count() >= 1


def test_no_page_type_logs_an_error_to_the_console(page, live_site):
    """Chromium reports a header it cannot apply (a policy, a feature) to the console."""
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for urls in live_site["page_types"].values():
        for language in ("en", "ar"):
            if language in urls:
                page.goto(live_site["base"] + urls[language])
    assert errors == []
