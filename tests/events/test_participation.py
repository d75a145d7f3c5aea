import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from events.factories import EventPageFactory, in_days
from events.models import ParticipationFigures, Registration


@pytest.fixture
def organiser(db, client):
    client.force_login(get_user_model().objects.create_superuser("org", "org@example.org", "pw"))
    return client


@pytest.fixture
def held(net):
    return EventPageFactory(
        parent=net.page("events"),
        title="Narratives and rumours",
        host_partner=net.page("partner"),
        start=in_days(-20, 9),
        end=in_days(-20, 17),
    )


def figures(event, total=40, countries=(), partners=(), **extra):
    return nested_form_data(
        {
            "event": event.pk,
            "total": total,
            "women": extra.get("women", 20),
            "men": extra.get("men", 18),
            "gender_other": extra.get("gender_other", 2),
            "under_30": extra.get("under_30", 12),
            "migrant_background": extra.get("migrant_background", 9),
            "countries": inline_formset(
                [{"country": code, "participants": number} for code, number in countries]
            ),
            "partners": inline_formset(
                [{"partner": partner.pk, "participants": number} for partner, number in partners]
            ),
        }
    )


ADD = "/admin/events/participation/new/"


def test_organiser_records_figures(organiser, held, net):
    data = figures(held, countries=[("IT", 25), ("DE", 15)], partners=[(net.page("partner"), 30)])
    response = organiser.post(ADD, data)
    assert response.status_code == 302, response.context["form"].errors
    recorded = ParticipationFigures.objects.get(event=held)
    assert recorded.total == 40
    assert sorted((c.country.code, c.participants) for c in recorded.countries.all()) == [
        ("DE", 15),
        ("IT", 25),
    ]


@pytest.mark.parametrize(
    "change,message",
    [
        ({"countries": [("IT", 30), ("DE", 15)]}, "The countries add up to 45"),
        ({"women": 30, "men": 15}, "Women, men and other add up to 47"),
        ({"under_30": 41}, "41 is more than the 40 participants"),
        ({"total": -3}, "greater than or equal to 0"),
        ({"countries": [("IT", 5), ("IT", 6)]}, "Please correct the duplicate"),
        ({"countries": [("IT", -1)]}, "greater than or equal to 0"),
    ],
)
def test_figures_that_cannot_be_true_are_refused_with_the_reason(organiser, held, change, message):
    response = organiser.post(ADD, figures(held, **change))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ParticipationFigures.objects.exists()


def test_partners_summing_above_the_total_are_refused(organiser, held, net):
    response = organiser.post(
        ADD,
        figures(
            held,
            total=10,
            partners=[(net.page("partner"), 11)],
            women=5,
            men=5,
            gender_other=0,
            under_30=0,
            migrant_background=0,
        ),
    )
    assert "The partners add up to 11" in response.content.decode()


def test_a_broken_post_is_a_form_with_errors_not_a_500(organiser, held):
    response = organiser.post(ADD, {"event": "nonsense", "total": "many"})
    assert response.status_code == 200
    assert not ParticipationFigures.objects.exists()


def test_the_form_starts_from_attendance(organiser, held):
    for number, (country, attended) in enumerate(
        [("IT", True), ("IT", True), ("FR", True), ("DE", False)]
    ):
        Registration.objects.create(
            event=held,
            name=f"P{number}",
            email=f"p{number}@example.org",
            country=country,
            consent=True,
            attended=attended,
        )
    response = organiser.get(ADD, {"event": held.pk})
    form = response.context["form"]
    assert form.initial["total"] == 3 or form["total"].value() == 3
    countries = form.formsets["countries"]
    assert sorted(
        (str(f["country"].value()), f["participants"].value()) for f in countries.forms
    ) == [
        ("FR", 1),
        ("IT", 2),
    ]


def test_an_unknown_event_in_the_address_gives_an_empty_form(organiser):
    assert organiser.get(ADD, {"event": "999999"}).status_code == 200
    assert organiser.get(ADD, {"event": "abc"}).status_code == 200


def test_figures_listing_and_edit_pages_render(organiser, held):
    from events.models import ParticipationFigures

    recorded = ParticipationFigures.objects.create(event=held, total=12)
    assert organiser.get("/admin/events/participation/").status_code == 200
    assert organiser.get(f"/admin/events/participation/edit/{recorded.pk}/").status_code == 200
