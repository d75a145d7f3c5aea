"""A coordinator adds a partner in the admin; its microsite is then served at its host."""


def test_a_coordinator_adds_a_partner_and_its_microsite_is_served_at_its_host(page, live_site):
    base = live_site["base"]
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", live_site["user"])
    page.fill("input[name=password]", live_site["password"])
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    page.goto(f"{base}/admin/partners/add/")
    page.fill("input[name=organisation_name]", "Câmara Municipal do Porto")
    page.select_option("select[name=organisation_type]", "municipality")
    page.fill("input[name=city]", "Porto")
    page.select_option("select[name=country]", "PT")
    page.check("input[name=languages][value=it]")
    page.fill("input[name=contact_email]", "convivium@porto.example.org")
    page.fill("input[name=hostname]", "porto.localhost")
    page.click("#w-editor-form button[type=submit]")
    page.wait_for_load_state()
    assert "Câmara Municipal do Porto is online." in page.content()

    page.goto(f"http://porto.localhost:{live_site['port']}/en/")
    assert page.locator("h1").inner_text() == "Porto"
    assert "Câmara Municipal do Porto" in page.locator(".site-brand").inner_text()
    page.goto(f"http://porto.localhost:{live_site['port']}/it/")
    assert page.locator("html").get_attribute("lang") == "it"
