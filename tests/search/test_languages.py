"""The search page, not being a Wagtail page, links the same search in every language."""


def content(response):
    assert response.status_code == 200
    return response.content.decode()


def test_the_switcher_links_the_same_search_in_each_language_of_the_site(client, search_index):
    page = content(client.get("/en/search/?q=market&theme=integration&page=1"))
    switcher = page[page.index('class="language-switcher"') :]
    for code in ("en", "it", "ar"):
        assert f'href="/{code}/search/?q=market&amp;theme=integration" lang="{code}"' in switcher
    assert 'href="/en/search/?q=market&amp;theme=integration" lang="en" hreflang="en"' in (switcher)
    assert 'hreflang="en" aria-current="true"' in switcher


def test_languages_without_a_home_page_on_the_site_are_not_offered(client, search_index):
    page = content(client.get("/en/search/?q=market"))
    assert "/it/search/" in page
    assert "/el/search/" not in page  # the shared network is in English, Italian and Arabic


def test_the_search_page_has_hreflang_alternates_and_an_x_default(client, search_index):
    page = content(client.get("/it/search/?q=mercato"))
    head = page[: page.index("</head>")]
    assert '<link rel="alternate" hreflang="ar" href="http://localhost/ar/search/?q=mercato">' in (
        head
    )
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://localhost/en/search/?q=mercato">'
        in head
    )


def test_the_arabic_search_page_is_right_to_left_with_its_switcher(client, search_index):
    page = content(client.get("/ar/search/?all=on"))
    assert '<html lang="ar" dir="rtl"' in page
    assert 'href="/ar/search/?all=on" lang="ar" hreflang="ar" aria-current="true"' in page
    assert 'href="/en/search/?all=on" lang="en" hreflang="en">English</a>' in page


def test_a_refused_search_keeps_its_switcher(client, search_index):
    response = client.get("/en/search/?year=abc")
    assert response.status_code == 400
    assert 'href="/it/search/?year=abc"' in response.content.decode()
