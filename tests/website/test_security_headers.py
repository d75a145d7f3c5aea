"""Public pages carry a Content-Security-Policy that forbids inline scripts."""

import pytest


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_public_pages_allow_scripts_only_from_the_site_itself(net, client, language):
    response = client.get(net.page("practice", language).url)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy.get("style-src", [])
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_no_public_page_has_an_inline_script_or_event_handler(net, client):
    for name in net.pages:
        for language in ("en", "ar"):
            content = client.get(net.page(name, language).url).content.decode()
            for script in content.split("<script")[1:]:
                opening = script.split(">", 1)[0]
                # Scripts come from files; JSON-LD data blocks are not executed.
                assert " src=" in opening or 'type="application/ld+json"' in opening, (
                    name,
                    language,
                    opening,
                )
            assert " onclick=" not in content and " onload=" not in content, (name, language)


def test_pages_from_the_page_cache_carry_the_policy_too(net, client, settings):
    settings.CONVIVIUM_PAGE_CACHE_SECONDS = 60
    url = net.page("practice", "en").url
    client.get(url)
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit"
    assert "script-src 'self'" in cached["Content-Security-Policy"]


def test_the_admin_keeps_wagtails_own_scripts(net, admin_client):
    assert "Content-Security-Policy" not in admin_client.get("/admin/")
