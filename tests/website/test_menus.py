import re

from wagtailmenus.models import MainMenuItem


def menu(html, css_class):
    start = html.index(f'class="{css_class}"')
    block = html[start : html.index("</nav>", start)]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', block)


def test_main_menu_shows_italian_labels_and_links_on_italian_pages(client, net):
    response = client.get(net.page("practice", "it").url)
    assert menu(response.text, "main-menu") == [
        ("/it/practices/", "Buone pratiche"),
        ("/it/partners/", "Partner"),
        ("/it/events/", "Eventi"),
        ("/it/handbook/", "Manuale"),
        ("/it/about/", "La rete"),
    ]


def test_footer_menu_is_in_the_active_language(client, net):
    response = client.get(net.page("home", "ar").url)
    assert menu(response.text, "flat-menu") == [("/ar/about/", "عن الشبكة")]


def test_main_menu_marks_the_section_of_the_current_page(client, net):
    response = client.get(net.page("event").url)
    assert '<a href="/en/events/" aria-current="true">' in response.text


def test_main_menu_follows_a_renamed_page_at_once(client, net):
    client.get("/en/")
    events = net.page("events")
    events.title = "Meetings"
    events.save_revision().publish()
    assert ("/en/events/", "Meetings") in menu(client.get("/en/").text, "main-menu")


def test_main_menu_uses_a_fixed_label_when_the_editor_gives_one(client, net):
    MainMenuItem.objects.filter(link_page=net.page("handbook")).update(link_text="Our book")
    assert ("/en/handbook/", "Our book") in menu(client.get("/en/").text, "main-menu")


def test_partner_pages_show_the_partners_section_menu(client, net):
    response = client.get(net.page("practice", "it").url)
    section = menu(response.text, "section-menu")
    assert section == [
        ("/it/partners/palermo/", "Palermo"),
        ("/it/partners/palermo/local-stakeholders/", "Attori locali"),
    ]
