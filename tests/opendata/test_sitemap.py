import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

SCHEMA = Path(__file__).parent / "schemas" / "sitemap-with-alternates.xsd"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}

needs_xmllint = pytest.mark.skipif(
    shutil.which("xmllint") is None,
    reason="xmllint is not installed (Debian package libxml2-utils, installed by .ci/run)",
)


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content


def entries(content):
    """{location: {hreflang: href}} of a sitemap."""
    found = {}
    root = ET.fromstring(content)  # noqa: S314 - the site's own output
    for url in root.findall("s:url", NS):
        location = url.find("s:loc", NS).text
        found[location] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
    return found


def validate(content, tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_bytes(content)
    return subprocess.run(  # noqa: S603 - a fixed program on a file the test wrote
        ["xmllint", "--noout", "--schema", str(SCHEMA), str(path)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )


@needs_xmllint
def test_the_sitemap_validates_against_the_sitemaps_org_schema(client, net, tmp_path):
    result = validate(sitemap(client), tmp_path)
    assert result.returncode == 0, result.stderr


@needs_xmllint
def test_the_schema_check_refuses_a_broken_sitemap(client, net, tmp_path):
    broken = sitemap(client).replace(b"hreflang=", b"lang=", 1)
    assert validate(broken, tmp_path).returncode != 0


def test_every_live_page_is_listed_in_every_language(client, net):
    found = entries(sitemap(client))
    for name in net.pages:
        for language in ("en", "it", "ar"):
            assert net.page(name, language).full_url in found


def test_each_url_lists_all_its_translations_and_x_default(client, net):
    practice = {
        language: net.page("practice", language).full_url for language in ("en", "it", "ar")
    }
    alternates = entries(sitemap(client))[practice["it"]]
    assert alternates == {**practice, "x-default": practice["en"]}


def test_urls_carry_the_date_of_their_last_publication(client, net):
    practice = net.page("practice", "ar")
    practice.save_revision().publish()
    practice.refresh_from_db()
    root = ET.fromstring(sitemap(client))  # noqa: S314 - the site's own output
    lastmod = {
        url.find("s:loc", NS).text: url.find("s:lastmod", NS).text
        for url in root.findall("s:url", NS)
        if url.find("s:lastmod", NS) is not None
    }
    assert lastmod[practice.full_url] == f"{practice.last_published_at:%Y-%m-%d}"


def test_private_and_unpublished_pages_are_left_out(client, net):
    private = net.page("about", "it")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    draft = net.page("chapter", "ar")
    draft.unpublish()
    found = entries(sitemap(client))
    assert private.full_url not in found
    assert draft.full_url not in found
    assert "it" not in found[net.page("about").full_url]


def test_robots_txt_points_to_the_sitemap(client, net):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_the_sitemap_needs_the_same_queries_for_few_and_many_pages(client, net, add_practices):
    def count():
        sitemap(client)  # the first request fills the cache of site root paths
        with CaptureQueriesContext(connection) as context:
            sitemap(client)
        return len(context.captured_queries)

    partner, _pages = add_practices(1)
    few = count()
    add_practices(8, partner=partner)
    assert count() == few


def test_a_partner_microsite_lists_its_own_pages_at_its_own_address(client, net):
    Site.objects.create(hostname="palermo.localhost", port=80, root_page=net.page("partner"))
    response = client.get("/sitemap.xml", HTTP_HOST="palermo.localhost")
    found = entries(response.content)
    assert found
    assert all(location.startswith("http://palermo.localhost/") for location in found)
    assert "http://palermo.localhost/it/market-walks/" in found
    assert not any("/about/" in location for location in found)
    robots = client.get("/robots.txt", HTTP_HOST="palermo.localhost").content.decode()
    assert "Sitemap: http://palermo.localhost/sitemap.xml" in robots.splitlines()
