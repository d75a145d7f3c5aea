import pytest


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "secret")
    client.force_login(user)
    return client


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
