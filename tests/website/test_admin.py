import pytest


def test_taxonomy_menu_groups_themes_and_target_groups(admin_client, net):
    response = admin_client.get("/admin/")
    assert "Taxonomy" in response.text
    for url in ("/admin/snippets/practices/theme/", "/admin/snippets/practices/targetgroup/"):
        assert admin_client.get(url).status_code == 200


def test_theme_list_filters_by_language(admin_client, net):
    response = admin_client.get("/admin/snippets/practices/theme/?locale=it")
    assert "Integrazione" in response.text
    assert "Integration</a>" not in response.text


def test_menus_are_edited_in_the_admin(admin_client, net):
    assert admin_client.get("/admin/wagtailmenus/mainmenu/").status_code in (200, 302)


def test_branding_is_edited_per_site(admin_client, net):
    response = admin_client.get(f"/admin/settings/website/sitebranding/{net.site.pk}/")
    assert response.status_code == 200
    assert "Accent colour" in response.text


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "about",
        "partners",
        "partner",
        "practices",
        "practice",
        "events",
        "event",
        "handbook",
        "chapter",
    ],
)
def test_page_editor_opens_for_every_page_type(admin_client, net, name):
    page = net.page(name)
    response = admin_client.get(f"/admin/pages/{page.id}/edit/")
    assert response.status_code == 200
    assert page.title in response.text


def test_practice_editor_offers_themes_and_target_groups_choosers(admin_client, net):
    response = admin_client.get(f"/admin/pages/{net.page('practice').id}/edit/")
    assert "practice_themes-FORMS" in response.text
    assert "practice_target_groups-FORMS" in response.text
