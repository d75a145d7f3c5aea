"""Every absolute address the demo prints answers, at the host and port it is served on.

The demo network (one partner) is loaded once for the module, inside a transaction
that is rolled back at the end. Addresses are followed with the test client, the
host and port of each taken from the address itself, as a browser would.
"""

import io
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.models import Site

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def load_demo(*arguments):
    out = io.StringIO()
    call_command("load_demo", "--partners", "palermo", "--no-admin", *arguments, stdout=out)
    return out.getvalue()


@pytest.fixture
def served_at_8123(palermo_demo, db):
    """The demo loaded again, as `make demo PORT=8123` does."""
    output = load_demo("--address", "localhost:8123")
    return {"output": output, "site": Site.objects.get(is_default_site=True)}


def get(client, url):
    """``url`` fetched at its own host and port."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return client.get(path, HTTP_HOST=parts.netloc, SERVER_PORT=str(parts.port or 80))


def sitemap_addresses(client, url):
    """Every page location and hreflang alternate of a sitemap or sitemap index."""
    response = get(client, url)
    assert response.status_code == 200, url
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own output
    if root.tag.endswith("sitemapindex"):
        addresses = set()
        for section in root.findall("s:sitemap/s:loc", NS):
            addresses |= sitemap_addresses(client, section.text)
        return addresses
    addresses = {loc.text for loc in root.findall("s:url/s:loc", NS)}
    addresses |= {link.get("href") for link in root.findall("s:url/x:link", NS)}
    return addresses


class HeadLinks(HTMLParser):
    """The canonical and hreflang alternates of a page."""

    def __init__(self, html):
        super().__init__()
        self.canonical, self.alternates = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag != "link" or not attrs.get("href"):
            return
        if attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.alternates.append(attrs["href"])


def robots_sitemap(client, site):
    response = get(client, f"{site.root_url}/robots.txt")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    return next(line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap: "))


def test_every_address_of_the_sitemap_and_of_every_page_head_answers(served_at_8123, client):
    site = served_at_8123["site"]
    origin = site.root_url
    pages = sitemap_addresses(client, robots_sitemap(client, site))
    assert len(pages) > 50
    followed, heads = set(), set()
    for url in sorted(pages):
        response = get(client, url)
        assert response.status_code == 200, url
        followed.add(url)
        links = HeadLinks(response.content.decode())
        assert len(links.canonical) == 1, url
        heads |= {*links.canonical, *links.alternates}
    for url in sorted(heads - followed):
        assert get(client, url).status_code == 200, url
    assert {urlsplit(url).netloc for url in pages | heads} == {urlsplit(origin).netloc}


def test_load_demo_with_an_address_puts_its_port_in_every_printed_address(served_at_8123, client):
    site = served_at_8123["site"]
    assert (site.hostname, site.port, site.root_url) == ("localhost", 8123, "http://localhost:8123")
    assert "Site: http://localhost:8123/" in served_at_8123["output"]
    pages = sitemap_addresses(client, f"{site.root_url}/sitemap.xml")
    assert pages and all(url.startswith("http://localhost:8123/") for url in pages)
    home = HeadLinks(get(client, "http://localhost:8123/el/").content.decode())
    assert home.canonical == ["http://localhost:8123/el/"]
    assert all(url.startswith("http://localhost:8123/") for url in home.alternates)


def test_robots_txt_names_the_sitemap_at_the_sites_root_url(served_at_8123, client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    site = served_at_8123["site"]
    assert robots_sitemap(client, site) == f"{site.root_url}/sitemap.xml"
    # Whatever name the request used, robots.txt names the Site's own address.
    response = client.get("/robots.txt", HTTP_HOST="127.0.0.1:8123", SERVER_PORT="8123")
    assert "Sitemap: http://localhost:8123/sitemap.xml" in response.content.decode()


def test_loading_the_demo_again_with_another_address_moves_the_site(served_at_8123):
    load_demo("--address", "localhost:8124")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 8124)
    assert Site.objects.count() == 1


def test_a_new_partners_own_site_answers_on_the_port_of_the_network(served_at_8123, client):
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command(
            "add_partner",
            "Comune di Bologna",
            "--city",
            "Bologna",
            "--country",
            "IT",
            "--hostname",
            "bologna.localhost",
            stdout=io.StringIO(),
        )
    site = Site.objects.get(hostname="bologna.localhost")
    assert site.port == 8123
    assert get(client, f"{site.root_url}/en/").status_code == 200


def test_an_address_that_is_not_host_and_port_is_refused():
    with pytest.raises(CommandError, match="not host:port"):
        call_command("load_demo", "--address", "localhost:http")
